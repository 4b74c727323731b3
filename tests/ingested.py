"""A conversation over real files, ingested for real into a home of their own (SQLite, Chroma, the
bundled embedding model): what the fresh-batch and coverage tests ask their questions of."""

from __future__ import annotations

from pathlib import Path

from assistant.config import Config
from assistant.conversation import Conversation
from index.ingest import ingest_files
from index.library import open_library

FIXTURES = Path(__file__).parent / "fixtures"


def conversation_on(home: Path, *paths: Path) -> Conversation:
    """Ingest `paths` into `home` (each must be added) and open a conversation over them."""
    config = Config(home=home)
    results = ingest_files(config, list(paths))
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return Conversation(open_library(config), config)


def batch_text(batch: str, prefix: str) -> Path:
    """The page `prefix` ("fN3") of a fresh batch's pages (tests/fixtures/<batch>_corpus/texts)."""
    return next((FIXTURES / f"{batch}_corpus" / "texts").glob(f"{prefix}-*.txt"))
