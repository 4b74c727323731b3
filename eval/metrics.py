"""Scoring an eval item's answers, and the report over a set (DESIGN.md "Eval set").

An answerable item is correct when its last turn is answered, every expected
value is stated in the answer text (numbers compared as numbers: "3,776" is
3776), every expected phrase appears, and one citation's ref or title
contains one of the expected `cite` strings. An unanswerable item is correct
when it comes back not_found or out_of_scope.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from assistant.answer import Answer, Status
from assistant.number_text import text_states_number
from assistant.question_words import normalise
from ingest.errors import BudgetQAError

FLOORS = {"overall": 0.98, "citations": 0.98, "refusals": 0.95}
KINDS = ("lookup", "compute", "list", "count", "narrative", "followup", "refuse")


class BadEvalSet(BudgetQAError):
    """An eval set line is not a valid item (the message names the line and the field)."""


@dataclass(frozen=True)
class EvalItem:
    """One known-answer item of an eval set (JSONL line)."""

    id: str
    question: str
    kind: str
    values: tuple[float, ...] = ()
    unit: str = ""
    phrases: tuple[str, ...] = ()
    cite: tuple[str, ...] = ()
    answerable: bool = True
    doc: str | None = None
    turns: tuple[str, ...] = ()

    @property
    def all_turns(self) -> list[str]:
        """The turns to ask: `turns` for multi-turn items, else the one question."""
        return list(self.turns) if self.turns else [self.question]

    @classmethod
    def from_dict(cls, data: dict, line: int = 0) -> EvalItem:
        """Parse one JSON object; raises BadEvalSet naming the line and what is wrong."""
        where = f"评测集第 {line} 行" if line else "评测条目"
        if not isinstance(data, dict):
            raise BadEvalSet(f"{where}不是 JSON 对象。")
        turns = data.get("turns") or ()
        question = data.get("question") or (turns[-1] if turns else "")
        if not question:
            raise BadEvalSet(f"{where}缺少 question（或 turns）。")
        try:
            values = tuple(float(v) for v in data.get("values") or ())
        except (TypeError, ValueError) as error:
            raise BadEvalSet(f"{where}的 values 必须是数字列表：{data.get('values')!r}") from error
        return cls(
            id=str(data.get("id") or f"line{line}"), question=str(question), kind=str(data.get("kind", "")),
            values=values, unit=str(data.get("unit") or ""), phrases=tuple(data.get("phrases") or ()),
            cite=tuple(data.get("cite") or ()), answerable=bool(data.get("answerable", True)),
            doc=data.get("doc"), turns=tuple(turns),
        )


@dataclass(frozen=True)
class ItemScore:
    """How one item fared: correct overall, and citation / refusal verdicts where they apply."""

    item: EvalItem
    correct: bool
    values_ok: bool
    phrases_ok: bool
    citation_ok: bool | None
    refusal_ok: bool | None
    status: str
    latencies: tuple[float, ...] = ()
    crash: str = ""


def citation_matches(answer: Answer, cite: tuple[str, ...]) -> bool:
    """One citation's ref or title contains one of `cite` (any citation will do when `cite` is empty)."""
    if not cite:
        return True
    # A cite typed with the heading's full stop ("(二)机构设置。") names the heading without it; typed with
    # the figure printed on the heading's line ("二、支出预算712.99万元", fK2 of the sixth fresh batch), the
    # heading the section's title keeps (titles end before an inline figure, see ingest/headings.toml).
    wanted = [normalise(c).rstrip("。.") or normalise(c) for c in cite]
    wanted += [head for w in wanted if (head := _HEADING_FIGURE.sub("", w)) != w and head]
    for citation in answer.citations:
        ref, title = normalise(citation.ref), normalise(citation.title)
        if any(_contains(ref, w) or _contains(title, w) for w in wanted):
            return True
    return False


