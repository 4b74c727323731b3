"""Cut one printed table line into label text and value cells.

A value is a whitespace-delimited number as printed: "3,776", "0", "6 %",
"≥3600 件", "=100%", "11,122,315.04". A label is everything else; its
leading spaces are kept because they carry the row hierarchy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.units import CELL_UNITS

NUMBER = r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
QUALIFIER = r"(?:≥|≤|>=|<=|=|>|<|＞|＜|≧|≦)"
_UNIT_ALT = "|".join(re.escape(u) for u in CELL_UNITS)
VALUE_TOKEN = re.compile(rf"^{QUALIFIER}?{NUMBER}(?:{_UNIT_ALT})?$")
UNIT_TOKEN = re.compile(rf"^(?:{_UNIT_ALT})$")
BARE_UNIT_TOKEN = re.compile(r"^(?:%|％)$")


@dataclass(frozen=True)
class Token:
    """A whitespace-delimited piece of a line and where it starts."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A run of label text or a run of values, in printed order.

    :ivar label: the label text with its leading spaces ("" for a value run).
    :ivar values: the printed values of a value run (() for a label run).
    :ivar gap: spaces before the segment (the indentation of a right-side label).
    """

    label: str = ""
    values: tuple[str, ...] = ()
    gap: int = 0


def tokens(line: str) -> list[Token]:
    """Whitespace-delimited tokens with their positions."""
    return [Token(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", line)]


def is_value(text: str) -> bool:
    """True for a printed number such as "3,776", "≥3600件", "=100%"."""
    return bool(VALUE_TOKEN.match(text))


def _merge_units(items: list[Token]) -> list[tuple[Token, bool]]:
    """Mark value tokens, gluing a following unit token ("6" "%" -> "6 %", "≥3600" "件")."""
    marked: list[tuple[Token, bool]] = []
    for token in items:
        if marked and marked[-1][1] and UNIT_TOKEN.match(token.text) and not _has_unit(marked[-1][0].text):
            prev = marked[-1][0]
            marked[-1] = (Token(prev.text + " " + token.text, prev.start, token.end), True)
            continue
        marked.append((token, is_value(token.text)))
    return marked


def _has_unit(text: str) -> bool:
    return not text[-1].isdigit()


def segments(line: str) -> list[Segment]:
    """Split a line into alternating label and value runs (label text keeps inner spaces)."""
    result: list[Segment] = []
    previous_end = 0
    for token, valued in _merge_units(tokens(line)):
        gap = token.start - previous_end
        if valued:
            if result and result[-1].values:
                last = result[-1]
                result[-1] = Segment(values=last.values + (token.text,), gap=last.gap)
            else:
                result.append(Segment(values=(token.text,), gap=gap))
        elif result and result[-1].label and not result[-1].values:
            last = result[-1]
            result[-1] = Segment(label=last.label + line[previous_end:token.end], gap=last.gap)
        else:
            label = line[:token.end] if not result else token.text
            result.append(Segment(label=label, gap=gap))
        previous_end = token.end
    return result


def trailing_values(line: str) -> tuple[str, tuple[str, ...]]:
    """(label with leading spaces, values printed at the end of the line)."""
    parts = segments(line)
    if not parts or not parts[-1].values:
        return line.rstrip(), ()
    values = parts[-1].values
    cut = _value_run_start(line, len(values))
    return line[:cut].rstrip(), values


def _value_run_start(line: str, count: int) -> int:
    marked = _merge_units(tokens(line))
    return marked[-count][0].start if count <= len(marked) else 0


def is_column_numbers(line: str) -> bool:
    """"栏次 1 2 3 4 5 6" (or bare "1 2 … 12") under a 决算 table's header: column numbers, not amounts."""
    words = line.split()
    numbers = [int(w) for w in words if w.isdigit()]
    others = [w for w in words if not w.isdigit()]
    if numbers != list(range(1, len(numbers) + 1)) or not numbers:
        return False
    return all(w == "栏次" for w in others) and (bool(others) or len(numbers) >= 2)
