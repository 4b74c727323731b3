"""A conversation with the assistant: question → Answer, keeping state for follow-ups.

This module is the routing policy only: which answerer a question goes to
and in what order. The answerers are `RecordsAnswerer` (figures from the
records in memory, without the embedder), `PassagesAnswerer` (the
document's sentences; the passage search only when no paragraph in memory
fits well), `ComparisonAnswerer` (a figure across documents) and
`DocumentClarifier` (which document?). `ask` never raises on odd questions:
anything unexpected becomes a not_found answer and is logged.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace

from assistant.answer import Answer, Citation, Status
from assistant.asked_documents import asked_documents, department_mentions
from assistant.comparison_answerer import Comparison, ComparisonAnswerer
from assistant.compose import note_unsupported_claims
from assistant.config import Config
from assistant.coverage import FIGURE_OPERATIONS, covers, passage_states_no_figure, quoted_titles, unnamed_kind
from assistant.dialogue import DialogueState, advance, part_of_the_row, resolve
from assistant.document_choice import MAX_LISTED_CHOICES, display_name, named_departments
from assistant.document_clarifier import DocumentClarifier
from assistant.llm import rephrase
from assistant.loaded_corpus import LoadedCorpus, load_corpus, store_generation
from assistant.passages_answerer import PassagesAnswerer
from assistant.question_words import first_word, normalise, question_words
from assistant.record_index import RecordIndex
from assistant.records_answerer import RecordsAnswerer
from assistant.refusals import empty_question, not_found, refusal, unhandled
from assistant.understand import Intent, understand
from index.errors import EmbedderMismatch, MissingExtra, StoreUnavailable, UnknownDocument
from index.types import DocumentInfo
from ingest.normalise import to_simplified
from ingest.sections import opening_words, preamble_title, untitled_parts

log = logging.getLogger("budgetqa.assistant")
PASSAGE_INDEX_ERRORS = (StoreUnavailable, EmbedderMismatch, MissingExtra)


class Conversation:
    """One user's conversation over a Library (optionally fixed to one document)."""

    def __init__(self, library, config: Config, doc: str | None = None,
                 corpus: LoadedCorpus | None = None) -> None:
        """Read the library's list of documents, unless `corpus` (already read) is given; records,
        paragraphs and tables are read as questions need them."""
        self.library = library
        self.config = config
        self.fixed_docs: tuple[str, ...] = self._resolve_doc(doc) if doc else ()
        self.state = DialogueState()
        self._use(corpus or self._loaded())

    def fresh(self, doc: str | None = None) -> Conversation:
        """A new conversation (empty dialogue state) sharing what this one's library has read."""
        return Conversation(self.library, self.config, doc, corpus=self.corpus)

    def _loaded(self) -> LoadedCorpus:
        """The library read anew (the passage index and embedding model open at the first search)."""
        return load_corpus(self.library)

    def _use(self, corpus: LoadedCorpus) -> None:
        self.corpus = corpus
        self.index: RecordIndex | None = None  # the records of the question's scope, set per question
        self.passages = PassagesAnswerer(self.library.search, corpus.paragraphs)
        self.clarifier = DocumentClarifier(corpus.documents)

    def _scoped(self, doc_ids: tuple[str, ...]) -> None:
        """Answer from the records of `doc_ids` until the next question (with none: `index_for`'s whole
        library, or none of a large one)."""
        index = self.corpus.index_for(doc_ids)
        if index is not self.index:
            self.index = index
            self.records = RecordsAnswerer(index, self.corpus.tables)
            self.comparisons = ComparisonAnswerer(index)

    def _some_index(self) -> RecordIndex:
        """The records in use, or those of the fixed or first document (an example question needs one)."""
        if self.index is None:
            self._scoped(self.fixed_docs or self.corpus.doc_ids[:1])
        return self.index

    def _scope(self, question: str) -> tuple[str, ...]:
        """The documents whose records a question may need: the fixed document; else the departments
        it names, or the one the conversation is on, with their other years (follow-ups and comparisons
        read those); else () (see `LoadedCorpus.index_for`)."""
        if self.fixed_docs:
            return self.fixed_docs
        text = normalise(question)
        documents = self.corpus.documents
        named = set(asked_documents(text, documents).doc_ids)
        named |= {doc for _, docs in named_departments(text, documents) for doc in docs}
        if named and len(named) < len(documents):
            return self.corpus.family(named)
        if self.state.pending and len(self.state.choices) <= MAX_LISTED_CHOICES:
            return self.corpus.family(self.state.choices)  # the reply to "which one?" picks among those
        if self.state.doc_ids:
            return self.corpus.family(self.state.doc_ids)
        return ()

    def move_to(self, library) -> None:  # noqa: ANN001 - an index.library.Library
        """Answer from `library` from now on (the web app reopened its stores); the records are
        read again at the next question if the documents changed meanwhile."""
        self.library = library
        self.corpus.read_from(library.store)
        self.passages = PassagesAnswerer(library.search, self.corpus.paragraphs)

    def _resolve_doc(self, doc: str) -> tuple[str, ...]:
        doc_id = self.library.resolve(doc)
        if doc_id is None:
            raise UnknownDocument(f"没有找到文档“{doc}”。请用 budgetqa ingest 导入它，"
                                  "或使用已导入文档的 doc_id 或文件名。")
        return (doc_id,)

    def ask(self, question: str) -> Answer:
        """Answer one turn; follow-ups use what earlier turns established."""
        started = time.perf_counter()
        try:
            if store_generation(self.library) != self.corpus.generation:
                self._use(self._loaded())
            answer = self._answer(question)
        except PASSAGE_INDEX_ERRORS:
            raise  # the passage index opens at the first search: the user must act on why it cannot
        except Exception as error:  # noqa: BLE001 - an odd question must never crash a chat
            log.exception("could not answer %r", question)
            answer = replace(unhandled(self._some_index()), internal_error=f"{type(error).__name__}: {error}")
        return replace(answer, latency_ms=(time.perf_counter() - started) * 1000)

    def _answer(self, question: str) -> Answer:
        if not question or not question.strip():
            return empty_question(self._some_index())
        question = to_simplified(question)  # "單位有幾輛公務車？" asks what "单位有几辆公务车？" asks
        self._scoped(self._scope(question))
        intent = understand(question, self.index, self.fixed_docs, self._says)
        picked = self.clarifier.picked_by_reply(intent, self.state)
        if picked:
            if len(picked) > 1:  # "罗湖分局" when two of its years were listed: ask again, among those
                return self._ask_which(picked, self.state.pending)
            question = self.state.pending
            self._scoped(self.corpus.family(picked))
            intent = understand(question, self.index, picked, self._says)
        groups = named_departments(intent.question, self._candidates())
        compared = self._compared(intent, groups)
        if isinstance(compared, Answer):
            return compared
        intent = resolve(compared, self.state, self.fixed_docs or tuple(d.doc_id for d in self.index.documents))
        intent = part_of_the_row(intent, self.state, self.index)
        followed = self._follow_up(intent, groups)
        if isinstance(followed, Answer):
            return followed
        return self._answer_resolved(followed, question)

    def _compared(self, intent: Intent, groups: list[tuple[str, tuple[str, ...]]]) -> Intent | Answer:
        """Named departments (or years of one) compared; else the intent, narrowed to those named."""
        if groups and not intent.refusal.startswith("other_"):
            compared = self._settle(self.comparisons.of_departments(intent, groups))
            if compared is not None:
                return compared
            named = {doc for _, docs in groups for doc in docs}
            narrowed = tuple(d for d in intent.doc_ids if d in named)
            return replace(intent, doc_ids=narrowed or intent.doc_ids,
                           refusal="" if intent.refusal == "no_domain" and narrowed else intent.refusal)
        if self.comparisons.asks_years_of_one_department(intent):
            compared = self._settle(self.comparisons.of_departments(intent, [("", intent.doc_ids)]))
            if compared is not None:
                return compared
        return intent

    def _follow_up(self, intent: Intent, groups: list) -> Intent | Answer:
        """Follow-ups stay on the document the conversation settled on (or move to its other years)."""
        if len(self.state.doc_ids) != 1 or groups or department_mentions(intent.question) or self.fixed_docs:
            return intent
        followed = self.comparisons.follow_up(intent, self.state.doc_ids[0], self.state.operation)
        return self._settle(followed) if isinstance(followed, Comparison) else followed

    def _settle(self, comparison: Comparison | None) -> Answer | None:
        """The comparison's answer, the dialogue moved on to what it compared."""
        if comparison is None:
            return None
        if comparison.settled is not None:
            self.state = advance(self.state, comparison.settled, answered=True)
        return comparison.answer

    def _answer_resolved(self, intent: Intent, question: str) -> Answer:
        if intent.refusal == "no_domain" and len(intent.doc_ids) == 1 and self.passages.says(intent, question):
            intent = replace(intent, refusal="")  # no budget word, but the document says it ("办园理念是什么？")
        if intent.refusal:
            self.state = advance(self.state, intent, answered=False)
            return refusal(intent.refusal, intent.refusal_detail, self._scoped_documents(intent))
        if not intent.doc_ids:
            return not_found("", self.index.documents)
        if len(intent.doc_ids) > 1:
            return self._ask_which(intent.doc_ids, question)
        answer = note_unsupported_claims(self._answer_intent(intent, question), intent.question, intent.asserted)
        self.state = advance(self.state, intent, answered=answer.status == Status.ANSWERED)
        if answer.status == Status.ANSWERED and self.config.llm_url:
            answer = rephrase(answer, question, self.config, intent.asserted)
        if answer.status == Status.ANSWERED:
            answer = replace(answer, citations=tuple(
                _under_title(_titled_preamble(c, self.index, self.corpus.paragraphs), self.index)
                for c in answer.citations))
        if answer.status == Status.ANSWERED and len({d.department for d in self.index.documents}) > 1:
            document = self.index.document(intent.doc_ids[0])  # several departments: say whose figure it is
            answer = replace(answer, text=f"{display_name(document, self.index.documents)}：{answer.text}")
        return answer

    def _says(self, doc_id: str, words: str) -> bool:
        """Whether a paragraph of the document prints `words`."""
        return any(words in text for text, _, _ in self.corpus.paragraphs.get(doc_id, []))

    def _ask_which(self, doc_ids: tuple[str, ...], question: str) -> Answer:
        answer, self.state = self.clarifier.ask_which(doc_ids, question, self.state)
        return answer

    def _candidates(self) -> tuple[DocumentInfo, ...]:
        return tuple(d for d in self.index.documents if not self.fixed_docs or d.doc_id in self.fixed_docs)

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
            figure = self.records.figure(intent)
            if figure is not None and covers(intent, figure, self.index):
                return figure
            missing = self.records.period_missing(intent, self._scoped_documents(intent))
            if missing is not None:
                return missing
        passage = self.passages.answer(intent, question)
        if passage is not None and not passage_states_no_figure(intent, passage) and not (
                intent.operation in FIGURE_OPERATIONS and not covers(intent, passage, self.index)) \
                and not unnamed_kind(intent.question, passage):
            return passage
        # a figure is no reason: "为什么…增加" with no sentence saying why is not answered with the change
        if intent.operation in ("list", "count_items", "narrative") and intent.mentions and intent.narrative != "reason":
            looked_up = self.records.figure_looked_up(intent)
            if looked_up is not None and covers(intent, looked_up, self.index) \
                    and not unnamed_kind(intent.question, looked_up) and not _each_asked_of_one(intent, looked_up):
                return looked_up
        # a name quoted as a title ("《经开区新闻》") is what was not found, not a word of it
        titled = [f"《{title}》" for title in quoted_titles(intent.question)]
        subject = "、".join(titled) or "".join(m.text for m in intent.mentions)
        return not_found(subject, self._scoped_documents(intent))

    def _answer_first(self, intent: Intent, question: str) -> Answer | None:
        """What is answered before the records: rows of a table counted ("几个三级指标"), whether
        something exists ("有没有…"), a numbered list in the text ("主要工作目标有几条？")."""
        counted = self.records.rows_counted(intent)
        if counted is not None:
            return counted
        whose = first_word(question, question_words()["refusal"]["whose"])
        if len(intent.doc_ids) == 1 and not intent.mentions and whose:
            return _whose(self.index.document(intent.doc_ids[0]), self._scoped_documents(intent))
        if intent.existence:
            passage = self.passages.answer(intent, question)
            if passage is not None:
                return passage
        if intent.operation == "count_items" and not any(m.how == "label" for m in intent.mentions):
            passage = self.passages.answer(intent, question)
            if passage is not None and passage.text.startswith("共"):
                return passage
        return None


