"""Pipe-table rows of a form with a 行次 column, as web pages flatten them.

The 决算 forms (收入支出决算总表, 公开01表) print "项目 | 行次 | 决算数" once per side. A web page's copy
drops the blank cells, so a row's cells no longer sit under their headers: "三、事业收入 | 4 |
四、公共安全支出 | 38 | ||" (no amount on either side), "8 | 八、社会保障和就业支出 | 42 | 8,695.00"
(a left side with its 行次 only). The labels and the 行次 tell the sides apart: each side opens with
its label (or, with no label, its 行次), then its 行次, then its amounts. Seen in fH2 of the fourth
fresh batch (a provincial federation's 2015 决算 reposted as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.tables.header_cells import is_label_cell, is_line_number_cell

_LINE_NUMBER = re.compile(r"^\d{1,3}$")
_HAS_WORDS = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class _Side:
    label: str = ""
    line: str = ""
    values: list[str] = field(default_factory=list)


def line_numbered(rows: list[tuple[str, ...]]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...] | None], int] | None:
    """(header paths, body rows as label | amounts per side, header rows used) when a row of `rows` is a
    header printing 行次 (once per side) and every body row reads as that many sides; else None. A body
    row that numbers the columns ("栏次 | 1 | 2") is None."""
    at = next((i for i, row in enumerate(rows) if any(is_line_number_cell(c) for c in row)
               and any(is_label_cell(c) for c in row)), None)
    if at is None:
        return None
    header = [c for c in rows[at] if c.strip()]
    widths = _side_widths(header)
    if not widths or len(widths) > 2:
        return None
    body: list[list[_Side] | None] = []
    for row in rows[at + 1:]:
        if row and is_line_number_cell(row[0]):
            body.append(None)  # the "栏次 | 1 | 2" line numbers the columns
            continue
        sides = _sides(row)
        if sides is None or len(sides) > len(widths):
            return None
        body.append(sides)
    placed = _placed(body, len(widths))
    cells = [None if row is None else _cells(row, widths) for row in placed]
    names = [c for c in header if not is_line_number_cell(c)]
    above = [c for c in rows[at - 1] if c.strip()] if at else []
    return _paths(names, widths, above), cells, at + 1


def _side_widths(header: list[str]) -> list[int]:
    """Per side, the amount columns after its 行次 ("项目 | 行次 | 决算数 | 项目 | 行次 | 决算数" → [1, 1])."""
    widths: list[int] = []
    counting = False
    for cell in header:
        if is_line_number_cell(cell):
            widths.append(0)
            counting = True
        elif is_label_cell(cell):
            counting = False
        elif counting:
            widths[-1] += 1
    return widths if all(widths) else []


def _sides(row: tuple[str, ...]) -> list[_Side] | None:
    """The row's sides in print order; None when a cell fits no side (a word after the amounts)."""
    sides: list[_Side] = []
    cells = [c.strip() for c in row if c.strip()]
    for index, cell in enumerate(cells):
        following = cells[index + 1] if index + 1 < len(cells) else ""
        if _HAS_WORDS.search(cell):
            if sides and not sides[-1].label and not sides[-1].line and not sides[-1].values:
                sides[-1].label = cell
            else:
                sides.append(_Side(label=cell))
        elif _LINE_NUMBER.match(cell) and (not sides or sides[-1].values) and _HAS_WORDS.search(following):
            sides.append(_Side(line=cell))  # a side with no label: its 行次 before the next label
        elif _LINE_NUMBER.match(cell) and sides and not sides[-1].line and not sides[-1].values:
            sides[-1].line = cell
        elif sides:
            sides[-1].values.append(cell)
        else:
            return None
    return sides


def _placed(body: list[list[_Side] | None], count: int) -> list[list[_Side] | None]:
    """Each row with one entry per side: a lone side goes left or right by its 行次, the right side's
    行次 being those above every left one."""
    if count == 1:
        return [row if row is None else (row or [_Side()]) for row in body]
    lefts = [int(row[0].line) for row in body if row and len(row) == 2 and row[0].line]
    last_left = max(lefts) if lefts else 0
    placed: list[list[_Side] | None] = []
    for row in body:
        if row is not None and len(row) == 1:
            right = bool(row[0].line) and last_left and int(row[0].line) > last_left
            row = [_Side(), row[0]] if right else [row[0], _Side()]
        placed.append(row if row is None else (row or [_Side(), _Side()]))
    return placed


def _cells(row: list[_Side], widths: list[int]) -> tuple[str, ...]:
    """A row's cells: each side's label, then exactly its width of amounts (blank where none was printed)."""
    return tuple(c for side, width in zip(row, widths) for c in (side.label, *(side.values + [""] * width)[:width]))


