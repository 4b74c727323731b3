"""The audit report as HTML: order of findings, folded passed checks, escaping of disclosure text."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from ingest.audit import audit_file
from ingest.model import AuditReport, CellRef, Finding
from ui.audit_view import render_audit_html

HOSTILE = '<img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def sample_html(sample_path) -> str:
    # The sample's audit has one error and no warning: add a warning to see the order.
    report = audit_file(sample_path)
    warning = Finding(check="table_unit", verdict="warning", message="表8：未注明金额单位。", where="表8")
    return render_audit_html(replace(report, findings=(warning, *report.findings)))


def test_problems_come_first_and_passed_checks_are_folded(sample_html):
    first_error = sample_html.index('class="audit-finding verdict-error"')
    first_warning = sample_html.index('class="audit-finding verdict-warning"')
    passed = sample_html.index('<details class="audit-passed">')
    assert first_error < first_warning < passed
    assert re.search(r"通过的检查（\d{2,} 项）", sample_html)


def test_disclosure_text_in_findings_is_escaped():
    cell = CellRef(ref="表3", title=f"支出总表{HOSTILE}", row=f"测试局{HOSTILE}", column="合计",
                   value=100.0, unit="万元", raw="100", quote=f"测试局{HOSTILE} 100 60 40", line=7)
    finding = Finding(check="children_sum", verdict="error", message=f"测试局{HOSTILE}：子项合计 101，表中为 100",
                      where=f"表3 › 测试局{HOSTILE}", cells=(cell,), difference=-1.0)
    report = AuditReport(doc_id="test-2023", title=f"测试局{HOSTILE}", source_name=f"{HOSTILE}.txt",
                         findings=(finding,), warnings=(f"表3 被截断{HOSTILE}",))
    page = render_audit_html(report)
    assert "<img" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_an_ingested_document_is_audited_by_the_library_like_its_file(sample_home, sample_path):
    from assistant.config import load_config
    from index.errors import UnknownDocument
    from ui.audit_view import audit_loaded
    from ui.shared_library import SharedLibrary

    shared = SharedLibrary(load_config(sample_home), ensure_sample=False)
    stored = shared.audit(sample_path.name)
    from_file = audit_file(sample_path)
    assert [(f.check, f.verdict) for f in stored.problems] == [(f.check, f.verdict) for f in from_file.problems]
    html, json_path, csv_path = audit_loaded(shared, sample_path.name)
    assert "表11" in html and json_path and csv_path.endswith("核对报告.csv")
    with pytest.raises(UnknownDocument):
        shared.audit("no-such-document")
    html, json_path, csv_path = audit_loaded(shared, "no-such-document")
    assert "未找到文件" in html and json_path is None and csv_path is None
