"""A file cut off in the middle of a table keeps the rows it has and says the table is incomplete."""

import pytest
from click.testing import CliRunner

from ui.cli import cli
from ingest.document import parse_document
from tests.conftest import EXCERPTS


def cut_sample(sample_path, tmp_path, line_count):
    lines = sample_path.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "cut.txt"
    path.write_text("".join(lines[:line_count]), encoding="utf-8")
    return path


# 760: inside 表4's repeated page header; 800: between two complete rows of 表4 (邮电费 is the last).
@pytest.mark.parametrize("line_count", [760, 804])
def test_cut_table_keeps_its_rows_and_is_incomplete(sample_path, tmp_path, line_count):
    document = parse_document(cut_sample(sample_path, tmp_path, line_count))
    table4 = next(t for t in document.tables if t.number == 4)
    assert not table4.complete
    labels = [row.label for row in table4.rows]
    assert "基本工资" in labels and "其他工资福利支出" in labels  # rows before the cut are kept
    assert any("表4" in warning and "截断" in warning for warning in document.warnings)


def test_inspect_of_a_cut_file_shows_rows_and_exits_1(sample_path, tmp_path):
    result = CliRunner().invoke(cli, ["inspect", str(cut_sample(sample_path, tmp_path, 804))])
    assert result.exit_code == 1
    assert "邮电费" in result.output  # the rows it has are shown
    assert "表4（基本支出总表） 不完整" in result.output
    assert "Traceback" not in result.output


def test_the_whole_sample_is_complete(sample_path):
    assert all(table.complete for table in parse_document(sample_path).tables)


# SOURCES.md: only ex10 (ends at "十、节能环保支出 40"), ex11 (ends at "水电气消耗下降率 … 下降情况>")
# and ex13 (ends at "满意度指标 公众满") stop inside a table; ex09's table ends with its "注:" row,
# ex08's with its 备注, ex07's and ex12's with their closing rows; the others have no table.
CUT_INSIDE_A_TABLE = {"ex10.txt", "ex11.txt", "ex13.txt"}


@pytest.mark.parametrize("name", [f"ex{n:02d}.txt" for n in range(1, 15)])
def test_only_the_excerpts_cut_inside_a_table_have_an_incomplete_table(name):
    document = parse_document(EXCERPTS / name)
    incomplete = [t.title for t in document.tables if not t.complete]
    assert bool(incomplete) == (name in CUT_INSIDE_A_TABLE), incomplete
