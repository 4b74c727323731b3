"""Numeric questions answered from records: lookup, sum, difference, share, growth, largest/smallest,
parts of a whole and how many parts.

Every figure stated comes from a record; computed figures say how they were
computed ("231 ÷ 492 = 47.0%"). Returns a `Computation` for compose, or None
when the records do not answer (the caller then tries passages or refuses).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.asked_documents import department_mentions
from assistant.computation import (ALTERNATIVE_MARGIN, Computation, Operation, best, chosen_by_mention,
                                   combined, distinct, named_candidates)
from assistant.linking import Mention
from assistant.number_text import decimals_of, format_number, format_percent
from assistant.question_words import first_word, normalise, question_words
from assistant.record_choice import Measure, Scored, rank_records
from assistant.record_index import RecordIndex, item_names, label_aliases, record_name, stage, stages_said
from assistant.record_lists import count_items, each_figure, extreme, list_parts
from assistant.record_parts import (asks_total, other_totals, own_year, parent_of, same_figure, sides_said, total_of,
                                    year_totals)
from assistant.understand import Intent, compares_stages
from index.lexical import cut_words
from ingest.model import Record
from ingest.units import MONEY_UNITS

# Two candidates' scores this far apart still leave a colloquial word's other term worth naming.
_SYNONYM_MARGIN = 6.0

__all__ = ["Computation", "Operation", "answer_from_records", "best"]


def answer_from_records(intent: Intent, index: RecordIndex) -> Computation | None:
    """The Computation for a numeric `intent`, or None when no record answers it."""
    operations = {
        "lookup": _lookup, "share": _share, "per_unit": _per_unit, "growth_rate": _growth, "change": _change,
        "difference": _difference, "sum": _sum, "max": extreme, "min": extreme,
        "list": list_parts, "count_items": count_items,
    }
    if intent.excluded and any(w in intent.question for w in question_words()["operations"]["rest"]):
        return _rest(intent, index)  # "除了X，其余加起来多少", "总编制减去A和B，还剩多少"
    operation = operations.get(intent.operation)
    if operation is None:
        return None
    return operation(intent, index)


def _lookup(intent: Intent, index: RecordIndex) -> Computation | None:
    if each := each_figure(intent, index):
        return each
    ranked = combined(intent, index)
    if not ranked:
        return _composite(intent, index) or _headcount(intent, index) or _total_lookup(intent, index)
    top = ranked[0].record
    if derived := _derived_stage(intent, index, top):
        return derived
    if intent.period and top.period != intent.period:
        return _derived_period(intent, index, top) or _derived_from_ranked(intent, index, ranked)
    alternatives = _alternatives(ranked, intent.mentions[0] if len(intent.mentions) == 1 else None)
    return Computation("lookup", record_name(top), (top,), alternatives=alternatives,
                   corroborating=same_figure(top, index), period=top.period if intent.period else "")


def _composite(intent: Intent, index: RecordIndex) -> Computation | None:
    """A whole the templates define as a sum (`[composites]`: 三公经费) that the document does not
    print, from its parts when it prints each of them, in one money unit and the year asked."""
    used = _composite_parts(intent, index, lambda r: r.measure == "amount" and _in_year(r, intent, index))
    if not used or len({r.unit for r in used}) > 1:
        return None
    return _added("composite", intent.mentions[0].text, used)


def _composite_parts(intent: Intent, index: RecordIndex, fits) -> list[Record]:  # noqa: ANN001 - a predicate
    """One money record that `fits` for each part of the `[composites]` whole the one mention names;
    [] when the mention names no such whole or a part has none."""
    if len(intent.mentions) != 1:
        return []
    parts = question_words()["composites"].get(normalise(intent.mentions[0].text), [])
    used: list[Record] = []
    for names in parts:
        found = [r for name in names for r in index.in_docs(index.by_alias.get(normalise(name), []), intent.doc_ids)
                 if r.unit in MONEY_UNITS and fits(r)]
        if not found:
            return []
        used.append(found[0])
    return used


def _in_year(record: Record, intent: Intent, index: RecordIndex) -> bool:
    """The record is of the year asked (the document's own when none is)."""
    return record.period == intent.period if intent.period else own_year(record, index)


def _headcount(intent: Intent, index: RecordIndex) -> Computation | None:
    """A question naming no one but asking how many people ("宣传部现在有几个人？"): the unit's
    headcount, the first of `[people] headcount` the documents print."""
    people = question_words()["people"]
    if not any(w in intent.question for w in people["headcount_questions"]):
        return None
    for label in people["headcount"]:
        found = [r for r in index.in_docs(index.by_alias.get(label, []), intent.doc_ids)
                 if r.unit == "人" and r.measure in ("amount", "count")]
        if found:
            return Computation("lookup", record_name(found[0]), (found[0],))
    return None


def _total_lookup(intent: Intent, index: RecordIndex) -> Computation | None:
    """A question naming no figure but asking how much in all ("今年一共有多少钱？")."""
    totals = question_words()["totals"]
    if not asks_total(intent.question) or _names_something_else(intent, index):
        return None
    sides = [side for side, words in totals["side_words"].items() if any(w in intent.question for w in words)]
    total = total_of(intent.doc_ids, index, sides[0] if len(sides) == 1 else "")  # "一共花了多少钱": 支出
    if total is None:
        return None
    if intent.period and total.period != intent.period:
        # "去年预算多少？": the other year's total follows from this year's and its stated change.
        return _derived_period(intent, index, total)
    return Computation("lookup", record_name(total), (total,), corroborating=other_totals(total, index))


def _names_something_else(intent: Intent, index: RecordIndex) -> bool:
    """The question names a thing of its own besides the whole ("抗疫特别国债给了多少钱？"): a word of two
    or more characters that is no total, year, side, unit or filler word (`[totals] filler`) and
    no part of the department's name. Its figure is looked for in the text, not answered with the total."""
    words = question_words()
    known = (words["totals"]["words"] + words["totals"]["questions"] + words["totals"]["filler"]
             + [w for side in words["totals"]["side_words"].values() for w in side]
             + [w for period in ("this_year", "last_year") for w in words["periods"][period]]
             + words["refusal"]["unit_words"])
    departments = [d.department for d in index.documents if d.doc_id in intent.doc_ids and d.department]
    # the unit named, also where the document prints no name of its own ("XX中心…", fH1 of the fourth fresh batch)
    named = "".join(department_mentions(intent.question))
    for token in cut_words(intent.question):
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,}", token) or any(k in token or token in k for k in known) \
                or token in named:
            continue
        if not any(all(ch in name for ch in token) for name in departments):
            return True
    return False