def _each_asked_of_one(intent: Intent, answer: Answer) -> bool:
    """"哪些项目，每个项目各花多少钱": several things and each one's figure asked, one figure found (their
    total, fI1 of the fifth fresh batch): that is not what was asked."""
    return (intent.operation == "list" and len(answer.facts) <= 1
            and bool(first_word(intent.question, question_words()["operations"]["each"]
                                + question_words()["operations"]["each_item"])))


def ask_turns(config: Config, turns: list[str], doc: str | None = None) -> list[Answer]:
    """Open the library of `config.home` and answer `turns` as one conversation."""
    from index.library import open_library

    conversation = Conversation(open_library(config), config, doc=doc)
    return [conversation.ask(turn) for turn in turns]


def _whose(document, documents) -> Answer:  # noqa: ANN001 - a DocumentInfo
    """"这是哪个单位的预算？": the department the document prints, cited by its title; or that it prints none."""
    kind = "决算" if document.kind == "final" else "预算"
    if not document.department:
        return Answer(Status.NOT_FOUND, f"这份公开文件（{document.title}）没有写明是哪个单位的{kind}，"
                      "文件中找不到单位名称。可以问其中的收入、支出、“三公”经费、项目支出等。")
    citation = Citation(doc=document.doc_id, kind="section", ref=preamble_title(), title=document.title,
                        quote=document.title)
    year = f"{document.year}年" if document.year else ""
    return Answer(Status.ANSWERED, f"这是{document.department}的{year}部门{kind}（{document.title}）。",
                  citations=(citation,))


