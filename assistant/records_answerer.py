"""Answers from the records in memory: a figure looked up or computed, the rows of a table counted,
and the "not printed for that year" answer when a figure of another year cannot be found."""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answer import Answer
from assistant.compose import compose_computation
from assistant.record_answer import answer_from_records
from assistant.record_index import RecordIndex
from assistant.refusals import period_not_found
from assistant.table_rows import count_rows, row_count_answer
from assistant.understand import Intent
from ingest.model import Table


@dataclass(frozen=True)
class RecordsAnswerer:
    """The numeric answerer over one library's records and tables."""

    index: RecordIndex
    tables: dict[str, tuple[Table, ...]]

    def figure(self, intent: Intent) -> Answer | None:
        """The figure the intent asks for, composed with its sources; None when no record answers."""
        computation = answer_from_records(intent, self.index)
        if computation is None:
            return None
        return compose_computation(computation, self.index, intent.asserted)

    def figure_looked_up(self, intent: Intent) -> Answer | None:
        """The named figure itself, whatever the question asked of it (when nothing else answered)."""
        return self.figure(replace(intent, operation="lookup"))

    def rows_counted(self, intent: Intent) -> Answer | None:
        """Rows of a table counted ("几个三级指标"), for a question asking how many things."""
        if not counts_items(intent):
            return None
        counted = count_rows(intent.question, {d: self.tables.get(d, ()) for d in intent.doc_ids})
        return row_count_answer(counted) if counted is not None else None

    def period_missing(self, intent: Intent, documents) -> Answer | None:
        """The answer for a figure asked of another year (or its change) that the records do not hold."""
        if intent.mentions and (intent.period or intent.operation in ("change", "growth_rate")):
            return period_not_found(intent, documents)
        return None


def counts_items(intent: Intent) -> bool:
    """A question asking how many things (not how much money): "几个", "多少项"."""
    return intent.operation == "count_items" or (intent.counter == "个" and not intent.wants_money)
