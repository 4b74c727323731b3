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
import re
import time
from dataclasses import replace

from assistant.answer import Answer, Status
from assistant.asked_documents import department_mentions
from assistant.compose import compose_computation, note_unsupported_claims
from assistant.config import Config
from assistant.dialogue import DialogueState, advance, resolve
from assistant.document_choice import choose, display_name, named_departments, ordered
from assistant.document_compare import asks_comparison, compare_documents
from assistant.passage_answer import (CONFIDENT, CandidateParagraph, answer_from_passages, best_sentence,
                                      document_paragraphs, passages_from_hits)
from assistant.record_answer import answer_from_records
from assistant.record_index import RecordIndex
from assistant.refusals import clarify, not_found, period_not_found, refusal
from assistant.table_rows import count_rows, row_count_answer
from assistant.understand import Intent, understand
from index.types import DocumentInfo

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
        views = list(documents)
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
        from index.types import Scope

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
        intent = understand(question, self.index, self.fixed_docs)
        picked = self._picked_by_reply(intent)
        if picked:
            if len(picked) > 1:  # "罗湖分局" when two of its years were listed: ask again, among those
                return self._clarify(picked, self.state.pending)
            question = self.state.pending
            intent = understand(question, self.index, picked)
        groups = named_departments(intent.question, self._candidates())
        if groups and not intent.refusal.startswith("other_"):
            compared = self._compare(intent, groups)
            if compared is not None:
                return compared
            named = {doc for _, docs in groups for doc in docs}
            narrowed = tuple(d for d in intent.doc_ids if d in named)
            intent = replace(intent, doc_ids=narrowed or intent.doc_ids,
                             refusal="" if intent.refusal == "no_domain" and narrowed else intent.refusal)
        elif self._same_department_years(intent):
            compared = self._compare(intent, [("", intent.doc_ids)])
            if compared is not None:
                return compared
        intent = resolve(intent, self.state, self.fixed_docs or tuple(d.doc_id for d in self.index.documents))
        intent = self._stay_on_settled(intent, groups)
        if isinstance(intent, Answer):
            return intent
        return self._answer_resolved(intent, question)

    def _answer_resolved(self, intent: Intent, question: str) -> Answer:
        if intent.refusal:
            self.state = advance(self.state, intent, answered=False)
            return refusal(intent.refusal, intent.refusal_detail, self._scoped_documents(intent))
        if not intent.doc_ids:
            return not_found("", self.index.documents)
        if len(intent.doc_ids) > 1:
            return self._clarify(intent.doc_ids, question)
        answer = note_unsupported_claims(self._answer_intent(intent, question), intent.question, intent.asserted)
        self.state = advance(self.state, intent, answered=answer.status == Status.ANSWERED)
        if answer.status == Status.ANSWERED and self.config.llm_url:
            from assistant.llm import rephrase

            answer = rephrase(answer, question, self.config, intent.asserted)
        if answer.status == Status.ANSWERED and len({d.department for d in self.index.documents}) > 1:
            document = self.index.document(intent.doc_ids[0])  # several departments: say whose figure it is
            answer = replace(answer, text=f"{display_name(document, self.index.documents)}：{answer.text}")
        return answer

    def _candidates(self) -> tuple[DocumentInfo, ...]:
        return tuple(d for d in self.index.documents if not self.fixed_docs or d.doc_id in self.fixed_docs)

    def _clarify(self, doc_ids: tuple[str, ...], question: str) -> Answer:
        """Ask which document; remember the question and the listed order for the reply."""
        choices = ordered(tuple(d for d in self.index.documents if d.doc_id in doc_ids))
        self.state = replace(self.state, pending=question, choices=tuple(d.doc_id for d in choices))
        return clarify(choices, self.index.documents)

    def _picked_by_reply(self, intent: Intent) -> tuple[str, ...]:
        """The documents a short reply to a clarify picks ("罗湖的", "第一个", "2022年那份"); () if not one."""
        if not self.state.pending or not self.state.choices or intent.names_subject:
            return ()
        if intent.refusal not in ("", "no_domain"):
            return ()
        choices = tuple(d for d in ordered(self.index.documents) if d.doc_id in self.state.choices)
        choices = tuple(sorted(choices, key=lambda d: self.state.choices.index(d.doc_id)))
        return choose(intent.question, choices, self.index.documents)

    def _same_department_years(self, intent: Intent) -> bool:
        """"罗湖分局两年的三公经费对比": several years of one department, compared."""
        docs = [d for d in self.index.documents if d.doc_id in intent.doc_ids]
        return (len(docs) >= 2 and len({d.department for d in docs}) == 1 and not intent.refusal
                and any(w in intent.question for w in ("两年", "对比", "比较", "分别", "各年")))

    def _compare(self, intent: Intent, groups: list[tuple[str, tuple[str, ...]]]) -> Answer | None:
        """The same figure from each named department (or each year of one), with the difference."""
        if not asks_comparison(intent.question) and len(groups) < 2:
            return None
        if intent.operation == "narrative" and intent.narrative not in ("", "scope"):
            return None
        docs = {d.doc_id: d for d in self.index.documents}
        picked: list[str] = []
        for _, group in groups:
            in_scope = [docs[d] for d in group if d in intent.doc_ids] or [docs[d] for d in group]
            if len(groups) == 1:
                picked.extend(d.doc_id for d in sorted(in_scope, key=lambda d: -d.year))
                continue
            years = {d.year for d in in_scope}
            shared = set.intersection(*({docs[d].year for d in g} for _, g in groups)) & years
            year = max(shared or years)
            picked.append(next(d.doc_id for d in in_scope if d.year == year))
        if len(picked) < 2:
            return None
        answer = compare_documents(intent, tuple(picked), self.index, self.index.documents)
        if answer is not None:
            self.state = advance(self.state, replace(intent, doc_ids=tuple(picked), refusal=""), answered=True)
        return answer

    def _stay_on_settled(self, intent: Intent, groups: list) -> Intent | Answer:
        """Follow-ups stay on the document the conversation settled on; "那2021年呢？" moves to the same
        department's 2021 document when it is ingested, "比去年增加了多少？" compares with last year's."""
        if len(self.state.doc_ids) != 1 or groups or department_mentions(intent.question) or self.fixed_docs:
            return intent
        settled = self.index.document(self.state.doc_ids[0])
        if settled is None or intent.refusal not in ("", "other_year"):
            return intent
        family = [d for d in self.index.documents if d.department == settled.department]
        years = [int(y) for y in re.findall(r"(20\d\d)", intent.question)]
        if years:
            same = [d for d in family if d.year == years[0]]
            if same and not intent.mentions and not intent.names_subject and self.state.operation != "narrative":
                return compare_documents(intent, (same[0].doc_id,), self.index, self.index.documents) or intent
            if same:
                return replace(intent, doc_ids=(same[0].doc_id,), period="", refusal="", refusal_detail="")
            if intent.refusal:
                return intent
            return replace(intent, doc_ids=(settled.doc_id,),
                           period=str(years[0]) if years[0] != settled.year else "")
        if intent.operation == "change" and re.search(r"去年|上年|上一年", intent.question):
            previous = [d for d in family if d.year == settled.year - 1]
            if previous and not intent.refusal:
                compared = compare_documents(intent, (settled.doc_id, previous[0].doc_id), self.index,
                                             self.index.documents)
                if compared is not None:
                    self.state = advance(self.state, replace(intent, doc_ids=(settled.doc_id,)), answered=True)
                    return compared
        if set(intent.doc_ids) != {settled.doc_id} and not years:
            return replace(intent, doc_ids=(settled.doc_id,))
        return intent

    def _scoped_documents(self, intent: Intent) -> tuple[DocumentInfo, ...]:
        docs = tuple(d for d in self.index.documents if d.doc_id in intent.doc_ids)
        return docs or self.index.documents

    def _answer_intent(self, intent: Intent, question: str) -> Answer:
        """Records for figures, the document's sentences for the rest; a yes/no question
        ("有没有…") is answered by the sentence that says so, when there is one."""
        first = self._answer_first(intent, question)
        if first is not None:
            return first
        if intent.operation != "narrative":
            computation = answer_from_records(intent, self.index)
            if computation is not None:
                return compose_computation(computation, self.index, intent.asserted)
            if intent.mentions and (intent.period or intent.operation in ("change", "growth_rate")):
                return period_not_found(intent, self._scoped_documents(intent))
        passage = self._from_passages(intent, question)
        if passage is not None:
            return passage
        if intent.operation in ("list", "count_items", "narrative") and intent.mentions:
            computation = answer_from_records(replace(intent, operation="lookup"), self.index)
            if computation is not None:
                return compose_computation(computation, self.index, intent.asserted)
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
        local = [CandidateParagraph(doc_id, text, ref, tuple(path), 0)
                 for doc_id in intent.doc_ids for text, path, ref in self.paragraphs.get(doc_id, [])]
        best = best_sentence(query, intent.narrative, local, terms)
        if best is not None and best[0] >= CONFIDENT:
            return answer_from_passages(query, intent.narrative, local, terms, intent.operation)
        from index.types import Scope

        hits = self.library.search.search(query, Scope(doc_ids=intent.doc_ids), k=PASSAGE_HITS)
        found = passages_from_hits(hits, self.paragraphs)
        return answer_from_passages(query, intent.narrative, found + local, terms, intent.operation)


def ask_turns(config: Config, turns: list[str], doc: str | None = None) -> list[Answer]:
    """Open the library of `config.home` and answer `turns` as one conversation."""
    from index.library import open_library

    conversation = Conversation(open_library(config), config, doc=doc)
    return [conversation.ask(turn) for turn in turns]
