"""The library: what the assistant and the ui see of the stores.

`open_library(config)` opens the SQLite record store and the Chroma passage
index under the home folder (or the Chroma server of BUDGETQA_CHROMA_URL)
and, when asked, ingests the built-in sample into an empty store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.search import PassageSearch
    from index.store import RecordStore


@dataclass(frozen=True)
class DocumentInfo:
    """One ingested disclosure, as listed to users.

    :ivar doc_id: e.g. "luohu-social-insurance-2022-budget".
    :ivar kind: "budget" or "final".
    :ivar sha256: hash of the ingested file's bytes.
    :ivar ingested_at: ISO time (UTC) of the ingest that made this version live.
    :ivar chunks: passages in the passage index.
    :ivar failed_checks: arithmetic checks of the document that did not hold.
    """

    doc_id: str
    title: str
    department: str
    year: int
    kind: str
    unit: str
    source_name: str
    sha256: str
    ingested_at: str
    sections: int
    tables: int
    records: int
    chunks: int
    failed_checks: int


@dataclass(frozen=True)
class Scope:
    """Which documents a lookup covers: all, some doc_ids, a department and/or a year."""

    doc_ids: tuple[str, ...] = ()
    department: str = ""
    year: int = 0


@dataclass(frozen=True)
class Hit:
    """One retrieved passage, with what a citation needs.

    :ivar section_path: e.g. ("第二部分 部门预算收支总体情况",); () for table passages.
    :ivar ref: "第二部分" or "表8".
    :ivar kind: "paragraph", "sentence" or "table".
    :ivar line: 1-based line in the document's normalised text (0 if unknown).
    :ivar score: fused score, higher is better (only comparable within one search).
    """

    doc_id: str
    text: str
    section_path: tuple[str, ...]
    ref: str
    kind: str
    table_no: int
    line: int
    score: float


class Library:
    """The record store and the passage search of one home folder."""

    def __init__(self, store: "RecordStore", search: "PassageSearch") -> None:
        self.store = store
        self.search = search

    def documents(self) -> list[DocumentInfo]:
        """Every live document, by department, year and doc_id."""
        return self.store.documents()

    def resolve(self, doc: str) -> str | None:
        """The doc_id of `doc`, given as a doc_id or the file name it was ingested from; None if unknown."""
        return self.store.resolve(doc)


def open_library(config, ensure_sample: bool = True) -> Library:
    """Open (creating if needed) the stores of `config.home`.

    With `ensure_sample`, an empty store first gets the built-in sample.
    Raises StoreUnavailable, CorruptStore or EmbedderMismatch.
    """
    from index.ingest import ingest_files, open_stores

    store, passages = open_stores(config)
    if ensure_sample and not store.documents():
        from ingest import sample_path

        ingest_files(config, [sample_path()], stores=(store, passages))
    from index.search import PassageSearch

    return Library(store, PassageSearch(store, passages))
