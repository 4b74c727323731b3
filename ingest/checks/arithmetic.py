"""Verify the parse with the document's own arithmetic.

Within a table: a parent row equals the sum of its children; a total column
equals the sum of its parts (from the schema); both sides of a 收支总表 balance.
Across tables and with the text: see `ingest.checks.cross_checks`. Failed checks are
returned like passed ones, never hidden.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.checks.cross_checks import cross_table_checks, load_rules, text_checks
from ingest.checks.values import compare, decimals, format_number
from ingest.model import Cell, Finding, Row, Table, Verdict
from ingest.tables.row_paths import OF_WHICH
from ingest.tables.schemas import fill_year, schema_by_name
from ingest.tables.two_sided import CARRY_OVER

PATH_JOIN = " › "


def run_checks(tables, records) -> list[Finding]:
    """Every arithmetic and consistency check of the document, passed and failed."""
    checks: list[Finding] = []
    for table in tables:
        checks += children_sum_checks(table)
        checks += column_sum_checks(table)
        checks += two_sides_checks(table)
    checks += cross_table_checks(tables)
    checks += text_checks(tables, records)
    return checks


def table_year(table: Table) -> str:
    """The year printed in the table's column names ("2022年预算数"), or ""."""
    for path in table.columns:
        for name in path:
            match = re.search(r"((?:19|20)\d\d)年", name)
            if match:
                return match.group(1)
    return ""


def _column_name(table: Table, index: int) -> str:
    return PATH_JOIN.join(table.columns[index]) if index < len(table.columns) else f"列{index + 1}"


BLANK_MARKS = ("", "-", "—", "－")


def _as_amount(cell: Cell, table: Table) -> Cell:
    """A blank cell of a known table is a zero (决算 tables leave zero amounts blank)."""
    if cell.value is None and table.schema != "generic" and cell.raw.strip() in BLANK_MARKS:
        return Cell(raw=cell.raw, value=0.0, unit=table.unit)
    return cell


def _sum_check(table: Table, row_name: str, column: int, stated, parts, what: str) -> Finding | None:
    parts = [_as_amount(p, table) for p in parts]
    if stated.value is None or not parts or any(p.value is None for p in parts):
        return None
    if any(cell.unit == "%" for cell in (stated, *parts)):
        return None  # rates do not add up ("增、减幅度": 0.9% over 2.40% and -28.8%, fD2 of the second fresh batch)
    actual = sum(p.value for p in parts)
    column_name = _column_name(table, column)
    message = (f"{table.ref} {row_name}（{column_name}）：{what} {format_number(actual)}，"
               f"表中为 {format_number(stated.value)}")
    return compare("children_sum", stated.value, actual, decimals([stated, *parts]), message,
                   table_no=table.number, row=row_name, column=column_name, unit_name=table.unit)


def _children(table: Table, parent: Row) -> list[Row]:
    size = len(parent.path)
    return [r for r in table.rows if not r.is_total and len(r.path) == size + 1
            and r.path[:size] == parent.path]


def _department_parts(table: Table, row: Row) -> list[Row]:
    """A department/total row heading the table adds up its top-level rows."""
    schema = schema_by_name(table.schema)
    if schema is None or not schema.department_row or table.rows[0] is not row:
        return []
    return [r for r in table.rows if not r.is_total and len(r.path) == 1]


def _as_added_up(table: Table, row: Row, column: int) -> Cell:
    """A row's cell as its own children add it up (the printed cell when it has none)."""
    stated = row.cells[column]
    parts = [_as_amount(child.cells[column], table) for child in _children(table, row)
             if column < len(child.cells)]
    if row.is_total or not parts or any(p.value is None for p in parts):
        return stated
    return Cell(raw=stated.raw, value=sum(p.value for p in parts), unit=stated.unit)


def children_sum_checks(table: Table) -> list[Finding]:
    """Parent rows (and the department row) against the sum of their children, column by column."""
    checks = []
    for row in table.rows:
        children = _department_parts(table, row) if row.is_total else _children(table, row)
        if not children or (len(children) == 1 and OF_WHICH.match(children[0].label)):
            continue  # one "其中:" row names a part of its parent, not all of it (fH2 of the fourth fresh batch)
        for column, stated in enumerate(row.cells):
            parts = [child.cells[column] for child in children if column < len(child.cells)]
            check = _sum_check(table, PATH_JOIN.join(row.path), column, stated, parts, "子项合计")
            if check and check.verdict == Verdict.ERROR:
                # When a 款 total disagrees with its 项 and the 类 above agrees with the 项, the
                # one wrong figure is the 款's: reported there once, not again at the 类 (seen
                # in the 2025 district budget of tests/fixtures/real_pdf: 212 01 off by 1 元).
                added = [_as_added_up(table, child, column) for child in children if column < len(child.cells)]
                again = _sum_check(table, PATH_JOIN.join(row.path), column, stated, added, "子项（按其下级）合计")
                check = again if again and again.ok else check
            if check:
                checks.append(check)
    return checks


