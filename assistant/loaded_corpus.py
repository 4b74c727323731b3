"""What a conversation reads from the library once: every record, indexed, and each document's
paragraphs and tables. Reloaded when the library's documents change."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.passage_answer import Paragraph, document_paragraphs
from assistant.record_index import RecordIndex
from index.lexical import load_budget_vocabulary
from ingest.model import Table


@dataclass(frozen=True)
class LoadedCorpus:
    """The library's documents in memory.

    :ivar index: all records, by label alias and by table.
    :ivar paragraphs: doc_id → its paragraphs (with section path and ref).
    :ivar tables: doc_id → its parsed tables (row counts need rows without figures).
    :ivar generation: the store's generation when loaded (None when the store has none).
    """

    index: RecordIndex
    paragraphs: dict[str, list[Paragraph]]
    tables: dict[str, tuple[Table, ...]]
    generation: object = None


def store_generation(library) -> object:
    """The record store's generation (changes when documents are added or removed); None if it has none."""
    generation = getattr(library.store, "generation", None)
    return generation() if callable(generation) else None


def load_corpus(library) -> LoadedCorpus:
    """Read every record, paragraph and table of `library` once."""
    documents = library.documents()
    if documents:
        load_budget_vocabulary()  # as when a passage search ran first; questions cut words the same way
    index = RecordIndex.build(library.store.records(), documents)
    paragraphs: dict[str, list[Paragraph]] = {}
    tables: dict[str, tuple[Table, ...]] = {}
    for info in documents:
        document = library.store.document(info.doc_id)
        paragraphs[info.doc_id] = document_paragraphs(document)
        tables[info.doc_id] = tuple(document.tables)
    return LoadedCorpus(index, paragraphs, tables, store_generation(library))
