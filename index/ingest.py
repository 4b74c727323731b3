"""ingest_files: parse disclosures and index them, replacing old versions atomically.

A document goes in as a new version in four steps: (1) its rows are written
to SQLite as "staging", invisible to readers; (2) its passages are embedded
and added to Chroma under that version; (3) one SQLite transaction makes it
live and retires the old version; (4) the old version's Chroma passages and
rows are deleted. A crash before (3) leaves the old version live and complete;
a crash after it leaves only leftovers, which readers never see and the next
ingest deletes first. Re-ingesting a file with the same bytes does nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

from index.chroma import PassageVectors, open_chroma
from index.embedders import make_embedder
from index.errors import UnknownDocument
from index.identity import place_document
from index.passages import Passage, document_passages
from index.store import RecordStore, chroma_id, version_key
from ingest.errors import BudgetQAError
from ingest.model import Document

EMBED_BATCH = 64


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file.

    :ivar status: "added", "replaced", "unchanged" or "failed".
    :ivar failed_checks: messages of the document's arithmetic checks that did not hold.
    :ivar error: the Chinese error message when status is "failed", else "".
    :ivar replaced_source: for "replaced", the file the replaced version was read from.
    """

    path: str
    doc_id: str
    status: str
    sections: int = 0
    tables: int = 0
    records: int = 0
    chunks: int = 0
    failed_checks: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""
    replaced_source: str = ""


def open_stores(config) -> tuple[RecordStore, PassageVectors]:
    """The record store and passage vectors of `config` (SQLite under home; Chroma embedded or server)."""
    return RecordStore(config.db_path), open_vectors(config)


def open_vectors(config) -> PassageVectors:
    """The passage vectors of `config`: Chroma (embedded or server) and the embedding model.

    Raises StoreFull, StoreUnavailable or EmbedderMismatch.
    """
    where = config.chroma_url or str(config.chroma_path)
    return PassageVectors(open_chroma(config), make_embedder(config), where=where)


class _OnDemand:
    """Passage vectors opened at the first file that needs them: an unchanged file is told from
    its bytes' sha256 and the parser version alone, without Chroma or the embedding model."""

    def __init__(self, opener: Callable[[], PassageVectors]) -> None:
        self._opener = opener
        self._vectors: PassageVectors | None = None

    def __call__(self) -> PassageVectors:
        if self._vectors is None:
            self._vectors = self._opener()
        return self._vectors


def ingest_files(config, paths: Sequence[Path], progress: bool = False,
                 stores: tuple[RecordStore, PassageVectors] | None = None,
                 parse: Callable[[Path], Document] | None = None, jobs: int = 1) -> list[IngestResult]:
    """Parse and index each file; one result per file, in order.

    A file that cannot be parsed gives a "failed" result and changes nothing. `parse` turns a
    path into a Document (the web app parses uploads in a memory-limited child process); by
    default `parse_document`, imported only when a file is new; with `jobs` > 1 the new files
    are parsed ahead in that many processes while earlier ones are stored and embedded.
    Raises StoreUnavailable or CorruptStore when the stores cannot be opened.
    """
    if jobs > 1 and parse is None:
        from index.parse_pool import ParsePool

        store = stores[0] if stores else RecordStore(config.db_path)
        try:
            new = [Path(p) for p in paths if not _unchanged(store, Path(p))]
        finally:
            if stores is None:
                store.close()
        with ParsePool(new, jobs) as pool:
            return ingest_files(config, paths, progress, stores, parse=pool)

    from tqdm import tqdm

    store = stores[0] if stores else RecordStore(config.db_path)
    vectors = _OnDemand(lambda: stores[1] if stores else open_vectors(config))
    results = []
    try:
        with ingest_lock(Path(config.home)):
            if store.stale_versions():
                remove_leftovers(store, vectors())
            # Bars only on a terminal: in a log or a pipe they are escape codes; say each file instead.
            bars = progress and sys.stderr.isatty()
            files = list(paths)
            for number, path in enumerate(tqdm(files, desc="导入", unit="个文件", file=sys.stderr,
                                               disable=not bars), 1):
                if progress and not bars:
                    print(f"正在导入（{number}/{len(files)}）：{path}", file=sys.stderr, flush=True)
                results.append(_ingest_one(store, vectors, Path(path), bars, parse))
    finally:
        if stores is None:
            store.close()
    return results


def _unchanged(store: RecordStore, path: Path) -> bool:
    """Whether a live document was read from a file with these bytes (by this parser)."""
    try:
        return store.find_by_sha256(hashlib.sha256(path.read_bytes()).hexdigest()) is not None
    except OSError:
        return False


