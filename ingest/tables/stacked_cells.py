"""Tables copied from a web page with one cell per line.

The header cells come first (flattened, see `header_cells`), then the body, cell
after cell, with or without blank lines or a trailing " |" between them. Three
body shapes are told apart:
- every cell kept, empty ones as a bare "|" (g01): the cells are regrouped by the
  header's column count;
- empty cells dropped (n02, n03, s01): a label starts a row and the numbers after
  it are its values;
- numbers only, no labels (g04: a one-row “三公” table): one row under the header.
行次/栏次/序号 columns and the "栏次 1 2 3 …" line are never read as amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import TableGrid
from ingest.tables.cells import parse_number
from ingest.tables.header_cells import (
    FORM_NUMBER, header_paths, is_header_cell, is_label_cell, is_line_number_cell, squeeze)

UNIT = re.compile(r"(?:金额)?单位\s*[：:]\s*(万元|元|千元|亿元)")
# "2016年决算数与2015年决算数对比情况" (fA2 of the fresh batch) titles a table too.
TITLE_END = re.compile(r"(表|情况表|统计表|明细表|对比情况)\s*(?:[（(][^）)]*[）)])?\s*$")
AMOUNT = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[-—－]$")
SMALL_INTEGER = re.compile(r"^\d{1,3}$")
# A cell is a short line: a longer line is a sentence and ends the table.
CELL_CHARS = 40
# At least this many header cells before the body: fewer is a list, not a table.
MIN_HEADER_CELLS = 2
# At least this many amounts in the body.
MIN_AMOUNTS = 2
# How far back a title or unit line is looked for: a 单位 and a 预算年度 line, a unit name.
CONTEXT_LINES = 6
Narrative = list[tuple[int, str]]


@dataclass
class Cell:
    """One cell line: its line number and text ("" for an empty cell printed as "|")."""

    line: int
    text: str

    @property
    def is_amount(self) -> bool:
        return bool(AMOUNT.match(self.text.replace(" ", "")))


def stacked_table(narrative: Narrative, index: int) -> tuple[TableGrid, int] | None:
    """(grid, index after the table) when a one-cell-per-line table starts at `index`."""
    title, unit, start = _preamble(narrative, index)
    cells, end = _cell_run(narrative, start)
    if not cells or not is_header_cell(cells[0].text):
        return None
    if not title:  # no title line of its own: the lines before name it
        title, context_unit = _context(narrative, index)
        unit = unit or context_unit
    cells = _drop_column_numbers(_without_separators(cells))
    grid = _grid(cells, title, unit)
    if grid is None:
        return None
    last = max(grid.lines)
    while end > start and narrative[end - 1][0] > last:
        end -= 1  # label lines without numbers after the last row are narrative again
    return grid, max(end, index + 1)


def _preamble(narrative: Narrative, index: int) -> tuple[str, str, int]:
    """(title, unit, where the cells start): a "…表" title line and a unit line may open it."""
    title, unit = "", ""
    position = index
    text = narrative[position][1].strip(" |\t")
    if TITLE_END.search(text) and len(text) <= 60 and "|" not in narrative[position][1]:
        title, position = text, position + 1
    while position < len(narrative) and (not narrative[position][1].strip()
                                         or UNIT.search(narrative[position][1])):
        if match := UNIT.search(narrative[position][1]):
            unit = match.group(1)
        position += 1
    return title, unit, position


def _context(narrative: Narrative, index: int) -> tuple[str, str]:
    """(title, unit) from the printed lines just before a table that starts with its header.

    Blank lines between them do not count, and a form number on its own line ("公开01表")
    is not the title: s01 prints title, form number, 部门 and 金额单位 one per line with
    blank lines between, before its header cells.
    """
    title, unit = "", ""
    printed = [text for _, text in narrative[:index] if text.strip()][-CONTEXT_LINES:]
    for text in reversed(printed):
        cell = _cell_text(text)
        if not unit and (match := UNIT.search(cell)):
            unit = match.group(1)
        elif not title and TITLE_END.search(cell) and len(cell) <= 60 and not FORM_NUMBER.match(cell):
            title = cell
    return title, unit


def _cell_text(line: str) -> str:
    """A cell line without its trailing pipes ("支出 | ||" -> "支出", "|" -> "")."""
    return re.sub(r"[\s|]+$", "", line.strip())


def _cell_run(narrative: Narrative, start: int) -> tuple[list[Cell], int]:
    """The cell lines from `start` (blank lines skipped) and the index after them."""
    cells: list[Cell] = []
    end = start
    while end < len(narrative):
        number, text = narrative[end]
        stripped = text.strip()
        if not stripped:
            end += 1
            continue
        cell = _cell_text(stripped)
        if "|" in cell or len(cell) > CELL_CHARS:
            break
        cells.append(Cell(number, cell))
        end += 1
    return cells, end


# A bare "|" line between every two cells is a separator, not an empty cell (fA2 of the fresh batch:
# "年度" "|" "合计" "|" …); at least this many cells show the pattern.
_SEPARATED_MIN = 6


def _without_separators(cells: list[Cell]) -> list[Cell]:
    """The cells without the "|" lines printed between them, when every second line is one."""
    if len(cells) >= _SEPARATED_MIN and all(not c.text for c in cells[1::2]) and all(c.text for c in cells[0::2]):
        return cells[0::2]
    return cells


def _drop_column_numbers(cells: list[Cell]) -> list[Cell]:
    """Without the "栏次 1 2 3 4" cells (also "栏次 1 栏次 2" of a two-sided table)."""
    kept: list[Cell] = []
    index, expected = 0, 1
    while index < len(cells):
        cell = cells[index]
        if squeeze(cell.text) in ("栏次",) or (is_line_number_cell(cell.text) and index + 1 < len(cells)
                                                and cells[index + 1].text == str(expected)):
            index += 1
            while index < len(cells) and cells[index].text == str(expected):
                index, expected = index + 1, expected + 1
            continue
        kept.append(cell)
        index += 1
    return kept


def _grid(cells: list[Cell], title: str, unit: str) -> TableGrid | None:
    """The table's grid from its cells (header first), or None when they make no table."""
    first_amount = next((i for i, c in enumerate(cells) if c.is_amount), None)
    if first_amount == 1:
        return _one_column(cells, title, unit)
    if first_amount is None or first_amount < MIN_HEADER_CELLS:
        return None
    last_amount = max(i for i, c in enumerate(cells) if c.is_amount)
    cells = cells[:last_amount + 1]  # labels after the last number: the next heading, or rows left blank
    body = cells[first_amount:]
    if sum(c.is_amount for c in body) < MIN_AMOUNTS:
        return None
    if any(not c.text for c in body):
        return _chunked(cells, first_amount, title, unit)
    labels = [c for c in body if c.text and not c.is_amount]
    if not labels:
        return _numbers_only(cells[:first_amount], body, title, unit)
    return _label_rows(cells[:first_amount - 1], cells[first_amount - 1:], title, unit)


