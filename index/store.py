"""RecordStore: documents, sections, tables, records and checks in one SQLite file.

Every document is stored as a numbered version with a state:
"staging" (being written), "embedded" (its passages are in Chroma too),
"live" (the one readers see) and "retired" (replaced; its Chroma passages
are still to be deleted). Readers only ever see live versions, so a version
becomes visible, and its predecessor invisible, in one transaction.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from ingest import parser_version
from index.errors import CorruptStore, StoreFull, disk_full_message
from index.types import DocumentInfo, Scope
from index.passages import Passage
from index.document_json import from_plain, to_plain
from index.store_schema import ADDED_COLUMNS, RECORD_COLUMNS, SCHEMA
from ingest.model import Document, Finding, Record, Section, Table


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


# Below this much free space SQLite cannot create its WAL index (-shm, 32 KB) and first WAL
# pages; an open that fails then is the disk's fault, not the file's.
FULL_DISK_BYTES = 1024 * 1024


class RecordStore:
    """The SQLite store of one home folder."""

    def __init__(self, path: Path, read_only_when_full: bool = False) -> None:
        """Open (creating if needed) the store at `path`.

        With `read_only_when_full` (readers: `ask`, the web app), a store that cannot be opened
        because its disk is full is opened read-only instead: opening in WAL mode writes
        SQLite's -wal and -shm files, but answering needs no writes.
        """
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by the web app's threads; the lock keeps their statements apart.
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        try:
            self._open()
        except (StoreFull, sqlite3.OperationalError):
            if not (read_only_when_full and self._disk_full()):
                raise
            if self._db is not None:
                self._db.close()
            self._open_immutable()

    def _disk_full(self) -> bool:
        exists = self.path.is_file() and self.path.stat().st_size > 0
        return exists and shutil.disk_usage(self.path.parent).free < FULL_DISK_BYTES

    def _open_immutable(self) -> None:
        # Immutable: no locks, no -shm, no -wal. On a full disk no other process can commit to
        # this file either (an ingest fails with StoreFull and rolls back); what a writer still
        # holds open in its WAL, not yet copied into the file, is not seen.
        self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?immutable=1", uri=True,
                                   isolation_level=None, check_same_thread=False)

    def _open(self) -> None:
        with self._errors():
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                       check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
            self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        for table, columns in ADDED_COLUMNS.items():
            present = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            for name, kind in columns:
                if name not in present:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")

    def close(self) -> None:
        self._db.close()

    # -- errors and transactions -------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite failures a user can act on into Chinese errors."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            text = str(error)
            if "disk is full" in text:
                raise StoreFull(disk_full_message(self.path)) from error
            if "not a database" in text or "malformed" in text:
                raise CorruptStore(
                    f"数据文件 {self.path} 已损坏，不是有效的 SQLite 数据库。"
                    f"请把它改名备份（例如 {self.path.name}.bak），然后重新导入披露文件。") from error
            raise

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none (rolled back on any error)."""
        with self._lock, self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                # SQLite already rolled back on some errors (e.g. a full disk).
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, params=()) -> list[sqlite3.Row]:
        with self._lock, self._errors():
            cursor = self._db.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    # -- reading ------------------------------------------------------------

    def has_documents(self) -> bool:
        """Whether any document is live (without listing them)."""
        return bool(self._query("SELECT 1 FROM documents WHERE state='live' LIMIT 1"))

    def documents(self, doc_id: str | None = None) -> list[DocumentInfo]:
        """Every live document (or only `doc_id`), ordered by department, year and doc_id."""
        only, params = (" AND d.doc_id=?", (doc_id,)) if doc_id is not None else ("", ())
        rows = self._query(
            f"SELECT {_LISTED_COLUMNS},"
            " COALESCE(d.n_sections, (SELECT COUNT(*) FROM sections s WHERE s.doc_id=d.doc_id AND s.version=d.version))"
            " AS n_sections, COALESCE(d.n_tables, (SELECT COUNT(*) FROM tables t WHERE t.doc_id=d.doc_id"
            " AND t.version=d.version)) AS n_tables, COALESCE(d.n_records, (SELECT COUNT(*) FROM records r"
            " WHERE r.doc_id=d.doc_id AND r.version=d.version)) AS n_records, COALESCE(d.n_failed,"
            " (SELECT COUNT(*) FROM checks c WHERE c.doc_id=d.doc_id AND c.version=d.version AND c.ok=0))"
            f" AS n_failed FROM documents d WHERE d.state='live'{only}"
            " ORDER BY d.department, d.year, d.doc_id", params)
        return [_document_info(row) for row in rows]

    def resolve(self, doc: str) -> str | None:
        """doc_id of a live document given its doc_id or source file name."""
        name = Path(doc).name
        rows = self._query(
            "SELECT doc_id FROM documents WHERE state='live' AND (doc_id=? OR source_name=?)"
            " ORDER BY doc_id=? DESC LIMIT 1", (doc, name, doc))
        return rows[0]["doc_id"] if rows else None

    def live_version(self, doc_id: str) -> int | None:
        rows = self._query("SELECT version FROM documents WHERE doc_id=? AND state='live'", (doc_id,))
        return rows[0]["version"] if rows else None

    def find_by_sha256(self, sha256: str) -> DocumentInfo | None:
        """The live document ingested from a file with these bytes by this parser, if any."""
        rows = self._query("SELECT doc_id FROM documents WHERE state='live' AND sha256=? AND parser=?"
                           " ORDER BY department, year, doc_id LIMIT 1", (sha256, parser_version()))
        found = self.documents(rows[0]["doc_id"]) if rows else []
        return found[0] if found else None

    def records(self, scope: Scope | None = None) -> list[Record]:
        """Records of the live documents in `scope`, in document then printed order."""
        where, params = _scope_sql(scope)
        rows = self._query(
            f"SELECT r.* FROM records r JOIN documents d ON d.doc_id=r.doc_id AND d.version=r.version"
            f" WHERE d.state='live'{where} ORDER BY d.department, d.year, r.doc_id, r.ord", params)
        return [from_plain(Record, json.loads(row["data"])) for row in rows]

    def document(self, doc_id: str, with_records: bool = True) -> Document:
        """The full live Document: sections, tables, records, checks, warnings and text
        (without records when `with_records` is False: the answerers read those apart).

        Raises KeyError when no live document has this doc_id.
        """
        rows = self._query("SELECT * FROM documents WHERE doc_id=? AND state='live'", (doc_id,))
        if not rows:
            raise KeyError(doc_id)
        head = rows[0]
        key = (doc_id, head["version"])
        return Document(
            doc_id=doc_id, title=head["title"], department=head["department"], year=head["year"],
            kind=head["kind"], unit=head["unit"], source_name=head["source_name"],
            sha256=head["sha256"], level=head["level"] or "", region=head["region"] or "",
            sections=tuple(self._sections(key)),
            tables=tuple(self._tables(key)), records=tuple(self._records_of(key)) if with_records else (),
            checks=tuple(self._checks(key)), warnings=tuple(json.loads(head["warnings"])),
            text=head["text"])

    def _sections(self, key) -> list[Section]:
        return [from_plain(Section, data) for data in self._parts("sections", key)]

    def _tables(self, key) -> list[Table]:
        return [from_plain(Table, data) for data in self._parts("tables", key)]

    def _records_of(self, key) -> list[Record]:
        return [from_plain(Record, data) for data in self._parts("records", key)]

    def _checks(self, key) -> list[Finding]:
        return [from_plain(Finding, _finding_data(data)) for data in self._parts("checks", key)]

    def _parts(self, table: str, key) -> list[dict]:
        rows = self._query(f"SELECT data FROM {table} WHERE doc_id=? AND version=? ORDER BY ord", key)
        return [json.loads(row["data"]) for row in rows]

    def live_passages(self, doc_ids: Sequence[str] | None = None) -> list[tuple[str, str, str, int, Passage]]:
        """(chroma id, doc_id, department, year, passage) of every live passage (of `doc_ids` only)."""
        only = f" AND d.doc_id IN ({','.join('?' * len(doc_ids))})" if doc_ids is not None else ""
        rows = self._query(
            "SELECT p.*, d.department, d.year FROM passages p JOIN documents d"
            f" ON d.doc_id=p.doc_id AND d.version=p.version WHERE d.state='live'{only}"
            " ORDER BY d.doc_id, p.ord", tuple(doc_ids or ()))
        return [(r["chroma_id"], r["doc_id"], r["department"], r["year"], _passage(r)) for r in rows]

    def live_keys(self, scope: Scope | None = None) -> list[str]:
        """"doc_id#version" keys of the live documents in `scope` (the Chroma filter)."""
        where, params = _scope_sql(scope)
        rows = self._query(f"SELECT d.doc_id, d.version FROM documents d WHERE d.state='live'{where}",
                           params)
        return [version_key(r["doc_id"], r["version"]) for r in rows]

    def generation(self) -> int:
        """A counter bumped whenever the set of live documents changes."""
        rows = self._query("SELECT value FROM meta WHERE name='generation'")
        return int(rows[0]["value"]) if rows else 0

    def passages_of(self, doc_id: str, version: int) -> list[Passage]:
        """The passages of one document version, in order."""
        rows = self._query("SELECT * FROM passages WHERE doc_id=? AND version=? ORDER BY ord", (doc_id, version))
        return [_passage(r) for r in rows]

    def pending_vectors(self) -> list[tuple[str, int]]:
        """(doc_id, version) of live versions whose passages are not all embedded yet."""
        rows = self._query("SELECT name FROM meta WHERE name LIKE ? ORDER BY name", (PENDING + "%",))
        pending = [tuple(r["name"][len(PENDING):].rsplit("#", 1)) for r in rows]
        return [(doc_id, int(version)) for doc_id, version in pending]

    def set_vectors_pending(self, doc_id: str, version: int, pending: bool) -> None:
        """Note (or clear the note) that a version's passage vectors are still to be embedded."""
        name = PENDING + version_key(doc_id, version)
        with self.transaction() as db:
            if pending:
                db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES (?, ?)", (name, version))
            else:
                db.execute("DELETE FROM meta WHERE name=?", (name,))

    def stale_versions(self) -> list[tuple[str, int]]:
        """(doc_id, version) of versions left by a replaced document or an interrupted ingest."""
        rows = self._query("SELECT doc_id, version FROM documents WHERE state!='live'")
        return [(r["doc_id"], r["version"]) for r in rows]

    # -- writing ------------------------------------------------------------

    def write_staging(self, document: Document, passages: list[Passage], embedder: str) -> int:
        """Write `document` as a new staging version (invisible to readers); returns the version."""
        with self.transaction() as db:
            row = db.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM documents WHERE doc_id=?",
                             (document.doc_id,)).fetchone()
            version = int(row[0])
            _insert_document(db, document, version, len(passages), embedder)
            _insert_parts(db, document, version)
            db.executemany(
                "INSERT INTO passages VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(document.doc_id, version, i, chroma_id(document.doc_id, version, i), p.text, p.kind,
                  _dumps(list(p.section_path)), p.ref, p.table_no, p.line, p.context)
                 for i, p in enumerate(passages)])
        return version

    def mark_embedded(self, doc_id: str, version: int) -> None:
        """Record that the staging version's passages are all in Chroma."""
        with self.transaction() as db:
            db.execute("UPDATE documents SET state='embedded' WHERE doc_id=? AND version=?",
                       (doc_id, version))

    def switch_live(self, doc_id: str, version: int, ingested_at: str) -> int | None:
        """Make `version` the live one and retire the previous; one transaction. Returns the old version."""
        with self.transaction() as db:
            old = db.execute("SELECT version FROM documents WHERE doc_id=? AND state='live'",
                             (doc_id,)).fetchone()
            if old:
                db.execute("UPDATE documents SET state='retired' WHERE doc_id=? AND version=?",
                           (doc_id, old[0]))
                _delete_parts(db, doc_id, old[0])
            db.execute("UPDATE documents SET state='live', ingested_at=? WHERE doc_id=? AND version=?",
                       (ingested_at, doc_id, version))
            _bump_generation(db)
        return old[0] if old else None

    def retire(self, doc_id: str) -> None:
        """Hide the live version of `doc_id` (its rows go now, its Chroma passages on cleanup)."""
        with self.transaction() as db:
            db.execute("UPDATE documents SET state='retired' WHERE doc_id=? AND state='live'", (doc_id,))
            for (version,) in db.execute("SELECT version FROM documents WHERE doc_id=? AND"
                                         " state='retired'", (doc_id,)).fetchall():
                _delete_parts(db, doc_id, version)
            _bump_generation(db)

    def forget_version(self, doc_id: str, version: int) -> None:
        """Delete every row of a non-live version (after its Chroma passages are gone)."""
        with self.transaction() as db:
            _delete_parts(db, doc_id, version)
            db.execute("DELETE FROM documents WHERE doc_id=? AND version=? AND state!='live'",
                       (doc_id, version))
            db.execute("DELETE FROM meta WHERE name=?", (PENDING + version_key(doc_id, version),))

    def remove(self, doc_id: str) -> None:
        """Remove a document from the record store (the passage index drops it on the next cleanup)."""
        self.retire(doc_id)


