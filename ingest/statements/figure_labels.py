"""What a narrative figure is: its label, cleaned from the words before (or after) the number.

"2022年深圳市社会保险基金管理局罗湖分局 部门预算收入 3,776 万元" → "部门预算收入";
"其中货物采购 0 万元" → "货物采购"; "持有 2 辆公务用车" → "公务用车";
"1 辆公务用车已达报废年限已处置" → "已处置公务用车".
The stop-words live in `figures.toml` beside `figures.py`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class LabelRules:
    """Label stop-words and patterns from figures.toml."""

    head: tuple[str, ...]
    kept_head: tuple[str, ...]
    elliptical: dict[str, str]
    tail: tuple[str, ...]
    remove: tuple[re.Pattern[str], ...]
    short_name: re.Pattern[str]
    budget_tail: re.Pattern[str]
    budget_head: re.Pattern[str]
    adverb_tail: re.Pattern[str]
    weak: frozenset[str]
    rename: dict[str, str]
    noun_stop: re.Pattern[str]
    noun_state: re.Pattern[str]
    noun_counts: frozenset[str]
    count_qualifiers: frozenset[str]
    money_noun: re.Pattern[str]
    qualified_nouns: dict[str, str]
    max_length: int
    classification: re.Pattern[str]
    section_tail: re.Pattern[str]
    other_name: re.Pattern[str]
    other_name_share: float


@cache
def figure_settings() -> dict:
    """The parsed figures.toml."""
    with open(Path(__file__).with_name("figures.toml"), "rb") as handle:
        return tomllib.load(handle)


@cache
def label_rules() -> LabelRules:
    data = figure_settings()["labels"]
    return LabelRules(
        head=tuple(sorted(data["head"], key=len, reverse=True)),
        kept_head=tuple(data["kept_head"]),
        elliptical=dict(data["elliptical"]),
        tail=tuple(sorted(data["tail"], key=len, reverse=True)),
        remove=tuple(re.compile(p) for p in data["remove"]),
        short_name=re.compile(data["short_name"]),
        budget_tail=re.compile(data["budget_tail"]),
        budget_head=re.compile(data["budget_head"]),
        adverb_tail=re.compile(data["adverb_tail"]),
        weak=frozenset(data["weak"]),
        rename=dict(data["rename"]),
        noun_stop=re.compile(data["noun_stop"]),
        noun_state=re.compile(data["noun_state"]),
        noun_counts=frozenset(data["noun_counts"]),
        count_qualifiers=frozenset(data["count_qualifiers"]),
        money_noun=re.compile(data["money_noun"]),
        qualified_nouns=dict(data["qualified_nouns"]),
        max_length=data["max_length"],
        classification=re.compile(data["classification"]),
        section_tail=re.compile(data["section_tail"]),
        other_name=re.compile(data["other_name"]),
        other_name_share=data["other_name_share"],
    )


def department_aliases(department: str) -> tuple[str, ...]:
    """Ways the text names the department: the full name and its tails of 4+ characters,
    longest first ("深圳市社会保险基金管理局罗湖分局", "市社会保险基金管理局罗湖分局", …)."""
    if not department:
        return ()
    return tuple(department[i:] for i in range(0, max(len(department) - 3, 1)))  # a 3-character name too


def clean_label(text: str, aliases: tuple[str, ...] = (), kind: str = "budget") -> str:
    """The noun phrase a figure is about, from the words before its number."""
    rules = label_rules()
    label = _short_name(text.replace("|", " "), rules.short_name).strip()
    for pattern in rules.remove:
        label = pattern.sub("", label).strip()
    label = _strip_other_name(label, aliases[0] if aliases else "", rules)
    changed = True
    while changed and label:
        before = label
        label = _strip_department(label, aliases)
        if not label.startswith(rules.kept_head):
            label = _strip_words(label, rules.head, at_start=True)
        label = _strip_words(label, rules.tail, at_start=False)
        label = (rules.adverb_tail.sub("", label) or label).strip("、，,；;：: ")
        changed = label != before
    if kind == "budget" and label:
        label = rules.budget_tail.sub("", label) or label
        label = rules.budget_head.sub("", label)
    return label if rules.classification.search(label) else _shorten(label, rules.max_length)


def _short_name(label: str, pattern: re.Pattern[str]) -> str:
    """The short name a bracket gives instead of all named before it; a name wholly in quotes
    ("以下简称“州数据发展中心”") without them, so that a department's short name is stripped too."""
    match = pattern.search(label)
    if not match:
        return label
    name = match.group("name")
    if re.fullmatch(r"“[^“”]+”", name):
        name = name[1:-1]
    return name + label[match.end():]


