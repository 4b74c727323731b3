"""Errors of the index stage a user can act on. Messages are Simplified Chinese."""

from ingest.errors import BudgetQAError


class StoreUnavailable(BudgetQAError):
    """The Chroma server cannot be reached (the message names its URL)."""


class CorruptStore(BudgetQAError):
    """The SQLite store file is not a database (the message names the file and the fix)."""


class StoreFull(BudgetQAError):
    """The disk holding the store is full; the write was rolled back."""


class MissingExtra(BudgetQAError):
    """An optional backend is configured but its extra is not installed."""


class EmbedderMismatch(BudgetQAError):
    """The passage index was built with another embedding model than the one configured."""


class UnknownDocument(BudgetQAError):
    """No ingested document has this doc_id or file name."""


class NoDocuments(BudgetQAError):
    """The home holds no ingested disclosure to answer from."""
