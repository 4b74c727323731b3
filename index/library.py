"""The library: what the assistant and the ui see of the stores.

`open_library(config)` opens the SQLite record store and the Chroma passage
index under the home folder (or the Chroma server of BUDGETQA_CHROMA_URL).
Only the web app, when asked, puts the built-in sample into an empty home:
`ask` and `eval` answer from what the user ingested, or say nothing is. Answering
writes nothing, so a home whose disk is full still answers: the store opens
read-only and, when Chroma cannot open its index, passages are found by BM25 alone.
"""

from __future__ import annotations

import logging

from index.errors import NoDocuments, StoreFull, UnknownDocument
from index.ingest import ingest_files, open_passages
from index.search import PassageSearch
from index.store import RecordStore
from index.types import DocumentInfo
from ingest.audit import audit_document
from ingest.model import AuditReport
from ingest import sample_path

log = logging.getLogger("budgetqa.index")


class Library:
    """The record store and the passage search of one home folder."""

    def __init__(self, store: RecordStore, search: PassageSearch) -> None:
        self.store = store
        self.search = search

    def documents(self) -> list[DocumentInfo]:
        """Every live document, by department, year and doc_id."""
        return self.store.documents()

    def resolve(self, doc: str) -> str | None:
        """The doc_id of `doc`, given as a doc_id or the file name it was ingested from; None if unknown."""
        return self.store.resolve(doc)

    def audit(self, doc_id: str) -> AuditReport:
        """The pre-publication audit of an ingested document, from its stored parse (as `budgetqa audit`
        gives for its file). Raises UnknownDocument."""
        try:
            document = self.store.document(doc_id)
        except KeyError:
            raise UnknownDocument(f"没有找到文档“{doc_id}”，它可能已被删除。") from None
        return audit_document(document)


def open_library(config, ensure_sample: bool = False) -> Library:
    """Open (creating if needed) the stores of `config.home`.

    With `ensure_sample` (the web app's first start), an empty store first gets
    the built-in sample. Raises StoreUnavailable, CorruptStore or EmbedderMismatch, and StoreFull
    when the disk is full and the home holds nothing to answer from.
    """
    store = RecordStore(config.db_path, read_only_when_full=True)
    try:
        passages = open_passages(config)
    except StoreFull:
        if store.documents():
            log.warning("the passage index cannot be opened on a full disk: passages by BM25 alone")
            return Library(store, PassageSearch(store, None))
        store.close()
        raise  # nothing to answer from, and no room to load the sample
    except BaseException:
        store.close()
        raise
    if ensure_sample and not store.documents():
        ingest_files(config, [sample_path()], stores=(store, passages))
    return Library(store, PassageSearch(store, passages))


def require_documents(config) -> None:
    """Raise NoDocuments when the home holds no ingested disclosure (reads only the SQLite store)."""
    store = RecordStore(config.db_path, read_only_when_full=True)
    try:
        if not store.documents():
            raise NoDocuments(
                f"数据目录 {config.home} 中还没有导入任何公开文件。请先用 budgetqa ingest 文件 导入预算或决算公开文件"
                "（budgetqa serve 会在空目录中载入内置示例）。")
    finally:
        store.close()
