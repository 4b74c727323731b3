"""Choosing the record a mention means, among all records that carry its label.

The same label is printed in several tables (住房公积金 in 表1, 表4, 表6, 表7)
and a table prints it in many columns. The score prefers: the most specific
label match; the unit the question asks for (几辆 → 辆, 钱 → 万元); the
measure asked (增加多少 → a change); the period asked; the table that owns
the concept (`[ownership]` in question_words.toml); the table's first
(total) column unless the question names a column; rows whose parents the
question names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.linking import Mention, said_in_order
from assistant.number_text import MONEY_UNITS
from assistant.question_words import first_word, normalise, question_words
from assistant.record_index import RecordIndex, is_department_row, record_name
from ingest.model import Record

_BASE_SCORE = {"label": 10.0, "link": 9.0}
_AMOUNT_MEASURES = ("amount", "count", "")


# Which figure a question wants of a label: the amount itself, its stated change, or its change rate.
Measure = Literal["amount", "change", "change_rate"]


@dataclass(frozen=True)
class Scored:
    """A candidate record with its score (higher is better) and the alias rank it came through."""

    record: Record
    score: float
    alias_rank: int


def candidates(mention: Mention, index: RecordIndex, doc_ids: tuple[str, ...]) -> list[tuple[Record, int]]:
    """Records whose label is one of the mention's aliases, with the alias's rank."""
    seen: set[int] = set()
    found: list[tuple[Record, int]] = []
    for rank, alias in enumerate(mention.aliases):
        for record in index.in_docs(index.by_alias.get(alias, []), doc_ids):
            if id(record) not in seen:
                seen.add(id(record))
                found.append((record, rank))
    return found


def rank_records(mention: Mention, intent, index: RecordIndex, measure: Measure = "amount") -> list[Scored]:
    """The mention's candidate records, best first, for a question wanting `measure`."""
    owners = _owners(intent.question + mention.text)
    scored = [
        Scored(record, _score(record, rank, mention, intent, index, measure, owners), rank)
        for record, rank in candidates(mention, index, intent.doc_ids)
    ]
    return sorted(scored, key=lambda s: -s.score)


def _owners(text: str) -> list[str]:
    owners: list[str] = []
    for word, refs in question_words()["ownership"].items():
        if word in text:
            owners.extend(r for r in refs if r not in owners)
    return owners


def _score(record: Record, rank: int, mention: Mention, intent, index: RecordIndex,
           measure: Measure, owners: list[str]) -> float:
    score = _BASE_SCORE.get(mention.how, 6.0)
    score -= 1.5 * min(rank, 4)
    if mention.how == "label" and mention.text in index.short:
        score -= 1.5  # a label said without its suffix ("办公" for 办公费) is a weaker match
    name = normalise(record_name(record))
    if name == mention.text:
        score += 2
    missing = sum(1 for ch in set(name) if ch not in intent.question)
    if mention.how != "link":  # a curated phrase names its label in other words
        score -= min(0.8 * missing, 4.0)  # words of the label the question does not say ("新增…")
    if len(name) > len(mention.text) and mention.how == "label" and said_in_order(name, intent.question):
        # A longer label the question says all of is the more specific match ("调整…项目支出" → 调整项目支出).
        score += 1.5 * min(rank, 4) + min(3 + len(name) - len(mention.text), 6)
    if intent.tables:
        score += 8 if record.table_no in intent.tables and record.source == "table" else -2
    score += _unit_fit(record, intent, measure)
    score += _measure_fit(record, measure)
    score += _period_fit(record, intent.period, index)
    if record.ref in owners:
        score += 1.5 - 0.25 * min(owners.index(record.ref), 4)  # breaks ties between tables
    score += _column_fit(record, intent.question, index) + _table_weight(record)
    score += sum(1.0 for parent in record.row_path[:-1]
                 if len(parent) >= 2 and normalise(parent) in intent.question)
    if record.qualifier:
        score -= 1  # a performance target is a goal, not a budget figure
    return score


def _unit_fit(record: Record, intent, measure: Measure) -> float:
    if measure == "change_rate":
        return 2.0 if record.unit == "%" else 0.0
    if intent.counter and intent.counter != "%":
        if record.unit == intent.counter or (intent.counter == "个" and record.unit not in MONEY_UNITS):
            return 6.0
        return -4.0 if record.unit in MONEY_UNITS else -1.0
    if record.unit in MONEY_UNITS:
        return 2.0
    if record.unit == "%":
        return -3.0
    return -1.0 if intent.wants_money else 0.0


def _measure_fit(record: Record, measure: Measure) -> float:
    if measure in ("change", "change_rate"):
        return 5.0 if record.measure == measure else -3.0
    return 3.0 if record.measure in _AMOUNT_MEASURES or record.measure == "target" else -6.0


def _period_fit(record: Record, period: str, index: RecordIndex) -> float:
    if period:
        if record.period == period:
            return 5.0
        return -6.0 if record.period else -2.0
    document = index.document(record.doc_id)
    if record.period and document and record.period != str(document.year):
        # Another year's money figure (表8's 2021年 row); a stock count "截至2021年10月" still stands.
        return -5.0 if record.unit in MONEY_UNITS else 0.0
    return 1.0


def _table_weight(record: Record) -> float:
    title = normalise(record.table_title)
    return sum(w for word, w in question_words()["table_weights"].items() if word in title)


def _column_fit(record: Record, question: str, index: RecordIndex) -> float:
    if record.source != "table":
        return 0.5
    own = normalise(record_name(record))
    named = [c for c in record.column_path
             if len(normalise(c)) >= 2 and normalise(c) in question and normalise(c) != own]
    if named:
        return 3.0 + len(named)
    rank = index.column_rank.get((record.doc_id, record.table_no, record.column_path), 0)
    return 2.0 - min(rank, 8) * 0.5


def is_total_record(record: Record) -> bool:
    """A department row or a 合计/总计 row: the whole, not a part."""
    name = normalise(record_name(record))
    return is_department_row(record) or bool(first_word(name, ["合计", "总计"]))