def _alternatives(ranked: list[Scored], mention) -> tuple[Record, ...]:
    """Another figure the question may mean: for a colloquial word standing for several terms
    ("工资" → 基本工资, 工资福利支出), the figure of the next term; else a close runner-up."""
    top = ranked[0]
    if mention is not None and mention.how in ("synonym", "link") and len(mention.terms) >= 2:
        top_name = normalise(record_name(top.record))
        for group in mention.terms:
            if group[0] == top_name:
                continue
            exact = [s for s in ranked if normalise(record_name(s.record)) == group[0]
                     and s.record.unit == top.record.unit]
            # The other term's best printing; the same figure under another name needs no mention.
            if exact and exact[0].record.value != top.record.value and top.score - exact[0].score <= _SYNONYM_MARGIN:
                return (exact[0].record,)
        return ()
    seen = {normalise(record_name(top.record))}
    for other in ranked[1:]:
        name = normalise(record_name(other.record))
        if name in seen or other.alias_rank == top.alias_rank or other.record.unit != top.record.unit:
            continue
        seen.add(name)
        if top.score - other.score <= ALTERNATIVE_MARGIN and other.record.value != top.record.value:
            return (other.record,)
    return ()


def _derived_period(intent: Intent, index: RecordIndex, current: Record) -> Computation | None:
    """The asked year's figure from this year's figure and its stated change ("比2021年增加208")."""
    if current.measure not in ("amount", "count"):
        return None  # a change is no level: the change less itself is no earlier year's figure
    change = _change_record(current, index, "change")
    if change is None:
        return _estimated_period(intent, index, current)
    return _before_change(current, change, change.base_period or intent.period)


