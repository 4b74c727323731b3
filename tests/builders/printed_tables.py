"""How the sample's tables look when printed, built from the hand-typed expected grids.

The PDF and XLSX builders draw what this module lays out: merged multi-level
header cells (from the grid's column paths), the label columns the national
template prints (项目, 预算单位, 科目编码, …), row labels indented by their
depth in the hierarchy, and 表1's numbering ("一、", "1."); 表11 is laid out as the
ruled form it is (`printed_form`: blocks, merged 一级/二级 indicator cells). The contents come
only from `tests/fixtures/sample_tables/表N.json` (typed by a person), never
from a parser's output.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

GRIDS = Path(__file__).resolve().parent.parent / "fixtures" / "sample_tables"
DEPARTMENT = "深圳市社会保险基金管理局罗湖分局"
CHINESE_NUMERALS = "一二三四五六七八九十"

# The label columns each table of the municipal template prints (not part of the grids' columns).
LABEL_COLUMNS = {
    2: ("预算单位",), 3: ("预算单位",), 4: ("支出项目类别",), 5: ("支出项目类别",),
    7: ("预算单位", "科目编码", "科目名称"), 9: ("预算单位", "科目编码", "科目名称"),
    10: ("预算单位", "科目编码", "科目名称"), 8: ("预算单位", "年度"),
}
TWO_SIDED = (1, 6)
# Notes printed under the tables, typed from the disclosure.
NOTES = {
    1: "注：财政拨款收支情况包括一般公共预算、政府性基金预算、国有资本经营预算拨款收支情况。",
    8: "注：无。",
    9: "注：本表本年无发生额。",
    10: "注：本表本年无发生额。",
}
FORMS = (11,)  # printed as a ruled form: every cell is in `header`, the body is empty
SUPERVISOR = "深圳市社会保险基金管理局"  # 表11's 主管部门
FORM_YEAR = "2022年度"  # printed left of "单位：万元" above 表11
NUMBERED = (1,)  # 表1 prints "一、政府预算拨款" and "1.一般公共预算拨款"; 表6 prints bare labels


@dataclass(frozen=True)
class HeaderCell:
    """One (possibly merged) header cell: text and the grid rows/columns it covers."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class BodyCell:
    """One printed body cell: text, indentation level (labels) and alignment."""

    text: str
    indent: int = 0
    align: str = "left"  # "left", "right" (amounts) or "center" (total labels of 表1/表6)


@dataclass(frozen=True)
class PrintedTable:
    """A table as printed: title block, merged header, body rows."""

    number: int
    title: str
    unit: str
    n_cols: int
    header_rows: int
    header: tuple[HeaderCell, ...]
    body: tuple[tuple[BodyCell, ...], ...]
    label_cols: int


def load_grid(number: int) -> dict | None:
    """The hand-typed expected grid of 表`number`, or None while it is not typed yet."""
    path = GRIDS / f"表{number}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def printable_numbers() -> list[int]:
    """Table numbers this module can lay out (表11 as a form, see `printed_form`)."""
    return [n for n in range(1, 12) if (GRIDS / f"表{n}.json").exists()]


def printed_table(grid: dict) -> PrintedTable:
    """Lay out one expected grid as the disclosure prints it."""
    number = grid["number"]
    if number in FORMS:
        return printed_form(grid)
    if number in TWO_SIDED:
        return _two_sided(grid)
    labels = LABEL_COLUMNS[number]
    header = _label_header(labels, _depth(grid)) + _value_header(grid["columns"], len(labels))
    body = tuple(_body_row(grid, i, len(labels)) for i in range(len(grid["rows"])))
    return PrintedTable(number, grid["title"], grid["unit"], len(labels) + len(grid["columns"]),
                        _depth(grid), header, body, len(labels))


def _depth(grid: dict) -> int:
    return max(len(c) for c in grid["columns"])


def _label_header(labels: tuple[str, ...], depth: int) -> tuple[HeaderCell, ...]:
    return tuple(HeaderCell(text, 0, i, rowspan=depth) for i, text in enumerate(labels))


def _value_header(columns: list[list[str]], offset: int) -> tuple[HeaderCell, ...]:
    """Merged header cells for value columns: equal path prefixes share one cell."""
    depth = max(len(c) for c in columns)
    cells: list[HeaderCell] = []
    for level in range(depth):
        start = 0
        while start < len(columns):
            if len(columns[start]) <= level:
                start += 1
                continue
            end = start + 1
            while end < len(columns) and columns[end][: level + 1] == columns[start][: level + 1]:
                end += 1
            leaf = all(len(c) == level + 1 for c in columns[start:end])
            cells.append(HeaderCell(columns[start][level], level, offset + start,
                                    rowspan=depth - level if leaf else 1, colspan=end - start))
            start = end
    return tuple(cells)


def _is_department_row(grid: dict, index: int) -> bool:
    row = grid["rows"][index]
    return index == 0 and row["total"] and row["path"] == [DEPARTMENT]


def _body_row(grid: dict, index: int, label_cols: int) -> tuple[BodyCell, ...]:
    row = grid["rows"][index]
    values = tuple(BodyCell(c, align="right") for c in row["cells"])
    name = row["path"][-1]
    number = grid["number"]
    if number == 8:
        labels = (BodyCell(DEPARTMENT if index == 0 else ""), BodyCell(name))
    elif label_cols == 3:
        department = _is_department_row(grid, index)
        labels = (BodyCell(name if department else ""), BodyCell(row["code"]),
                  BodyCell("" if department else name))
    else:
        has_department = _is_department_row(grid, 0)
        level = 0 if _is_department_row(grid, index) else len(row["path"]) - (0 if has_department else 1)
        labels = (BodyCell(name, indent=level),)
    return labels + values


