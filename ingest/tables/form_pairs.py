"""Label/value pairs of a form copied from a web page (项目支出绩效目标审批表, 申报表).

A form prints its cells as pairs on a line, separated by spaces or pipes:
"项目总预算 65 财政资金预算分类 一般公共预算", "其中:财政资金 65 财政资金科目代码 21305"
(seen in s11), "项目名称 | X | 主管部门 | Y". Under a title ending in 表 and a unit
line, each label followed by one figure becomes a row; codes, phone numbers and
dates are never amounts. The lines stay narrative too: a form's cells also hold
sentences ("项目总体概况 新建…").
"""

from __future__ import annotations

import re

from ingest.model import TableGrid
from ingest.tables.header_cells import is_header_cell, is_not_amount_label
from ingest.tables.text_cells import is_value

TITLE = re.compile(r"表\s*(?:[（(][^）)]*[）)])?\s*$")
UNIT = re.compile(r"(?:金额)?单位\s*[：:]\s*(万元|元|千元|亿元)")
PHONE = re.compile(r"^1[3-9]\d{9}$")
# The unit line follows the title within this many lines (a year line, a 预算单位 line).
UNIT_WITHIN = 5
# A form is short: this many lines at most are read after its unit line.
FORM_LINES = 40
# A line with this many header words is a grid's header (一级指标 二级指标 三级指标): the form ends.
GRID_HEADER_WORDS = 3
Narrative = list[tuple[int, str]]


def form_grid(narrative: Narrative, index: int) -> TableGrid | None:
    """The pairs of a form whose title is at `index`, or None."""
    title = narrative[index][1].strip()
    if not TITLE.search(title) or len(title) > 60 or "|" in title:
        return None
    unit_at = next((i for i in range(index + 1, min(index + 1 + UNIT_WITHIN, len(narrative)))
                    if UNIT.search(narrative[i][1])), None)
    if unit_at is None:
        return None
    rows, lines, quotes = [], [], []
    for number, text in narrative[unit_at + 1:unit_at + 1 + FORM_LINES]:
        cells = _cells(text)
        if sum(is_header_cell(c) for c in cells) >= GRID_HEADER_WORDS:
            break
        for label, value in _pairs(cells):
            rows.append((label, value))
            lines.append(number)
            quotes.append(text.strip())
    if not rows:
        return None
    return TableGrid(number=0, title=title, unit=UNIT.search(narrative[unit_at][1]).group(1),
                     header_paths=(("项目",), ("金额",)), rows=tuple(rows), lines=tuple(lines),
                     quotes=tuple(quotes), line=narrative[index][0])


def _cells(text: str) -> list[str]:
    parts = text.split("|") if "|" in text else text.split()
    return [p.strip() for p in parts if p.strip()]


def _pairs(cells: list[str]) -> list[tuple[str, str]]:
    """(label, figure) for each label cell followed by a figure that is an amount."""
    pairs = []
    for label, value in zip(cells, cells[1:]):
        if is_value(label) or not is_value(value):
            continue
        if is_not_amount_label(label) or PHONE.match(value):
            continue
        pairs.append((label, value))
    return pairs
