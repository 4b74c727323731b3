"""The audit on the sample and on copies of it with one planted fault each.

Expected values are read off the disclosure: 表4 商品和服务支出 492 万元 (its
children 办公费 36 … 水费 8 …), 第三部分 "（二）公用支出 492 万元", 第二部分
"收入 3,776 万元，比 2021 年增加 208 万元，增长 6 %" (208 / 3,568 = 5.8 %),
表11's amount columns labelled （元） under "单位：万元", 表3 支出总计 3,776 =
基本支出 2,972 + 项目支出 804.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.audit import audit_document, audit_file, audit_to_json, render_audit
from ingest.checks import audit_checks
from ingest.checks.audit_checks import load_rules
from ingest.model import AuditReport, Finding, Verdict

VERDICTS = tuple(Verdict)
from ingest.document import parse_document
from ingest.errors import BudgetQAError, UnreadableDocument


@pytest.fixture(scope="module")
def sample_document(sample_path: Path):
    return parse_document(sample_path)


@pytest.fixture(scope="module")
def sample_report(sample_document) -> AuditReport:
    return audit_document(sample_document)


def planted(sample_path: Path, tmp_path: Path, old: str, new: str) -> AuditReport:
    """Audit a copy of the sample with the first `old` (exact text, must exist) replaced."""
    text = sample_path.read_text(encoding="utf-8")
    assert old in text, f"planting needs {old!r} in the sample"
    copy = tmp_path / "planted.txt"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return audit_file(copy)


def problems(report: AuditReport, verdict: str) -> list[Finding]:
    return [f for f in report.findings if f.verdict == verdict]


def mentions(finding: Finding, *words: str) -> bool:
    """Whether every word appears in the finding's location, message or cells."""
    text = " ".join([finding.where, finding.message]
                    + [f"{c.where} {c.raw} {c.quote}" for c in finding.cells])
    text = text.replace(" ", "")
    return all(word.replace(" ", "") in text for word in words)


def signature(finding: Finding) -> tuple[str, str]:
    return (finding.check, finding.where)


# ---------------------------------------------------------------- the untouched sample


def test_sample_reports_every_check_the_parser_ran(sample_document, sample_report):
    parse = [f for f in sample_report.findings if f.source == "parse"]
    assert len(sample_document.checks) > 0
    assert len(parse) == len(sample_document.checks)
    assert [f.check for f in parse] == [c.check for c in sample_document.checks]


def test_sample_runs_every_kind_of_reviewer_check(sample_report):
    kinds = {f.check for f in sample_report.findings if f.source == "audit"}
    assert {"text_vs_table", "cross_table", "text_sum", "yoy_change",
            "table_unit", "column_unit"} <= kinds
    assert all(f.verdict in VERDICTS for f in sample_report.findings)
    assert all(f.message for f in sample_report.findings)


def test_sample_table11_amount_columns_labelled_yuan_hold_wanyuan(sample_report):
    errors = [f for f in problems(sample_report, "error") if f.check == "column_unit"]
    assert len(errors) == 1
    finding = errors[0]
    assert finding.where.startswith("表11")
    assert mentions(finding, "总额（元）", "财政拨款（元）", "其它资金（元）", "单位：万元")
    # The evidence: a figure of those columns printed the same in a 万元 table.
    assert any(c.ref == "表11" for c in finding.cells)
    assert any(c.ref != "表11" and c.unit == "万元" for c in finding.cells)


def test_sample_raises_no_other_error_and_no_rounding(sample_report):
    errors = problems(sample_report, "error")
    assert [(f.check, f.where.split(" ")[0]) for f in errors] == [("column_unit", "表11")]
    assert problems(sample_report, "rounding") == []


def test_audit_rules_name_no_particular_department_or_project(sample_report):
    # The rules are keyed to standard tables and parts; the sample's own project names
    # (which once had rules of their own) appear nowhere in them.
    entries = load_rules()["agree"]
    assert entries and not any("department" in entry for entry in entries)
    text = (Path(audit_checks.__file__).with_name("audit.toml")).read_text(encoding="utf-8")
    assert not any(name in text for name in ("罗湖", "社保综合管理", "社保业务管理", "综合行政管理"))
    assert problems(sample_report, "warning") == []


