"""Asking which document a question is about when several could be meant, and reading the reply
("罗湖的", "第一个", "2022年那份")."""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answer import Answer
from assistant.dialogue import DialogueState
from assistant.document_choice import choose, ordered
from assistant.refusals import clarify
from assistant.understand import Intent
from index.types import DocumentInfo


@dataclass(frozen=True)
class DocumentClarifier:
    """Clarifies among the documents of one library."""

    documents: tuple[DocumentInfo, ...]

    def ask_which(self, doc_ids: tuple[str, ...], question: str,
                  state: DialogueState) -> tuple[Answer, DialogueState]:
        """Ask which document; the state remembers the question and the listed order for the reply."""
        choices = ordered(tuple(d for d in self.documents if d.doc_id in doc_ids))
        state = replace(state, pending=question, choices=tuple(d.doc_id for d in choices))
        return clarify(choices, self.documents), state

    def picked_by_reply(self, intent: Intent, state: DialogueState) -> tuple[str, ...]:
        """The documents a short reply to a clarify picks ("罗湖的", "第一个", "2022年那份"); () if not one."""
        if not state.pending or not state.choices or intent.names_subject:
            return ()
        if intent.refusal not in ("", "no_domain"):
            return ()
        choices = tuple(d for d in ordered(self.documents) if d.doc_id in state.choices)
        choices = tuple(sorted(choices, key=lambda d: state.choices.index(d.doc_id)))
        return choose(intent.question, choices, self.documents)
