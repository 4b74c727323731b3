"""What a conversation reads from the library once: every record, indexed; each document's
paragraphs and tables are read when a question first needs them (`DocumentParts`).
Reloaded when the library's documents change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assistant.document_parts import DocumentParts
from assistant.passage_answer import Paragraph
from assistant.record_index import RecordIndex
from index.lexical import load_budget_vocabulary
from ingest.model import Table


@dataclass(frozen=True)
class LoadedCorpus:
    """The library's documents in memory.

    :ivar index: all records, by label alias and by table.
    :ivar parts: each document's paragraphs and tables, read on demand.
    :ivar generation: the store's generation when loaded (None when the store has none).
    """

    index: RecordIndex
    parts: DocumentParts
    generation: object = None

    @property
    def paragraphs(self) -> Mapping[str, list[Paragraph]]:
        """doc_id → its paragraphs (with section path and ref)."""
        return self.parts.paragraphs

    @property
    def tables(self) -> Mapping[str, tuple[Table, ...]]:
        """doc_id → its parsed tables (row counts need rows without figures)."""
        return self.parts.tables


def store_generation(library) -> object:
    """The record store's generation (changes when documents are added or removed); None if it has none."""
    generation = getattr(library.store, "generation", None)
    return generation() if callable(generation) else None


def load_corpus(library) -> LoadedCorpus:
    """Read every record of `library` once; paragraphs and tables as questions need them."""
    documents = library.documents()
    if documents:
        load_budget_vocabulary()  # as when a passage search ran first; questions cut words the same way
    index = RecordIndex.build(library.store.records(), documents)
    parts = DocumentParts(library.store, tuple(info.doc_id for info in documents))
    return LoadedCorpus(index, parts, store_generation(library))
