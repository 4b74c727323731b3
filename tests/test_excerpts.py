"""Real excerpts of other disclosures (tests/fixtures/excerpts, see SOURCES.md): each ingests,
its text becomes sections and paragraphs, its stated figures become records with the right unit.
Expected values are typed from the excerpts."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import re

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


def labels(name: str, value: float, unit: str, measure: str = "amount", source: str = "text") -> list[str]:
    """Labels of the records of one figure, in reading order."""
    return [r.label for r in parsed(name).records if r.source == source and r.value == value
            and r.unit == unit and r.measure == measure]


def table_figures(name: str) -> set[tuple[str, float, str]]:
    """(row label, value, unit) of every table record of an excerpt."""
    return {(r.row_path[-1], r.value, r.unit) for r in parsed(name).records if r.source == "table"}


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


_PRINTED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@pytest.mark.parametrize("name", NAMES)
def test_every_text_figure_is_printed_in_its_quote(name):
    """Nothing invented: each text record's number stands in the sentence it cites."""
    for r in parsed(name).records:
        if r.source == "text":
            printed = {float(n.replace(",", "")) for n in _PRINTED_NUMBER.findall(r.quote)}
            assert abs(r.value) in printed, f"{name}: {r.value} {r.unit} not in {r.quote!r}"


_CHROME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|[0-9A-F]{32}|浏览量|\d\s*KB|资源ID|下载积分")


@pytest.mark.parametrize("name", NAMES)
def test_no_record_from_page_chrome_or_file_metadata(name):
    for r in parsed(name).records:
        assert not _CHROME.search(r.label + " ".join(r.row_path)), f"{name}: {r}"


@pytest.mark.parametrize("name, values", [
    ("ex07.txt", {3.0, 23.0}),  # the closing date 2017年3月23日
    ("ex10.txt", {48.0, 95.5, 2.77, 20221013044707503.0}),  # 48 页, 95.5 KB, file name digits
    ("ex11.txt", {245426.0, 22.57}),  # 资源ID, 资源大小 22.57KB
    ("ex12.txt", {510000.0, 13.0, 51000021.0, 19951.0}),  # 报表编号 510000_0013zp, project code
    ("ex13.txt", {9300.0, 22370.0, 2052.0, 15.0, 210061.0}),  # Office document properties
])
def test_no_record_from_codes_dates_or_file_sizes(name, values):
    bogus = [r for r in parsed(name).records if r.value in values]
    assert not bogus, f"{name}: {bogus}"


@pytest.mark.parametrize("name", NAMES)
def test_text_counts_are_never_money(name):
    for r in parsed(name).records:
        if r.source == "text" and r.unit in ("批次", "人次", "辆", "个", "人", "名", "家"):
            assert r.measure in ("count", "target", "change"), r


def test_ex01_completion_rates_and_shares_are_told_apart():
    hosting_rate = record("ex01.txt", 15.5, "%")
    assert "公务接待费" in hosting_rate.label and "完成年初预算" in hosting_rate.label
    assert not labels("ex01.txt", 15.5, "%", "share")
    assert labels("ex01.txt", 47.7, "%", "share") == ["公务接待费支出"]
    assert labels("ex01.txt", 52.3, "%", "share") == ["公务用车购置及运行维护费支出"]
    assert labels("ex01.txt", 65000.0, "元")[0].endswith("“三公”经费支出决算")
    assert labels("ex01.txt", 234000.0, "元")[0].endswith("“三公”经费支出年初预算")
    assert labels("ex01.txt", -40217.5, "元", "change") == ["公务用车运行维护费支出决算"]
    assert (0.0, "人次", "count") in text_figures("ex01.txt")


def test_ex02_counts_and_shares_of_the_three_public_expenses():
    assert labels("ex02.txt", 11.14, "%", "share") == ["公务用车运行维护费"]
    assert labels("ex02.txt", 4200.0, "人", "count") == ["接待人次"]
    assert "批次" in labels("ex02.txt", 520.0, "个", "count")[0]
    assert not [r for r in parsed("ex02.txt").records if r.unit == "元"]


