"""ingest/tables/text_tables.py: tables found in text lines, page-break repeats dropped, rows cut into cells.

Expected values are typed from the sample and the excerpts as printed.
"""

from __future__ import annotations

import re

import pytest

from ingest.tables.build import table_from_grid
from ingest.tables.text_cells import trailing_values
from ingest.tables.text_tables import split_tables
from tests.conftest import EXCERPTS


@pytest.fixture(scope="module")
def sample_lines(sample_path):
    return sample_path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def sample_split(sample_lines):
    return split_tables(sample_lines)


def _grid(split, number):
    return next(g for g in split[0] if g.number == number)


def test_finds_the_eleven_numbered_tables_with_title_and_unit(sample_split):
    grids = sample_split[0]
    assert [g.number for g in grids] == list(range(1, 12))
    assert _grid(sample_split, 4).title == "基本支出总表"
    assert _grid(sample_split, 7).title == "一般公共预算支出表（按功能分类）"
    assert {g.unit for g in grids} == {"万元"}
    assert _grid(sample_split, 1).line == 463


def test_narrative_keeps_text_outside_tables_only(sample_split, sample_lines):
    narrative = dict(sample_split[1])
    assert narrative[9].startswith("贯彻执行市社会保险基金管理局")
    assert narrative[254].startswith("项目名称 预算数（万元） 绩效目标")  # 第七部分 stays text
    assert narrative[460].strip() == "二、表格部分"
    assert not any(463 <= number for number in narrative)
    assert len(narrative) == 462


def test_page_break_repeats_are_dropped_and_rows_stitched(sample_split):
    grid = _grid(sample_split, 4)
    labels = [row[0].strip() for row in grid.rows]
    assert len(grid.rows) == 37
    assert labels.count("商品和服务支出") == 1 and "支出项目类别 总计" not in labels
    assert labels[-1] == "其他对个人和家庭的补助"
    assert grid.rows[labels.index("物业管理费")] == ("               物业管理费",) + ("231",) * 3 + ("0",) * 9


def test_wrapped_label_is_joined_before_its_numbers(sample_split):
    grid = _grid(sample_split, 4)
    row = next(r for r in grid.rows if "养老保险" in r[0])
    assert row[0].strip() == "机关事业单位基本养老保险缴费"
    assert row[1:4] == ("167", "167", "167")
    department = _grid(sample_split, 2).rows[0]
    assert department[0].strip() == "深圳市社会保险基金管理局罗湖分局" and department[1] == "3,776"


def test_two_sided_lines_and_right_side_after_page_break(sample_split):
    rows = _grid(sample_split, 1).rows
    assert rows[0] == ("一、政府预算拨款", "3,627", "一、教育支出", "4")
    assert rows[1][2].strip() == "进修及培训" and rows[1][2].startswith("  ")
    medical = next(r for r in rows if r[2].strip() == "行政事业单位医疗")
    assert medical[:2] == ("", "") and medical[3] == "73"


def test_coded_rows_and_year_rows(sample_split):
    assert ("205", "教育支出", "4", "4", "0") in _grid(sample_split, 7).rows
    years = _grid(sample_split, 8).rows
    assert [r[-6:] for r in years] == [("8", "0", "1", "7", "0", "7")] * 2 + [("0",) * 6]


def test_header_paths_come_from_the_schema_when_the_printed_header_matches(sample_split):
    paths = _grid(sample_split, 5).header_paths
    assert paths[0] == ("支出项目类别",)
    assert paths[1] == ("2022年预算", "总计")


def test_footnotes_are_notes(sample_split):
    notes = _grid(sample_split, 1).notes
    assert notes[0].startswith("注：财政拨款收支情况包括")
    assert "本套报表金额单位转换时可能存在尾数误差。" in notes


def test_table_cut_off_by_end_of_file_keeps_rows_and_is_incomplete(sample_lines):
    grids, _ = split_tables(sample_lines[:715])  # ends on "机关事业单位基本养"
    cut = grids[-1]
    assert cut.number == 4 and cut.complete is False
    table = table_from_grid(cut)
    labels = [r.label for r in table.rows]
    assert labels[:4] == ["深圳市社会保险基金管理局罗湖分局", "工资福利支出", "基本工资", "津贴补贴"]
    assert table.rows[-1].label == "机关事业单位基本养"


def test_text_without_tables_is_all_narrative():
    lines = ["第一部分 部门概况", "", "一、部门职责", "负责经办养老保险。"]
    grids, narrative = split_tables(lines)
    assert grids == [] and [n for n, _ in narrative] == [1, 2, 3, 4]


