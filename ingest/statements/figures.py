"""Figures stated in the narrative -> records.

Every amount (万元/元/亿元), count (人, 辆, 个, 批次, 台（套）…) and percentage
of a paragraph becomes a `Record` with its label, unit, period and the
sentence it came from. "比 2021 年增加 208 万元，增长 6 %" gives a `change`
and a `change_rate` against base period 2021; decreases are negative.
The project/target layout of 第七部分 ("社保业务管理 25 及时完成…3600 件以上")
gives the project amount and its targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from ingest.statements.figure_labels import (
    clean_label, department_aliases, figure_settings, following_noun, is_weak, label_rules, qualified_count,
    rename_weak, section_subject, stage_word)
from ingest.model import Document, Record, Section
from ingest.statements.paired_figures import PairedFigure, paired_figures

_NUMBER = r"(?<![\d.])(?<!\d,)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# A mobile phone number (11 digits from 13…19): never a figure, whatever word follows it.
_PHONE = re.compile(r"1[3-9]\d{9}")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=年|-)")
_OPENING = re.compile(r"[（(]")
_CLOSING = re.compile(r"[）)]")


@dataclass(frozen=True)
class _Patterns:
    figure: re.Pattern[str]
    kinds: dict[str, str]
    per_unit: re.Pattern[str]
    canonical: dict[str, str]
    change: re.Pattern[str]
    decrease: frozenset[str]
    comparison: re.Pattern[str]
    comparison_end: re.Pattern[str]
    share: re.Pattern[str]
    relation: re.Pattern[str]
    relative: frozenset[str]
    item_total: frozenset[str]
    purpose: re.Pattern[str]
    before: dict[str, str]
    after: dict[str, str]
    target_header: re.Pattern[str]
    equals_before: tuple[str, ...]


@cache
def _patterns() -> _Patterns:
    data = figure_settings()
    units = data["units"]
    kinds = {u: "money" for u in units["money"]} | {u: "percent" for u in units["percent"]}
    kinds |= {u: "count" for u in units["counts"]}
    unit_alternation = "|".join(re.escape(u) for u in sorted(kinds, key=len, reverse=True))
    change = data["change"]
    verbs = sorted(change["increase"] + change["decrease"], key=len, reverse=True)
    comparison = change["comparison"]
    before = data["qualifier"]["before"]
    return _Patterns(
        figure=re.compile(rf"{_NUMBER}({unit_alternation})"),
        kinds=kinds,
        per_unit=re.compile(rf"/(?:{'|'.join(sorted(units['per'], key=len, reverse=True))})"),
        canonical=dict(units.get("canonical", {})),
        change=re.compile(rf"({'|'.join(verbs)}){change['filler']}$"),
        decrease=frozenset(change["decrease"]),
        comparison=re.compile(comparison),
        # "比上年 2665.56 万元增加…", "比2023年的40,616,051.67万元,增加…"
        comparison_end=re.compile(rf"{comparison}的?$"),
        share=re.compile(rf"({'|'.join(data['share']['words'])})"),
        relation=re.compile(rf"^({'|'.join(data['relation']['words'])})"),
        relative=frozenset(data["relation"]["relative"]),
        item_total=frozenset(data["relation"]["item_total"]),
        purpose=re.compile(rf"^(?:{'|'.join(data['relation']['purpose'])})([^，,。；;：:\s]{{2,40}})"),
        before=before,
        after=data["qualifier"]["after"],
        target_header=re.compile(data["targets"]["header"]),
        equals_before=tuple(data["targets"]["equals_before"]),
    )


@dataclass
class _Context:
    """What the sentences of a section share: who is speaking of what, and since when."""

    document: Document
    aliases: tuple[str, ...]
    section: Section
    subject: str
    line: int = 0
    base: str = ""  # last base period named in the paragraph
    project: str = ""  # 第七部分 row: the project the targets belong to
    in_targets: bool = False
    target_unit: str = ""
    item: str = ""  # the budget item the previous paragraph stated ("代表履职补贴")
    stated: list[str] = field(default_factory=list)  # labels of this paragraph's earlier sentences


@dataclass
class _Sentence:
    """Figures already read in the current sentence."""

    text: str
    labels: list[str] = field(default_factory=list)  # labels of amounts/counts, in order
    kinds: list[str] = field(default_factory=list)  # "money" or "count", one per label
    changed: list[str] = field(default_factory=list)  # labels already given a change
    last_label: str = ""
    last_base: str = ""
    subject: str = ""  # last label that is not relative to another ("公务接待费支出")
    last_is_part: bool = False  # the last figure was a part ("其中年初结转和结余0万元")
    lead: str = ""  # the text between the previous figure (or the sentence's start) and this one
    completion: str = ""  # "…支出决算完成预算": what "完成预算 27 万元的 63.2%" completes
    periods: list[str] = field(default_factory=list)  # the years of its amounts and counts, in order

    def copy(self) -> _Sentence:
        return replace(self, labels=list(self.labels), kinds=list(self.kinds), changed=list(self.changed),
                       periods=list(self.periods))

    def restore(self, before: _Sentence) -> None:
        """Forget the figures read since `before` was copied (they were inside brackets)."""
        self.labels, self.kinds, self.changed, self.periods = before.labels, before.kinds, before.changed, before.periods
        self.last_label, self.last_base, self.subject = before.last_label, before.last_base, before.subject
        self.last_is_part = before.last_is_part


def text_records(sections, document: Document) -> list[Record]:  # noqa: ANN001 - iterable of Section
    """Every figure stated in the narrative sections, as records with source "text"."""
    aliases = department_aliases(document.department)
    records: list[Record] = []
    for section in sections:
        subject = section_subject(section.title, aliases, document.kind, section.level)
        context = _Context(document=document, aliases=aliases, section=section, subject=subject)
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
    money = [r for r in found if _patterns().kinds.get(r.unit) == "money"]
    if not money or any(r.label == item for r in money[1:]):
        return item
    return money[0].label


def _paragraph_records(paragraph: str, context: _Context) -> list[Record]:
    patterns = _patterns()
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
                                   period=_document_year(context)))
            paragraph = paragraph[row.end():]
    context.stated = []
    for match in _SENTENCE.finditer(paragraph):
        sentence = _Sentence(match.group(0))
        records.extend(_sentence_records(sentence, context))
        context.stated.extend(sentence.labels)
    return records


def _sentence_records(sentence: _Sentence, context: _Context) -> list[Record]:
    patterns = _patterns()
    paired = paired_figures(sentence.text)
    records: list[Record] = [_paired_record(sentence, context, figure) for figure in paired]
    previous_end = 0
    outside: _Sentence | None = None  # the sentence as it was before an open bracket
    for match in patterns.figure.finditer(sentence.text):
        if any(f.start <= match.start() < f.end for f in paired):
            continue  # read with its pair: "各是4125.49,4143.91万元"
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
        if clause != between and not patterns.comparison.search(clause) and not patterns.change.search(clause):
            # "…其中年初结转和结余0万元,较2019年增加0万元;本年收入合计4170.87万元,较2019年增加
            # 2159.45万元": a clause after a semicolon that names a figure has its own subject (seen in
            # a 决算 of the development corpus); "…;比2012年预算增加755.18万元" still speaks of the first
            sentence.labels, sentence.kinds, sentence.subject, sentence.last_label = [], [], "", ""
        if clause_start == previous_end > 0:  # "货物采购 0 万元、工程采购 0 万元"
            pre = pre.rsplit("、", 1)[-1]
        sentence.lead = between
        previous_end = match.end()
        records.extend(_read_figure(sentence, context, match, unit, pre, after))
    return records


def _kind(unit: str) -> str:
    """"money", "percent", "count", or "rate" for an amount per unit ("万元/人"): neither a part of a
    sum nor the subject of the figures after it."""
    return _patterns().kinds.get(unit, "rate")


def _enter_or_leave_brackets(sentence: _Sentence, position: int, outside: _Sentence | None) -> _Sentence | None:
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


def _paired_record(sentence: _Sentence, context: _Context, figure: PairedFigure) -> Record:
    period = _period(sentence.text, figure.start, context)
    base = _previous_year(period) if figure.measure != "amount" else ""
    return _record(context, value=figure.value, unit=figure.unit, label=figure.label,
                   quote=sentence.text[figure.start:figure.end], measure=figure.measure,
                   period=period, base_period=base)


def _clause_start(text: str, position: int, previous_end: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, position)]
    return max([previous_end] + ends)


def _is_label_threshold(unit: str, after: str) -> bool:
    # "单价 100 万元（含）以上设备" too (seen in the real PDF budgets of the development corpus)
    return _kind(unit) == "money" and bool(re.match(r"(?:[（(]含[）)])?(以上|以下)[\u4e00-\u9fff]", after))


def _read_figure(sentence: _Sentence, context: _Context, match: re.Match[str], unit: str,
                 pre: str, after: str) -> list[Record]:
    """Classify one number: change, change rate, share, base value, target or plain level."""
    patterns = _patterns()
    value = float(match.group(1).replace(",", ""))
    kind = _kind(unit)
    period = _period(sentence.text, match.start(), context)
    quote = sentence.text.strip()
    common = dict(value=value, unit=unit, quote=quote, period=period)
    change = patterns.change.search(pre)
    if change:
        return _change_records(sentence, context, common, pre[:change.start()], change.group(1), kind)
    comparison = patterns.comparison_end.search(pre)
    if comparison:  # "比上年 2665.56 万元增加…": the base period's own level
        base = _base_period(comparison, period)
        sentence.last_base = base
        label = _subject_label(sentence, context, pre[:comparison.start()])
        return [_record(context, **common | {"period": base}, label=label, measure="amount")]
    compared = list(patterns.comparison.finditer(pre))
    if compared and _COMPARED_NAME.match(pre[compared[-1].end():]):  # "比2017年度总支出 1060.87 万元"
        label = clean_label(pre[compared[-1].end():], context.aliases, context.document.kind)
        if not is_weak(label):
            return [_record(context, **common | {"period": _base_period(compared[-1], period)}, label=label,
                            measure="amount")]
    if kind == "percent" and (share := patterns.share.search(pre)):
        label = _subject_label(sentence, context, pre[:share.start()], prefer_last=True)
        return [_record(context, **common, label=label, measure="share")]
    qualifier = _qualifier(pre, after, context)
    label = _level_label(sentence, context, pre, after, unit)
    measure = "count" if kind == "count" else "amount"
    if qualifier or (context.in_targets and kind != "money"):
        measure = "target"
    if kind == "money" or kind == "count":
        sentence.labels.append(label)
        sentence.kinds.append(kind)
        sentence.periods.append(period)
        sentence.last_is_part = pre.lstrip("，,、 ").startswith("其中")
        if not (sentence.subject and label.startswith(sentence.subject)):
            sentence.subject = label  # "…支出年初预算" is relative to the subject, which stays
    sentence.last_label = label
    return [_record(context, **common, label=label, measure=measure, qualifier=qualifier)]


def _change_records(sentence: _Sentence, context: _Context, common: dict, before_verb: str,
                    verb: str, kind: str) -> list[Record]:
    """The change, preceded by the base period's level when it is printed without a unit
    ("较上年 2.08 减少 0.03 万元": 2.08 万元 in the base year)."""
    patterns = _patterns()
    comparison = patterns.comparison.search(before_verb)
    bare = re.fullmatch(r"(\d+(?:\.\d+)?)", before_verb[comparison.end():]) if comparison else None
    change = _change_record(sentence, context, common, before_verb, verb, kind)
    if not bare:
        return [change]
    base = _record(context, **common | {"value": float(bare.group(1)), "period": change.base_period},
                   label=change.label, measure="amount")
    return [base, change]


def _change_record(sentence: _Sentence, context: _Context, common: dict, before_verb: str,
                   verb: str, kind: str) -> Record:
    patterns = _patterns()
    comparison = patterns.comparison.search(before_verb)
    if not comparison and not before_verb.strip("，,、 ") and (earlier := patterns.comparison.search(sentence.lead)):
        # "收、支与2023年度相比,增加98.73万元": the comparison and its subject sit in the clause
        # before the verb's (seen in 决算 of the development corpus)
        before_verb, comparison = sentence.lead, earlier
    if comparison:
        base = _base_period(comparison, common["period"])
        subject_text = before_verb[:comparison.start()]
    else:
        base = sentence.last_base or context.base or _previous_year(common["period"])
        subject_text = before_verb
    years = sorted({p for p in sentence.periods if p.isdigit()})
    if len(years) == 2 and not (comparison and comparison.group("year")):
        # "公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%": the later
        # year against the earlier, whatever year was named last (seen in a budget of the development corpus)
        common, base = common | {"period": years[1]}, years[0]
    sentence.last_base = context.base = base
    # "…其中年初结转和结余0万元,较2019年增加0万元": a change right after a part is the part's
    label = _subject_label(sentence, context, subject_text, prefer_last=kind == "percent" or sentence.last_is_part,
                           kind=kind)
    if not sentence.labels:  # a sentence that opens with the change speaks of an earlier one's figure
        label = _named_in_full(label, context.stated)
    sign = -1.0 if verb in patterns.decrease else 1.0
    measure = "change_rate" if kind == "percent" else "change"
    sentence.last_label = label
    if measure == "change":
        sentence.changed.append(label)
    return _record(context, **common | {"value": sign * common["value"]}, label=label,
                   measure=measure, base_period=base)


def _named_in_full(label: str, stated: list[str]) -> str:
    """The earlier sentence's label a change names by its start: "2024年度收、支总计均为832.82万元。
    收、支与2023年度相比,增加98.73万元" is a change of 收、支总计."""
    # "收入年初预算" is 收入 at one stage: "收入较去年增加" changes 收入, not the stage
    fuller = [earlier for earlier in stated if earlier.startswith(label) and len(earlier) > len(label)
              and earlier[len(label):] not in _patterns().relative]
    return fuller[-1] if label and fuller else label


