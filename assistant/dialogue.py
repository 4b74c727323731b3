"""Dialogue state for follow-ups: "其中公务接待费呢？", "那2021年呢？", "比去年增加了多少？".

A follow-up keeps what the previous turn established and the new turn does
not say: the figure asked about (its mentions), the document, the period and
the operation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.linking import Mention
from assistant.record_index import RecordIndex, stage, stages_said
from assistant.record_parts import asks_total
from assistant.understand import Intent

_FOLLOW_UP_START = ("那", "那么", "其中", "还有", "另外", "再", "那个", "这个", "它", "这", "同期", "同样")
_FOLLOW_UP_END = ("呢", "呢?", "呢？", "吗?", "吗")
_SHORT_QUESTION = 6
_PART_OF = ("其中", "这其中", "这里面", "里面")


@dataclass(frozen=True)
class DialogueState:
    """What the conversation has established so far (empty at the start)."""

    mentions: tuple[Mention, ...] = ()
    doc_ids: tuple[str, ...] = ()
    period: str = ""
    operation: str = ""
    narrative: str = ""
    subject: str = ""
    counter: str = ""  # the count unit asked ("几辆" → 辆): "那2021年呢？" still counts cars
    pending: str = ""  # a question answered with `clarify`, asked again once the document is chosen
    total_question: str = ""  # a question asking the whole budget with no figure named ("今年一共有多少钱")
    choices: tuple[str, ...] = ()  # the documents that clarify listed, in its order


def is_follow_up(question: str) -> bool:
    """Whether the question leans on the previous turn ("那…呢？", "其中…", a very short question)."""
    text = question.rstrip("?？。!！ ")
    return (text.startswith(_FOLLOW_UP_START) or question.rstrip("?？ ").endswith("呢")
            or len(text) <= _SHORT_QUESTION)


def resolve(intent: Intent, state: DialogueState, all_doc_ids: tuple[str, ...]) -> Intent:
    """The intent with what a follow-up leaves unsaid filled in from `state`."""
    if not state.mentions and not state.doc_ids:
        return intent
    if intent.refusal and intent.refusal != "no_domain":
        return intent
    subjectless = not intent.names_subject and intent.operation not in ("lookup", "narrative")
    # "为什么涨这么多？" names nothing: the reason for what was just answered
    bare_reason = not intent.names_subject and intent.narrative == "reason"
    follow = is_follow_up(intent.question) or subjectless or bare_reason  # "比去年增加了多少？"
    if intent.refusal == "no_domain":
        if not follow:
            return intent
        intent = replace(intent, refusal="", refusal_detail="")
    changes: dict = {}
    if set(intent.doc_ids) == set(all_doc_ids) and state.doc_ids:
        changes["doc_ids"] = state.doc_ids
    changes.update(_subject(intent, state, follow))
    if follow and state.total_question and not intent.mentions and not intent.names_subject:
        # "[一共有多少钱] 那去年呢？": the same whole, asked again
        changes.update(question=state.total_question + intent.question, operation=state.operation)
    if follow and intent.operation == "lookup" and state.operation in ("change", "growth_rate", "share"):
        if intent.mentions and not re.search(r"多少|几", intent.question):
            changes["operation"] = state.operation  # "那公务接待费呢？" after "…比去年增加了多少？"
    if follow and not intent.period and state.period and not re.search(r"20\d\d|今年|本年", intent.question):
        changes["period"] = state.period
    return replace(intent, **changes) if changes else intent


def part_of_the_row(intent: Intent, state: DialogueState, index: RecordIndex) -> Intent:
    """"[行政运行是多少？] 其中基本支出多少？": a part the previous figure's tables print as a column of
    its row is that row's column, not the part's own total (seen in the 支出预算总表 of the
    street-office budget PDFs: 合计 | 基本支出 | 项目支出)."""
    if not intent.question.startswith(_PART_OF) or not state.mentions:
        return intent
    if not intent.names_subject:
        return _part_said(intent, state, index)
    if len(intent.mentions) != 1:
        return intent
    part = intent.mentions[0].text
    rows = [r for m in state.mentions for alias in m.aliases for r in index.by_alias.get(alias, ())
            if r.doc_id in intent.doc_ids and r.source == "table"]
    if not any(part == column for r in rows for column in r.column_path):
        return intent
    return replace(intent, mentions=state.mentions, names_subject=False)


# What a "其中…呢" follow-up says besides the part it names ("其中工程类的呢？" → 工程).
_PART_FILLER = re.compile(r"^(?:这其中|这里面|其中|里面)|(?:类|项|部分)?(?:的)?(?:呢|吗|是多少|多少|有多少)?[？?。]*$")


def _part_said(intent: Intent, state: DialogueState, index: RecordIndex) -> Intent:
    """"[政府采购预算多少？] 其中工程类的呢？": the previous subject's part the text names with it
    (政府采购工程预算, seen in the street-office budget PDFs), when the question names no figure itself."""
    word = _PART_FILLER.sub("", intent.question)
    if len(word) < 2:
        return intent
    aliases = tuple(dict.fromkeys(a for m in state.mentions for a in index.labels_containing(word)
                                  if a != m.text and _said_in_order(m.text, a)))
    if not aliases:
        return intent
    return replace(intent, mentions=(Mention(word, intent.question.find(word), aliases, "partial"),), names_subject=True)


def _said_in_order(text: str, label: str) -> bool:
    """Every character of `text` stands in `label` in order ("政府采购预算" in 政府采购工程预算)."""
    at = 0
    for ch in text:
        at = label.find(ch, at) + 1
        if not at:
            return False
    return True


def _subject(intent: Intent, state: DialogueState, follow: bool) -> dict:
    """The figure a follow-up is about: the previous one, or, for "占X多少", the previous one of X."""
    if not intent.names_subject and state.mentions and follow:
        asked = stages_said(intent.question)  # "[行政运行全年预算是多少] 那实际花了多少？": its 决算
        changes: dict = {"mentions": tuple(_restaged(m, asked) for m in state.mentions) if asked
                         else state.mentions}
        if state.counter and not intent.counter and not intent.wants_money:
            changes["counter"] = state.counter
        narrative = intent.operation == "narrative" and intent.narrative != "reason"
        if narrative and state.operation != "narrative":
            changes.update(operation=state.operation, narrative="")
        return changes
    if intent.operation == "share" and len(intent.mentions) == 1 and state.mentions:
        whole = intent.mentions[0]
        if "占" in intent.question[:whole.start]:  # "占公用支出多少比例？": the part is the previous subject
            return {"mentions": (state.mentions[0], whole)}
    return {}


# The stage a label ends with ("…行政运行全年预算"): a follow-up asking the other stage drops it.
_STAGE_TAIL = re.compile(r"(?:全年|年初|调整后?)?(?:预算|决算|执行)数?$")


def _restaged(mention: Mention, asked: set[str]) -> Mention:
    """The previous subject's labels without a stage other than `asked` at their end."""
    aliases: list[str] = []
    for alias in mention.aliases:
        said = stage(alias)
        name = _STAGE_TAIL.sub("", alias) if said and said not in asked and _STAGE_TAIL.search(alias) else alias
        if name and name not in aliases:
            aliases.append(name)
    return replace(mention, aliases=tuple(aliases))


def advance(state: DialogueState, intent: Intent, answered: bool) -> DialogueState:
    """The state after a turn: an answered or attempted figure question becomes the new context."""
    if intent.refusal:
        return state
    mentions = intent.mentions if intent.mentions or intent.names_subject else state.mentions
    return DialogueState(
        mentions=mentions, doc_ids=intent.doc_ids, period=intent.period,
        operation=intent.operation, narrative=intent.narrative, counter=intent.counter,
        subject="".join(m.text for m in mentions) if answered or intent.mentions else state.subject,
        total_question=intent.question if not mentions and asks_total(intent.question) else "",
    )
