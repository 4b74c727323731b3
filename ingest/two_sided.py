"""Two-sided tables (收支总表, 政府预算拨款收支总表): income left, expenditure right.

Grid rows are (left label, left value, right label, right value). Every row
path starts with its side; all income rows come first, then all expenditure rows.
"""

from __future__ import annotations

from ingest.model import Row, TableGrid
from ingest.row_paths import indented_paths, is_total_label
from ingest.schemas import Schema

CARRY_OVER = ("上年结余", "上年结转", "结转下年", "年末结转", "年初结转")


def two_sided_rows(grid: TableGrid, schema: Schema, make_row) -> list[Row]:
    """Rows of both sides, each side's hierarchy from its own indentation and numbering."""
    rows: list[Row] = []
    for side_index, side in enumerate(schema.sides[:2]):
        entries = []
        for index, cells in enumerate(grid.rows):
            if len(cells) != 4:
                continue
            label, value = cells[2 * side_index], cells[2 * side_index + 1]
            if label.strip() or value.strip():
                entries.append((index, label, value))
        labels = [label for _, label, _ in entries]
        totals = [is_total_label(label) for label in labels]
        carry = [any(word in label for word in CARRY_OVER) for label in labels]
        paths = indented_paths(labels, [t or c for t, c in zip(totals, carry)])
        for (index, label, value), path, total in zip(entries, paths, totals):
            rows.append(make_row(grid, index, label, (side,) + path, (value,), total=total))
    return rows
