"""Behaviour the second fresh batch (tests/fixtures/fresh2_corpus) showed, on its real pages.

Expected values are typed from the pages as printed (see that folder's SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from ingest.document import parse_document
from ingested import conversation_on

TEXTS = Path(__file__).parent / "fixtures" / "fresh2_corpus" / "texts"


def parsed(prefix: str):
    return parse_document(next(TEXTS.glob(f"{prefix}-*.txt")))


@pytest.mark.parametrize("prefix, year, kind", [
    # fC1 opens "按照《预算法》、《地方预决算公开操作规程》…,现将2022年部门预算公开如下:": the laws it names
    # say nothing of its kind
    ("fC1", 2022, "budget"),
    # fD2 opens with page fields, then "根据国务院关于推进政府预算信息公开的决策部署…" (a sentence), before its
    # title "昌宁县县本级2015年度“三公”经费决算财政拨款情况统计表"
    ("fD2", 2015, "final"),
    # fC3 opens with its table ("项目 | 2022年预算数 | 2023年预算数 | …"); its heading further down is
    # "奉新县2023年“三公”经费预算增减变化情况说明": a table's header row is no title line
    ("fC3", 2023, "budget"),
    ("fD3", 2019, "final"),
])
def test_year_and_kind(prefix, year, kind):
    document = parsed(prefix)
    assert (document.year, document.kind) == (year, kind)


def test_a_unit_named_only_by_its_duties_sentence_is_the_department():
    # fD3 has no title line; "一、部门主要职责" opens "平陆县植树绿化服务中心贯彻落实全民义务植树的组织、…"
    assert parsed("fD3").department == "平陆县植树绿化服务中心"


def _table_value(document, label: str, column: str) -> float:
    found = [r.value for r in document.records if r.source == "table" and r.label == label
             and r.column_path and r.column_path[-1] == column]
    assert len(found) == 1, (label, column, [(r.label, r.column_path, r.value) for r in document.records
                                              if r.source == "table"])
    return found[0]


def test_a_pipe_table_whose_header_names_years_keeps_its_header():
    # fC3: "项目 | 2022年预算数 | 2023年预算数 | 2023年预算数增减 | 增减原因 |" over
    # "2、公务接待费 | 1114.54 | 989.86 | -124.68 | 严格执行中央八项规定…"
    document = parsed("fC3")
    assert _table_value(document, "公务接待费", "2023年预算数") == 989.86
    assert _table_value(document, "公务接待费", "2022年预算数") == 1114.54
    assert _table_value(document, "公务用车购置费", "2023年预算数") == 527.36


def test_a_titled_pipe_table_after_its_unit_line_is_read_by_its_cells():
    # fD2: "昌宁县县本级2015年度“三公”经费决算财政拨款情况统计表" / "单位:万元" / "项 目 | 2014年决算数 |
    # 2015年决算数 | …" / "其中:(1)公务用车运行维护费 | 918.19 | 939.99 | 21.8 | 2.40% |"
    document = parsed("fD2")
    table = next(t for t in document.tables if "统计表" in t.title)
    assert table.unit == "万元"
    assert _table_value(document, "公务用车运行维护费", "2015年决算数") == 939.99
    assert _table_value(document, "公务接待费", "2014年决算数") == 977.3


def _table_record(document, label: str, column: str):
    (found,) = [r for r in document.records if r.source == "table" and r.label == label
                and r.column_path and r.column_path[-1] == column]
    return found


def test_a_column_naming_a_year_gives_its_figures_that_year():
    # fD2: "项 目 | 2014年决算数 | 2015年决算数 | 2015年决算比上年增、减情况" over "增、减额 | 增、减幅度"
    document = parsed("fD2")
    last_year = _table_record(document, "公务接待费", "2014年决算数")
    assert (last_year.period, last_year.measure) == ("2014", "amount")
    this_year = _table_record(document, "公务接待费", "2015年决算数")
    assert (this_year.period, this_year.measure) == ("2015", "amount")
    change = _table_record(document, "合 计", "增、减额")
    assert (change.value, change.measure, change.period, change.base_period) == (-3.51, "change", "2015", "2014")
    rate = _table_record(document, "公务接待费", "增、减幅度")
    assert (rate.value, rate.unit, rate.measure) == (-6.1, "%", "change_rate")
    # fC3: "… | 2022年预算数 | 2023年预算数 | 2023年预算数增减 | …": the change column is 2023 against 2022
    fc3 = parsed("fC3")
    reception = _table_record(fc3, "公务接待费", "2023年预算数增减")
    assert (reception.value, reception.measure, reception.period, reception.base_period) == (
        -124.68, "change", "2023", "2022")
    assert _table_record(fc3, "公务接待费", "2022年预算数").period == "2022"


def test_a_table_printed_without_a_title_is_named_by_its_header_line():
    # fC3's copy starts at the table: "单位:万元 | ||||" / "项目 | 2022年预算数 | 2023年预算数 | …"
    (table,) = parsed("fC3").tables
    assert table.title.startswith("项目 | 2022年预算数 | 2023年预算数") and table.unit == "万元"


def test_the_parts_of_a_budget_stated_in_final_accounts_are_budget_figures():
    # fC2 (a 决算): "2016年,市人大“三公”经费预算为168.53万元,其中:因公出国(境)费39万元、公务用车运行维护费
    # 119.5万元、国内公务接待费10万元。“三公”经费支出为163.58万元,…公务用车运行维护费支出104.46万元"
    records = [r for r in parsed("fC2").records if r.source == "text" and r.value == 119.5]
    assert [r.label for r in records] == ["公务用车运行维护费预算"]


def _conversation(home: Path, prefix: str):
    return conversation_on(home, next(TEXTS.glob(f"{prefix}-*.txt")))


def test_what_was_actually_spent_is_the_final_figure_not_the_budget(tmp_path: Path):
    chat = _conversation(tmp_path, "fC2")
    spent = chat.ask("市人大2016年“三公”经费实际花了多少？")
    assert spent.status is Status.ANSWERED and "163.58万元" in spent.text, spent.text
    cars = chat.ask("2016年公车运行维护费决算是多少？")
    assert cars.status is Status.ANSWERED and "104.46万元" in cars.text, cars.text


def test_a_share_asked_as_a_in_b_takes_b_as_the_whole(tmp_path: Path):
    # fC1: "2022年基本支出3038.92万元,其中人员经费2617.97万元": 2617.97 ÷ 3038.92 = 86.15 %
    chat = _conversation(tmp_path, "fC1")
    answer = chat.ask("人员经费在基本支出里占了多大比例？")
    assert answer.status is Status.ANSWERED and "86.1" in answer.text, answer.text


def test_a_school_district_is_a_department_not_a_region():
    # fD1's title: "武山县洛门学区2022年部门预算公开说明" (学区: a county's office for its schools)
    assert parsed("fD1").department == "武山县洛门学区"


def test_a_project_named_after_a_school_is_the_documents_own(tmp_path: Path):
    # fD1: "1.洛门第三小学项目1个,分别是:1872万元。": the school is the district's, not another department
    chat = _conversation(tmp_path, "fD1")
    answer = chat.ask("洛门第三小学那个项目安排了多少钱？")
    assert answer.status is Status.ANSWERED and "1,872万元" in answer.text, answer.text


def test_a_unit_named_by_its_opening_sentence_is_the_department():
    # fC1: "甘谷县安远学区的主要职能是实施安远镇义务教育阶段中小学校及幼儿园的管理。"
    assert parsed("fC1").department == "甘谷县安远学区"


def test_a_rise_asked_in_percent_is_a_growth_rate(tmp_path: Path):
    # fC1: "2022年三公经费预算17.17万元,比2021年的15万元增加2.17万": 2.17 ÷ 15 = 14.47 %
    chat = _conversation(tmp_path, "fC1")
    answer = chat.ask("三公经费比2021年涨了百分之多少？")
    assert answer.status is Status.ANSWERED and "14.5%" in answer.text, answer.text


def test_a_sentence_opening_with_a_comparison_speaks_of_the_sentence_before():
    # fD3: "2019年基本支出30.918718万元,完成预算的100%,用于机关基本支出。较2018年决算减少0.108209万元,…"
    (change,) = [r for r in parsed("fD3").records if r.measure == "change" and r.value == -0.108209]
    assert (change.label, change.base_period) == ("基本支出", "2018")


def test_the_parts_of_the_three_public_costs_are_of_the_documents_year(tmp_path: Path):
    # fD2 prints the items one per row under "2014年决算数 | 2015年决算数 | …": the 2015 column is the year's
    chat = _conversation(tmp_path, "fD2")
    answer = chat.ask("三公经费分哪几项，2015年各花了多少？")
    assert answer.status is Status.ANSWERED, answer.text
    assert all(f"{v}万元" in answer.text for v in ("65.98", "918.5", "972.75")), answer.text
    assert "977.3" not in answer.text, answer.text


def test_a_figure_printed_with_six_decimals_is_answered_as_printed(tmp_path: Path):
    # fD3: "本年收入合计32.366718万元" and "2019年基本支出30.918718万元,…较2018年决算减少0.108209万元"
    chat = _conversation(tmp_path, "fD3")
    income = chat.ask("平陆县植树绿化服务中心2019年收入一共多少？")
    assert income.status is Status.ANSWERED and "32.366718万元" in income.text, income.text
    last_year = chat.ask("2018年的基本支出决算是多少？")
    assert last_year.status is Status.ANSWERED and "31.026927万元" in last_year.text, last_year.text


def test_a_year_named_to_compare_with_asks_the_change(tmp_path: Path):
    # fD2: "2015年县本级“三公”经费决算支出数为1957.23万元,较2014年决算数1953.72万元减少3.51万元"
    chat = _conversation(tmp_path, "fD2")
    answer = chat.ask("2015年的三公经费跟2014年比到底是多了还是少了，差多少？")
    assert answer.status is Status.ANSWERED and "3.51万元" in answer.text, answer.text


def test_page_fields_are_no_table_and_rates_are_not_added_up():
    # fD2 opens "索引号 | 01526410-5-04_A/2016-1009005 | 发布机构 | 昌宁县财政局 |" / "公开目录 | 三公经费 | 发布日期 |
    # 2016-10-09 |": no table; its 增、减幅度 column (0.9% for 公务用车费 over 2.40% and -28.8%) is no sum
    document = parsed("fD2")
    assert [t.title for t in document.tables] == ["昌宁县县本级2015年度“三公”经费决算财政拨款情况统计表"]
    assert not [c for c in document.checks if c.verdict.name == "ERROR"], document.checks


def test_a_tables_reason_column_is_read_under_that_table():
    # fC3: "(2)公务用车购置费 | 257.00 | 527.36 | 270.36 | 根据疫情防控、…新增负压救护车、执法执勤车辆和校车等车辆。 |"
    document = parsed("fC3")
    (table,) = document.tables
    held = [s for s in document.sections if any("新增负压救护车" in p for p in s.paragraphs)]
    assert [s.title.replace(" ", "") for s in held] == [table.title.replace(" ", "")]


def test_buying_official_cars_is_their_purchase_and_running_them_is_their_upkeep(tmp_path: Path):
    # fC3: "(1)公务用车运转维护费 | 1007.23 | 898.22 | -109.01 |" / "(2)公务用车购置费 | 257.00 | 527.36 | 270.36 |"
    chat = _conversation(tmp_path, "fC3")
    bought = chat.ask("奉新县2023年买公车的预算是多少？")
    assert bought.status is Status.ANSWERED and "527.36万元" in bought.text, bought.text
    upkeep = chat.ask("奉新县2022年公车运行维护费预算是多少？")
    assert upkeep.status is Status.ANSWERED and "1,007.23万元" in upkeep.text, upkeep.text


def test_how_much_in_all_is_the_total_not_a_fund_spelt_with_gaps(tmp_path: Path):
    # fC1: "2022年收入预算3038.92万元,…其中:一般公共预算拨款2982.18万元": "一共预算" is no 一般公共预算
    chat = _conversation(tmp_path, "fC1")
    answer = chat.ask("安远学区2022年一共预算了多少钱？")
    assert answer.status is Status.ANSWERED, answer.text
    assert "3,038.92万元" in answer.text or "3038.92万元" in answer.text, answer.text  # a figure or its sentence
    assert "2,982.18万元" not in answer.text.split("。")[0], answer.text


def test_counts_said_in_chinese_numerals_and_with_gong_you():
    # fD3: "内设科室两个,即绿化股、综合股。"; fC1: "各级各类学校共有22所,包括独立初中1所,…"
    counts = {(r.label, r.value, r.unit) for r in parsed("fD3").records if r.measure == "count"}
    assert ("内设科室", 2, "个") in counts
    schools = [r for r in parsed("fC1").records if r.measure == "count" and r.value == 22]
    assert [(r.label, r.unit) for r in schools] == [("各级各类学校", "所")]


def test_a_count_asked_of_a_kind_of_unit_adds_up_the_kinds_printed(tmp_path: Path):
    # fC1: "各级各类学校共有22所"; fD1: "本单位下辖…2所中心幼儿园,12所村级幼儿园" (2 + 12 = 14)
    schools = _conversation(tmp_path / "c1", "fC1").ask("安远学区一共管着几所学校？")
    assert schools.status is Status.ANSWERED and "22所" in schools.text, schools.text
    kindergartens = _conversation(tmp_path / "d1", "fD1").ask("洛门学区下面一共管着几所幼儿园？")
    assert kindergartens.status is Status.ANSWERED and "14" in kindergartens.text, kindergartens.text


def test_a_reason_sentence_opening_with_its_year_is_about_what_follows_the_year(tmp_path: Path):
    # fC2: "2016年度“三公”经费支出决算减少的主要原因有2016年出国团组减少、单位加强了车辆的使用管理、…"
    chat = _conversation(tmp_path, "fC2")
    answer = chat.ask("2016年三公经费整体下降的原因是什么？")
    assert answer.status is Status.ANSWERED and "单位加强了车辆的使用管理" in answer.text, answer.text


def test_a_reason_continued_after_a_semicolon_is_given_whole(tmp_path: Path):
    # fD2: "因公出国(境)费65.98万元,增加53.75万元,增437.7%,主要是为学习借鉴美国、…在统筹城乡一体化发展方面的
    # 先进经验,…;为学习借鉴缅甸、泰国、老挝、台湾在农业发展及农产品销售方面的先进经验,…而增加经费;公务接待费918.5万元,…"
    chat = _conversation(tmp_path, "fD2")
    answer = chat.ask("出国费为什么一下子涨了这么多？")
    assert answer.status is Status.ANSWERED, answer.text
    assert "统筹城乡一体化发展方面的先进经验" in answer.text and "农业发展及农产品销售方面的先进经验" in answer.text, answer.text
    assert "公务接待费918.5万元" not in answer.text, answer.text
