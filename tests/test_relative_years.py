"""去年/前年/明年 resolve against the disclosure's year (2022 for the sample)."""

from pathlib import Path

import pytest

from assistant.config import load_config
from assistant.conversation import Conversation
from index.library import open_library


@pytest.fixture(scope="module")
def conversation(sample_home: Path) -> Conversation:
    config = load_config(sample_home)
    return Conversation(open_library(config), config)


# 第二部分: "部门预算支出 3,776 万元，比 2021 年增加 208 万元" → 2021: 3,776 − 208 = 3,568.
@pytest.mark.parametrize("question", ["去年预算多少", "2021年预算多少？", "上年的预算是多少"])
def test_last_years_total_follows_from_the_stated_change(conversation, question):
    answer = conversation.fresh().ask(question)
    assert answer.status.value == "answered"
    assert "3,568" in answer.text and "3,776 − 208" in answer.text
    assert "2021年" in answer.text
    assert any(c.ref == "第二部分" for c in answer.citations)


# 表8 prints the 2021 row: 总计 8, 公务接待费 1.
@pytest.mark.parametrize("question, value", [("去年三公经费多少", "8万元"), ("上年公务接待费", "1万元")])
def test_last_years_figure_printed_in_a_table(conversation, question, value):
    answer = conversation.fresh().ask(question)
    assert answer.status.value == "answered"
    assert value in answer.text and "2021年" in answer.text
    assert any(c.ref == "表8" for c in answer.citations)


@pytest.mark.parametrize("question, year", [("前年预算多少", "2020"), ("明年预算多少", "明年")])
def test_years_the_disclosure_does_not_state_are_not_found(conversation, question, year):
    answer = conversation.fresh().ask(question)
    assert answer.status.value == "not_found"
    assert year in answer.text and "2022年部门预算" in answer.text
    assert "3,776" not in answer.text


def test_this_year_is_the_disclosures_year(conversation):
    answer = conversation.fresh().ask("今年预算多少")
    assert "3,776" in answer.text and "2022年" in answer.text
