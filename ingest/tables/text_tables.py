"""Find the numbered tables in a disclosure's text lines, drop page-break repeats, stitch, cut rows.

A numbered table starts with a "表 N" line, then its title, the "部门名称：… 单位：万元"
line and a header shredded over many lines ("上年结", "余、结", "转"); body rows
follow. At every page break the number, title, 部门名称 line and header are printed
again: they are dropped and the rows stitched. Lines outside tables are narrative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.tables.flat_tables import find_flat_tables
from ingest.tables.header_cells import FORM_NUMBER
from ingest.model import TableGrid
from ingest.tables.schemas import Schema, find_schema, title_key
from ingest.tables.text_cells import is_column_numbers, trailing_values
from ingest.tables.text_performance import performance_grid
from ingest.tables.text_rows import cut_rows

TABLE_NUMBER = re.compile(r"^\s*表\s*(\d{1,2})\s*$")
UNIT = re.compile(r"(?:金额)?单位\s*[：:]\s*(万元|元|千元|亿元)")
DEPARTMENT = re.compile(r"(?:部门(?:（单位）|\(单位\))?(?:名称\s*[：:]?|\s*[：:])|编制单位\s*[：:])"
                        r"\s*(\S+?)(?:\s{2,}|\s+(?:金额)?单位|\s*$)")
NOTE = re.compile(r"^\s*(?:注|备注)\s*[：:]")
PART_HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、\s*(?:文字|表格)部分)")
# A classified row whose last amount is blank ("307 债务利息及费用支出" ending a 公开06表 line).
CODED_ROW = re.compile(r"^\s*\d{3}(?:\d{2}){0,3}\s+[\u4e00-\u9fff]")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# A value glued to its label when a page's cells lost their spacing ("行政经费177.50", "2.公务用车运行维护费3.60",
# 表8 of fI2 in the fifth fresh batch): the one number closing a table line after a word.
_GLUED_VALUE = re.compile(r"(?<=[\u4e00-\u9fff)）”])(?=[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$)")


@dataclass
class BodyLine:
    """A non-blank body line of a table and its 1-based line number."""

    number: int
    text: str


@dataclass
class TableText:
    """What was collected for one numbered table while reading its pages."""

    number: int
    title: str
    line: int
    unit: str = ""
    department: str = ""
    header: list[str] = field(default_factory=list)
    body: list[BodyLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    complete: bool = True


def split_tables(lines: tuple[str, ...] | list[str]) -> tuple[list[TableGrid], list[tuple[int, str]]]:
    """Return (table grids, narrative (line number, text) pairs outside tables).

    Numbered tables ("表 N") are read with their page-break repeats dropped; the
    narrative is then searched for flattened tables (pipes, aligned columns).
    """
    lines = list(lines)
    grids: list[TableGrid] = []
    narrative: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        if _table_start(lines, index) is not None:
            collected, index = _read_table(lines, index)
            grids.append(_grid(collected))
            continue
        narrative.append((index + 1, lines[index]))
        index += 1
    flat_grids, narrative = find_flat_tables(narrative)
    return grids + flat_grids, narrative


def _next_nonblank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _table_start(lines: list[str], index: int) -> tuple[int, int] | None:
    """(table number, index of the title line) if a "表 N" heading starts here."""
    match = TABLE_NUMBER.match(lines[index])
    if not match:
        return None
    title_index = _next_nonblank(lines, index + 1)
    if title_index >= len(lines) or TABLE_NUMBER.match(lines[title_index]):
        return None
    title = lines[title_index].strip()
    if not title.endswith(("表", "）", ")")) and find_schema(title) is None:
        return None
    return int(match.group(1)), title_index


def _read_table(lines: list[str], start: int) -> tuple[TableText, int]:
    """Collect one table (all its pages) from `start`; return it and the index after it."""
    number, title_index = _table_start(lines, start)
    table = TableText(number=number, title=lines[title_index].strip(), line=start + 1)
    index = _read_preamble(lines, title_index + 1, table)
    in_notes = False
    while index < len(lines):
        text = lines[index]
        if not text.strip():
            index += 1
            continue
        repeat = _table_start(lines, index)
        if repeat is not None and repeat[0] != number or PART_HEADING.match(text):
            return table, index
        if repeat is not None:
            index = _skip_repeat(lines, repeat[1] + 1, table)
            in_notes = False
            if index >= len(lines):  # the file ends right after a page-break header
                table.complete = False
                return table, index
            continue
        if NOTE.match(text) or in_notes:
            in_notes = True
            table.notes.append(text.strip())
        else:
            table.body.append(BodyLine(index + 1, _GLUED_VALUE.sub(" ", text)))
        index += 1
    table.complete = not _looks_cut_off(table)
    return table, index


def _read_preamble(lines: list[str], index: int, table: TableText) -> int:
    """Read the unit/department line(s) right after the title; return where the header starts."""
    for _ in range(3):
        index = _next_nonblank(lines, index)
        if index >= len(lines):
            return index
        text = lines[index]
        unit, department = UNIT.search(text), DEPARTMENT.search(text)
        if FORM_NUMBER.match(text):
            index += 1
            continue
        if not unit and not department:
            return index
        table.unit = table.unit or (unit.group(1) if unit else "")
        table.department = table.department or (department.group(1) if department else "")
        index += 1
    return index


def _skip_repeat(lines: list[str], index: int, table: TableText) -> int:
    """After a repeated "表 N" + title: skip the unit line and the repeated header lines."""
    index = _read_preamble(lines, index, TableText(0, "", 0))
    header = {line.strip() for line in _first_header(table)}
    while index < len(lines) and (not lines[index].strip() or lines[index].strip() in header):
        index += 1
    return index


def _first_header(table: TableText) -> list[str]:
    """The header lines of the first page: body lines before the first row's label."""
    if not table.header:
        table.header = _split_header(table)
    return table.header


