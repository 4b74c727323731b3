"""A conversation with the assistant: question → Answer, keeping state for follow-ups.

Records and paragraphs are loaded once per Conversation (and reloaded when
the library's documents change); numeric questions are answered from the
records in memory, without the embedder. Narrative questions are scored
against the paragraphs in memory first and go to `library.search` (vector +
BM25) only when no paragraph fits well. `ask` never raises on odd questions:
anything unexpected becomes a not_found answer and is logged.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from assistant.answer import Answer, Status
from assistant.compose import compose_finding, note_unsupported_claims
from assistant.config import Config
from assistant.dialogue import DialogueState, advance, resolve
from assistant.passage_answer import (CONFIDENT, Passage, answer_from_passages, best_sentence,
                                      document_paragraphs, passages_from_hits)
from assistant.record_answer import answer_from_records
from assistant.record_index import DocumentView, RecordIndex
from assistant.table_rows import count_rows, row_count_answer
from assistant.refusals import clarify, not_found, period_not_found, refusal
from assistant.understand import Intent, understand

log = logging.getLogger("budgetqa.assistant")
PASSAGE_HITS = 8


class Conversation:
    """One user's conversation over a Library (optionally fixed to one document)."""

    def __init__(self, library, config: Config, doc: str | None = None) -> None:
        self.library = library
        self.config = config
        self.fixed_docs: tuple[str, ...] = self._resolve_doc(doc) if doc else ()
        self.state = DialogueState()
        self._generation = None
        self._load()

    def _load(self) -> None:
        """Read every record and paragraph once; cheap to redo when the library changed."""
        documents = self.library.documents()
        views = [DocumentView(d.doc_id, d.title, d.department, d.year, d.kind, d.source_name)
                 for d in documents]
        self.index = RecordIndex.build(self.library.store.records(), views)
        self.paragraphs: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
        self.tables: dict[str, tuple] = {}
        for view in views:
            document = self.library.store.document(view.doc_id)
            self.paragraphs[view.doc_id] = document_paragraphs(document)
            self.tables[view.doc_id] = tuple(document.tables)
        self._generation = self._current_generation()
        if views:
            self._warm_up(views[0].doc_id)

    def _warm_up(self, doc_id: str) -> None:
        """Run one passage search now, so the embedding model is loaded before the first narrative."""
        from index.library import Scope

        self.library.search.search("预算", Scope(doc_ids=(doc_id,)), k=1)

    def fresh(self, doc: str | None = None) -> Conversation:
        """A new conversation (empty dialogue state) sharing this one's loaded records and paragraphs."""
        other = object.__new__(Conversation)
        other.__dict__.update(self.__dict__)
        other.state = DialogueState()
        other.fixed_docs = self._resolve_doc(doc) if doc else ()
        return other

    def _resolve_doc(self, doc: str) -> tuple[str, ...]:
        doc_id = self.library.resolve(doc)
        if doc_id is None:
            from index.errors import UnknownDocument

            raise UnknownDocument(f"没有找到文档“{doc}”。请用 budgetqa ingest 导入它，"
                                  "或使用已导入文档的 doc_id 或文件名。")
        return (doc_id,)

    def _current_generation(self):
        generation = getattr(self.library.store, "generation", None)
        return generation() if callable(generation) else None

    def ask(self, question: str) -> Answer:
        """Answer one turn; follow-ups use what earlier turns established."""
        started = time.perf_counter()
        try:
            if self._current_generation() != self._generation:
                self._load()
            answer = self._answer(question)
        except Exception:  # noqa: BLE001 - an odd question must never crash a chat
            log.exception("could not answer %r", question)
            answer = Answer(Status.NOT_FOUND, "抱歉，这个问题没能处理。请换一种问法，例如“公车有几辆？”。")
        return replace(answer, latency_ms=(time.perf_counter() - started) * 1000)

    def _answer(self, question: str) -> Answer:
        if not question or not question.strip():
            return Answer(Status.NOT_FOUND, "请输入问题，例如“2022年“三公”经费预算是多少？”。")
        all_docs = tuple(d.doc_id for d in self.index.documents)
        intent = understand(question, self.index, self.fixed_docs)
        if self.state.pending and len(intent.doc_ids) == 1 and not intent.mentions:
            # The reply to "which document?": ask the pending question of the chosen one.
            question = self.state.pending
            intent = understand(question, self.index, intent.doc_ids)
        intent = resolve(intent, self.state, self.fixed_docs or all_docs)
        if intent.refusal:
            self.state = advance(self.state, intent, answered=False)
            return refusal(intent.refusal, intent.refusal_detail, self._scoped_documents(intent))
        if not intent.doc_ids:
            return not_found("", self.index.documents)
        if len(intent.doc_ids) > 1:
            self.state = replace(self.state, pending=question)
            return clarify(tuple(d for d in self.index.documents if d.doc_id in intent.doc_ids))
        answer = note_unsupported_claims(self._answer_intent(intent, question), intent.question, intent.asserted)
        self.state = advance(self.state, intent, answered=answer.status == Status.ANSWERED)
        if answer.status == Status.ANSWERED and self.config.llm_url:
            from assistant.llm import rephrase

            answer = rephrase(answer, question, self.config, intent.asserted)
        return answer

    def _scoped_documents(self, intent: Intent) -> tuple[DocumentView, ...]:
        docs = tuple(d for d in self.index.documents if d.doc_id in intent.doc_ids)
        return docs or self.index.documents

    def _answer_intent(self, intent: Intent, question: str) -> Answer:
        """Records for figures, the document's sentences for the rest; a yes/no question
        ("有没有…") is answered by the sentence that says so, when there is one."""
        first = self._answer_first(intent, question)
        if first is not None:
            return first
        if intent.operation != "narrative":
            finding = answer_from_records(intent, self.index)
            if finding is not None:
                return compose_finding(finding, self.index, intent.asserted)
            if intent.mentions and (intent.period or intent.operation in ("change", "growth_rate")):
                return period_not_found(intent, self._scoped_documents(intent))
        passage = self._from_passages(intent, question)
        if passage is not None:
            return passage
        if intent.operation in ("list", "count_items", "narrative") and intent.mentions:
            finding = answer_from_records(replace(intent, operation="lookup"), self.index)
            if finding is not None:
                return compose_finding(finding, self.index, intent.asserted)
        subject = "".join(m.text for m in intent.mentions)
        return not_found(subject, self._scoped_documents(intent))

    def _answer_first(self, intent: Intent, question: str) -> Answer | None:
        """What is answered before the records: rows of a table counted ("几个三级指标"), whether
        something exists ("有没有…"), a numbered list in the text ("主要工作目标有几条？")."""
        if self._counts_items(intent):
            counted = count_rows(intent.question, {d: self.tables.get(d, ()) for d in intent.doc_ids})
            if counted is not None:
                return row_count_answer(counted)
        if intent.existence:
            passage = self._from_passages(intent, question)
            if passage is not None:
                return passage
        if intent.operation == "count_items" and not any(m.how == "label" for m in intent.mentions):
            passage = self._from_passages(intent, question)
            if passage is not None and passage.text.startswith("共"):
                return passage
        return None

    @staticmethod
    def _counts_items(intent: Intent) -> bool:
        """A question asking how many things (not how much money): "几个", "多少项"."""
        return intent.operation == "count_items" or (intent.counter == "个" and not intent.wants_money)

    def _from_passages(self, intent: Intent, question: str) -> Answer | None:
        """The document's own sentences: first from the paragraphs in memory, then from the passage search."""
        query = question
        if intent.mentions and not any(m.text in intent.question for m in intent.mentions):
            query = "".join(m.text for m in intent.mentions) + question  # a follow-up: "为什么？"
        terms = tuple(m.text for m in intent.mentions)
        local = [Passage(doc_id, text, ref, tuple(path), 0)
                 for doc_id in intent.doc_ids for text, path, ref in self.paragraphs.get(doc_id, [])]
        best = best_sentence(query, intent.narrative, local, terms)
        if best is not None and best[0] >= CONFIDENT:
            return answer_from_passages(query, intent.narrative, local, terms, intent.operation)
        from index.library import Scope

        hits = self.library.search.search(query, Scope(doc_ids=intent.doc_ids), k=PASSAGE_HITS)
        found = passages_from_hits(hits, self.paragraphs)
        return answer_from_passages(query, intent.narrative, found + local, terms, intent.operation)


def ask_turns(config: Config, turns: list[str], doc: str | None = None) -> list[Answer]:
    """Open the library of `config.home` and answer `turns` as one conversation."""
    from index.library import open_library

    conversation = Conversation(open_library(config), config, doc=doc)
    return [conversation.ask(turn) for turn in turns]
