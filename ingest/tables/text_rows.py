"""Body lines of a text table -> grid rows (label cells first, then value cells).

Handles labels wrapped over lines before their numbers ("机关事业单位基本养" /
"老保险缴费" / "167 167 …"), two-sided lines (income left, expenditure right),
classification codes and year rows.
"""

from __future__ import annotations

import re
from typing import Protocol

from ingest.tables.schemas import Schema
from ingest.tables.text_cells import Segment, is_value, segments, trailing_values
from ingest.tables.two_sided import side_widths

CODE = re.compile(r"^\s*(\d{3}(?:\d{2}){0,3})\s+(\S.*)$")
MAX_WRAP = 3


class NumberedLine(Protocol):
    number: int
    text: str


Rows = tuple[list[tuple[str, ...]], list[int], list[str]]


def cut_rows(body: list[NumberedLine], schema: Schema | None, department: str = "",
             line_numbers: bool = False) -> Rows:
    """Cut body lines into grid rows; return (rows, line numbers, quotes).

    `line_numbers`: the header prints 行次, so the first number after a two-sided label is
    its row number, not an amount.
    """
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    quotes: list[str] = []
    pending: list[NumberedLine] = []
    structure = schema.structure if schema else "generic"
    if structure == "blocks":
        return cut_block_rows(body)
    widths = side_widths(schema) if structure == "two_sided" else (1, 1)
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
        rows.append(_cut_line(line_text, structure, widths, line_numbers))
        numbers.append(first)
        quotes.append(quote)
    _flush_labels(pending, rows, numbers, quotes)
    if structure == "two_sided":
        rows = place_single_pairs(rows, widths)
    return rows, numbers, quotes


INCOME_LABEL = re.compile(r"(收入|拨款|资金|结余|结转)$")


def place_single_pairs(rows: list[tuple[str, ...]],
                       widths: tuple[int, int] = (1, 1)) -> list[tuple[str, ...]]:
    """Move single label+value lines to the right side once both sides were seen.

    After a page break the income side has usually ended and a line holds only
    the expenditure side ("    行政事业单位医疗 73"). When the sides print a different
    number of values, `two_sided_cells` already placed the line by its count.
    """
    left, right = widths
    width = 2 + left + right
    placed: list[tuple[str, ...]] = []
    seen_both = False
    for row in rows:
        single = (len(row) == width and not row[1 + left].strip()
                  and not any(c.strip() for c in row[2 + left:]))
        if single and left == right and seen_both and not INCOME_LABEL.search(row[0].strip()):
            row = ("",) * (1 + left) + (row[0],) + row[1:1 + left]
        seen_both = seen_both or (len(row) == width and bool(row[0].strip()) and bool(row[1 + left].strip()))
        placed.append(row)
    return placed


def _flush_labels(pending: list[NumberedLine], rows, numbers, quotes) -> None:
    """Lines without numbers inside a table are kept as label-only rows (never dropped)."""
    for line in pending:
        rows.append((line.text.rstrip(),))
        numbers.append(line.number)
        quotes.append(line.text.strip())


def _cut_line(text: str, structure: str, widths: tuple[int, int] = (1, 1),
              line_numbers: bool = False) -> tuple[str, ...]:
    if structure == "two_sided":
        return two_sided_cells(text, widths, line_numbers)
    label, values = trailing_values(text)
    if structure == "coded":
        match = CODE.match(label)
        if match:
            return (match.group(1), match.group(2).strip()) + values
        return (label.strip(),) + values
    return (label,) + values


ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _amounts(values: tuple[str, ...], width: int, line_numbers: bool, join: bool) -> tuple[str, ...]:
    """One side's value cells: its 行次 dropped, a blank amount as "".

    A count that does not fit the side is returned as printed, so the row does not fit
    the schema and the table falls back to the generic parser (nothing is misplaced).
    """
    if line_numbers and values and ROW_NUMBER.match(values[0]):
        values = values[1:]
    if not values:
        return ("",) * width
    if join and width == 1:
        return (" ".join(values),)
    return tuple(values)


