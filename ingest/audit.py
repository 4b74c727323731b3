"""`budgetqa audit`: a consistency report for staff before a disclosure is published.

Every check the parser ran on the document's own arithmetic (`ingest.checks.arithmetic`),
plus the reviewer checks of `ingest.checks.audit_checks`, each with its verdict and
the figures involved.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

from ingest.checks.audit_checks import run_audit_checks
from ingest.checks.parse_findings import with_cells
from ingest.document import parse_document
from ingest.model import AuditReport, Document, Finding, Verdict

SHOWN_CELLS = 6  # a failed sum of 20 children lists them all in its message already
VERDICT_NAMES = {Verdict.OK: "通过", Verdict.ERROR: "错误", Verdict.ROUNDING: "尾数差异", Verdict.WARNING: "提示"}
CHECK_NAMES = {
    "children_sum": "子项合计", "columns_sum": "分列合计", "two_sides_balance": "收支平衡",
    "cross_table": "跨表一致", "text_vs_table": "正文与表格", "text_sum": "正文合计",
    "yoy_change": "同比增减", "table_unit": "表格单位", "column_unit": "列标题单位",
    "unit_mismatch": "单位一致", "correspondence": "对应关系",
    "rate": "比率核对", "direction": "增减方向", "two_amounts": "一项两数", "name_code": "科目名称",
    "leftover": "模板遗留", "level_wording": "层级措辞", "contents": "目录与表格",
    "empty_table": "空表说明",
}


def audit_file(path: Path) -> AuditReport:
    """Parse a disclosure and audit it. Raises UnreadableDocument (Chinese message)."""
    return audit_document(parse_document(Path(path)))


def audit_document(document: Document) -> AuditReport:
    """Every parse check and every reviewer check on a parsed document."""
    findings = [with_cells(document, finding) for finding in document.checks]
    findings += run_audit_checks(document)
    findings = [_with_page(document, finding) for finding in findings]
    return AuditReport(doc_id=document.doc_id, title=document.title,
                       source_name=document.source_name, findings=tuple(findings),
                       warnings=document.warnings)


def _with_page(document: Document, finding: Finding) -> Finding:
    """The PDF page of a finding: that of its first figure with a known line."""
    if finding.page:
        return finding
    page = next((document.page_of(c.line) for c in finding.cells if document.page_of(c.line)), 0)
    return replace(finding, page=page) if page else finding


# ---------------------------------------------------------------- rendering


def render_audit(report: AuditReport) -> str:
    """The report for a person, in Chinese: a summary, the problems, then every check."""
    counts = report.counts
    lines = [f"审核报告：{report.title or report.doc_id}（{report.source_name}）",
             f"共运行 {len(report.findings)} 项检查：通过 {counts['ok']} 项，错误 {counts['error']} 项，"
             f"尾数差异 {counts['rounding']} 项，提示 {counts['warning']} 项。"]
    lines += [f"注意：{w}" for w in report.warnings]
    for verdict in (Verdict.ERROR, Verdict.ROUNDING, Verdict.WARNING):
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
    page = f"（第 {finding.page} 页）" if finding.page else ""
    text = [f"{number}. [{name}] {finding.where}{page}", f"   {finding.message}"]
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