# "2019年支出决算…,上年支出决算…,与上年相比增11.41%": the change is of the year's figure, not of
# last year's (seen in a 决算 of the development corpus).
_BASE_YEAR_LABEL = re.compile(r"^(?:上年|去年|上一年)")


def _subject_label(sentence: _Sentence, context: _Context, text: str, prefer_last: bool = False,
                   kind: str = "") -> str:
    """The label for a figure that relates to something named before: the text before the
    comparison or share word, else the sentence's subject (for a change of `kind`, its first figure
    of that kind not changed yet), else the section's subject."""
    label = clean_label(text, context.aliases, context.document.kind)
    if not is_weak(label):
        return label
    if prefer_last and sentence.last_label and not _BASE_YEAR_LABEL.match(sentence.last_label):
        return sentence.last_label
    if sentence.labels:
        return _first_unchanged(sentence, kind)
    return context.project or context.subject or rename_weak(label)


def _first_unchanged(sentence: _Sentence, kind: str) -> str:
    """"公务用车保有量2辆,购置及运行维护费5万元,占%,比上年减少0.28万元,公务接待费30万元,占%,比上年减少
    2万元": a change in 万元 is not of the 辆 before it, and each item changes once (seen in a budget
    text of the development corpus); other figures relate to the sentence's first."""
    if kind not in ("money", "count"):
        return sentence.labels[0]
    same = [label for label, its in zip(sentence.labels, sentence.kinds) if its == kind]
    unchanged = [label for label in same if label not in sentence.changed]
    return (unchanged or same or sentence.labels)[0]


