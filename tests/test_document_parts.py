"""assistant/document_parts.py: a conversation reads the parsed documents its questions are about,
not every document of the library, and keeps only the most recent in memory (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Config
from assistant.conversation import Conversation
from assistant.document_parts import DocumentParts
from assistant.passage_answer import document_paragraphs
from eval.generate_corpus import generate_corpus
from index.identity import place_document
from index.library import open_library
from index.passages import document_passages
from index.store import RecordStore
from ingest.document import parse_document


@pytest.fixture(scope="module")
def three_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with three disclosures made live in the record store (records and passages, no vectors:
    these tests ask only record questions)."""
    home = tmp_path_factory.mktemp("parts-home")
    store = RecordStore(Config(home=home).db_path)
    for path in generate_corpus(tmp_path_factory.mktemp("parts-corpus"), 3):
        document, _ = place_document(parse_document(path), store.documents())
        version = store.write_staging(document, document_passages(document), "none")
        store.mark_embedded(document.doc_id, version)
        store.switch_live(document.doc_id, version, "test")
    store.close()
    return home


def test_parts_are_read_on_demand_and_the_least_recent_dropped(three_documents: Path) -> None:
    store = RecordStore(Config(home=three_documents).db_path)
    first, second, third = (d.doc_id for d in store.documents())
    parts = DocumentParts(store, (first, second, third), keep=2)
    assert parts.cached() == ()
    expected = store.document(first)
    assert parts.paragraphs[first] == document_paragraphs(expected)
    assert parts.tables[first] == expected.tables and parts.cached() == (first,)
    parts.tables.get(second)
    parts.paragraphs.get(first)  # used again: now the most recent
    parts.paragraphs.get(third)
    assert parts.cached() == (first, third)
    assert parts.paragraphs.get("no-such-doc", []) == [] and "no-such-doc" not in parts.cached()
    assert len(parts.paragraphs) == 3 and set(parts.tables) == {first, second, third}
    store.close()


def test_a_question_reads_only_the_document_it_is_about(three_documents: Path) -> None:
    config = Config(home=three_documents)
    library = open_library(config)
    chat = Conversation(library, config)
    assert chat.corpus.parts.cached() == ()  # starting reads no parsed document
    doc_id = library.documents()[1].doc_id
    answer = chat.fresh(doc_id).ask("公车有几辆？")
    assert answer.status.value == "answered" and "2" in answer.text
    assert chat.corpus.parts.cached() == ()  # a figure comes from records alone
    answer = chat.fresh(doc_id).ask("为什么预算比去年多？")
    assert answer.status.value == "answered" and "社保志愿服务" in answer.text
    assert chat.corpus.parts.cached() == (doc_id,)
