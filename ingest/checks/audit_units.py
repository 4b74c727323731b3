"""Units: every money table states one, column labels agree with it, a table
whose unit differs from the rest of the document is flagged, and the figures
the parser compares (`cross_checks.toml`) are stated in the same unit.

The sample's 表11 is the case this was written for: "单位：万元" above columns
labelled "总额（元）/财政拨款（元）/其它资金（元）" holding 2,972, 3,776 …, the
same figures 表1 and 表4 give in 万元.
"""

from __future__ import annotations

from collections import Counter

from ingest.checks.audit_compare import compare_sides
from ingest.checks.audit_locate import (
    MONEY_FACTORS, cell_ref, column_unit, disclosure_year, find_column, find_row, joined, record_ref,
    text_amounts,
)
from ingest.model import CellRef, Document, Finding, Table, Verdict
from ingest.checks.cross_checks import load_rules
from ingest.tables.schemas import fill_year

def unit_findings(document: Document) -> list[Finding]:
    """A `table_unit` finding per money table and a `column_unit` finding per table
    whose headers print a unit."""
    dominant = document_unit(document)
    findings: list[Finding] = []
    for table in document.tables:
        if not has_money(table):
            continue
        findings.append(table_unit_finding(table, dominant))
        column = column_unit_finding(document, table, dominant)
        if column is not None:
            findings.append(column)
    return findings


def document_unit(document: Document) -> str:
    """The money unit most tables state (else the document's own)."""
    units = Counter(t.unit for t in document.tables if t.unit in MONEY_FACTORS)
    return units.most_common(1)[0][0] if units else document.unit


def has_money(table: Table) -> bool:
    """Whether a table prints amounts (not only targets, counts or percentages)."""
    return any(cell.value is not None and not cell.qualifier
               and (cell.unit in MONEY_FACTORS or not cell.unit)
               for row in table.rows for cell in row.cells)


def table_unit_finding(table: Table, dominant: str) -> Finding:
    """Is the table's unit stated, and the same as the rest of the document?"""
    title = table.title.strip()
    where = " ".join(dict.fromkeys(p for p in (table.ref.strip(), title) if p)) or f"第 {table.line} 行的表格"
    # The table's heading as the finding's cell: its line gives the page to look at.
    heading = (CellRef(table.ref.strip(), title, "", "", None, table.unit, "", title, table.line),) if table.line else ()
    if not table.unit:
        if any(column_unit(table, i) for i in range(len(table.columns))):
            return Finding("table_unit", Verdict.OK, f"{where}：金额单位印在列标题中。", where)
        return Finding("table_unit", Verdict.WARNING,
                       f"{where} 未注明金额单位（应有“单位：万元”或“单位：元”）。", where, heading)
    if dominant and table.unit != dominant:
        return Finding("table_unit", Verdict.WARNING,
                       f"{where} 标注“单位：{table.unit}”，而本文件其他表格为{dominant}，"
                       f"请确认单位是否标错。", where, heading)
    return Finding("table_unit", Verdict.OK, f"{where} 单位：{table.unit}。", where)


def column_unit_finding(document: Document, table: Table, dominant: str) -> Finding | None:
    """Column headers printing a unit ("总额（元）") must agree with the table's unit."""
    labelled = [i for i in range(len(table.columns)) if column_unit(table, i)]
    if not labelled:
        return None
    expected = table.unit or dominant
    wrong = [i for i in labelled if column_unit(table, i) != expected]
    where = f"{table.ref} › {joined(table.columns[(wrong or labelled)[0]])}"
    if not wrong or not expected:
        return Finding("column_unit", Verdict.OK, f"{table.ref} {table.title}：列标题所注单位与表头一致。",
                       where)
    names = "、".join(f"“{joined(table.columns[i])}”" for i in wrong)
    stated = column_unit(table, wrong[0])
    head = f"表头为“单位：{table.unit}”" if table.unit else f"本文件其他表格为{dominant}"
    evidence = same_figure_elsewhere(document, table, wrong, expected)
    conclusion, cells = "两者不一致，金额单位应统一。", ()
    if evidence:
        mine, other = evidence
        conclusion = (f"其数字为{expected}量级（如 {mine.where} {mine.raw} 与 {other.where} "
                      f"{other.raw} {other.unit} 相同），应标注为{expected}。")
        cells = evidence
    message = f"{table.ref} {table.title}：列 {names} 标注单位为{stated}，而{head}；{conclusion}"
    return Finding("column_unit", Verdict.ERROR, message, where, cells)


def same_figure_elsewhere(document: Document, table: Table, columns: list[int],
                          unit: str) -> tuple[CellRef, CellRef] | None:
    """A figure of these columns printed identically in another table stated in `unit`
    (the largest such figure, so a coincidence of small numbers is unlikely)."""
    mine = sorted(((row, i) for row in table.rows for i in columns
                   if i < len(row.cells) and (row.cells[i].value or 0) >= 10),
                  key=lambda pair: -(pair[0].cells[pair[1]].value or 0))
    others = [(t, row, i) for t in document.tables if t is not table and t.unit == unit
              for row in t.rows for i in range(len(row.cells))]
    for row, index in mine:
        value = row.cells[index].value
        for other_table, other_row, other_index in others:
            if other_row.cells[other_index].value == value:
                return (cell_ref(table, row, index),
                        cell_ref(other_table, other_row, other_index))
    return None


# ---------------------------------------------------------------- the parser's pairs, unit-aware


def rule_unit_findings(document: Document) -> list[Finding]:
    """The pairs of `cross_checks.toml` whose two figures are stated in different units.

    The parser compares those figures' numbers (and skips text figures whose unit
    differs from the table's); here a pair under two units is compared in 元, and
    the same number under 元 and 万元 is a unit error. Pairs in one unit give no
    finding: `ingest.checks.arithmetic` already reports them.
    """
    rules, year = load_rules(), disclosure_year(document)
    findings: list[Finding] = []
    for rule in rules.get("same_figure", ()):
        a, b = _rule_cell(document, rule["a"], year), _rule_cell(document, rule["b"], year)
        if a is not None and b is not None and a.unit != b.unit:
            findings.append(compare_sides([a], [b]))
    for rule in rules.get("text_figure", ()):
        cell = _rule_cell(document, rule["b"], year)
        if cell is None:
            continue
        for record in text_amounts(document, rule["part"], rule["labels"], period=year):
            if record.unit != cell.unit:
                findings.append(compare_sides([record_ref(record)], [cell]))
    return findings


def _rule_cell(document: Document, spec: dict, year: str) -> CellRef | None:
    """A cell named as in `cross_checks.toml`: table by schema, row and column by path."""
    table = next((t for t in document.tables if t.schema == spec["table"]), None)
    if table is None:
        return None
    row = find_row(table, fill_year(spec["row"], year), document.department)
    index = find_column(table, fill_year(spec["column"], year))
    if row is None or index is None or index >= len(row.cells):
        return None
    return cell_ref(table, row, index)
