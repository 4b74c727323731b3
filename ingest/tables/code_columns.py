"""Classification codes printed in separate 类 | 款 | 项 columns become one code cell.

Many templates print a function or economic classification code in two or
three columns ("201" | "05" | "07", header 功能分类科目编码 › 类/款/项) beside the
name. The grid is rewritten so those columns are one code cell ("2010507"),
as other layouts print it, and the row hierarchy can come from the code. Seen
in the 上海 district budgets and 决算 (real_pdf/: 收入/支出预算总表, 功能分类 and
经济分类 tables). A 合计 row whose label spans the code columns keeps no code.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import TableGrid

PART_HEADERS = ("类", "款", "项")  # the 类/款/项 columns of a classification code, as printed
_CLASS = re.compile(r"^\d{3}$")  # 类: three digits (201, 301)
_PART = re.compile(r"^\d{1,2}$")  # 款 and 项: two digits; some pages drop a leading zero ("2" for 02)
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")  # a whole code: 201, 20105, 2010507
MIN_CODED_SHARE = 0.5  # at least half the labelled rows carry a code: code columns, not values


def is_code(cell: str) -> bool:
    """"2010507", "20105", "201": a classification code in a cell of its own."""
    return bool(_CODE.match(cell.strip()))


def join_code_columns(grid: TableGrid) -> TableGrid:
    """The grid with its leading 类/款/项 columns joined into one code column (else unchanged)."""
    count = _part_columns(grid)
    if count < 2:
        return grid
    rows = tuple(_joined(row, count) if len(row) > count else row for row in grid.rows)
    header = grid.header_paths
    if len(header) > count:
        header = (_common_prefix(header[:count]) or ("科目编码",),) + tuple(header[count:])
    return replace(grid, rows=rows, header_paths=header)


def _part_columns(grid: TableGrid) -> int:
    """How many leading columns hold code parts: by their header (类/款/项), else by their cells."""
    by_header = 0
    for path in grid.header_paths:
        if path and path[-1].strip() in PART_HEADERS:
            by_header += 1
        else:
            break
    if by_header >= 2:
        return by_header
    wide = [row for row in grid.rows if len(row) > 3]
    for count in (3, 2):
        coded = [row for row in wide if _CLASS.match(row[0].strip())]
        if len(coded) < max(1, MIN_CODED_SHARE * len(wide)):
            return 0
        if all(all(not cell.strip() or _PART.match(cell.strip()) for cell in row[1:count]) for row in wide) \
                and sum(bool(row[count].strip()) and not row[count].strip().isdigit() for row in coded) \
                >= MIN_CODED_SHARE * len(coded):
            return count
    return 0


def _joined(row: tuple[str, ...], count: int) -> tuple[str, ...]:
    """(code, rest…): parts joined while they continue (201 | 05 | "" -> 20105)."""
    parts = [cell.strip() for cell in row[:count]]
    code = ""
    if _CLASS.match(parts[0]):
        code = parts[0]
        for part in parts[1:]:
            if not _PART.match(part):
                break
            code += part.zfill(2)
    elif any(parts) and not row[count].strip():  # "合计" printed across the code columns: the name
        return ("", " ".join(p for p in parts if p)) + tuple(row[count + 1:])
    return (code,) + tuple(row[count:])


def _common_prefix(paths) -> tuple[str, ...]:
    prefix = []
    for parts in zip(*paths):
        if len(set(p.strip() for p in parts)) != 1:
            break
        prefix.append(parts[0].strip())
    return tuple(prefix)
