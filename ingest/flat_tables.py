"""Flattened tables inside narrative lines (real disclosures copied from web pages and documents).

Shapes found (tests/fixtures/excerpts/SOURCES.md):
- one row per line with " | " and runs of empty cells (ex07, ex09);
- one cell per line ending in " |" (ex12);
- a title line "…表", a "单位:元" line, then space-aligned rows (ex08);
- a whole table on one long line with single spaces (ex10, ex13);
- numbers run together with no separator (ex11).
Each table keeps every row it has; column names come from a header line when
one can be told. Numbers that cannot be told apart ("191191", "372.88504.55")
are kept as printed text, never guessed.
"""

from __future__ import annotations

import re

from ingest.model import TableGrid
from ingest.text_cells import Segment, segments, tokens, trailing_values

UNIT = re.compile(r"(?:金额)?单位\s*[：:]\s*(万元|元|人|千元|亿元)")
COLUMN_UNIT = re.compile(r"[（(]\s*(万元|元)\s*[)）]")
TITLE_END = re.compile(r"(表|情况表|统计表|明细表)\s*(?:[（(][^）)]*[）)])?\s*$")
NOTE = re.compile(r"^\s*(?:注|备注)\s*[：:]")
NUMBER_OR_MARK = re.compile(r"^(?:[≥≤=<>]?-?[\d,]+(?:\.\d+)?%?|[-—/=%?？]|)$")
LONG_LINE = 200
Narrative = list[tuple[int, str]]


def find_flat_tables(narrative: Narrative) -> tuple[list[TableGrid], Narrative]:
    """Return (grids found in the narrative, the narrative lines left)."""
    grids: list[TableGrid] = []
    left: Narrative = []
    index = 0
    while index < len(narrative):
        for reader in (_pipe_rows, _pipe_cells, _aligned_rows):
            found = reader(narrative, index)
            if found:
                grid, index = found
                grids.append(grid)
                break
        else:
            number, text = narrative[index]
            if len(text) > LONG_LINE and _long_line_title(text):
                grids.append(_long_line_grid(number, text))
            left.append((number, text))  # a one-line table also holds sentences: keep it as narrative too
            index += 1
    return grids, left


def _cells(text: str) -> list[str]:
    parts = [c.strip() for c in text.split("|")]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def _is_pipe_row(text: str) -> bool:
    return text.count("|") >= 2 and len(_cells(text)) >= 2 and not text.strip().endswith("表 |")


def _context(narrative: Narrative, index: int) -> tuple[str, str]:
    """(title, unit) from up to three lines before a table."""
    title, unit = "", ""
    for _, text in reversed(narrative[max(0, index - 3):index]):
        stripped = text.strip(" |\t")
        if not unit and (match := UNIT.search(stripped)):
            unit = match.group(1)
            continue
        if stripped and not title:
            title = stripped[:60]
    return title, unit


def _grid(number_lines, rows, header, title, unit, notes=(), complete=True) -> TableGrid:
    header_paths = tuple((h,) for h in header)
    return TableGrid(number=0, title=title, unit=unit, header_paths=header_paths, rows=tuple(rows),
                     lines=tuple(n for n, _ in number_lines), quotes=tuple(q for _, q in number_lines),
                     complete=complete, line=number_lines[0][0] if number_lines else 0, notes=tuple(notes))


def _split_header(rows: list[tuple[str, ...]]) -> tuple[list[str], int]:
    """Header cells (first row without numbers) and how many leading rows are header."""
    first_body = next((i for i, r in enumerate(rows) if any(re.search(r"\d", c) for c in r[1:])), len(rows))
    return (list(rows[0]) if first_body else []), first_body


def _pipe_rows(narrative: Narrative, index: int):
    """Rows with " | " separators (ex07, ex09): at least two consecutive pipe rows."""
    end = index
    while end < len(narrative) and "|" in narrative[end][1] and (_is_pipe_row(narrative[end][1])
                                                                 or end > index):
        end += 1
    block = narrative[index:end]
    if sum(_is_pipe_row(t) for _, t in block) < 2 or len(_cells(narrative[index][1])) < 2:
        return None
    title, unit = _context(narrative, index)
    rows, kept, notes = [], [], []
    for number, text in block:
        cells = _cells(text)
        if len(cells) == 1 and TITLE_END.search(cells[0]):
            title = cells[0]
        elif NOTE.match(text):
            notes.append(text.strip(" |"))
        elif _is_unit_row(cells):
            unit = UNIT.search(" ".join(cells)).group(1)
        else:
            rows.append(tuple(c for c in cells))
            kept.append((number, text.strip()))
    header, skip = _split_header(rows)
    return _grid(kept[skip:], rows[skip:], header, title, unit, notes), end


def _is_unit_row(cells: list[str]) -> bool:
    """A row such as "? | 单位:万元 |": a unit and no figures."""
    others = [c for c in cells if not UNIT.search(c)]
    return len(others) < len(cells) and not any(re.search(r"\d", c) for c in others)


