"""The one Library the web app serves, shared by every browser session, the desk and the API.

Questions and desk changes take turns (one lock) because the stores are
shared by all threads of the server. After the desk adds or removes a
document the library is reopened, so every search sees the change.
"""

from __future__ import annotations

import logging
import threading

from assistant.answer import Answer
from assistant.config import Config
from assistant.conversation import Conversation
from index.library import Library, open_library
from index.types import DocumentInfo
from ingest.errors import BudgetQAError
from ingest.model import AuditReport, Document

KIND_LABELS = {"budget": "预算", "final": "决算"}
MAX_QUESTION_CHARS = 500  # longest question the chat, the API and batches accept
INTERNAL_ERROR = "内部错误：操作没有完成，详细信息已记录在服务器日志中。请稍后再试。"
log = logging.getLogger("budgetqa.ui")


def user_message(error: Exception) -> str:
    """What a user is told about an error: our own Chinese message, else a generic one (logged)."""
    if isinstance(error, BudgetQAError):
        return str(error)
    log.error("unexpected error in the web app", exc_info=error)
    return INTERNAL_ERROR


def document_label(info: DocumentInfo) -> str:
    """How a document is named in pickers: "深圳市社会保险基金管理局罗湖分局 2022年 预算"."""
    who = info.department or info.title or info.source_name or info.doc_id
    year = f" {info.year}年" if info.year else ""
    return f"{who}{year} {KIND_LABELS.get(info.kind, info.kind)}".strip()


class SharedLibrary:
    """The served Library plus a lock and a cache of full documents for citations."""

    def __init__(self, config: Config, ensure_sample: bool = True) -> None:
        # The web app alone shows the built-in sample when nothing else was ingested.
        self.config = config
        self.lock = threading.RLock()
        self.generation = 0  # bumped on every reload; sessions start a new conversation then
        self._library: Library = open_library(config, ensure_sample=ensure_sample)
        self._documents: dict[str, Document] = {}
        # Loading records and paragraphs takes most of a second; every session and API call
        # starts from this one loaded conversation instead (Conversation.fresh shares them).
        self._loaded: Conversation | None = None

    def documents(self) -> list[DocumentInfo]:
        """Every loaded disclosure, as the index lists them."""
        with self.lock:
            return list(self._library.documents())

    def resolve(self, doc: str) -> str | None:
        """doc_id of a doc_id or ingested file name; None when unknown."""
        with self.lock:
            return self._library.resolve(doc)

    def document(self, doc_id: str) -> Document | None:
        """The full parsed document (tables, sections) for citations and the table browser."""
        with self.lock:
            if doc_id not in self._documents:
                try:
                    self._documents[doc_id] = self._library.store.document(doc_id)
                except (BudgetQAError, KeyError, LookupError):
                    return None
            return self._documents[doc_id]

    def audit(self, doc_id: str) -> AuditReport:
        """The audit of an ingested document (`doc_id` or its file name). Raises UnknownDocument."""
        with self.lock:
            return self._library.audit(self._library.resolve(doc_id) or doc_id)

    def conversation(self, doc_id: str | None = None) -> Conversation:
        """A new conversation (one per browser session or API call), optionally about one document."""
        with self.lock:
            if self._loaded is None:
                self._loaded = Conversation(self._library, self.config)
            return self._loaded.fresh(doc_id)

    def ask(self, conversation: Conversation, question: str) -> Answer:
        """Ask within a conversation, one question at a time across the server."""
        with self.lock:
            return conversation.ask(question)

    def reload(self) -> None:
        """Reopen the stores after documents were added or removed."""
        with self.lock:
            self._library = open_library(self.config, ensure_sample=False)
            self._documents.clear()
            self._loaded = None
            self.generation += 1
