"""What a numeric question computes from records (`Computation`) and the candidate records of
what it names: the best records of each mention, one distinct figure per mention.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.question_words import normalise
from assistant.record_choice import Measure, Scored, rank_records
from assistant.record_index import RecordIndex, record_name
from assistant.understand import Intent
from ingest.model import Record

# Two candidates this close in score are both plausible: answer one, name the other.
ALTERNATIVE_MARGIN = 2.5
# A named figure's candidates tried for parts of their own (any table or section printing it).
PART_CANDIDATES = 8
# The last of several mentions is the head of the phrase ("三公经费中的公务用车…费").
_HEAD_BONUS = 2.0
# One figure whose own label prints every thing the question names outweighs the head's own figure
# and the unsaid characters of its long label (a sentence's "面向中小企业预留政府采购项目预算金额").
_ALL_NAMED_BONUS = 4.0


# What was done with the records: looked up, derived for another year, or computed.
Operation = Literal["lookup", "derived", "estimated", "share", "per_unit", "change", "growth_rate", "difference", "rest", "sum", "max", "min",
                    "list", "count_items", "composite", "composite_change"]


@dataclass(frozen=True)
class Computation:
    """What the records say in answer to a numeric question.

    :ivar operation: the operation performed.
    :ivar subject: what the answer is about, e.g. "物业管理费".
    :ivar records: the records used, in order (numerator first for a share).
    :ivar result: the computed figure (None for a plain lookup or a list).
    :ivar result_unit: its unit ("%", "万元").
    :ivar expression: how it was computed, e.g. "231 ÷ 492 = 47.0%"; "".
    :ivar parts: for lists, largest/smallest and counts: the parts considered.
    :ivar alternatives: other records the question may have meant, named in the answer.
    :ivar corroborating: the same figure printed elsewhere (cited too).
    :ivar period: the year the figure is of ("2021"), "" for the document's year.
    """

    operation: Operation
    subject: str
    records: tuple[Record, ...]
    result: float | None = None
    result_unit: str = ""
    expression: str = ""
    parts: tuple[Record, ...] = ()
    alternatives: tuple[Record, ...] = ()
    corroborating: tuple[Record, ...] = ()
    period: str = ""


def best(intent: Intent, index: RecordIndex, position: int = 0, measure: Measure = "amount") -> list[Scored]:
    """Ranked candidates of the `position`-th mention (others' names add context)."""
    if position >= len(intent.mentions):
        return []
    return rank_records(intent.mentions[position], intent, index, measure)


def named_candidates(intent: Intent, index: RecordIndex, measure: Measure) -> list[Scored]:
    """The candidates of what the question names: of its one mention, or of all its mentions with the
    head (the last: "基本支出里商品和服务支出") first, as a lookup of them would choose."""
    if len(intent.mentions) >= 2:
        return combined(intent, index, measure)
    return best(intent, index, measure=measure)


def combined(intent: Intent, index: RecordIndex, measure: Measure = "amount") -> list[Scored]:
    """All mentions' candidates; a record whose column or parent row is another mention ranks first
    ("社会保险经办机构的项目支出" → 表7 row 社会保险经办机构, column 项目支出)."""
    scored = []
    last = len(intent.mentions) - 1
    for position, mention in enumerate(intent.mentions):
        others = [m.text for i, m in enumerate(intent.mentions) if i != position]
        for candidate in best(intent, index, position, measure):
            # the other mention in the column or a parent row, or printed in the label itself
            # ("面向中小企业预留政府采购项目预算金额" for "给中小企业预留了多少政府采购份额")
            record = candidate.record
            context = normalise("".join(record.column_path + record.row_path[:-1] + (record.label,)))
            bonus = 6.0 if any(text in context for text in others) else 0.0
            if others and all(text in normalise(record.label) for text in others):
                bonus += _ALL_NAMED_BONUS
            if position == last and last > 0:
                bonus += _HEAD_BONUS  # Chinese puts the head last: "三公经费中(的)公务用车…费"
            scored.append(Scored(candidate.record, candidate.score + bonus, candidate.alias_rank))
    return sorted(scored, key=lambda s: -s.score)


def distinct(intent: Intent, index: RecordIndex) -> list[Record]:
    """The best record of each mention, each a different figure (两个提法 must not resolve to one row)."""
    chosen = chosen_by_mention(intent, index)
    return [chosen[i] for i in sorted(chosen)]


def chosen_by_mention(intent: Intent, index: RecordIndex) -> dict[int, Record]:
    """The best record of each mention (by its position), none chosen twice under one name."""
    chosen: dict[int, Record] = {}
    # Mentions printing a label exactly choose first:
    # "编制比实有在编人数多几个" keeps 实有在编人数 for the second mention.
    order = sorted(range(len(intent.mentions)), key=lambda i: intent.mentions[i].how != "label")
    for position in order:
        for scored in best(intent, index, position):
            name = normalise(record_name(scored.record))
            if not any(name == normalise(record_name(u)) for u in chosen.values()):
                chosen[position] = scored.record
                break
    return chosen
