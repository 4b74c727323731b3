"""Real excerpts of other disclosures (tests/fixtures/excerpts, see SOURCES.md): each ingests,
its text becomes sections and paragraphs, its stated figures become records with the right unit.
Expected values are typed from the excerpts."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ingest.document import parse_document

EXCERPTS = Path(__file__).parent / "fixtures" / "excerpts"
NAMES = [f"ex{n:02d}.txt" for n in range(1, 15)]


@cache
def parsed(name: str):
    return parse_document(EXCERPTS / name)


def text_figures(name: str) -> set[tuple[float, str, str]]:
    """(value, unit, measure) of every text record of an excerpt."""
    return {(r.value, r.unit, r.measure) for r in parsed(name).records if r.source == "text"}


def record(name: str, value: float, unit: str, measure: str = "amount"):
    found = [r for r in parsed(name).records if r.source == "text" and r.value == value
             and r.unit == unit and r.measure == measure]
    assert found, f"{name}: no {measure} {value} {unit}"
    return found[0]


@pytest.mark.parametrize("name", NAMES)
def test_every_excerpt_ingests_into_sections_or_tables(name):
    document = parsed(name)
    assert document.sections or document.tables
    assert document.records or name in ("ex14.txt",)
    for section in document.sections:
        for paragraph in section.paragraphs:
            assert "\n" not in paragraph


def test_ex01_amounts_in_yuan_with_completion_rates_and_falls():
    assert {(234000.0, "元", "amount"), (65000.0, "元", "amount"), (27.8, "%", "amount"),
            (34000.0, "元", "amount"), (31000.0, "元", "amount"), (15.5, "%", "amount"),
            (52.3, "%", "share"), (47.7, "%", "share"), (0.0, "个", "count")} <= text_figures("ex01.txt")
    fall = record("ex01.txt", -313272.5, "元", "change")
    assert (fall.period, fall.base_period) == ("2022", "2021")
    assert record("ex01.txt", -82.82, "%", "change_rate").base_period == "2021"
    assert record("ex01.txt", -272780.0, "元", "change").label.startswith("公务用车购置费")
    assert not [r for r in parsed("ex01.txt").records if r.source == "text" and r.unit == "万元"]


def test_ex02_money_and_counts_in_one_sentence():
    assert {(44.52, "万元", "amount"), (22.62, "万元", "amount"), (20.10, "万元", "amount"),
            (88.86, "%", "share"), (2.52, "万元", "amount"), (11.14, "%", "share"),
            (2.0, "辆", "count"), (520.0, "个", "count"), (4200.0, "人", "count")} <= text_figures("ex02.txt")
    assert record("ex02.txt", 20.10, "万元").label == "公务接待费"
    assert record("ex02.txt", 88.86, "%", "share").label == "公务接待费"
    assert record("ex02.txt", 2.0, "辆", "count").label == "公务用车保有量"


def test_ex03_prior_year_without_unit_and_batches():
    change = record("ex03.txt", -0.03, "万元", "change")
    assert (change.period, change.base_period) == ("2018", "2017")
    prior = record("ex03.txt", 2.08, "万元")
    assert prior.period == "2017" and prior.label == change.label
    assert {(2.05, "万元", "amount"), (-1.44, "%", "change_rate"), (24.0, "批次", "count"),
            (210.0, "人次", "count"), (2.95, "万元", "amount"),
            (0.9, "万元", "amount")} <= text_figures("ex03.txt")


def test_ex04_staffing_and_totals_after_a_long_toc():
    assert record("ex04.txt", 65.0, "人", "count").label == "行政编制"
    assert record("ex04.txt", 60.0, "人", "count").label == "实有人数"
    assert {(16.0, "人", "count"), (2918.96, "万元", "amount")} <= text_figures("ex04.txt")
    prior = record("ex04.txt", 2665.56, "万元")
    assert prior.period == "2019"
    growth = record("ex04.txt", 253.4, "万元", "change")
    assert growth.base_period == "2019" and growth.label == "收、支总计"
    assert record("ex04.txt", 9.51, "%", "change_rate").base_period == "2019"
    parts = [s.title for s in parsed("ex04.txt").sections if s.level == 1 and s.title.startswith("第")]
    assert parts == ["第一部分 2020年度部门决算报表", "第二部分 2020年度部门决算说明"]


def test_ex05_thousands_separator_is_one_number():
    assert {(4471.22, "万元", "amount"), (250.0, "万元", "amount"), (537.31, "万元", "amount"),
            (115.0, "人", "count"), (71.0, "人", "count"), (44.0, "人", "count"),
            (13.0, "人", "count")} <= text_figures("ex05.txt")
    assert (471.22, "万元", "amount") not in text_figures("ex05.txt")
    change = record("ex05.txt", 755.18, "万元", "change")
    assert change.base_period == "2012" and change.label == "机管局收支总预算"
    assert record("ex05.txt", 20.32, "%", "change_rate").base_period == "2012"
    titles = [s.title for s in parsed("ex05.txt").sections if s.level == 1]
    assert titles[0] == "第一部分 自治区人民政府机关事务管理局概况"


def test_ex06_counts_only_and_numbering_restarting_after_the_toc():
    figures = text_figures("ex06.txt")
    assert {(6.0, "个", "count"), (11.0, "人", "count")} <= figures
    assert not [f for f in figures if f[1] in ("万元", "元")]
    assert record("ex06.txt", 6.0, "个", "count").label == "中队"
    paths = [s.path for s in parsed("ex06.txt").sections]
    assert ("目录",) in paths
    assert ("一、单位概况", "(三)部门人员构成") in paths


def test_ex07_integer_yuan():
    assert {(7464053.0, "元", "amount"), (4566793.0, "元", "amount"), (3265013.0, "元", "amount"),
            (2897260.0, "元", "amount"), (643200.0, "元", "amount"), (268.0, "名", "count"),
            (847700.0, "元", "amount"), (12.0, "家", "count")} <= text_figures("ex07.txt")
    assert record("ex07.txt", 7464053.0, "元").period == "2017"
    assert record("ex07.txt", 643200.0, "元").label == "代表履职补贴"


def test_ex11_garbled_indicators_keep_their_units():
    assert {(200.0, "次", "count"), (95.0, "%", "amount")} <= text_figures("ex11.txt")


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("ex12.txt",)])
def test_narrative_excerpts_have_paragraphs(name):
    assert any(section.paragraphs for section in parsed(name).sections)


def test_ex12_one_cell_per_line_budget_figures():
    figures = {(r.value, r.unit) for r in parsed("ex12.txt").records}
    assert {(238.93, "万元"), (251.89, "万元")} <= figures


def test_ex13_self_evaluation_figures_and_targets():
    stated = {(90.0, "万元", "amount"), (89.97, "万元", "amount"), (29.99, "万元", "amount")}
    assert stated <= text_figures("ex13.txt")
    count_target = record("ex13.txt", 50.0, "个", "target")
    assert count_target.qualifier == "≥"
    assert record("ex13.txt", 90.0, "万元", "target").qualifier == "≤"


def test_ex14_one_line_pdf_text_is_cut_at_its_numbering():
    sections = parsed("ex14.txt").sections
    by_path = {s.path: s for s in sections}
    assert ("目录",) in by_path
    duties = by_path[("第一部分 基本情况", "一、部门主要职能")]
    assert duties.level == 2
    assert duties.paragraphs[0].startswith(
        "一、部门主要职能随州市曾都区河道堤防建设管理处负责组织指导全区中小河流")
    assert "组织编制治理规划" in duties.paragraphs[0] and "协助查处" in duties.paragraphs[0]
