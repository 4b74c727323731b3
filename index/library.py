"""The library: what the assistant and the ui see of the stores.

`open_library(config)` opens the SQLite record store and the Chroma passage
index under the home folder (or the Chroma server of BUDGETQA_CHROMA_URL)
and, when asked, ingests the built-in sample into an empty store.
"""

from __future__ import annotations

from index.ingest import ingest_files, open_stores
from index.search import PassageSearch
from index.store import RecordStore
from index.types import DocumentInfo
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


def open_library(config, ensure_sample: bool = True) -> Library:
    """Open (creating if needed) the stores of `config.home`.

    With `ensure_sample`, an empty store first gets the built-in sample.
    Raises StoreUnavailable, CorruptStore or EmbedderMismatch.
    """
    store, passages = open_stores(config)
    if ensure_sample and not store.documents():
        ingest_files(config, [sample_path()], stores=(store, passages))
    return Library(store, PassageSearch(store, passages))
