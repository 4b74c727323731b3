"""The one Library the web app serves, shared by every browser session, the desk and the API.

Questions and desk changes take turns (one lock) because the stores are
shared by all threads of the server. After the desk adds or removes a
document the library is reopened, so every search sees the change; so it is
when another process (`budgetqa ingest`) changed the home: the store's
generation counter says so before each question. A question that fails inside
the assistant is tried once more on freshly opened stores, then reported as an
internal error (the API's 5xx), never as an answer.
"""

from __future__ import annotations

import logging
import threading

from assistant.answer import Answer
from assistant.config import Config
from assistant.conversation import Conversation
from index.chroma import forget_open_clients
from index.library import Library, open_library
from index.types import DocumentInfo
from ingest.errors import BudgetQAError
from ingest.model import AuditReport, Document
from ui.caveats import with_caveat

KIND_LABELS = {"budget": "预算", "final": "决算"}
MAX_QUESTION_CHARS = 500  # longest question the chat, the API and batches accept
INTERNAL_ERROR = "内部错误：操作没有完成，详细信息已记录在服务器日志中。请稍后再试。"
log = logging.getLogger("budgetqa.ui")


class InternalAnswerError(Exception):
    """Answering failed inside the assistant (a store or code fault), not because of the question."""


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
        # The sample's passages are embedded in the background: the chat answers from records at once.
        self._library: Library = open_library(config, ensure_sample=ensure_sample, wait_for_vectors=False)
        self._store_generation = self._library.store.generation()
        self._documents: dict[str, Document] = {}
        # Loading records and paragraphs takes most of a second; every session and API call
        # starts from this one loaded conversation instead (Conversation.fresh shares them).
        self._loaded: Conversation | None = None

    def documents(self) -> list[DocumentInfo]:
        """Every loaded disclosure, as the index lists them."""
        with self.lock:
            return list(self._current().documents())

    def resolve(self, doc: str) -> str | None:
        """doc_id of a doc_id or ingested file name; None when unknown."""
        with self.lock:
            return self._current().resolve(doc)

    def document(self, doc_id: str) -> Document | None:
        """The full parsed document (tables, sections) for citations and the table browser."""
        with self.lock:
            library = self._current()
            if doc_id not in self._documents:
                try:
                    self._documents[doc_id] = library.store.document(doc_id)
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
            library = self._current()
            if self._loaded is None:
                self._loaded = Conversation(library, self.config)
            return self._loaded.fresh(doc_id)

    def ask(self, conversation: Conversation, question: str) -> Answer:
        """Ask within a conversation, one question at a time across the server.

        The answer says so when a figure comes from a table that fails its own checks.
        Raises InternalAnswerError when answering fails even on freshly opened stores.
        """
        with self.lock:
            answer = self._ask_once(conversation, question)
            if not answer.internal_error:
                return with_caveat(answer, self.document)
            log.warning("answering %r failed (%s); reopening the stores and trying again",
                        question, answer.internal_error)
            self.reload()
            answer = self._ask_once(conversation, question)
            if answer.internal_error:
                raise InternalAnswerError(f"could not answer {question!r}: {answer.internal_error}")
            return with_caveat(answer, self.document)

    def _ask_once(self, conversation: Conversation, question: str) -> Answer:
        # A conversation begun before a reload moves to the current stores; it reloads its
        # records itself when it sees the store's generation changed.
        current = self._current()
        if conversation.library is not current:
            conversation.move_to(current)
        return conversation.ask(question)

    def _current(self) -> Library:
        """The served library, reopened first when another process changed the live documents."""
        if self._library.store.generation() != self._store_generation:
            log.info("the documents changed outside this server (budgetqa ingest?); reopening the stores")
            self.reload()
        return self._library

    def reload(self) -> None:
        """Reopen the stores after documents were added or removed (here or by another process)."""
        with self.lock:
            forget_open_clients()  # else the embedded Chroma index stays the stale in-memory copy
            old = self._library
            self._library = open_library(self.config, ensure_sample=False)
            # Conversations move to the new library before their next question (_ask_once),
            # so nothing reads the old SQLite connection again.
            old.store.close()
            self._store_generation = self._library.store.generation()
            self._documents.clear()
            self._loaded = None
            self.generation += 1
