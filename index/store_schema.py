"""The SQLite schema of the record store (one table per part of a Document)."""

# Record fields stored as columns for queries, in Record's field order; tuples are JSON
# lists. Each row also keeps the whole record as JSON (`data`), which is what is read back.
RECORD_COLUMNS = (
    "doc_id", "department", "year", "source", "value", "unit", "label", "table_no", "table_title",
    "section_path", "row_path", "row_code", "column_path", "period", "measure", "base_period",
    "qualifier", "quote", "line",
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT NOT NULL, version INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('staging', 'embedded', 'live', 'retired')),
    title TEXT, department TEXT, year INTEGER, kind TEXT, unit TEXT, source_name TEXT,
    sha256 TEXT, ingested_at TEXT, chunks INTEGER, embedder TEXT, warnings TEXT, text TEXT,
    parser TEXT,
    level TEXT, region TEXT,
    PRIMARY KEY (doc_id, version));
CREATE UNIQUE INDEX IF NOT EXISTS one_live_version ON documents(doc_id) WHERE state = 'live';
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT, version INTEGER, ord INTEGER, path TEXT, title TEXT, level INTEGER, data TEXT,
    PRIMARY KEY (doc_id, version, ord));
CREATE TABLE IF NOT EXISTS tables (
    doc_id TEXT, version INTEGER, ord INTEGER, number INTEGER, title TEXT, data TEXT,
    PRIMARY KEY (doc_id, version, ord));
CREATE TABLE IF NOT EXISTS records (
    version INTEGER, ord INTEGER,
    doc_id TEXT, department TEXT, year INTEGER, source TEXT, value REAL, unit TEXT, label TEXT,
    table_no INTEGER, table_title TEXT, section_path TEXT, row_path TEXT, row_code TEXT,
    column_path TEXT, period TEXT, measure TEXT, base_period TEXT, qualifier TEXT, quote TEXT,
    line INTEGER, data TEXT, PRIMARY KEY (doc_id, version, ord));
CREATE INDEX IF NOT EXISTS records_label ON records(label);
CREATE TABLE IF NOT EXISTS checks (
    doc_id TEXT, version INTEGER, ord INTEGER, name TEXT, ok INTEGER, message TEXT,
    table_no INTEGER, data TEXT, PRIMARY KEY (doc_id, version, ord));
CREATE TABLE IF NOT EXISTS passages (
    doc_id TEXT, version INTEGER, ord INTEGER, chroma_id TEXT, text TEXT, kind TEXT,
    section_path TEXT, ref TEXT, table_no INTEGER, line INTEGER, context TEXT,
    PRIMARY KEY (doc_id, version, ord));
"""

# Columns added after the first release, with their type: a home written by an older
# release gets them on open (ALTER TABLE ADD COLUMN keeps its data).
ADDED_COLUMNS = {
    "documents": (("parser", "TEXT"), ("level", "TEXT"), ("region", "TEXT"),
                  # what the list of documents shows, counted at ingest (a list of a thousand
                  # documents is not four counts over their parts each); NULL in older homes
                  ("n_sections", "INTEGER"), ("n_tables", "INTEGER"), ("n_records", "INTEGER"),
                  ("n_failed", "INTEGER")),
}
