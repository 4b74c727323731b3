"""Tables without ruling lines: rows and columns from the positions of the words.

Used on pages where pdfplumber finds no ruled table. A table starts at a "表N"
title block (or at the top of a page, continuing the previous page's table):
after the title come header lines, then body rows, i.e. lines of at least two
words (separated by a wide gap) with a figure among them. Columns are the
stretches of the x-axis that body words cover (the white "rivers" between
them separate columns). Merged header cells cannot be told apart from wrapped
header text without ruling, so such tables get no header paths: like the text
reader's tables, their schema decides the columns.
"""

from __future__ import annotations

import re

from ingest.normalise import join_wrapped
from ingest.tables.pdf_flow import NOTE, UNIT, TextLine, is_table_heading, names_department
from ingest.tables.pdf_tables import FIGURE, PageTable, indent_spaces

_MAX_TITLE_LINES = 3
_CODE = re.compile(r"^\d{3,}$")
_MAX_HEADER_LINES = 14


def is_row(line: TextLine) -> bool:
    """A table body line: two or more words, one of them a figure."""
    return len(line.words) >= 2 and any(FIGURE.match(word) for word, _, _ in line.words)


def find_text_tables(lines: list[TextLine], page_no: int,
                     previous: PageTable | None = None) -> tuple[list[PageTable], list[TextLine]]:
    """(tables found by word positions, the lines left outside them) of one page's lines.

    `previous`: the table the previous page ended with; rows at the top of this page
    continue it, and its labels' left edge stays the zero of indentation.
    """
    tables, kept, i = [], [], 0
    while i < len(lines):
        body_start = _body_start(lines, i, previous is not None)
        if body_start is None:
            kept.append(lines[i])
            i += 1
            continue
        if is_table_heading(lines[i].text):  # keep the title block for pdf_flow
            title_end = _title_end(lines, i, body_start)
            kept.extend(lines[i:title_end])
            top = lines[title_end].top if title_end < len(lines) else lines[body_start].top
        else:
            top = lines[i].top
        end = _body_end(lines, body_start)
        label_left = previous.label_left if previous is not None and not tables else None
        table = _table(lines[body_start:end], page_no, top, label_left)
        if table is not None:
            tables.append(table)
        i = end
    return tables, kept


def _title_end(lines: list[TextLine], i: int, body_start: int) -> int:
    """After "表N": the title and the "部门名称：… 单位：万元" line; header lines follow."""
    for k in range(i + 1, min(body_start, i + 1 + _MAX_TITLE_LINES)):
        if UNIT.search(lines[k].text) or names_department(lines[k].text):
            return k + 1
    return min(i + 2, body_start)


def _body_start(lines: list[TextLine], i: int, continues_table: bool) -> int | None:
    """Where the body of a table starting at line `i` begins, or None if no table starts there."""
    if is_table_heading(lines[i].text):
        for k in range(i + 1, min(len(lines), i + 1 + _MAX_TITLE_LINES + _MAX_HEADER_LINES)):
            if is_row(lines[k]):
                return k
            if is_table_heading(lines[k].text):
                return None
        return None
    if continues_table and i == 0 and is_row(lines[i]) and i + 1 < len(lines) and is_row(lines[i + 1]):
        return i
    return None


def _body_end(lines: list[TextLine], start: int) -> int:
    """The first line after the body: not a row, and not a label wrapped onto the next row."""
    end = start
    while end < len(lines):
        line = lines[end]
        if is_table_heading(line.text) or NOTE.match(line.text):
            break
        wrapped_label = (len(line.words) == 1 and end + 1 < len(lines) and is_row(lines[end + 1])
                         and line.x1 < lines[end + 1].words[1][1])
        if not (is_row(line) or wrapped_label):
            break
        end += 1
    return end


def _merge(spans: list[tuple[float, float]]) -> list[list[float]]:
    merged: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 <= merged[-1][1] + 1.0:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return merged


