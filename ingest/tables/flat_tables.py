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
from dataclasses import replace

from ingest.tables.cell_units import align_names, header_stretch
from ingest.model import TableGrid
from ingest.tables.form_pairs import form_grid
from ingest.tables.header_cells import FORM_NUMBER, header_paths
from ingest.tables.line_numbered_rows import line_numbered, line_numbered_run
from ingest.tables.pipe_indicators import indicator_rows, is_indicator_header
from ingest.tables.row_paths import is_total_label
from ingest.tables.stacked_cells import stacked_table
from ingest.tables.text_cells import Segment, segments, tokens, trailing_values

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
        for reader in (_pipe_rows, stacked_table, _pipe_cells, _aligned_rows):
            found = reader(narrative, index)
            if found:
                grid, index, *said = found  # the pipe reader also returns what a text column said
                grids.append(grid)
                for cells in said:
                    left.extend(cells)
                break
        else:
            number, text = narrative[index]
            if form := form_grid(narrative, index):
                grids.append(form)  # its lines stay narrative: a form's cells also hold sentences
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
        if FORM_NUMBER.match(stripped):
            continue  # "公开01表" numbers the form printed under its title (fH2)
        if stripped and not title:
            title = stripped[:60]
    return title, unit


def _grid(number_lines, rows, header, title, unit, notes=(), complete=True) -> TableGrid:
    header_paths = tuple(h if isinstance(h, tuple) else (h,) for h in header)
    return TableGrid(number=0, title=title, unit=unit, header_paths=header_paths, rows=tuple(rows),
                     lines=tuple(n for n, _ in number_lines), quotes=tuple(q for _, q in number_lines),
                     complete=complete, line=number_lines[0][0] if number_lines else 0, notes=tuple(notes))


def _split_header(rows: list[tuple[str, ...]]) -> tuple[list, int]:
    """Header cells or paths and how many leading rows are header.

    One header row gives its cells. Two or more are a merged header flattened row by row
    (n01: "合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费" over "小 计 | 公务用车运行维护费 |
    公务用车购置费"): one path per column when the lower row starts with its opener (小计, 项目)
    and the paths are as many as the body's cells, else the first row's cells as before.
    """
    # a header cell may name a year ("2022年预算数", fC3 of the second fresh batch): a body row has a number
    first_body = next((i for i, r in enumerate(rows) if any(re.search(r"\d", c) and NUMBER_OR_MARK.match(c)
                                                            for c in r[1:])), len(rows))
    if not first_body:
        return [], 0
    printed = [r for r in rows[:first_body] if any(c.strip() for c in r)]
    if len(printed) > 1 and first_body < len(rows):
        paths = header_paths([c for r in printed for c in r if c.strip()])
        if any(len(p) > 1 for p in paths) and len(paths) == len(rows[first_body]):
            return paths, first_body
        if len(printed) == 2 and (under := _under_one(printed[0], printed[1], len(rows[first_body]))):
            return under, first_body
    return list(rows[0]), first_body


def _under_one(top: tuple[str, ...], lower: tuple[str, ...], width: int) -> list[tuple[str, ...]]:
    """"项 目 | 2014年决算数 | 2015年决算数 | 2015年决算比上年增、减情况" over "增、减额 | 增、减幅度" (fD2 of
    the second fresh batch): the lower row's cells are the parts of the one top cell spanning them — the
    one sharing words with them, else the last — when the body's cells count exactly that many columns."""
    top = tuple(c for c in top if c.strip())
    lower = tuple(c for c in lower if c.strip())
    if len(lower) < 2 or len(top) - 1 + len(lower) != width:
        return []
    def shared(cell: str) -> int:
        return max(len(set(cell) & set(part) - set("、，, ")) for part in lower)
    group = max(range(1, len(top)), key=lambda i: (shared(top[i]), i))
    return [(cell,) for cell in top[:group]] + [(top[group], part) for part in lower] + \
        [(cell,) for cell in top[group + 1:]]


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
        if text.lstrip().startswith("|") and cells and not cells[0]:
            cells = cells[1:]  # a leading pipe is the row's border, not an empty cell (g08)
        if len(cells) == 1 and FORM_NUMBER.match(cells[0]):
            continue  # "公开01表" under "收入支出决算总表" numbers the form; the title names it (fH2)
        if len(cells) == 1 and TITLE_END.search(cells[0]):
            title = cells[0]
        elif NOTE.match(text):
            notes.append(text.strip(" |"))
        elif _is_unit_row(cells):
            unit = UNIT.search(" ".join(cells)).group(1)
        else:
            rows.append(tuple(c for c in cells))
            kept.append((number, text.strip()))
    if numbered := line_numbered(rows):
        header, body, skip = numbered
        kept = kept[:skip] + [k for k, row in zip(kept[skip:], body) if row is not None]
        rows = rows[:skip] + [row for row in body if row is not None]
    else:
        header, skip = _split_header(rows)
    if not rows[skip:]:
        return None  # header-like rows and no figure: a page's fields ("索引号 | … | 发布机构 | …", fD2)
    if not title and skip:
        # no title printed (the page's copy starts at the table, fC3 of the second fresh batch): the table
        # is named by its header line as printed, as a reader points to it
        title = kept[0][1]
    said: Narrative = []
    if skip and (column := _text_column(header, rows[skip:])):
        header, rows, said = _without_text_column(header, rows, kept, skip, column)
    if skip and is_indicator_header(header):
        read = indicator_rows(header, rows[skip:])
        grid = _grid([kept[skip + i] for i in read.sources], read.rows, (), title, unit, notes)
        return replace(grid, cell_names=tuple(read.cell_names), row_paths=tuple(read.paths)), end
    return _grid(kept[skip:], rows[skip:], header, title, unit, notes), end, said