def _level_label(sentence: _Sentence, context: _Context, pre: str, after: str, unit: str) -> str:
    patterns = _patterns()
    noun = following_noun(after, unit)
    if noun:
        return _counted_with_amount(context, pre, noun, after) or noun
    if _kind(unit) == "money" and _amount_of_counted(sentence, pre):
        return sentence.last_label
    relation = patterns.relation.match(pre)
    if relation and sentence.last_label:  # "完成年初预算的 27.8%"
        completed = sentence.last_label + clean_label(_STAGE_OF.sub("", pre), (), context.document.kind)
        if _kind(unit) != "money":
            return completed
        # "支出决算7.8万元,完成预算10万元的78.0%": 10 万元 is the budget (seen in 决算 texts of the
        # development corpus), 78.0% how much of it was spent
        sentence.completion = completed
        return _relative_label(sentence.subject or sentence.last_label, pre[relation.end():])
    if _kind(unit) == "percent" and sentence.completion and pre.strip() == "的":
        return sentence.completion
    label = stage_word(pre, patterns.relative) or clean_label(pre, context.aliases, context.document.kind)
    if counted := qualified_count(label, unit):  # "事业编制314人;实际316人", "事业编制0人,实际0人"
        return (sentence.labels[-1] if sentence.kinds and sentence.kinds[-1] == "count" else "") + counted
    if label in patterns.relative and (subject := _stage_subject(sentence, context, pre)):  # "年初预算为 2 万元"
        return _relative_label(subject, label)
    if pre.strip() in patterns.item_total and sentence.labels and context.item:
        return context.item  # "年人均 2400 元计 643200 元"
    purpose = patterns.purpose.match(after)
    if is_weak(label) and purpose and _kind(unit) == "money":
        return purpose.group(1)  # "30 万元用于基建工程项目审计"
    if not is_weak(label):
        return label
    if sentence.labels:
        return _other_side(sentence.labels[-1], label) or _part_name(pre) or sentence.labels[-1]
    return context.project or context.subject or rename_weak(label)


