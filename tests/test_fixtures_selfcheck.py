"""The hand-typed expected grids of the sample's tables obey the disclosure's own arithmetic.

`tests/fixtures/sample_tables/表N.json` are typed by a person from the sample
disclosure. A person checks such typing the way an auditor checks the printed
tables: parents equal the sum of their children, total columns equal the sum
of their parts, 表1's two sides balance, and the same figure agrees across
tables. Any typo in a fixture breaks one of these relations and fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest import sample_path

GRIDS = Path(__file__).parent / "fixtures" / "sample_tables"
DEPARTMENT = "深圳市社会保险基金管理局罗湖分局"
DEPT = (DEPARTMENT,)
YEAR = ("2022年预算数",)
# Amounts as printed in this disclosure: thousands separated by commas ("3,776").
PRINTED_AMOUNT = re.compile(r"^(0|[1-9]\d{0,2}(,\d{3})*)$")
NUMBERING = re.compile(r"^[一二三四五六七八九十]+、|^\d+\.")
ALL = list(range(1, 12))

UNIT_FUNDS = ["事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]
PROGRAMME_GRANTS = ["履职类项目拨款", "财政专项资金拨款", "政府投资项目拨款"]
SOCIAL = "社会保障和就业支出"
PENSIONS = (SOCIAL, "行政事业单位养老支出")
CAR = "公务用车购置及运行维护费"
TASK_AMOUNTS = [("预算金额", "总额（元）"), ("预算金额", "财政拨款（元）"), ("预算金额", "其它资金（元）")]


def load(number: int) -> dict:
    """The expected grid of 表`number`."""
    return json.loads((GRIDS / f"表{number}.json").read_text(encoding="utf-8"))


def amount(raw: str) -> int:
    """A printed amount cell as a number: "3,776" -> 3776."""
    assert PRINTED_AMOUNT.match(raw), f"not a printed amount: {raw!r}"
    return int(raw.replace(",", ""))


def row(grid: dict, *path: str) -> dict:
    """The row of `grid` at `path` (exactly one)."""
    found = [r for r in grid["rows"] if tuple(r["path"]) == path]
    assert len(found) == 1, f"表{grid['number']} row {path}: {len(found)} matches"
    return found[0]


def value(grid: dict, path: tuple[str, ...], column: tuple[str, ...]) -> int:
    """The amount at (`path`, `column`) of `grid`."""
    index = [tuple(c) for c in grid["columns"]].index(column)
    return amount(row(grid, *path)["cells"][index])


def sum_columns(grid: dict, path: tuple[str, ...], parts: list[tuple[str, ...]]) -> int:
    """The sum of the `parts` columns on the row at `path`."""
    return sum(value(grid, path, column) for column in parts)


def is_amount_column(grid: dict, index: int) -> bool:
    """True for columns holding money amounts (表11's 主要内容 and 目标值 hold text)."""
    return not (grid["number"] == 11 and grid["columns"][index][0] in ("主要内容", "目标值"))


def test_every_table_has_a_grid_file_named_for_its_number():
    names = sorted(p.name for p in GRIDS.glob("表*.json"))
    assert names == sorted(f"表{n}.json" for n in ALL)
    for number in ALL:
        grid = load(number)
        assert grid["number"] == number
        assert grid["title"] and grid["unit"] == "万元"


@pytest.mark.parametrize("number", ALL)
def test_grid_shape(number):
    grid = load(number)
    width = len(grid["columns"])
    assert width > 0 and all(grid["columns"])
    assert len({tuple(c) for c in grid["columns"]}) == width, "duplicate column path"
    paths = [tuple(r["path"]) for r in grid["rows"]]
    assert len(set(paths)) == len(paths), "duplicate row path"
    for r in grid["rows"]:
        assert set(r) == {"path", "code", "total", "cells"}
        assert len(r["cells"]) == width, r["path"]
        assert all(label and not NUMBERING.match(label) for label in r["path"]), r["path"]
        assert not any(re.search(r"\s", text) for text in [*r["path"], *r["cells"]]), r["path"]


@pytest.mark.parametrize("number", ALL)
def test_every_label_and_cell_is_printed_in_the_disclosure(number):
    # Whitespace removed: the PDF export wraps labels and shreds headers over lines.
    flat = re.sub(r"\s+", "", sample_path().read_text(encoding="utf-8"))
    grid = load(number)
    texts = {grid["title"], *(label for column in grid["columns"] for label in column)}
    for r in grid["rows"]:
        texts |= {*r["path"], r["code"], *r["cells"]}
    assert not sorted(text for text in texts if text not in flat)


@pytest.mark.parametrize("number", ALL)
def test_amount_cells_are_printed_amounts(number):
    grid = load(number)
    for r in grid["rows"]:
        for index, raw in enumerate(r["cells"]):
            if is_amount_column(grid, index) and raw != "":
                amount(raw)


@pytest.mark.parametrize("number", [1, 4, 6, 7])
def test_parents_equal_sum_of_children(number):
    grid = load(number)
    rows = {tuple(r["path"]): r for r in grid["rows"]}
    parents = 0
    for path, parent in rows.items():
        children = [r for p, r in rows.items() if len(p) == len(path) + 1 and p[: len(path)] == path]
        if not children:
            continue
        parents += 1
        for index, raw in enumerate(parent["cells"]):
            total = sum(amount(child["cells"][index]) for child in children)
            assert amount(raw) == total, f"表{number} {path} column {grid['columns'][index]}"
    assert parents >= 3


@pytest.mark.parametrize("number", [4, 5, 7, 9, 10])
def test_department_row_equals_sum_of_top_level_rows(number):
    grid = load(number)
    head, *body = grid["rows"]
    assert head["path"] == [DEPARTMENT] and head["total"] is True
    top = [r for r in body if len(r["path"]) == 1]
    if not top:  # 表9/表10: "本表本年无发生额", nothing but the zero department row
        assert all(amount(raw) == 0 for raw in head["cells"])
        return
    for index, raw in enumerate(head["cells"]):
        assert amount(raw) == sum(amount(r["cells"][index]) for r in top), grid["columns"][index]


def side_items(grid: dict, side: str, carried: str) -> int:
    """The sum of one side's top-level items, without totals and the carried-over row."""
    rows = [r for r in grid["rows"] if r["path"][0] == side and len(r["path"]) == 2]
    return sum(amount(r["cells"][0]) for r in rows if not r["total"] and r["path"][1] != carried)


@pytest.mark.parametrize("number", [1, 6])
def test_two_sided_table_balances(number):
    grid = load(number)
    sides = [r["path"][0] for r in grid["rows"]]
    assert sides == sorted(sides, key=["收入", "支出"].index), "收入 rows first, then 支出"
    totals = [r["path"][1] for r in grid["rows"] if r["total"]]
    assert totals == ["本年收入合计", "收入总计", "本年支出合计", "支出总计"]
    this_year_in = value(grid, ("收入", "本年收入合计"), YEAR)
    this_year_out = value(grid, ("支出", "本年支出合计"), YEAR)
    assert this_year_in == side_items(grid, "收入", "上年结余、结转")
    assert this_year_out == side_items(grid, "支出", "结转下年")
    total_in = this_year_in + value(grid, ("收入", "上年结余、结转"), YEAR)
    total_out = this_year_out + value(grid, ("支出", "结转下年"), YEAR)
    assert value(grid, ("收入", "收入总计"), YEAR) == total_in
    assert value(grid, ("支出", "支出总计"), YEAR) == total_out
    assert total_in == total_out


def test_table2_total_column_is_the_sum_of_its_parts():
    grid = load(2)
    general = ("本年收入", "政府预算拨款", "一般公共预算拨款")
    grants = [(*general, c) for c in ["基本支出拨款", *PROGRAMME_GRANTS]]
    assert value(grid, DEPT, (*general, "小计")) == sum_columns(grid, DEPT, grants)
    parts = [
        (*general, "小计"),
        ("本年收入", "政府预算拨款", "政府性基金预算拨款"),
        ("本年收入", "政府预算拨款", "国有资本经营预算拨款"),
        ("本年收入", "财政专户管理资金"),
        *[("本年收入", "单位资金", c) for c in UNIT_FUNDS],
        ("上年结余、结转",),
    ]
    assert len(["收入总计", *parts, *grants]) == len(grid["columns"])
    assert value(grid, DEPT, ("收入总计",)) == sum_columns(grid, DEPT, parts)


def test_table3_total_is_basic_plus_projects():
    grid = load(3)
    assert value(grid, DEPT, ("支出总计",)) == sum_columns(grid, DEPT, [("基本支出",), ("项目支出",)])
    kinds = ["小计", "其中：面向中小企业政府采购项目", "其中：面向小型、微型企业政府采购项目"]
    purchase = [value(grid, DEPT, ("2022年政府采购项目", kind)) for kind in kinds]
    assert purchase == sorted(purchase, reverse=True), "each 其中 is part of the one before"


def test_table4_columns_sum_on_every_row():
    grid = load(4)
    grants = [("政府预算拨款", c) for c in ["一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"]]
    unit_funds = [("单位资金", c) for c in UNIT_FUNDS]
    parts = [("政府预算拨款", "小计"), ("财政专户管理资金",), *unit_funds, ("上年结余、结转",)]
    for r in grid["rows"]:
        path = tuple(r["path"])
        assert value(grid, path, ("政府预算拨款", "小计")) == sum_columns(grid, path, grants), path
        assert value(grid, path, ("总计",)) == sum_columns(grid, path, parts), path


def test_table5_columns_sum_on_every_row():
    grid = load(5)
    top = "2022年预算"
    general = (top, "政府预算拨款", "一般公共预算拨款")
    grants = [(*general, c) for c in PROGRAMME_GRANTS]
    parts = [
        (*general, "小计"),
        (top, "政府预算拨款", "政府性基金预算拨款"),
        (top, "政府预算拨款", "国有资本经营预算拨款"),
        (top, "财政专户管理资金"),
        *[(top, "单位资金", c) for c in UNIT_FUNDS],
        (top, "上年结余、结转"),
    ]
    for r in grid["rows"]:
        path = tuple(r["path"])
        assert value(grid, path, (*general, "小计")) == sum_columns(grid, path, grants), path
        assert value(grid, path, (top, "总计")) == sum_columns(grid, path, parts), path


@pytest.mark.parametrize("number", [7, 9, 10])
def test_spending_total_is_basic_plus_projects(number):
    grid = load(number)
    for r in grid["rows"]:
        path = tuple(r["path"])
        parts = [("基本支出",), ("项目支出",)]
        assert value(grid, path, ("支出总计",)) == sum_columns(grid, path, parts), path


def test_table7_codes_follow_the_hierarchy():
    grid = load(7)
    codes = {tuple(r["path"]): r["code"] for r in grid["rows"][1:]}
    for path, code in codes.items():
        assert len(code) == {1: 3, 2: 5, 3: 7}[len(path)], path
        if len(path) > 1:
            assert code.startswith(codes[path[:-1]]), path


def test_table8_three_public_expenses():
    grid = load(8)
    car_parts = [(CAR, "公务用车购置费"), (CAR, "公务用车运行维护费")]
    for year in ("2021年", "2022年", "增减变化金额"):
        path = (year,)
        assert value(grid, path, (CAR, "小计")) == sum_columns(grid, path, car_parts)
        parts = [("因公出国(境)费",), ("公务接待费",), (CAR, "小计")]
        assert value(grid, path, ("总计",)) == sum_columns(grid, path, parts)
    for index, _ in enumerate(grid["columns"]):
        years = ("增减变化金额", "2021年", "2022年")
        change, last, this = (amount(row(grid, y)["cells"][index]) for y in years)
        assert change == this - last


def test_table11_amounts():
    grid = load(11)
    total, state, other = TASK_AMOUNTS
    summed = ("年度主要任务", "金额合计")
    tasks = [tuple(r["path"]) for r in grid["rows"] if r["path"][0] == "年度主要任务" and not r["total"]]
    for path in (*tasks, summed):
        assert value(grid, path, total) == sum_columns(grid, path, [state, other]), path
    for column in TASK_AMOUNTS:
        assert value(grid, summed, column) == sum(value(grid, p, column) for p in tasks)
    indicators = [r for r in grid["rows"] if r["path"][0] == "年度绩效指标"]
    assert all(len(r["path"]) == 4 and r["cells"][:4] == [""] * 4 and r["cells"][4] for r in indicators)
    assert len(indicators) == 15


def test_totals_agree_across_tables():
    t1, t2, t3, t4, t5, t6, t7, t11 = (load(n) for n in (1, 2, 3, 4, 5, 6, 7, 11))
    total_income = value(t1, ("收入", "收入总计"), YEAR)
    assert value(t2, DEPT, ("收入总计",)) == total_income
    assert value(t3, DEPT, ("支出总计",)) == value(t1, ("支出", "支出总计"), YEAR)
    assert value(t11, ("年度主要任务", "金额合计"), TASK_AMOUNTS[0]) == total_income
    assert value(t3, DEPT, ("基本支出",)) == value(t4, DEPT, ("总计",)) == value(t7, DEPT, ("基本支出",))
    assert value(t3, DEPT, ("项目支出",)) == value(t5, DEPT, ("2022年预算", "总计"))
    government = value(t1, ("收入", "政府预算拨款"), YEAR)
    assert government == value(t6, ("收入", "收入总计"), YEAR) == value(t7, DEPT, ("支出总计",))
    general_subtotal = ("2022年预算", "政府预算拨款", "一般公共预算拨款", "小计")
    assert value(t7, DEPT, ("项目支出",)) == value(t5, DEPT, general_subtotal)
    assert value(t1, ("收入", "单位资金"), YEAR) == value(t5, ("区财政安排项目",), ("2022年预算", "总计"))


def test_table8_agrees_with_table4():
    t4, t8 = load(4), load(8)
    this_year = ("2022年",)
    reception = value(t4, ("商品和服务支出", "公务接待费"), ("总计",))
    running = value(t4, ("商品和服务支出", "公务用车运行维护费"), ("总计",))
    assert value(t8, this_year, ("公务接待费",)) == reception
    assert value(t8, this_year, (CAR, "公务用车运行维护费")) == running


def test_table6_spending_rows_are_table7_rows():
    t6, t7 = load(6), load(7)
    t7_rows = {tuple(r["path"]): r["cells"][0] for r in t7["rows"][1:]}
    spending = [r for r in t6["rows"] if r["path"][0] == "支出" and not r["total"]]
    t6_rows = {tuple(r["path"][1:]): r["cells"][0] for r in spending}
    t6_rows.pop(("结转下年",))
    assert t6_rows == t7_rows


def test_table1_differs_from_table6_only_by_unit_funds():
    # 表1 counts all funds; 表6 only government grants. The 149 of 单位资金 (区财政安排项目)
    # sits in 社会保险经办机构, so only that branch of 表1 is larger.
    t1, t6 = load(1), load(6)
    unit_funds = value(t1, ("收入", "单位资金"), YEAR)
    t6_rows = {tuple(r["path"]): amount(r["cells"][0]) for r in t6["rows"]}
    branch = ("支出", SOCIAL, "人力资源和社会保障管理事务", "社会保险经办机构")
    for r in t1["rows"]:
        path = tuple(r["path"])
        if path[0] != "支出" or path not in t6_rows:
            continue
        on_branch = branch[: len(path)] == path or path[1] in ("本年支出合计", "支出总计")
        assert amount(r["cells"][0]) - t6_rows[path] == (unit_funds if on_branch else 0), path


def test_table4_items_agree_with_table7_functions():
    t4, t7 = load(4), load(7)
    pairs = {
        ("工资福利支出", "住房公积金"): ("住房保障支出", "住房改革支出", "住房公积金"),
        ("工资福利支出", "机关事业单位基本养老保险缴费"): (*PENSIONS, "机关事业单位基本养老保险缴费支出"),
        ("工资福利支出", "职业年金缴费"): (*PENSIONS, "机关事业单位职业年金缴费支出"),
        ("工资福利支出", "职工基本医疗保险缴费"): ("卫生健康支出", "行政事业单位医疗", "事业单位医疗"),
        ("对个人和家庭的补助", "退休费"): (*PENSIONS, "事业单位离退休"),
    }
    for item, function in pairs.items():
        assert value(t4, item, ("总计",)) == value(t7, function, ("基本支出",)), item
