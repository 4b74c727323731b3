"""ingest_files: added / unchanged / replaced / failed, and atomic replacement under SIGKILL."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.config import Config
from index.errors import UnknownDocument
from index.ingest import ingest_files, open_stores, remove_document, render_results
from index.library import open_library
from index.types import Scope
from index.passages import document_passages
from ingest.document import parse_document

OLD_SENTENCE = "二是增加社保志愿服务项目。"
NEW_SENTENCE = "二是新增社保政策宣传推广项目。"


def _changed_copy(sample_path: Path, folder: Path) -> tuple[Path, Path]:
    """Two versions of the sample under the same file name: as shipped, and with one reason reworded."""
    text = sample_path.read_text(encoding="utf-8")
    assert "二是增加社保志愿服务项目" in text
    old_dir, new_dir = folder / "old", folder / "new"
    old_dir.mkdir()
    new_dir.mkdir()
    (old_dir / sample_path.name).write_text(text, encoding="utf-8")
    (new_dir / sample_path.name).write_text(
        text.replace("二是增加社保志愿服务项目", "二是新增社保政策宣传推广项目"), encoding="utf-8")
    return old_dir / sample_path.name, new_dir / sample_path.name


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, list]:
    """A home with the sample ingested once, and that first ingest's results."""
    from ingest import sample_path

    config = Config(home=tmp_path_factory.mktemp("ingested"))
    return config, ingest_files(config, [sample_path()])


def test_unchanged_reingest_is_a_no_op(ingested, sample_path: Path) -> None:
    config, (first,) = ingested
    before = open_library(config, ensure_sample=False).documents()
    (again,) = ingest_files(config, [sample_path])
    assert first.status == "added" and again.status == "unchanged"
    assert again.doc_id == first.doc_id and again.chunks == first.chunks > 0
    assert (again.sections, again.tables, again.records) == (first.sections, first.tables, first.records)
    assert open_library(config, ensure_sample=False).documents() == before


def test_changed_file_replaces_old_version(home: Path, sample_path: Path, tmp_path: Path) -> None:
    old, new = _changed_copy(sample_path, tmp_path)
    config = Config(home=home)
    (added,) = ingest_files(config, [old])
    (replaced,) = ingest_files(config, [new])
    assert (added.status, replaced.status) == ("added", "replaced")
    library = open_library(config, ensure_sample=False)
    (info,) = library.documents()
    assert info.doc_id == added.doc_id == replaced.doc_id
    hits = library.search.search("预算收支增加的主要原因", Scope(doc_ids=(info.doc_id,)), k=10)
    text = "".join(h.text for h in hits)
    assert NEW_SENTENCE in text and OLD_SENTENCE not in text
    store, vectors = open_stores(config)
    assert store.stale_versions() == []
    assert vectors.count() == info.chunks == len(document_passages(parse_document(new)))

    remove_document(config, info.doc_id)
    assert library.documents() == [] and library.search.search("预算收支增加的主要原因", k=5) == []
    assert vectors.count() == 0
    with pytest.raises(UnknownDocument):
        remove_document(config, info.doc_id)


def test_bad_file_fails_with_message_and_touches_nothing(ingested, tmp_path: Path) -> None:
    config, _ = ingested
    before = open_library(config, ensure_sample=False).documents()
    binary = tmp_path / "broken.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    missing = tmp_path / "missing.txt"
    results = ingest_files(config, [binary, missing])
    assert [r.status for r in results] == ["failed", "failed"]
    assert all(r.error for r in results)
    assert str(missing) in results[1].error
    assert open_library(config, ensure_sample=False).documents() == before
    rendered = render_results(results)
    assert "导入失败" in rendered and "失败 2 个" in rendered


def test_render_results_shows_counts_in_chinese(ingested) -> None:
    _, results = ingested
    text = render_results(results)
    assert f"{results[0].sections} 个章节" in text and f"{results[0].chunks} 个检索段落" in text
    assert f"{results[0].records} 条数据" in text and "新增" in text


# --- SIGKILL halfway through a replacement ----------------------------------------------

INGEST = """
import sys
from pathlib import Path
from assistant.config import Config
from index.ingest import ingest_files
(result,) = ingest_files(Config(home=Path(sys.argv[1])), [Path(sys.argv[2])])
print(result.status)
"""

