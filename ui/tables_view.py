"""Tables as HTML grids: the table browser and the table excerpts of citations.

Every text taken from a disclosure is escaped here; the grid shows the row
hierarchy as indentation and the column header paths as merged header cells.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

from ingest.model import Document, Row, Table

INDENT_EM = 1.2  # indentation per level of the row hierarchy
SIDES = ("收入", "支出")  # two-sided tables (表1) start every row path with its side


def table_choices(document: Document) -> list[tuple[str, str]]:
    """(label shown in the picker, key) for every table of a document, e.g. ("表4 基本支出总表", "3")."""
    return [(f"{table.ref} {table.title}".strip(), str(index))
            for index, table in enumerate(document.tables)]


def render_table_page(document: Document | None, key: str | None) -> str:
    """The table browser's view of one table (chosen by its key from `table_choices`)."""
    if document is None:
        return '<p class="muted">尚未载入任何公开文件。</p>'
    if not document.tables:
        return '<p class="muted">这份文件没有解析出表格。</p>'
    index = int(key) if key and key.isdigit() and int(key) < len(document.tables) else 0
    table = document.tables[index]
    unit = f"单位：{escape(table.unit)}" if table.unit else ""
    notes = "".join(f'<p class="table-note">{escape(note)}</p>' for note in table.notes)
    warning = ("" if table.complete else
               '<p class="warning">这张表在文件中被截断，只显示已有的行。</p>')
    return (f'<div class="table-page"><h3 class="table-heading">{escape(table.ref)} {escape(table.title)}'
            f'<span class="table-unit">{unit}</span></h3>{warning}'
            f'{render_table_grid(table)}{notes}</div>')


def render_table_grid(
    table: Table,
    row_indexes: Sequence[int] | None = None,
    cited_rows: Collection[int] = (),
    cited_cells: Collection[tuple[int, int]] = (),
) -> str:
    """A table as an HTML grid.

    `row_indexes` limits the body to those rows (gaps shown as "…");
    `cited_rows` (row indexes) and `cited_cells` ((row index, column index))
    get the CSS classes `cited-row` and `cited`.
    """
    indexes = list(range(len(table.rows))) if row_indexes is None else sorted(set(row_indexes))
    with_code = any(row.code for row in table.rows)
    width = _width(table, with_code)
    two_sided = bool(table.rows) and all(row.path and row.path[0] in SIDES for row in table.rows)
    body = []
    previous, side = -1, ""
    for index in indexes:
        row = table.rows[index]
        if previous >= 0 and index > previous + 1:
            body.append(f'<tr class="gap"><td colspan="{width}"><span class="gap-mark">…</span></td></tr>')
        if two_sided and row.path[0] != side:
            side = row.path[0]
            body.append(f'<tr class="side"><td colspan="{width}">{escape(side)}</td></tr>')
        body.append(_row_html(row, index, with_code, index in cited_rows, cited_cells, int(two_sided)))
        previous = index
    if not indexes:
        body.append(f'<tr class="gap"><td colspan="{width}">（无数据行）</td></tr>')
    return (f'<div class="table-scroll"><table class="budget-table">'
            f'<thead>{_header_html(table.columns, with_code)}</thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def _width(table: Table, with_code: bool) -> int:
    return len(table.columns) + 1 + int(with_code)


def _header_html(columns: Sequence[tuple[str, ...]], with_code: bool) -> str:
    """Header rows built from column paths: equal neighbouring prefixes merge into one cell."""
    depth = max((len(path) for path in columns), default=1) or 1
    lead = f'<th rowspan="{depth}" class="label-head">项目</th>'
    if with_code:
        lead = f'<th rowspan="{depth}" class="code-head">科目编码</th>' + lead
    rows = []
    for level in range(depth):
        cells = [lead] if level == 0 else []
        cells.extend(_header_level(columns, level, depth))
        rows.append(f'<tr>{"".join(cells)}</tr>')
    return "".join(rows)


def _header_level(columns: Sequence[tuple[str, ...]], level: int, depth: int) -> list[str]:
    """The header cells of one level: a column whose path ended above is covered by a rowspan."""
    cells: list[str] = []
    index = 0
    while index < len(columns):
        path = columns[index] or ("",)
        if level >= len(path):
            index += 1
            continue
        span = 1
        while (index + span < len(columns) and len(columns[index + span]) > level
               and columns[index + span][:level + 1] == path[:level + 1]
               and level < len(path) - 1):
            span += 1
        rowspan = depth - level if level == len(path) - 1 else 1
        attrs = (f' colspan="{span}"' if span > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
        cells.append(f"<th{attrs}>{escape(path[level])}</th>")
        index += span
    return cells


def _row_html(row: Row, index: int, with_code: bool, cited: bool,
              cited_cells: Collection[tuple[int, int]], shared_levels: int = 0) -> str:
    """One body row; `shared_levels` path elements (a table side) are shown as group rows instead."""
    classes = ["total"] if row.is_total else []
    if cited:
        classes.append("cited-row")
    level = max(len(row.path) - 1 - shared_levels, 0)
    label = (f'<td class="row-label" style="padding-left:{0.5 + level * INDENT_EM:.1f}em" '
             f'title="{escape(" › ".join(row.path))}">{escape(row.label)}</td>')
    code = f'<td class="row-code">{escape(row.code)}</td>' if with_code else ""
    cells = []
    for column, cell in enumerate(row.cells):
        kind = "num" if cell.value is not None or not cell.raw.strip() else "text"  # 表11 mixes prose in
        cited_class = " cited" if (index, column) in cited_cells else ""
        cells.append(f'<td class="{kind}{cited_class}">{escape(cell.raw)}</td>')
    class_attr = f' class="{" ".join(classes)}"' if classes else ""
    return f'<tr{class_attr} data-row="{index}">{code}{label}{"".join(cells)}</tr>'