def _before_change(current: Record, change: Record, period: str) -> Computation:
    """The figure before a stated change: `current` less `change`, with its expression ("57.36 + 17.54 = 74.9")."""
    value = current.value - change.value
    sign = "−" if change.value >= 0 else "+"
    expression = (f"{format_number(current.value)} {sign} {format_number(abs(change.value))} = "
                  f"{format_number(value)}")
    return Computation("derived", record_name(current), (current, change), result=value, result_unit=current.unit,
                       expression=expression, period=period)


_BUDGET_STAGES = ("预算", "年初预算", "全年预算", "调整后预算", "调整预算")


def _derived_stage(intent: Intent, index: RecordIndex, current: Record) -> Computation | None:
    """A 决算 figure's budget asked ("…的预算数是多少") where the document states only the figure and how it
    differs from its budget ("…支出决算数比预算数减少17.54万元", fJ3 of the fifth fresh batch): the figure
    less that change."""
    if stages_said(intent.question) != {"预算"} or current.measure != "amount" or stage(record_name(current)) == "预算":
        return None
    name = normalise(record_name(current))
    changes = [other for named in (name, *sorted(item_names(name))) for other in index.by_alias.get(named, [])
               if other.doc_id == current.doc_id and other.measure == "change" and other.base_period in _BUDGET_STAGES
               and other.unit == current.unit]
    return _before_change(current, changes[0], changes[0].base_period) if changes else None


def _estimated_period(intent: Intent, index: RecordIndex, current: Record) -> Computation | None:
    """The asked year's figure estimated from this year's figure and its stated rate of change alone
    ("因公出国(境)经费决算120万元,增长79.1%" → about 120 ÷ (1 + 79.1%) = 67.00, fE2 of the third fresh batch):
    rounded to the figure's own places and said as an estimate; only for the year the rate compares with."""
    if not first_word(intent.question, question_words()["operations"]["estimate"]):
        return None  # a figure not printed is only estimated when an estimate is asked for
    rate = _change_record(current, index, "change_rate")
    if rate is None or rate.value <= -100 or not _changes_from(rate, current, intent.period):
        return None
    places = max(decimals_of(current.value), _ESTIMATE_PLACES)
    value = round(current.value / (1 + rate.value / 100), places)
    expression = f"{format_number(current.value)} ÷ (1 {'+' if rate.value >= 0 else '−'} {format_percent(abs(rate.value)).rstrip('%')}%) ≈ {format_number(value, places)}"
    return Computation("estimated", record_name(current), (current, rate), result=value,
                       result_unit=current.unit, expression=expression, period=rate.base_period or intent.period)


_ESTIMATE_PLACES = 2  # an estimate is given to the 分 of a 万元 figure, never to a float's noise


def _derived_from_ranked(intent: Intent, index: RecordIndex, ranked: list[Scored]) -> Computation | None:
    """The asked year's figure from a sentence that states this year's figure and its change against
    that year, when the best record is another printing of the figure ("三公经费支出表" 公务接待费 240
    has no change; "(三)公务接待费支出预算240万元,比2023年预算减少10万元" has)."""
    for current in _amounts_of(ranked, index):
        if current.period == intent.period:
            continue
        change = _change_record(current, index, "change")
        if change is not None and _changes_from(change, current, intent.period):
            return _derived_period(intent, index, current)
    return None


def _amounts_of(ranked: list[Scored], index: RecordIndex) -> list[Record]:
    """The ranked amounts, then the amounts a ranked change is the change of under another name: "收入
    总计…,支出总计…。与2023年相比,收、支总计各增加…" changes each side's total (`[joint_totals]`, seen in
    决算 texts of the development corpus)."""
    amounts = [s.record for s in ranked if s.record.measure == "amount"]
    for change in (s.record for s in ranked if s.record.measure == "change"):
        for name in sorted(label_aliases(change.label)):
            amounts += [r for r in index.by_alias.get(name, []) if r.doc_id == change.doc_id
                        and r.measure == "amount" and r.source == change.source and r not in amounts]
    return amounts


def _changes_from(change: Record, current: Record, period: str) -> bool:
    """`change` compares `current`'s year with `period`: its stated base year, else the year before."""
    if change.base_period:
        return change.base_period == period
    return current.period.isdigit() and period.isdigit() and int(current.period) - 1 == int(period)