# A figure with its unit closing a typed heading: "712.99万元", " 3.98万元".
_HEADING_FIGURE = re.compile(r"\s*\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元|人次|人|个|辆|件|次|批次|%)$")


def _contains(text: str, wanted: str) -> bool:
    """`wanted` occurs in `text`; "表1" must not match inside "表10" or "表11"."""
    tail = r"(?!\d)" if wanted[-1:].isdigit() else ""
    return re.search(re.escape(wanted) + tail, text) is not None


def crashed_item(item: EvalItem, error: BaseException) -> ItemScore:
    """A crash (or a document that could not be opened) fails the item, whatever it expected:
    counted as a refusal it would make unanswerable items pass."""
    refusal = None if item.answerable else False
    citation = False if item.answerable else None
    return ItemScore(item, False, False, False, citation, refusal, "crash", (),
                     crash=f"{type(error).__name__}: {error}")


def score_item(item: EvalItem, answers: list[Answer]) -> ItemScore:
    """Score the last answer of an item (earlier turns only set up a follow-up); an answer that
    failed inside fails the item like a crash."""
    answer = answers[-1]
    failed = next((a.internal_error for a in answers if a.internal_error), "")
    if failed:
        return crashed_item(item, RuntimeError(failed))
    latencies = tuple(a.latency_ms for a in answers)
    if not item.answerable:
        refused = answer.status in (Status.NOT_FOUND, Status.OUT_OF_SCOPE)
        return ItemScore(item, refused, True, True, None, refused, answer.status.value, latencies)
    text = answer.text
    values_ok = all(text_states_number(text, v) for v in item.values)
    phrases_ok = all(normalise(p) in normalise(text) for p in item.phrases)
    citation_ok = citation_matches(answer, item.cite)
    answered = answer.status == Status.ANSWERED
    correct = answered and values_ok and phrases_ok and citation_ok
    return ItemScore(item, correct, values_ok, phrases_ok, citation_ok if answered else False, None,
                     answer.status.value, latencies)


def percentile(values: list[float], share: float) -> float:
    """The `share` percentile (0–1) by nearest rank; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


@dataclass
class Report:
    """Metrics over an eval set, plus the baseline's retrieval share when measured."""

    scores: list[ItemScore]
    overall_floor: float = FLOORS["overall"]  # a set may be held to its own (the real-document set: 95 %)
    baseline_share: float | None = None
    baseline_note: str = ""
    extra: dict = field(default_factory=dict)

    def _share(self, verdicts: list[bool]) -> float:
        return sum(verdicts) / len(verdicts) if verdicts else 1.0

    @property
    def overall(self) -> float:
        return self._share([s.correct for s in self.scores])

    @property
    def citations(self) -> float:
        return self._share([bool(s.citation_ok) for s in self.scores if s.citation_ok is not None])

    @property
    def refusals(self) -> float:
        return self._share([bool(s.refusal_ok) for s in self.scores if s.refusal_ok is not None])

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """kind → (correct, total)."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for score in self.scores:
            counts[score.item.kind][0] += int(score.correct)
            counts[score.item.kind][1] += 1
        return {kind: (c[0], c[1]) for kind, c in counts.items()}

    def by_document(self) -> dict[str, tuple[int, int]]:
        """doc of the items ("" for items not tied to one document) → (correct, total)."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for score in self.scores:
            counts[score.item.doc or ""][0] += int(score.correct)
            counts[score.item.doc or ""][1] += 1
        return {doc: (c[0], c[1]) for doc, c in counts.items()}

    def latencies(self) -> list[float]:
        """Latency of every answered turn (ms)."""
        return [ms for s in self.scores for ms in s.latencies]

    def meets_floors(self) -> bool:
        """overall ≥ its floor (98 % unless the set has its own), citations ≥ 98 %, refusals ≥ 95 %."""
        return (self.overall >= self.overall_floor and self.citations >= FLOORS["citations"]
                and self.refusals >= FLOORS["refusals"])
