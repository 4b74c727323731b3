"""`budgetqa audit`: a consistency report for staff before a disclosure is published.

Every check the parser ran on the document's own arithmetic (`ingest.checks`),
plus the reviewer checks of `ingest.audit_checks`, each with its verdict and
the figures involved.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ingest.audit_checks import run_audit_checks
from ingest.audit_locate import (
    cell_ref, children_of, compact, find_table, joined, record_ref, row_by_path,
)
from ingest.audit_model import AuditReport, CellRef, Finding
from ingest.document import parse_document
from ingest.model import Check, Document, Record, Table

SHOWN_CELLS = 6  # a failed sum of 20 children lists them all in its message already
VERDICT_NAMES = {"ok": "通过", "error": "错误", "rounding": "尾数差异", "warning": "提示"}
CHECK_NAMES = {
    "children_sum": "子项合计", "columns_sum": "分列合计", "two_sides_balance": "收支平衡",
    "cross_table": "跨表一致", "text_vs_table": "正文与表格", "text_sum": "正文合计",
    "yoy_change": "同比增减", "table_unit": "表格单位", "column_unit": "列标题单位",
    "unit_mismatch": "单位一致", "correspondence": "对应关系",
}


def audit_file(path: Path) -> AuditReport:
    """Parse a disclosure and audit it. Raises UnreadableDocument (Chinese message)."""
    return audit_document(parse_document(Path(path)))


def audit_document(document: Document) -> AuditReport:
    """Every parse check and every reviewer check on a parsed document."""
    findings = [finding_from_check(document, check) for check in document.checks]
    findings += run_audit_checks(document)
    return AuditReport(doc_id=document.doc_id, title=document.title,
                       source_name=document.source_name, findings=tuple(findings),
                       warnings=document.warnings)


# ---------------------------------------------------------------- parse checks


def finding_from_check(document: Document, check: Check) -> Finding:
    """A parser check as a finding, with the cells it names (and, for a sum of
    children that fails, every child, since any one of them may be the wrong one)."""
    if check.ok:
        verdict = "ok"
    else:
        verdict = {"rounding": "rounding", "info": "warning"}.get(check.severity, "error")
    table = find_table(document, check.table_no) if check.table_no else None
    cells = _check_cells(table, check) if table is not None else ()
    where = " › ".join(p for p in (f"表{check.table_no}" if check.table_no else "",
                                   check.row, check.column) if p)
    stated = _text_record(document, check) if check.name == "text_vs_table" else None
    if stated is not None:
        # The text is where a reviewer fixes it: lead with the sentence.
        cells, where = (record_ref(stated), *cells), joined(stated.section_path)
    message = check.message
    children = list(cells[1:]) if "children" in check.name else []
    if verdict != "ok" and children:
        listed = "、".join(f"{c.row.split(' › ')[-1]} {c.raw}" for c in children)
        message = f"{message.rstrip('。')}。子项：{listed}。"
    difference = (check.expected - check.actual
                  if check.expected is not None and check.actual is not None else None)
    return Finding(check=check.name, verdict=verdict, message=message, where=where,
                   cells=cells, difference=difference, source="parse")


def _text_record(document: Document, check: Check) -> Record | None:
    """The text figure a text_vs_table check compared: its value is `expected` and its
    section heading and label are named in the message."""
    for record in document.records:
        heading = record.section_path[-1] if record.section_path else ""
        if (record.source == "text" and record.value == check.expected
                and heading in check.message and record.label in check.message):
            return record
    return None


def _check_cells(table: Table, check: Check) -> tuple[CellRef, ...]:
    row = row_by_path(table, check.row) if check.row else None
    if row is None:
        return ()
    wanted = compact(check.column)
    index = next((i for i, path in enumerate(table.columns)
                  if compact("›".join(path)) == wanted), 0)
    cells = [cell_ref(table, row, index)]
    if "children" in check.name:
        cells += [cell_ref(table, child, index) for child in children_of(table, row.path)]
    return tuple(cells)


# ---------------------------------------------------------------- rendering


def render_audit(report: AuditReport) -> str:
    """The report for a person, in Chinese: a summary, the problems, then every check."""
    counts = report.counts
    lines = [f"审核报告：{report.title or report.doc_id}（{report.source_name}）",
             f"共运行 {len(report.findings)} 项检查：通过 {counts['ok']} 项，错误 {counts['error']} 项，"
             f"尾数差异 {counts['rounding']} 项，提示 {counts['warning']} 项。"]
    lines += [f"注意：{w}" for w in report.warnings]
    for verdict in ("error", "rounding", "warning"):
        found = report.with_verdict(verdict)
        if found:
            lines += ["", f"【{VERDICT_NAMES[verdict]}】（{len(found)} 项）"]
            lines += [_render_problem(i, f) for i, f in enumerate(found, 1)]
    lines += ["", "【全部检查】"]
    lines += [f"  [{VERDICT_NAMES[f.verdict]}] {CHECK_NAMES.get(f.check, f.check)}｜{f.message}"
              for f in report.findings]
    return "\n".join(lines)


def _render_problem(number: int, finding: Finding) -> str:
    name = CHECK_NAMES.get(finding.check, finding.check)
    text = [f"{number}. [{name}] {finding.where}", f"   {finding.message}"]
    for cell in finding.cells[:SHOWN_CELLS]:
        line = f"第 {cell.line} 行" if cell.line else "行号未知"
        text.append(f"   - {cell.where}：{cell.raw} {cell.unit}（{line}）".rstrip())
    if len(finding.cells) > SHOWN_CELLS:
        text.append(f"   - ……另有 {len(finding.cells) - SHOWN_CELLS} 个单元格（见 --json）")
    return "\n".join(text)


def audit_to_json(report: AuditReport) -> dict:
    """The report as JSON-ready data: summary counts and every finding with its cells."""
    return {
        "doc_id": report.doc_id, "title": report.title, "source_name": report.source_name,
        "summary": {"checks": len(report.findings), **report.counts},
        "warnings": list(report.warnings),
        "findings": [{**asdict(f), "cells": [{**asdict(c), "where": c.where} for c in f.cells]}
                     for f in report.findings],
    }
