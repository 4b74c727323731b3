"""A document made live before its passage vectors exist, and the vectors embedded afterwards.

The web app's first start puts the built-in sample into an empty home. Embedding its passages
takes most of that start (the model loads, then 127 passages); records and BM25 need no vectors.
So the sample goes live at once, marked "vectors pending" in the store, and a thread embeds it
while the chat already answers. The mark goes when every vector is in Chroma; a start that
finds it (the server stopped meanwhile) deletes that version's vectors and embeds them again.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timezone
from pathlib import Path

from index.ingest import embed_and_add, ingest_lock, open_vectors
from index.passages import document_passages
from index.store import RecordStore, version_key
from ingest.model import Document

log = logging.getLogger("budgetqa.index")


def add_live_without_vectors(store: RecordStore, document: Document, embedder_name: str) -> int:
    """Make `document` live with its records and passages, its vectors still to be embedded;
    returns its version. Only for an empty home: nothing is replaced."""
    version = store.write_staging(document, document_passages(document), embedder_name)
    store.set_vectors_pending(document.doc_id, version, True)
    store.mark_embedded(document.doc_id, version)
    store.switch_live(document.doc_id, version, datetime.now(timezone.utc).isoformat(timespec="seconds"))
    return version


def embed_pending(config) -> int:
    """Embed the passages of every version marked pending (own store connection); returns how many."""
    store = RecordStore(config.db_path)
    done = 0
    try:
        with ingest_lock(Path(config.home)):
            pending = store.pending_vectors()
            vectors = open_vectors(config) if pending else None
            for doc_id, version in pending:
                if store.live_version(doc_id) == version:
                    vectors.delete_version(version_key(doc_id, version))  # a half-embedded earlier try
                    document = store.document(doc_id, with_records=False)
                    embed_and_add(vectors, document, version, store.passages_of(doc_id, version))
                    done += 1
                store.set_vectors_pending(doc_id, version, False)
    finally:
        store.close()
    return done


def embed_pending_in_background(config) -> threading.Thread:
    """Start `embed_pending` in a daemon thread (failures are logged; the next start retries)."""
    def run() -> None:
        try:
            embed_pending(config)
        except Exception:  # noqa: BLE001 - a thread has no caller to tell; the mark stays for a retry
            log.exception("embedding pending passages failed")

    thread = threading.Thread(target=run, name="budgetqa-embed-pending", daemon=True)
    thread.start()
    return thread
