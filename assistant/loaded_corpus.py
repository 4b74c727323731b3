"""What a conversation reads from the library: the list of documents at once; the records of the
documents a question is scoped to, indexed when that scope is first asked about (`index_for`); each
document's paragraphs and tables when a question first needs them (`DocumentParts`). Reloaded when
the library's documents change.

A question is about one document, or a department's years, or the few departments it names, so
what a question costs does not grow with the number of documents in the library (issue 14); a
question that names nothing, in a conversation not yet on a document, reads every record of a small
library and none of a large one (`WHOLE_LIBRARY_RECORDS`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from assistant.document_parts import DocumentParts
from assistant.passage_answer import Paragraph
from assistant.record_index import RecordIndex
from index.lexical import load_budget_vocabulary
from index.types import DocumentInfo, Scope
from ingest.model import Table

# Scoped record indexes kept in memory: a web app's conversations each stay on a department or two
# at a time; one department's years index in a few tens of milliseconds when asked about again.
SCOPES_KEPT = 16
# A question naming no document, in a conversation not yet on one, is read against every record
# while the library holds at most this many (about a dozen full disclosures: indexed in a few
# seconds, once per process). Beyond, it is read against the template labels alone: in such a
# library it can only be asked back which department and year it is about.
WHOLE_LIBRARY_RECORDS = 20_000


@dataclass
class LoadedCorpus:
    """The library's documents, their records indexed per scope, their parts read on demand.

    :ivar documents: every live document of the library.
    :ivar parts: each document's paragraphs and tables, read on demand.
    :ivar generation: the store's generation when loaded (None when the store has none).
    """

    documents: tuple[DocumentInfo, ...]
    parts: DocumentParts
    generation: object = None
    _store: object = None
    _indexes: OrderedDict = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def paragraphs(self) -> Mapping[str, list[Paragraph]]:
        """doc_id → its paragraphs (with section path and ref)."""
        return self.parts.paragraphs

    @property
    def tables(self) -> Mapping[str, tuple[Table, ...]]:
        """doc_id → its parsed tables (row counts need rows without figures)."""
        return self.parts.tables

    @cached_property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(d.doc_id for d in self.documents)

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self.doc_ids)

    @cached_property
    def _whole_fits(self) -> bool:
        """Whether every record may be indexed for a question naming nothing (`WHOLE_LIBRARY_RECORDS`)."""
        return sum(d.records for d in self.documents) <= WHOLE_LIBRARY_RECORDS

    def read_from(self, store) -> None:  # noqa: ANN001 - an index RecordStore
        """Read what is not in memory yet from `store` (the web app reopened its stores)."""
        self._store = store
        self.parts.read_from(store)

    def index_for(self, doc_ids: Iterable[str] = ()) -> RecordIndex:
        """The records of `doc_ids` indexed, the last `SCOPES_KEPT` kept. With no `doc_ids`: every
        record, or in a library of more than `WHOLE_LIBRARY_RECORDS` none (the template labels only)."""
        known = self._known
        scope = frozenset(d for d in doc_ids if d in known)
        if not scope and self._whole_fits:
            scope = known
        with self._lock:
            if scope in self._indexes:
                self._indexes.move_to_end(scope)
                return self._indexes[scope]
        if not scope:
            records = []
        elif scope == known:
            records = self._store.records()
        else:
            records = self._store.records(Scope(doc_ids=tuple(sorted(scope))))
        index = RecordIndex.build(records, list(self.documents))
        with self._lock:
            self._indexes[scope] = index
            while len(self._indexes) > SCOPES_KEPT:
                self._indexes.popitem(last=False)
        return index

    def family(self, doc_ids: Iterable[str]) -> tuple[str, ...]:
        """`doc_ids` with the other years (and budget or final accounts) of their departments:
        a follow-up or a comparison reads those ("比去年增加了多少？")."""
        wanted = set(doc_ids)
        departments = {d.department for d in self.documents if d.doc_id in wanted and d.department}
        return tuple(d.doc_id for d in self.documents if d.doc_id in wanted or d.department in departments)


def store_generation(library) -> object:
    """The record store's generation (changes when documents are added or removed); None if it has none."""
    generation = getattr(library.store, "generation", None)
    return generation() if callable(generation) else None


def load_corpus(library) -> LoadedCorpus:
    """The library's documents; records per scope and paragraphs and tables as questions need them."""
    documents = tuple(library.documents())
    if documents:
        load_budget_vocabulary()  # as when a passage search ran first; questions cut words the same way
    parts = DocumentParts(library.store, tuple(info.doc_id for info in documents))
    return LoadedCorpus(documents, parts, store_generation(library), library.store)