# meta rows named PENDING + "doc_id#version": a live version whose vectors are being embedded.
PENDING = "vectors_pending:"


def version_key(doc_id: str, version: int) -> str:
    return f"{doc_id}#{version}"


def chroma_id(doc_id: str, version: int, ordinal: int) -> str:
    return f"{doc_id}#{version}#{ordinal}"


def _scope_sql(scope: Scope | None) -> tuple[str, list]:
    if scope is None:
        return "", []
    clauses, params = [], []
    if scope.doc_ids:
        clauses.append(f"d.doc_id IN ({','.join('?' * len(scope.doc_ids))})")
        params.extend(scope.doc_ids)
    if scope.department:
        clauses.append("d.department=?")
        params.append(scope.department)
    if scope.year:
        clauses.append("d.year=?")
        params.append(scope.year)
    return "".join(f" AND {c}" for c in clauses), params


def _bump_generation(db: sqlite3.Connection) -> None:
    db.execute("INSERT INTO meta(name, value) VALUES ('generation', 1)"
               " ON CONFLICT(name) DO UPDATE SET value = value + 1")


# The columns of a document the list of documents shows (not its text: a list of a thousand
# documents would read every one of them).
_LISTED_COLUMNS = ", ".join(f"d.{c}" for c in (
    "doc_id", "title", "department", "year", "kind", "unit", "source_name", "sha256", "ingested_at",
    "chunks", "level", "region"))


