"""assistant/coverage.py: an answer must show what the question names; a figure question is not
answered by a title line whose only digits are its year. Real excerpts of the development corpus;
what each prints was read from the file (see the comments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from assistant.config import Config, load_config
from assistant.conversation import Conversation
from index.ingest import ingest_files
from index.library import open_library

TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
REFUSED = (Status.NOT_FOUND, Status.OUT_OF_SCOPE)


def _conversation(home: Path, name: str) -> Conversation:
    config = Config(home=home)
    (result,) = ingest_files(config, [TEXTS / name])
    assert result.status == "added", result.error
    return Conversation(open_library(config), config)


@pytest.fixture(scope="module")
def township(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    # A 财政所 budget excerpt: its 收支总表 and 支出 tables; it never mentions 三公 at all.
    return _conversation(tmp_path_factory.mktemp("g01"), "g01-pingshan-xiakou-caizhengsuo-2025-budget.txt")


@pytest.fixture(scope="module")
def statistics(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    # A 决算 excerpt of title, contents and the 机构设置 part: "十、财政拨款“三公”经费支出决算表" is a
    # contents line; no 收入总计 or 三公 figure is printed.
    return _conversation(tmp_path_factory.mktemp("n14"), "n14-beijing-tongjiju-2021-final.txt")


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    # A 决算 excerpt: 本年收入 434.16万元 beside 年初结转和结余.
    return _conversation(tmp_path_factory.mktemp("g03"), "g03-wulumuqi-zhengwufuwu-2023-final.txt")


def test_a_figure_the_document_does_not_print_is_not_found_not_another_figure(township: Conversation):
    answer = township.fresh().ask("下口镇财政所2025年“三公”经费预算是多少？")
    assert answer.status in REFUSED, answer.text
    assert not answer.internal_error


@pytest.mark.parametrize("question", ["北京市统计局2021年的“三公”经费是多少？", "北京市统计局2021年收入总计是多少？"])
def test_a_title_or_contents_line_is_no_figure(statistics: Conversation, question: str):
    answer = statistics.fresh().ask(question)
    assert answer.status in REFUSED, answer.text


def test_what_the_question_leaves_out_need_not_be_shown(centre: Conversation):
    answer = centre.fresh().ask("2023年当年实际进账多少（不算上年结转）？")
    assert answer.status == Status.ANSWERED, answer.text
    assert "434.16" in answer.text


def test_a_short_form_is_shown_by_the_label_it_stands_for(sample_home: Path):
    # The sample's 第五部分: "2022年我单位持有2辆公务用车" — asked as 公车.
    conversation = Conversation(open_library(load_config(sample_home)), load_config(sample_home))
    answer = conversation.ask("公车有几辆？")
    assert answer.status == Status.ANSWERED and "2辆" in answer.text, answer.text
    reason = conversation.fresh().ask("为什么公车少了一辆？")
    assert "已达报废年限" in reason.text, reason.text