def column_sum_checks(table: Table) -> list[Finding]:
    """Each row: a total column against the sum of its part columns (rules from the schema;
    for a table of no known schema, from its header groups)."""
    schema = schema_by_name(table.schema)
    if schema is None:
        return [check for total, parts in header_sums(table) for row in table.rows
                if (check := _column_rule_check(table, row, total, parts))]
    year = table_year(table)
    names = [PATH_JOIN.join(path) for path in table.columns]
    checks = []
    for rule in schema.column_sums:
        total = fill_year(rule.total, year)
        parts = [fill_year(p, year) for p in rule.parts]
        if total not in names or any(p not in names for p in parts):
            continue
        for row in table.rows:
            check = _column_rule_check(table, row, names.index(total), [names.index(p) for p in parts])
            if check:
                checks.append(check)
    return checks


def header_sums(table: Table) -> list[tuple[int, list[int]]]:
    """(total column, part columns) of a table's header: a column whose last header is a total
    word ("合计") sums the other columns of its group (same header path above it); a part that
    is itself a group counts by its own total ("公务用车购置及运行费 › 小计"). A table printed
    in several header groups ("三公" and 机关运行经费) sums within each group only."""
    words = load_rules()["total_headers"]
    sums = []
    for total, path in enumerate(table.columns):
        if len(path) < 2 or path[-1] not in words:
            continue
        group, parts = path[:-1], []
        for index, other in enumerate(table.columns):
            if index == total or other[:len(group)] != group or len(other) == len(group):
                continue
            below = other[len(group):]
            if len(below) == 1 or (len(below) == 2 and below[-1] in words):
                parts.append(index)
        if len(parts) >= 2:
            sums.append((total, parts))
    return sums


def _column_rule_check(table: Table, row: Row, total: int, parts: list[int]) -> Finding | None:
    stated = row.cells[total] if total < len(row.cells) else None
    cells = [row.cells[i] for i in parts if i < len(row.cells)]
    if stated is None or stated.value is None or len(cells) != len(parts) \
            or any(c.value is None for c in cells):
        return None
    actual = sum(c.value for c in cells)
    row_name, column_name = PATH_JOIN.join(row.path), _column_name(table, total)
    message = (f"{table.ref} {row_name}：{column_name} {format_number(stated.value)}，"
               f"各组成列合计 {format_number(actual)}")
    return compare("columns_sum", stated.value, actual, decimals([stated, *cells]), message,
                   table_no=table.number, row=row_name, column=column_name, unit_name=table.unit)


def two_sides_checks(table: Table) -> list[Finding]:
    """收支总表: each side's 本年合计 = its top-level items, 总计 = 本年合计 + carry-over, sides balance."""
    schema = schema_by_name(table.schema)
    if schema is None or schema.structure != "two_sided":
        return []
    checks, grand = [], {}
    for side in schema.sides:
        rows = [r for r in table.rows if r.path[:1] == (side,)]
        totals = [r for r in rows if r.is_total]
        if len(totals) < 2:
            continue
        current, overall = totals[0], totals[-1]
        items = [r for r in rows[: rows.index(current)] if len(r.path) == 2 and not r.is_total]
        carried = [r for r in rows[rows.index(current) + 1: rows.index(overall)] if len(r.path) == 2]
        carried = [r for r in carried if any(w in r.label for w in CARRY_OVER)]
        for stated, parts in ((current, items), (overall, [current, *carried])):
            check = _sum_check(table, PATH_JOIN.join(stated.path), 0, stated.cells[0],
                               [p.cells[0] for p in parts], "各项合计")
            if check:
                checks.append(replace(check, check="two_sides_balance"))
        grand[side] = overall
    if len(grand) == 2:
        (side_a, row_a), (side_b, row_b) = grand.items()
        a, b = row_a.cells[0], row_b.cells[0]
        if a.value is not None and b.value is not None:
            message = (f"{table.ref} {row_a.label} {format_number(a.value)} 与 "
                       f"{row_b.label} {format_number(b.value)} 收支平衡")
            checks.append(compare("two_sides_balance", a.value, b.value, decimals([a, b]), message,
                                  table_no=table.number, row=f"{row_a.label} / {row_b.label}"))
    return checks