def _split_header(table: TableText) -> list[str]:
    """Move the header lines from the front of `body` into a list and return it."""
    for position, body_line in enumerate(table.body):
        label, values = trailing_values(body_line.text)
        if (not values and not CODED_ROW.match(body_line.text)) or is_column_numbers(body_line.text):
            continue
        label_lines = 0 if label.strip() else _label_fragment_count(table, position)
        cut = position - label_lines
        header = [b.text.strip() for b in table.body[:cut]]
        table.body = table.body[cut:]
        return header
    return []


def _label_fragment_count(table: TableText, position: int) -> int:
    """How many lines before a numbers-only first row make its wrapped label."""
    fragments = [b.text.strip() for b in table.body[:position]]
    if fragments and is_column_numbers(fragments[-1]):
        return 0  # a 决算 table's one row of numbers right under its 栏次 line
    department = title_key(table.department)
    for count in (1, 2, 3):
        if department and title_key("".join(fragments[-count:])) == department:
            return count
    return 1 if fragments else 0


def _looks_cut_off(table: TableText) -> bool:
    """A table is cut off when the text ends on a label without numbers or a short row."""
    if not table.body:
        return True
    schema = find_schema(table.title)
    if schema is None or schema.structure == "performance":
        return False
    last_values = trailing_values(table.body[-1].text)[1]
    if not last_values:
        return True
    counts = [n for n in (len(trailing_values(b.text)[1]) for b in table.body) if n]
    usual = max(set(counts), key=counts.count)
    return schema.structure in ("indented", "coded") and len(last_values) < usual


def _grid(table: TableText) -> TableGrid:
    """Turn the collected lines of a table into a TableGrid (schema-aware cutting)."""
    schema = find_schema(table.title)
    if schema is not None and schema.structure == "performance":
        return performance_grid(table, schema)
    header = _first_header(table)
    schema = find_schema(table.title, " ".join(header))  # the variant whose columns are printed
    line_numbers = "行次" in title_key("".join(header))
    rows, numbers, quotes = cut_rows(table.body, schema, table.department, line_numbers)
    return TableGrid(
        number=table.number, title=table.title, unit=table.unit,
        header_paths=_header_paths(schema, header), rows=tuple(rows), lines=tuple(numbers),
        quotes=tuple(quotes), complete=table.complete, line=table.line, notes=tuple(table.notes))


def header_year(header_lines: list[str]) -> str:
    """The year printed in a header ("2022 年预算数" -> "2022"), or ""."""
    match = YEAR.search(" ".join(header_lines))
    return match.group(1) if match else ""


def _header_paths(schema: Schema | None, header: list[str]) -> tuple[tuple[str, ...], ...]:
    """The schema's header paths when every column name is found in the printed header."""
    if schema is None:
        return ()
    year = header_year(header)
    printed = title_key("".join(header))
    columns = schema.columns_for(year)
    if not all(title_key(name) in printed for path in columns for name in path):
        return ()
    labels = schema.label_columns
    if schema.structure == "two_sided":
        side_a, side_b = schema.sides
        left = tuple(tuple(path) for path in schema.setting("left_columns", ())) or columns[:1]
        return (((side_a, "项目"),) + tuple((side_a,) + path for path in left)
                + ((side_b, "项目"),) + tuple((side_b,) + path for path in columns))
    return tuple(labels) + columns
