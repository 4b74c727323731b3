"""A one-line caveat under an answer whose figures come from a table that fails its own checks.

The parser checks each table's arithmetic (parts against their total). When a
figure is read from a table where such a check failed, the answer still gives
the figure as printed (never "fixed") and says, in one line, that the table
does not add up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant.answer import Answer, Status
from ingest.model import Document, Finding, Verdict

DocumentLookup = Callable[[str], "Document | None"]


def unbalanced_tables(document: Document) -> set[str]:
    """Refs ("表4", or the title of an unnumbered table) of the tables whose own checks found an error."""
    return {_table_ref(f) for f in document.checks if f.source == "parse" and f.verdict == Verdict.ERROR}


def _table_ref(finding: Finding) -> str:
    return f"表{finding.table_no}" if finding.table_no else finding.where.split(" › ")[0]


def caveat(answer: Answer, lookup: DocumentLookup) -> str:
    """"注意：表4的分项之和与合计不一致（原表如此），以上数字照原表引用。", or "" when no such table."""
    refs: list[str] = []
    for doc_id in dict.fromkeys(f.doc for f in answer.facts):
        document = lookup(doc_id)
        unbalanced = unbalanced_tables(document) if document else set()
        refs += [f.ref for f in answer.facts if f.doc == doc_id and f.row and f.ref in unbalanced]
    if not refs:
        return ""
    return f"注意：{'、'.join(dict.fromkeys(refs))}的分项之和与合计不一致（原表如此），以上数字照原表引用。"


def with_caveat(answer: Answer, lookup: DocumentLookup) -> Answer:
    """The answer with the caveat as its last line, when one applies."""
    note = caveat(answer, lookup) if answer.status == Status.ANSWERED else ""
    return replace(answer, text=f"{answer.text}\n{note}") if note else answer
