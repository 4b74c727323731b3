"""Answers from the document's own sentences: the paragraphs in memory first, the passage search
(vector + BM25) only when none of them fits well."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Answer
from assistant.passage_answer import (CONFIDENT, CandidateParagraph, Paragraph, answer_from_passages,
                                      best_sentence, passages_from_hits)
from assistant.question_words import question_words
from assistant.understand import Intent
from index.types import Scope

PASSAGE_HITS = 8
# A blank template's placeholder figure ("XXX万元", "XX%", "××人"): template text, never an answer.
# Seen in the national 决算 template (tests/fixtures/real_pdf/附件2…) and in disclosures that left
# template sentences unfilled.
_PLACEHOLDER_FIGURE = re.compile(r"(?:[XＸ×x]{2,}|…{1,2})\s*(?:万元|亿元|元|%|％|个|人|辆|次|项)")


@dataclass(frozen=True)
class PassagesAnswerer:
    """The extractive answerer over one library's paragraphs and its passage search."""

    search: object  # index.search.PassageSearch (or a stand-in with the same `search` method)
    paragraphs: dict[str, list[Paragraph]]

    def warm_up(self, doc_id: str) -> None:
        """Run one passage search now, so the embedding model is loaded before the first narrative."""
        self.search.search("预算", Scope(doc_ids=(doc_id,)), k=1)

    def answer(self, intent: Intent, question: str) -> Answer | None:
        """The document's own sentences: first from the paragraphs in memory, then from the passage search."""
        query, terms, local = self._local(intent, question)
        best = best_sentence(query, intent.narrative, local, terms)
        if best is not None and best[0] >= CONFIDENT:
            return answer_from_passages(query, intent.narrative, local, terms, intent.operation)
        hits = self.search.search(query, Scope(doc_ids=intent.doc_ids), k=PASSAGE_HITS)
        found = [p for p in passages_from_hits(hits, self.paragraphs) if not _PLACEHOLDER_FIGURE.search(p.text)]
        return answer_from_passages(query, intent.narrative, found + local, terms, intent.operation)

    def says(self, intent: Intent, question: str) -> bool:
        """Whether a sentence of the document's own paragraphs holds the question's words well enough
        to answer without the passage search (`CONFIDENT`): then a question with no budget word
        ("办园理念是什么？") is about the document after all."""
        query, terms, local = self._local(intent, question)
        if intent.narrative == "duty" and any(
                cue in head for p in local for head in p.section_path
                for cue in question_words()["narrative_sections"]["duty"]):
            return True  # "这个局主要是管什么的": its duties are printed under their own heading (fM1)
        best = best_sentence(query, intent.narrative, local, terms)
        return best is not None and best[0] >= CONFIDENT

    def _local(self, intent: Intent, question: str) -> tuple[str, tuple[str, ...], list[CandidateParagraph]]:
        """The question as searched (a follow-up "为什么？" with the subject before it), the names it
        mentions, and the paragraphs in memory of its documents (template placeholders left out)."""
        query = question
        if intent.mentions and not any(m.text in intent.question for m in intent.mentions):
            query = "".join(m.text for m in intent.mentions) + question  # a follow-up: "为什么？"
        terms = tuple(m.text for m in intent.mentions)
        local = [CandidateParagraph(doc_id, text, ref, tuple(path), 0)
                 for doc_id in intent.doc_ids for text, path, ref in self.paragraphs.get(doc_id, [])
                 if not _PLACEHOLDER_FIGURE.search(text)]
        return query, terms, local