# Runs in a fresh process, as the next user of the home would: what do readers see?
INSPECT = """
import json, sys
from pathlib import Path
from assistant.config import Config
from index.library import open_library
from index.types import Scope
from index.ingest import open_stores
from index.store import version_key
config = Config(home=Path(sys.argv[1]))
library = open_library(config, ensure_sample=False)
store, vectors = open_stores(config)
(info,) = library.documents()
document = library.store.document(info.doc_id)
version = store.live_version(info.doc_id)
hits = library.search.search("预算收支增加的主要原因", Scope(doc_ids=(info.doc_id,)), k=10)
print(json.dumps({
    "sha256": info.sha256, "records": [repr(r) for r in document.records],
    "sections": [repr(s) for s in document.sections], "chunks": info.chunks,
    "passages": [p.text for _, doc, _, _, p in store.live_passages() if doc == info.doc_id],
    "live_vectors": vectors.count(version_key(info.doc_id, version)),
    "all_vectors": vectors.count(), "stale": len(store.stale_versions()),
    "hits": [h.text for h in hits],
}, ensure_ascii=False))
"""


def _run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def _pending_versions(db_path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM documents WHERE state != 'live'").fetchone()[0]
    except sqlite3.Error:
        return 0


def _ingest_and_kill(home: Path, path: Path, when: float | None) -> bool:
    """Run an ingest of `path` and SIGKILL it: after `when` seconds, or (None) once its staging rows exist.

    Returns True if it was killed, False if it finished first.
    """
    process = subprocess.Popen([sys.executable, "-c", INGEST, str(home), str(path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while process.poll() is None:
        due = (_pending_versions(home / "budgetqa.sqlite3") > 0) if when is None \
            else time.monotonic() - start >= when
        if due:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.01)
    return False


def _expected(path: Path) -> dict:
    document = parse_document(path)
    return {"records": [repr(r) for r in document.records], "sections": [repr(s) for s in document.sections],
            "passages": [p.text for p in document_passages(document)], "sha256": document.sha256}


def _assert_complete(seen: dict, versions: dict[str, dict]) -> str:
    """The live document is exactly one of the two versions, in both stores; returns which."""
    name = next((n for n, v in versions.items() if v["sha256"] == seen["sha256"]), None)
    assert name is not None, "live document matches neither version"
    expected = versions[name]
    assert seen["records"] == expected["records"]
    assert seen["sections"] == expected["sections"]
    assert seen["passages"] == expected["passages"] and seen["chunks"] == len(expected["passages"])
    assert seen["live_vectors"] == seen["chunks"]
    other = NEW_SENTENCE if name == "old" else OLD_SENTENCE
    mine = OLD_SENTENCE if name == "old" else NEW_SENTENCE
    hits = "".join(seen["hits"])
    assert mine in hits and other not in hits
    return name


@pytest.mark.slow
def test_sigkill_during_replacement_keeps_a_complete_version(home: Path, sample_path: Path,
                                                             tmp_path: Path) -> None:
    old, new = _changed_copy(sample_path, tmp_path)
    paths = {"old": old, "new": new}
    versions = {"old": _expected(old), "new": _expected(new)}
    started = time.monotonic()
    assert _run(INGEST, str(home), str(old)) == "added"
    full = time.monotonic() - started
    live = "old"
    killed_staging, kills = False, 0
    # Kill once the staging rows exist (mid-embedding), then on timers spread over a whole ingest.
    for when in (None, 0.5 * full, 0.75 * full, 0.9 * full, 0.97 * full):
        target = "new" if live == "old" else "old"
        killed = _ingest_and_kill(home, paths[target], when)
        kills += killed
        seen = json.loads(_run(INSPECT, str(home)))
        now_live = _assert_complete(seen, versions)
        if killed and when is None:
            killed_staging = True
            assert now_live == live, "a killed staging version became live"
        if not killed:
            assert now_live == target
        live = now_live
    assert killed_staging and kills >= 2
    target = "new" if live == "old" else "old"
    assert _run(INGEST, str(home), str(paths[target])) == "replaced"
    seen = json.loads(_run(INSPECT, str(home)))
    assert _assert_complete(seen, versions) == target
    assert seen["stale"] == 0 and seen["all_vectors"] == seen["chunks"]  # leftovers cleaned up


def test_a_file_indexed_by_an_older_parser_is_reparsed(home, sample_path):
    """The unchanged-file shortcut holds only for the parser that read it."""
    import sqlite3

    from assistant.config import load_config
    from index.ingest import ingest_files

    config = load_config(home)
    first = ingest_files(config, [sample_path])
    assert [r.status for r in first] == ["added"]
    assert [r.status for r in ingest_files(config, [sample_path])] == ["unchanged"]
    with sqlite3.connect(config.db_path) as db:  # as a home written by an older release would be
        db.execute("UPDATE documents SET parser='0000000000000000'")
    again = ingest_files(config, [sample_path])
    assert [r.status for r in again] == ["replaced"]
    assert again[0].records == first[0].records
    assert [r.status for r in ingest_files(config, [sample_path])] == ["unchanged"]
