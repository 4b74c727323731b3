"""Figures stated in the narrative -> records.

Every amount (万元/元/亿元), count (人, 辆, 个, 批次, 台（套）…) and percentage
of a paragraph becomes a `Record` with its label, unit, period and the
sentence it came from. "比 2021 年增加 208 万元，增长 6 %" gives a `change`
and a `change_rate` against base period 2021; decreases are negative.
The project/target layout of 第七部分 ("社保业务管理 25 及时完成…3600 件以上")
gives the project amount and its targets.

The settings are compiled in figure_patterns.py, what the reading carries along is in
figure_state.py, years in figure_periods.py, labels taken from other figures in figure_subjects.py
and labels cleaned from the words before a figure in figure_labels.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.model import Document, Record
from ingest.numerals import chinese_number
from ingest.statements.figure_labels import (
    clean_label, department_aliases, figure_settings, is_weak, section_subject)
from ingest.statements.figure_patterns import figure_patterns, unit_kind
from ingest.statements.figure_periods import compared_period, document_year, figure_period, previous_year
from ingest.statements.figure_state import Context, Sentence
from ingest.statements.figure_subjects import level_label, named_in_full, subject_label
from ingest.statements.paired_figures import PairedFigure, paired_figures

# A mobile phone number (11 digits from 13…19): never a figure, whatever word follows it.
_PHONE = re.compile(r"1[3-9]\d{9}")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_OPENING = re.compile(r"[（(]")
_CLOSING = re.compile(r"[）)]")


def text_records(sections, document: Document) -> list[Record]:  # noqa: ANN001 - iterable of Section
    """Every figure stated in the narrative sections, as records with source "text"."""
    aliases = department_aliases(document.department)
    records: list[Record] = []
    for section in sections:
        subject = section_subject(section.title, aliases, document.kind, section.level)
        context = Context(document=document, aliases=aliases, section=section, subject=subject)
        for index, paragraph in enumerate(section.paragraphs):
            lines = section.paragraph_lines
            context.line = lines[index] if index < len(lines) else section.line
            context.base = ""
            found = _paragraph_records(paragraph, context)
            records.extend(found)
            context.item = _stated_item(found, context.item)
    return records


def _stated_item(found: list[Record], item: str) -> str:
    """The budget item a paragraph states ("1、代表履职补贴643200元；"): its first money
    figure's label; a paragraph that explains the item ("测算标准：…计643200元") keeps it."""
    money = [r for r in found if figure_patterns().kinds.get(r.unit) == "money"]
    if not money or any(r.label == item for r in money[1:]):
        return item
    return money[0].label


def _paragraph_records(paragraph: str, context: Context) -> list[Record]:
    patterns = figure_patterns()
    header = patterns.target_header.match(paragraph)
    if header:
        context.in_targets, context.target_unit = True, header.group("unit")
        paragraph = paragraph[header.end():]
    records: list[Record] = []
    if context.in_targets:
        row = re.match(r"^([^\d，。,；;：:]{2,30}?)(\d+(?:\.\d+)?)(?![\d.%])(?!万元|元)", paragraph)
        if row:
            context.project = row.group(1)
            records.append(_record(context, value=float(row.group(2)), unit=context.target_unit,
                                   label=row.group(1), quote=paragraph, measure="amount",
                                   period=document_year(context)))
            paragraph = paragraph[row.end():]
    context.stated = []
    context.rated = ""
    context.previous = ""
    for match in _SENTENCE.finditer(paragraph):
        sentence = Sentence(match.group(0))
        found = _sentence_records(sentence, context)
        records.extend(found)
        context.stated.extend(sentence.labels)
        money = [label for label, kind in zip(sentence.labels, sentence.kinds) if kind == "money"]
        context.previous = money[0] if len(money) == 1 else (context.previous if not money else "")
        rates = [r.label for r in found if r.measure == "change_rate"]
        amounts = {r.label for r in found if r.measure == "change"}
        context.rated = rates[-1] if rates and rates[-1] not in amounts else ""
    return records