# "完成全年预算数的98.69%": the stage completed is 全年预算; the label's tail words would cut its 预算数
# with the 的 (seen in the 决算 template of the development corpus's real PDFs).
_STAGE_OF = re.compile(r"(?<=[预决]算)数?的$")


def _counted_with_amount(context: _Context, pre: str, noun: str, after: str) -> str:
    """"年初批复预算8个项目985万元": things counted and then their amount are named with the words before
    the count as well, and both figures are of 年初批复预算项目 (seen in s18 of the development corpus);
    "" when no amount follows the counted things."""
    if label_rules().money_noun.search(noun):
        return ""  # "0辆公务接待费4.5万元": the noun names the amount, not the things counted
    amount = _patterns().figure.match(after, len(noun)) if after.startswith(noun) else None
    if not amount or _kind(_patterns().canonical.get(amount.group(2), amount.group(2))) != "money":
        return ""
    if after.startswith("/", amount.end()):
        return ""  # "20名群众务工增收5000元/年": a rate, not the amount of the things counted
    label = clean_label(pre + noun, context.aliases, context.document.kind)
    return label if label.endswith(noun) else ""


def _amount_of_counted(sentence: _Sentence, pre: str) -> bool:
    """Whether a money figure follows right after the things the count before it counted ("8个项目985万元")."""
    return bool(pre) and pre == sentence.lead and bool(sentence.kinds) and sentence.kinds[-1] == "count" \
        and sentence.last_label.endswith(pre)