def _excerpt_tables(name):
    lines = (EXCERPTS / name).read_text(encoding="utf-8").splitlines()
    grids, narrative = split_tables(lines)
    return [table_from_grid(g) for g in grids], narrative


def _values(table):
    return {r.label: [c.value for c in r.cells if c.value is not None] for r in table.rows}


def test_pipe_rows_with_runs_of_empty_cells_ex07():
    (table,), _ = _excerpt_tables("ex07.txt")
    assert table.unit == "人"
    assert table.columns == (("合 计",), ("行政单位",))
    values = _values(table)
    assert values["编制数"] == [34, 34] and values["在职人数"] == [32, 32]
    assert "其中:离休人数" in values and values["退休人数"] == [25, 25]
    assert len(table.rows) == 6


def test_pipe_rows_with_stray_cell_and_source_inconsistency_ex09():
    (table,), _ = _excerpt_tables("ex09.txt")
    assert table.title == "2015年桂林市司法局部门“三公”经费情况统计表"
    assert table.unit == "万元"
    assert table.columns == (("本年预算数",), ("其中:公共预算财政拨款",))
    values = _values(table)
    assert values["合 计"] == [34.35, 34.35] and values["公务接待费"] == [1.70, 1.70]
    assert values["公务用车运行维护费"] == [32.65, 32.65]
    assert table.notes and table.notes[0].startswith("注:")


def test_space_aligned_columns_in_yuan_ex08():
    (table,), narrative = _excerpt_tables("ex08.txt")
    assert table.unit == "元"
    values = _values(table)
    assert values["支出合计"] == [250000] and values["公务接待费"] == [150000]
    assert values["公务用车保有量(辆)"] == [1] and values["公务接待人数(人)"] == [500]
    assert "因公出国(境)费用" in values  # printed without a number, still a row
    assert any(text.startswith("备注:1、") for _, text in narrative) or table.notes


def test_one_cell_per_line_ex12():
    (table,), _ = _excerpt_tables("ex12.txt")
    assert table.unit == "万元"
    values = _values(table)
    assert values["总额"][:3] == [238.93, 251.89, 251.89]
    assert values["其中:财政资金"][:3] == [238.93, 251.89, 251.89]
    assert "51000021R000000019951-工资性支出" in values


def test_whole_table_on_one_line_ex10_keeps_amounts_in_yuan():
    (table,), _ = _excerpt_tables("ex10.txt")
    assert table.title == "收入支出决算总表" and table.unit == "元" and table.complete is False
    amounts = [c.value for r in table.rows for c in r.cells if c.value]
    for amount in (11122315.04, 13628965.89, 1003618.46, 25754899.39, 697723.84, 25037565.22):
        assert amount in amounts
    assert any(label.startswith("卫生健康支出") for label in _values(table))
    assert not {1.0, 8.0, 27.0, 39.0} & set(amounts)  # 行次 row numbers are not amounts


def test_whole_table_on_one_line_ex13():
    (table,), narrative = _excerpt_tables("ex13.txt")
    assert table.unit == "万元"
    values = _values(table)
    assert values["其中:本年财政拨款"] == [90, 89.974, 89.974]
    assert any("本项目共申请预算资金90万元" in text for _, text in narrative)


def test_numbers_run_together_are_not_guessed_ex11():
    (table,), _ = _excerpt_tables("ex11.txt")
    values = _values(table)
    security = next(label for label in values if label.endswith("保安服务费"))
    assert values[security] == [191] and values["保洁服务费"] == [99]
    all_values = {v for vs in values.values() for v in vs}
    assert 191191 not in all_values and 9999 not in all_values
    assert any("372.88504.55" in r.label for r in table.rows)  # kept as printed text


@pytest.mark.parametrize("name", sorted(p.name for p in EXCERPTS.glob("ex*.txt")))
def test_every_excerpt_splits_without_error_and_keeps_every_line(name):
    lines = (EXCERPTS / name).read_text(encoding="utf-8").splitlines()
    grids, narrative = split_tables(lines)
    table_lines = {n for g in grids for n in g.lines}
    kept = {n for n, _ in narrative} | table_lines
    for number, text in enumerate(lines, start=1):
        if trailing_values(text)[1] and "|" not in text:
            assert number in kept, text  # a line ending in numbers is never lost
    for grid in grids:
        table_from_grid(grid)