def _sentence_records(sentence: Sentence, context: Context) -> list[Record]:
    patterns = figure_patterns()
    paired = paired_figures(sentence.text)
    records: list[Record] = [_paired_record(sentence, context, figure) for figure in paired]
    previous_end = 0
    stated: list[tuple[int, Record]] = []  # the levels read, with where their numbers start
    outside: Sentence | None = None  # the sentence as it was before an open bracket
    run_ons = _year_run_ons(sentence.text, context)
    records += [r for run_on in run_ons for r in run_on.records]
    for match in patterns.figure.finditer(sentence.text):
        if pair := [f for f in paired if f.start <= match.start() < f.end]:
            # read with its pair: "各是4125.49,4143.91万元"; a rate after "从29人降为16人" is of its item
            sentence.last_label, previous_end = pair[-1].label, max(previous_end, pair[-1].end)
            continue
        if any(start <= match.start() < end for run_on in run_ons for start, end in run_on.spans):
            continue  # read with the year it was run into (below)
        outside = _enter_or_leave_brackets(sentence, match.start(), outside)
        unit = patterns.canonical.get(match.group(2), match.group(2))
        after = sentence.text[match.end():match.end() + 30]
        per = patterns.per_unit.match(after) if patterns.kinds[unit] == "money" else None
        if per:  # "3.5万元/人": an amount per person, in 万元/人
            unit, after = unit + per.group(0), after[per.end():]
        if _is_label_threshold(unit, after):
            continue  # "单价 50 万元以上通用设备": part of a label, not a figure
        if _PHONE.fullmatch(match.group(1)):
            continue  # "联系电话 1345264xxxx 项目审批": a phone number before a word, not a count
        clause_start = _clause_start(sentence.text, match.start(), previous_end)
        pre = sentence.text[clause_start:match.start()]
        between = sentence.text[previous_end:match.start()]
        clause = re.split(r"[；;]", between)[-1]
        if clause != between and not any(p.search(clause) for p in (
                patterns.comparison, patterns.change, patterns.against_budget, patterns.relation)):
            # "…其中年初结转和结余0万元,较2019年增加0万元;本年收入合计4170.87万元,较2019年增加
            # 2159.45万元": a clause after a semicolon that names a figure has its own subject (seen in
            # a 决算 of the development corpus); "…;比2012年预算增加755.18万元" or "…;完成年初预算100%,
            # 决算数大于预算数55.93万元" still speaks of the first
            sentence.labels, sentence.kinds, sentence.subject, sentence.last_label = [], [], "", ""
        if clause_start == previous_end > 0:  # "货物采购 0 万元、工程采购 0 万元"
            pre = pre.rsplit("、", 1)[-1]
        sentence.lead = between
        previous_end = match.end()
        read = _read_figure(sentence, context, match, unit, pre, after)
        stated += [(match.start(), r) for r in read if r.measure in ("amount", "count")]
        records.extend(read)
    return records + _level_off(sentence, context, stated) + _numeral_counts(sentence, context)


_NUMERAL_COUNT = re.compile(figure_settings()["units"]["numeral_counts"])


def _numeral_counts(sentence: Sentence, context: Context) -> list[Record]:
    """Counts said in Chinese numerals ("内设科室两个"), each labelled by the words before it."""
    found = []
    for match in _NUMERAL_COUNT.finditer(sentence.text):
        value = chinese_number(match.group("number"))
        clause = re.split(r"[，,。；;：:、]", sentence.text[:match.start("number")])[-1]  # with its year
        label = clean_label(clause, context.aliases, context.document.kind)
        if value is not None and label and not is_weak(label):
            found.append(_record(context, value=float(value), unit=match.group("unit"), label=label,
                                 quote=sentence.text.strip(), measure="count", period=document_year(context)))
    return found


@dataclass(frozen=True)
class _RunOn:
    """An earlier year's figure printed with its year run into it, and the change proving the split."""

    spans: tuple[tuple[int, int], ...]
    records: tuple[Record, ...]


# "394.85万元2014247.15万元相比较增长147.70万元": a year (before the disclosure's), its figure, then a change.
_RUN_ON = re.compile(r"(?<![\d.])((?:19|20)\d{2})(\d{1,6}(?:\.\d+)?)(万元|元)")
_RUN_ON_TOLERANCE = 0.005  # two decimals


