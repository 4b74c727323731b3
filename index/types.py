"""The types every part of the index shares: what a stored document, a scope and a hit are.

Kept apart from the stores that produce them (as llama-index-core keeps
`vector_stores/types.py`), so the record store, the passage search and the
library import them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentInfo:
    """One ingested disclosure, as listed to users.

    :ivar doc_id: e.g. "luohu-social-insurance-2022-budget".
    :ivar kind: "budget" or "final".
    The fields after `kind` default to empty, for a document known only by its identity (tests, listings).
    :ivar sha256: hash of the ingested file's bytes.
    :ivar ingested_at: ISO time (UTC) of the ingest that made this version live.
    :ivar level: "部门", "单位" or "" (not printed); see `ingest.model.Document`.
    :ivar region: e.g. "上海市普陀区"; "" when not printed.
    :ivar chunks: passages in the passage index.
    :ivar failed_checks: arithmetic checks of the document that did not hold.
    """

    doc_id: str
    title: str
    department: str
    year: int
    kind: str
    unit: str = ""
    source_name: str = ""
    sha256: str = ""
    ingested_at: str = ""
    sections: int = 0
    tables: int = 0
    records: int = 0
    chunks: int = 0
    failed_checks: int = 0
    level: str = ""
    region: str = ""


@dataclass(frozen=True)
class Scope:
    """Which documents a lookup covers: all, some doc_ids, a department and/or a year."""

    doc_ids: tuple[str, ...] = ()
    department: str = ""
    year: int = 0


@dataclass(frozen=True)
class Hit:
    """One retrieved passage, with what a citation needs.

    :ivar section_path: e.g. ("第二部分 部门预算收支总体情况",); () for table passages.
    :ivar ref: "第二部分" or "表8".
    :ivar kind: "paragraph", "sentence" or "table".
    :ivar line: 1-based line in the document's normalised text (0 if unknown).
    :ivar score: fused score, higher is better (only comparable within one search).
    """

    doc_id: str
    text: str
    section_path: tuple[str, ...]
    ref: str
    kind: str
    table_no: int
    line: int
    score: float