def _change_record(record: Record, index: RecordIndex, measure: Measure) -> Record | None:
    """The stated change (or change rate) of `record`'s figure: same name, same document; else under
    the name without the stage ("(一)收入预算,2018年年初预算数596.09万元" then "收入较去年增加了110.58万元",
    seen in a budget text of the development corpus)."""
    name = normalise(record_name(record))
    for named in (name, *sorted(item_names(name))):
        if change := _change_named(record, named, index, measure):
            return change
    return None


def _change_named(record: Record, name: str, index: RecordIndex, measure: Measure) -> Record | None:
    for other in index.by_alias.get(name, []):
        # a change in 万元 is no change of a table's figure in 元: each is taken with its own unit's level
        same_unit = measure == "change_rate" or record.measure != "amount" or other.unit == record.unit
        if other.doc_id == record.doc_id and other.measure == measure and same_unit:
            if other.source == record.source and other.table_no == record.table_no or other.source == "text":
                return other
    return None


def _period_pair(record: Record, index: RecordIndex, base: str) -> Record | None:
    """The same row and column in another period (表8: 2021年 vs 2022年), or the same row in the column
    naming the other year ("2014年决算数 | 2015年决算数", fD2 of the second fresh batch); never itself."""
    for other in index.by_table.get((record.doc_id, record.table_no), []):
        if other is record or other.period != base or other.measure != "amount":
            continue
        same_column = other.column_path == record.column_path or (
            other.row_path == record.row_path and _yearless(other.column_path) == _yearless(record.column_path))
        if same_column and normalise(record_name(other)) == normalise(record_name(record)):
            return other
    return None


def _yearless(column: tuple[str, ...]) -> tuple[str, ...]:
    """A column's names without the years they print ("2014年决算数" → "决算数")."""
    return tuple(re.sub(r"(?:19|20)\d\d年度?", "", name) for name in column)


def _stated_pair(record: Record, index: RecordIndex, base: str) -> Record | None:
    """The same figure stated for another year in the text ("公务接待费2016年预算8万元,2015年预算12.5万元")."""
    if record.source != "text":
        return None
    for other in index.by_alias.get(normalise(record_name(record)), []):
        if (other.doc_id == record.doc_id and other.source == "text" and other.period == base
                and other.measure == record.measure and other.unit == record.unit):
            return other
    return None


def _base_period(intent: Intent, record: Record, index: RecordIndex) -> str:
    if intent.base_year:
        return str(intent.base_year)
    document = index.document(record.doc_id)
    year = int(record.period) if record.period.isdigit() else (document.year if document else 0)
    return str(year - 1) if year else ""


def _change(intent: Intent, index: RecordIndex) -> Computation | None:
    return _figure_change(intent, index) or _composite_change(intent, index)


def _composite_change(intent: Intent, index: RecordIndex) -> Computation | None:
    """The change of a whole the templates define as a sum (`[composites]`) that no sentence states,
    from the changes stated for each of its parts against one base year ("公务用车购置费…较2025年年初预算减少
    18.00万元", "公务用车运行维护费…减少2.54万元", seen in g02 of the development corpus)."""
    base = str(intent.base_year) if intent.base_year else ""
    used = _composite_parts(intent, index, lambda r: r.measure == "change" and (not base or r.base_period == base))
    if not used or len({r.unit for r in used}) > 1 or len({r.base_period for r in used}) > 1:
        return None
    value = sum(r.value for r in used)
    first, *rest = used
    expression = (_signed(first.value) + "".join(f" {'−' if r.value < 0 else '+'} {format_number(abs(r.value))}"
                                                 for r in rest) + f" = {_signed(value)}")
    return Computation("composite_change", intent.mentions[0].text, tuple(used), result=value,
                       result_unit=used[0].unit, expression=expression, period=used[0].base_period)


def _signed(value: float) -> str:
    return ("−" if value < 0 else "") + format_number(abs(value))


