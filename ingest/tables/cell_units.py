"""The unit of a table figure: its own printed unit, its row's, its column's, else the table's.

The table's money unit ("单位:元") is right for money only: a 相关统计数 row
"公务用车保有量(辆)" counts vehicles and the 权重/得分 columns of a 绩效自评表 hold
points. The words live in `cell_units.toml`.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from ingest.tables.cells import parse_cell

_WORDS_FILE = Path(__file__).with_name("cell_units.toml")


@cache
def _words() -> dict[str, tuple[str, ...]]:
    with _WORDS_FILE.open("rb") as handle:
        return {key: tuple(value) for key, value in tomllib.load(handle).items()}


@cache
def _row_unit_pattern() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in _words()["row_units"])
    return re.compile(rf"[（(]\s*({units})\s*[)）]\s*$")


def row_unit(label: str) -> str:
    """"公务用车保有量(辆)" -> "辆"; "" when the label prints no unit at its end."""
    match = _row_unit_pattern().search(label.strip())
    return match.group(1) if match else ""


def _has(name: str, key: str) -> bool:
    return any(word in name for word in _words()[key])


def is_measure_unit_column(name: str) -> bool:
    """True for a 度量单位 column (its cells are unit words, e.g. "%")."""
    return _has(name, "measure_unit_columns")


def is_performance_table(title: str) -> bool:
    return _has(title, "performance_titles")


def column_unit(name: str, table_unit: str, measure_unit: str = "", performance: bool = False) -> str:
    """The unit of a bare figure in the column `name` ("" or "列1" when unknown).

    `measure_unit`: the row's 度量单位 cell; `performance`: the table is a 绩效 table, where
    only money columns take `table_unit`.
    """
    if _has(name, "score_columns"):
        return "分"
    if _has(name, "rate_columns"):
        return "%"
    if _has(name, "measure_columns"):
        return measure_unit
    if _has(name, "money_columns") or not performance:
        return table_unit
    known = bool(name) and not re.fullmatch(r"列\d+", name)
    return "" if known else table_unit


def cell_units(label: str, names: tuple[str, ...], cells: tuple[str, ...], table_unit: str,
               performance: bool = False) -> tuple[str, ...]:
    """The fallback unit of each value cell of a row (a unit printed in the cell still wins).

    `names` are the column names over `cells` ("" where unknown).
    """
    printed = row_unit(label)
    if printed:
        return (printed,) * len(cells)
    measure = next((c.strip() for n, c in zip(names, cells) if is_measure_unit_column(n) and c.strip()), "")
    measure = "%" if measure == "％" else measure
    # no 度量单位 column: the unit printed in the target cell ("≤90万元") is the actual value's too
    measure = measure or next((parse_cell(c).unit for n, c in zip(names, cells)
                               if _has(n, "measure_columns") and parse_cell(c).unit), "")
    names = tuple(names) + ("",) * (len(cells) - len(names))
    return tuple(column_unit(n, table_unit, measure, performance) for n in names[:len(cells)])


def header_stretch(cells: list[str]) -> tuple[str, ...]:
    """The last run of value-column names in a block of header cells (绩效自评表), or ().

    ["项目实施内容及过程概述", "预算执行情况(10分)", "年度预算数(万元)", "年初预算", …, "得分", "原因"]
    -> ("年初预算", …, "得分", "原因").
    """
    stretch: list[str] = []
    best: list[str] = []
    for cell in cells:
        if _has(cell, "performance_header_words") and not re.search(r"[（(]", cell):
            stretch.append(cell)
            continue
        best = stretch if len(stretch) >= 2 else best
        stretch = []
    best = stretch if len(stretch) >= 2 else best
    return tuple(best)


def align_names(names: tuple[str, ...], count: int) -> tuple[str, ...]:
    """The names over `count` values printed with single spaces (blank cells lost).

    Money rows leave their last cells (执行率, 得分) blank, so values fill from the left;
    indicator rows (header opening with 指标性质/指标值) print text targets first ("达成预期指标")
    and leave the 原因 column blank, so their values fill from the right.
    """
    if not names or not _has(names[0], "measure_columns") and "指标" not in names[0]:
        return names[:count] + ("",) * max(count - len(names), 0)
    filled = list(names)
    while filled and "原因" in filled[-1]:
        filled.pop()
    if count > len(filled):
        return ("",) * (count - len(filled)) + tuple(filled)
    return tuple(filled[len(filled) - count:])