def _columns(rows: list[TextLine]) -> list[tuple[float, float]]:
    """Column extents: figures' extents merged (right-aligned figures of a column overlap),
    and between them one label column for the words in each gap."""
    words = [(w, x0, x1) for line in rows for w, x0, x1 in line.words]
    figures = _merge([(x0, x1) for w, x0, x1 in words if FIGURE.match(w)])
    labels = [(x0, x1) for w, x0, x1 in words if not FIGURE.match(w)]
    columns, left = [], float("-inf")
    for x0, x1 in figures + [[float("inf"), float("inf")]]:
        in_gap = [(a, b) for a, b in labels if left < (a + b) / 2 < x0]
        if in_gap:
            columns.append((min(a for a, _ in in_gap), max(b for _, b in in_gap)))
        if x0 != float("inf"):
            columns.append((x0, x1))
        left = x1
    return columns


def _table(body: list[TextLine], page_no: int, top: float, label_left: float | None) -> PageTable | None:
    rows_only = [line for line in body if is_row(line)]
    if not rows_only:
        return None
    columns = _columns(rows_only)
    left = min(columns[0][0], label_left) if label_left else columns[0][0]
    rows, carried = [], ""
    for line in body:
        if not is_row(line):  # a label wrapped over two lines: joined with the next row's label
            carried = join_wrapped(carried, line.text) if carried else " " * indent_spaces(
                line.x0 - left + line.size * 0.5, line.size) + line.text
            continue
        cells = _cells(line, columns, left)
        if carried:
            cells[0] = carried + cells[0].strip()
            carried = ""
        rows.append(cells)
    rows = _drop_gaps_before_values(rows)
    return PageTable(page_no, top, body[-1].top + body[-1].size, columns[0][0], columns[-1][1], (),
                     tuple(tuple(row) for row in rows), label_left=left)


def _is_value_column(rows: list[list[str]], c: int) -> bool:
    """Mostly figures, and not a classification-code column (205, 20508, … before a name column)."""
    filled = [row[c].strip() for row in rows if row[c].strip()]
    if not filled:
        return True
    codes = all(_CODE.match(t) for t in filled)
    if codes and c + 1 < len(rows[0]) and not _is_value_column(rows, c + 1):
        return False
    return sum(bool(FIGURE.match(t)) for t in filled) * 2 >= len(filled)


def _drop_gaps_before_values(rows: list[list[str]]) -> list[list[str]]:
    """Without a header, a row's label part is what the text reader sees: its empty label
    cells just before the figures (the department row of 表7 leaves 科目编码 and 科目名称
    empty) are dropped. Two-sided tables (labels after figures) are left as they are."""
    width = len(rows[0])
    start = width
    while start > 0 and _is_value_column(rows, start - 1):
        start -= 1
    first_figures = next((c for c in range(width) if _is_value_column(rows, c)
                          and any(row[c].strip() for row in rows)), width)
    if first_figures < start:  # a label column after a figure column: two-sided
        return rows
    compact = []
    for row in rows:
        labels = row[:start]
        while len(labels) > 1 and not labels[-1].strip() and any(c.strip() for c in labels):
            labels = labels[:-1]
        compact.append(labels + row[start:])
    return compact


def _cells(line: TextLine, columns: list[tuple[float, float]], label_left: float) -> list[str]:
    """One text per column; a label keeps its indentation from the column's left edge
    (the first column's from `label_left`, shared by the table's fragments on other pages)."""
    cells = [""] * len(columns)
    for word, x0, x1 in line.words:
        centre = (x0 + x1) / 2
        c = min(range(len(columns)), key=lambda k: 0 if columns[k][0] <= centre <= columns[k][1]
                else min(abs(centre - columns[k][0]), abs(centre - columns[k][1])))
        if cells[c]:
            cells[c] = join_wrapped(cells[c], word)
        elif FIGURE.match(word):
            cells[c] = word
        else:
            left = label_left if c == 0 else columns[c][0]
            cells[c] = " " * indent_spaces(x0 - left + line.size * 0.5, line.size) + word
    return cells
