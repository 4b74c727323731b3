"""ingest/tables/build.py: every table of the sample matches its hand-typed grid, cell for cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders.expected_grids import assert_table_matches_grid, squeeze
from ingest.document import parse_document
from ingest.model import TableGrid
from ingest.tables.build import table_from_grid

EXPECTED = Path(__file__).parent / "fixtures" / "sample_tables"


@pytest.fixture(scope="module")
def sample_tables(sample_path):
    document = parse_document(sample_path)
    return {table.number: table for table in document.tables}


@pytest.mark.parametrize("number", range(1, 12))
def test_table_matches_hand_typed_grid(sample_tables, number):
    expected = json.loads((EXPECTED / f"表{number}.json").read_text(encoding="utf-8"))
    table = sample_tables[number]
    assert squeeze(table.title) == squeeze(expected["title"])
    assert table.unit == expected["unit"]
    assert_table_matches_grid(table, number)


def test_sample_has_exactly_eleven_complete_tables(sample_tables):
    assert sorted(sample_tables) == list(range(1, 12))
    assert all(t.complete for t in sample_tables.values())


def test_cells_are_parsed_with_table_or_own_unit(sample_tables):
    cell = sample_tables[4].rows[3].cells[0]  # 津贴补贴 1,262
    assert (cell.raw, cell.value, cell.unit, cell.qualifier) == ("1,262", 1262.0, "万元", "")
    targets = {r.label: r.cells[-1] for r in sample_tables[11].rows}
    documents = targets["社保文书送达件数"]
    assert (documents.value, documents.unit, documents.qualifier) == (3600.0, "件", "≥")
    rate = targets["投诉处理率"]
    assert (rate.value, rate.unit, rate.qualifier) == (100.0, "%", "=")
    assert targets["档案分类规范性"].value is None


def test_rows_know_their_source_line(sample_tables, sample_path):
    lines = sample_path.read_text(encoding="utf-8").splitlines()
    row = next(r for r in sample_tables[4].rows if r.label == "物业管理费")
    assert "物业管理费 231" in lines[row.line - 1]
    wrapped = next(r for r in sample_tables[4].rows if r.label == "机关事业单位基本养老保险缴费")
    assert lines[wrapped.line - 1].strip() == "机关事业单位基本养"


def test_footnotes_are_kept_as_notes(sample_tables):
    assert any("财政拨款收支情况包括" in note for note in sample_tables[1].notes)
    assert sample_tables[9].notes and "本表本年无发生额" in sample_tables[9].notes[0]


def test_unknown_title_falls_back_to_generic_keeping_every_row():
    grid = TableGrid(number=0, title="某某情况统计表", unit="万元",
                     header_paths=(("项目",), ("本年预算数",), ("上年预算数",)),
                     rows=(("一、合计", "34.35", "30"), ("  1.公务接待费", "1.70", ""), ("说明行",)))
    table = table_from_grid(grid)
    assert table.schema == "generic"
    assert table.columns == (("本年预算数",), ("上年预算数",))
    assert [r.label for r in table.rows] == ["合计", "公务接待费", "说明行"]
    assert table.rows[1].cells[0].value == 1.70


def test_known_title_with_wrong_value_count_falls_back_to_generic():
    grid = TableGrid(number=4, title="基本支出总表", unit="万元", header_paths=(),
                     rows=(("工资福利支出", "2,315", "2,315"), ("  基本工资", "420", "420")))
    table = table_from_grid(grid)
    assert table.schema == "generic"
    assert table.columns == (("列1",), ("列2",))
    assert table.rows[1].path == ("工资福利支出", "基本工资")


def test_grid_with_header_paths_from_a_spreadsheet_uses_them():
    header = (("科目编码",), ("科目名称",), ("支出总计",), ("基本支出",), ("项目支出",))
    grid = TableGrid(number=7, title="一般公共预算支出表", unit="元", header_paths=header,
                     rows=(("某某局", "", "100", "60", "40"), ("208", "社会保障和就业支出", "100", "60", "40"),
                           ("20801", "人力资源和社会保障管理事务", "100", "60", "40")))
    table = table_from_grid(grid)
    assert table.rows[0].path == ("某某局",) and table.rows[0].is_total
    assert table.schema == "一般公共预算支出表"
    assert table.columns == (("支出总计",), ("基本支出",), ("项目支出",))
    assert table.rows[2].path == ("社会保障和就业支出", "人力资源和社会保障管理事务")
    assert table.rows[2].code == "20801"
    assert table.rows[2].cells[0].unit == "元"
