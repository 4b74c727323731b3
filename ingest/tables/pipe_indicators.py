"""A performance-target table (绩效目标表) in pipe rows: merged cells printed once.

The header names every column ("单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 |
二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性", seen in g08).
A merged cell is printed only in its first row, so later rows are shorter: an
indicator row prints only its last cells, a project row starts at 项目名称, a
department row is a name and its amount. Each row is put back under its columns
(by the kinds of its cells), the merged label cells are carried down, and the
row comes out as label cells (names, indicator levels) then value cells named
by their columns, so 指标值 takes the row's 度量单位.

The carried label cells are the row's path (单位 › 项目 › 一级 › 二级 › 三级). A
project's own cells (预算数, 年度目标: the value columns before the indicator
levels) are printed in its first indicator's row but belong to the project: they
come out as a row of their own whose path ends at the project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.tables.header_cells import is_label_cell, squeeze
from ingest.tables.text_cells import is_value

# The header cell of an indicator's own name: the levels above it are label columns too.
INDICATOR_NAME = "三级指标"
EMPTY_MARKS = ("", "-", "—", "/")
# A budget system's code before a unit's or project's name: "820-", "820001-" (then no digit).
SYSTEM_CODE = re.compile(r"^\d{3,}\s*[-－]\s*(?=\D)")


def is_indicator_header(header: list) -> bool:
    """A header with an indicator column (三级指标) and label columns before it."""
    if not all(isinstance(c, str) for c in header):
        return False
    names = [squeeze(c) for c in header]
    return INDICATOR_NAME in names and any(is_label_cell(c) for c in names)


@dataclass(frozen=True)
class IndicatorRows:
    """The table's rows as label cells then value cells, and for each row what names it.

    :ivar rows: label cells (names, indicator levels) then value cells.
    :ivar cell_names: per row, the column names over its cells ("" over label cells).
    :ivar paths: per row, its non-empty label cells from the top: ("单位", "项目") for a
        project's own cells, ("单位", "项目", "一级", "二级", "三级") for an indicator.
    :ivar sources: per row, the index of the printed row it was read from.
    """

    rows: list[tuple[str, ...]]
    cell_names: list[tuple[str, ...]]
    paths: list[tuple[str, ...]]
    sources: list[int]


def indicator_rows(header: list[str], rows: list[tuple[str, ...]]) -> IndicatorRows:
    """The printed rows put back under the header's columns, merged label cells carried down."""
    names = [squeeze(c) for c in header]
    label_at = _label_columns(names)
    kinds = _column_kinds(names, rows)
    placed: list[list[str]] = []
    for row in rows:
        cells, first = _placed(list(row), kinds, label_at)
        above = placed[-1] if placed else [""] * len(names)
        for column in label_at:
            if column < first and not cells[column].strip():
                cells[column] = above[column]  # a merged label cell printed in an earlier row
        placed.append(cells)
    values_at = [i for i in range(len(names)) if i not in label_at]
    levels_from = _first_level(names, label_at)
    out = IndicatorRows([], [], [], [])
    for source, cells in enumerate(placed):
        for part in _split_project(cells, label_at, levels_from):
            out.rows.append(tuple(part[i] for i in label_at) + tuple(part[i] for i in values_at))
            out.cell_names.append(("",) * len(label_at) + tuple(names[i] for i in values_at))
            out.paths.append(tuple(_name(part[i], names[i]) for i in label_at if part[i].strip()))
            out.sources.append(source)
    return out


def _name(cell: str, column: str) -> str:
    """A unit or project as named: without the budget system's code printed before it
    ("820001-某县某镇人民政府", seen in g08 of the development corpus); the row's quote keeps it."""
    name = cell.strip()
    return SYSTEM_CODE.sub("", name) if is_label_cell(column) else name


def _first_level(names: list[str], label_at: list[int]) -> int:
    """The column of the top indicator level (一级指标): the project's columns are before it."""
    return next((i for i in label_at if names[i].endswith("指标")), len(names))


def _split_project(cells: list[str], label_at: list[int], levels_from: int) -> list[list[str]]:
    """A row printing both a project's own values and an indicator: the project part, then the
    indicator part (each with the other's cells blank). Other rows as they are."""
    own = [i for i in range(levels_from) if i not in label_at and _kind(cells[i])]
    indicator = [i for i in range(levels_from, len(cells)) if cells[i].strip()]
    if not own or not indicator:
        return [cells]
    project = [c if i < levels_from else "" for i, c in enumerate(cells)]
    rest = ["" if i in own else c for i, c in enumerate(cells)]
    return [project, rest]


def _label_columns(names: list[str]) -> list[int]:
    """Label columns: names of units and projects, and the indicator levels up to 三级指标."""
    last = names.index(INDICATOR_NAME)
    return [i for i, n in enumerate(names) if is_label_cell(n) or (n.endswith("指标") and i <= last)]


def _kind(cell: str) -> str:
    text = cell.strip().replace(" ", "")
    if text in EMPTY_MARKS:
        return ""
    return "number" if is_value(text) else "text"


def _column_kinds(names: list[str], rows: list[tuple[str, ...]]) -> list[str]:
    """Per column, "number" or "text" as its full-width rows print it ("" when unseen)."""
    kinds = [""] * len(names)
    for row in rows:
        if len(row) != len(names):
            continue
        for index, cell in enumerate(row):
            kinds[index] = kinds[index] or _kind(cell)
    return kinds


def _fits(cells: list[str], kinds: list[str]) -> bool:
    return all(not _kind(c) or not k or _kind(c) == k for c, k in zip(cells, kinds))


def _placed(row: list[str], kinds: list[str], label_at: list[int]) -> tuple[list[str], int]:
    """(the row under its columns, the column of its first cell).

    The merged cells left out are the leading ones, so the row starts in a label column:
    the right-most such start where every cell fits its column's kind wins (an indicator
    row is right-aligned; a row cut off at the end of the text still starts at its level).
    """
    width = len(kinds)
    if len(row) >= width:
        return row[:width], 0
    for offset in range(width - len(row), -1, -1):
        cells = [""] * offset + row + [""] * (width - offset - len(row))
        if offset in label_at and _fits(cells, kinds):
            return cells, offset
    return row + [""] * (width - len(row)), 0
