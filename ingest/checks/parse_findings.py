"""A parse finding (`ingest.checks.arithmetic`) as a reviewer reads it: with the cells it names.

The parser's checks carry only the table, row and column they compared; the audit
shows the cells themselves (and, for a sum of children that fails, every child,
since any one of them may be the wrong one).
"""

from __future__ import annotations

from dataclasses import replace

from ingest.checks.audit_locate import cell_ref, children_of, compact, find_table, joined, record_ref, row_by_path
from ingest.model import CellRef, Document, Finding, Record, Table


def with_cells(document: Document, finding: Finding) -> Finding:
    """The parse finding with the cells it names; a text-vs-table finding leads with the sentence."""
    table = find_table(document, finding.table_no) if finding.table_no else _untitled(document, finding)
    cells = _finding_cells(table, finding) if table is not None else ()
    where = finding.where
    stated = _text_record(document, finding) if finding.check == "text_vs_table" else None
    if stated is not None:
        # The text is where a reviewer fixes it: lead with the sentence.
        cells, where = (record_ref(stated), *cells), joined(stated.section_path)
    message = finding.message
    children = list(cells[1:]) if "children" in finding.check else []
    if not finding.ok and children:
        listed = "、".join(f"{c.row.split(' › ')[-1]} {c.raw}" for c in children)
        message = f"{message.rstrip('。')}。子项：{listed}。"
    return replace(finding, cells=cells, where=where, message=message)


def _untitled(document: Document, finding: Finding) -> Table | None:
    """A table printed without 表N (the 上海 district budgets of tests/fixtures/real_pdf):
    its parse finding's message starts with the table's title."""
    if finding.source != "parse" or not finding.row:
        return None
    return next((t for t in document.tables if not t.number and t.title
                 and finding.message.startswith(f"{t.title} ")), None)


def _text_record(document: Document, finding: Finding) -> Record | None:
    """The text figure a text_vs_table check compared: its value is `expected` and its
    section heading and label are named in the message."""
    for record in document.records:
        heading = record.section_path[-1] if record.section_path else ""
        if (record.source == "text" and record.value == finding.expected
                and heading in finding.message and record.label in finding.message):
            return record
    return None


def _finding_cells(table: Table, finding: Finding) -> tuple[CellRef, ...]:
    row = row_by_path(table, finding.row) if finding.row else None
    if row is None:
        return ()
    wanted = compact(finding.column)
    index = next((i for i, path in enumerate(table.columns)
                  if compact("›".join(path)) == wanted), 0)
    cells = [cell_ref(table, row, index)]
    if "children" in finding.check:
        cells += [cell_ref(table, child, index) for child in children_of(table, row.path)]
    return tuple(cells)