# A column of words beside the figures: "项目 | 2022年预算数 | 2023年预算数 | 2023年预算数增减 | 增减原因"
# (fC3 of the second fresh batch; "备注", "说明" columns alike).
_TEXT_COLUMN = re.compile(r"原因|说明|备注|依据")


def _text_column(header: list, body: list[tuple[str, ...]]) -> int:
    """The index of a header cell naming a text column whose body cells are words, not figures; 0 if none."""
    for index, cell in enumerate(header):
        name = cell[-1] if isinstance(cell, tuple) else cell
        if index and _TEXT_COLUMN.search(name):
            printed = [row[index] for row in body if len(row) > index and row[index].strip()]
            if printed and not any(NUMBER_OR_MARK.match(c) for c in printed):
                return index
    return 0


def _without_text_column(header: list, rows: list[tuple[str, ...]], kept: Narrative, skip: int, column: int):
    """The header and rows without the text column, and its cells as sentences of their own
    ("公务接待费：严格执行中央八项规定…", at the row's line): reasons are narrative, asked as "为什么"."""
    said: Narrative = []
    for (number, _), row in zip(kept[skip:], rows[skip:]):
        if len(row) > column and row[column].strip():
            label = re.sub(r"^(?:其中[:：])?(?:[(（]?\d{1,2}[)）、.．]|[一二三四五六七八九十]、)?", "", row[0]).strip()
            said.append((number, f"{label}：{row[column].strip()}"))
    rows = [row[:column] + row[column + 1:] for row in rows]
    return header[:column] + header[column + 1:], rows, said


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
    names = _block_names([tuple(r) for r in rows])  # before trimming: blank cells tell the columns
    trimmed = [tuple(_trim(r)) for r in rows]
    grid = _grid(kept, trimmed, [], title, unit)
    return replace(grid, cell_names=tuple(n[:len(r)] for n, r in zip(names, trimmed))), end


