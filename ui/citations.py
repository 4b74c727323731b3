"""Citations as HTML: reference, title, cited cells, quote, and the source in context.

Each citation expands (`<details>`) to the cited table rows (cited cell marked
`cited`) or to the passage with the quoted sentence marked. All disclosure text
is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from assistant.answer import Citation, Fact
from ingest.model import Document, Row, Section, Table
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
    quote = f'<blockquote class="cite-quote">{escape(citation.quote)}</blockquote>' if citation.quote else ""
    source = _source_name(document, citation.doc)
    return (f'<div class="citation" data-ref="{escape(citation.ref)}">'
            f'<div class="cite-head"><span class="cite-ref">{escape(citation.ref)}</span>'
            f'<span class="cite-title">{escape(citation.title)}</span>{source}</div>'
            f'{cells_html}{quote}{_context(citation, own_facts, document)}</div>')


def _cell_path(fact: Fact) -> str:
    return " › ".join(part for part in (fact.row, fact.column) if part) or fact.label


def _source_name(document: Document | None, doc_id: str) -> str:
    name = document.title if document and document.title else doc_id
    return f'<span class="cite-doc">{escape(name)}</span>' if name else ""


def _context(citation: Citation, facts: Sequence[Fact], document: Document | None) -> str:
    if document is None:
        return ""
    if citation.kind == "table":
        table = find_table(document, citation.ref, citation.title)
        if table is None:
            return ""
        return (f'<details class="cite-context"><summary>查看原表（高亮为引用的数字）</summary>'
                f'{render_table_context(table, facts, citation.quote)}</details>')
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


def render_table_context(table: Table, facts: Sequence[Fact], quote: str = "") -> str:
    """The cited rows of a table with a few rows around them; the cited cells marked."""
    cited_rows = [i for i, row in enumerate(table.rows)
                  if any(_row_matches(row, fact.row) for fact in facts if fact.row)]
    if not cited_rows and quote:
        cited_rows = [i for i, row in enumerate(table.rows) if row.quote and row.quote.strip() in quote]
    cited_cells = {(i, column) for i in cited_rows for fact in facts
                   if _row_matches(table.rows[i], fact.row)
                   for column in _matching_columns(table.columns, fact.column)}
    heading = (f'<p class="context-heading">{escape(table.ref)} {escape(table.title)}'
               f'{"（单位：" + escape(table.unit) + "）" if table.unit else ""}</p>')
    return heading + render_table_grid(table, _context_rows(table, cited_rows), cited_rows, cited_cells)


def _context_rows(table: Table, cited_rows: Sequence[int]) -> list[int]:
    if len(table.rows) <= SMALL_TABLE_ROWS or not cited_rows:
        return list(range(len(table.rows)))
    shown: set[int] = set()
    for index in cited_rows:
        shown.update(range(max(index - CONTEXT_ROWS, 0), min(index + CONTEXT_ROWS + 1, len(table.rows))))
        path = table.rows[index].path
        shown.update(i for i, row in enumerate(table.rows) if row.path and row.path == path[:len(row.path)])
    return sorted(shown)


def _row_matches(row: Row, fact_row: str) -> bool:
    """Whether a fact's row ("商品和服务支出 › 物业管理费", "2022年", a code) names this row."""
    if not fact_row:
        return False
    joined = " › ".join(row.path)
    return (fact_row in (joined, row.label, row.code)
            or joined.endswith(" › " + fact_row)
            or fact_row.endswith(" › " + joined) and bool(joined))


def _matching_columns(columns: Sequence[tuple[str, ...]], fact_column: str) -> list[int]:
    """Column indexes a fact's column ("政府预算拨款 › 一般公共预算拨款", "总计") names; exact first."""
    if not fact_column:
        return []
    joined = [" › ".join(path) for path in columns]
    exact = [i for i, name in enumerate(joined) if name == fact_column]
    if exact:
        return exact[:1]
    tail = [i for i, name in enumerate(joined) if name.endswith(" › " + fact_column)]
    return tail[:1]


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
