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

import re
from dataclasses import dataclass
from typing import Literal

from assistant.linking import Mention, said_in_order
from assistant.number_text import label_states_count
from assistant.question_words import first_word, normalise, question_words
from assistant.record_index import RecordIndex, is_department_row, kind_of, record_name, stage, stages_said
from ingest.model import Record
from ingest.units import MONEY_UNITS

_AMOUNT_MEASURES = ("amount", "count", "")
POINTS_UNIT = "分"  # the unit ingest gives 权重, 分值 and 得分 figures
_MAX_ALIAS_RANK = 4
_MAX_COLUMN_RANK = 8
_MAX_OWNER_RANK = 4

# Which figure a question wants of a label: the amount itself, its stated change, or its change rate.
Measure = Literal["amount", "change", "change_rate"]


@dataclass(frozen=True)
class ChoiceWeights:
    """The points a candidate record scores for each way it fits the question (higher is better)."""

    label_match: float = 10.0  # the question prints the label (or an alias) itself
    link_match: float = 9.0  # a curated phrase names the label in other words: nearly as sure
    loose_match: float = 6.0  # a synonym or a piece of a label: the weakest evidence
    alias_rank: float = 1.5  # each later alias of the mention is a less likely reading
    short_alias: float = 1.5  # a label said without its suffix ("办公" for 办公费) is a weaker match
    exact_name: float = 2.0  # the record's own name is exactly what was said
    unsaid_char: float = 0.8  # each character of the label the question does not say ("新增…")
    max_unsaid: float = 4.0  # ...but a long label is not ruled out by its length alone
    longer_label: float = 3.0  # a longer label the question says all of is the more specific match
    max_longer_label: float = 6.0  # ...however much longer it is
    named_table: float = 8.0  # the question names the table ("表6") the record is in
    other_table: float = 2.0  # ...and the record is in another one
    asked_counter: float = 6.0  # the count unit asked (几辆 → 辆)
    flow_unasked: float = 4.0  # ...but counting purchases or disposals when what is held is asked (outweighs
    # a shorter label's better alias rank: 公务用车购置数 vs 局机关公务用车保有量)
    money_for_count: float = 4.0  # money when a count was asked
    other_count: float = 1.0  # another count unit than the one asked
    money: float = 2.0  # budget questions are mostly about money
    rate_for_rate: float = 2.0  # a percentage when a rate is asked
    percent_unasked: float = 3.0  # a percentage nobody asked for (a target's own unit is asked with it)
    points_unasked: float = 3.0  # points (权重, 得分: 分) nobody asked for: a weighting beside the figure
    count_for_money: float = 1.0  # a count when the question speaks of money
    asked_measure: float = 5.0  # the stated change (or rate) when one is asked
    other_measure: float = 3.0  # ...and anything else then
    amount: float = 3.0  # an amount (or count, or target) when no change is asked
    change_unasked: float = 6.0  # a change nobody asked for
    asked_period: float = 5.0  # the year asked for
    other_period: float = 6.0  # another year than the one asked for
    no_period: float = 2.0  # a figure of no stated year when a year is asked
    earlier_money: float = 5.0  # another year's money figure when none is asked (a table of two years)
    own_year: float = 1.0  # the document's own year when none is asked
    owner: float = 1.5  # the table owning the concept (`[ownership]`): breaks ties between tables
    owner_rank: float = 0.25  # ...less for each later owner
    named_column: float = 3.0  # the question names one of the record's columns (plus 1 per column)
    text_figure: float = 0.5  # a figure stated in the text, where no column applies
    first_column: float = 2.0  # a table's first (total) column unless the question names another
    column_rank: float = 0.5  # ...less for each later column
    named_parent: float = 1.0  # each parent row the question names
    target: float = 1.0  # a performance target is a goal, not a budget figure (unless a target is asked)
    own_heading: float = 2.0  # a sentence under the figure's own heading ("2.项目支出"), not a passing mention
    said_stage: float = 3.0  # the record is the 预算 (or 决算) figure the question says
    other_stage: float = 3.0  # ...or the other one ("完成预算27万元" vs "支出决算为17.06万元")
    budget_in_final: float = 3.0  # a budget a 决算 mentions, when no stage is asked: it reports what was spent,
    # so its budgets are the other stage (as much as when the question names it)


WEIGHTS = ChoiceWeights()
# A heading's numbering ("2.", "（三）", "一、"): "2.项目支出" is the heading of 项目支出.
_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）.、．]?")


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
    """The kinds of table owning what `text` names, most owning first (`[ownership]`)."""
    owners: list[str] = []
    for word, refs in question_words()["ownership"].items():
        if word in text:
            owners.extend(r for r in refs if r not in owners)
    return owners


def _score(record: Record, rank: int, mention: Mention, intent, index: RecordIndex,
           measure: Measure, owners: list[str]) -> float:
    w = WEIGHTS
    score = _match_fit(record, rank, mention, intent, index)
    if intent.tables:
        score += w.named_table if record.table_no in intent.tables and record.source == "table" else -w.other_table
    score += _unit_fit(record, intent, measure)
    score += _measure_fit(record, measure)
    score += _period_fit(record, intent.period, index)
    kind = kind_of(record)
    if kind in owners:
        score += w.owner - w.owner_rank * min(owners.index(kind), _MAX_OWNER_RANK)
    score += _column_fit(record, intent.question, index) + _table_weight(record)
    score += sum(w.named_parent for parent in record.row_path[:-1]
                 if len(parent) >= 2 and normalise(parent) in intent.question)
    if record.qualifier and not _asks_target(intent.question):
        score -= w.target
    if record.source == "text" and record.section_path and _NUMBERING.sub("", normalise(
            record.section_path[-1])) == normalise(record_name(record)):
        score += w.own_heading
    return score + _stage_fit(record, intent.question, index)