def _stage_subject(sentence: _Sentence, context: _Context, pre: str) -> str:
    """What a figure named only by its stage ("年初预算为") is of: the sentence's subject; else its
    opening clause, a heading printed inline ("(二)支出预算,2018年年初预算数596.09万元", seen in a
    budget text of the development corpus); else an earlier sentence's, the project's or the section's."""
    if sentence.subject:
        return sentence.subject
    opening = clean_label(sentence.lead[:len(sentence.lead) - len(pre)], context.aliases, context.document.kind)
    if not is_weak(opening) and not re.search(r"\d", opening):
        return opening
    return (context.stated or [context.project or context.subject])[0]


def _part_name(pre: str) -> str:
    """"总支出581.45万元,其中本年支出480.71万元": a part is not the whole before it, and is named
    with its opening word when the rest alone names nothing (seen in a 决算 of the development corpus)."""
    part = re.match(r"^[，,、\s]*其中[：:，,\s]*([\u4e00-\u9fff]{2,8})$", pre)
    return part.group(1) if part and not is_weak(part.group(1)) else ""


_SIDES = {"支出": "收入", "收入": "支出"}


def _other_side(previous: str, label: str) -> str:
    """ "一般公共预算收入总计1085.31万元,本年支出1070.67万元": a bare 支出 after a 收入 figure is the
    same funds' 支出 (一般公共预算支出), not the 收入 again (seen in a 决算 of the development corpus)."""
    other = _SIDES.get(label)
    if other and other in previous and previous.index(other) > 0:
        return previous[:previous.index(other)] + label
    return ""