@pytest.mark.parametrize("where, figure", [
    ("第三部分", "人员支出"),      # 2,315 = 表4 工资福利支出
    ("第三部分", "公用支出"),      # 492 = 表4 商品和服务支出
    ("第三部分", "项目支出"),      # 804 = 表5
    ("第四部分", "共计"),          # 政府采购 278 = 表3
    ("第五部分", "“三公”经费预算"),  # 8 = 表8
])
def test_sample_text_figures_checked_against_tables(sample_report, where, figure):
    found = [f for f in sample_report.findings
             if f.check == "text_vs_table" and f.where.startswith(where) and mentions(f, figure)]
    assert found and all(f.verdict == "ok" for f in found)


def test_sample_year_over_year_statements_checked(sample_report):
    yoy = [f for f in sample_report.findings if f.check == "yoy_change"]
    # 第二部分 ×2, 第三部分 社保综合管理/社保业务管理/预算准备金, 第五部分 三公, 第八部分 机关运行经费
    assert len(yoy) == 7
    assert all(f.verdict == "ok" for f in yoy)
    income = next(f for f in yoy if f.where.startswith("第二部分"))
    assert [c.value for c in income.cells] == [3776, 208, 6]


# ---------------------------------------------------------------- planted faults


def test_planted_child_breaks_its_parent_sum(sample_path, tmp_path, sample_report):
    report = planted(sample_path, tmp_path, "水费 8 8 8 ", "水费 18 18 18 ")
    new = set(map(signature, problems(report, "error"))) - set(
        map(signature, problems(sample_report, "error")))
    found = [f for f in problems(report, "error") if signature(f) in new]
    assert found
    assert any(mentions(f, "表4", "商品和服务支出", "水费") for f in found)


def test_planted_one_unit_child_change_is_reported(sample_path, tmp_path):
    report = planted(sample_path, tmp_path, "水费 8 8 8 ", "水费 9 9 9 ")
    found = [f for f in report.problems if mentions(f, "表4", "商品和服务支出", "水费")]
    assert found and all(f.verdict in ("error", "rounding") for f in found)


def test_planted_text_figure_differs_from_its_table(sample_path, tmp_path):
    report = planted(sample_path, tmp_path, "（二）公用支出 492 万元", "（二）公用支出 429 万元")
    errors = [f for f in problems(report, "error") if f.check == "text_vs_table"]
    assert len(errors) == 1
    finding = errors[0]
    assert finding.where.startswith("第三部分") and "（二）公用支出" in finding.where
    assert mentions(finding, "429", "492", "相差63", "表4›商品和服务支出")
    assert finding.difference == pytest.approx(-63)
    # The other statement of 公用支出 (the first sentence of 一、) still agrees.
    first = [f for f in report.findings if f.check == "text_vs_table"
             and "一、深圳市社会保险基金管理局罗湖分局" in f.where and mentions(f, "公用支出492")]
    assert first and first[0].verdict == "ok"


def test_planted_growth_rate_does_not_follow_from_amounts(sample_path, tmp_path):
    report = planted(sample_path, tmp_path, "增长 6 %", "增长 16 %")
    errors = [f for f in problems(report, "error") if f.check == "yoy_change"]
    assert len(errors) == 1
    finding = errors[0]
    assert finding.where.startswith("第二部分")
    assert mentions(finding, "收入3,776万元", "增加208万元", "增长16%", "3,568", "5.83%")
    assert finding.difference == pytest.approx(16 - 208 / 3568 * 100)


def test_growth_rate_truncated_instead_of_rounded_is_rounding(sample_path, tmp_path):
    report = planted(sample_path, tmp_path, "增长 6 %", "增长 5 %")
    found = [f for f in report.problems if f.check == "yoy_change"]
    assert [(f.verdict, f.where.split(" ")[0]) for f in found] == [("rounding", "第二部分")]


def test_planted_change_row_of_table8_disagrees_with_both_years(sample_path, tmp_path):
    # 表8: 2021 年 8, 2022 年 8, so 增减变化金额 must be 0 (and the text says "增加 0 万元").
    report = planted(sample_path, tmp_path, "增减变化金额 0 0 0", "增减变化金额 3 0 0")
    errors = [f for f in problems(report, "error") if f.source == "audit"]
    assert any(f.check == "cross_table" and mentions(f, "表8", "2021年", "增减变化金额", "2022年")
               for f in errors)
    assert any(f.check == "text_vs_table" and f.where.startswith("第五部分")
               and mentions(f, "增减额", "表8›增减变化金额›总计") for f in errors)