# A table title that is only a form number or a table number: "财决公开01表", "公开01表", "表1".
_NUMBER_ONLY_TITLE = re.compile(r"[财决公开部门表\d\-\s]*")


def _under_title(citation: Citation, index) -> Citation:  # noqa: ANN001 - a RecordIndex
    """A section is pointed to by its heading within the page's printed title ("XX区人民法院2017年度…决算情况
    说明 › 三、2017年公务接待费决算", fN3 of the seventh fresh batch), a table printed without a title of its
    own (only "财决公开01表", fF3 of the third, an OCR'd attachment) by that title alone. A document in parts
    ("第五部分 …") is pointed to by its part, as its own contents list does."""
    document = index.document(citation.doc)
    if document is None or not document.title or document.title in citation.title:
        return citation
    if citation.kind == "table" and _NUMBER_ONLY_TITLE.fullmatch(citation.title or ""):
        return replace(citation, title=" › ".join(p for p in (document.title, citation.title or citation.ref) if p))
    if citation.kind == "section" and citation.title and not _PART.match(citation.title):
        return replace(citation, title=f"{document.title} › {citation.title}")
    return citation


_PART = re.compile(r"第[一二三四五六七八九十]{1,3}部分")


def _titled_preamble(citation: Citation, index, paragraphs) -> Citation:  # noqa: ANN001 - a RecordIndex
    """Text under no heading (before the first, or after a contents list the body does not repeat) sits
    under the document's printed title: cite it by that title and the opening words of the sentence
    quoted ("前言 › XX局2020年度决算 › 2020年本年收入合计"), as a person points to a paragraph that has no
    heading, not by the bare word for such text; numbered items under an opening sentence there too.
    A sentence inside a paragraph is pointed to by the paragraph's opening words as well ("根据国务院…工作
    安排 › 分项情况是:因公出国(境)经费", fA2 of the fresh batch)."""
    document = index.document(citation.doc)
    part, *under = citation.title.split(" › ")
    if part not in untitled_parts() or document is None or not document.title:
        return citation
    where = " › ".join((part, document.title, *under))
    first = citation.quote.split("…")[0]
    paragraph = next((text for text, _, _ in paragraphs.get(citation.doc, ()) if first and first in text), "")
    for opening in dict.fromkeys((opening_words(paragraph), opening_words(citation.quote))):
        if opening and opening not in where:
            where = f"{where} › {opening}"
    return replace(citation, title=where)