def _paths(names: list[str], widths: list[int], above: list[str]) -> list[tuple[str, ...]]:
    """Header paths: each side's 项目 and amount names, under the side's own heading ("收入 | 支出")
    when the row above prints one per side."""
    sides = above if len(above) == len(widths) else [""] * len(widths)
    paths, at = [], 0
    for side, width in zip(sides, widths):
        for name in names[at:at + 1 + width]:
            paths.append((side, name) if side else (name,))
        at += 1 + width
    return paths


# A form recognised from images onto one line ("…收入 收入 收入 支出 支出 支出 项目 行次 金额 项目 行次 金额 栏次 1
# 栏次 2 一一般公共预算财政拨款收入 1 4,627.57 一一般公共服务支出 32 0.00 …", fF3 of the third fresh batch).
_RUN_HEADER = re.compile(r"((?:(?:收入|支出)\s+)*)((?:项目\s+行次(?:\s+(?!项目|栏次)[\u4e00-\u9fff]{2,6})+\s*){1,2})")
_COLUMN_NUMBERS = re.compile(r"^(?:\s*栏次\s+\d+)+")
_FORM_NUMBER = re.compile(r"(?:财决)?公开\s*\d{1,2}\s*表")
_NUMERALS = "一二三四五六七八九十"


def line_numbered_run(text: str) -> tuple[str, list[tuple[str, ...]], list[tuple[str, ...]]] | None:
    """(the form number printed before it, header paths, rows) of a 行次 form flattened onto one line by
    image recognition; None when `text` prints no "项目 行次 …" header or its cells fit no side."""
    header = _RUN_HEADER.search(text)
    if header is None:
        return None
    names = header.group(2).split()
    widths = _side_widths(names)
    if not widths or len(widths) > 2:
        return None
    cells = _COLUMN_NUMBERS.sub("", text[header.end():]).split()
    sides = _sides(tuple(cells))
    if not sides:
        return None
    rows = _run_rows(_line_numbers_apart(sides, max(widths)), len(widths))
    for position in range(len(widths)):
        labels = _unglued_numbering([row[position].label for row in rows])
        for row, label in zip(rows, labels):
            row[position].label = label
    above = list(dict.fromkeys(header.group(1).split()))
    paths = _paths([n for n in names if not is_line_number_cell(n)], widths, above)
    cells_out = [_cells(row, widths) for row in rows]
    form = _FORM_NUMBER.findall(text[:header.start()])
    return (form[-1].replace(" ", "") if form else ""), paths, cells_out


def _line_numbers_apart(sides: list[_Side], width: int) -> list[_Side]:
    """A 行次 after a side's amounts at the end of the line ("九卫生健康支出 40 89.57 10") is the next,
    empty row's, not another amount."""
    apart: list[_Side] = []
    for side in sides:
        extra = side.values[width:]
        if extra and all(_LINE_NUMBER.match(v) for v in extra):
            side.values = side.values[:width]
            apart += [side, *(_Side(line=v) for v in extra)]
        else:
            apart.append(side)
    return apart


def _run_rows(sides: list[_Side], count: int) -> list[list[_Side]]:
    """The sides of one line in rows: the right side's 行次 start after a gap in the numbering (1–10, then 32–)."""
    if count == 1:
        return [[side] for side in sides]
    lines = sorted({int(s.line) for s in sides if s.line})
    first_right = next((b for a, b in zip(lines, lines[1:]) if b > a + 1), 0)
    rows: list[list[_Side]] = []
    for side in sides:
        right = bool(first_right) and bool(side.line) and int(side.line) >= first_right
        if right and rows and not rows[-1][1].label and not rows[-1][1].line:
            rows[-1][1] = side
        elif right:
            rows.append([_Side(), side])
        else:
            rows.append([side, _Side()])
    return rows


def _unglued_numbering(labels: list[str]) -> list[str]:
    """Labels without a numbering whose "、" the recognition dropped ("一一般公共预算…", "二政府性基金…"):
    only when at least three labels of the side carry 一, 二, 三 … in order."""
    expected, marked = 1, []
    for index, label in enumerate(labels):
        numeral = _numeral(expected)
        if label.startswith(numeral) and len(label) > len(numeral) and _HAS_WORDS.match(label[len(numeral)]):
            marked.append((index, len(numeral)))
            expected += 1
    if len(marked) < 3:
        return labels
    unglued = list(labels)
    for index, size in marked:
        unglued[index] = labels[index][size:]
    return unglued


def _numeral(number: int) -> str:
    """一 … 十, 十一 … 十九, 二十 …"""
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[ones - 1] if ones else "")