_SUBTOTALS = ("合计", "小计")


def _grouped(columns: list[tuple[str, ...]], width: int) -> list[tuple[str, ...]]:
    """One header cell more than the rows have values, and a 合计 printed a second time: the cell
    before that 合计 heads the columns from it on ("公车购置及运行维护费" over 合计 | 车辆购置 | 车辆运行,
    fA2 of the fresh batch)."""
    if len(columns) != width + 1:
        return columns
    for at in range(2, len(columns)):
        name = columns[at][-1]
        if name in _SUBTOTALS and any(c[-1] == name for c in columns[:at]):
            group = columns[at - 1]
            return columns[:at - 1] + [group + c for c in columns[at:]]
    return columns


def _numbers_only(header: list[Cell], body: list[Cell], title: str, unit: str) -> TableGrid | None:
    """A body of numbers only (g04): rows as wide as the header's columns."""
    paths = header_paths([c.text for c in header])
    width = len(paths)
    if width < 1 or len(body) % width:
        return None
    rows = [body[i:i + width] for i in range(0, len(body), width)]
    return _make_grid(title, unit, (("项目",),) + tuple(paths),
                      [("",) + tuple(c.text for c in row) for row in rows], [row[0].line for row in rows])


def _label_rows(header: list[Cell], body: list[Cell], title: str, unit: str) -> TableGrid | None:
    """Empty cells dropped (n03, s01): each label and the numbers after it make a row.

    A two-sided table (收入 | 支出, each 项目 | 行次 | 金额) gives one row per side; in a
    table with a 行次 column the first number of each row is its 行次, not an amount.
    """
    if len(header) < MIN_HEADER_CELLS:
        return None
    columns = _one_side([path for path in header_paths([c.text for c in header])
                         if not is_label_cell(path[-1])])
    numbered = any(is_line_number_cell(path[-1]) for path in columns)
    columns = [path for path in columns if not is_line_number_cell(path[-1])]
    rows: list[list[Cell]] = []
    for cell in body:
        if cell.is_amount and rows:
            rows[-1].append(cell)
        elif not cell.is_amount:
            rows.append([cell])
    columns = _grouped(columns, max((len(row) - 1 for row in rows), default=0))
    grid_rows, lines = [], []
    for row in rows:
        values = [c.text for c in row[1:]]
        if numbered and values and SMALL_INTEGER.match(values[0]):
            values = values[1:]
        if not values:
            continue
        grid_rows.append((row[0].text,) + tuple(values) + ("",) * (len(columns) - len(values)))
        lines.append(row[0].line)
    if not grid_rows or not columns:
        return None
    return _make_grid(title, unit, (("项目",),) + tuple(columns), grid_rows, lines)


