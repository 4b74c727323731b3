"""What a narrative figure is of when the words before it do not say it alone: the sentence's subject,
the figure it relates to ("完成年初预算的27.8%"), the things a count counted, a stage of an item."""

from __future__ import annotations

import re

from ingest.statements.figure_labels import (
    clean_label, following_noun, is_weak, label_rules, qualified_count, rename_weak, stage_word)
from ingest.statements.figure_patterns import figure_patterns, unit_kind
from ingest.statements.figure_state import Context, Sentence


def named_in_full(label: str, stated: list[str]) -> str:
    """The earlier sentence's label a change names by its start: "2024年度收、支总计均为832.82万元。
    收、支与2023年度相比,增加98.73万元" is a change of 收、支总计."""
    # "收入年初预算" is 收入 at one stage: "收入较去年增加" changes 收入, not the stage
    fuller = [earlier for earlier in stated if earlier.startswith(label) and len(earlier) > len(label)
              and earlier[len(label):] not in figure_patterns().relative]
    return fuller[-1] if label and fuller else label


# "2019年支出决算…,上年支出决算…,与上年相比增11.41%": the change is of the year's figure, not of
# last year's (seen in a 决算 of the development corpus).
_BASE_YEAR_LABEL = re.compile(r"^(?:上年|去年|上一年)")