def test_ex03_budget_and_unsigned_difference_name_their_item():
    total_budget = labels("ex03.txt", 2.95, "万元")
    assert len(total_budget) == 1 and total_budget[0].endswith("经费支出年初预算")
    difference = labels("ex03.txt", 0.9, "万元")
    assert len(difference) == 1 and difference[0].endswith("经费支出差值")
    assert labels("ex03.txt", 0.95, "万元") == ["公务用车运行维护费支出年初预算", "公务用车运行维护费支出差值"]
    assert labels("ex03.txt", 2.0, "万元") == ["公务接待费支出年初预算"]
    assert labels("ex03.txt", 0.05, "万元") == ["公务接待费支出差值"]
    assert labels("ex03.txt", 24.0, "批次", "count") == ["公务接待"]


def test_ex05_sub_units_of_the_total():
    assert labels("ex05.txt", 250.0, "万元") == ["区泾河源山庄管理处经费"]
    assert labels("ex05.txt", 537.31, "万元") == ["政府机关幼儿园经费"]
    assert labels("ex05.txt", 115.0, "人", "count") == ["人员编制"]


def test_ex06_squad_headcounts():
    assert labels("ex06.txt", 11.0, "人", "count") == ["总编制人数", "行政编制"]
    squads = labels("ex06.txt", 2.0, "人", "count")
    assert len(squads) == 4 and squads[0] == "一中队" and squads[1].startswith("二中队")


def test_ex07_per_head_standards_and_the_items_they_explain():
    assert labels("ex07.txt", 643200.0, "元") == ["代表履职补贴", "代表履职补贴"]
    assert labels("ex07.txt", 84000.0, "元") == ["常委会组成人员履职经费", "常委会组成人员履职经费"]
    assert labels("ex07.txt", 2400.0, "元") == ["年人均", "年人均"]
    assert labels("ex07.txt", 2000.0, "元") == ["年人均"]
    assert labels("ex07.txt", 35.0, "名", "count") == ["组成人员"]
    assert {(843942.0, "元", "amount"), (457838.0, "元", "amount"), (120000.0, "元", "amount"),
            (180000.0, "元", "amount"), (36360.0, "元", "amount"), (536000.0, "元", "amount"),
            (100000.0, "元", "amount"), (80000.0, "元", "amount")} <= text_figures("ex07.txt")


def test_ex07_staff_table_counts_people():
    assert {("编制数", 34.0, "人"), ("在职人数", 32.0, "人"), ("离退休人数", 25.0, "人"),
            ("退休人数", 25.0, "人")} <= table_figures("ex07.txt")


def test_ex08_three_public_expenses_table_in_yuan():
    assert {("支出合计", 250000.0, "元"), ("公务接待费", 150000.0, "元"),
            ("公务用车运行维护费", 100000.0, "元")} <= table_figures("ex08.txt")


def test_ex08_statistics_rows_are_counts_not_yuan():
    counts = {(r.row_path[-1], r.value, r.unit) for r in parsed("ex08.txt").records if r.value in (1.0, 10.0, 500.0)}
    assert counts == {("公务用车保有量(辆)", 1.0, "辆"), ("公务接待批次(批)", 10.0, "批"),
                      ("公务接待人数(人)", 500.0, "人")}


def test_ex09_rows_kept_as_found():
    assert {("合 计", 34.35, "万元"), ("公务接待费", 1.70, "万元"), ("公务用车费", 0.0, "万元"),
            ("公务用车运行维护费", 32.65, "万元")} <= table_figures("ex09.txt")


