"""A performance-target table (绩效目标表) in pipe rows: merged cells printed once.

The header names every column ("单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 |
二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性", seen in g08).
A merged cell is printed only in its first row, so later rows are shorter: an
indicator row prints only its last cells, a project row starts at 项目名称, a
department row is a name and its amount. Each row is put back under its columns
(by the kinds of its cells), the merged label cells are carried down, and the
row comes out as label cells (names, indicator levels) then value cells named
by their columns, so 指标值 takes the row's 度量单位.
"""

from __future__ import annotations

from ingest.tables.header_cells import is_label_cell, squeeze
from ingest.tables.text_cells import is_value

# The header cell of an indicator's own name: the levels above it are label columns too.
INDICATOR_NAME = "三级指标"
EMPTY_MARKS = ("", "-", "—", "/")


def is_indicator_header(header: list) -> bool:
    """A header with an indicator column (三级指标) and label columns before it."""
    if not all(isinstance(c, str) for c in header):
        return False
    names = [squeeze(c) for c in header]
    return INDICATOR_NAME in names and any(is_label_cell(c) for c in names)


def indicator_rows(header: list[str], rows: list[tuple[str, ...]]
                   ) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """(rows as label cells then value cells, per row the column names over them)."""
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
    out = [tuple(row[i] for i in label_at) + tuple(row[i] for i in values_at) for row in placed]
    cell_names = [("",) * len(label_at) + tuple(names[i] for i in values_at)] * len(out)
    return out, cell_names


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