def _figure_change(intent: Intent, index: RecordIndex) -> Computation | None:
    ranked = named_candidates(intent, index, "change") or _total_candidates(intent, index, "change")
    stated = [s for s in ranked if s.record.measure == "change"]
    amounts = [s for s in ranked if s.record.measure in ("amount", "count")]
    if stated and (not amounts or stated[0].score >= amounts[0].score - 8):
        return _stated(stated[0].record, "change", "change_rate", index)
    for scored in amounts:
        period = _base_period(intent, scored.record, index)
        change = _change_record(scored.record, index, "change")
        if change is not None and _changes_from(change, scored.record, period):
            # "“三公”经费财政拨款预算1.70万元,比2015年预算减少1.03万元": the figure answered before
            # (the 三公 table's) is printed with its change under another name
            return _stated(change, "change", "change_rate", index)
        base = _period_pair(scored.record, index, period) or _stated_pair(scored.record, index, period)
        rate = _change_record(scored.record, index, "change_rate")
        if base is None and rate is not None and _changes_from(rate, scored.record, period):
            # "2015年公务接待费9.95万元,较2014年决算数下降5.5%": the rate is all it says of the change
            return _stated(rate, "growth_rate", "change", index)
        if base is not None:
            value = scored.record.value - base.value
            expression = (f"{format_number(scored.record.value)} − {format_number(base.value)} = "
                          f"{format_number(value)}")
            return Computation("change", record_name(scored.record), (scored.record, base), result=value,
                           result_unit=scored.record.unit, expression=expression, period=base.period)
    return None


def _stated(record: Record, kind: Operation, companion: Measure, index: RecordIndex) -> Computation:
    """A change or growth rate the disclosure states, cited with its companion figure when stated too
    ("增加208万元，增长6%": the amount and the rate)."""
    other = _change_record(record, index, companion)
    used = (record, other) if other is not None else (record,)
    return Computation(kind, record_name(record), used, period=record.base_period,
                   corroborating=same_figure(record, index))


def _total_candidates(intent: Intent, index: RecordIndex, measure: Measure = "amount") -> list[Scored]:
    """The candidates of the document's total, of the side the question names when it names one."""
    sides = [side for side in question_words()["totals"]["sides"] if side in intent.question]
    if len(sides) == 1:  # every name of that side's total ("收入较上年增加…,增加30.14%" is said of 收入)
        names = tuple(normalise(label) for label in question_words()["totals"]["sides"][sides[0]])
        return rank_records(Mention(sides[0], 0, names, "label"), intent, index, measure)
    total = total_of(intent.doc_ids, index)
    if total is None:
        return []
    mention = Mention(record_name(total), 0, (normalise(record_name(total)),), "label")
    return rank_records(mention, intent, index, measure)


def _growth(intent: Intent, index: RecordIndex) -> Computation | None:
    ranked = named_candidates(intent, index, "change_rate") or _total_candidates(intent, index, "change_rate")
    stated = [s for s in ranked if s.record.measure == "change_rate"]
    if stated:
        return _stated(stated[0].record, "growth_rate", "change", index)
    for scored in ranked:
        if scored.record.measure not in ("amount", "count"):
            continue
        base = _period_pair(scored.record, index, _base_period(intent, scored.record, index))
        change = _change_record(scored.record, index, "change")
        previous = base.value if base else (scored.record.value - change.value if change else None)
        if previous:
            rate = (scored.record.value - previous) / previous * 100
            expression = (f"({format_number(scored.record.value)} − {format_number(previous)}) ÷ "
                          f"{format_number(previous)} = {format_percent(rate)}")
            used = tuple(r for r in (scored.record, base or change) if r is not None)
            return Computation("growth_rate", record_name(scored.record), used, result=rate, result_unit="%",
                           expression=expression,
                           period=base.period if base else (change.base_period if change else ""))
    return None


def _share(intent: Intent, index: RecordIndex) -> Computation | None:
    ranked = best(intent, index)
    if not ranked:
        return None
    part = ranked[0].record
    whole = None
    if len(intent.mentions) >= 2:
        part, whole = _part_and_whole(intent, index) or (part, None)
    whole = _own_stage(part, intent, index) or whole
    if whole is None and (stated := _stated_share(part, index)):
        # "其中:财政拨款收入832.82万元,占100.00%" — the sentence states the share of its own whole,
        # which is the document's figure where the question names no whole of its own
        return Computation("lookup", record_name(stated), (stated, part))
    if whole is None:
        whole = parent_of(part, index) or total_of((part.doc_id,), index)
    if whole is None or not whole.value or whole is part:
        return None
    if part.unit != whole.unit:  # 2 辆 ÷ 8 万元 is no share: take the part's figure in the whole's unit
        same_unit = [s.record for s in ranked if s.record.unit == whole.unit and s.record is not whole]
        if not same_unit:
            return None
        part = same_unit[0]
    rate = part.value / whole.value * 100
    if (stated := _stated_share_of(part, index)) and abs(stated.value - rate) <= _STATED_SHARE_ROUNDING:
        # the document states this very share ("住房保障支出29.42万元，占9.55%"): its own figure, cited
        return Computation("lookup", record_name(stated), (stated, part, whole))
    expression = f"{format_number(part.value)} ÷ {format_number(whole.value)} = {format_percent(rate)}"
    return Computation("share", record_name(part), (part, whole), result=rate, result_unit="%",
                   expression=expression)


