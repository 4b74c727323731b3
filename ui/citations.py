"""Citations as HTML: reference, title, cited cells, quote, and the source in context.

Each citation expands (`<details>`) to the cited table rows (cited cell marked
`cited`) or to the passage with the quoted sentence marked. A table's quoted
line is shown as its row's label and figures. All disclosure text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from assistant.answer import Citation, Fact
from ingest.model import Document, Section, Table
from ui.cited_cells import CitedPlaces, cited_places, quoted_rows, row_in_words
from ui.numbers import format_amount
from ui.tables_view import render_table_grid

CONTEXT_ROWS = 2        # rows shown above and below each cited row
SMALL_TABLE_ROWS = 12   # tables this short are shown whole


def render_citation(citation: Citation, facts: Sequence[Fact], document: Document | None) -> str:
    """One citation: what it is, the cited cells, the quote, and the expandable context."""
    own_facts = [f for f in facts if f.ref == citation.ref and f.doc == citation.doc]
    cells = "".join(
        f'<li><span class="cell-path">{escape(_cell_path(fact))}</span>'
        f'<b>{escape(format_amount(fact.value, fact.unit))}</b></li>'
        for fact in own_facts if fact.row or fact.column)
    cells_html = f'<ul class="cite-cells">{cells}</ul>' if cells else ""
    table = find_table(document, citation.ref, citation.title) if document and citation.kind == "table" else None
    places = cited_places(table, own_facts, facts, citation.quote) if table else CitedPlaces()
    quote = _quote_text(citation, table, places)
    quote_html = f'<blockquote class="cite-quote">{escape(quote)}</blockquote>' if quote else ""
    source = _source_name(document, citation.doc)
    return (f'<div class="citation" data-ref="{escape(citation.ref)}">'
            f'<div class="cite-head"><span class="cite-ref">{escape(citation.ref)}</span>'
            f'{_title_html(citation)}{source}</div>'
            f'{cells_html}{quote_html}{_context(citation, document, table, places)}</div>')


def _title_html(citation: Citation) -> str:
    """The title after the ref, without repeating it ("第五部分 第五部分 一般公共预算…")."""
    title = citation.title
    if citation.ref and title.startswith(citation.ref):
        title = title[len(citation.ref):].strip()
    return f'<span class="cite-title">{escape(title)}</span>' if title else ""


def _quote_text(citation: Citation, table: Table | None, places: CitedPlaces) -> str:
    """A section's quoted sentence; a table's quoted row(s) as label and figures, when found."""
    if table is None or not citation.quote:
        return citation.quote
    quoted = quoted_rows(table, citation.quote)
    shown = [i for i in quoted if i in places.rows] or quoted
    return "；".join(row_in_words(table, table.rows[i]) for i in shown) or citation.quote


def _cell_path(fact: Fact) -> str:
    return " › ".join(part for part in (fact.row, fact.column) if part) or fact.label


def _source_name(document: Document | None, doc_id: str) -> str:
    name = document.title if document and document.title else doc_id
    return f'<span class="cite-doc">{escape(name)}</span>' if name else ""


def _context(citation: Citation, document: Document | None, table: Table | None, places: CitedPlaces) -> str:
    if document is None:
        return ""
    if citation.kind == "table":
        if table is None:
            return ""
        marked = "（高亮为引用的数字）" if places.cells else "（高亮为引用的行）" if places.rows else ""
        return (f'<details class="cite-context"><summary>查看原表{marked}</summary>'
                f'{render_table_context(table, places)}</details>')
    section = find_section(document, citation)
    if section is None:
        return ""
    return (f'<details class="cite-context"><summary>查看原文（高亮为引用的句子）</summary>'
            f'{render_section_context(section, citation.quote)}</details>')


def find_table(document: Document, ref: str, title: str = "") -> Table | None:
    """The document's table cited as `ref` ("表8"), or by title when the table is unnumbered."""
    for table in document.tables:
        if table.ref == ref:
            return table
    return next((t for t in document.tables if title and t.title == title), None)


def render_table_context(table: Table, places: CitedPlaces) -> str:
    """The cited rows of a table with a few rows around them; the cited cells marked."""
    heading = (f'<p class="context-heading">{escape(table.ref)} {escape(table.title)}'
               f'{"（单位：" + escape(table.unit) + "）" if table.unit else ""}</p>')
    return heading + render_table_grid(table, _context_rows(table, places.rows), places.rows, places.cells)


def _context_rows(table: Table, cited_rows: Sequence[int]) -> list[int]:
    if len(table.rows) <= SMALL_TABLE_ROWS or not cited_rows:
        return list(range(len(table.rows)))
    shown: set[int] = set()
    for index in cited_rows:
        shown.update(range(max(index - CONTEXT_ROWS, 0), min(index + CONTEXT_ROWS + 1, len(table.rows))))
        path = table.rows[index].path
        shown.update(i for i, row in enumerate(table.rows) if row.path and row.path == path[:len(row.path)])
    return sorted(shown)


def find_section(document: Document, citation: Citation) -> Section | None:
    """The section a citation points at: by its path, else the section of its part holding the quote."""
    for section in document.sections:
        if " › ".join(section.path) == citation.title:
            return section
    quote = _squeeze(citation.quote)
    in_part = [s for s in document.sections if s.part == citation.ref or not citation.ref]
    for section in in_part or document.sections:
        if quote and any(quote in _squeeze(p) or _squeeze(p) in quote for p in section.paragraphs if p):
            return section
    return next((s for s in in_part if s.paragraphs), None)


def render_section_context(section: Section, quote: str) -> str:
    """A section's heading path and paragraphs, the quoted sentence marked `cited`."""
    path = " › ".join(section.path)
    paragraphs = "".join(f"<p>{_mark_quote(paragraph, quote)}</p>" for paragraph in section.paragraphs)
    return (f'<div class="passage"><p class="context-heading">{escape(path)}</p>'
            f'{paragraphs or "<p class=muted>（本节没有正文）</p>"}</div>')


def _mark_quote(paragraph: str, quote: str) -> str:
    """Escaped paragraph with the quote (or the paragraph part of it) wrapped in <mark class="cited">."""
    needle = quote.strip()
    if needle and needle in paragraph:
        start = paragraph.index(needle)
    elif needle and _squeeze(needle) in paragraph:
        needle = _squeeze(needle)
        start = paragraph.index(needle)
    elif needle and paragraph and paragraph in _squeeze(needle):
        return f'<mark class="cited">{escape(paragraph)}</mark>'
    else:
        return escape(paragraph)
    end = start + len(needle)
    return (f'{escape(paragraph[:start])}<mark class="cited">{escape(paragraph[start:end])}</mark>'
            f'{escape(paragraph[end:])}')


def _squeeze(text: str) -> str:
    """Text without whitespace: quotes may keep the PDF's line breaks, paragraphs do not."""
    return "".join(text.split())
