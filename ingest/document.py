"""parse_document: a file becomes a Document. The one entry point of `ingest`.

Steps: read (format by content) → normalise lines → split tables from
narrative → sections and paragraphs → tables (schemas, hierarchy) → records
(tables and text) → checks (the document's own arithmetic).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from ingest.checks.arithmetic import run_checks
from ingest.errors import UnreadableDocument
from ingest.statements.figures import text_records
from ingest.metadata import find_metadata
from ingest.model import Document, Finding, Layout, Table, Verdict
from ingest.readers.formats import read_layout
from ingest.sections import TableSpan, parse_sections
from ingest.tables.table_records import table_records
from ingest.tables.build import table_from_grid


def parse_document(path: Path, doc_id: str | None = None) -> Document:
    """Parse a disclosure file (text, PDF or XLSX).

    Raises UnreadableDocument / UnsupportedFormat with a Chinese message.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise UnreadableDocument(f"找不到文件：{path}") from error
    except IsADirectoryError as error:
        raise UnreadableDocument(f"这是一个文件夹，不是文件：{path}") from error
    except OSError as error:
        raise UnreadableDocument(f"无法读取文件 {path}：{error.strerror or error}") from error
    layout = read_layout(data, path.name)
    return build_document(layout, path.name, hashlib.sha256(data).hexdigest(), doc_id)


def build_document(layout: Layout, source_name: str, sha256: str, doc_id: str | None = None) -> Document:
    """Turn a reader's Layout (normalised lines + table grids) into a Document."""
    tables = tuple(t for t in map(table_from_grid, layout.grids) if not _is_bare_list(t))
    spans = [TableSpan(t.line, t.title, max((r.line for r in t.rows), default=t.line),
                       frozenset(r.label for r in t.rows)) for t in tables]
    sections = tuple(parse_sections(layout.narrative_lines, layout.lines, spans))
    metadata = find_metadata(layout, sections, tables, source_name, doc_id)
    records = tuple(table_records(tables, metadata)) + tuple(text_records(sections, metadata))
    checks = tuple(run_checks(tables, records))
    tables = _mark_cut_off(tables, checks, layout)
    warnings = tuple(layout.warnings) + tuple(
        f"{t.ref}（{t.title}）在文件结尾处被截断，只保留了已有的 {len(t.rows)} 行。"
        for t in tables if not t.complete)
    return replace(
        metadata, sha256=sha256, sections=sections, tables=tables, records=records, checks=checks,
        warnings=warnings, text="\n".join(layout.lines), pages=layout.pages,
    )


def _is_bare_list(table: Table) -> bool:
    """An untitled grid of labels without a single cell is a list, not a table: a PDF's contents
    page ("部门主要职能 ……") read as one column (seen in the district budgets of tests/fixtures/real_pdf)."""
    return not table.title and not table.number and all(not row.cells for row in table.rows)


def _mark_cut_off(tables: tuple[Table, ...], checks: tuple[Finding, ...], layout: Layout) -> tuple[Table, ...]:
    """The last table is cut off when the file ends inside it and its own sums do not close.

    A file cut between two complete rows looks complete row by row; only the
    arithmetic (the department total against its children) shows rows are missing.
    """
    if not tables or not tables[-1].rows or not tables[-1].complete:
        return tables
    last = tables[-1]
    last_text_line = max((n for n, text in layout.narrative_lines if text.strip()), default=0)
    if last_text_line > last.rows[-1].line or last.notes:
        return tables  # text (or the table's "注:" note) follows its last row: the table ended
    broken = any(c.verdict == Verdict.ERROR and c.table_no == last.number for c in checks)
    return tables[:-1] + (replace(last, complete=False),) if broken else tables
