"""TableGrid -> Table: schema columns, row hierarchy, parsed cells.

STUB — to be replaced by the ingest-tables work.
"""
from __future__ import annotations

from ingest.model import Cell, Row, Table, TableGrid


def table_from_grid(grid: TableGrid) -> Table:
    rows = tuple(Row(label=r[0].strip(), path=(r[0].strip(),), cells=tuple(Cell(raw=c) for c in r[1:]))
                 for r in grid.rows)
    return Table(number=grid.number, title=grid.title, unit=grid.unit, columns=(), rows=rows,
                 complete=grid.complete, line=grid.line, notes=grid.notes)
