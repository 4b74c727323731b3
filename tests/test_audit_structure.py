"""Leftover marks and years, contents and empty tables: one planted fault per check in a real
document (the sample's text; the parse of a real PDF of tests/fixtures/real_pdf with one line of
its text changed, line numbers kept), and no finding on the clean documents.

Read off the documents: the sample (a 2022 budget) prints "2022 年“三公”经费预算 8 万元"
(line 172), "1.因公出国（境）费用。2022 年预算数 0 万元" (line 180), the heading
"三、2022 年主要工作目标" (line 33) and under 表9 政府性基金预算支出表 (all 0) the note
"注：本表本年无发生额。"; the 万里街道 2025 budget lists "6．2025年部门政府性基金预算支出功能分类
预算表" in its 目录 (page 2) and prints that table on page 25; the 社会工作部 2024 决算 prints under
its empty 政府性基金 table (page 15) "说明：……本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from ingest.audit import audit_document, audit_file
from ingest.checks.audit_marks import mark_findings
from ingest.checks.audit_structure import structure_findings
from ingest.checks.audit_totals import total_findings
from ingest.document import parse_document
from ingest.model import Document, Verdict

REAL = Path(__file__).parent / "fixtures" / "real_pdf"
WANLI_2025 = REAL / "上海市普陀区人民政府万里街道办事处25年预算.pdf"
SHEGONG_2024 = REAL / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
NEW_CHECKS = {"contents", "empty_table"}


@cache
def parsed(path: Path) -> Document:
    return parse_document(path)


def planted_text(sample_path: Path, tmp_path: Path, old: str, new: str):
    text = sample_path.read_text(encoding="utf-8")
    assert old in text, f"planting needs {old!r} in the sample"
    copy = tmp_path / "planted.txt"
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return audit_file(copy)


def with_line_replaced(document: Document, old: str, new: str) -> Document:
    """The document with the one line holding `old` replaced (line numbers unchanged)."""
    lines = document.text.split("\n")
    hits = [i for i, line in enumerate(lines) if old in line]
    assert hits, f"planting needs {old!r} in the document"
    lines[hits[-1]] = lines[hits[-1]].replace(old, new)
    return replace(document, text="\n".join(lines))


def hints(findings, check: str):
    return [f for f in findings if f.check == check and f.verdict == Verdict.WARNING]


def new_hints(findings):
    """Findings of the checks added here (leftover marks and years, contents, empty tables)."""
    return [f for f in findings if f.check in NEW_CHECKS
            or (f.check == "leftover" and ("不成对" in f.message or "年份" in f.message))]


# ---------------------------------------------------------------- clean documents


@pytest.mark.parametrize("path", sorted(REAL.glob("*.pdf")), ids=lambda p: p.stem)
def test_no_new_hint_on_the_real_pdfs(path: Path):
    document = parsed(path)
    assert mark_findings(document) + structure_findings(document) == []


def test_no_new_hint_on_the_sample(sample_path: Path):
    document = parse_document(sample_path)
    assert mark_findings(document) + structure_findings(document) == []


# ---------------------------------------------------------------- quotes and brackets


def test_a_quote_never_closed_is_a_hint(sample_path, tmp_path):
    report = planted_text(sample_path, tmp_path, "2022 年“三公”经费预算 8 万元", "2022 年“三公经费预算 8 万元")
    found = new_hints(report.findings)
    assert len(found) == 1 and found[0].check == "leftover"
    assert "“三公经费预算" in found[0].message and "”" in found[0].message
    assert found[0].cells[0].line == 172


def test_a_bracket_never_opened_is_a_hint(sample_path, tmp_path):
    report = planted_text(sample_path, tmp_path, "1.因公出国（境）费用。", "1.因公出国境）费用。")
    found = new_hints(report.findings)
    assert len(found) == 1 and "因公出国境）费用" in found[0].message and "（" in found[0].message
    assert report.with_verdict(Verdict.ERROR) == audit_file(sample_path).with_verdict(Verdict.ERROR)


# ---------------------------------------------------------------- years of headings


def test_a_heading_of_another_year_is_a_hint(sample_path, tmp_path):
    report = planted_text(sample_path, tmp_path, "三、2022 年主要工作目标", "三、2020 年主要工作目标")
    found = new_hints(report.findings)
    assert len(found) == 1 and "2020年" in found[0].message and "2022 年" in found[0].message
    assert found[0].cells[0].line == 33


def test_the_compared_year_in_a_heading_is_no_hint(sample_path, tmp_path):
    # A 2022 budget compares with 2021: a heading naming 2021 is in order.
    report = planted_text(sample_path, tmp_path, "三、2022 年主要工作目标", "三、2021 年主要工作完成情况")
    assert new_hints(report.findings) == []


def test_a_table_title_of_another_year_is_a_hint():
    document = parsed(WANLI_2025)
    title = "2025年部门政府性基金预算支出功能分类预算表"
    table = next(t for t in document.tables if t.title == title)
    planted = replace(document, tables=tuple(replace(t, title="2023年部门政府性基金预算支出功能分类预算表")
                                             if t is table else t for t in document.tables))
    found = mark_findings(planted)
    assert len(found) == 1 and found[0].page == 25 and "2023年" in found[0].message


# ---------------------------------------------------------------- contents


def test_a_table_in_the_contents_but_not_printed_is_a_hint():
    document = parsed(WANLI_2025)
    title = "2025年部门政府性基金预算支出功能分类预算表"
    # The table's heading on page 25 no longer printed (its title replaced in the body only).
    lines = document.text.split("\n")
    body = [i for i, line in enumerate(lines) if title in line and document.page_of(i + 1) > 2]
    assert body
    for index in body:
        lines[index] = lines[index].replace(title, "")
    planted = replace(document, text="\n".join(lines))
    found = hints(structure_findings(planted), "contents")
    assert len(found) == 1 and found[0].page == 2 and title in found[0].message
    # In the full report too, with the page.
    assert [f.page for f in audit_document(planted).findings if f.check == "contents"] == [2]


# ---------------------------------------------------------------- empty tables


def test_an_empty_table_without_its_note_is_a_hint():
    document = parsed(SHEGONG_2024)
    planted = with_line_replaced(document, "本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。", "")
    found = hints(structure_findings(planted), "empty_table")
    assert len(found) == 1 and found[0].page == 15 and "政府性基金预算财政拨款收入支出决算表" in found[0].message


def test_the_sample_empty_table_without_its_note_is_a_hint(sample_path, tmp_path):
    text = sample_path.read_text(encoding="utf-8")
    start = text.index("政府性基金预算支出表")
    note = text.index("注：本表本年无发生额。", start)
    copy = tmp_path / "planted.txt"
    copy.write_text(text[:note] + text[note:].replace("注：本表本年无发生额。", "", 1), encoding="utf-8")
    found = new_hints(audit_file(copy).findings)
    assert [(f.check, f.where) for f in found] == [("empty_table", "政府性基金预算支出表")]


# ---------------------------------------------------------------- totals in the text


def test_text_totals_agree_on_the_clean_documents(sample_path):
    # 上海 budgets state "收入预算18,976.76万元" against a 元 table (189,767,551 元): agreement after
    # rounding; the 决算 "本年收入合计307.82万元" against 收入支出决算总表, an unnumbered table.
    for document in [parse_document(sample_path)] + [parsed(p) for p in sorted(REAL.glob("*.pdf"))]:
        found = total_findings(document)
        assert all(f.ok and f.check == "text_vs_table" for f in found), [f.message for f in found if not f.ok]
    assert len(total_findings(parsed(SHEGONG_2024))) == 4
    assert len(total_findings(parsed(WANLI_2025))) == 2


def test_a_text_total_unlike_the_table_is_an_error(sample_path, tmp_path):
    # "部门预算收入 3,776 万元" against 表1 收入 › 本年收入合计 and 收入总计, both 3,776.
    text = sample_path.read_text(encoding="utf-8")
    assert "部门预算收入\n\n3,776 万元" in text
    copy = tmp_path / "planted.txt"
    copy.write_text(text.replace("部门预算收入\n\n3,776 万元", "部门预算收入\n\n3,786 万元", 1), encoding="utf-8")
    errors = [f for f in total_findings(parse_document(copy)) if f.verdict == Verdict.ERROR]
    assert len(errors) == 1 and "3,786" in errors[0].message and "3,776" in errors[0].message
    assert "相差 10 万元" in errors[0].message and errors[0].cells[0].line == 56


def test_a_final_account_total_unlike_its_table_is_an_error():
    # The 决算's "本年收入合计307.82万元" (page 17) stated as 317.82: the text record planted.
    document = parsed(SHEGONG_2024)
    record = next(r for r in document.records if r.source == "text" and r.label == "本年收入合计" and r.measure == "amount")
    planted = replace(document, records=tuple(replace(r, value=317.82) if r is record else r
                                              for r in document.records))
    errors = [f for f in total_findings(planted) if f.verdict == Verdict.ERROR]
    assert len(errors) == 1 and "317.82" in errors[0].message and "307.82" in errors[0].message
    assert [f.page for f in audit_document(planted).with_verdict(Verdict.ERROR) if f.check == "text_vs_table"] == [17]
