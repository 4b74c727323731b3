"""Errors of the index stage a user can act on. Messages are Simplified Chinese."""

import errno

from ingest.errors import BudgetQAError

# How a full disk shows when it is not an OSError: SQLite's SQLITE_FULL, as Python's sqlite3 and
# Chroma's own SQLite (its errors carry only text) word it, and the C library's ENOSPC text.
DISK_FULL_WORDS = ("disk is full", "No space left on device")


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


def is_disk_full(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from, says the disk is full."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            return True
        if any(words in str(error) for words in DISK_FULL_WORDS):
            return True
        error = error.__cause__ or error.__context__
    return False


def disk_full_message(path) -> str:
    """The one Chinese message for a write that found the disk full (SQLite store or Chroma index)."""
    return (f"磁盘空间不足，无法写入 {path}；本次写入已撤销，已导入的文档未受影响。"
            "请腾出磁盘空间后重试。")
