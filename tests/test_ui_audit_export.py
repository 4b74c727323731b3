"""The desk's 发布前核对 listing by section and its CSV and JSON downloads, on real audits:
the sample (one error, 表11's unit label) and the 社会工作部 2024 决算 of tests/fixtures/real_pdf,
whose typed faults include the rate "完成年初预算的95.89%" on page 18 (第三部分 › 五、…) and
template guidance on pages 15–16 under the 政府性基金 and 国有资本经营 tables.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

from ingest.audit import audit_file
from ingest.model import AuditReport
from ui.audit_export import CSV_HEADER, audit_rows, finding_section, grouped, write_audit_csv, write_audit_json
from ui.audit_view import render_audit_html

SHEGONG_2024 = Path(__file__).parent / "fixtures" / "real_pdf" / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"


@cache
def shegong() -> AuditReport:
    return audit_file(SHEGONG_2024)


def test_problems_are_grouped_by_section_in_document_order():
    groups = grouped(shegong())
    names = [name for name, _ in groups]
    assert len(names) == len(set(names))
    problems = [f for _, found in groups for f in found]
    assert sorted(map(id, problems)) == sorted(map(id, shegong().problems))
    # The rate of page 18 sits under the third part, after the tables' groups (pages 13–16).
    rate = next(f for f in shegong().problems if f.check == "rate" and f.verdict == "error")
    section = finding_section(rate)
    assert section.startswith("第三部分")
    first_pages = [min(f.page for f in found if f.page) for _, found in groups if any(f.page for f in found)]
    assert first_pages == sorted(first_pages)


def test_the_listing_shows_each_section_with_its_pages_and_quoted_lines():
    html = render_audit_html(shegong())
    rate = next(f for f in shegong().problems if f.check == "rate" and f.verdict == "error")
    head = html.index(f'data-section="{finding_section(rate)}"')
    card = html.index("95.89%", head)
    assert head < card
    assert "第 18 页" in html[head:card]
    assert '<blockquote class="audit-quote">' in html[head:]


def test_csv_has_one_row_per_problem_with_section_page_and_quote(tmp_path):
    report = shegong()
    path = Path(write_audit_csv(report))
    assert path.name.endswith("核对报告.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 only with a BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(CSV_HEADER)
    assert len(rows) - 1 == len(report.problems)
    rate = next(r for r in rows[1:] if "95.89%" in r[CSV_HEADER.index("说明")])
    assert rate[CSV_HEADER.index("页码")] == "18" and rate[CSV_HEADER.index("结论")] == "错误"
    assert rate[CSV_HEADER.index("部分")].startswith("第三部分")
    assert "95.89%" in rate[CSV_HEADER.index("原文")]
    assert audit_rows(report)[0] == tuple(rows[1])


def test_json_download_is_the_cli_report(sample_path):
    report = audit_file(sample_path)
    data = json.loads(Path(write_audit_json(report)).read_text(encoding="utf-8"))
    assert data["summary"]["error"] == 1 and data["findings"]
    errors = [f for f in data["findings"] if f["verdict"] == "error"]
    assert [f["check"] for f in errors] == ["column_unit"]


def test_sample_csv_lists_only_the_table11_unit_label(sample_path):
    rows = audit_rows(audit_file(sample_path))
    assert len(rows) == 1
    assert rows[0][CSV_HEADER.index("部分")].startswith("表11")
    assert rows[0][CSV_HEADER.index("检查")] == "列标题单位"
