"""ingest/tables/table_records.py: one record per number printed in a table; none invented."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from ingest.document import parse_document

EXPECTED = Path(__file__).parent / "fixtures" / "sample_tables"
NUMBER = re.compile(r"^[≥≤=<>]?-?[\d,]+(\.\d+)?(%|件|次|人|个)?$")


@pytest.fixture(scope="module")
def table_records(sample_path):
    return [r for r in parse_document(sample_path).records if r.source == "table"]


def _typed_numbers():
    """(table, row path, column path, value) of every number in the hand-typed grids."""
    found = []
    for number in range(1, 12):
        grid = json.loads((EXPECTED / f"表{number}.json").read_text(encoding="utf-8"))
        for row in grid["rows"]:
            for column, raw in zip(grid["columns"], row["cells"]):
                raw = re.sub(r"\s+", "", raw)
                if NUMBER.match(raw):
                    value = float(re.sub(r"[^\d.\-]", "", raw))
                    found.append((number, tuple(row["path"]), tuple(column), value))
    return found


def test_every_printed_table_number_is_a_record_and_none_is_invented(table_records):
    parsed = Counter((r.table_no, tuple(re.sub(r"\s", "", p) for p in r.row_path), r.column_path, r.value)
                     for r in table_records)
    assert parsed == Counter(_typed_numbers())


def test_record_knows_table_row_column_unit_and_line(table_records, sample_path):
    record = next(r for r in table_records if r.table_no == 4 and r.label == "物业管理费"
                  and r.column_path == ("政府预算拨款", "一般公共预算拨款"))
    assert record.value == 231
    assert record.unit == "万元"
    assert record.table_title == "基本支出总表"
    assert record.row_path == ("商品和服务支出", "物业管理费")
    assert record.period == "2022" and record.measure == "amount"
    assert record.department == "深圳市社会保险基金管理局罗湖分局" and record.year == 2022
    line = sample_path.read_text(encoding="utf-8").splitlines()[record.line - 1]
    assert "物业管理费 231" in line and "物业管理费" in record.quote


def test_coded_rows_carry_their_code(table_records):
    record = next(r for r in table_records if r.table_no == 7 and r.row_code == "2080109"
                  and r.column_path == ("项目支出",))
    assert record.value == 655
    assert record.row_path == ("社会保障和就业支出", "人力资源和社会保障管理事务", "社会保险经办机构")


def test_year_rows_give_period_and_column_label(table_records):
    hosting = {(r.period, r.measure): r.value for r in table_records
               if r.table_no == 8 and r.label == "公务接待费"}
    assert hosting == {("2021", "amount"): 1, ("2022", "amount"): 1, ("2022", "change"): 0}
    change = next(r for r in table_records if r.table_no == 8 and r.measure == "change")
    assert change.base_period == "2021"


def test_targets_keep_qualifier_and_own_unit(table_records):
    targets = {r.label: r for r in table_records if r.table_no == 11 and r.measure == "target"}
    assert (targets["社保文书送达件数"].value, targets["社保文书送达件数"].unit,
            targets["社保文书送达件数"].qualifier) == (3600, "件", "≥")
    assert (targets["案件调查次数"].value, targets["案件调查次数"].qualifier) == (8, "≤")
    assert targets["投诉处理率"].unit == "%"
    assert "档案分类规范性" not in targets  # "规范" is not a number


def test_two_sided_records_start_with_the_side(table_records):
    paths = {r.row_path: r.value for r in table_records if r.table_no == 1}
    assert paths[("收入", "单位资金", "其他收入")] == 149
    assert paths[("支出", "社会保障和就业支出")] == 3049