def _ingest_one(store: RecordStore, vectors: _OnDemand, path: Path, progress: bool,
                parse: Callable[[Path], Document] | None) -> IngestResult:
    try:
        data = path.read_bytes()
    except OSError:
        data = None  # parse_document names the problem in Chinese
    if data is not None:
        known = store.find_by_sha256(hashlib.sha256(data).hexdigest())
        if known is not None:
            return IngestResult(str(path), known.doc_id, "unchanged", known.sections, known.tables,
                                known.records, known.chunks)
    if parse is None:
        from ingest.document import parse_document as parse  # the readers import pdfplumber: only for new files

    try:
        document = parse(path)
    except BudgetQAError as error:
        return IngestResult(str(path), "", "failed", error=str(error))
    document, previous = place_document(document, store.documents())
    opened = vectors()  # StoreUnavailable or EmbedderMismatch stops the whole run, as at its start
    try:
        replaced = write_document(store, opened, document, progress)
    except BudgetQAError as error:
        return IngestResult(str(path), document.doc_id, "failed", error=str(error))
    chunks = next((d.chunks for d in store.documents() if d.doc_id == document.doc_id), 0)
    return IngestResult(
        str(path), document.doc_id, "replaced" if replaced else "added", len(document.sections),
        len(document.tables), len(document.records), chunks,
        tuple(c.message for c in document.failed_checks), document.warnings,
        replaced_source=previous.source_name if replaced and previous is not None else "")


def write_document(store: RecordStore, vectors: PassageVectors, document: Document,
                   progress: bool = False) -> bool:
    """Index `document` as the live version of its doc_id; True if it replaced one.

    On a failure the staging version is removed again and the old version stays live.
    """
    passages = document_passages(document)
    version = store.write_staging(document, passages, vectors.embedder.model_name)
    key = version_key(document.doc_id, version)
    try:
        embed_and_add(vectors, document, version, passages, progress)
        store.mark_embedded(document.doc_id, version)
        old = store.switch_live(document.doc_id, version, _now())
    except BaseException:
        _discard_quietly(store, vectors, document.doc_id, version, key)
        raise
    if old is not None:
        _discard_quietly(store, vectors, document.doc_id, old, version_key(document.doc_id, old))
    return old is not None


def embed_and_add(vectors: PassageVectors, document: Document, version: int,
                  passages: list[Passage], progress: bool = False) -> None:
    """Embed `passages` of one document version in batches and add them to Chroma under its key."""
    from tqdm import tqdm

    key = version_key(document.doc_id, version)
    bar = tqdm(total=len(passages), desc=document.doc_id[:24], unit="段", file=sys.stderr,
               disable=not progress, leave=False)
    with bar:
        for start in range(0, len(passages), EMBED_BATCH):
            batch = passages[start:start + EMBED_BATCH]
            vectors_batch = vectors.embedder.embed_passages([p.search_text for p in batch])
            ids = [chroma_id(document.doc_id, version, start + i) for i in range(len(batch))]
            vectors.add(ids, [p.text for p in batch], vectors_batch,
                        [_metadata(document, p, key) for p in batch])
            bar.update(len(batch))


def _metadata(document: Document, passage: Passage, key: str) -> dict:
    return {"doc_id": document.doc_id, "department": document.department, "year": document.year,
            "section": " › ".join(passage.section_path), "ref": passage.ref, "kind": passage.kind,
            "key": key}


def remove_leftovers(store: RecordStore, vectors: PassageVectors) -> int:
    """Delete versions left by replaced documents or interrupted ingests; returns how many."""
    stale = store.stale_versions()
    for doc_id, version in stale:
        vectors.delete_version(version_key(doc_id, version))
        store.forget_version(doc_id, version)
    return len(stale)


def _discard_quietly(store: RecordStore, vectors: PassageVectors, doc_id: str, version: int,
                     key: str) -> None:
    """Best effort: what is not deleted now is deleted by the next ingest's cleanup."""
    try:
        vectors.delete_version(key)
        store.forget_version(doc_id, version)
    except Exception:  # noqa: BLE001 - cleanup must not hide the original error
        pass


def remove_document(config, doc_id: str) -> None:
    """Remove a document from both stores. Raises UnknownDocument if it is not ingested."""
    store, vectors = open_stores(config)
    try:
        with ingest_lock(Path(config.home)):
            if store.live_version(doc_id) is None:
                raise UnknownDocument(f"没有找到文档“{doc_id}”，无法删除。")
            store.retire(doc_id)
            remove_leftovers(store, vectors)
    finally:
        store.close()


@contextmanager
def ingest_lock(home: Path) -> Iterator[None]:
    """One writer per home at a time; the OS releases the lock if the process dies."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "ingest.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


STATUS_WORDS = {"added": "新增", "replaced": "已替换旧版本", "unchanged": "未变化，跳过"}


def render_results(results: Sequence[IngestResult]) -> str:
    """A Chinese summary: one block per file with its counts, failed checks and warnings."""
    lines = []
    for result in results:
        if result.status == "failed":
            lines.append(f"✗ {result.path}：导入失败。{result.error}")
            continue
        status = STATUS_WORDS.get(result.status, result.status)
        if result.replaced_source:
            status += f"：原文件 {result.replaced_source}"
        lines.append(
            f"✓ {result.path} → {result.doc_id}（{status}）："
            f"{result.sections} 个章节，{result.tables} 张表，{result.records} 条数据，"
            f"{result.chunks} 个检索段落")
        lines.extend(f"    校验未通过：{message}" for message in result.failed_checks)
        lines.extend(f"    提示：{warning}" for warning in result.warnings)
    done = sum(r.status != "failed" for r in results)
    lines.append(f"共 {len(results)} 个文件，成功 {done} 个，失败 {len(results) - done} 个。")
    return "\n".join(lines)


__all__ = ["IngestResult", "ingest_files", "render_results", "remove_document", "open_stores",
           "open_passages", "write_document", "remove_leftovers"]
