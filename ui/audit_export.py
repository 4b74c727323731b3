"""The audit report by section of the disclosure, and as files to download (CSV and JSON).

A finding's section is where a reviewer goes to fix it: the table it concerns ("表4 基本支出总表",
or the title of an unnumbered table), or the part of the narrative ("第三部分 …"), read from the
first figure or sentence it cites. Presentation only: nothing here parses a document.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

from ingest.audit import CHECK_NAMES, VERDICT_NAMES, audit_to_json
from ingest.model import AuditReport, CellRef, Finding

ATTENTION_ORDER = ("error", "warning", "rounding")  # what a reviewer must fix first
CSV_HEADER = ("部分", "页码", "结论", "检查", "位置", "说明", "原文", "行号")
OTHER_SECTION = "其他"
_NO_PLACE = (10 ** 9, 10 ** 9)  # findings without page or line go after those with one


def finding_section(finding: Finding) -> str:
    """The table or part of the narrative a finding belongs to."""
    cell = next((c for c in finding.cells if c.ref), None)
    if cell is None:
        return finding.where.split(" › ")[0].strip() or OTHER_SECTION
    ref, title = cell.ref.strip(), cell.title.strip()
    if _is_table(cell):
        return f"{ref} {title}" if title and title != ref else ref
    return title.split(" › ")[0].strip() if title else ref


def _is_table(cell: CellRef) -> bool:
    ref, title = cell.ref.strip(), cell.title.strip()
    return ref.startswith("表") or bool(cell.column) or (bool(title) and title == ref)


def quoted(finding: Finding) -> CellRef | None:
    """The cited line shown with a finding: the first figure or sentence that has one."""
    return next((c for c in finding.cells if c.quote), None)


def _place(finding: Finding) -> tuple[int, int]:
    lines = [c.line for c in finding.cells if c.line]
    if not finding.page and not lines:
        return _NO_PLACE
    return (finding.page or _NO_PLACE[0], min(lines, default=0))


def grouped(report: AuditReport) -> list[tuple[str, list[Finding]]]:
    """The problems (not the passed checks) by section, sections in document order, each
    section's errors first, then warnings, then rounding."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.problems:
        groups.setdefault(finding_section(finding), []).append(finding)
    for found in groups.values():
        found.sort(key=lambda f: (ATTENTION_ORDER.index(f.verdict), _place(f)))
    return sorted(groups.items(), key=lambda item: min(_place(f) for f in item[1]))


def audit_rows(report: AuditReport) -> list[tuple[str, ...]]:
    """One row per problem, in the order of `grouped`, with the columns of `CSV_HEADER`."""
    rows = []
    for section, found in grouped(report):
        for finding in found:
            cell = quoted(finding)
            rows.append((section, str(finding.page or ""), VERDICT_NAMES.get(finding.verdict, finding.verdict),
                         CHECK_NAMES.get(finding.check, finding.check), finding.where, finding.message,
                         cell.quote if cell else "", str(cell.line) if cell and cell.line else ""))
    return rows


def _download_path(report: AuditReport, suffix: str) -> Path:
    stem = Path(report.source_name).stem or report.doc_id or "audit"
    return Path(tempfile.mkdtemp(prefix="budgetqa-audit-")) / f"{stem}-核对报告{suffix}"


def write_audit_csv(report: AuditReport) -> str:
    """The problems as a CSV Excel opens (UTF-8 with BOM), in a fresh temporary folder; its path."""
    path = _download_path(report, ".csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        writer.writerows(audit_rows(report))
    return str(path)


def write_audit_json(report: AuditReport) -> str:
    """The whole report (as `budgetqa audit --json`) in a fresh temporary folder; its path."""
    path = _download_path(report, ".json")
    path.write_text(json.dumps(audit_to_json(report), ensure_ascii=False, indent=2), encoding="utf-8")
    return str(path)
