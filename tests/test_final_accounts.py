"""部门决算 (final accounts) tables 公开01–09 and other regions' budget layouts.

The fixtures in tests/fixtures/final_accounts/ are hand-written disclosures in the
sample's PDF-export style (table number, title, form number, 部门名称 line, shredded
header, 栏次 line, 行次 numbers, page-break repeats), amounts in 元 with two decimals.
Every expected value below is typed from those texts as a person reads them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ingest.document import parse_document
from ingest.model import TableGrid
from ingest.tables.schemas import find_schema
from ingest.tables.build import table_from_grid
from ingest.tables.text_tables import split_tables

FOLDER = Path(__file__).parent / "fixtures" / "final_accounts"
FINAL = FOLDER / "donghu-health-2023-final.txt"
BUDGET = FOLDER / "xihu-culture-2024-budget.txt"


@pytest.fixture(scope="module")
def final_document():
    return parse_document(FINAL)


@pytest.fixture(scope="module")
def final_tables(final_document):
    return {table.number: table for table in final_document.tables}


@pytest.fixture(scope="module")
def budget_tables():
    return {table.number: table for table in parse_document(BUDGET).tables}


def _row(table, *path):
    return next(r for r in table.rows if r.path == path)


def _raw(table, *path):
    return [c.raw for c in _row(table, *path).cells]


def _altered(tmp_path, old: str, new: str):
    text = FINAL.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "donghu-health-2023-final.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return parse_document(path)


# --- metadata -----------------------------------------------------------------


def test_metadata_says_final_accounts_in_yuan(final_document):
    assert final_document.kind == "final"
    assert final_document.year == 2023
    assert final_document.department == "东湖区卫生健康局"
    assert final_document.unit == "元"


def test_budget_with_other_layouts_stays_a_budget():
    document = parse_document(BUDGET)
    assert (document.kind, document.year, document.unit) == ("budget", 2024, "万元")


# --- each 公开 table finds its schema -----------------------------------------


@pytest.mark.parametrize("number, title", [
    (1, "收入支出决算总表"),
    (2, "收入决算表"),
    (3, "支出决算表"),
    (4, "财政拨款收入支出决算总表"),
    (5, "一般公共预算财政拨款支出决算表"),
    (6, "一般公共预算财政拨款基本支出决算表"),
    (7, "一般公共预算财政拨款“三公”经费支出决算表"),
    (8, "政府性基金预算财政拨款收入支出决算表"),
    (9, "国有资本经营预算财政拨款支出决算表"),
])
def test_each_final_table_is_parsed_with_its_own_schema(final_tables, number, title):
    table = final_tables[number]
    assert table.title == title
    assert table.schema == title
    assert table.unit == "元"
    assert table.complete


def test_nine_tables_and_nothing_else(final_tables):
    assert sorted(final_tables) == list(range(1, 10))


# --- 公开01表: two sides, 行次 and 栏次 are not amounts ----------------------------


def test_income_expenditure_total_sides_and_values(final_tables):
    table = final_tables[1]
    assert table.columns == (("金额",),)
    assert _raw(table, "收入", "一般公共预算财政拨款收入") == ["15,618,516.24"]
    assert _raw(table, "收入", "其他收入") == ["120,000.00"]
    assert _raw(table, "收入", "年初结转和结余") == ["200,000.00"]
    assert _raw(table, "收入", "总计") == ["16,438,516.24"]
    assert _raw(table, "支出", "卫生健康支出") == ["12,799,010.22"]  # its left side is a 行次-only filler
    assert _raw(table, "支出", "住房保障支出") == ["987,654.32"]   # after the page break
    assert _raw(table, "支出", "年末结转和结余") == ["300,000.00"]
    assert _row(table, "支出", "本年支出合计").cells[0].value == 16138516.24


def test_row_numbers_and_blank_amounts(final_tables):
    table = final_tables[1]
    blank = _row(table, "支出", "外交支出").cells[0]
    assert (blank.raw, blank.value) == ("", None)
    assert _raw(table, "收入", "国有资本经营预算财政拨款收入") == [""]
    values = {c.value for t in (final_tables[1], final_tables[4]) for r in t.rows for c in r.cells}
    assert not {1.0, 2.0, 8.0, 9.0, 23.0, 27.0, 30.0, 31.0, 39.0, 53.0, 57.0, 60.0} & values
    labels = [r.label for r in table.rows]
    assert "栏次" not in "".join(labels) and len(labels) == len(set(labels)) + 1  # 总计 on both sides
    income = [r.label for r in table.rows if r.path[0] == "收入"]
    assert income == ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入",
                      "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                      "附属单位上缴收入", "其他收入",
                      "本年收入合计", "使用非财政拨款结余", "年初结转和结余", "总计"]


# --- 公开04表: one 金额 on the left, four columns on the right ----------------------


def test_appropriation_total_has_four_expenditure_columns(final_tables):
    table = final_tables[4]
    assert table.columns == (("合计",), ("一般公共预算财政拨款",), ("政府性基金预算财政拨款",),
                             ("国有资本经营预算财政拨款",))
    assert _raw(table, "收入", "一般公共预算财政拨款") == ["15,618,516.24"]
    assert _raw(table, "收入", "本年收入合计") == ["16,118,516.24"]
    assert _raw(table, "支出", "其他支出") == ["500,000.00", "0.00", "500,000.00", "0.00"]
    assert _raw(table, "支出", "总计") == ["16,318,516.24", "15,818,516.24", "500,000.00", "0.00"]
    assert _raw(table, "支出", "公共安全支出") == ["", "", "", ""]


def test_opening_balance_keeps_its_funds_as_parts(final_tables):
    table = final_tables[4]
    part = _row(table, "收入", "年初财政拨款结转和结余", "一般公共预算财政拨款")
    assert [c.raw for c in part.cells] == ["200,000.00"]  # the right side's lone 行次 55 is dropped
    assert _raw(table, "收入", "年初财政拨款结转和结余", "政府性基金预算财政拨款") == [""]


# --- coded tables (公开02/03/05/06/08/09) ----------------------------------------


def test_income_table_columns_and_coded_rows(final_tables):
    table = final_tables[2]
    assert table.columns == (("本年收入合计",), ("财政拨款收入",), ("上级补助收入",), ("事业收入",),
                             ("经营收入",), ("附属单位上缴收入",), ("其他收入",))
    first = table.rows[0]
    assert (first.path, first.is_total) == (("合计",), True)
    assert [c.raw for c in first.cells] == ["16,238,516.24", "16,118,516.24", "0.00", "0.00", "0.00",
                                            "0.00", "120,000.00"]
    row = _row(table, "卫生健康支出", "卫生健康管理事务", "其他卫生健康管理事务支出")
    assert row.code == "2100199"
    assert [c.raw for c in row.cells][:2] == ["3,676,789.00", "3,556,789.00"]
    assert row.cells[-1].value == 120000.00


def test_expenditure_table_columns(final_tables):
    table = final_tables[3]
    assert table.columns == (("本年支出合计",), ("基本支出",), ("项目支出",), ("上缴上级支出",),
                             ("经营支出",), ("对附属单位补助支出",))
    assert _raw(table, "合计") == ["16,138,516.24", "12,061,727.24", "4,076,789.00", "0.00", "0.00", "0.00"]
    assert _row(table, "其他支出", "彩票公益金安排的支出", "用于社会福利的彩票公益金支出").code == "2296002"


def test_general_public_expenditure_is_stitched_across_the_page_break(final_tables):
    table = final_tables[5]
    assert table.columns == (("本年支出", "小计"), ("本年支出", "基本支出"), ("本年支出", "项目支出"))
    assert [r.code for r in table.rows] == ["", "208", "20805", "2080505", "2080506", "210", "21001",
                                            "2100101", "2100199", "21011", "2101101", "221", "22102",
                                            "2210201"]
    row = _row(table, "卫生健康支出", "卫生健康管理事务", "行政运行")  # first row after the repeat
    assert [c.raw for c in row.cells] == ["8,765,432.10", "8,765,432.10", "0.00"]
    assert _raw(table, "合计") == ["15,518,516.24", "12,061,727.24", "3,456,789.00"]


def test_basic_expenditure_by_economic_classification(final_tables):
    table = final_tables[6]
    assert table.columns == (("合计",), ("人员经费",), ("公用经费",))
    assert _raw(table, "合计") == ["12,061,727.24", "9,607,974.04", "2,453,753.20"]
    row = _row(table, "商品和服务支出", "公务接待费")
    assert (row.code, [c.raw for c in row.cells]) == ("30217", ["23,456.00", "0.00", "23,456.00"])
    assert _row(table, "对个人和家庭的补助", "退休费").cells[1].value == 300000.00


def test_government_fund_and_state_capital_tables(final_tables):
    fund = final_tables[8]
    assert fund.columns == (("年初结转和结余",), ("本年收入",), ("本年支出", "小计"),
                            ("本年支出", "基本支出"), ("本年支出", "项目支出"), ("年末结转和结余",))
    assert _raw(fund, "其他支出", "彩票公益金安排的支出") == ["0.00", "500,000.00", "500,000.00", "0.00",
                                                           "500,000.00", "0.00"]
    capital = final_tables[9]
    assert [r.path for r in capital.rows] == [("合计",)]
    assert capital.notes and "无国有资本经营预算财政拨款支出" in capital.notes[0]


# --- 公开07表: one row of twelve numbers under "1 2 … 12" ------------------------


def test_three_public_final_has_budget_and_actual_blocks(final_tables):
    table = final_tables[7]
    assert table.columns[0] == ("预算数", "合计")
    assert table.columns[5] == ("预算数", "公务接待费")
    assert table.columns[10] == ("决算数", "公务用车购置及运行费", "公务用车运行费")
    assert len(table.columns) == 12
    (row,) = table.rows
    assert row.path == ("合计",)
    assert [c.raw for c in row.cells] == ["200,000.00", "0.00", "120,000.00", "0.00", "120,000.00",
                                          "80,000.00", "111,110.30", "0.00", "87,654.30", "0.00",
                                          "87,654.30", "23,456.00"]


def test_records_carry_table_row_code_column_and_unit(final_document):
    record = next(r for r in final_document.records if r.source == "table" and r.table_no == 5
                  and r.row_code == "2100199" and r.column_path == ("本年支出", "项目支出"))
    assert (record.value, record.unit, record.row_path[-1]) == (3456789.00, "元", "其他卫生健康管理事务支出")
    reception = [r for r in final_document.records if r.table_no == 7 and r.column_path[-1] == "公务接待费"]
    assert sorted(r.value for r in reception) == [23456.00, 80000.00]


# --- the document's own arithmetic -------------------------------------------------


def test_every_check_passes_on_the_final_accounts(final_document):
    assert [c.message for c in final_document.checks if not c.ok] == []


def test_final_accounts_are_checked_in_every_way(final_document):
    kinds = Counter((c.check, c.table_no) for c in final_document.checks)
    assert kinds[("two_sides_balance", 1)] and kinds[("two_sides_balance", 4)]
    for number in (2, 3, 5, 6, 8):
        assert kinds[("children_sum", number)] and kinds[("columns_sum", number)], number
    assert kinds[("columns_sum", 7)] == 4
    cross = [c.message for c in final_document.checks if c.check == "cross_table"]
    assert any("表5" in m and "表6" in m for m in cross)
    assert any("表2" in m and "表1" in m for m in cross)
    balance = next(c for c in final_document.checks if c.check == "two_sides_balance" and c.table_no == 1
                   and c.row == "收入 › 本年收入合计")
    assert (balance.expected, balance.actual) == (16238516.24, 16238516.24)  # blanks count as zero


def test_altered_coded_row_fails_naming_table_and_row(tmp_path):
    document = _altered(tmp_path, "2100101 行政运行 8,765,432.10 8,765,432.10 0.00 \n",
                        "2100101 行政运行 8,765,432.10 8,765,423.10 0.00 \n")
    failed = document.failed_checks
    assert failed and all(c.table_no == 5 for c in failed)
    row = next(c for c in failed if c.check == "columns_sum")
    assert row.row == "卫生健康支出 › 卫生健康管理事务 › 行政运行"
    assert "表5" in row.message and "行政运行" in row.message and row.verdict == "error"
    parent = next(c for c in failed if c.check == "children_sum")
    assert parent.row == "卫生健康支出 › 卫生健康管理事务" and parent.column == "本年支出 › 基本支出"
    assert (parent.expected, parent.actual) == (8765432.10, 8765423.10)


def test_unbalanced_final_total_fails(tmp_path):
    document = _altered(tmp_path, "总计 30 16,438,516.24", "总计 30 16,438,561.24")
    failed = [c for c in document.failed_checks if c.check == "two_sides_balance"]
    assert failed and all(c.table_no == 1 for c in failed)
    assert any("总计" in c.message and "表1" in c.message for c in failed)


def test_altered_three_public_figure_fails(tmp_path):
    document = _altered(tmp_path, "80,000.00 111,110.30", "80,000.00 111,101.30")
    failed = document.failed_checks
    assert [(c.check, c.table_no, c.row, c.column) for c in failed] == [
        ("columns_sum", 7, "合计", "决算数 › 合计")]


# --- safety: a schema must match by title AND value count ---------------------------


def test_blank_cells_in_a_coded_table_fall_back_to_generic_keeping_every_row():
    lines = ["表 5", "一般公共预算财政拨款支出决算表", "公开05表",
             "部门名称： 东湖区卫生健康局  金额单位：元", "项目 本年支出",
             "科目编码 科目名称 小计 基本支出 项目支出", "栏次 1 2 3",
             "合计 15,518,516.24 12,061,727.24 3,456,789.00",
             "208 社会保障和就业支出 1,851,851.70 1,851,851.70",
             "2100199 其他卫生健康管理事务支出 3,456,789.00 3,456,789.00"]
    (grid,), _ = split_tables(lines)
    table = table_from_grid(grid)
    assert table.schema == "generic"  # two values of three: which column is blank cannot be told
    assert len(table.rows) == 3
    assert [c.value for c in table.rows[1].cells if c.value] == [1851851.70, 1851851.70]


def test_known_title_with_the_wrong_value_count_is_generic():
    grid = TableGrid(number=2, title="收入决算表", unit="元", header_paths=(),
                     rows=(("合计", "100.00", "100.00", "0.00"), ("208", "社会保障和就业支出", "100.00",
                                                                     "100.00", "0.00")))
    assert table_from_grid(grid).schema == "generic"


@pytest.mark.parametrize("title, name", [
    ("收入支出决算总表", "收入支出决算总表"),
    ("财政拨款收入支出决算总表", "财政拨款收入支出决算总表"),
    ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
    ("东湖区卫生健康局2023年度支出决算表", "支出决算表"),
    ("一般公共预算财政拨款项目支出决算表", None),  # ends like 支出决算表 but is another table
    ("国有资产占用情况表", None),
])
def test_final_titles_find_their_schema(title, name):
    schema = find_schema(title)
    assert (schema.name if schema else None) == name


# --- other regions' budget layouts --------------------------------------------------


def test_appropriation_total_by_budget_kind(budget_tables):
    table = budget_tables[1]
    assert table.schema == "财政拨款收支总表（分预算）"
    assert table.columns == (("合计",), ("一般公共预算",), ("政府性基金预算",), ("国有资本经营预算",))
    assert _raw(table, "收入", "一般公共预算拨款") == ["1,850.40"]
    assert _raw(table, "支出", "文化旅游体育与传媒支出") == ["1,700.00", "1,500.00", "200.00", "0.00"]
    assert _raw(table, "支出", "支出总计") == ["2,050.40", "1,850.40", "200.00", "0.00"]


def test_general_public_expenditure_with_staff_and_office_costs(budget_tables):
    table = budget_tables[2]
    assert table.schema == "一般公共预算支出表（人员经费/公用经费）"
    assert table.columns == (("合计",), ("基本支出", "小计"), ("基本支出", "人员经费"),
                             ("基本支出", "公用经费"), ("项目支出",))
    row = _row(table, "文化旅游体育与传媒支出", "文化和旅游", "行政运行")
    assert (row.code, [c.raw for c in row.cells]) == ("2070101", ["1,000.00", "1,000.00", "800.00",
                                                                  "200.00", "0.00"])


def test_basic_expenditure_by_economic_class_in_a_budget(budget_tables):
    table = budget_tables[3]
    assert table.schema == "一般公共预算基本支出表"
    assert _raw(table, "商品和服务支出", "公务用车运行维护费") == ["50.00", "0.00", "50.00"]
    assert _row(table, "工资福利支出").code == "301"


def test_three_public_with_budget_and_execution_columns(budget_tables):
    table = budget_tables[4]
    assert table.schema == "“三公”经费预算执行表"
    assert table.columns == (("预算数",), ("执行数",))
    assert _raw(table, "合计") == ["80.00", "75.50"]
    assert _raw(table, "公务用车购置及运行费", "公务用车运行费") == ["50.00", "48.00"]
    assert _raw(table, "公务接待费") == ["30.00", "27.50"]


def test_budget_variants_pass_their_checks_and_fail_when_altered(tmp_path):
    document = parse_document(BUDGET)
    assert [c.message for c in document.checks if not c.ok] == []
    assert {c.table_no for c in document.checks} == {1, 2, 3, 4}
    text = BUDGET.read_text(encoding="utf-8").replace("3.公务接待费 30.00 27.50", "3.公务接待费 30.00 25.70")
    path = tmp_path / "xihu-culture-2024-budget.txt"
    path.write_text(text, encoding="utf-8")
    failed = parse_document(path).failed_checks
    assert failed and all(c.table_no == 4 for c in failed)
    assert any(c.row == "合计" and c.column == "执行数" and "表4" in c.message for c in failed)


# --- 公开06表 in the national side-by-side form: 人员经费 | 公用经费 blocks ----------------

BLOCKS = FOLDER / "qingshan-water-2022-final.txt"


@pytest.fixture(scope="module")
def blocks_document():
    return parse_document(BLOCKS)


def test_side_by_side_blocks_are_regrouped_by_class(blocks_document):
    (table,) = blocks_document.tables
    assert table.schema == "一般公共预算财政拨款基本支出决算表（分块）"
    assert table.columns == (("决算数",),)
    assert _raw(table, "人员经费") == ["2,465,678.00"]
    assert _raw(table, "公用经费") == ["516,789.10"]
    assert _raw(table, "人员经费", "工资福利支出", "住房公积金") == ["200,000.00"]  # after the page break
    assert _raw(table, "人员经费", "对个人和家庭的补助", "生活补助") == ["20,000.00"]
    assert _raw(table, "公用经费", "商品和服务支出", "公务用车运行维护费") == ["40,000.00"]
    assert _raw(table, "公用经费", "资本性支出", "办公设备购置") == ["60,000.00"]
    assert _raw(table, "人员经费", "工资福利支出", "奖金") == [""]          # blank amount mid-line
    assert _raw(table, "公用经费", "债务利息及费用支出") == [""]            # blank amount ending a line
    assert _row(table, "公用经费", "商品和服务支出", "差旅费").code == "30211"
    assert len(table.rows) == 26


def test_blocks_group_totals_are_checked(blocks_document, tmp_path):
    assert [c.message for c in blocks_document.checks if not c.ok] == []
    assert {c.row for c in blocks_document.checks} >= {"人员经费", "公用经费", "公用经费 › 商品和服务支出"}
    text = BLOCKS.read_text(encoding="utf-8").replace("30211 差旅费 33,333.00", "30211 差旅费 33,383.00")
    path = tmp_path / "qingshan-water-2022-final.txt"
    path.write_text(text, encoding="utf-8")
    failed = parse_document(path).failed_checks
    assert [(c.table_no, c.row) for c in failed] == [(6, "公用经费 › 商品和服务支出")]
    assert "表6" in failed[0].message and "相差 50" in failed[0].message


def test_column_form_and_block_form_share_a_title_but_not_a_schema(final_tables, blocks_document):
    assert final_tables[6].schema == "一般公共预算财政拨款基本支出决算表"
    assert blocks_document.tables[0].schema == "一般公共预算财政拨款基本支出决算表（分块）"


def test_real_flattened_final_total_with_detached_amounts_stays_generic():
    # ex10 lists every income label and 行次 before its amounts: no row can be given its amount,
    # so the 收入支出决算总表 schema must not be applied (it would misname what it cannot place).
    excerpt = Path(__file__).parent / "fixtures" / "excerpts" / "ex10.txt"
    (table,) = parse_document(excerpt).tables
    assert (table.title, table.schema) == ("收入支出决算总表", "generic")
    amounts = {c.value for r in table.rows for c in r.cells if c.value}
    assert {11122315.04, 25754899.39, 25037565.22} <= amounts
