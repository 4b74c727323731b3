"""The text of a performance-target table (单位整体支出绩效目标表) -> a TableGrid.

Three parts, each headed by a wrapped heading ("年度主要任" / "务"): tasks with
their content and three amounts; the overall target (numbered items over many
lines); indicator rows (一级 › 二级 › 三级指标 and a target value such as
"≥3600 件", "=100%" or "规范").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.model import TableGrid
from ingest.tables.schemas import Schema
from ingest.tables.text_cells import trailing_values

HEADER_WORDS = ("任务名称", "预算金额", "（元）", "(元)", "一级指标")
AMOUNTS = 3


@dataclass
class _State:
    """Where the reader is inside the table."""

    part: str = ""
    task: str = ""
    task_line: int = 0
    content: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=lambda: ["", ""])
    rows: list[tuple[str, ...]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


def performance_grid(table, schema: Schema) -> TableGrid:
    """Grid rows (part, 一级/任务名称, 二级, 三级, 主要内容, 总额, 财政拨款, 其它资金, 目标值)."""
    lines = [(b.number, b.text.strip()) for b in table.body if b.text.strip()]
    state = _State()
    parts = tuple(schema.setting("parts"))
    index = 0
    while index < len(lines):
        number, text = lines[index]
        part, used = _part_heading(lines, index, parts)
        if part:
            _close_part(state)
            state.part, state.levels = part, ["", ""]
            index += used
            continue
        _read_line(state, number, text, schema)
        index += 1
    _close_part(state)
    header = tuple(schema.label_columns) + schema.columns
    return TableGrid(number=table.number, title=table.title, unit=table.unit, header_paths=header,
                     rows=tuple(state.rows), lines=tuple(state.numbers), quotes=tuple(state.quotes),
                     complete=table.complete, line=table.line, notes=tuple(table.notes))


def _part_heading(lines, index: int, parts: tuple[str, ...]) -> tuple[str, int]:
    """(part name, lines used) when a part heading, possibly wrapped, starts at `index`."""
    text = lines[index][1].replace(" ", "")
    for part in parts:
        if text == part:
            return part, 1
        if len(text) >= 3 and part.startswith(text) and index + 1 < len(lines) \
                and text + lines[index + 1][1].replace(" ", "") == part:
            return part, 2
    return "", 0


def _read_line(state: _State, number: int, text: str, schema: Schema) -> None:
    if any(word in text for word in HEADER_WORDS) and not trailing_values(text)[1]:
        return
    if state.part.endswith("任务"):
        _read_task_line(state, number, text)
    elif state.part.endswith("指标"):
        _read_indicator_line(state, number, text, schema)
    else:
        state.content.append(text)
        state.task_line = state.task_line or number


def _emit(state: _State, labels: tuple[str, ...], values: tuple[str, ...], number: int, quote: str) -> None:
    labels = (labels + ("", "", "", ""))[:4]
    state.rows.append(labels + values)
    state.numbers.append(number)
    state.quotes.append(quote)


def _read_task_line(state: _State, number: int, text: str) -> None:
    label, values = trailing_values(text)
    if len(values) == AMOUNTS:
        if label and not state.task:
            name, _, content = label.partition(" ")
            state.task, state.task_line, state.content = name, number, [content.strip()]
        elif label:
            state.content.append(label)
        _emit(state, (state.part, state.task), ("".join(state.content),) + values + ("",),
              state.task_line or number, text)
        state.task, state.task_line, state.content = "", 0, []
    elif not state.task:
        state.task, state.task_line = text, number
    else:
        state.content.append(text)


def _read_indicator_line(state: _State, number: int, text: str, schema: Schema) -> None:
    first = set(schema.setting("first_level_indicators"))
    second = set(schema.setting("second_level_indicators"))
    words = text.split()
    while words and (words[0] in first or words[0] in second):
        if words[0] in first and not (words[0] in second and state.levels[0]):
            state.levels = [words[0], ""]
        else:
            state.levels[1] = words[0]
        words = words[1:]
    if not words:
        return
    rest = " ".join(words)
    label, values = trailing_values(rest)
    if values:
        value = " ".join(values)
    else:
        label, _, value = rest.rpartition(" ") if " " in rest else (rest, "", "")
    _emit(state, (state.part, state.levels[0], state.levels[1], label.strip()), ("", "", "", "", value),
          number, text)


def _close_part(state: _State) -> None:
    """The overall-target part is one row of joined items; an unfinished task keeps its row."""
    if state.part.endswith("目标") and state.content:
        text = "".join(state.content)
        _emit(state, (state.part,), (text, "", "", "", ""), state.task_line, text)
    elif state.part.endswith("任务") and state.task:
        _emit(state, (state.part, state.task), ("".join(state.content), "", "", "", ""), state.task_line,
              state.task)
    state.task, state.task_line, state.content = "", 0, []
