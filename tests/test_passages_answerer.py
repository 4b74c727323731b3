"""assistant/passages_answerer.py: a blank template's placeholder sentences are never an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from assistant.config import Config
from assistant.conversation import Conversation
from index.ingest import ingest_files
from index.library import open_library

TEMPLATE = Path(__file__).parent / "fixtures" / "real_pdf" / "附件2：部门决算模板.pdf"


@pytest.fixture(scope="module")
def template_conversation(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    config = Config(home=tmp_path_factory.mktemp("template-home"))
    (result,) = ingest_files(config, [TEMPLATE])
    assert result.status == "added", result.error
    return Conversation(open_library(config), config)


# Questions of tests/fixtures/dev_corpus/questions/final-template-2024.jsonl: the template prints
# "XXX万元" where a department's figures would stand.
@pytest.mark.parametrize("question", ["这份决算模板的三公经费决算数是多少？", "按这个模板，XX局的政府采购金额是多少？",
                                      "模板里基本支出占本年支出合计的百分之几？"])
def test_a_template_placeholder_is_not_an_answer(template_conversation: Conversation, question: str):
    answer = template_conversation.fresh().ask(question)
    assert answer.status in (Status.NOT_FOUND, Status.OUT_OF_SCOPE), answer.text
    assert "XXX" not in answer.text and not answer.internal_error