def _year_run_ons(text: str, context: Context) -> list[_RunOn]:
    """Figures of an earlier year whose "年" a copied web page dropped ("比201423.45万元…增加162.97万元", seen
    in n07 of the development corpus): split only when this year's figure before it less the stated change
    after it is exactly that figure, so a real 201,423.45 stays whole."""
    patterns, year = figure_patterns(), context.document.year
    found: list[_RunOn] = []
    for run_on in _RUN_ON.finditer(text):
        base, value, unit = int(run_on.group(1)), float(run_on.group(2)), run_on.group(3)
        if not year or not year - _RUN_ON_YEARS <= base < year:
            continue
        before = [m for m in patterns.figure.finditer(text, 0, run_on.start()) if m.group(2) == unit]
        after = next((m for m in patterns.figure.finditer(text, run_on.end()) if m.group(2) == unit), None)
        if not before or after is None:
            continue
        verb = patterns.change.search(text[run_on.end():after.start()])
        current = float(before[-1].group(1).replace(",", ""))
        change = float(after.group(1).replace(",", ""))
        sign = -1.0 if verb and verb.group(1) in patterns.decrease else 1.0
        if verb is None or abs(current - value - sign * change) > _RUN_ON_TOLERANCE:
            continue
        # the figure this year's level names: "1、因公出国(境)费186.42万元比…" → 因公出国(境)费
        label = clean_label(text[:before[-1].start()].rsplit("、", 1)[-1], context.aliases, context.document.kind)
        if is_weak(label):
            continue
        level = _record(context, value=value, unit=unit, label=label, quote=text.strip(), measure="amount",
                        period=str(base))
        changed = _record(context, value=sign * change, unit=unit, label=label, quote=text.strip(),
                          measure="change", period=str(year), base_period=str(base))
        found.append(_RunOn(((run_on.start(), run_on.end()), (after.start(), after.end())), (level, changed)))
    return found


# How many years before the disclosure's a run-on year may be.
_RUN_ON_YEARS = 3


def _level_off(sentence: Sentence, context: Context, stated: list[tuple[int, Record]]) -> list[Record]:
    """"2022年预算安排1万元,与2021年预算持平": the figure before changed by nothing against the base named."""
    found = []
    for level in figure_patterns().level_off.finditer(sentence.text):
        before = [record for start, record in stated if start < level.start()]
        if before:
            figure = before[-1]
            found.append(_record(context, value=0.0, unit=figure.unit, label=figure.label,
                                 quote=sentence.text.strip(), measure="change", period=figure.period,
                                 base_period=compared_period(level, figure.period)))
    return found


def _enter_or_leave_brackets(sentence: Sentence, position: int, outside: Sentence | None) -> Sentence | None:
    """Figures in brackets are parts or asides: "公务用车购置及运行费87.15万元(其中,公务用车购置费0万元,
    公务用车运行费87.15万元),较上年预算增长329.31%" — the change after the bracket is of the figure
    before it (seen in budget and 决算 texts of the development corpus)."""
    before = sentence.text[:position]
    inside = len(_OPENING.findall(before)) > len(_CLOSING.findall(before))
    if inside and outside is None:
        return sentence.copy()
    if not inside and outside is not None:
        sentence.restore(outside)
        return None
    return outside


def _paired_record(sentence: Sentence, context: Context, figure: PairedFigure) -> Record:
    period = figure_period(sentence.text, figure.start, context)
    if figure.years_back:
        period = previous_year(period)
    base = previous_year(period) if figure.measure not in ("amount", "count") else ""
    return _record(context, value=figure.value, unit=figure.unit, label=figure.label,
                   quote=sentence.text[figure.start:figure.end], measure=figure.measure,
                   period=period, base_period=base)


def _clause_start(text: str, position: int, previous_end: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, position)]
    return max([previous_end] + ends)


def _is_label_threshold(unit: str, after: str) -> bool:
    # "单价 100 万元（含）以上设备" too (seen in the real PDF budgets of the development corpus)
    return unit_kind(unit) == "money" and bool(re.match(r"(?:[（(]含[）)])?(以上|以下)[\u4e00-\u9fff]", after))