def _shorten(label: str, limit: int) -> str:
    """A run-on label from a flattened table: keep what follows the last number, at most `limit`. A long
    name without numbers is one phrase: what follows its last 的 names it ("一般公共预算财政拨款安排的
    “三公”经费支出决算总额" → "“三公”经费支出决算总额", fL2 of the sixth fresh batch); cut from the left it
    would start mid-word."""
    if len(label) <= limit:
        return label
    head = label.rsplit("的", 1)[-1]
    if not re.search(r"\d", label) and head != label and _MIN_HEAD_NOUN <= len(head) <= limit:
        return head
    tail = re.split(r"[\d\s]+", label)[-1].lstrip("%)）分.、")
    return (tail or label)[-limit:]


# A head noun after 的 shorter than this ("的费用" → "费用") says too little to stand for the whole.
_MIN_HEAD_NOUN = 4


def _strip_other_name(label: str, department: str, rules: LabelRules) -> str:
    """`label` without another name of the department before its budget term (see figures.toml)."""
    match = rules.other_name.match(label)
    if not match or not department:
        return label
    name = [ch for ch in match.group(0) if not ch.isdigit()]
    shared = sum(1 for ch in name if ch in department)
    return label[match.end():] if name and shared / len(name) >= rules.other_name_share else label


def _strip_department(label: str, aliases: tuple[str, ...]) -> str:
    for alias in aliases:
        if label.startswith(alias) and len(label) > len(alias):
            return label[len(alias):]
    return label


def _strip_words(label: str, words: tuple[str, ...], at_start: bool) -> str:
    for word in words:
        if at_start and label.startswith(word) and len(label) > len(word):
            return label[len(word):]
        if not at_start and label.endswith(word) and len(label) > len(word):
            return label[:-len(word)]
    return label


def stage_word(text: str, stages: frozenset[str]) -> str:
    """The budget stage a figure is said to be, when the words before it say only that
    ("，全年预算为" → "全年预算", "2018年年初预算数" → "年初预算"); "" otherwise. Head words would
    cut it short ("全年" opens "全年安排…", and "2018年年初预算数" loses its year and 预算数)."""
    words = re.sub(r"^[、，,；;\s]*(?:(?:19|20)\d{2}年度?)?|(?:为|是)?[:：]?\s*$", "", text)
    for word in (words, words.removesuffix("数")):
        if word in stages:
            return word
    return ""


def is_weak(label: str) -> bool:
    """Whether a label says nothing on its own ("预算数", "合计", "")."""
    return label in label_rules().weak


def rename_weak(label: str) -> str:
    """A label that stayed weak after the fallbacks ("预算" → "部门预算")."""
    return label_rules().rename.get(label, label)


def following_noun(text_after: str, unit: str) -> str:
    """The counted thing printed after a count ("2 辆公务用车," → "公务用车"); "" if none."""
    rules = label_rules()
    if unit not in rules.noun_counts:
        return ""
    stop = rules.noun_stop.search(text_after)
    noun = text_after[:stop.start()] if stop else text_after
    if noun.startswith(("以上", "以下", "以内", "左右")):
        return ""
    clause = re.split(r"[，,。；;]", text_after, maxsplit=1)[0].strip()
    state = rules.noun_state.search(clause[len(noun):]) if noun else None
    # "1 辆公务用车已达报废年限已处置" → "已处置公务用车", apart from the vehicles held
    return state.group(0) + noun.strip() if state else noun.strip()


def qualified_count(label: str, unit: str) -> str:
    """What a count named only by its qualifier counts: "实际" with 人 → "实际人数"; "" otherwise."""
    rules = label_rules()
    noun = rules.qualified_nouns.get(unit, "")
    return label + noun if noun and label in rules.count_qualifiers else ""


def section_subject(title: str, aliases: tuple[str, ...], kind: str, level: int = 1) -> str:
    """What a section is about, from its title ("（一）人员支出" → "人员支出"); "" for the
    preamble and the table of contents, and for a section named after the department."""
    if level == 1 and not title.startswith("第"):
        return ""
    title = title.split(" ", 1)[1] if title.startswith("第") and " " in title else title
    subject = clean_label(label_rules().section_tail.sub("", title), aliases, kind)
    return "" if aliases and subject == aliases[0] else subject