def _own_stage(part: Record, intent: Intent, index: RecordIndex) -> Record | None:
    """The part's own figure at the stage the question names as the whole: "事业运行这项全年预算完成了百分之
    几" is 事业运行's 决算 over 事业运行's 全年预算, not over another item's (seen in 决算 texts of the
    development corpus, which print each item's 全年预算 and 支出决算)."""
    stages = question_words()["stage_comparison"]["stages"]
    said = next((m.text for m in intent.mentions if m.text in stages), "")
    if not said:
        return None
    for name in sorted(label_aliases(record_name(part)), key=len):
        for other in index.by_alias.get(normalise(name + said), []):
            if other.doc_id == part.doc_id and other.measure == "amount" and other.unit == part.unit:
                return other
    return None


def _stated_share(part: Record, index: RecordIndex) -> Record | None:
    """The share the part's own sentence states for it ("财政拨款收入832.82万元,占100.00%")."""
    if part.source != "text":
        return None
    return next((r for r in index.by_doc.get(part.doc_id, []) if r.measure == "share" and r.quote == part.quote
                 and normalise(r.label) == normalise(part.label)), None)


# How far a share the document states may be from the one computed and still be that share (its
# figures rounded to two decimals).
_STATED_SHARE_ROUNDING = 0.05


def _stated_share_of(part: Record, index: RecordIndex) -> Record | None:
    """A share the text states for the part's figure under its name ("住房保障支出（类）…，占9.55%")."""
    name = normalise(record_name(part))
    return next((r for r in index.by_alias.get(name, []) if r.doc_id == part.doc_id and r.measure == "share"
                 and r.source == "text"), None)


# The words after which a question names the unit a figure is divided by ("平均每个教职工").
_PER_UNIT = re.compile(r"每个|一个|每名|每位|每人")


def _per_unit(intent: Intent, index: RecordIndex) -> Computation | None:
    """One figure per unit of another, both counts or the first money ("平均一个在职教职工对应多少义务教育
    学生": 10,674 ÷ 501): the figure named right after 每个/一个 is the divisor."""
    chosen = distinct(intent, index)
    if len(chosen) != 2 or len(intent.mentions) != 2:
        return None
    per = _PER_UNIT.search(intent.question)
    after = [i for i, m in enumerate(intent.mentions[:2]) if per and m.start >= per.end()]
    divisor_at = after[0] if after else 1
    divisor, figure = chosen[divisor_at], chosen[1 - divisor_at]
    if not divisor.value or divisor.unit in MONEY_UNITS or divisor.unit == "%" or figure.unit == "%":
        return None
    # people per person to one decimal (21.3 学生 per 教职工), money per head to the fen
    result = round(figure.value / divisor.value, 2 if figure.unit in MONEY_UNITS else 1)
    expression = f"{format_number(figure.value)} ÷ {format_number(divisor.value)} = {format_number(result)}"
    return Computation("per_unit", record_name(figure), (figure, divisor), result=result,
                       result_unit=figure.unit, expression=expression)