def _read_figure(sentence: Sentence, context: Context, match: re.Match[str], unit: str,
                 pre: str, after: str) -> list[Record]:
    """Classify one number: change, change rate, share, base value, target or plain level."""
    patterns = figure_patterns()
    value = float(match.group(1).replace(",", ""))
    kind = unit_kind(unit)
    period = figure_period(sentence.text, match.start(), context)
    quote = sentence.text.strip()
    common = dict(value=value, unit=unit, quote=quote, period=period)
    if kind == "money" and (against := patterns.against_budget.search(pre)):
        return [_against_budget_record(sentence, context, common, against)]
    change = patterns.change.search(pre)
    if change:
        return _change_records(sentence, context, common, pre[:change.start()], change.group(1), kind)
    comparison = patterns.comparison_end.search(pre)
    if comparison:  # "比上年 2665.56 万元增加…": the base period's own level
        base = compared_period(comparison, period)
        sentence.last_base = base
        label = subject_label(sentence, context, pre[:comparison.start()])
        return [_record(context, **common | {"period": base}, label=label, measure="amount")]
    compared = list(patterns.comparison.finditer(pre))
    if compared and _COMPARED_NAME.match(pre[compared[-1].end():]):  # "比2017年度总支出 1060.87 万元"
        label = clean_label(pre[compared[-1].end():], context.aliases, context.document.kind)
        if not is_weak(label):
            return [_record(context, **common | {"period": compared_period(compared[-1], period)}, label=label,
                            measure="amount")]
    if kind == "percent" and (share := patterns.share.search(pre)):
        label = subject_label(sentence, context, pre[:share.start()], prefer_last=True)
        return [_record(context, **common, label=label, measure="share")]
    qualifier = _qualifier(pre, after, context)
    label = level_label(sentence, context, pre, after, unit)
    if (named := _LAST_YEARS.match(label)) and not is_weak(named["name"]):
        label, period = named["name"], previous_year(period)
        common["period"] = period
    if kind == "money" and context.document.kind == "final":
        label = _staged_part(sentence, label, after)
    measure = "count" if kind == "count" else "amount"
    if qualifier or (context.in_targets and kind != "money"):
        measure = "target"
    if kind == "money" or kind == "count":
        sentence.labels.append(label)
        sentence.kinds.append(kind)
        sentence.periods.append(period)
        # "…其中：财政拨款收入18,976.76万元，比2024年预算增加…": the clause may start after 其中's colon
        opening = sentence.lead[:len(sentence.lead) - len(pre)] if sentence.lead.endswith(pre) else ""
        sentence.last_is_part = (pre.lstrip("，,、 ").startswith("其中")
                                 or opening.rstrip("：: ").endswith("其中"))
        if not (sentence.subject and label.startswith(sentence.subject)):
            sentence.subject = label  # "…支出年初预算" is relative to the subject, which stays
    sentence.last_label = label
    return [_record(context, **common, label=label, measure=measure, qualifier=qualifier)]


# Final accounts state the budget too: "“三公”经费预算为168.53万元,其中:因公出国(境)费39万元、公务用车运行维护
# 费119.5万元…" (fC2 of the second fresh batch) — the parts after 其中 are budget figures, not what was spent.
_BUDGET_WHOLE = re.compile(r"预算数?$")
_PARTS_FOLLOW = re.compile(r"^[，,；;：:\s]*其中")
_STAGE_SAID = re.compile(r"预算|决算|执行")


def _staged_part(sentence: Sentence, label: str, after: str) -> str:
    """`label`, with 预算 when it is a part of a budget figure stated before it in the sentence."""
    if sentence.parts_stage and not _STAGE_SAID.search(label):
        label += sentence.parts_stage
    elif _BUDGET_WHOLE.search(label) and _PARTS_FOLLOW.match(after):
        sentence.parts_stage = "预算"
    return label


# "209年收入决算43187160.08元,上年收入决算39312554.51元": a figure named with 上年 is last year's (seen in a
# 决算 of the development corpus); 上年结转/上年结余 (carried over into this year) are names of their own.
_LAST_YEARS = re.compile(r"^(?:上年度|上年|去年|上一年)(?!结转|结余|末)(?P<name>.{2,})$")


def _change_records(sentence: Sentence, context: Context, common: dict, before_verb: str,
                    verb: str, kind: str) -> list[Record]:
    """The change, preceded by the base period's level when it is printed without a unit
    ("较上年 2.08 减少 0.03 万元": 2.08 万元 in the base year)."""
    patterns = figure_patterns()
    comparison = patterns.comparison.search(before_verb)
    bare = re.fullmatch(r"(\d+(?:\.\d+)?)", before_verb[comparison.end():]) if comparison else None
    change = _change_record(sentence, context, common, before_verb, verb, kind)
    if not bare:
        return [change]
    base = _record(context, **common | {"value": float(bare.group(1)), "period": change.base_period},
                   label=change.label, measure="amount")
    return [base, change]