def _relative_label(subject: str, word: str) -> str:
    """The subject with a relative word: "公务接待费支出" + "差值"; a subject that is itself
    relative gives way ("经费支出年初预算" + "支出决算" → "经费支出决算")."""
    for relative in sorted(_patterns().relative, key=len, reverse=True):
        if subject.endswith(relative) and len(subject) > len(relative):
            subject = subject[:-len(relative)]
            break
    if word.endswith("预算") and subject.endswith("预算") and len(subject) > 2:
        subject = subject[:-2]  # "支出预算" + "年初预算" → "支出年初预算"
    for size in range(min(len(subject), len(word)), 0, -1):
        if subject.endswith(word[:size]):
            return subject + word[size:]
    return subject + word


def _qualifier(pre: str, after: str, context: _Context) -> str:
    patterns = _patterns()
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


def _period(text: str, position: int, context: _Context) -> str:
    """The year the sentence states before the figure (not a comparison's year), else the document's."""
    comparison_years = {m.start("year") for m in _patterns().comparison.finditer(text) if m.group("year")}
    before = _blank_closed_brackets(text[:position])
    stated = [m.group(1) for m in _YEAR.finditer(before) if m.start() not in comparison_years]
    return stated[-1] if stated else _document_year(context)


# "实施项目共15个(含2023年转列暂付性款项项目5个),年初批复预算8个项目985万元": a year in a bracket closed
# before the figure is the aside's, not the figure's (seen in s18 of the development corpus).
_CLOSED_BRACKET = re.compile(r"[（(][^（()）]*[）)]")


def _blank_closed_brackets(text: str) -> str:
    """`text` with every bracket closed in it blanked out, positions kept (nested ones too)."""
    while (blanked := _CLOSED_BRACKET.sub(lambda m: " " * len(m.group(0)), text)) != text:
        text = blanked
    return text


def _document_year(context: _Context) -> str:
    return str(context.document.year) if context.document.year else ""


def _base_period(comparison: re.Match[str], period: str) -> str:
    if comparison.group("year"):
        return comparison.group("year")
    return _previous_year(period)


def _previous_year(period: str) -> str:
    return str(int(period) - 1) if period.isdigit() else ""


def _record(context: _Context, *, value: float, unit: str, label: str, quote: str, measure: str,
            period: str = "", base_period: str = "", qualifier: str = "") -> Record:
    document = context.document
    record = Record(
        doc_id=document.doc_id, department=document.department, year=document.year, source="text",
        value=value, unit=unit, label=label, section_path=context.section.path, period=period,
        measure=measure, base_period=base_period, qualifier=qualifier, quote=quote, line=context.line)
    if context.project and context.in_targets:
        record = replace(record, row_path=(context.project,))
    return record
