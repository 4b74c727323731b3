"""PDF page content in reading order -> Layout: paragraphs joined, tables titled and stitched.

Input: for every page, its text lines and tables (page furniture already
dropped). Narrative lines are joined into paragraphs across line and page
breaks (a line that runs to the right margin continues on the next line unless
that one is indented). A "表N" line opens a table's title block (number, title,
"部门名称：… 单位：万元"); a table whose title repeats the previous table's
number, or that starts a page right after the previous page ended in a table
with the same columns, continues that table (its repeated header is dropped).
A performance-target form (表11) is read whole by `ingest.tables.form_tables`: its
header rows are part of it, and its page fragments are aligned by column edges.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.tables.form_tables import form_header_paths, form_rows, form_schema
from ingest.model import Layout, TableGrid
from ingest.normalise import join_wrapped, normalise_line
from ingest.tables.pdf_tables import FIGURE, PageTable, edge_positions

with open(Path(__file__).with_name("table_titles.toml"), "rb") as _handle:
    TITLES = tomllib.load(_handle)
TABLE_NUMBER = re.compile(TITLES["table_number"])
NOTE = re.compile(TITLES["note"])
UNIT = re.compile(TITLES["unit"])
PAGE_NUMBER = re.compile(TITLES["page_number"])
UNNUMBERED_TITLE = re.compile(TITLES["unnumbered_title"])
_DEPARTMENT = re.compile("(" + "|".join(map(re.escape, TITLES["department_words"])) + r")\s*[：:]")
_LEADER = re.compile(r"[…·.]{3,}|\.\s?\.\s?\.")  # a contents line's dots to its page number
_SENTENCE = re.compile(TITLES["sentence_marks"])
_TITLE_BLOCK_LINES = 4


@dataclass(frozen=True)
class TextLine:
    """One printed line outside tables (points from the page's top-left)."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    size: float
    page_width: float
    words: tuple[tuple[str, float, float], ...] = ()  # (text, x0, x1) runs split at wide gaps


@dataclass(frozen=True)
class Margins:
    """Where body text starts and ends on pages of one width."""

    left: float
    right: float
    pitch: float  # usual distance between the tops of consecutive lines


@dataclass(frozen=True)
class _Paragraph:
    """A narrative paragraph and the page it starts on."""

    text: str
    page: int


@dataclass
class _Table:
    """A table being stitched from page fragments."""

    title_lines: list[str]
    header_paths: tuple[tuple[str, ...], ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    row_pages: list[int] = field(default_factory=list)  # the page each row was printed on
    notes: list[str] = field(default_factory=list)
    header_rows: tuple[tuple[str, ...], ...] = ()  # the first fragment's header as printed rows
    row_lefts: list[tuple[float, ...]] = field(default_factory=list)  # per form row: its page's column edges

    @property
    def number(self) -> int:
        match = TABLE_NUMBER.match(self.title_lines[0]) if self.title_lines else None
        return int(match.group(1)) if match else 0


def is_table_heading(text: str) -> bool:
    """"表4" or "表4 基本支出总表" opens a title block; "表1反映了……。" in a sentence does not."""
    match = TABLE_NUMBER.match(text)
    if not match:
        return False
    rest = match.group(2)
    return len(rest) <= TITLES["max_title_length"] and not _SENTENCE.search(rest)


def is_unnumbered_title(text: str) -> bool:
    """"2025年部门支出预算总表": a title printed without 表N may open a title block too; a
    contents line ("部门收支总表……5") does not. Only a table right below makes it a title."""
    return bool(UNNUMBERED_TITLE.match(text)) and not _LEADER.search(text)


def is_title_block_line(text: str) -> bool:
    """A line that may follow a title in its block: the unit, the department, a short title part."""
    return bool(UNIT.search(text) or names_department(text)
                or (len(text) <= TITLES["max_title_length"] and not _SENTENCE.search(text)
                    and not _LEADER.search(text)))


def names_department(line: str) -> bool:
    """A title-block line naming the department ("部门名称：…", "编制部门：…")."""
    return bool(_DEPARTMENT.search(line))


def page_margins(lines: list[TextLine]) -> dict[float, Margins]:
    """Body-text margins per page width: the commonest left edge, the usual right edge, line pitch."""
    by_width: dict[float, list[TextLine]] = {}
    for line in lines:
        by_width.setdefault(round(line.page_width), []).append(line)
    margins = {}
    for width, group in by_width.items():
        left = Counter(round(line.x0) for line in group).most_common(1)[0][0]
        rights = sorted(line.x1 for line in group)
        right = rights[int(len(rights) * 0.9)] if len(rights) > 3 else rights[-1]
        steps = Counter(round(b.top - a.top) for a, b in zip(group, group[1:])
                        if a.page == b.page and b.top > a.top)
        pitch = steps.most_common(1)[0][0] if steps else 2 * group[0].size
        margins[width] = Margins(float(left), right, float(pitch))
    return margins


def _continues(previous: TextLine, line: TextLine, margins: dict[float, Margins]) -> bool:
    """Whether `line` continues the paragraph `previous` ends (same or next page)."""
    edge = margins[round(previous.page_width)]
    here = margins[round(line.page_width)]
    full = previous.x1 >= edge.right - 2 * previous.size  # ragged-right text stops short
    indented = line.x0 > here.left + 0.8 * line.size
    if abs(line.size - previous.size) > 0.15 * previous.size:
        return False  # a heading in a larger font, or small print under it
    if line.page == previous.page and line.top - previous.top > here.pitch + 0.25 * line.size:
        return False  # extra space above: a new block (heading, list)
    return full and not indented


def assemble(pages: list[list[TextLine | PageTable]]) -> Layout:
    """Turn pages of lines and tables (top to bottom) into a Layout."""
    items = _stitch(pages, page_margins([i for page in pages for i in page if isinstance(i, TextLine)]))
    return _layout(items)


def _stitch(pages, margins) -> list[_Paragraph | _Table]:
    """Paragraph texts and stitched tables, in reading order."""
    items: list[_Paragraph | _Table] = []
    paragraph: list[TextLine] = []
    title: list[TextLine] = []
    for page in pages:
        for item in page:
            if isinstance(item, PageTable):
                _flush(items, paragraph)
                _add_table(items, item, [t.text for t in title])
                title = []
            elif title and is_unnumbered_title(item.text) and not _is_numbered(title):
                # "XX局2024年度部门决算表" over "收入支出决算总表": the nearer title is the table's
                for line in title:
                    _add_line(items, paragraph, line, margins)
                _flush(items, paragraph)
                title = [item]
            elif (is_table_heading(item.text) or is_unnumbered_title(item.text)
                  or (title and len(title) < _TITLE_BLOCK_LINES and is_title_block_line(item.text))):
                _flush(items, paragraph)
                title.append(item)
            else:
                for line in title + [item]:  # a "表N" line not followed by a table is narrative
                    _add_line(items, paragraph, line, margins)
                title = []
    for line in title:
        _add_line(items, paragraph, line, margins)
    _flush(items, paragraph)
    return items


def _is_numbered(title: list[TextLine]) -> bool:
    """A title block opened by "表N", or already holding its unit or department line."""
    return is_table_heading(title[0].text) or any(UNIT.search(t.text) or names_department(t.text) for t in title)


def _add_line(items: list, paragraph: list[TextLine], line: TextLine, margins) -> None:
    if paragraph and not _continues(paragraph[-1], line, margins):
        _flush(items, paragraph)
    paragraph.append(line)


def _flush(items: list, paragraph: list[TextLine]) -> None:
    """End the paragraph: its lines joined (no space between CJK characters).

    A "注：" paragraph right under a table is that table's note, not narrative."""
    if paragraph:
        parts = [paragraph[0].text]
        for line in paragraph[1:]:
            tail = parts[-1][-1:]
            parts.append(join_wrapped(tail, line.text)[len(tail):])  # a list: long paragraphs stay linear
        text = "".join(parts)
        if items and isinstance(items[-1], _Table) and NOTE.match(text):
            items[-1].notes.append(text)
        else:
            items.append(_Paragraph(text, paragraph[0].page))
        paragraph.clear()


def _add_table(items: list, table: PageTable, title_lines: list[str]) -> None:
    """Start a new table, or continue the previous one across a page break."""
    previous = items[-1] if items and isinstance(items[-1], _Table) else None
    number = _number(title_lines)
    repeated_title = previous is not None and number and number == previous.number
    bare_continuation = (previous is not None and not title_lines and table.page > previous.pages[-1]
                         and (table.n_cols == _n_cols(previous) or _narrower_tail(table, previous))
                         and (not table.header_paths or table.header_paths == previous.header_paths))
    if previous is not None and (not title_lines or repeated_title) and table.page > previous.pages[-1] \
            and _is_form(previous) and table.column_lefts:
        # a form's fragment: rows it took for a header are the form's own, and its columns
        # are only those its cells have edges for (placed by position in `_read_form`)
        rows = table.header_rows + table.rows
        previous.rows.extend(rows)
        previous.row_pages.extend([table.page] * len(rows))
        previous.row_lefts.extend([table.column_lefts] * len(rows))
        previous.pages.append(table.page)
        return
    if repeated_title or bare_continuation:
        previous.rows.extend(_fit(row, _n_cols(previous), table.n_cols) for row in table.rows)
        previous.row_pages.extend([table.page] * len(table.rows))
        previous.pages.append(table.page)
        return
    printed = len(table.header_rows) + len(table.rows)  # a form reads its header rows too (`_read_form`)
    items.append(_Table(title_lines, table.header_paths, list(table.rows), [table.page],
                        [table.page] * len(table.rows),
                        header_rows=table.header_rows, row_lefts=[table.column_lefts] * printed))


def _narrower_tail(table: PageTable, previous: _Table) -> bool:
    """A headless fragment with fewer columns, e.g. only the 合计 row whose label spans the code
    and name columns, on the page after its table (seen in the 上海 district budgets, real_pdf/)."""
    return (not table.header_paths and 1 < table.n_cols < _n_cols(previous) and len(table.rows) <= 3
            and all(row and FIGURE.match(row[-1].strip() or "0") for row in table.rows))


def _number(title_lines: list[str]) -> int:
    match = TABLE_NUMBER.match(title_lines[0]) if title_lines else None
    return int(match.group(1)) if match else 0


def _placed(row: tuple[str, ...], lefts: tuple[float, ...], table_lefts: list[float]) -> tuple[str, ...]:
    """A row in the columns of all its table's fragments: each cell under the nearest column edge."""
    placed = [""] * len(table_lefts)
    for text, left in zip(row, lefts):
        if text:
            column = min(range(len(table_lefts)), key=lambda i: abs(table_lefts[i] - left))
            placed[column] = text
    return tuple(placed)


def _n_cols(table: _Table) -> int:
    return len(table.header_paths) if table.header_paths else max((len(r) for r in table.rows), default=0)


def _fit(row: tuple[str, ...], n_cols: int, fragment_cols: int) -> tuple[str, ...]:
    """A continuation row in the table's columns. A fragment read from word positions may
    lack leading label columns that are empty on its page: figures stay right-aligned."""
    if fragment_cols < n_cols:
        row = ("",) * (n_cols - fragment_cols) + tuple(row)
    return tuple(row[:n_cols]) + ("",) * (n_cols - len(row))


def title_parts(title_lines: list[str]) -> tuple[str, str]:
    """(title, unit) from a title block: "表4" / "基本支出总表" / "部门名称：… 单位：万元"."""
    unit, title_parts = "", []
    for i, line in enumerate(title_lines):
        found = UNIT.search(line)
        if found:
            unit = found.group(1)
            continue
        if names_department(line):
            continue
        match = TABLE_NUMBER.match(line) if i == 0 else None
        rest = match.group(2) if match else line
        if rest.strip():
            title_parts.append(rest.strip())
    return "".join(title_parts), unit


def header_lines(paths: tuple[tuple[str, ...], ...]) -> list[str]:
    """The header as printed, one line per level: each merged cell's text once, left to right."""
    lines = []
    for level in range(max((len(p) for p in paths), default=0)):
        texts = [path[level] for path in paths if len(path) > level]
        lines.append(" ".join(t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]))
    return lines


def _is_form(table: _Table) -> bool:
    return bool(table.title_lines) and form_schema(title_parts(table.title_lines)[0]) is not None


def _read_form(table: _Table) -> None:
    """A performance-target form (表11) becomes the rows and columns of its schema's grid."""
    schema = form_schema(title_parts(table.title_lines)[0]) if table.title_lines else None
    if schema is None:
        return
    printed = list(table.header_rows) + table.rows
    if len(table.row_lefts) == len(printed) and all(table.row_lefts):
        lefts = edge_positions([x for row_lefts in table.row_lefts for x in row_lefts])
        printed = [_placed(row, row_lefts, lefts) for row, row_lefts in zip(printed, table.row_lefts)]
    table.rows = form_rows(printed, schema)
    table.header_paths, table.header_rows = form_header_paths(schema), ()


def _layout(items: list[_Paragraph | _Table]) -> Layout:
    """Number the lines: one line per paragraph (ending with the paragraph-end space), table rows.
    Each line keeps the page it starts on, so a finding can say where to look in the PDF."""
    lines: list[str] = []
    pages: list[int] = []
    narrative: list[tuple[int, str]] = []
    grids: list[TableGrid] = []
    for item in items:
        if isinstance(item, _Paragraph):
            lines.append(normalise_line(item.text).rstrip() + " ")
            pages.append(item.page)
            narrative.append((len(lines), lines[-1]))
            continue
        heading_line = len(lines) + 1
        printed_rows = len(item.rows)
        _read_form(item)
        first_page = item.pages[0]
        # a form is re-gridded by its schema: its rows no longer follow the printed ones
        row_pages = item.row_pages if len(item.rows) == printed_rows == len(item.row_pages) \
            else [first_page] * len(item.rows)
        lines.extend(normalise_line(t).rstrip() for t in item.title_lines)
        lines.extend(header_lines(item.header_paths))
        pages.extend([first_page] * (len(lines) - len(pages)))
        first_row = len(lines) + 1
        quotes = tuple(" ".join(cell.strip() for cell in row if cell.strip()) for row in item.rows)
        lines.extend(quotes)
        pages.extend(row_pages)
        lines.extend(normalise_line(note).rstrip() for note in item.notes)
        pages.extend([item.pages[-1]] * len(item.notes))
        title, unit = title_parts(item.title_lines)
        grids.append(TableGrid(
            number=item.number, title=title, unit=unit, header_paths=item.header_paths,
            rows=tuple(item.rows), lines=tuple(range(first_row, first_row + len(item.rows))),
            quotes=quotes, line=heading_line if item.title_lines else first_row,
            notes=tuple(normalise_line(note).strip() for note in item.notes)))
    return Layout(lines=tuple(lines), narrative_lines=tuple(narrative), grids=tuple(grids),
                  pages=tuple(pages))