def _stage_fit(record: Record, question: str, index: RecordIndex) -> float:
    """The 预算 or 决算 figure the question asks, when it says only one of them; when it says neither,
    a 决算's own figures before the budgets it mentions ("三公经费部门预算451.62万元" beside 394.85 spent)."""
    asked = stages_said(question)
    own = stage(record.label) or stage(" ".join(record.column_path))
    document = index.document(record.doc_id)
    final = document is not None and document.kind == "final"
    if not asked:
        return -WEIGHTS.budget_in_final if final and own == "预算" else 0.0
    if len(asked) != 1:
        return 0.0
    if not own and final and record.measure == "amount":
        # a 决算's figures are what was spent unless named otherwise: "“三公”经费支出为163.58万元" beside
        # "“三公”经费预算为168.53万元" (fC2 of the second fresh batch) answers "实际花了多少"
        own = "决算"
    if not own:
        return 0.0
    return WEIGHTS.said_stage if own in asked else -WEIGHTS.other_stage


def _match_fit(record: Record, rank: int, mention: Mention, intent, index: RecordIndex) -> float:
    """How well the mention names the record's label."""
    w = WEIGHTS
    score = {"label": w.label_match, "link": w.link_match}.get(mention.how, w.loose_match)
    score -= w.alias_rank * min(rank, _MAX_ALIAS_RANK)
    if mention.how == "label" and mention.text in index.short:
        score -= w.short_alias
    name = normalise(record_name(record))
    if name == mention.text:
        score += w.exact_name
    missing = sum(1 for ch in set(name) if ch not in intent.question)
    if mention.how != "link":  # a curated phrase names its label in other words
        score -= min(w.unsaid_char * missing, w.max_unsaid)
    if len(name) > len(mention.text) and mention.how == "label" and said_in_order(name, intent.question):
        # A longer label the question says all of ("调整…项目支出" → 调整项目支出): its alias rank is no penalty.
        score += w.alias_rank * min(rank, _MAX_ALIAS_RANK)
        score += min(w.longer_label + len(name) - len(mention.text), w.max_longer_label)
    return score


def _unit_fit(record: Record, intent, measure: Measure) -> float:
    w = WEIGHTS
    if measure == "change_rate":
        return w.rate_for_rate if record.unit == "%" else 0.0
    if record.unit == POINTS_UNIT and not first_word(intent.question, _performance_words("points")):
        return -w.points_unasked
    if intent.counter == "%" and intent.operation == "lookup":  # "完成年初预算的百分之多少": a rate printed
        return w.asked_counter if record.unit == "%" else -w.money_for_count
    if intent.counter and intent.counter != "%":
        if record.unit == intent.counter or (intent.counter == "个" and record.unit not in MONEY_UNITS) \
                or label_states_count(record.label, record.value, intent.counter):
            return w.asked_counter - (w.flow_unasked if _flow_unasked(record, intent.question) else 0.0)
        return -w.money_for_count if record.unit in MONEY_UNITS else -w.other_count
    if record.unit in MONEY_UNITS:
        return w.money
    if record.unit == "%":
        asked = record.measure == "target" and _asks_target(intent.question)
        return 0.0 if asked else -w.percent_unasked
    return -w.count_for_money if intent.wants_money else 0.0


def _performance_words(kind: str) -> list[str]:
    return question_words()["performance_figures"][kind]


def _asks_target(question: str) -> bool:
    """The question asks for a target ("满意度目标定的是多少", "要达到多少")."""
    return bool(first_word(question, _performance_words("targets")))


def _flow_unasked(record: Record, question: str) -> bool:
    """A count of what was bought or disposed of ("公务用车购置数0辆") when the question asks what is
    held ("局里有几辆公车": 公务用车保有量为2辆)."""
    flows = question_words()["flows"]
    return (any(word in record.label for word in flows["label_words"])
            and not any(word in question for word in flows["question_words"]))


def _measure_fit(record: Record, measure: Measure) -> float:
    w = WEIGHTS
    if measure in ("change", "change_rate"):
        return w.asked_measure if record.measure == measure else -w.other_measure
    return w.amount if record.measure in _AMOUNT_MEASURES or record.measure == "target" else -w.change_unasked


def _period_fit(record: Record, period: str, index: RecordIndex) -> float:
    w = WEIGHTS
    if period:
        if record.period == period:
            return w.asked_period
        return -w.other_period if record.period else -w.no_period
    document = index.document(record.doc_id)
    if record.period and document and record.period != str(document.year):
        # Another year's money figure; a stock count "截至2021年10月" still stands.
        return -w.earlier_money if record.unit in MONEY_UNITS else 0.0
    return w.own_year


def _table_weight(record: Record) -> float:
    title = normalise(record.table_title)
    return sum(weight for word, weight in question_words()["table_weights"].items() if word in title)


def _column_fit(record: Record, question: str, index: RecordIndex) -> float:
    w = WEIGHTS
    if record.source != "table":
        return w.text_figure
    own = normalise(record_name(record))
    named = [c for c in record.column_path
             if len(normalise(c)) >= 2 and normalise(c) in question and normalise(c) != own]
    if named:
        return w.named_column + len(named)
    rank = index.column_rank.get((record.doc_id, record.table_no, record.column_path), 0)
    return w.first_column - min(rank, _MAX_COLUMN_RANK) * w.column_rank


def is_total_record(record: Record) -> bool:
    """A department row or a 合计/总计 row: the whole, not a part."""
    name = normalise(record_name(record))
    return is_department_row(record) or bool(first_word(name, ["合计", "总计"]))
