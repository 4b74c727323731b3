"""The total income or spending the narrative states against the total of the overall
income-and-spending table (check "text_vs_table"), for any template.

`cross_checks.toml` [[text_figure]] compares named figures of one template's parts; this
check needs no part names: the overall table is the first two-sided table (收入 | 支出) the
document prints (收支总表, 部门财务收支预算总表, 收入支出决算总表: every template seen puts it
first, before the 财政拨款 one), and a stated total agrees when it equals one of its side's
totals (收入总计 includes the carry-over, 本年收入合计 does not; the text may mean either).
Labels are in audit.toml [text_totals]. Seen in the sample, the district budgets and the
社会工作部 决算 of tests/fixtures/real_pdf.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.checks.audit_compare import compare_sides, describe_ref
from ingest.checks.audit_locate import cell_ref, record_ref, to_yuan
from ingest.checks.audit_text import places
from ingest.checks.audit_words import text_totals
from ingest.model import CellRef, Document, Finding, Record, Table, Verdict
from ingest.tables.schemas import title_key
from ingest.units import MONEY_FACTORS

CHECK = "text_vs_table"
HALF_UNIT = 0.5  # a figure converted to another unit and rounded is off by up to half its last place


def total_findings(document: Document) -> list[Finding]:
    table = _overall_table(document)
    if table is None:
        return []
    found = []
    for rule in text_totals():
        totals = _side_totals(table, rule["side"], rule["rows"])
        if not totals:
            continue
        labels = {title_key(label) for label in rule["labels"]}
        for record in _stated(document, labels):
            found.append(_compare(record, totals))
    return found


def _overall_table(document: Document) -> Table | None:
    for table in document.tables:
        heads = {row.path[0] for row in table.rows if len(row.path) > 1}
        if {"收入", "支出"} <= heads:
            return table
    return None


def _side_totals(table: Table, side: str, names: list[str]) -> list[CellRef]:
    keys = {title_key(name) for name in names}
    refs = [cell_ref(table, row, 0) for row in table.rows
            if len(row.path) > 1 and row.path[0] == side and title_key(row.path[-1]) in keys]
    return [ref for ref in refs if ref.value is not None and ref.unit in MONEY_FACTORS]


def _stated(document: Document, labels: set[str]) -> list[Record]:
    """Amounts of this year the text states under a total's name."""
    year = str(document.year) if document.year else ""
    return [r for r in document.records
            if r.source == "text" and r.measure == "amount" and r.unit in MONEY_FACTORS
            and (not r.period or r.period == year) and title_key(r.label) in labels]


def _compare(record: Record, totals: list[CellRef]) -> Finding:
    """Agreement with any of the side's totals; else the comparison with the nearest one."""
    stated = record_ref(record)
    findings = [_agreement(stated, total) for total in totals]
    for verdict in (Verdict.OK, Verdict.ROUNDING):
        match = next((f for f in findings if f.verdict == verdict), None)
        if match is not None:
            return match
    nearest = min(findings, key=lambda f: abs(f.difference) if f.difference is not None else float("inf"))
    if len(totals) > 1 and nearest.verdict == Verdict.ERROR:
        listed = "、".join(f"{t.row.split(' › ')[-1]} {t.raw}" for t in totals)
        message = f"{nearest.message.rstrip('。')}（表中该侧的合计 {listed} {totals[0].unit} 均不相符）。"
        return Finding(CHECK, nearest.verdict, message, nearest.where, nearest.cells, nearest.difference)
    return nearest


def _agreement(stated: CellRef, total: CellRef) -> Finding:
    """`compare_sides`, except that a 元 total stated in 万元 and rounded as printed agrees
    (189,767,551 元 is "18,976.76 万元"), and the check is named for text against a table
    whatever the table's reference (an unnumbered table is cited by its title)."""
    finding = replace(compare_sides([stated], [total]), check=CHECK)
    if finding.verdict != Verdict.ROUNDING or stated.unit == total.unit:
        return finding
    converted = (to_yuan(total.value, total.unit) or 0) / (to_yuan(1, stated.unit) or 1)
    digits = places(stated.raw)
    if abs(converted - (stated.value or 0)) <= HALF_UNIT * 10.0 ** -digits + 1e-9:
        message = (f"{describe_ref(stated)} 与 {describe_ref(total)}一致（折合 {converted:,.{digits + 2}f} "
                   f"{stated.unit}，四舍五入后相同）。")
        return replace(finding, verdict=Verdict.OK, message=message, difference=0.0)
    return finding