# A one-column table needs this many labelled rows to be told from a heading and a figure.
MIN_ONE_COLUMN_ROWS = 3


def _one_column(cells: list[Cell], title: str, unit: str) -> TableGrid | None:
    """One amount column ("预 算 数") whose rows are a label line, then its amount line (fL1 of the sixth
    fresh batch, a 三公 table copied from a web page). An amount before the first label is the table's
    total when it is the largest amount: its label cell was left empty."""
    header, body = cells[0], cells[1:]
    if not is_header_cell(header.text):
        return None
    last_amount = max(i for i, c in enumerate(body) if c.is_amount)
    body = body[:last_amount + 1]
    total = body[0] if body and body[0].is_amount else None
    pairs = body[1:] if total else body
    if len(pairs) % 2 or any(a.is_amount or not b.is_amount for a, b in zip(pairs[0::2], pairs[1::2])):
        return None
    rows = [(label.text, amount.text) for label, amount in zip(pairs[0::2], pairs[1::2])]
    lines = [label.line for label in pairs[0::2]]
    if len(rows) < MIN_ONE_COLUMN_ROWS:
        return None
    if total and _number(total.text) >= max(_number(amount) for _, amount in rows):
        rows, lines = [("合计", total.text)] + rows, [total.line] + lines
    return _make_grid(title, unit, (("项目",), (squeeze(header.text),)), rows, lines)


def _number(text: str) -> float:
    return parse_number(text.rstrip("%")) or 0.0  # a dash ("—") for an empty amount is 0


def _one_side(paths: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The columns of one side when the header repeats them side by side (收入 …, 支出 …)."""
    for copies in (2, 3):
        if len(paths) % copies == 0 and len(paths) >= 2 * copies:
            width = len(paths) // copies
            if all(paths[i][-1] == paths[i % width][-1] for i in range(len(paths))):
                return [(p[-1],) for p in paths[:width]]
    return paths


def _chunked(cells: list[Cell], first_amount: int, title: str, unit: str) -> TableGrid | None:
    """Every cell kept, empty ones as "" (g01): regroup by the header's column count.

    The header ends before the first amount, or one cell earlier when that cell is the
    first row's label; the split whose rows have a consistent kind per column wins.
    """
    for split in (first_amount, first_amount - 1):
        paths = header_paths([c.text for c in cells[:split]])
        width = len(paths)
        body = cells[split:]
        if width < 2 or len(body) < width:
            continue
        rows = [body[i:i + width] for i in range(0, len(body) - len(body) % width, width)]
        if _consistent(rows):
            return _grid_without_numbering(paths, rows, title, unit)
    return None


def _consistent(rows: list[list[Cell]]) -> bool:
    """Each column holds amounts or labels, never both (empty cells fit either)."""
    for column in zip(*rows):
        kinds = {c.is_amount for c in column if c.text}
        if len(kinds) > 1:
            return False
    return True


def _grid_without_numbering(paths, rows: list[list[Cell]], title: str, unit: str) -> TableGrid:
    """The chunked rows without their 序号/行次 columns; side-by-side copies keep their
    last header name so that they are stacked as one list (`side_by_side`)."""
    keep = [i for i, path in enumerate(paths) if not is_line_number_cell(path[-1])]
    kept_paths = [paths[i] for i in keep]
    if len(_one_side(kept_paths)) < len(kept_paths):
        kept_paths = [(p[-1],) for p in kept_paths]
    grid_rows = [tuple(row[i].text for i in keep) for row in rows]
    lines = [row[0].line for row in rows]
    return _make_grid(title, unit, tuple(kept_paths), grid_rows, lines)


def _make_grid(title: str, unit: str, paths, rows, lines) -> TableGrid:
    quotes = tuple(" ".join(c for c in row if c) for row in rows)
    return TableGrid(number=0, title=title, unit=unit, header_paths=tuple(paths), rows=tuple(rows),
                     lines=tuple(lines), quotes=quotes, line=lines[0] if lines else 0)
