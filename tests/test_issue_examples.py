"""The questions the answers issue was filed with, on the real 2025 street-office budget PDF and the
sample: each answered with the document's own figure or sentence, or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from assistant.config import load_config
from assistant.conversation import Conversation
from index.ingest import ingest_files
from index.library import open_library

PDF_2025 = Path(__file__).parent / "fixtures" / "real_pdf" / "上海市普陀区人民政府万里街道办事处25年预算.pdf"


@pytest.fixture(scope="module")
def street_office(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    config = load_config(tmp_path_factory.mktemp("wanli-2025"))
    (result,) = ingest_files(config, [PDF_2025])
    assert result.status == "added", result.error
    return Conversation(open_library(config), config)


@pytest.mark.parametrize("question, printed", [
    # "…机关运行经费…464.64万元" (its 机关运行经费 paragraph), not the glossary's definition
    ("机关运行经费是多少？", "464.64万元"),
    # "…财政拨款收入18,976.76万元…比2024年预算增加3,355.65万元"
    ("财政拨款收入比2024年增加了多少？", "3,355.65万元"),
    # "财政拨款收入支出增加的主要原因是项目调整"
    ("为什么财政拨款增加了？", "项目调整"),
])
def test_the_street_office_budget_answers_with_its_own_words(street_office: Conversation, question: str,
                                                              printed: str) -> None:
    answer = street_office.fresh().ask(question)
    assert answer.status is Status.ANSWERED and printed in answer.text, answer.text


def test_traditional_characters_ask_the_same_as_simplified(sample_home: Path) -> None:
    # the sample: "政府采购…278万元"
    config = load_config(sample_home)
    answer = Conversation(open_library(config), config).ask("政府採購預算是多少錢")
    assert answer.status is Status.ANSWERED and "278万元" in answer.text, answer.text