def _drop_trailing_row_numbers(values: tuple[str, ...]) -> list[str]:
    kept = list(values)
    while kept and ROW_NUMBER.match(kept[-1]):
        kept.pop()
    return kept


def two_sided_cells(text: str, widths: tuple[int, int] = (1, 1),
                    line_numbers: bool = False) -> tuple[str, ...]:
    """(left label, left values…, right label, right values…) of a two-sided line.

    A right label's indentation is the run of spaces before it (less the one
    separating it from the left value). A single label+value pair is the right
    side when it is indented like a right-side continuation after a page break;
    the caller decides the side of single pairs (see `place_single_pairs`). With
    `line_numbers`, a line may open with a left 行次 alone (a blank filler row of
    公开01表: "  9   九、卫生健康支出 39 25,037,565.22").
    """
    left, right = widths
    join = widths == (1, 1) and not line_numbers
    parts = [s for s in segments(text) if s.label.strip() or s.values]
    if line_numbers and parts and parts[0].values:
        parts = [Segment(label="")] + parts
    if len(parts) >= 4 and (parts[0].label or line_numbers) and parts[1].values and parts[2].label \
            and parts[3].values:
        right_label = " " * max(parts[2].gap - 1, 0) + parts[2].label.strip()
        return ((parts[0].label.rstrip(),) + _amounts(parts[1].values, left, line_numbers, join)
                + (right_label,) + _amounts(parts[3].values, right, line_numbers, join))
    label, values = trailing_values(text)
    if line_numbers and values and ROW_NUMBER.match(values[0]):
        # a side's blank filler rows print only their 行次 ("23 53", "国有资本经营预算财政拨款 27 57")
        values = values[:1] + tuple(_drop_trailing_row_numbers(values[1:]))
    amounts = _amounts(values, left, line_numbers, join)
    if len(amounts) != left and len(amounts) == right:
        return ("",) * (1 + left) + (label,) + amounts  # only the wider right side prints this many
    return (label,) + amounts + ("",) * (1 + right)


# An economic-classification code (301, 30101) opening a block of a side-by-side line.
ECONOMIC_CODE = re.compile(r"^3\d{2}(?:\d{2})?$")


def block_entries(text: str) -> list[tuple[str, str, str]]:
    """(code, name, amount) of each block of a side-by-side line, in printed order.

    公开06表 prints 人员经费 and 公用经费 as blocks of "科目编码 科目名称 决算数" on one
    line ("30101 基本工资 3,210,000.00 30201 办公费 234,567.80"); a blank amount leaves
    "" ("30103 奖金 30203 咨询费 1,000.00"); totals have no code ("人员经费合计 9,607,974.04").
    """
    words = text.split()
    entries: list[list[str]] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if ECONOMIC_CODE.match(word) and following and not is_value(following):
            entries.append([word, "", ""])
        elif is_value(word) and entries and entries[-1][1] and not entries[-1][2]:
            entries[-1][2] = word
        elif is_value(word):
            entries.append(["", "", word])  # a number without a name: kept, never dropped
        elif entries and not entries[-1][2] and (entries[-1][1] or entries[-1][0]):
            entries[-1][1] += word
        else:
            entries.append(["", word, ""])
    return [(code, name, amount) for code, name, amount in entries]


def cut_block_rows(body: list[NumberedLine]) -> Rows:
    """One grid row (code, name, amount) per block entry; a line without numbers stays a label row."""
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    quotes: list[str] = []
    for body_line in body:
        entries = [e for e in block_entries(body_line.text) if e[0] or e[2]]  # a blank last block ends a line
        entries = block_entries(body_line.text) if entries else []
        for entry in entries or [(body_line.text.rstrip(),)]:
            rows.append(tuple(entry))
            numbers.append(body_line.number)
            quotes.append(body_line.text.strip())
    return rows, numbers, quotes
