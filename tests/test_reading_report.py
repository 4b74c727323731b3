"""eval/reading_report.py: typed expectations are compared with what the parser read."""

from __future__ import annotations

from pathlib import Path

from eval.reading_report import load_expected, read_one, record_matches, render_line
from ingest.model import Record

FIXTURES = Path(__file__).parent / "fixtures"


def _record(**fields) -> Record:
    data = dict(doc_id="d", department="", year=2024, source="table", value=17887739.0, unit="元",
                label="行政运行", row_path=("城乡社区支出", "城乡社区管理事务", "行政运行"), row_code="2120101",
                column_path=("支出预算", "合计"))
    data.update(fields)
    return Record(**data)


TYPED = {"label": "行政运行", "code": "2120101", "value": "17,887,739", "unit": "元", "where": "table",
         "column": "支出预算 › 合计", "period": "预算"}


def test_a_record_matches_on_value_unit_label_code_and_column():
    assert record_matches(_record(), TYPED)
    assert not record_matches(_record(unit="万元"), TYPED)                      # unit must agree
    assert not record_matches(_record(value=17887738.0), TYPED)                 # value must agree
    assert not record_matches(_record(row_code="2120102"), TYPED)               # code where typed
    assert not record_matches(_record(column_path=("支出预算", "项目支出")), TYPED)  # column where typed
    assert not record_matches(_record(label="一般行政管理事务", row_path=("一般行政管理事务",)), TYPED)


def test_a_decrease_matches_its_typed_unsigned_change():
    typed = {"label": "财政拨款收入", "value": "3,355.65", "unit": "万元", "where": "text", "period": "增减"}
    assert record_matches(_record(source="text", label="财政拨款收入", value=-3355.65, unit="万元",
                                  measure="change", row_path=(), row_code="", column_path=()), typed)


def test_a_comparison_word_read_as_the_label_is_not_the_typed_record():
    typed = {"label": "基本支出同比减少", "value": "4966.66", "unit": "元", "where": "text", "period": "增减"}
    change = dict(source="text", value=-4966.66, measure="change", row_path=(), row_code="", column_path=())
    assert not record_matches(_record(label="同比", **change), typed)
    assert record_matches(_record(label="基本支出", **change), typed)


def test_report_line_for_a_real_excerpt_names_what_was_read():
    typed = load_expected([FIXTURES / "dev_corpus" / "expected"])
    path = FIXTURES / "dev_corpus" / "texts" / "s02-yueyang-jingkaiqu-xuanchuan-2018-budget.txt"
    reading = read_one(path, typed[path.name])
    assert reading.records_typed == len(typed[path.name]["records"]) >= 5
    line = render_line(reading)
    assert line.startswith(path.name) and f"/{reading.records_typed}" in line


def test_a_change_typed_with_its_comparison_matches_the_change_of_its_subject():
    # g02 prints "2026年财政拨款“三公”经费预算5.3万元,较2025年年初预算减少21.04万元": typed as
    # "“三公”经费较2025年年初预算减少" 21.04, read as 财政拨款“三公”经费's change −21.04
    typed = {"label": "“三公”经费较2025年年初预算减少", "value": "21.04", "unit": "万元", "where": "text",
             "period": "增减"}
    change = dict(source="text", row_path=(), row_code="", column_path=(), unit="万元")
    assert record_matches(_record(label="财政拨款“三公”经费", value=-21.04, measure="change", **change), typed)
    # ...but not another figure's change of that size, nor the subject's level
    assert not record_matches(_record(label="公务接待费", value=-21.04, measure="change", **change), typed)
    assert not record_matches(_record(label="财政拨款“三公”经费", value=21.04, measure="amount", **change),
                              typed)


def test_a_count_typed_in_a_unit_of_the_same_group_matches():
    # s01 prints "事业编制25名"; a reader types it as 25人: 名 and 人 count the same people
    typed = {"label": "事业编制", "value": "25", "unit": "人", "where": "text"}
    count = dict(source="text", row_path=(), row_code="", column_path=(), value=25.0, label="事业编制")
    assert record_matches(_record(unit="名", measure="count", **count), typed)
    assert not record_matches(_record(unit="辆", measure="count", **count), typed)
    assert not record_matches(_record(unit="万元", **count), typed)


def test_a_label_typed_with_its_period_or_year_matches_the_figure_of_its_subject():
    # s10 prints "交通运输厅2022年一般公共预算“三公”经费预算数为98.65万元": typed "“三公”经费预算数", the
    # period (预算数) being the typed period; s06's "2015年三公经费预算拨入57.55万元" is typed with its year
    text = dict(source="text", row_path=(), row_code="", column_path=(), unit="万元")
    typed = {"label": "“三公”经费预算数", "value": "98.65", "unit": "万元", "where": "text", "period": "预算"}
    assert record_matches(_record(label="一般公共预算“三公”经费", value=98.65, **text), typed)
    assert not record_matches(_record(label="公务接待费", value=98.65, **text), typed)
    last_year = {"label": "2015年三公经费预算", "value": "57.55", "unit": "万元", "where": "text",
                 "period": "上年预算"}
    assert record_matches(_record(label="三公经费预算拨入", value=57.55, **text), last_year)
    # quote marks are typography: s13's "“会议费”“培训费”“差旅费”财政拨款预算数3万元" typed without them
    plain = {"label": "会议费培训费差旅费财政拨款预算数", "value": "3", "unit": "万元", "where": "text"}
    assert record_matches(_record(label="“会议费”“培训费”“差旅费”财政拨款", value=3.0, **text), plain)
    # a period word alone is no subject: "预算数" typed names nothing a 决算 label lacks
    assert not record_matches(_record(label="“三公”经费", value=98.65, **text),
                              {"label": "公务接待费预算数", "value": "98.65", "unit": "万元", "where": "text"})
