"""Each document's paragraphs and tables, read from the store when a question first needs them.

An answer is about one document (or compares figures, which come from records), so a question
reads the parts of that document only; the last `CACHED_DOCUMENTS` read stay in memory. Start-up
and memory so do not grow with the number of documents in the library.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping

from assistant.passage_answer import Paragraph, document_paragraphs
from ingest.model import Table

# Documents whose parts stay in memory: a conversation moves between a few (a department's
# years, the documents a desk is checking); each holds well under a few MB of parsed text.
CACHED_DOCUMENTS = 32


class DocumentParts:
    """Paragraphs and tables of the live documents `doc_ids`, read on demand, least recent dropped."""

    def __init__(self, store, doc_ids: tuple[str, ...],  # noqa: ANN001 - an index RecordStore
                 keep: int = CACHED_DOCUMENTS) -> None:
        self._store = store
        self._keep = keep
        self._doc_ids = tuple(doc_ids)
        self._known = frozenset(doc_ids)
        self._cache: OrderedDict[str, tuple[list[Paragraph], tuple[Table, ...]]] = OrderedDict()
        self._lock = threading.Lock()
        self.paragraphs: Mapping[str, list[Paragraph]] = _View(self, 0)
        self.tables: Mapping[str, tuple[Table, ...]] = _View(self, 1)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return self._doc_ids

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._known

    def read_from(self, store) -> None:  # noqa: ANN001
        """Read what is not cached yet from `store` (the web app reopened its stores)."""
        self._store = store

    def parts(self, doc_id: str) -> tuple[list[Paragraph], tuple[Table, ...]]:
        """The paragraphs and tables of `doc_id`. Raises KeyError when it is not a live document."""
        with self._lock:
            if doc_id in self._cache:
                self._cache.move_to_end(doc_id)
                return self._cache[doc_id]
            document = self._store.document(doc_id, with_records=False)
            parts = (document_paragraphs(document), tuple(document.tables))
            self._cache[doc_id] = parts
            while len(self._cache) > self._keep:
                self._cache.popitem(last=False)
            return parts

    def cached(self) -> tuple[str, ...]:
        """doc_ids whose parts are in memory, least recently used first."""
        with self._lock:
            return tuple(self._cache)


class _View(Mapping):
    """doc_id → one of a document's parts (0 paragraphs, 1 tables), as a read-only mapping."""

    def __init__(self, parts: DocumentParts, which: int) -> None:
        self._parts = parts
        self._which = which

    def __getitem__(self, doc_id: str):  # noqa: ANN204
        if doc_id not in self._parts:
            raise KeyError(doc_id)
        return self._parts.parts(doc_id)[self._which]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts.doc_ids)

    def __len__(self) -> int:
        return len(self._parts.doc_ids)