def subject_label(sentence: Sentence, context: Context, text: str, prefer_last: bool = False,
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
    if kind == "money" and context.rated:
        # "…运行维护费预算安排8万元,较2021年预算下降42.86%。减少6万元。": the amount of change said in a
        # sentence of its own completes the rate the sentence before gave its figure, not the section's
        # (seen in s15 of the development corpus)
        return context.rated
    if kind == "money" and context.previous and not context.project and (
            not context.subject or context.subject in figure_patterns().relative):
        # "2019年基本支出30.918718万元,…。较2018年决算减少0.108209万元" (fD3 of the second fresh batch): a
        # sentence opening with its comparison speaks of the one figure of the sentence before, not of a
        # section named by a stage ("三、支出决算具体情况"); a section naming its item ("1.社保综合管理") keeps it
        return context.previous
    return context.project or context.subject or rename_weak(label)


def _first_unchanged(sentence: Sentence, kind: str) -> str:
    """"公务用车保有量2辆,购置及运行维护费5万元,占%,比上年减少0.28万元,公务接待费30万元,占%,比上年减少
    2万元": a change in 万元 is not of the 辆 before it, and each item changes once (seen in a budget
    text of the development corpus); other figures relate to the sentence's first."""
    if kind not in ("money", "count"):
        return sentence.labels[0]
    same = [label for label, its in zip(sentence.labels, sentence.kinds) if its == kind]
    unchanged = [label for label in same if label not in sentence.changed]
    return (unchanged or same or sentence.labels)[0]


def level_label(sentence: Sentence, context: Context, pre: str, after: str, unit: str) -> str:
    patterns = figure_patterns()
    noun = following_noun(after, unit)
    if noun:
        return _counted_with_amount(context, pre, noun, after) or noun
    if unit_kind(unit) == "money" and _amount_of_counted(sentence, pre):
        return sentence.last_label
    relation = patterns.relation.match(pre)
    if relation and sentence.last_label:  # "完成年初预算的 27.8%"
        completed = sentence.last_label + clean_label(_STAGE_OF.sub("", pre), (), context.document.kind)
        if unit_kind(unit) != "money":
            return completed
        # "支出决算7.8万元,完成预算10万元的78.0%": 10 万元 is the budget (seen in 决算 texts of the
        # development corpus), 78.0% how much of it was spent
        sentence.completion = completed
        return _relative_label(sentence.subject or sentence.last_label, pre[relation.end():])
    if unit_kind(unit) == "percent" and sentence.completion and pre.strip() == "的":
        return sentence.completion
    label = stage_word(pre, patterns.relative) or clean_label(pre, context.aliases, context.document.kind)
    if counted := qualified_count(label, unit):  # "事业编制314人;实际316人", "事业编制0人,实际0人"
        return (sentence.labels[-1] if sentence.kinds and sentence.kinds[-1] == "count" else "") + counted
    if label in patterns.relative and (subject := _stage_subject(sentence, context, pre)):  # "年初预算为 2 万元"
        return _relative_label(subject, label)
    if pre.strip() in patterns.item_total and sentence.labels and context.item:
        return context.item  # "年人均 2400 元计 643200 元"
    purpose = patterns.purpose.match(after)
    if is_weak(label) and purpose and unit_kind(unit) == "money":
        return purpose.group(1)  # "30 万元用于基建工程项目审计"
    if sentence.labels and label.startswith("本年") and (other := _other_side(sentence.labels[-1], label)):
        return other
    head = label_rules().elliptical.get(label, "")
    if head and sentence.labels and sentence.labels[-1].startswith(head):
        return head + label  # "公务用车保有量2辆,购置及运行维护费5万元"
    if not is_weak(label):
        return label
    if sentence.labels:
        return _other_side(sentence.labels[-1], label) or _part_name(pre) or sentence.labels[-1]
    return context.project or context.subject or rename_weak(label)


# "完成全年预算数的98.69%": the stage completed is 全年预算; the label's tail words would cut its 预算数
# with the 的 (seen in the 决算 template of the development corpus's real PDFs).
_STAGE_OF = re.compile(r"(?<=[预决]算)数?的$")


def _counted_with_amount(context: Context, pre: str, noun: str, after: str) -> str:
    """"年初批复预算8个项目985万元": things counted and then their amount are named with the words before
    the count as well, and both figures are of 年初批复预算项目 (seen in s18 of the development corpus);
    "" when no amount follows the counted things."""
    if label_rules().money_noun.search(noun):
        return ""  # "0辆公务接待费4.5万元": the noun names the amount, not the things counted
    amount = figure_patterns().figure.match(after, len(noun)) if after.startswith(noun) else None
    if not amount or unit_kind(figure_patterns().canonical.get(amount.group(2), amount.group(2))) != "money":
        return ""
    if after.startswith("/", amount.end()):
        return ""  # "20名群众务工增收5000元/年": a rate, not the amount of the things counted
    label = clean_label(pre + noun, context.aliases, context.document.kind)
    return label if label.endswith(noun) else ""


def _amount_of_counted(sentence: Sentence, pre: str) -> bool:
    """Whether a money figure follows right after the things the count before it counted ("8个项目985万元")."""
    return bool(pre) and pre == sentence.lead and bool(sentence.kinds) and sentence.kinds[-1] == "count" \
        and sentence.last_label.endswith(pre)


def _stage_subject(sentence: Sentence, context: Context, pre: str) -> str:
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
    side = label.removeprefix("本年")
    other = _SIDES.get(side)
    if other and other in previous and previous.index(other) > 0:
        return previous[:previous.index(other)] + side
    return ""


def _relative_label(subject: str, word: str) -> str:
    """The subject with a relative word: "公务接待费支出" + "差值"; a subject that is itself
    relative gives way ("经费支出年初预算" + "支出决算" → "经费支出决算")."""
    for relative in sorted(figure_patterns().relative, key=len, reverse=True):
        if subject.endswith(relative) and len(subject) > len(relative):
            subject = subject[:-len(relative)]
            break
    if word.endswith("预算") and subject.endswith("预算") and len(subject) > 2:
        subject = subject[:-2]  # "支出预算" + "年初预算" → "支出年初预算"
    elif word.endswith("决算") and subject.endswith("预算") and len(subject) > 2:
        subject = subject[:-2]  # "…经费支出预算" + "支出决算" → "…经费支出决算" (n02 of the development corpus)
    for size in range(min(len(subject), len(word)), 0, -1):
        if subject.endswith(word[:size]):
            return subject + word[size:]
    return subject + word
