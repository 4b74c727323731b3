"""ingest/readers/xlsx.py: workbooks of the sample's tables (one per sheet, merged headers) parse to the same tables.

The workbooks are written at test time (openpyxl for .xlsx, xlwt for .xls)
from the hand-typed expected grids; after `table_from_grid` the tables must
equal those grids cell for cell (whitespace removed, as CONVENTIONS.md says).
"""

from __future__ import annotations

import io
import zipfile

import pytest

from builders.printed_tables import LABEL_COLUMNS, load_grid, printable_numbers
from builders.expected_grids import assert_table_matches_grid, squeeze
from builders.sample_xlsx import build_sample_xls, build_sample_xlsx
from ingest.errors import UnreadableDocument
from ingest.model import Layout, TableGrid
from ingest.readers.formats import detect_format, read_layout
from ingest.tables.build import table_from_grid
from ingest.readers.xlsx import format_number, read_xlsx_layout

NUMBERS = printable_numbers()


@pytest.fixture(scope="module")
def xlsx_layout() -> Layout:
    data = build_sample_xlsx()
    assert detect_format(data) == "xlsx"
    return read_layout(data, "luohu-2022.xlsx")


@pytest.fixture(scope="module")
def xls_layout() -> Layout:
    data = build_sample_xls()
    assert detect_format(data) == "xls"
    return read_layout(data, "luohu-2022.xls")


def grid_of(layout: Layout, number: int) -> TableGrid:
    found = [g for g in layout.grids if g.number == number]
    assert len(found) == 1, f"表{number}: {len(found)} grids"
    return found[0]


def assert_equals_expected(grid: TableGrid, number: int) -> None:
    expected = load_grid(number)
    table = table_from_grid(grid)
    assert (table.number, squeeze(table.title), table.unit) == \
        (number, squeeze(expected["title"]), expected["unit"])
    assert_table_matches_grid(table, number)


def test_one_table_per_sheet(xlsx_layout):
    assert [g.number for g in xlsx_layout.grids] == NUMBERS


@pytest.mark.parametrize("number", NUMBERS)
def test_xlsx_tables_equal_the_hand_typed_grids(xlsx_layout, number):
    assert_equals_expected(grid_of(xlsx_layout, number), number)


@pytest.mark.parametrize("number", NUMBERS)
def test_xls_tables_equal_the_hand_typed_grids(xls_layout, number):
    assert_equals_expected(grid_of(xls_layout, number), number)


def test_merged_header_cells_become_header_paths(xlsx_layout):
    grid = grid_of(xlsx_layout, 5)
    assert grid.header_paths[0] == ("支出项目类别",)
    assert grid.header_paths[1] == ("2022年预算", "总计")
    assert grid.header_paths[2] == ("2022年预算", "政府预算拨款", "一般公共预算拨款", "小计")
    assert grid.header_paths[-1] == ("2022年预算", "上年结余、结转")
    assert [p for p in grid_of(xlsx_layout, 8).header_paths[: len(LABEL_COLUMNS[8])]] == \
        [("预算单位",), ("年度",)]


def test_cell_indent_and_ideographic_spaces_become_leading_spaces(xlsx_layout):
    table4 = grid_of(xlsx_layout, 4)
    assert [row[0] for row in table4.rows[:3]] == \
        ["深圳市社会保险基金管理局罗湖分局", "  工资福利支出", "    基本工资"]
    table1 = grid_of(xlsx_layout, 1)
    assert table1.rows[1][0] == "  1.一般公共预算拨款"  # printed "\u30001.一般公共预算拨款"


def test_figures_read_as_displayed(xlsx_layout):
    assert grid_of(xlsx_layout, 2).rows[0][1:4] == ("3,776", "3,627", "2,972")


def test_title_block_lines_and_row_quotes(xlsx_layout):
    grid = grid_of(xlsx_layout, 4)
    assert xlsx_layout.lines[grid.line - 1] == "表4"
    assert "部门名称：深圳市社会保险基金管理局罗湖分局 单位：万元" in xlsx_layout.lines
    assert squeeze(xlsx_layout.lines[grid.lines[2] - 1]) == "基本工资420420420000000000"


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (3776, "#,##0", "3,776"),
    (11122315.04, "#,##0.00", "11,122,315.04"),
    (44.52, "0.00", "44.52"),
    (0.06, "0%", "6%"),
    (3776.0, "General", "3776"),
    (0, "#,##0", "0"),
    (-299, "#,##0;[Red]-#,##0", "-299"),
])
def test_number_formats(value, number_format, shown):
    assert format_number(value, number_format) == shown


def test_corrupt_workbook_is_refused_clearly():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not really a workbook")
    with pytest.raises(UnreadableDocument, match="xlsx"):
        read_layout(buffer.getvalue(), "broken.xlsx")


def test_corrupt_xls_is_refused_clearly():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(UnreadableDocument, match="xls"):
        read_layout(data, "broken.xls")


def test_empty_workbook_is_refused_clearly():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with pytest.raises(UnreadableDocument, match="没有任何内容"):
        read_xlsx_layout(buffer.getvalue(), "empty.xlsx")


def test_xlsx_document_has_the_text_documents_figures(sample_path, tmp_path):
    """Parsed end to end, the workbook gives the text's department, year and table figures."""
    from ingest.document import parse_document

    path = tmp_path / f"{sample_path.stem}.xlsx"
    path.write_bytes(build_sample_xlsx())
    from_xlsx, from_text = parse_document(path), parse_document(sample_path)
    assert (from_xlsx.department, from_xlsx.year, from_xlsx.kind, from_xlsx.unit) == \
        ("深圳市社会保险基金管理局罗湖分局", 2022, "budget", "万元")

    def table_figures(document):
        return sorted((r.table_no, r.row_path, r.row_code, r.column_path, r.value, r.unit, r.period)
                      for r in document.records if r.source == "table" and r.table_no in NUMBERS)

    assert table_figures(from_xlsx) == table_figures(from_text) != []


def test_password_protected_workbook_is_refused_clearly():
    """A workbook saved with an opening password (encrypted by msoffcrypto-tool, as Excel does)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    locked = io.BytesIO()
    OOXMLFile(io.BytesIO(build_sample_xlsx([8]))).encrypt("secret", locked)
    with pytest.raises(UnreadableDocument, match="密码"):
        read_layout(locked.getvalue(), "locked.xlsx")