def _pipe_cells(narrative: Narrative, index: int):
    """One cell per line ending in " |" (ex12): a label cell starts a row, numbers follow it."""
    end = index
    while end < len(narrative) and narrative[end][1].rstrip().endswith("|") \
            and narrative[end][1].count("|") == 1:
        end += 1
    if end - index < 8:
        return None
    cells = [(n, t.rstrip()[:-1].strip()) for n, t in narrative[index:end]]
    title = next((c for _, c in cells if TITLE_END.search(c) or re.search(r"表[（(]", c)), "")
    unit = next((m.group(1) for _, c in cells if (m := COLUMN_UNIT.search(c) or UNIT.search(c))), "")
    rows: list[list[str]] = []
    kept: list[tuple[int, str]] = []
    for number, cell in cells:
        if NUMBER_OR_MARK.match(cell) and rows:
            rows[-1].append(cell)
            kept[-1] = (kept[-1][0], kept[-1][1] + " | " + cell)
        elif cell:
            rows.append([cell])
            kept.append((number, cell))
    trimmed = [tuple(_trim(r)) for r in rows]
    return _grid(kept, trimmed, [], title, unit), end


def _trim(row: list[str]) -> list[str]:
    while len(row) > 1 and not row[-1]:
        row.pop()
    return row


def _aligned_rows(narrative: Narrative, index: int):
    """A "…表" title, a "单位:元" line, then space-aligned rows until a note or a paragraph (ex08)."""
    number, text = narrative[index]
    if not TITLE_END.search(text.strip()) or len(text.strip()) > 60:
        return None
    unit_at = next((i for i in range(index + 1, min(index + 3, len(narrative)))
                    if UNIT.search(narrative[i][1]) and len(narrative[i][1].strip()) < 20), None)
    if unit_at is None:
        return None
    unit = UNIT.search(narrative[unit_at][1]).group(1)
    end, rows, kept, notes = unit_at + 1, [], [], []
    while end < len(narrative):
        line_number, line = narrative[end]
        if NOTE.match(line):
            notes.append(line.strip())
        elif len(line.strip()) > 80:
            break
        elif line.strip():
            label, values = trailing_values(line)
            rows.append((label.strip(),) + values if label.strip() else values)
            kept.append((line_number, line.strip()))
        end += 1
    if not rows:
        return None
    header = rows[0] if not any(re.search(r"\d", c) for c in rows[0][1:]) and len(rows[0]) == 1 else ()
    header_cells = rows[0][0].split() if header else []
    skip = 1 if header else 0
    return _grid(kept[skip:], rows[skip:], header_cells, text.strip(), unit, notes), end


def _long_line_title(text: str) -> str:
    match = re.search(r"([^\s:：,，。;；|]{2,30}?表)(?![格示达明])", text)
    numbers = sum(1 for t in tokens(text) if re.fullmatch(r"[\d,.]+", t.text))
    # CJK, a number, CJK again (not "2021年": years are part of labels)
    glued = len(re.findall(r"[\u4e00-\u9fff]\d[\d.]{1,11}[\u4e00-\u5e73\u5e75-\u9fff]", text))
    return match.group(1) if match and (numbers >= 5 or glued >= 3) else ""


def _long_line_grid(number: int, text: str) -> TableGrid:
    """One table flattened onto one line: each label run and the values after it make a row."""
    title = _long_line_title(text)
    unit_match = UNIT.search(text) or COLUMN_UNIT.search(text)
    unit = unit_match.group(1) if unit_match else ""
    spaced = text.count(" ") >= len(text) / 40
    rows = _spaced_rows(text) if spaced else _glued_rows(text)
    quotes = [(number, " ".join(r)) for r in rows]
    return _grid(quotes, rows, [], title, unit, complete=False)


ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _spaced_rows(text: str) -> list[tuple[str, ...]]:
    """Each label run and the values after it. In a table with a 行次 column, small plain
    integers are row numbers, not amounts: they stay in the label text."""
    numbered = "行次" in text
    rows: list[tuple[str, ...]] = []
    for part in segments(text):
        if numbered and part.values:
            row_numbers = [v for v in part.values if ROW_NUMBER.match(v)]
            amounts = tuple(v for v in part.values if not ROW_NUMBER.match(v))
            label = rows[-1][0] if rows else ""
            if row_numbers:
                head = (" ".join([label, *row_numbers]).strip(),) + (rows[-1][1:] if rows else ())
                rows[-1:] = [head]
            part = Segment(values=amounts)
        if part.values and rows:
            rows[-1] = rows[-1] + part.values
        elif part.values:
            rows.append(("",) + part.values)
        elif part.label.strip():
            rows.append((part.label.strip(),))
    return rows


def _glued_rows(text: str) -> list[tuple[str, ...]]:
    """No separators (ex11): each label and the number run after it make a row. A run that is
    several numbers glued together ("191191", "372.88504.55") cannot be told apart, so it stays
    in the label as printed text and is not a value."""
    rows: list[tuple[str, ...]] = []
    for label, digits in re.findall(r"((?:[^\d]|\d+(?=年))+)(\d[\d.,%]*)?", text):
        label = label.strip(" ,，")
        if digits and _one_number(digits):
            rows.append((label, digits))
        elif label or digits:
            rows.append((label + digits,))
    return rows


def _one_number(digits: str) -> bool:
    """A run reads as one number: at most one decimal point and not two equal halves glued."""
    bare = digits.rstrip("%")
    half = len(bare) // 2
    doubled = len(bare) % 2 == 0 and len(bare) >= 4 and bare[:half] == bare[half:]
    return bare.count(".") <= 1 and not doubled and len(bare.split(".")[0]) <= 7