def _two_sided(grid: dict) -> PrintedTable:
    """表1/表6: income on the left, expenditure on the right; totals on the same lines."""
    value_title = grid["columns"][0][0]
    header = (HeaderCell("收入", 0, 0, colspan=2), HeaderCell("支出", 0, 2, colspan=2),
              HeaderCell("项目", 1, 0), HeaderCell(value_title, 1, 1),
              HeaderCell("项目", 1, 2), HeaderCell(value_title, 1, 3))
    numbered = grid["number"] in NUMBERED
    income_body, income_tail = _side(grid, "收入", numbered, sub_numbers=True)
    spend_body, spend_tail = _side(grid, "支出", numbered, sub_numbers=False)
    empty = (BodyCell(""), BodyCell(""))
    body = [left + right for left, right in zip_longest(income_body, spend_body, fillvalue=empty)]
    body += [left + right for left, right in zip_longest(income_tail, spend_tail, fillvalue=empty)]
    return PrintedTable(grid["number"], grid["title"], grid["unit"], 4, 2, header, tuple(body), 2)


def _side(grid: dict, side: str, numbered: bool, sub_numbers: bool):
    """One side's rows as (label, amount) pairs, split before its first total row."""
    body: list[tuple[BodyCell, BodyCell]] = []
    tail: list[tuple[BodyCell, BodyCell]] = []
    top = sub = 0
    for row in (r for r in grid["rows"] if r["path"][0] == side):
        amount = BodyCell(row["cells"][0], align="right")
        name, level = row["path"][-1], len(row["path"]) - 2
        if row["total"] or tail:
            tail.append((BodyCell(name, align="center" if row["total"] else "left"), amount))
            continue
        if numbered and level == 0:
            top, sub = top + 1, 0
            name = f"{CHINESE_NUMERALS[top - 1]}、{name}"
        elif numbered and sub_numbers and level == 1:
            sub += 1
            name = f"{sub}.{name}"
        body.append((BodyCell(name, indent=level), amount))
    return body, tail



def printed_form(grid: dict) -> PrintedTable:
    """表11 as the form prints it, in 7 columns: block heading | 任务名称/一级指标 | 主要内容
    (two columns)/二级, 三级指标 | three amount columns/目标值; merged cells as the form merges them.
    The whole form is laid out as merged cells (`header`), `header_rows` is its row count."""
    rows = grid["rows"]
    tasks = [r for r in rows if r["path"][0] == "年度主要任务"]
    goal = next(r for r in rows if r["path"] == ["年度总体目标"])
    indicators = [r for r in rows if r["path"][0] == "年度绩效指标"]
    cells = [HeaderCell("部门（单位）名称", 0, 0, colspan=2), HeaderCell(DEPARTMENT, 0, 2, colspan=2),
             HeaderCell("主管部门", 0, 4), HeaderCell(SUPERVISOR, 0, 5, colspan=2),
             HeaderCell("年度主要任务", 1, 0, rowspan=2 + len(tasks)),
             HeaderCell("任务名称", 1, 1, rowspan=2), HeaderCell("主要内容", 1, 2, rowspan=2, colspan=2)]
    cells.append(HeaderCell(grid["columns"][1][0], 1, 4, colspan=3))
    cells += [HeaderCell(column[-1], 2, 4 + i) for i, column in enumerate(grid["columns"][1:4])]
    r = 3
    for task in tasks:
        name, content, amounts = task["path"][-1], task["cells"][0], task["cells"][1:4]
        if task["total"]:
            cells.append(HeaderCell(name, r, 1, colspan=3))
        else:
            cells += [HeaderCell(name, r, 1), HeaderCell(content, r, 2, colspan=2)]
        cells += [HeaderCell(amount, r, 4 + i) for i, amount in enumerate(amounts)]
        r += 1
    cells += [HeaderCell("年度总体目标", r, 0), HeaderCell(_goal_lines(goal["cells"][0]), r, 1, colspan=6)]
    r += 1
    cells += [HeaderCell("年度绩效指标", r, 0, rowspan=1 + len(indicators)), HeaderCell("一级指标", r, 1),
              HeaderCell("二级指标", r, 2), HeaderCell("三级指标", r, 3), HeaderCell("目标值", r, 4, colspan=3)]
    cells += _indicator_cells(indicators, r + 1)
    return PrintedTable(grid["number"], grid["title"], grid["unit"], 7, r + 1 + len(indicators),
                        tuple(cells), (), 4)


def _goal_lines(text: str) -> str:
    """The overall target's numbered items, each starting a new line ("1.…；" "2.…")."""
    return re.sub(r"(?<=[；;。])(?=\d+\.)", "\n", text)


def _indicator_cells(indicators: list[dict], first_row: int) -> list[HeaderCell]:
    """三级指标 and 目标值 per row; 一级 and 二级 cells merged down over their rows."""
    cells: list[HeaderCell] = []
    for level in (1, 2):
        start = 0
        while start < len(indicators):
            end = start + 1
            while end < len(indicators) and \
                    indicators[end]["path"][1:level + 1] == indicators[start]["path"][1:level + 1]:
                end += 1
            cells.append(HeaderCell(indicators[start]["path"][level], first_row + start, level,
                                    rowspan=end - start))
            start = end
    for i, row in enumerate(indicators):
        cells += [HeaderCell(row["path"][3], first_row + i, 3), HeaderCell(row["cells"][4], first_row + i, 4,
                                                                          colspan=3)]
    return cells
