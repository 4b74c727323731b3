"""A target's comparison printed in a column of its own.

A 绩效目标申报表 copied from a web page may print "≥" under 指标性质 and "95" under
指标值 (seen in g08 of the development corpus): the mark is the target's comparison
(≥ 95 %), as when printed in the cell itself ("≥95%"), never part of the number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Cell
from ingest.tables.cells import QUALIFIER_FOLDS
from ingest.tables.text_cells import QUALIFIER

# Columns whose cell is the comparison of the row's target.
COMPARISON_COLUMNS = ("指标性质",)
# Columns holding a target value (an actual 完成值 is not compared).
TARGET_COLUMNS = ("指标值", "目标值")
_MARK = re.compile(rf"^\s*({QUALIFIER})\s*$")


def comparison_mark(raw: str) -> str:
    """"≥" -> "≥", ">=" -> "≥"; "" when the cell is not only a comparison mark."""
    match = _MARK.match(raw)
    return QUALIFIER_FOLDS.get(match.group(1), match.group(1)) if match else ""


def with_printed_comparison(names: tuple[str, ...], cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """`cells` with the comparison printed in the row's 指标性质 cell set on its target value
    (a comparison printed in the target cell itself wins). `names` are the column names."""
    mark = next((comparison_mark(cell.raw) for name, cell in zip(names, cells)
                 if name.endswith(COMPARISON_COLUMNS)), "")
    if not mark:
        return cells
    return tuple(replace(cell, qualifier=mark)
                 if index < len(names) and names[index].endswith(TARGET_COLUMNS)
                 and cell.value is not None and not cell.qualifier else cell
                 for index, cell in enumerate(cells))
