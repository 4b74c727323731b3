"""ui/shared_library.py: conversations keep answering when the served stores are reopened."""

from __future__ import annotations

from assistant.answer import Status
from assistant.config import load_config
from ui.shared_library import SharedLibrary
from ui_server import copy_home


def test_a_conversation_begun_before_a_reload_answers_from_the_reopened_stores(sample_home, tmp_path):
    # reload() closes the old SQLite connection: a conversation (and its passage search)
    # begun before it must move to the new stores, not fail with "closed database".
    shared = SharedLibrary(load_config(copy_home(sample_home, tmp_path / "home")), ensure_sample=False)
    conversation = shared.conversation()
    assert shared.ask(conversation, "公车有几辆？").status is Status.ANSWERED
    shared.reload()
    answer = shared.ask(conversation, "为什么预算比去年多？")                       # a passage search
    assert answer.status is Status.ANSWERED and not answer.internal_error
    assert shared.ask(conversation, "物业管理费是多少？").status is Status.ANSWERED
