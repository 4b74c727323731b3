"""The same figure agreeing across tables and with the text (rules in cross_checks.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from ingest.checks.values import compare, decimals, format_number
from ingest.model import Cell, Finding, Row, Table
from ingest.tables.schemas import fill_year, title_key

PATH_JOIN = " › "


@cache
def load_rules() -> dict:
    """The cross-check rules of `cross_checks.toml`."""
    text = (resources.files("ingest.checks") / "cross_checks.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def document_year(tables) -> str:
    """The disclosure's year as printed in table columns (most frequent), or ""."""
    years = [m.group(1) for t in tables for p in t.columns for n in p
             if (m := re.search(r"((?:19|20)\d\d)年", n))]
    return max(set(years), key=years.count) if years else ""


def _table(tables, name: str) -> Table | None:
    return next((t for t in tables if t.schema == name), None)


def _find_row(table: Table, spec: str, year: str) -> Row | None:
    if spec == "@department":
        return table.rows[0] if table.rows and table.rows[0].is_total else None
    path = tuple(fill_year(spec, year).split(PATH_JOIN))
    return next((r for r in table.rows if r.path == path), None)


def _find_cell(tables, spec: dict, year: str) -> tuple[Table, Row, str, Cell] | None:
    table = _table(tables, spec["table"])
    if table is None:
        return None
    row = _find_row(table, spec["row"], year)
    column = fill_year(spec["column"], year)
    names = [PATH_JOIN.join(p) for p in table.columns]
    if row is None or column not in names or names.index(column) >= len(row.cells):
        return None
    cell = row.cells[names.index(column)]
    return (table, row, column, cell) if cell.value is not None else None


def _describe(table: Table, row: Row, column: str) -> str:
    return f"{table.ref} {PATH_JOIN.join(row.path)}（{column}）"


def cross_table_checks(tables) -> list[Finding]:
    """Rules `same_figure` and `same_rows`: a figure printed in two tables is the same."""
    year = document_year(tables)
    checks = []
    for rule in load_rules().get("same_figure", ()):
        a, b = _find_cell(tables, rule["a"], year), _find_cell(tables, rule["b"], year)
        if a and b:
            checks.append(_pair_check(a, b, rule.get("relation", "equal")))
    for rule in load_rules().get("same_rows", ()):
        checks += _row_pairs(tables, rule, year)
    return checks


def _pair_check(a, b, relation: str) -> Finding:
    (table_a, row_a, column_a, cell_a), (table_b, row_b, column_b, cell_b) = a, b
    sign = "≥" if relation == "at_least" else "="
    message = (f"{_describe(table_a, row_a, column_a)} {format_number(cell_a.value)} {sign} "
               f"{_describe(table_b, row_b, column_b)} {format_number(cell_b.value)}")
    return compare("cross_table", cell_a.value, cell_b.value, decimals([cell_a, cell_b]), message,
                   table_no=table_a.number, row=PATH_JOIN.join(row_a.path), column=column_a,
                   relation=relation)


def _row_pairs(tables, rule: dict, year: str) -> list[Finding]:
    table_a, table_b = _table(tables, rule["a"]["table"]), _table(tables, rule["b"]["table"])
    if table_a is None or table_b is None:
        return []
    checks = []
    side = tuple(s for s in [rule["b"].get("side", "")] if s)
    for row in table_a.rows:
        if row.is_total:
            continue
        if rule.get("match") == "label":
            partner = next((r for r in table_b.rows if r.label == row.label and not r.is_total), None)
        else:
            partner = next((r for r in table_b.rows if r.path == side + row.path), None)
        if partner is None:
            continue
        a = _find_cell([table_a], {"table": table_a.schema, "row": PATH_JOIN.join(row.path),
                                   "column": rule["a"]["column"]}, year)
        b = _find_cell([table_b], {"table": table_b.schema, "row": PATH_JOIN.join(partner.path),
                                   "column": rule["b"]["column"]}, year)
        if a and b:
            checks.append(_pair_check(a, b, "equal"))
    return checks


def _text_matches(records, labels, part: str, unit: str, year: str):
    keys = {title_key(label) for label in labels}
    for record in records:
        if record.source != "text" or record.measure != "amount" or record.unit != unit:
            continue
        if part and record.ref != part:
            continue
        if record.period and year and record.period != year:
            continue
        if title_key(record.label) in keys:
            yield record


def text_checks(tables, records) -> list[Finding]:
    """Rules `text_figure` and `text_rows`: a figure stated in the text agrees with its table cell."""
    year = document_year(tables) or next((str(r.year) for r in records if r.year), "")
    checks = []
    for rule in load_rules().get("text_figure", ()):
        found = _find_cell(tables, rule["b"], year)
        if found:
            checks += [_text_check(r, found) for r in _text_matches(records, rule["labels"], rule["part"],
                                                                      found[0].unit, year)]
    for rule in load_rules().get("text_rows", ()):
        table = _table(tables, rule["b"]["table"])
        for row in table.rows if table else ():
            spec = {"table": table.schema, "row": PATH_JOIN.join(row.path), "column": rule["b"]["column"]}
            found = None if row.is_total else _find_cell([table], spec, year)
            if found:
                checks += [_text_check(r, found) for r in _text_matches(records, [row.label], rule["part"],
                                                                          table.unit, year)]
    return checks


def _text_check(record, found) -> Finding:
    table, row, column, cell = found
    where = PATH_JOIN.join(record.section_path[-1:]) or record.ref
    message = (f"正文 {record.ref}（{where}）{record.label} {format_number(record.value)} {record.unit} = "
               f"{_describe(table, row, column)} {format_number(cell.value)}")
    places = max(decimals([cell]), len(str(record.value).split(".")[-1]) if record.value % 1 else 0)
    return compare("text_vs_table", record.value, cell.value, places, message, table_no=table.number,
                   row=PATH_JOIN.join(row.path), column=column)
