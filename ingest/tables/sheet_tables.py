"""Worksheets (cells as printed + merged ranges) -> Layout: one standard table per sheet.

Rows at the top holding one thing (table number, title, "部门名称：… 单位：万元")
are the title block; the rows from there down to the first row of figures are
the header, where a cell merged over several columns becomes the shared top of
their header paths; the rest is the body, up to a "注：" note. A sheet without
figures is kept as narrative lines. A performance-target form (表11) is read
whole, header rows included, by `ingest.tables.form_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.tables.form_tables import form_header_paths, form_rows, form_schema
from ingest.model import Layout, TableGrid
from ingest.normalise import normalise_line
from ingest.tables.pdf_flow import NOTE, TABLE_NUMBER, UNIT, names_department, title_parts
from ingest.tables.pdf_tables import FIGURE



@dataclass(frozen=True)
class Sheet:
    """One worksheet as printed.

    :ivar cells: text of every cell, row by row ("" when empty); a label's indentation
        is already leading spaces, figures are formatted as displayed ("3,776").
    :ivar merges: merged ranges as (first row, end row, first column, end column), 0-based, ends exclusive.
    """

    name: str
    cells: tuple[tuple[str, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...] = ()


def sheets_layout(sheets: list[Sheet]) -> Layout:
    """All sheets' tables (and any text-only sheets as narrative) as one Layout."""
    lines: list[str] = []
    narrative: list[tuple[int, str]] = []
    grids: list[TableGrid] = []
    for sheet in sheets:
        grid = sheet_grid(sheet, len(lines) + 1)
        if grid is None:
            for row in sheet.cells:
                text = " ".join(c.strip() for c in row if c.strip())
                if text:
                    lines.append(normalise_line(text).rstrip() + " ")
                    narrative.append((len(lines), lines[-1]))
            continue
        grid_lines, grid = grid
        lines.extend(grid_lines)
        grids.append(grid)
    return Layout(lines=tuple(lines), narrative_lines=tuple(narrative), grids=tuple(grids))


def _is_title_text(text: str) -> bool:
    return bool(TABLE_NUMBER.match(text) or UNIT.search(text) or names_department(text))


def _anchors(sheet: Sheet) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Every cell covered by a merged range -> that range."""
    covered = {}
    for merge in sheet.merges:
        r0, r1, c0, c1 = merge
        for r in range(r0, r1):
            for c in range(c0, c1):
                covered[(r, c)] = merge
    return covered


def _row_texts(sheet: Sheet, r: int, covered) -> list[str]:
    """The non-empty texts a row shows (a merged cell counted once, at its top-left)."""
    texts = []
    for c, text in enumerate(sheet.cells[r]):
        merge = covered.get((r, c))
        if text.strip() and (merge is None or (merge[0], merge[2]) == (r, c)):
            texts.append(text.strip())
    return texts


def _first_body_row(sheet: Sheet, covered) -> int | None:
    for r, row in enumerate(sheet.cells):
        for c, text in enumerate(row):
            merge = covered.get((r, c))
            if FIGURE.match(text.strip()) and (merge is None or merge[1] - merge[0] == 1):
                return r
    return None


def sheet_grid(sheet: Sheet, first_line: int) -> tuple[list[str], TableGrid] | None:
    """(the sheet's lines, its table) or None when the sheet holds no figures."""
    covered = _anchors(sheet)
    body_start = _first_body_row(sheet, covered)
    if body_start is None:
        return None
    header_start = 0
    while header_start < body_start - 1:
        texts = _row_texts(sheet, header_start, covered)
        if len(texts) > 1 and not any(_is_title_text(t) for t in texts):
            break
        header_start += 1
    title_lines = [" ".join(_row_texts(sheet, r, covered)) for r in range(header_start)]
    title_lines = [normalise_line(t).strip() for t in title_lines if t]
    if not any(TABLE_NUMBER.match(t) for t in title_lines[:1]) and TABLE_NUMBER.match(sheet.name.strip()):
        title_lines.insert(0, sheet.name.strip())
    header = _header_paths(sheet, covered, header_start, body_start)
    rows, notes = _body(sheet, covered, body_start, len(header))
    title, unit = title_parts(title_lines)
    schema = form_schema(title)
    if schema is not None:  # a performance-target form: its header rows hold the first block's heading
        printed, notes = _body(sheet, covered, header_start, len(header))
        rows, header = tuple(form_rows(list(printed), schema)), form_header_paths(schema)
    quotes = tuple(" ".join(c.strip() for c in row if c.strip()) for row in rows)
    header_lines = [normalise_line(" ".join(_row_texts(sheet, r, covered))).strip()
                    for r in range(header_start, body_start)]
    first_row = first_line + len(title_lines) + len(header_lines)
    match = TABLE_NUMBER.match(title_lines[0]) if title_lines else None
    grid = TableGrid(number=int(match.group(1)) if match else 0, title=title, unit=unit,
                     header_paths=header, rows=rows, quotes=quotes,
                     lines=tuple(range(first_row, first_row + len(rows))),
                     line=first_line, notes=notes)
    return title_lines + header_lines + list(quotes) + list(notes), grid


def _header_paths(sheet: Sheet, covered, start: int, end: int) -> tuple[tuple[str, ...], ...]:
    width = max(len(row) for row in sheet.cells)
    paths = []
    for c in range(width):
        path, last = [], None
        for r in range(start, end):
            merge = covered.get((r, c), (r, r + 1, c, c + 1))
            text = sheet.cells[merge[0]][merge[2]].strip() if merge[2] < len(sheet.cells[merge[0]]) else ""
            if merge != last and text:
                path.append(normalise_line(text).strip())
            last = merge
        paths.append(tuple(path))
    return tuple(paths)


def _body(sheet: Sheet, covered, start: int, width: int):
    """Body rows (merged cells' text at their top-left, "" elsewhere) and the notes under them."""
    rows, notes = [], []
    for r in range(start, len(sheet.cells)):
        texts = _row_texts(sheet, r, covered)
        if not texts:
            continue
        if notes or NOTE.match(texts[0]):
            notes.append(normalise_line(" ".join(texts)).strip())
            continue
        row = []
        for c in range(width):
            text = sheet.cells[r][c] if c < len(sheet.cells[r]) else ""
            merge = covered.get((r, c))
            row.append("" if merge and (merge[0], merge[2]) != (r, c) else normalise_line(text).rstrip())
        rows.append(tuple(row))
    return tuple(rows), tuple(notes)