def _part_and_whole(intent: Intent, index: RecordIndex) -> tuple[Record, Record] | None:
    """A share's part and whole among two named figures: the part is said right before 占, the whole
    after it ("出国费占三公经费"), or first when nothing follows 占 ("政府采购里工程占多大比例")."""
    chosen = chosen_by_mention(intent, index)
    if len(chosen) < 2:
        return None
    at = intent.question.find("占")
    positions = sorted(chosen)
    before = [i for i in positions if 0 <= at and intent.mentions[i].start < at]
    after = [i for i in positions if 0 <= at < intent.mentions[i].start]
    if at < 0 or not before:
        return chosen[positions[0]], chosen[positions[1]]
    inside = [i for i in before if _CONTAINER.match(intent.question, intent.mentions[i].start + len(intent.mentions[i].text))]
    if inside and len(before) >= 2:  # "人员经费在基本支出里占了多大比例" (fC1 of the second fresh batch)
        whole = inside[0]
        return chosen[next(i for i in reversed(before) if i != whole)], chosen[whole]
    part = before[-1]
    whole = after[0] if after else next(i for i in positions if i != part)
    return chosen[part], chosen[whole]


# The whole a share is taken in, said before 占: "在基本支出里占", "基本支出中…占", with its stage between
# ("在三公经费预算里占", fG2 of the fourth fresh batch).
_CONTAINER = re.compile(r"(?:预算数?|决算数?)?(?:里面?|当中|之中|中|内)")


def _in_table(intent: Intent, index: RecordIndex, table_no: int) -> Record | None:
    ranked = [s for s in best(intent, index) if s.record.table_no == table_no and s.record.source == "table"]
    return ranked[0].record if ranked else None


def _difference(intent: Intent, index: RecordIndex) -> Computation | None:
    if len(intent.mentions) == 1 and len(intent.tables) >= 2:  # the same row in two tables
        pair = [_in_table(intent, index, number) for number in intent.tables[:2]]
        used = [r for r in pair if r is not None]
    elif len(intent.mentions) <= 1 and compares_stages(intent.question):
        used = _stage_pair(intent, index)  # "三公经费比预算少花了多少": its 决算 and its 预算
    elif all(m.text in sides_said(intent.question) for m in intent.mentions):
        used = []  # "支出比收入多了多少": the sides named alone are their totals, not a row called 支出
    else:
        used = distinct(intent, index)
    if len(used) < 2:
        used = _side_totals(intent, index)
    if len(used) < 2 or used[0].unit != used[1].unit:
        return None  # figures of different units are never subtracted
    a, b = used[:2]
    value = a.value - b.value
    expression = f"{format_number(a.value)} − {format_number(b.value)} = {format_number(value)}"
    return Computation("difference", record_name(a), (a, b), result=value, result_unit=a.unit,
                   expression=expression, corroborating=_printed_together(a, b, index))


def _printed_together(a: Record, b: Record, index: RecordIndex) -> tuple[Record, ...]:
    """Both figures stated again in one sentence elsewhere ("收、支总计各是4125.49,4143.91万元" beside each
    side's own total, seen in 决算 texts of the development corpus): cited too, as a person would."""
    if a.quote and a.quote == b.quote:
        return ()
    text = [r for r in index.by_doc.get(a.doc_id, []) if r.source == "text" and r.unit == a.unit
            and r.measure == a.measure and r.period == a.period]
    for first in (r for r in text if r.value == a.value and r is not a):
        second = next((r for r in text if r.quote == first.quote and r.value == b.value and r is not first), None)
        if second is not None:
            return (first, second)
    return ()


def _stage_pair(intent: Intent, index: RecordIndex) -> list[Record]:
    """The 决算 and the 预算 of the one figure the question names (of the spending total when it names
    none), both in money and of the document's year, from one table or sentence when both print there."""
    ranked = best(intent, index) or _total_candidates(intent, index)
    money = [s.record for s in ranked if s.record.measure == "amount" and s.record.unit in MONEY_UNITS
             and not (intent.period and s.record.period != intent.period)]
    by_stage = {name: [r for r in money if (stage(r.label) or stage(" ".join(r.column_path))) == name]
                for name in ("决算", "预算")}
    if by_stage["决算"] and not by_stage["预算"]:  # "高等教育(项)年初预算为…,支出决算为…": one sentence
        final = by_stage["决算"][0]
        by_stage["预算"] = [r for r in index.by_doc.get(final.doc_id, []) if r.quote == final.quote
                           and r.measure == "amount" and r.unit == final.unit and stage(r.label) == "预算"]
    if not all(by_stage.values()) and not intent.mentions:
        return _stated_stages(intent, index)
    if not all(by_stage.values()):
        return []
    final = by_stage["决算"][0]
    place = (final.source, final.table_no, final.quote if final.source == "text" else "")
    together = [r for r in by_stage["预算"] if (r.source, r.table_no, r.quote if r.source == "text" else "") == place]
    return [final, (together or by_stage["预算"])[0]]


