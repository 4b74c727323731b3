"""Two-sided tables (收支总表, 财政拨款收入支出决算总表): income left, expenditure right.

Grid rows are (left label, left values…, right label, right values…): one value per
side in a budget's 收支总表; a 决算 财政拨款收入支出决算总表 prints one 金额 on the
income side and 合计 + three funds on the expenditure side (`side_widths`). Every row
path starts with its side; all income rows come first, then all expenditure rows.
"""

from __future__ import annotations

from ingest.model import Row, TableGrid
from ingest.tables.row_paths import indented_paths, is_total_label
from ingest.tables.schemas import Schema
from ingest.tables.table_layout import value_count

# Rows after 本年收入合计/本年支出合计 that add up to 总计 with it (carry-over, 结余 used or allotted).
CARRY_OVER = ("上年结余", "上年结转", "结转下年", "年末结转", "年初结转", "结转和结余", "使用非财政拨款结余",
              "结余分配")


def side_widths(schema: Schema) -> tuple[int, int]:
    """Value cells of the (left, right) side: (1, 1) unless the schema says otherwise."""
    widths = schema.setting("side_widths", (1, 1))
    return int(widths[0]), int(widths[1])


def two_sided_columns(schema: Schema, grid: TableGrid) -> tuple[tuple[str, ...], ...] | None:
    """The value columns when every row has both sides' cells (or is a lone label), else None."""
    left, right = side_widths(schema)
    width = 2 + left + right
    if not grid.rows or not all(len(row) in (width, 1) for row in grid.rows):
        return None
    if not all(value_count(row[1:1 + left]) == left and value_count(row[2 + left:]) == right
               for row in grid.rows if len(row) == width):
        return None
    if grid.header_paths and len(grid.header_paths) >= 1 + right:
        # the side's own heading ("支出", "本年支出") is not part of the column's name
        return tuple(tuple(path[1:]) if len(path) > 1 and path[0].strip().endswith(tuple(schema.sides))
                     else tuple(path) for path in grid.header_paths[-right:])
    return schema.columns_for("")


def _side_cells(cells: tuple[str, ...], side_index: int, left: int) -> tuple[str, tuple[str, ...]]:
    if side_index == 0:
        return cells[0], tuple(cells[1:1 + left])
    return cells[1 + left], tuple(cells[2 + left:])


def _side_paths(labels: list[str]) -> list[tuple[str, ...]]:
    """Items before the first total by indentation; after it, totals and carry-over rows are top
    level and a carry-over row may have its own parts (年初财政拨款结转和结余 › 一般公共预算财政拨款)."""
    totals = [is_total_label(label) for label in labels]
    carry = [any(word in label for word in CARRY_OVER) for label in labels]
    first = next((i for i, t in enumerate(totals) if t), len(labels))
    before = indented_paths(labels[:first], [t or c for t, c in zip(totals[:first], carry[:first])])
    return before + indented_paths(labels[first:], totals[first:])


def two_sided_rows(grid: TableGrid, schema: Schema, make_row) -> list[Row]:
    """Rows of both sides, each side's hierarchy from its own indentation and numbering."""
    left = side_widths(schema)[0]
    width = 2 + left + side_widths(schema)[1]
    rows: list[Row] = []
    for side_index, side in enumerate(schema.sides[:2]):
        entries = []
        for index, cells in enumerate(grid.rows):
            if len(cells) != width:
                continue
            label, values = _side_cells(cells, side_index, left)
            if label.strip() or any(v.strip() for v in values):
                entries.append((index, label, values))
        labels = [label for _, label, _ in entries]
        paths = _side_paths(labels)
        for (index, label, values), path in zip(entries, paths):
            rows.append(make_row(grid, index, label, (side,) + path, values, total=is_total_label(label)))
    return rows