def test_planted_table_unit_swapped_to_yuan(sample_path, tmp_path):
    heading = "一般公共预算“三公”经费支出表 \n\n部门名称： 深圳市社会保险基金管理局罗湖分局  单位："
    report = planted(sample_path, tmp_path, heading + "万元", heading + "元")
    errors = [f for f in problems(report, "error") if f.check == "unit_mismatch"]
    assert errors and all(any(c.ref == "表8" and c.unit == "元" for c in f.cells) for f in errors)
    # 表8 公务接待费 1 元 against 表4 公务接待费 1 万元.
    assert any(mentions(f, "表8", "公务接待费", "表4") for f in errors)
    flagged = [f for f in problems(report, "warning") if f.check == "table_unit"]
    assert [f.where.split(" ")[0] for f in flagged] == ["表8"]


def test_planted_text_amount_unit_swapped_to_yuan(sample_path, tmp_path):
    report = planted(sample_path, tmp_path, "公用支出 492 万元、", "公用支出 492 元、")
    errors = [f for f in problems(report, "error") if f.check == "unit_mismatch"]
    # Against 表4 商品和服务支出, and within the sentence's own sum (3,776 = 2,315 + 492 + …).
    assert len(errors) == 2
    assert all(f.where.startswith("第三部分") and mentions(f, "公用支出492元") for f in errors)
    assert any(mentions(f, "表4›商品和服务支出") for f in errors)


def test_planted_one_unit_difference_across_tables_is_rounding(sample_path, tmp_path,
                                                               sample_report):
    # 表3 stays consistent in itself (3,777 = 2,972 + 805) but is 1 万元 off 表1 and 表5.
    report = planted(sample_path, tmp_path, "罗湖分局 3,776 2,972 804 278",
                     "罗湖分局 3,777 2,972 805 278")
    assert list(map(signature, problems(report, "error"))) == list(
        map(signature, problems(sample_report, "error")))
    rounding = problems(report, "rounding")
    assert any(f.check == "cross_table" and mentions(f, "表3", "支出总计", "表1") for f in rounding)
    assert any(f.check == "cross_table" and mentions(f, "表3", "项目支出", "表5") for f in rounding)


# ---------------------------------------------------------------- presentation


def test_render_is_chinese_and_lists_problems_first(sample_report):
    text = render_audit(sample_report)
    assert text.startswith("审核报告")
    assert f"共运行 {len(sample_report.findings)} 项检查" in text
    assert text.index("【错误】") < text.index("表11") < text.index("【全部检查】")
    assert text.count("\n  [") == len(sample_report.findings)


def test_json_carries_every_finding_with_its_cells(sample_report):
    data = json.loads(json.dumps(audit_to_json(sample_report), ensure_ascii=False))
    assert data["summary"]["checks"] == len(data["findings"]) == len(sample_report.findings)
    assert sum(data["summary"][v] for v in VERDICTS) == data["summary"]["checks"]
    table11 = next(f for f in data["findings"] if f["check"] == "column_unit"
                   and f["verdict"] == "error")
    assert table11["cells"][0]["where"].startswith("表11")


def test_missing_file_is_a_chinese_error(tmp_path):
    with pytest.raises(UnreadableDocument, match="找不到文件"):
        audit_file(tmp_path / "nope.txt")


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).parent / "fixtures"
                                                          / "excerpts").glob("ex*.txt")))
def test_other_disclosures_audit_without_crashing(name):
    # Real excerpts of other departments (元 and 万元, flattened tables, truncation):
    # the audit runs every check it can and says what it could not check.
    path = Path(__file__).parent / "fixtures" / "excerpts" / name
    try:
        report = audit_file(path)
    except BudgetQAError as error:  # e.g. a fragment with nothing to parse: said in Chinese
        assert str(error)
        return
    assert all(f.verdict in VERDICTS and f.message for f in report.findings)
    assert render_audit(report).startswith("审核报告")
    json.dumps(audit_to_json(report), ensure_ascii=False)
