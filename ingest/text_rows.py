"""Body lines of a text table -> grid rows (label cells first, then value cells).

Handles labels wrapped over lines before their numbers ("机关事业单位基本养" /
"老保险缴费" / "167 167 …"), two-sided lines (income left, expenditure right),
classification codes and year rows.
"""

from __future__ import annotations

import re
from typing import Protocol

from ingest.schemas import Schema
from ingest.text_cells import segments, trailing_values

CODE = re.compile(r"^\s*(\d{3}(?:\d{2}){0,3})\s+(\S.*)$")
MAX_WRAP = 3


class NumberedLine(Protocol):
    number: int
    text: str


Rows = tuple[list[tuple[str, ...]], list[int], list[str]]


def cut_rows(body: list[NumberedLine], schema: Schema | None, department: str = "") -> Rows:
    """Cut body lines into grid rows; return (rows, line numbers, quotes)."""
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    quotes: list[str] = []
    pending: list[NumberedLine] = []
    structure = schema.structure if schema else "generic"
    for body_line in body:
        label, values = trailing_values(body_line.text)
        if not values:
            pending.append(body_line)
            continue
        if not label.strip() and pending:
            wrapped = pending[-MAX_WRAP:]
            text = wrapped[0].text.rstrip() + "".join(p.text.strip() for p in wrapped[1:])
            line_text = text + " " + body_line.text.strip()
            first, quote = wrapped[0].number, line_text.strip()
            _flush_labels(pending[:-MAX_WRAP], rows, numbers, quotes)
        else:
            _flush_labels(pending, rows, numbers, quotes)
            line_text, first, quote = body_line.text, body_line.number, body_line.text.strip()
        pending = []
        rows.append(_cut_line(line_text, structure))
        numbers.append(first)
        quotes.append(quote)
    _flush_labels(pending, rows, numbers, quotes)
    if structure == "two_sided":
        rows = place_single_pairs(rows)
    return rows, numbers, quotes


INCOME_LABEL = re.compile(r"(收入|拨款|资金|结余|结转)$")


def place_single_pairs(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Move single label+value lines to the right side once both sides were seen.

    After a page break the income side has usually ended and a line holds only
    the expenditure side ("    行政事业单位医疗 73").
    """
    placed: list[tuple[str, ...]] = []
    seen_both = False
    for row in rows:
        single = len(row) == 4 and not row[2] and not row[3]
        if single and seen_both and not INCOME_LABEL.search(row[0].strip()):
            row = ("", "", row[0], row[1])
        seen_both = seen_both or (len(row) == 4 and bool(row[0].strip()) and bool(row[2].strip()))
        placed.append(row)
    return placed


def _flush_labels(pending: list[NumberedLine], rows, numbers, quotes) -> None:
    """Lines without numbers inside a table are kept as label-only rows (never dropped)."""
    for line in pending:
        rows.append((line.text.rstrip(),))
        numbers.append(line.number)
        quotes.append(line.text.strip())


def _cut_line(text: str, structure: str) -> tuple[str, ...]:
    if structure == "two_sided":
        return two_sided_cells(text)
    label, values = trailing_values(text)
    if structure == "coded":
        match = CODE.match(label)
        if match:
            return (match.group(1), match.group(2).strip()) + values
        return (label.strip(),) + values
    return (label,) + values


def two_sided_cells(text: str) -> tuple[str, str, str, str]:
    """(left label, left value, right label, right value) of a two-sided line.

    A right label's indentation is the run of spaces before it (less the one
    separating it from the left value). A single label+value pair is the right
    side when it is indented like a right-side continuation after a page break;
    the caller decides the side of single pairs (see `tables.two_sided`).
    """
    parts = [s for s in segments(text) if s.label.strip() or s.values]
    if len(parts) >= 4 and parts[0].label and parts[1].values and parts[2].label and parts[3].values:
        right_label = " " * max(parts[2].gap - 1, 0) + parts[2].label.strip()
        return (parts[0].label.rstrip(), " ".join(parts[1].values), right_label, " ".join(parts[3].values))
    label, values = trailing_values(text)
    return (label, " ".join(values), "", "")