def _cells(table):
    """(row label, column name, value, unit) of every number, with the row's own column name."""
    found = set()
    for row in table.rows:
        for index, (column, cell) in enumerate(zip(table.columns, row.cells)):
            if cell.value is None:
                continue
            name = row.column_names[index] if index < len(row.column_names) and row.column_names[index] \
                else column[-1]
            found.add((row.label, name, cell.value, cell.unit))
    return found


def test_space_aligned_lone_value_sits_in_its_printed_column_ex08():
    # "项目 2016-执行数 2017-预算数"; the 2016 column is empty, so "支出合计   250000" is 2017's
    (table,), _ = _excerpt_tables("ex08.txt")
    assert table.columns == (("2016-执行数",), ("2017-预算数",))
    cells = _cells(table)
    assert ("支出合计", "2017-预算数", 250000, "元") in cells
    assert ("公务接待费", "2017-预算数", 150000, "元") in cells
    assert ("公务用车运行维护费", "2017-预算数", 100000, "元") in cells
    assert not [c for c in cells if c[1] == "2016-执行数"]


def test_a_unit_in_the_row_label_wins_over_the_money_unit_ex08():
    (table,), _ = _excerpt_tables("ex08.txt")
    cells = _cells(table)
    assert {("因公出国(境)团组数(个)", "2017-预算数", 0, "个"), ("因公出国(境)人数(人)", "2017-预算数", 0, "人"),
            ("公务用车保有量(辆)", "2017-预算数", 1, "辆"), ("公务接待批次(批)", "2017-预算数", 10, "批"),
            ("公务接待人数(人)", "2017-预算数", 500, "人")} <= cells


def test_weights_are_points_and_indicators_take_their_measure_unit_ex12():
    (table,), _ = _excerpt_tables("ex12.txt")
    cells = _cells(table)
    assert {("总额", "年初预算", 238.93, "万元"), ("总额", "调整后预算数", 251.89, "万元"),
            ("总额", "预算执行数", 251.89, "万元"), ("总额", "预算执行率", 100, "%"),
            ("总额", "权重", 10, "分")} <= cells
    assert {("发放(缴纳)覆盖率", "指标值", 100, "%"), ("发放(缴纳)覆盖率", "权重", 60, "分"),
            ("足额保障率(参保率)", "指标值", 100, "%"), ("足额保障率(参保率)", "权重", 30, "分"),
            ("合计", "权重", 100, "分")} <= cells  # 10 + 60 + 30
    assert not [c for c in cells if c[3] == "万元" and c[1] in ("权重", "得分", "指标值")]


def test_scores_of_a_one_line_self_evaluation_are_points_ex13():
    (table,), _ = _excerpt_tables("ex13.txt")
    cells = _cells(table)
    assert {("其中:本年财政拨款", "年初预算数", 90, "万元"), ("其中:本年财政拨款", "全年预算数", 89.974, "万元"),
            ("其中:本年财政拨款", "全年执行数", 89.974, "万元")} <= cells
    by_row = {}
    for label, name, value, unit in cells:
        by_row.setdefault(label.split()[-1], set()).add((name, value, unit))
    assert by_row["基建工程委托业务项目数量"] == {("年度指标值", 50, "个"), ("实际完成值", 50, "个"),
                                           ("分值", 8, "分"), ("得分", 8, "分")}
    assert by_row["项目总成本"] == {("年度指标值", 90, "万元"), ("实际完成值", 90, "万元"),
                               ("分值", 8, "分"), ("得分", 8, "分")}
    # "… 达成预期指标 8 8", "… 达成预期指标 10 10": the text targets come first, the scores last
    assert by_row["达成预期指标"] == {("分值", 8, "分"), ("得分", 8, "分"), ("分值", 10, "分"), ("得分", 10, "分")}
    assert not [c for c in cells if c[1] in ("分值", "得分") and c[3] != "分"]


def test_row_numbers_are_not_part_of_a_label_ex10():
    (table,), _ = _excerpt_tables("ex10.txt")
    labels = [row.label for row in table.rows]
    for label in ("一般公共预算财政拨款收入", "其他收入", "本年收入合计", "总计", "卫生健康支出", "节能环保支出"):
        assert label in labels
    assert not [label for label in labels if re.search(r"\s\d{1,2}$", label)]
    values = _values(table)
    # "八、其他收入 8 11,122,315.04 13,628,965.89 1,003,618.46": amounts detached from their rows
    assert values["其他收入"] == [] and values["总计"] == [25754899.39, 25754899.39]
    assert values["卫生健康支出"] == [25037565.22]