def _change_record(sentence: Sentence, context: Context, common: dict, before_verb: str,
                   verb: str, kind: str) -> Record:
    patterns = figure_patterns()
    comparison = patterns.comparison.search(before_verb)
    if not comparison and not before_verb.strip("，,、 ") and (earlier := patterns.comparison.search(sentence.lead)):
        # "收、支与2023年度相比,增加98.73万元": the comparison and its subject sit in the clause
        # before the verb's (seen in 决算 of the development corpus)
        before_verb, comparison = sentence.lead, earlier
    if comparison:
        base = compared_period(comparison, common["period"])
        subject_text = before_verb[:comparison.start()]
    else:
        base = sentence.last_base or context.base or previous_year(common["period"])
        subject_text = before_verb
    if is_weak(clean_label(subject_text, context.aliases, context.document.kind)):
        subject_text = _unchanged_subject(sentence.lead) or subject_text
    years = sorted({p for p in sentence.periods if p.isdigit()})
    if len(years) == 2 and not (comparison and comparison.group("year")):
        # "公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%": the later
        # year against the earlier, whatever year was named last (seen in a budget of the development corpus)
        common, base = common | {"period": years[1]}, years[0]
    sentence.last_base = context.base = base
    # "…其中年初结转和结余0万元,较2019年增加0万元": a change right after a part is the part's
    label = subject_label(sentence, context, subject_text, prefer_last=kind == "percent" or sentence.last_is_part,
                           kind=kind)
    if not sentence.labels:  # a sentence that opens with the change speaks of an earlier one's figure
        label = named_in_full(label, context.stated)
    sign = -1.0 if verb in patterns.decrease else 1.0
    measure = "change_rate" if kind == "percent" else "change"
    sentence.last_label = label
    if measure == "change":
        sentence.changed.append(label)
    return _record(context, **common | {"value": sign * common["value"]}, label=label,
                   measure=measure, base_period=base)


# "…,公务用车运行维护费支出决算比预算无增减变化,比去年增加 1.05 万元" (fL2 of the sixth fresh batch, a 决算's
# 三公 template): an item said unchanged against one base, in the clause right before, is the subject of the
# change against another that follows it.
_UNCHANGED = re.compile(
    r"(?P<subject>[^，,；;。:：]{2,40}?)(?:比|较|与)[^，,；;。]{0,12}?(?:无增减变化|无变化|无增减|持平)$")


def _unchanged_subject(lead: str) -> str:
    """The subject of the clause right before the last one of `lead` when it says it did not change."""
    clauses = re.split(r"[，,；;]", lead)
    match = _UNCHANGED.search(clauses[-2].strip()) if len(clauses) >= 2 else None
    return match.group("subject") if match else ""


def _against_budget_record(sentence: Sentence, context: Context, common: dict,
                           against: re.Match[str]) -> Record:
    """"…支出总计1741.75万元;…,决算数大于预算数55.93万元": the sentence's figure against its budget
    stage (base_period "预算", "年初预算"); smaller than the budget is a negative change."""
    label = subject_label(sentence, context, "", kind="money")
    verb = against.group("verb") or against.group("verb_after")
    sign = -1.0 if verb in figure_patterns().below_budget else 1.0
    base = (against.group("base") or against.group("base_after")).removesuffix("数")
    sentence.last_label = label
    sentence.last_base = base  # "…,下降23.42%" right after is against the budget too
    sentence.changed.append(label)
    return _record(context, **common | {"value": sign * common["value"]}, label=label, measure="change",
                   base_period=base)


def _qualifier(pre: str, after: str, context: Context) -> str:
    patterns = figure_patterns()
    for word, symbol in patterns.after.items():
        if after.startswith(word):
            return symbol
    for word, symbol in sorted(patterns.before.items(), key=lambda item: -len(item[0])):
        if pre.endswith(word):
            return symbol
    if context.in_targets and pre.endswith(patterns.equals_before):
        return "="
    return ""


# "比2017年度总支出1060.87万元": the compared year's figure, named between the comparison and it.
_COMPARED_NAME = re.compile(r"^[^\d，,。；;：:增减多少降升涨变]{2,12}$")


def _record(context: Context, *, value: float, unit: str, label: str, quote: str, measure: str,
            period: str = "", base_period: str = "", qualifier: str = "") -> Record:
    document = context.document
    record = Record(
        doc_id=document.doc_id, department=document.department, year=document.year, source="text",
        value=value, unit=unit, label=label, section_path=context.section.path, period=period,
        measure=measure, base_period=base_period, qualifier=qualifier, quote=quote, line=context.line)
    if context.project and context.in_targets:
        record = replace(record, row_path=(context.project,))
    return record
