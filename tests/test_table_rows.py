"""Count questions about a table's rows count the rows of the parsed table, figures or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from assistant.config import load_config
from assistant.conversation import Conversation
from assistant.number_text import text_states_number
from assistant.table_rows import count_rows
from ingest import sample_path
from ingest.document import parse_document
from index.library import open_library


@pytest.fixture(scope="module")
def tables() -> dict:
    document = parse_document(sample_path())
    return {document.doc_id: tuple(document.tables)}


@pytest.mark.parametrize("question, count, named", [
    # 表11: 15 三级指标 rows, two of them (档案分类规范性, 社保业务规范程度) with the target "规范", no figure.
    ("单位整体绩效目标设置了几个三级绩效指标？", 15, "社保业务规范程度"),
    ("三级指标有多少个？", 15, "档案分类规范性"),
    ("有几个二级指标？", 6, "可持续影响指标"),      # 数量 质量 时效 成本 社会效益 可持续影响
    ("一级指标有几个？", 2, "效益指标"),           # 产出指标, 效益指标
    ("数量指标有几个？", 5, "志愿服务岗位数量"),
    ("质量指标有几个？", 4, "档案分类规范性"),
])
def test_counts_rows_of_the_table(tables: dict, question: str, count: int, named: str) -> None:
    found = count_rows(question, tables)
    assert found is not None and found.table.number == 11
    assert len(found.rows) == count
    assert named in found.names


def test_question_naming_no_rows_is_left_to_the_records(tables: dict) -> None:
    assert count_rows("公车有几辆？", tables) is None


def test_row_count_answer_cites_the_table(sample_home: Path) -> None:
    config = load_config(sample_home)
    answer = Conversation(open_library(config), config).ask("单位整体绩效目标设置了几个三级绩效指标？")
    assert answer.status is Status.ANSWERED
    assert text_states_number(answer.text, 15) and not text_states_number(answer.text, 13)
    assert answer.citations[0].ref == "表11"
    assert answer.facts[0].value == 15