def test_ex10_detached_amounts_in_yuan_with_thousands_commas():
    values = {(r.value, r.unit) for r in parsed("ex10.txt").records}
    assert {(11122315.04, "元"), (13628965.89, "元"), (1003618.46, "元"), (25754899.39, "元"),
            (697723.84, "元"), (25037565.22, "元")} <= values
    assert all(r.value > 40 for r in parsed("ex10.txt").records)  # no 行次 1–40


def test_ex11_flattened_indicators_get_their_names():
    assert labels("ex11.txt", 200.0, "次", "count") == ["大楼安检巡察次数"]
    assert labels("ex11.txt", 2280.0, "次", "count") == ["办公大楼日常维修维护次数"]
    rate = record("ex11.txt", 92.0, "%", "target")
    assert (rate.label, rate.qualifier) == ("办公大楼日常维修维护验收合格率", ">")
    assert labels("ex11.txt", 292.0, "%") == ["经常性大型设备更新验收合格率"]
    assert not [r for r in parsed("ex11.txt").records if r.unit in ("元", "万元")]


def test_ex12_weights_are_not_money():
    assert not [r for r in parsed("ex12.txt").records if r.value in (60.0, 30.0) and r.unit == "万元"]


def test_ex13_purposes_of_the_project_money():
    assert labels("ex13.txt", 30.0, "万元") == ["基建工程项目预算编制", "基建工程项目审计", "基建工程项目设计、规划、测绘",
                                             "基建工程项目预算编制", "基建工程项目审计"]
    assert labels("ex13.txt", 29.99, "万元") == ["基建工程项目设计、规划、测绘"]
    assert labels("ex13.txt", 50.0, "个", "target") == ["基建工程委托业务项目数量"]
    assert labels("ex13.txt", 90.0, "万元", "target") == ["项目总成本"]
    assert {("其中:本年财政拨款", 90.0, "万元"), ("其中:本年财政拨款", 89.974, "万元")} <= table_figures("ex13.txt")


def test_ex14_has_no_figures_to_invent():
    assert not parsed("ex14.txt").records


def test_ex01_two_title_lines_are_two_paragraphs():
    preamble = parsed("ex01.txt").sections[0]
    assert preamble.paragraphs == (
        "中国人民政治协商会议云南省寻甸回族彝族自治县委员会2022年度“三公”经费决算情况说明",
        "政协寻甸回族彝族自治县委员会2022年度“三公”经费决算情况说明")


def test_ex03_a_heading_closed_by_a_full_stop_is_no_paragraph():
    by_path = {s.path: s for s in parsed("ex03.txt").sections}
    reception = by_path[("一、“三公”经费财政拨款支出总体情况说明", "(3)公务接待费支出情况")]
    assert reception.paragraphs == (
        "2018年公务接待24批次,210人次,支出2.05万元,较上年减少0.03万元,减少了1.44%,原因为严格落实"
        "中央八项规定精神,厉行节约。接待人员,接待批次均不同程度减少。",)
    assert [s.title for s in parsed("ex03.txt").sections if s.level == 2] == [
        "一、“三公”经费财政拨款支出总体情况说明", "二、“三公”经费财政拨款支出与年初预算对比情况"]


@pytest.mark.parametrize("name", ["ex08.txt", "ex10.txt", "ex11.txt"])
def test_site_chrome_is_neither_section_nor_paragraph(name):
    sections = parsed(name).sections
    assert [s.title for s in sections] == ["前言"]
    text = "".join(p for s in sections for p in s.paragraphs)
    for chrome in ("浏览量", "下载", "本站", "浏览器", "资源ID", "95.5 KB", "当前文档共"):
        assert chrome not in text


def test_ex07_items_are_sections_with_their_explanations():
    by_title = {s.title: s for s in parsed("ex07.txt").sections}
    assert by_title["1、代表履职补贴"].paragraphs == ("1、代表履职补贴643200元;", "测算标准:268名代表,年人均2400元计643200元。")
    assert "12、专委会工作经费" in by_title
