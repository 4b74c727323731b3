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


@pytest.mark.parametrize("name, question, value", [
    # "教育部2024年度收入總計64,999,264.21萬元,支出總計64,999,264.21萬元。與2023年相比,收、支總計各增加
    # 2,963,406.12萬元" → 64,999,264.21 − 2,963,406.12 = 62,035,858.09
    ("g12-zhongyang-jiaoyubu-2024-final.txt", "2023年收支总计是多少？", "62,035,858.09"),
    # "2023年度收入總計434.72萬元 … 收入支出總體與上年相比,增加58.21萬元" → 434.72 − 58.21 = 376.51
    ("g03-wulumuqi-zhengwufuwu-2023-final.txt", "2022年收支总计是多少？", "376.51"),
])
def test_last_years_joint_total_follows_from_the_joint_change(tmp_path: Path, name, question, value):
    from assistant.config import Config
    from index.ingest import ingest_files

    config = Config(home=tmp_path)
    texts = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
    (result,) = ingest_files(config, [texts / name])
    assert result.status == "added", result.error
    answer = Conversation(open_library(config), config).ask(question)
    assert answer.status.value == "answered" and value in answer.text, answer.text


def test_last_years_figure_follows_from_a_change_stated_under_its_short_name(tmp_path: Path):
    # s02: "(一)收入预算,2018年年初预算数596.09万元,…" then "收入较去年增加了110.58万元,…": the change is
    # the 收入年初预算's → 2017: 596.09 − 110.58 = 485.51
    from assistant.config import Config
    from index.ingest import ingest_files

    config = Config(home=tmp_path)
    texts = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
    (result,) = ingest_files(config, [texts / "s02-yueyang-jingkaiqu-xuanchuan-2018-budget.txt"])
    assert result.status == "added", result.error
    answer = Conversation(open_library(config), config).ask("2017年的收入预算大概是多少？")
    assert answer.status.value == "answered" and "485.51" in answer.text, answer.text


def test_a_classification_code_is_no_year(tmp_path: Path):
    # The sample prints "2080505 机关事业单位基本养老保险缴费支出 167": the code's first digits are no year 2080.
    from assistant.config import Config
    from assistant.conversation import Conversation
    from index.ingest import ingest_files
    from index.library import open_library
    from ingest import sample_path

    config = Config(home=tmp_path)
    ingest_files(config, [sample_path()])
    answer = Conversation(open_library(config), config).ask("2080505的预算是多少？")
    assert "2080年" not in answer.text, answer.text
    assert answer.status.value == "answered" and "167" in answer.text, answer.text


def test_a_code_asked_after_another_is_no_year_either(tmp_path: Path):
    # "科目2080109是多少" then "2080505的预算是多少？" (both codes of the sample's 表7): no year 2080 in either
    from assistant.config import Config
    from index.ingest import ingest_files
    from ingest import sample_path

    config = Config(home=tmp_path)
    ingest_files(config, [sample_path()])
    chat = Conversation(open_library(config), config)
    first, second = chat.ask("科目2080109是多少"), chat.ask("2080505的预算是多少？")
    assert "2,534万元" in first.text and "167万元" in second.text and "2080年" not in second.text, second.text
