"""`budgetqa ingest --jobs N`: files parsed ahead in other processes give the same documents, in
the same order, and the same Chinese error for a file that cannot be read."""

from __future__ import annotations

from pathlib import Path

from assistant.config import load_config
from index.ingest import ingest_files
from index.store import RecordStore

DEV_TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


def _files(tmp_path: Path) -> list[Path]:
    broken = tmp_path / "损坏的文件.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a pdf \x00\x01\x02")
    return [*sorted(DEV_TEXTS.glob("s0[1-3]*.txt")), broken, *sorted(DEV_TEXTS.glob("n0[1-2]*.txt"))]


def _ingested(home: Path, files: list[Path], jobs: int):
    config = load_config(home)
    results = ingest_files(config, files, jobs=jobs)
    store = RecordStore(config.db_path)
    try:
        records = {d.doc_id: [(r.label, r.value, r.unit) for r in store.records()
                              if r.doc_id == d.doc_id] for d in store.documents()}
    finally:
        store.close()
    return results, records


def test_parsing_ahead_gives_what_parsing_one_by_one_gives(tmp_path: Path) -> None:
    files = _files(tmp_path)
    one, one_records = _ingested(tmp_path / "one", files, jobs=1)
    two, two_records = _ingested(tmp_path / "two", files, jobs=2)
    assert [(r.path, r.doc_id, r.status, r.records, r.error) for r in two] == \
           [(r.path, r.doc_id, r.status, r.records, r.error) for r in one]
    assert [r.status for r in two] == ["added", "added", "added", "failed", "added", "added"]
    assert "损坏的文件.pdf" in two[3].error
    assert two_records == one_records and len(two_records) == 5
    # a second run parses nothing: every file but the broken one is unchanged
    again = ingest_files(load_config(tmp_path / "two"), files, jobs=2)
    assert [r.status for r in again] == ["unchanged"] * 3 + ["failed"] + ["unchanged"] * 2
