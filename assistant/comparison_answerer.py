"""Answers that compare documents: the same figure of each named department ("福田比罗湖多多少？"),
of each year of one department ("两年的三公经费对比"), and follow-ups that move to another year of
the department the conversation settled on ("那2021年呢？", "比去年增加了多少？")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answer import Answer
from assistant.document_compare import asks_comparison, compare_documents
from assistant.record_index import RecordIndex
from assistant.understand import Intent

_COMPARING_WORDS = ("两年", "对比", "比较", "分别", "各年")
_LAST_YEAR = re.compile(r"去年|上年|上一年")


@dataclass(frozen=True)
class Comparison:
    """A comparing answer, and the intent the dialogue moves on with (None: it stays as it was)."""

    answer: Answer
    settled: Intent | None = None


@dataclass(frozen=True)
class ComparisonAnswerer:
    """Compares figures across the documents of one library."""

    index: RecordIndex

    def of_departments(self, intent: Intent, groups: list[tuple[str, tuple[str, ...]]]) -> Comparison | None:
        """The same figure from each named department (or each year of one), with the difference."""
        if not asks_comparison(intent.question) and len(groups) < 2:
            return None
        if intent.operation == "narrative" and intent.narrative not in ("", "scope"):
            return None
        picked = self._picked(intent, groups)
        if len(picked) < 2:
            return None
        answer = compare_documents(intent, picked, self.index, self.index.documents)
        if answer is None:
            return None
        return Comparison(answer, replace(intent, doc_ids=picked, refusal=""))

    def _picked(self, intent: Intent, groups: list[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
        """One document per named department (the latest year they share); every year of a single one."""
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
        return tuple(picked)

    def asks_years_of_one_department(self, intent: Intent) -> bool:
        """"罗湖分局两年的三公经费对比": several years of one department, compared."""
        docs = [d for d in self.index.documents if d.doc_id in intent.doc_ids]
        return (len(docs) >= 2 and len({d.department for d in docs}) == 1 and not intent.refusal
                and any(w in intent.question for w in _COMPARING_WORDS))

    def follow_up(self, intent: Intent, settled_doc_id: str, last_operation: str) -> Intent | Comparison:
        """A follow-up stays on the settled document; a year it names moves to that year's document of
        the same department (answered by comparison when it names no figure); "比去年增加了多少？"
        compares with last year's document. Returns the intent to answer, or the comparison."""
        settled = self.index.document(settled_doc_id)
        if settled is None or intent.refusal not in ("", "other_year"):
            return intent
        family = [d for d in self.index.documents if d.department == settled.department]
        years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", intent.question)]
        if years:
            same = [d for d in family if d.year == years[0]]
            if same and not intent.mentions and not intent.names_subject and last_operation != "narrative":
                answer = compare_documents(intent, (same[0].doc_id,), self.index, self.index.documents)
                return Comparison(answer) if answer is not None else intent
            if same:
                return replace(intent, doc_ids=(same[0].doc_id,), period="", refusal="", refusal_detail="")
            if intent.refusal:
                return intent
            return replace(intent, doc_ids=(settled.doc_id,),
                           period=str(years[0]) if years[0] != settled.year else "")
        if intent.operation == "change" and _LAST_YEAR.search(intent.question):
            previous = [d for d in family if d.year == settled.year - 1]
            if previous and not intent.refusal:
                compared = compare_documents(intent, (settled.doc_id, previous[0].doc_id), self.index,
                                             self.index.documents)
                if compared is not None:
                    return Comparison(compared, replace(intent, doc_ids=(settled.doc_id,)))
        if set(intent.doc_ids) != {settled.doc_id}:
            return replace(intent, doc_ids=(settled.doc_id,))
        return intent
