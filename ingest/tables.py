"""TableGrid -> Table: schema columns, row hierarchy, parsed cells.

Every reader (text, PDF, XLSX) hands its grids here, so all formats give the
same tables. A known title whose value count fits its schema is parsed with the
schema's columns and row structure; anything else goes to the generic parser,
which keeps every row (label + values) and names columns as well as it can.
"""

from __future__ import annotations

import re

from ingest.cells import parse_cell
from ingest.model import Row, Table, TableGrid
from ingest.row_paths import clean_label, coded_paths, indented_paths, is_total_label
from ingest.schemas import Schema, find_schema
from ingest.table_layout import generic_columns, split_label_cells, value_count
from ingest.two_sided import two_sided_rows


def table_from_grid(grid: TableGrid) -> Table:
    """Parse a grid into a Table (schema when it fits, else the generic parser)."""
    schema = find_schema(grid.title)
    columns = _schema_columns(schema, grid) if schema else None
    if schema is not None and columns is not None:
        rows = _schema_rows(schema, grid, columns)
        name = schema.name
    else:
        columns = generic_columns(grid)
        rows = _generic_rows(grid, len(columns))
        name = "generic"
    return Table(number=grid.number, title=grid.title.strip(), unit=grid.unit, columns=columns,
                 rows=tuple(rows), schema=name, complete=grid.complete, line=grid.line, notes=grid.notes)


def _schema_columns(schema: Schema, grid: TableGrid) -> tuple[tuple[str, ...], ...] | None:
    """The value columns when the grid fits the schema, else None (-> generic)."""
    count = len(schema.columns)
    if schema.structure == "two_sided":
        fits = all(len(row) == 4 or len(row) == 1 for row in grid.rows)
    elif schema.structure == "performance":
        fits = all(len(row) == 9 for row in grid.rows)
    elif len(grid.header_paths) > count:
        # header known (PDF, XLSX, verified text header): label cells may be empty ("" code)
        width = len(grid.header_paths)
        fits = bool(grid.rows) and all(
            len(row) == 1 or (count < len(row) <= width and value_count(row[-count:]) == count)
            for row in grid.rows)
    else:
        counts = [value_count(row) for row in grid.rows]
        fits = bool(grid.rows) and all(c == count for c in counts if c) and any(counts)
    if not fits:
        return None
    if grid.header_paths:
        paths = grid.header_paths[-count:] if schema.structure != "two_sided" else (grid.header_paths[1][-1:],)
        return tuple(tuple(part for part in path) for path in paths)
    return schema.columns_for("")


def _row(grid: TableGrid, index: int, label: str, path, cells: tuple[str, ...], code: str = "",
         total: bool = False) -> Row:
    parsed = tuple(parse_cell(raw.strip(), grid.unit) for raw in cells)
    return Row(label=path[-1] if path else clean_label(label), path=tuple(path), cells=parsed, code=code,
               line=grid.lines[index] if index < len(grid.lines) else 0,
               quote=grid.quotes[index] if index < len(grid.quotes) else "", is_total=total)


def _schema_rows(schema: Schema, grid: TableGrid, columns) -> list[Row]:
    if schema.structure == "two_sided":
        return two_sided_rows(grid, schema, _row)
    if schema.structure == "performance":
        return _performance_rows(grid)
    count = len(columns)
    labels, codes, values = [], [], []
    for row in grid.rows:
        label_cells, value_cells = split_label_cells(row, count)
        code = next((c.strip() for c in label_cells if c.strip().isdigit()), "")
        text = next((c for c in reversed(label_cells) if c.strip() and not c.strip().isdigit()), "")
        labels.append(text)
        codes.append(code)
        values.append(value_cells)
    totals = _total_flags(schema, labels, values)
    if schema.structure == "coded":
        paths = coded_paths(codes, labels)
    elif schema.structure == "years":
        paths = [(_year_label(label),) for label in labels]
    else:
        paths = indented_paths(labels, totals)
    return [_row(grid, i, labels[i], paths[i], values[i], codes[i], totals[i]) for i in range(len(labels))]


def _total_flags(schema: Schema, labels: list[str], values: list[tuple[str, ...]]) -> list[bool]:
    """The department row heading the table and 合计/总计 rows are totals (never parents)."""
    flags = [is_total_label(label) for label in labels]
    if schema.department_row and schema.structure != "years":
        first = next((i for i, v in enumerate(values) if any(c.strip() for c in v)), None)
        if first is not None:
            flags[first] = True
    return flags


def _year_label(label: str) -> str:
    """"深圳市…罗湖分局 2021 年" -> "2021年"; "增减变化金额" stays."""
    match = re.search(r"((?:19|20)\d\d)\s*年", label)
    return f"{match.group(1)}年" if match else clean_label(label.split()[-1] if label.split() else label)


def _performance_rows(grid: TableGrid) -> list[Row]:
    rows = []
    for index, cells in enumerate(grid.rows):
        path = tuple(c.strip() for c in cells[:4] if c.strip())
        total = bool(path) and is_total_label(path[-1])
        rows.append(_row(grid, index, path[-1] if path else "", path, tuple(cells[4:]), total=total))
    return rows


def _generic_rows(grid: TableGrid, width: int) -> list[Row]:
    """Every row kept: label (joined label cells) and values padded to the column count."""
    labels, values = [], []
    for row in grid.rows:
        label_cells, value_cells = split_label_cells(row, None)
        labels.append(" ".join(c.strip() for c in label_cells if c.strip()) if len(label_cells) > 1
                      else (label_cells[0] if label_cells else ""))
        values.append(tuple(value_cells) + ("",) * (width - len(value_cells)))
    totals = [is_total_label(label) for label in labels]
    paths = indented_paths(labels, totals)
    return [_row(grid, i, labels[i], paths[i] if labels[i].strip() else (f"第{i + 1}行",), values[i],
                 total=totals[i]) for i in range(len(labels))]