def _block_names(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Per row, the column names over its cells: a 绩效自评表 prints a header block (one name per
    line) before each group of value rows, so each value row takes the last block's names.

    A 合计 row's label is merged over the leading columns, so its cells are the last ones
    ("合计 | 100 | | |" under "… 完成值 | 权重 | 得分 | 未完成原因分析": 100 is the 权重 total).
    """
    names: list[tuple[str, ...]] = []
    current: tuple[str, ...] = ()
    run: list[str] = []
    for row in rows:
        if len(row) == 1:
            run.append(row[0])
            names.append(("",))
            continue
        current = header_stretch(run) or current
        run = []
        count = len(row) - 1
        if is_total_label(row[0]) and count < len(current):
            names.append(("",) + current[len(current) - count:])
        else:
            names.append(("",) + current[:count] + ("",) * max(count - len(current), 0))
    return names


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
    if unit_at + 1 < len(narrative) and _is_pipe_row(narrative[unit_at + 1][1]):
        return None  # a title and unit over " | " rows (fD2 of the second fresh batch): the pipe reader's
    end, lines, kept, notes = unit_at + 1, [], [], []
    while end < len(narrative):
        line_number, line = narrative[end]
        if NOTE.match(line):
            notes.append(line.strip())
        elif len(line.strip()) > 80:
            break
        elif line.strip():
            lines.append(line)
            kept.append((line_number, line.strip()))
        end += 1
    if not lines:
        return None
    label, values = trailing_values(lines[0])
    header_cells = label.split() if not values else []
    skip = 1 if header_cells else 0
    width = len(header_cells) - 1 if len(header_cells) > 1 else 0
    rows = [_aligned_cells(line, width) for line in lines[skip:]]
    return _grid(kept[skip:], rows, header_cells, text.strip(), unit, notes), end


def _aligned_cells(line: str, width: int) -> tuple[str, ...]:
    """(label, value cells) of a space-aligned row whose empty cells were collapsed (ex08).

    Each cell is followed by one space and an empty cell prints as one space, so a run of
    3 spaces before a value is one empty column ("支出合计   250000" under "2016-执行数
    2017-预算数" is the 2017 figure) and 4 trailing spaces are two empty columns. When the
    runs do not fit the `width` value columns of the header, the values are kept as printed.
    """
    label, values = trailing_values(line)
    printed = ((label.strip(),) if label.strip() else ()) + values
    if not width or not label.strip():
        return printed
    cells: list[str] = []
    position = len(label)
    for value in values:
        start = line.find(value, position)
        if start < 0:
            return printed
        cells += [""] * ((start - position - 1) // 2) + [value]
        position = start + len(value)
    cells += [""] * ((len(line) - position) // 2)
    if len(cells) > width:
        return printed
    return (label.strip(),) + tuple(cells) + ("",) * (width - len(cells))


def _long_line_title(text: str) -> str:
    match = re.search(r"([^\s:：,，。;；|]{2,30}?表)(?![格示达明])", text)
    numbers = sum(1 for t in tokens(text) if re.fullmatch(r"[\d,.]+", t.text))
    # CJK, a number, CJK again (not "2021年": years are part of labels)
    glued = len(re.findall(r"[\u4e00-\u9fff]\d[\d.]{1,11}[\u4e00-\u5e73\u5e75-\u9fff]", text))
    return match.group(1) if match and (numbers >= 5 or glued >= 3) else ""


def _long_line_grid(number: int, text: str) -> TableGrid:
    """One table flattened onto one line: each label run and the values after it make a row; a 行次
    form's cells go to their sides (`line_numbered_run`)."""
    title = _long_line_title(text)
    unit_match = UNIT.search(text) or COLUMN_UNIT.search(text)
    unit = unit_match.group(1) if unit_match else ""
    if numbered := line_numbered_run(text):
        form, header, rows = numbered
        quotes = [(number, " ".join(c for c in row if c)) for row in rows]
        return _grid(quotes, rows, header, form or title, unit, complete=False)
    spaced = text.count(" ") >= len(text) / 40
    rows = _spaced_rows(text) if spaced else _glued_rows(text)
    quotes = [(number, " ".join(r)) for r in rows]
    grid = _grid(quotes, rows, [], title, unit, complete=False)
    return replace(grid, cell_names=_spaced_names(rows)) if spaced else grid


def _spaced_names(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Per row, the column names over its cells: header words printed in a row's label text
    ("… 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额:") name the values of
    that row and the rows after it, until the next header (ex13)."""
    names: list[tuple[str, ...]] = []
    current: tuple[str, ...] = ()
    for row in rows:
        current = header_stretch(row[0].split()) or current
        names.append(("",) + align_names(current, len(row) - 1))
    return tuple(names)


ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _spaced_rows(text: str) -> list[tuple[str, ...]]:
    """Each label run and the values after it. In a table with a 行次 column, small plain
    integers are row numbers, neither amounts nor part of a label: they are dropped (the row
    quote keeps the printed line).

    A 行次 table (公开01表) has one amount per row; several amounts after one label were
    detached from their rows when the sheet was flattened (ex10: "八、其他收入 8 11,122,315.04
    13,628,965.89 1,003,618.46 9 10 …"), so they make a row without a label rather than being
    claimed by the label before them. One figure printed twice ("总计 30 25,754,899.39
    25,754,899.39") stays with its label.
    """
    numbered = "行次" in text
    rows: list[tuple[str, ...]] = []
    for part in segments(text):
        if numbered and part.values:
            part = Segment(values=tuple(v for v in part.values if not ROW_NUMBER.match(v)))
            if len(set(part.values)) > 1:
                rows.append(part.values)
                continue
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
