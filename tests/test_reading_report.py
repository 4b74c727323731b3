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


TEXT = dict(source="text", row_path=(), row_code="", column_path=(), unit="万元")


def test_a_label_typed_in_fewer_words_matches_the_printed_subject_that_keeps_them_in_order():
    # n03 prints "公务接待经费支出26.4万元,与2015年度决算相比,减少9.6万元": typed "公务接待费比2015年度决算减少"
    typed = {"label": "公务接待费比2015年度决算减少", "value": "9.6", "unit": "万元", "where": "text",
             "period": "增减"}
    assert record_matches(_record(label="公务接待经费支出", value=-9.6, measure="change", **TEXT), typed)
    assert not record_matches(_record(label="公务用车运行维护费", value=-9.6, measure="change", **TEXT), typed)
    assert not record_matches(_record(label="公务接待经费支出", value=9.6, **TEXT), typed)  # a level, no change
    # n06 "纳入本套部门决算汇编范围的单位共1个" typed "纳入决算汇编范围的单位"
    units = {"label": "纳入决算汇编范围的单位", "value": "1", "unit": "个", "where": "text"}
    count = dict(TEXT, unit="个", measure="count", value=1.0)
    assert record_matches(_record(label="纳入本套部门决算汇编范围的单位", **count), units)
    assert not record_matches(_record(label="内设机构", **count), units)
    # n02 "…“三公”經費支出預算為18萬元,支出決算為6.28萬元,完成預算的34.89%": typed with the measure noun 比例
    rate = {"label": "“三公”經費完成預算比例", "value": "34.89", "unit": "%", "where": "text"}
    percent = dict(TEXT, unit="%", value=34.89)
    assert record_matches(_record(label="一般公共预算财政拨款“三公”经费支出决算完成预算", **percent), rate)
    assert not record_matches(_record(label="公务接待费", **percent), rate)
    # the first word typed must be printed as typed: 公…务 scattered over another label is no match
    assert not record_matches(_record(label="公共事务接待费", value=-9.6, measure="change", **TEXT), typed)


def test_a_change_typed_only_as_its_comparison_matches_the_change_against_that_stage():
    # s19 prints "一般公共预算财政拨款支出总计1741.75万元,…决算数大于预算数55.93万元"
    typed = {"label": "决算数大于预算数", "value": "55.93", "unit": "万元", "where": "text", "period": "增减"}
    assert record_matches(_record(label="一般公共预算财政拨款支出总计", value=55.93, measure="change",
                                  base_period="预算", **TEXT), typed)
    assert not record_matches(_record(label="一般公共预算财政拨款支出总计", value=55.93, measure="change",
                                      base_period="2016", **TEXT), typed)   # a change against last year
    assert not record_matches(_record(label="一般公共预算财政拨款支出总计", value=55.93, **TEXT), typed)


def test_a_count_printed_with_an_approximation_matches_its_number():
    # n12 prints "…陶瓷艺术等12余个专业": typed as printed, "12余"
    typed = {"label": "专业", "value": "12余", "unit": "个", "where": "text"}
    count = dict(TEXT, unit="个", measure="count")
    assert record_matches(_record(label="专业", value=12.0, **count), typed)
    assert not record_matches(_record(label="专业", value=13.0, **count), typed)


def test_facts_that_are_no_figures_are_found_in_the_text_as_read():
    # n11 types its 单位性质 and 批复文号, n14 a 文号's year and number, n13 the 目录's page numbers: not
    # budget figures but facts the assistant quotes from their sentence, found where the parsed text keeps them
    typed = load_expected([FIXTURES / "dev_corpus" / "expected"])
    for stem in ("n11-beijing-shangmaoxuexiao-2022-final", "n13-tianjin-beichen-zhongyiyiyuan-2021-final",
                 "n14-beijing-tongjiju-2021-final"):
        path = FIXTURES / "dev_corpus" / "texts" / f"{stem}.txt"
        reading = read_one(path, typed[path.name])
        assert reading.records_missing == [], stem
    path = FIXTURES / "dev_corpus" / "texts" / "n11-beijing-shangmaoxuexiao-2022-final.txt"
    wrong = dict(typed[path.name], records=[{"label": "单位性质", "value": "公益一类事业单位", "unit": None,
                                             "where": "text", "quote": "是财政拨款的公益一类事业单位"}])
    assert len(read_one(path, wrong).records_missing) == 1   # a fact the text does not print is missing


def test_a_figure_located_by_its_typed_quote_matches_when_its_label_is_printed_there():
    # s11's 绩效目标 cell prints "带动当地20名群众务工增收5000元/年": typed "带动群众务工" 20人, read as
    # 群众务工增收 20名 from that sentence
    typed = {"label": "带动群众务工", "value": "20", "unit": "人", "where": "table",
             "quote": "带动当地20名群众务工增收5000元/年"}
    count = dict(TEXT, unit="名", measure="count", value=20.0,
                 quote="项目建成后可带动当地20名群众务工增收5000元/年,带动受益总人口200人")
    assert record_matches(_record(label="群众务工增收", **count), typed)
    assert not record_matches(_record(label="受益总人口", **count), typed)     # not printed in the quote
    assert not record_matches(_record(label="群众务工增收", **dict(count, quote="另有20名群众参与")), typed)
    # s10 prints "计划出国(境)2人,预算费用3.5万元/人": typed "出国人均预算" in 万元, the 人均 in its label
    per_head = {"label": "出国人均预算", "value": "3.5", "unit": "万元", "where": "text",
                "quote": "预算费用3.5万元/人"}
    rate = dict(TEXT, value=3.5, quote="拟安排出访2批次,计划出国(境)2人,预算费用3.5万元/人,共计7万元。")
    assert record_matches(_record(label="预算费用", **dict(rate, unit="万元/人")), per_head)
    assert not record_matches(_record(label="人员经费", **dict(rate, unit="万元/人")), per_head)  # not in the quote