def _insert_document(db, document: Document, version: int, chunks: int, embedder: str) -> None:
    db.execute(
        "INSERT INTO documents (doc_id, version, state, title, department, year, kind, unit,"
        " source_name, sha256, ingested_at, chunks, embedder, warnings, text, parser, level, region,"
        " n_sections, n_tables, n_records, n_failed)"
        " VALUES (?,?,'staging',?,?,?,?,?,?,?,'',?,?,?,?,?,?,?,?,?,?,?)",
        (document.doc_id, version, document.title, document.department, document.year,
         document.kind, document.unit, document.source_name, document.sha256, chunks, embedder,
         _dumps(list(document.warnings)), document.text, parser_version(), document.level,
         document.region, len(document.sections), len(document.tables), len(document.records),
         sum(1 for check in document.checks if not check.ok)))


def _insert_parts(db, document: Document, version: int) -> None:
    key = (document.doc_id, version)
    db.executemany("INSERT INTO sections VALUES (?,?,?,?,?,?,?)", [
        (*key, i, _dumps(list(s.path)), s.title, s.level, _dumps(to_plain(s)))
        for i, s in enumerate(document.sections)])
    db.executemany("INSERT INTO tables VALUES (?,?,?,?,?,?)", [
        (*key, i, t.number, t.title, _dumps(to_plain(t))) for i, t in enumerate(document.tables)])
    columns = ", ".join(("doc_id", "version", "ord") + RECORD_COLUMNS[1:] + ("data",))
    db.executemany(
        f"INSERT INTO records ({columns}) VALUES ({','.join('?' * (len(RECORD_COLUMNS) + 3))})",
        [(*key, i, *_record_values(r), _dumps(to_plain(r))) for i, r in enumerate(document.records)])
    db.executemany("INSERT INTO checks VALUES (?,?,?,?,?,?,?,?)", [
        (*key, i, c.check, int(c.ok), c.message, c.table_no, _dumps(to_plain(c)))
        for i, c in enumerate(document.checks)])