def _stated_stages(intent: Intent, index: RecordIndex) -> list[Record]:
    """The first sentence stating a spending figure's 决算 and its 预算 (the stage the question says,
    "全年预算", when it prints several): "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出
    决算为307.82万元" (seen in 决算 PDFs whose tables print the 决算 only)."""
    said = next((w for w in question_words()["stage_comparison"]["stages"] if w in intent.question), "预算")
    for doc_id in intent.doc_ids:
        text = [r for r in index.by_doc.get(doc_id, []) if r.source == "text" and r.measure == "amount"
                and r.unit in MONEY_UNITS and "支出" in r.label]
        for final in (r for r in text if stage(r.label) == "决算"):
            budgets = [r for r in text if r.quote == final.quote and stage(r.label) == "预算" and said in r.label]
            if budgets:
                return [final, budgets[0]]
    return []


def _side_totals(intent: Intent, index: RecordIndex) -> list[Record]:
    """"收入比支出多出多少？": both sides named alone are their year's totals, in the order said."""
    sides = sides_said(intent.question)
    return year_totals(intent.doc_ids, index, sides) if len(sides) == 2 else []


def _rest(intent: Intent, index: RecordIndex) -> Computation | None:
    """"除了一般公共服务支出，其余支出加起来多少": the whole (the figure named, else the year's total of
    the side said, else of spending) less what is left out, when each left-out figure is part of it."""
    if intent.mentions:
        whole = combined(intent, index)[0].record if combined(intent, index) else None
    else:
        sides = sides_said(intent.question) or ["支出"]
        # a budget stated only as both sides at once ("收支总预算", fA1 of the fresh batch) is its whole
        whole = (year_totals(intent.doc_ids, index, sides[:1]) or [total_of(intent.doc_ids, index)])[0]
    if whole is None:
        return None
    left: list[Record] = []
    for mention in intent.excluded:
        ranked = [s.record for s in rank_records(mention, intent, index) if s.record.unit == whole.unit
                  and s.record.measure == whole.measure and s.record.period == whole.period
                  and s.record.value < whole.value]
        if not ranked:
            return None
        left.append(ranked[0])
    value = whole.value - sum(r.value for r in left)
    expression = f"{format_number(whole.value)} − " + " − ".join(format_number(r.value) for r in left) + \
        f" = {format_number(value)}"
    return Computation("rest", record_name(whole), (whole, *left), result=value, result_unit=whole.unit,
                       expression=expression)


def _sum(intent: Intent, index: RecordIndex) -> Computation | None:
    used = distinct(intent, index)
    if len({r.unit for r in used}) > 1:
        # Figures of different units never add up: "员工工资一共多少" asks about 工资, the head
        # (last) word, not 员工 + 工资.
        return _lookup(replace(intent, mentions=intent.mentions[-1:]), index)
    if len(used) < 2 and len(intent.mentions) == 1:
        used = _term_records(intent, index)  # "水电费一共多少" → 水费 + 电费
    if len(used) < 2:
        return _lookup(intent, index)
    return _added("sum", "、".join(record_name(r) for r in used), used)


def _added(operation: Operation, subject: str, used: list[Record]) -> Computation:
    """The sum of records in one unit, with its expression ("0 + 9.95 + 13.01 = 22.96")."""
    value = sum(r.value for r in used)
    expression = " + ".join(format_number(r.value) for r in used) + f" = {format_number(value)}"
    return Computation(operation, subject, tuple(used), result=value, result_unit=used[0].unit,
                       expression=expression)


def _term_records(intent: Intent, index: RecordIndex) -> list[Record]:
    """The best record of each canonical term a colloquial word stands for, when each has one."""
    mention = intent.mentions[0]
    ranked = best(intent, index)
    used: list[Record] = []
    for group in mention.terms:
        exact = [s.record for s in ranked if normalise(record_name(s.record)) == group[0]]
        if exact and exact[0].unit in MONEY_UNITS:
            used.append(exact[0])
    return used if len(used) >= 2 else []
