"""TableGrid -> Table: schema columns, row hierarchy, parsed cells.

Every reader (text, PDF, XLSX) hands its grids here, so all formats give the
same tables. A known title whose value count fits its schema is parsed with the
schema's columns and row structure; anything else goes to the generic parser,
which keeps every row (label + values) and names columns as well as it can.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.tables.cell_units import cell_units, is_performance_table
from ingest.tables.cells import parse_cell
from ingest.tables.code_columns import is_code, join_code_columns
from ingest.tables.side_by_side import unstack_blocks
from ingest.model import Row, Table, TableGrid
from ingest.tables.row_paths import coded_paths, indented_paths, is_total_label, strip_numbering
from ingest.tables.schemas import Schema, column_names, find_schemas, header_evidence, rank_schemas
from ingest.tables.table_layout import generic_columns, label_columns, split_label_cells, value_count
from ingest.tables.two_sided import two_sided_columns, two_sided_rows


def table_from_grid(grid: TableGrid) -> Table:
    """Parse a grid into a Table (schema when it fits, else the generic parser)."""
    stacked = unstack_blocks(grid)
    # blocks the page printed under their own repeated header stay as printed, not regrouped
    regroup = stacked is grid
    grid = join_code_columns(stacked)
    schema, columns, labelled = _fitting_schema(grid, regroup)
    if schema is not None and columns is not None:
        rows = _schema_rows(schema, labelled, columns)
        name = schema.name
    else:
        columns = generic_columns(grid)
        width = max([len(columns)] + [len(row) - _first_named(names) for row, names
                                      in zip(grid.rows, grid.cell_names) if _first_named(names)])
        columns = columns + tuple((f"列{i + 1}",) for i in range(len(columns), width))
        rows = _generic_rows(grid, len(columns))
        name = "generic"
    return Table(number=grid.number, title=grid.title.strip(), unit=grid.unit, columns=columns,
                 rows=tuple(rows), schema=name, complete=grid.complete, line=grid.line, notes=grid.notes)


def _fitting_schema(grid: TableGrid, regroup: bool = True):
    """(schema, columns) of the first variant printed under the title that fits the grid.

    A schema must match by title AND value count: a wrong one would misname columns. When
    variants share a title, one whose column names are not in a known header is skipped.
    """
    header_text = " ".join(name for path in grid.header_paths for name in path)
    candidates = rank_schemas(find_schemas(grid.title), header_text)
    for schema in candidates:
        if schema.structure == "blocks" and not regroup:
            continue
        if len(candidates) > 1 and grid.header_paths and not _header_names_fit(schema, header_text):
            continue
        labelled = _labelled(schema, grid)
        columns = _schema_columns(schema, labelled)
        if columns is not None:
            return schema, columns, labelled
    return None, None, grid


def _header_names_fit(schema: Schema, header_text: str) -> bool:
    return header_evidence(schema, header_text) >= len(column_names(schema))


def _labelled(schema: Schema, grid: TableGrid) -> TableGrid:
    """A numbers-only row gets the schema's label for it (e.g. the “三公” 决算表's one row is 合计)."""
    label = schema.setting("unlabelled_row", "")
    if not label:
        return grid
    rows = tuple((label,) + row[1:] if len(row) > 1 and not row[0].strip() else row for row in grid.rows)
    return replace(grid, rows=rows)


def _schema_columns(schema: Schema, grid: TableGrid) -> tuple[tuple[str, ...], ...] | None:
    """The value columns when the grid fits the schema, else None (-> generic)."""
    count = len(schema.columns)
    if schema.structure == "two_sided":
        return two_sided_columns(schema, grid)
    if schema.structure == "blocks":
        fits = any(len(row) == 3 for row in grid.rows) and all(
            len(row) == 1 or (len(row) == 3 and value_count(row[-1:]) == 1) for row in grid.rows)
        return (tuple(grid.header_paths[-1:]) or schema.columns_for("")) if fits else None
    if schema.structure == "performance":
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
        return tuple(tuple(part for part in path) for path in grid.header_paths[-count:])
    return schema.columns_for("")


def _row(grid: TableGrid, index: int, label: str, path, cells: tuple[str, ...], code: str = "",
         total: bool = False, names: tuple[str, ...] = ()) -> Row:
    """A Row of parsed cells; `names` are the printed column names over `cells`, when known."""
    units = cell_units(label, names, cells, grid.unit, is_performance_table(grid.title))
    parsed = tuple(parse_cell(raw.strip(), unit) for raw, unit in zip(cells, units))
    return Row(label=path[-1] if path else strip_numbering(label), path=tuple(path), cells=parsed, code=code,
               line=grid.lines[index] if index < len(grid.lines) else 0,
               quote=grid.quotes[index] if index < len(grid.quotes) else "", is_total=total,
               column_names=tuple(names[:len(cells)]) if any(names) else ())


def _schema_rows(schema: Schema, grid: TableGrid, columns) -> list[Row]:
    if schema.structure == "two_sided":
        return two_sided_rows(grid, schema, _row)
    if schema.structure == "performance":
        return _performance_rows(grid)
    if schema.structure == "blocks":
        return _block_rows(schema, grid)
    count = len(columns)
    labels, codes, values = [], [], []
    for row in grid.rows:
        label_cells, value_cells = split_label_cells(row, count)
        code = next((c.strip() for c in label_cells if c.strip().isdigit()), "")
        text = next((c for c in reversed(label_cells) if c.strip() and not c.strip().isdigit()), "")
        labels.append(text)
        codes.append(code)
        values.append(value_cells)
    totals = _total_flags(schema, labels, values, codes)
    if schema.structure == "coded" or _mostly_coded(codes, labels):
        paths = coded_paths(codes, labels)
    elif schema.structure == "years":
        paths = [(_year_label(label),) for label in labels]
    else:
        paths = indented_paths(labels, totals)
    return [_row(grid, i, labels[i], paths[i], values[i], codes[i], totals[i]) for i in range(len(labels))]


def _mostly_coded(codes: list[str], labels: list[str]) -> bool:
    """Most labelled rows carry a classification code: the codes give the hierarchy."""
    labelled = [code for code, label in zip(codes, labels) if label.strip()]
    return bool(labelled) and sum(bool(code) for code in labelled) * 2 > len(labelled)


def _total_flags(schema: Schema, labels: list[str], values: list[tuple[str, ...]],
                 codes: list[str]) -> list[bool]:
    """The department row heading the table and 合计/总计 rows are totals (never parents).
    A first row with a classification code is a class, not the department."""
    flags = [is_total_label(label) for label in labels]
    if schema.department_row and schema.structure != "years":
        first = next((i for i, v in enumerate(values) if any(c.strip() for c in v)), None)
        if first is not None and not codes[first]:
            flags[first] = True
    return flags


def _year_label(label: str) -> str:
    """"深圳市…罗湖分局 2021 年" -> "2021年"; "增减变化金额" stays."""
    match = re.search(r"((?:19|20)\d\d)\s*年", label)
    return f"{match.group(1)}年" if match else strip_numbering(label.split()[-1] if label.split() else label)


def _block_group(groups: dict, code: str, name: str) -> str:
    """The group (人员经费, 公用经费) of a block entry: by its class code, a total by its name."""
    if code:
        return next((g for g, classes in groups.items() if code[:3] in classes), "")
    return next((g for g in groups if strip_numbering(name).startswith(g)), "")


def _block_rows(schema: Schema, grid: TableGrid) -> list[Row]:
    """Side-by-side blocks regrouped: each group's total (人员经费合计 -> path 人员经费) is the parent
    of its classes (301 工资福利支出 › 30101 基本工资), so the group total is checked like any parent."""
    groups = dict(schema.setting("groups", {}))
    order = list(groups) + [""]
    indexed = [(i, row) for i, row in enumerate(grid.rows) if len(row) == 3]
    rows: list[Row] = []
    for group in order:
        members = [(i, row) for i, row in indexed if _block_group(groups, row[0].strip(), row[1]) == group]
        # blocks of one group are interleaved line by line (302 … beside 307 …): one class after another
        coded = sorted(((i, row) for i, row in members if row[0].strip()),
                       key=lambda item: item[1][0].strip()[:3])
        paths = coded_paths([row[0].strip() for _, row in coded], [row[1] for _, row in coded])
        prefix = (group,) if group else ()
        for i, row in members:
            if not row[0].strip():
                path = prefix or (strip_numbering(row[1]),)
                rows.append(_row(grid, i, row[1], path, row[2:], total=not group))
        for (i, row), path in zip(coded, paths):
            rows.append(_row(grid, i, row[1], prefix + path, row[2:], code=row[0].strip()))
    return rows


def _performance_rows(grid: TableGrid) -> list[Row]:
    rows = []
    for index, cells in enumerate(grid.rows):
        path = tuple(c.strip() for c in cells[:4] if c.strip())
        total = bool(path) and is_total_label(path[-1])
        rows.append(_row(grid, index, path[-1] if path else "", path, tuple(cells[4:]), total=total))
    return rows


def _first_named(names: tuple[str, ...]) -> int:
    """Index of the first cell with a printed column name (0: none, or the label has one)."""
    return next((i for i, name in enumerate(names) if name), 0)


def _generic_rows(grid: TableGrid, width: int) -> list[Row]:
    """Every row kept: label (joined label cells) and values padded to the column count."""
    labels, codes, values, names = [], [], [], []
    labels_by_header = label_columns(grid) if len(grid.header_paths) == width + label_columns(grid) else 0
    for index, row in enumerate(grid.rows):
        row_names = grid.cell_names[index] if index < len(grid.cell_names) else ()
        first = _first_named(row_names)
        # a header block names the cells: "=", "%" under 指标性质/度量单位 are cells, not label
        label_cells, value_cells = (row[:first], row[first:]) if first else _label_and_values(row, width, labels_by_header)
        code = next((c.strip() for c in label_cells if is_code(c)), "")
        texts = [c for c in label_cells if c.strip() and not (code and c.strip() == code)]
        labels.append(" ".join(c.strip() for c in texts) if len(texts) > 1 else (texts[0] if texts else ""))
        codes.append(code)
        values.append(tuple(value_cells) + ("",) * (width - len(value_cells)))
        names.append(tuple(row_names[len(label_cells):]))
    totals = [is_total_label(label) for label in labels]
    paths = coded_paths(codes, labels) if _mostly_coded(codes, labels) else indented_paths(labels, totals)
    # a row printed without any label (a one-row 三公 table) has an empty path: its columns say what it is
    return [_row(grid, i, labels[i], paths[i] if labels[i].strip() else (), values[i], codes[i],
                 total=totals[i], names=names[i]) for i in range(len(labels))]


def _label_and_values(row: tuple[str, ...], width: int, labels_by_header: int
                      ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Label cells and value cells; a code cell before the label is a label cell, not a value."""
    if labels_by_header and len(row) == labels_by_header + width:
        return tuple(row[:labels_by_header]), tuple(row[labels_by_header:])
    label_cells, value_cells = split_label_cells(row, None)
    if not label_cells and len(row) > width:  # an unlabelled row of a coded table: "201", "", values…
        return tuple(row[:len(row) - width]), tuple(row[len(row) - width:])
    return label_cells, value_cells

