"""The Answer: what every question turns into, and its JSON (DESIGN.md contract)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum


class Status(str, Enum):
    ANSWERED = "answered"
    NOT_FOUND = "not_found"
    OUT_OF_SCOPE = "out_of_scope"
    CLARIFY = "clarify"


@dataclass(frozen=True)
class Fact:
    """A figure the answer states, with where it is in the disclosure.

    :ivar value: e.g. 8.
    :ivar unit: e.g. "万元".
    :ivar label: e.g. "“三公”经费 › 合计".
    :ivar doc: doc_id, e.g. "luohu-2022".
    :ivar ref: "表8" or "第五部分".
    :ivar row: row path joined with " › " (tables), e.g. "2022年"; "" for text.
    :ivar column: column path joined with " › " (tables), e.g. "总计"; "" for text.
    """

    value: float
    unit: str
    label: str
    doc: str
    ref: str
    row: str = ""
    column: str = ""


@dataclass(frozen=True)
class Citation:
    """Where the answer came from.

    :ivar kind: "table" or "section".
    :ivar ref: "表8" or "第五部分".
    :ivar title: the table title, or the section path joined with " › ".
    :ivar quote: the quoted source line(s).
    """

    doc: str
    kind: str
    ref: str
    title: str
    quote: str = ""


@dataclass(frozen=True)
class Answer:
    status: Status
    text: str
    facts: tuple[Fact, ...] = ()
    citations: tuple[Citation, ...] = ()
    latency_ms: float = 0.0
    # Not part of the JSON contract: extra data the UI may draw (e.g. a bar chart of parts).
    chart: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    # Not part of the JSON contract either: set when answering failed inside (a crash the user
    # sees as "没能处理"); the API turns it into a 5xx and the eval into a failed item.
    internal_error: str = field(default="", compare=False)

    def to_dict(self) -> dict:
        return {
            "status": self.status.value,
            "text": self.text,
            "facts": [_number_clean(asdict(f)) for f in self.facts],
            "citations": [asdict(c) for c in self.citations],
            "latency_ms": round(self.latency_ms, 1),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> Answer:
        return cls(
            status=Status(data["status"]),
            text=data["text"],
            facts=tuple(Fact(**f) for f in data.get("facts", [])),
            citations=tuple(Citation(**c) for c in data.get("citations", [])),
            latency_ms=float(data.get("latency_ms", 0.0)),
        )

    @classmethod
    def from_json(cls, text: str) -> Answer:
        return cls.from_dict(json.loads(text))


def _number_clean(fact: dict) -> dict:
    """Whole numbers print as 8, not 8.0."""
    value = fact["value"]
    if isinstance(value, float) and value.is_integer():
        fact["value"] = int(value)
    return fact
