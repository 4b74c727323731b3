"""Answers as HTML for the chat: text, figures, chart, citations.

Presentation only: every string from a disclosure or a question is escaped;
figures are printed as the assistant gave them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from assistant.answer import Answer, Status
from ingest.model import Document
from ui.chart import render_chart
from ui.citations import render_citation
from ui.numbers import format_amount

DocumentLookup = Callable[[str], "Document | None"]

STATUS_LABELS = {
    Status.ANSWERED: "",
    Status.NOT_FOUND: "公开文件中没有找到",
    Status.OUT_OF_SCOPE: "超出公开文件范围",
    Status.CLARIFY: "请补充说明",
}

# Questions any disclosure answers; the first example names a loaded department instead.
GENERAL_EXAMPLES = ("公车有几辆？", "为什么预算比去年多？", "支出结构是怎样的？")


def example_questions(departments: Sequence[str]) -> tuple[str, ...]:
    """The example buttons, the first naming the first loaded department ("…今年一共有多少钱？")."""
    named = next((d for d in departments if d), "")
    return (f"{named}今年一共有多少钱？", *GENERAL_EXAMPLES)


@dataclass(frozen=True)
class Turn:
    """One exchange of the chat: the question as typed and the assistant's answer.

    :ivar error: the Chinese message shown instead of an answer when the question
        could not be asked (e.g. the chosen document was removed); then `answer` is None.
    """

    question: str
    answer: Answer | None
    error: str = ""


def render_transcript(turns: Sequence[Turn], lookup: DocumentLookup, intro: str = "") -> str:
    """The whole chat: a welcome note when empty, else every turn, newest last."""
    if not turns:
        return render_welcome(intro)
    return '<div class="transcript">' + "".join(render_turn(t, lookup) for t in turns) + "</div>"


def render_welcome(intro: str = "") -> str:
    """What an empty chat shows: what can be asked, about which disclosure."""
    about = f'<p class="welcome-doc">当前文件：{escape(intro)}</p>' if intro else ""
    return ('<div class="welcome"><p class="welcome-title">您好！请就部门预算、决算公开的内容提问。</p>'
            f'{about}<p class="muted">每个回答都注明出处（表格的行和列，或正文章节），'
            '点击出处可查看原表或原文。可以接着追问，例如“那2021年呢？”。下面是一些示例问题：</p></div>')


def render_turn(turn: Turn, lookup: DocumentLookup) -> str:
    """A question bubble followed by its answer card (or the error message)."""
    if turn.answer is None:
        body = f'<div class="answer status-error"><p class="answer-text">{escape(turn.error)}</p></div>'
    else:
        body = render_answer(turn.answer, lookup)
    return (f'<div class="turn"><div class="question"><span class="who">问</span>'
            f'<p>{escape(turn.question)}</p></div>{body}</div>')


def render_answer(answer: Answer, lookup: DocumentLookup) -> str:
    """An answer card: status, text, figures, chart, citations."""
    label = STATUS_LABELS.get(answer.status, "")
    badge = f'<span class="status-badge">{escape(label)}</span>' if label else ""
    text = escape(answer.text).replace("\n", "<br>")
    return (f'<div class="answer status-{escape(answer.status.value)}">{badge}'
            f'<p class="answer-text">{text}</p>{render_figures(answer)}'
            f'{render_chart(answer.chart, _chart_unit(answer))}{render_citations(answer, lookup)}</div>')


def render_figures(answer: Answer) -> str:
    """The figures the answer states, each with its label: "3,776 万元 · 部门预算收入"."""
    if not answer.facts:
        return ""
    chips = "".join(
        f'<li class="figure"><span class="figure-value">{escape(format_amount(f.value, f.unit))}</span>'
        f'<span class="figure-label">{escape(f.label)}</span></li>' for f in answer.facts)
    return f'<ul class="figures">{chips}</ul>'


def render_citations(answer: Answer, lookup: DocumentLookup) -> str:
    """The answer's sources, each expandable to the cited table rows or passage."""
    if not answer.citations:
        return ""
    items = "".join(render_citation(c, answer.facts, lookup(c.doc)) for c in answer.citations)
    return f'<div class="citations"><p class="citations-title">出处</p>{items}</div>'


def _chart_unit(answer: Answer) -> str:
    """The chart's unit: the one unit of the facts that are the charted parts ("" if they differ)."""
    values = {value for _, value in answer.chart}
    units = {fact.unit for fact in answer.facts if fact.value in values}
    return units.pop() if len(units) == 1 else ""

