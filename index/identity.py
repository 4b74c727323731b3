"""Which stored disclosure a newly parsed one is: the same one again (a new version
replaces it) or another one (it gets its own doc_id).

A disclosure is what it says it is: department, level, kind (预算/决算) and fiscal
year. Its doc_id is built from the file name and the year ("luohu-2022"), so two
different disclosures can arrive with the same doc_id ("gbk-valid.txt" of one
district and "gbk-futian.txt" of another, both 2022), and a 预算 and a 决算 of one
department and year would too. Where the document does not say who it is from,
its file name stands for its identity.
"""

from __future__ import annotations

from dataclasses import replace

from index.types import DocumentInfo
from ingest.model import Document


def identity(department: str, level: str, kind: str, year: int, source_name: str) -> tuple:
    """What a disclosure is; the file name stands in when department or year is unknown."""
    if department and year:
        return (department, level, kind, year)
    return ("", "", kind, year, source_name)


def _identity_of(item: Document | DocumentInfo) -> tuple:
    return identity(item.department, getattr(item, "level", ""), item.kind, item.year, item.source_name)


def place_document(document: Document, live: list[DocumentInfo]) -> tuple[Document, DocumentInfo | None]:
    """`document` with the doc_id it must be stored under, and the live document it replaces
    (None when it is a new disclosure). A doc_id taken by another disclosure gets a suffix
    ("gbk-2022-2"), so nothing is silently replaced."""
    mine = _identity_of(document)
    same = next((d for d in live if _identity_of(d) == mine), None)
    if same is not None:
        return _with_doc_id(document, same.doc_id), same
    taken = {d.doc_id for d in live}
    doc_id, number = document.doc_id, 2
    while doc_id in taken:
        doc_id, number = f"{document.doc_id}-{number}", number + 1
    return _with_doc_id(document, doc_id), None


def _with_doc_id(document: Document, doc_id: str) -> Document:
    if doc_id == document.doc_id:
        return document
    return replace(document, doc_id=doc_id, records=tuple(replace(r, doc_id=doc_id) for r in document.records))
