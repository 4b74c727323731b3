"""A performance-target form (单位整体支出绩效目标表) read from ruled cells -> its 9-column grid rows.

PDF and spreadsheet readers see this table as a form, not a grid: a
"部门（单位）名称 / 主管部门" row, then three blocks headed by a tall merged cell in the
first column (年度主要任务, 年度总体目标, 年度绩效指标), each with its own header row
(任务名称 | 主要内容 | 预算金额 › 总额（元）…; 一级指标 | 二级指标 | 三级指标 | 目标值).
Merged cells hold their text at their top-left position and "" elsewhere, so a
block heading and the 一级/二级 indicators are carried down to the rows below
them (this also carries them over a page break). The rows come out as the text
reader's (`ingest.tables.text_performance`): part, 任务名称/一级, 二级, 三级, 主要内容,
总额, 财政拨款, 其它资金, 目标值.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ingest.tables.schemas import Schema, find_schemas

with open(Path(__file__).with_name("form_tables.toml"), "rb") as _handle:
    _WORDS = tomllib.load(_handle)
TASK_HEADERS = tuple(_WORDS["task_headers"])
AMOUNT_HEADERS = tuple(_WORDS["amount_headers"])
AMOUNT_GROUP = _WORDS["amount_group"]
INDICATOR_HEADERS = tuple(_WORDS["indicator_headers"])


def form_schema(title: str) -> Schema | None:
    """The performance schema printed under `title`, else None."""
    return next((s for s in find_schemas(title) if s.structure == "performance"), None)


def form_header_paths(schema: Schema) -> tuple[tuple[str, ...], ...]:
    """The grid's columns: label columns, then the schema's value columns."""
    return tuple(schema.label_columns) + tuple(schema.columns)


@dataclass
class _Form:
    """Where the reader is in the form: block, carried-down labels, columns found in headers."""

    parts: tuple[str, ...]
    part: str = ""
    levels: list[str] = field(default_factory=lambda: ["", ""])
    columns: dict[str, int] = field(default_factory=dict)
    goal: list[str] = field(default_factory=list)
    rows: list[tuple[str, ...]] = field(default_factory=list)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def form_rows(printed: list[tuple[str, ...]], schema: Schema) -> list[tuple[str, ...]]:
    """The 9-cell grid rows of a form given as printed rows (header rows included)."""
    form = _Form(tuple(schema.setting("parts")))
    for row in printed:
        cells = [_squeezed(c) for c in row]
        if not cells:
            continue
        if cells[0] in form.parts:
            _close_goal(form)
            form.part, form.levels = cells[0], ["", ""]
        if not form.part or _read_header(form, cells):
            continue
        block = form.parts.index(form.part)
        if block == 0:
            _task_row(form, cells)
        elif block == 1:
            form.goal.extend(c for c in cells[1:] if c)
        else:
            _indicator_row(form, cells)
    _close_goal(form)
    return form.rows


def _read_header(form: _Form, cells: list[str]) -> bool:
    """Note the columns of a block's header row; True when `cells` is one."""
    found = {}
    for i, text in enumerate(cells[1:], start=1):
        for key in TASK_HEADERS + INDICATOR_HEADERS:
            if text == key:
                found[key] = i
        for key in AMOUNT_HEADERS:
            if text.startswith(key) and "元" in text:
                found[key] = i
        if text.startswith(AMOUNT_GROUP):
            found[AMOUNT_GROUP] = i
    form.columns.update(found)
    return bool(found)


def _task_row(form: _Form, cells: list[str]) -> None:
    """任务名称 | 主要内容 | three amounts; 金额合计 spans the label columns."""
    amount_columns = [form.columns.get(key) for key in AMOUNT_HEADERS]
    if None in amount_columns:
        amount_columns = list(range(len(cells) - 3, len(cells)))
    first_amount = min(amount_columns)
    labels = [c for c in cells[1:first_amount] if c]
    if not labels:
        return
    name, content = labels[0], "".join(labels[1:])
    amounts = tuple(cells[i] if i < len(cells) else "" for i in amount_columns)
    form.rows.append((form.part, name, "", "", content) + amounts + ("",))


def _indicator_row(form: _Form, cells: list[str]) -> None:
    """一级 and 二级 indicator cells are merged down: carry them to the rows below."""
    columns = [form.columns.get(key, i + 1) for i, key in enumerate(INDICATOR_HEADERS)]
    first, second, third = (cells[i] if i < len(cells) else "" for i in columns[:3])
    if first:
        form.levels = [first, ""]
    if second:
        form.levels[1] = second
    if not third:
        return
    value = "".join(c for c in cells[columns[3]:] if c)
    form.rows.append((form.part, form.levels[0], form.levels[1], third, "", "", "", "", value))


def _close_goal(form: _Form) -> None:
    """The overall target is one row: its items joined."""
    if form.goal:
        form.rows.append((form.part, "", "", "", "".join(form.goal), "", "", "", ""))
        form.goal = []