def _finding_data(data: dict) -> dict:
    """A stored check as `Finding` data; a home written before checks were `Finding`s
    stored {name, ok, severity, …} (the document is re-parsed on its next ingest)."""
    if "check" in data or "name" not in data:
        return data
    verdict = "ok" if data.get("ok") else {"rounding": "rounding", "info": "warning"}.get(data.get("severity"), "error")
    where = " › ".join(p for p in (f"表{data['table_no']}" if data.get("table_no") else "",
                                   data.get("row", ""), data.get("column", "")) if p)
    return {**data, "check": data["name"], "verdict": verdict, "where": where, "source": "parse"}


def _delete_parts(db, doc_id: str, version: int) -> None:
    for table in ("sections", "tables", "records", "checks", "passages"):
        db.execute(f"DELETE FROM {table} WHERE doc_id=? AND version=?", (doc_id, version))


def _record_values(record: Record) -> tuple:
    values = []
    for name in RECORD_COLUMNS[1:]:  # doc_id is part of the key
        value = getattr(record, name)
        values.append(_dumps(list(value)) if isinstance(value, tuple) else value)
    return tuple(values)


def _passage(row: sqlite3.Row) -> Passage:
    return Passage(text=row["text"], kind=row["kind"], section_path=tuple(json.loads(row["section_path"])),
                   ref=row["ref"], table_no=row["table_no"], line=row["line"], context=row["context"])


def _document_info(row: sqlite3.Row) -> DocumentInfo:
    return DocumentInfo(
        doc_id=row["doc_id"], title=row["title"], department=row["department"], year=row["year"],
        kind=row["kind"], unit=row["unit"], source_name=row["source_name"], sha256=row["sha256"],
        ingested_at=row["ingested_at"], sections=row["n_sections"], tables=row["n_tables"],
        records=row["n_records"], chunks=row["chunks"], failed_checks=row["n_failed"],
        level=row["level"] or "", region=row["region"] or "")
