"""Find the figures an audit compares: table cells by row/column selector, and
amounts the narrative states (text records) by label.

Selectors come from `audit.toml`; nothing here knows a particular disclosure.
"""

from __future__ import annotations

import re

from ingest.checks.cross_checks import document_year
from ingest.checks.values import format_number
from ingest.model import CellRef, Document, Record, Row, Table
from ingest.tables.schemas import title_key
from ingest.units import MONEY_FACTORS

HEADER_UNIT = re.compile(r"[（(](亿元|万元|元)[）)]")


def compact(text: str) -> str:
    """Text with every whitespace character removed (the PDF export scatters spaces)."""
    return re.sub(r"\s+", "", text)


def to_yuan(value: float, unit: str) -> float | None:
    """A money figure in 元, or None when `unit` is not a money unit."""
    factor = MONEY_FACTORS.get(unit)
    return value * factor if factor is not None else None


def joined(path: tuple[str, ...]) -> str:
    return " › ".join(path)


# ---------------------------------------------------------------- tables


def find_table(document: Document, key: int | str) -> Table | None:
    """A table by printed number (4) or by the schema that parsed it ("基本支出总表")."""
    if isinstance(key, str):
        return next((t for t in document.tables if t.schema == key), None)
    return next((t for t in document.tables if t.number == key), None)


def find_row(table: Table, selector: str, department: str = "") -> Row | None:
    """The row a selector names: "@department" (the heading total row), a label,
    or the tail of its path ("商品和服务支出›水费")."""
    if selector == "@department":
        named = [r for r in table.rows if department and compact(r.label) == compact(department)]
        totals = [r for r in table.rows if r.is_total]
        return (named or totals or [None])[0]
    wanted = compact(selector).split("›")
    for row in table.rows:
        path = [compact(p) for p in row.path]
        if path[-len(wanted):] == wanted:
            return row
    return next((r for r in table.rows if compact(r.label) == wanted[-1]), None)


def find_column(table: Table, selector: str | None) -> int | None:
    """Index of the column a selector names (tail of its header path, or the
    start of its last header); None if absent. No selector: the first column."""
    if not selector:
        return 0 if table.columns else None
    wanted = compact(selector).split("›")
    paths = [[compact(p) for p in path] for path in table.columns]
    for matches in (_tail_equals, _tail_ends_with, _last_starts_with):
        found = next((i for i, parts in enumerate(paths) if matches(parts, wanted)), None)
        if found is not None:
            return found
    return None


def _tail_equals(parts: list[str], wanted: list[str]) -> bool:
    return parts[-len(wanted):] == wanted


def _tail_ends_with(parts: list[str], wanted: list[str]) -> bool:
    # "政府采购项目›小计" names the column "2022年政府采购项目 › 小计".
    tail = parts[-len(wanted):]
    return len(tail) == len(wanted) and all(p.endswith(w) for p, w in zip(tail, wanted))


def _last_starts_with(parts: list[str], wanted: list[str]) -> bool:
    # "总额" names "总额（元）": headers may carry their own unit.
    return len(wanted) == 1 and bool(parts) and parts[-1].startswith(wanted[0])


def column_unit(table: Table, index: int) -> str:
    """A unit printed in the column header ("总额（元）" -> "元"), else ""."""
    if index >= len(table.columns):
        return ""
    found = HEADER_UNIT.findall(compact("".join(table.columns[index])))
    return found[-1] if found else ""


def cell_ref(table: Table, row: Row, index: int) -> CellRef:
    """A table cell as an involved figure; its unit is the table's 单位 (else the column's)."""
    cell = row.cells[index] if index < len(row.cells) else None
    column = joined(table.columns[index]) if index < len(table.columns) else ""
    unit = table.unit or column_unit(table, index) or (cell.unit if cell else "")
    return CellRef(
        ref=table.ref, title=table.title, row=joined(row.path), column=column,
        value=cell.value if cell else None, unit=unit, raw=cell.raw if cell else "",
        quote=row.quote, line=row.line)


def locate_cell(document: Document, table_key: int | str, row: str,
                column: str | None) -> CellRef | None:
    """The cell `table › row › column`, or None if the table, row or column is absent."""
    table = find_table(document, table_key)
    if table is None:
        return None
    found_row = find_row(table, row, document.department)
    index = find_column(table, column)
    if found_row is None or index is None:
        return None
    return cell_ref(table, found_row, index)


def children_of(table: Table, parent_path: tuple[str, ...]) -> list[Row]:
    """The rows directly under a parent row."""
    depth = len(parent_path)
    return [r for r in table.rows if len(r.path) == depth + 1 and r.path[:depth] == parent_path]


def row_by_path(table: Table, path_text: str) -> Row | None:
    """The row whose path, joined with " › ", is `path_text` (spaces ignored)."""
    wanted = compact(path_text)
    return next((r for r in table.rows if compact("›".join(r.path)) == wanted), None)


# ---------------------------------------------------------------- narrative


def text_amounts(document: Document, part: str, labels: list[str], section: str = "",
                 period: str = "", measure: str = "amount") -> list[Record]:
    """The amounts (or, with `measure` "change", the changes) the text states under one
    of `labels` in a part ("第三部分"), in reading order; `section` keeps those whose
    heading contains it ("（四）")."""
    keys = {title_key(label) for label in labels}
    return [r for r in document.records
            if r.source == "text" and r.measure == measure and r.ref == part
            and title_key(r.label) in keys and r.unit in MONEY_FACTORS
            and (not section or compact(section) in compact(r.section_path[-1] if r.section_path else ""))
            and (not period or not r.period or r.period == period)]


def record_ref(record: Record) -> CellRef:
    """A figure stated in the text as an involved figure."""
    marker = {"change": "增减额", "change_rate": "增减率"}.get(record.measure, "")
    return CellRef(ref=record.ref, title=joined(record.section_path), row=record.label + marker,
                   value=record.value, unit=record.unit, raw=format_number(record.value),
                   quote=record.quote, line=record.line)


def disclosure_year(document: Document) -> str:
    """The year the tables print ("2022年预算数"), else the document's year; "" if unknown."""
    return document_year(document.tables) or (str(document.year) if document.year else "")
