"""Parts of a whole answered from records: the list of a figure's parts, the largest or smallest
of them, how many there are, and each of several named figures.
"""

from __future__ import annotations

from assistant.computation import (ALTERNATIVE_MARGIN, PART_CANDIDATES, Computation, best, distinct)
from assistant.question_words import normalise, question_words
from assistant.record_choice import Scored, is_total_record
from assistant.record_index import RecordIndex, record_name
from assistant.record_parts import concept_parts, group_parts, parts_of, same_figure
from assistant.understand import Intent
from ingest.model import Record
from ingest.units import MONEY_UNITS

def each_figure(intent: Intent, index: RecordIndex) -> Computation | None:
    """"在职和退休的各有多少人": the figure of each thing named, in one unit, when the question asks each."""
    if len(intent.mentions) < 2 or not any(w in intent.question for w in question_words()["operations"]["each"]):
        return None
    if any(m.how == "partial" for m in intent.mentions):
        return None  # a piece of a longer label may name only part of what was asked ("年初预算、全年预算")
    used = distinct(intent, index)
    if len(used) < len(intent.mentions) or len({r.unit for r in used}) > 1:
        return None
    return Computation("list", "", (), parts=tuple(used))


def _parts_for(intent: Intent, index: RecordIndex) -> tuple[Record | None, list[Record], str]:
    """The whole the question names and its parts: a `[parts]` concept's rows; else the first of the
    named figure's best candidates (any table or section printing it) that has parts; else a group
    of rows the question names (表11's "数量指标")."""
    ranked = best(intent, index)
    word, stated_whole, parts = concept_parts(intent.question, intent.doc_ids, index)
    if stated_whole is not None:
        return stated_whole, parts, record_name(stated_whole)
    if parts:
        whole = ranked[0].record if ranked else None
        if whole is not None and not _adds_up(whole, parts) and (named := _named_parts(intent, index, ranked)):
            return named  # "住房方面的钱分别花在了哪几项上": the named figure's own parts, not all spending's
        related = whole is not None and (normalise(word) in normalise(record_name(whole))
                                         or normalise(record_name(whole)) in normalise(word)
                                         or _adds_up(whole, parts))
        return (whole if related else None), parts, word
    if named := _named_parts(intent, index, ranked):
        return named
    group, parts = group_parts(intent.question, intent.doc_ids, index)
    return None, parts, group


def _named_parts(intent: Intent, index: RecordIndex, ranked: list[Scored]
                 ) -> tuple[Record, list[Record], str] | None:
    """The first of the named figure's best candidates that has parts, with them."""
    for scored in ranked[:PART_CANDIDATES]:
        if scored.score < ranked[0].score - ALTERNATIVE_MARGIN:
            break
        parts = parts_of(intent.question, scored.record, intent.doc_ids, index, concepts=False)
        if parts:
            return scored.record, parts, record_name(scored.record)
    return None


# Rounding a document's own sums may leave (in 元 or 万元 to two decimals).
_SUM_TOLERANCE = 0.5


def _adds_up(whole: Record, parts: list[Record]) -> bool:
    """The parts add up to the whole (the document's own arithmetic says it is their whole)."""
    return all(p.unit == whole.unit for p in parts) and abs(sum(p.value for p in parts) - whole.value) < _SUM_TOLERANCE


def extreme(intent: Intent, index: RecordIndex) -> Computation | None:
    whole, parts, subject = _parts_for(intent, index)
    parts = [p for p in parts if p.unit in MONEY_UNITS or not intent.wants_money]
    if not parts:
        return None
    pick = max if intent.operation == "max" else min
    chosen = pick(parts, key=lambda r: r.value)
    return Computation(intent.operation, subject, (chosen,), parts=tuple(parts))


def list_parts(intent: Intent, index: RecordIndex) -> Computation | None:
    if each := each_figure(intent, index):
        return each
    whole, parts, subject = _parts_for(intent, index)
    if not parts:
        return None  # the parts are only named in the text: the passage answers
    used = (whole,) if whole is not None and not is_total_record(whole) else ()
    return Computation("list", record_name(whole) if whole is not None else subject, used, parts=tuple(parts))


def count_items(intent: Intent, index: RecordIndex) -> Computation | None:
    ranked = best(intent, index)
    counted = [s for s in ranked
               if s.record.unit not in MONEY_UNITS and s.record.measure in ("count", "amount")]
    if counted and counted[0].score >= 12:
        record = counted[0].record
        return Computation("lookup", record_name(record), (record,), corroborating=same_figure(record, index))
    whole, parts, subject = _parts_for(intent, index)
    if not parts:
        return None
    return Computation("count_items", subject, (), result=float(len(parts)), result_unit="个", parts=tuple(parts))
