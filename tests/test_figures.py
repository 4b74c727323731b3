"""Figures stated in the sample's narrative become records; expected values typed from the disclosure."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.document import parse_document
from ingest.model import Document, Section
from ingest.statements.figures import text_records

P1 = "第一部分 部门概况"
P2 = "第二部分 部门预算收支总体情况"
P3 = "第三部分 部门预算支出具体情况"
P4 = "第四部分 政府采购预算情况"
P5 = "第五部分 一般公共预算“三公”经费预算情况"
P7 = "第七部分 重点项目预算绩效情况说明"
P8 = "第八部分 其他需要说明情况"
COUNT_UNITS = {"人", "辆", "个", "件", "次", "批次", "人次", "台（套）", "名", "家", "批"}


@pytest.fixture(scope="module")
def records(sample_path):
    return [r for r in parse_document(sample_path).records if r.source == "text"]


def find(records, part, label, value, unit, measure="amount", **fields):
    """The one text record of `part` with this label, value, unit and measure."""
    found = [r for r in records if r.section_path[0] == part and r.label == label and r.value == value
             and r.unit == unit and r.measure == measure
             and all(getattr(r, key) == expected for key, expected in fields.items())]
    assert found, f"no record {part} {label} {value} {unit} {measure} {fields}"
    return found[0]


@pytest.mark.parametrize("label, value, unit, measure, base", [
    ("部门预算收入", 3776, "万元", "amount", ""),
    ("部门预算收入", 208, "万元", "change", "2021"),
    ("部门预算收入", 6, "%", "change_rate", "2021"),
    ("部门预算支出", 3776, "万元", "amount", ""),
    ("部门预算支出", 208, "万元", "change", "2021"),
    ("部门预算支出", 6, "%", "change_rate", "2021"),
])
def test_part2_totals_and_year_over_year_changes(records, label, value, unit, measure, base):
    record = find(records, P2, label, value, unit, measure, base_period=base)
    assert record.period == "2022"
    assert record.section_path == (P2,)
    assert "比2021年增加208万元，增长6%" in record.quote


@pytest.mark.parametrize("label, value", [
    ("人员支出", 2315), ("公用支出", 492), ("对个人和家庭的补助支出", 165), ("项目支出", 804),
    ("社保综合管理", 589), ("社保业务公众服务工作", 546), ("社保政策法规宣传及调研论证工作", 6),
    ("零星购置", 10), ("零星修缮", 10), ("社保志愿服务", 17),
    ("社保业务管理", 25), ("案件调查取证工作", 15), ("社保档案管理工作", 10),
    ("信息系统建设", 25), ("信息系统及设备维护工作", 25), ("预算准备金", 16), ("区财政安排项目", 149),
])
def test_part3_every_amount(records, label, value):
    record = find(records, P3, label, value, "万元")
    assert record.period == "2022"


def test_part3_unit_total_and_subsection_paths(records):
    total = [r for r in records if r.section_path == (P3, "一、深圳市社会保险基金管理局罗湖分局")
             and r.value == 3776 and r.unit == "万元"]
    assert len(total) == 1 and "预算" in total[0].label
    staff = find(records, P3, "人员支出", 2315, "万元",
                 section_path=(P3, "一、深圳市社会保险基金管理局罗湖分局", "（一）人员支出"))
    assert staff.quote == "（一）人员支出2,315万元，主要包括：在职人员工资福利支出。"
    item = find(records, P3, "社保综合管理", 589, "万元")
    assert item.section_path[-1] == "1.社保综合管理" and item.line == 96


@pytest.mark.parametrize("label, change, rate", [
    ("社保综合管理", 187, 47), ("社保业务管理", -299, -92), ("预算准备金", -16, -50)])
def test_part3_project_changes_against_2021(records, label, change, rate):
    find(records, P3, label, change, "万元", "change", base_period="2021", period="2022")
    find(records, P3, label, rate, "%", "change_rate", base_period="2021")


@pytest.mark.parametrize("label, value", [
    ("政府采购项目", 278), ("货物采购", 0), ("工程采购", 0), ("服务采购", 278)])
def test_part4_procurement(records, label, value):
    find(records, P4, label, value, "万元", period="2022")


def test_part5_three_public_expenses_and_vehicles(records):
    find(records, P5, "“三公”经费", 8, "万元")
    find(records, P5, "“三公”经费", 0, "万元", "change", base_period="2021")
    find(records, P5, "“三公”经费", 0, "%", "change_rate", base_period="2021")
    find(records, P5, "因公出国（境）费用", 0, "万元", period="2022")
    find(records, P5, "公务接待费", 1, "万元", period="2022")
    find(records, P5, "公务接待费", 0, "万元", "change", base_period="2021")
    find(records, P5, "公务用车购置和运行维护费", 7, "万元")
    find(records, P5, "公务用车购置费", 0, "万元")
    find(records, P5, "公务用车运行维护费", 7, "万元")
    find(records, P5, "公务用车", 2, "辆", "count", period="2022")
    find(records, P5, "公务用车", -1, "辆", "change", base_period="2021")


def test_part8_running_costs_and_assets(records):
    find(records, P8, "机关运行经费财政拨款", 492, "万元", period="2022")
    find(records, P8, "机关运行经费财政拨款", 139, "万元", "change", base_period="2021")
    find(records, P8, "机关运行经费财政拨款", 39, "%", "change_rate", base_period="2021")
    assert [r for r in records if r.section_path[0] == P8 and r.value == 146 and r.unit == "万元"]
    find(records, P8, "车辆", 2, "辆", "count", period="2021")
    find(records, P8, "单价50万元以上通用设备", 2, "台（套）", "count")
    find(records, P8, "单价100万元以上专用设备", 0, "台（套）", "count")
    find(records, P8, "计划新增车辆", 0, "辆", "count", period="2022")
    assert not [r for r in records if r.section_path[0] == P8 and r.value in (50, 100) and r.unit == "万元"]


@pytest.mark.parametrize("label, value, unit", [
    ("部门", 7, "个"), ("事业编制总数", 57, "人"), ("实有在编人数", 56, "人"),
    ("离休", 0, "人"), ("退休", 18, "人")])
def test_part1_staffing_counts(records, label, value, unit):
    find(records, P1, label, value, unit, "count")


@pytest.mark.parametrize("project, value", [
    ("社保业务管理", 25), ("社保综合管理", 589), ("信息系统建设", 25), ("预算准备金", 16),
    ("区财政安排项目", 149)])
def test_part7_project_amounts(records, project, value):
    find(records, P7, project, value, "万元", row_path=(project,))


@pytest.mark.parametrize("project, value, unit, qualifier", [
    ("社保业务管理", 3600, "件", "≥"), ("社保综合管理", 85, "%", "≥"), ("社保综合管理", 100, "%", "="),
    ("社保综合管理", 1, "个", ""), ("社保综合管理", 4, "个", ""), ("信息系统建设", 100, "%", "="),
    ("区财政安排项目", 100, "%", "=")])
def test_part7_targets(records, project, value, unit, qualifier):
    found = [r for r in records if r.section_path[0] == P7 and r.row_path == (project,) and r.value == value
             and r.unit == unit and r.measure == "target" and r.qualifier == qualifier]
    assert found


def test_part7_target_labels(records):
    targets = {r.label for r in records if r.section_path[0] == P7 and r.measure == "target"}
    assert {"志愿服务U站", "志愿服务岗位", "参保群众满意度"} <= targets


def test_counts_are_never_money(records):
    for record in records:
        if record.unit in COUNT_UNITS:
            assert record.measure in ("count", "change", "target"), record
    assert not [r for r in records if r.value in (57, 56, 18) and r.unit in ("万元", "元")]


def test_every_text_record_knows_its_document_and_sentence(records):
    for record in records:
        assert (record.doc_id, record.year, record.source) == ("luohu-2022", 2022, "text")
        assert record.department == "深圳市社会保险基金管理局罗湖分局"
        assert record.quote and record.line > 0 and record.section_path


def _meta(year=2022, kind="budget", department=""):
    return Document(doc_id="t", title="t", department=department, year=year, kind=kind, unit="万元",
                    source_name="t.txt", sha256="")


def _one_paragraph(text, title="一、测试"):
    return [Section(path=(title,), title=title, level=2, paragraphs=(text,), line=1, paragraph_lines=(1,))]


def test_thousands_comma_is_one_number_and_yuan_is_kept_apart():
    paragraph = "收支总预算4,471.22万元,含经费250万元;年初预算为234000.00元。"
    found = text_records(_one_paragraph(paragraph), _meta())
    assert [(r.value, r.unit) for r in found] == [(4471.22, "万元"), (250, "万元"), (234000.0, "元")]


def test_a_counted_thing_ends_before_what_happened_to_it(records):
    disposed = [r for r in records if r.unit == "辆" and r.measure == "count" and r.value == 1]
    assert [r.label for r in disposed] == ["已处置公务用车"]
    assert "1辆公务用车已达报废年限已处置" in disposed[0].quote


def test_budget_and_difference_relate_to_the_subject_before_them():
    paragraph = ("“三公”经费支出2.05万元,年初预算为2.95万元,差值为0.9万元。其中:"
                 "公务接待费支出2.05万元,年初预算为2万元,差值为0.05万元,原因为项目增多。")
    found = text_records(_one_paragraph(paragraph), _meta(2018, "final"))
    got = [(r.label, r.value) for r in found]
    assert got == [("“三公”经费支出", 2.05), ("“三公”经费支出年初预算", 2.95), ("“三公”经费支出差值", 0.9),
                   ("公务接待费支出", 2.05), ("公务接待费支出年初预算", 2), ("公务接待费支出差值", 0.05)]


def test_a_per_head_standard_and_the_items_total():
    section = Section(path=("(二)项目支出",), title="(二)项目支出", level=2, line=1,
                      paragraphs=("1、 代表履职补贴643200元;", "测算标准:268名代表,年人均2400元计643200元。"),
                      paragraph_lines=(1, 2))
    got = [(r.label, r.value, r.unit) for r in text_records([section], _meta(2017))]
    assert got == [("代表履职补贴", 643200, "元"), ("代表", 268, "名"), ("年人均", 2400, "元"),
                   ("代表履职补贴", 643200, "元")]


def test_money_for_a_purpose_is_labelled_by_the_purpose():
    paragraph = "本项目共申请预算资金90万元。其中:30万元用于基建工程项目审计;29.99万元用于基建工程项目设计、规划、测绘。"
    got = [(r.label, r.value) for r in text_records(_one_paragraph(paragraph), _meta())]
    assert got == [("申请预算资金", 90), ("基建工程项目审计", 30), ("基建工程项目设计、规划、测绘", 29.99)]


def test_base_year_value_and_decrease_words():
    paragraph = ("2020年度收、支总计2918.96万元,比上年2665.56万元增加253.4万元,增长9.51%。"
                 "公务接待费支出决算减少275.00元,下降0.88%。")
    found = text_records(_one_paragraph(paragraph), _meta(2020, "final"))
    got = [(r.label, r.value, r.measure, r.period, r.base_period) for r in found]
    assert got == [("收、支总计", 2918.96, "amount", "2020", ""),
                   ("收、支总计", 2665.56, "amount", "2019", ""),
                   ("收、支总计", 253.4, "change", "2020", "2019"),
                   ("收、支总计", 9.51, "change_rate", "2020", "2019"),
                   ("公务接待费支出决算", -275.0, "change", "2020", "2019"),
                   ("公务接待费支出决算", -0.88, "change_rate", "2020", "2019")]


def test_the_sample_as_pdf_states_the_same_narrative_figures(sample_path):
    from builders.sample_pdf import build_sample_pdf

    from ingest.document import build_document
    from ingest.readers.formats import read_layout

    data, _ = build_sample_pdf()
    name = sample_path.with_suffix(".pdf").name
    from_pdf = build_document(read_layout(data, name), name, "")

    def figures(document):
        return {(r.section_path, r.label, r.value, r.unit, r.measure, r.period, r.base_period, r.qualifier)
                for r in document.records if r.source == "text"}

    assert figures(from_pdf) == figures(parse_document(sample_path))


def test_a_bare_side_word_after_the_other_sides_figure_names_the_same_funds():
    # A 决算 excerpt: "2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,…"
    path = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / "n04-xinzhou-dierxiaoxue-2018-final.txt"
    by_value = {r.value: r.label for r in parse_document(path).records if r.source == "text"}
    assert by_value[1085.31] == "一般公共预算收入总计"
    assert by_value[1070.67] == "一般公共预算支出"


def test_a_change_is_of_the_sentences_subject_not_of_the_word_that_compares():
    # "商品和服务支出预算445372.24元,占基本支出预算17.99%,同比减少36235.88元,下降7.52%。"
    path = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / "g10-guangxi-unit-2024-budget.txt"
    changes = {r.value: r.label for r in parse_document(path).records if r.measure == "change"}
    assert changes[-36235.88] == "商品和服务支出"


def test_a_rate_against_last_year_is_of_this_years_figure():
    # "(一)2019年支出决算42988092.80元,上年支出决算38583631.25元,与上年相比增11.41%,…"
    path = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / "n05-xiaoyi-diliuzhongxue-2019-final.txt"
    labels = {r.label for r in parse_document(path).records if r.measure == "change_rate" and r.value == 11.41}
    assert "支出决算" in labels and "上年支出决算" not in labels


def test_a_figure_a_comparison_names_is_the_compared_years():
    # "2018年度总支出1095.67万元比2017年度总支出1060.87万元增加34.80万元,…"
    path = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / "n04-xinzhou-dierxiaoxue-2018-final.txt"
    found = {(r.value, r.measure): (r.label, r.period) for r in parse_document(path).records if r.source == "text"}
    assert found[(1060.87, "amount")] == ("总支出", "2017")
    assert found[(1095.67, "amount")] == ("总支出", "2018")


def test_a_change_after_a_part_or_a_semicolon_is_of_the_figure_it_follows():
    # "本部门2020年度收入总计4170.87万元,其中年初结转和结余0万元,较2019年增加0万元,增长0 %;
    #  本年收入合计4170.87万元,较2019年增加2159.45万元,增长107.36%,…"
    texts = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
    path = texts / "n06-nanchang-anyi-changjunxuexiao-2020-final.txt"
    changes = {(r.value, r.measure): r.label for r in parse_document(path).records
               if r.measure in ("change", "change_rate") and r.section_path[-1].startswith("一、收入")}
    assert changes[(0.0, "change")] == "年初结转和结余"
    assert changes[(2159.45, "change")] == changes[(107.36, "change_rate")] == "本年收入合计"


def test_a_change_whose_subject_is_in_the_clause_before_and_named_by_its_start():
    # "2024年度收、支总计均为832.82万元。收、支与2023年度相比,增加98.73万元,增长13.45%":
    # the second sentence's 收、支 is the first one's 收、支总计; 均 (both) is no part of a label.
    paragraph = "2024年度收、支总计均为832.82万元。收、支与2023年度相比,增加98.73万元,增长13.45%,主要原因是增加项目资金。"
    found = text_records(_one_paragraph(paragraph, "(一)收入支出决算总体情况说明"), _meta(2024, "final"))
    got = [(r.label, r.value, r.measure, r.period, r.base_period) for r in found]
    assert got == [("收、支总计", 832.82, "amount", "2024", ""),
                   ("收、支总计", 98.73, "change", "2024", "2023"),
                   ("收、支总计", 13.45, "change_rate", "2024", "2023")]


def test_each_and_both_end_no_label_but_a_per_head_figure_keeps_its_noun():
    # "与2023年相比,收、支总计各增加2,963,406.12万元": 各 (each) is no part of the label.
    paragraph = "与2023年相比,收、支总计各增加2,963,406.12万元,增长4.8%。人均5万元。"
    found = text_records(_one_paragraph(paragraph), _meta(2024, "final"))
    assert [r.label for r in found] == ["收、支总计", "收、支总计", "人均"]


def test_a_three_character_department_name_is_no_part_of_a_label():
    # "教育部2024年度收入总计64,999,264.21万元,支出总计64,999,264.21万元。"
    paragraph = "教育部2024年度收入总计64,999,264.21万元,支出总计64,999,264.21万元。"
    found = text_records(_one_paragraph(paragraph), _meta(2024, "final", department="教育部"))
    assert [r.label for r in found] == ["收入总计", "支出总计"]


def test_the_level_after_the_department_and_a_price_threshold_are_no_figure_labels():
    # "截至2023年8月31日，…办事处（部门）共有车辆7辆，…；单价100万元（含）以上设备（不含车辆）0台（套）。"
    paragraph = "截至2023年8月31日，某某街道办事处（部门）共有车辆7辆，其中：其他用车7辆；单价100万元（含）以上设备（不含车辆）0台（套）。"
    found = text_records(_one_paragraph(paragraph), _meta(2024, department="某某街道办事处"))
    assert [(r.label, r.value, r.unit) for r in found][:2] == [("车辆", 7, "辆"), ("其他用车", 7, "辆")]
    assert all(r.unit != "万元" for r in found)


def test_a_change_after_two_years_figures_is_the_later_against_the_earlier():
    # "1、公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%": 对比 names
    # nothing, the change and its rate are 2016 against 2015 (the document's own arithmetic is off).
    paragraph = "其中:1、公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%,原因执行八项规定厉行节约。"
    found = text_records(_one_paragraph(paragraph), _meta(2016))
    got = [(r.label, r.value, r.measure, r.period, r.base_period) for r in found]
    assert got == [("公务接待费", 8, "amount", "2016", ""), ("公务接待费", 12.5, "amount", "2015", ""),
                   ("公务接待费", -4.35, "change", "2016", "2015"),
                   ("公务接待费", -35.22, "change_rate", "2016", "2015")]


def test_a_budgets_expenditure_or_revenue_is_named_without_the_word_budget():
    # Budget texts of several regions: "1.基本支出预算881300.39元,占一般公共预算支出的96.74%,同比减少
    # 166271.4元,下降15.87%。"; "本部门收入预算7018.51万元"; a bare 支出预算 keeps its word.
    paragraph = ("基本支出预算881300.39元,占一般公共预算支出的96.74%,同比减少166271.4元,下降15.87%。"
                 "本部门收入预算7018.51万元。支出预算7018.51万元。")
    found = text_records(_one_paragraph(paragraph), _meta(2023))
    assert [r.label for r in found] == ["基本支出"] * 4 + ["收入", "支出预算"]
    final = text_records(_one_paragraph("基本支出预算881300.39元。"), _meta(2023, "final"))
    assert [r.label for r in final] == ["基本支出预算"]


def test_what_is_planned_is_named_without_the_planning_word():
    # "…组织安排的团组,拟安排出访2批次,计划出国(境)2人,预算费用3.5万元/人"
    found = text_records(_one_paragraph("根据年度培训计划,拟安排出访2批次。"), _meta(2022))
    assert [(r.label, r.value, r.unit) for r in found] == [("出访", 2, "批次")]


def test_schools_are_counted_in_suo_and_named_by_the_noun_after():
    # "辖区内有初级中学1所,完全小学4所"; "…、75所直属高校(其中1所为两地办学,…)"
    paragraph = "辖区内有初级中学1所,完全小学4所。决算反映75所直属高校(其中1所为两地办学)经费收支情况。"
    found = text_records(_one_paragraph(paragraph), _meta(2024, "final"))
    assert [(r.label, r.value, r.unit) for r in found] == [
        ("辖区内有初级中学", 1, "所"), ("完全小学", 4, "所"), ("直属高校", 75, "所"), ("直属高校", 1, "所")]


def test_an_items_year_budget_is_its_period_not_its_name():
    # "2、公务车辆运行2016年预算25万元,2015年预算45.2万元;对比减少20.20万元;减少率44.69%"
    paragraph = "2、公务车辆运行2016年预算25万元,2015年预算45.2万元;对比减少20.20万元;减少率44.69%。"
    found = text_records(_one_paragraph(paragraph), _meta(2016))
    assert [(r.label, r.period) for r in found] == [("公务车辆运行", "2016"), ("公务车辆运行", "2015"),
                                                   ("公务车辆运行", "2016"), ("公务车辆运行", "2016")]


def test_a_figure_in_an_open_bracket_is_named_inside_it_and_a_total_ends_no_label():
    # "国内公务接待共139批次(其中外事接待0批次)"
    paragraph = "2019年国内公务接待共139批次(其中外事接待0批次)。"
    found = text_records(_one_paragraph(paragraph), _meta(2019, "final"))
    assert [(r.label, r.value) for r in found] == [("国内公务接待", 139), ("外事接待", 0)]


def test_a_short_name_in_brackets_stands_for_what_it_shortens():
    # "因公出国（境）费、公务用车购置及运行费、公务接待费(简称“三公”经费)支出合计24.75万元";
    # "某某中心(以下简称“某中心”)实施项目共15个": the department's short name is no part of a label
    paragraph = "因公出国(境)费、公务用车购置及运行费、公务接待费(简称“三公”经费)支出合计24.75万元。"
    found = text_records(_one_paragraph(paragraph), _meta(2018))
    assert [r.label for r in found] == ["“三公”经费支出合计"]
    paragraph = "2024年,某州数据发展中心(以下简称“州数据发展中心”)实施项目共15个。"
    found = text_records(_one_paragraph(paragraph), _meta(2024, "final", department="某州数据发展中心"))
    assert [r.label for r in found] == ["实施项目"]


def test_a_change_after_a_bracket_is_of_the_figure_before_it():
    # "公务用车购置及运行费87.15万元(其中,公务用车购置费0万元,公务用车运行费87.15万元),较上年预算增长329.31%"
    paragraph = ("公务用车购置及运行费87.15万元(其中,公务用车购置费0万元,公务用车运行费87.15万元),"
                 "较上年预算增长329.31%。国内公务接待共139批次(其中外事接待0批次),1205人次(其中外事接待0人次)。")
    found = text_records(_one_paragraph(paragraph), _meta(2022))
    got = {(r.value, r.unit, r.measure): r.label for r in found}
    assert got[(329.31, "%", "change_rate")] == "公务用车购置及运行费"
    assert got[(1205, "人次", "count")] == "国内公务接待"
    assert got[(0, "人次", "count")] == "外事接待"


def test_the_budget_a_final_figure_completes_and_the_rate_of_completion():
    # "“三公”经费财政拨款支出决算17.06万元,完成预算27万元的63.2%。其中,因公出国(境)费支出决算7.8万元,
    #  完成预算10万元的78.0%"
    paragraph = "其中,因公出国(境)费支出决算7.8万元,完成预算10万元的78.0%;公务接待费支出决算1.76万元,完成预算5万元的35.2%。"
    found = text_records(_one_paragraph(paragraph), _meta(2019, "final"))
    assert [(r.label, r.value) for r in found] == [
        ("因公出国(境)费支出决算", 7.8), ("因公出国(境)费预算", 10), ("因公出国(境)费支出决算完成预算", 78.0),
        ("公务接待费支出决算", 1.76), ("公务接待费预算", 5), ("公务接待费支出决算完成预算", 35.2)]


def test_each_item_of_a_list_has_its_own_change_in_its_own_unit():
    # "公务用车保有量2辆,购置及运行维护费5万元,占%,比上年减少0.28万元,公务接待费30万元,占%,比上年减少2万元"
    paragraph = "公务用车保有量2辆,购置及运行维护费5万元,比上年减少0.28万元,公务接待费30万元,比上年减少2万元。"
    found = text_records(_one_paragraph(paragraph), _meta(2017))
    changes = [(r.label, r.value) for r in found if r.measure == "change"]
    assert changes == [("公务用车购置及运行维护费", -0.28), ("公务接待费", -2)]


def test_a_part_is_not_the_whole_before_it():
    # "(二)本单位2021年度总支出581.45万元,其中本年支出480.71万元,较2020年度决算数减少90.49万元,下降15.8%。"
    paragraph = "本单位2021年度总支出581.45万元,其中本年支出480.71万元,较2020年度决算数减少90.49万元,下降15.8%。"
    found = text_records(_one_paragraph(paragraph), _meta(2021, "final"))
    assert [(r.label, r.value) for r in found] == [("总支出", 581.45), ("本年支出", 480.71), ("本年支出", -90.49),
                                                   ("本年支出", -15.8)]


def test_a_figure_after_a_comparison_and_de_is_the_compared_years():
    # "2024年度本年收入合计42,828,112.97万元,比2023年的40,616,051.67万元,增加2,212,061.3万元,增长5.4%。"
    paragraph = "本年收入合计42,828,112.97万元,比2023年的40,616,051.67万元,增加2,212,061.3万元,增长5.4%。"
    found = text_records(_one_paragraph(paragraph), _meta(2024, "final"))
    assert [(r.label, r.value, r.period) for r in found][:2] == [("本年收入合计", 42828112.97, "2024"),
                                                                ("本年收入合计", 40616051.67, "2023")]


def test_a_classification_named_by_its_levels_is_never_cut_short():
    # A 决算's "（三）…具体情况" template: the heading names 类/款/项, the paragraph states the figures.
    title = "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）"
    paragraph = "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。"
    found = text_records(_one_paragraph(paragraph, title), _meta(2024, "final"))
    assert all(r.label.startswith("一般公共服务支出（类）社会工作事务（款）行政运行（项）") for r in found)
    assert len(found) == 3


def test_a_sentence_opening_with_a_relative_word_speaks_of_the_paragraphs_item():
    # The item paragraphs of a budget's 编制说明: the item and its amount, then last year's execution
    # and this year's arrangement in the next sentence.
    paragraph = ("“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。"
                 "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。")
    found = text_records(_one_paragraph(paragraph), _meta(2024))
    got = [(r.label.split("”")[-1], r.value, r.period, r.measure) for r in found]
    assert got == [("", 25.77, "2024", "amount"), ("预算执行数", 60.13, "2023", "amount"),
                   ("预算安排", 25.77, "2024", "amount"), ("预算安排", -57.14, "2024", "change_rate")]
    assert all("专项普查活动（项）" in r.label for r in found)


@pytest.mark.parametrize("paragraph, label, value", [
    # a 决算 text: a chart caption, a numbered part alone on its line and its heading, joined to the sentence
    ("收入决算结构图三、支出决算情况说明2020年本年支出合计4021.94万元,其中:基本支出2719.24万元。", "本年支出合计", 4021.94),
    # a budget text: the heading line ends where the year opens the sentence
    ("2016年“三公经费”预算对比增减说明2016年三公经费预算拨入33万元,2015年三公经费预算拨入57.55万元。",
     "三公经费预算拨入", 33),
    # a real PDF budget: the next part's number and heading after a sentence without a full stop
    ("机关运行经费预算为464.64万元三、政府采购预算情况2025年本部门政府采购预算4821.20万元。", "政府采购预算", 4821.2),
])
def test_a_heading_joined_to_the_sentence_is_not_part_of_the_label(paragraph, label, value):
    found = text_records(_one_paragraph(paragraph), _meta(2020))
    assert label in [r.label for r in found if r.value == value]


def test_each_stage_of_a_final_figure_keeps_its_own_word():
    # A 决算's 一般公共预算财政拨款支出 paragraph (real PDF of the development corpus).
    paragraph = "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。"
    found = text_records(_one_paragraph(paragraph), _meta(2024, "final"))
    got = [(r.label, r.value) for r in found][:3]
    assert got == [("一般公共预算财政拨款支出年初预算", 0), ("一般公共预算财政拨款支出全年预算", 321.02),
                   ("一般公共预算财政拨款支出决算", 307.82)]


def test_a_stage_alone_in_an_items_paragraph_is_the_items():
    # The 决算 template's "（三）…具体情况": the item is the heading, its paragraph states the stages.
    title = "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）"
    paragraph = "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。"
    found = text_records(_one_paragraph(paragraph, title), _meta(2024, "final"))
    item = "一般公共服务支出（类）社会工作事务（款）行政运行（项）"
    assert [(r.label, r.value) for r in found][:2] == [(item + "全年预算", 52), (item + "支出决算", 51.32)]


@pytest.mark.parametrize("paragraph, label", [
    ("(二)支出预算,2018年年初预算数596.09万元,其中,基本支出71.09万元。", "支出年初预算"),
    ("(一)收入预算,2018年年初预算数596.09万元,其中,一般公共预算拨款596.09万元。", "收入年初预算"),
    ("(一)基本支出:2018年年初预算数为596.09万元,是指为保障单位机构正常运转而发生的各项支出。", "基本支出年初预算"),
])
def test_a_heading_printed_inline_names_the_stage_after_it(paragraph, label):
    # A budget text's 部门收支总体情况: "(二)支出预算," opens the sentence that states the figure.
    found = text_records(_one_paragraph(paragraph, "二、部门收支总体情况"), _meta(2018))
    assert found[0].label == label and found[0].value == 596.09


def test_a_change_of_an_item_stated_at_a_stage_is_of_the_item():
    paragraph = ("(一)收入预算,2018年年初预算数596.09万元,其中,一般公共预算拨款596.09万元。"
                 "收入较去年增加了110.58万元,主要原因是增加了专项项目支出110.58万元。")
    found = text_records(_one_paragraph(paragraph, "二、部门收支总体情况"), _meta(2018))
    assert [r.label for r in found if r.measure == "change"] == ["收入"]


def test_a_weakly_named_figure_is_what_its_section_reports_not_the_sections_title():
    # A 决算 text: "(二)支出决算情况" / "2017年度,本单位支出为1942.57万元。其中:基本支出…"
    found = text_records(_one_paragraph("2017年度,本单位支出为1942.57万元。", "(二)支出决算情况"), _meta(2017, "final"))
    assert found[0].label == "支出决算"


def test_a_figure_said_to_be_made_of_one_kind_of_funds_is_the_subjects():
    # A budget text's 部门收支总体情况: "2018年部门预算收入为一般公共预算收入596.09万元;…"
    found = text_records(_one_paragraph("2018年部门预算收入为一般公共预算收入596.09万元;部门支出既包括基本运行的经费。"),
                         _meta(2018))
    assert found[0].label == "部门预算收入"


DEV_TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


def _dev_figures(name):
    return [r for r in parse_document(DEV_TEXTS / name).records if r.source == "text"]


@pytest.mark.parametrize("paragraph, value, label", [
    # n05 of the development corpus: "孝义六中行政编制0人;事业编制314人;实际316人;长期聘用临时工25人。"
    ("孝义六中行政编制0人;事业编制314人;实际316人;长期聘用临时工25人。", 316, "实际人数"),
    # an excerpt's 人员构成情况: "…;事业编制0人,实际0人;聘用人员0人。" — the 事业 staff actually in post
    ("北京市人民政府研究室行政编制65人,实有人数60人;事业编制0人,实际0人;聘用人员0人。", 0, "事业编制实际人数"),
])
def test_a_count_named_only_by_its_qualifier_counts_people(paragraph, value, label):
    found = text_records(_one_paragraph(paragraph, "(二)人员构成情况"), _meta(2019, "final"))
    assert label in [r.label for r in found if r.value == value and r.unit == "人"]


def test_an_amount_per_person_is_a_rate_not_a_part_of_the_total():
    # s10: "拟安排出访2批次,计划出国(境)2人,预算费用3.5万元/人,共计7万元。"
    found = [r for r in _dev_figures("s10-hainan-jiaotong-2022-budget.txt") if "预算费用3.5万元/人" in r.quote]
    assert [(r.label, r.value, r.unit) for r in found if r.value == 3.5] == [("预算费用", 3.5, "万元/人")]
    assert (7, "万元") in [(r.value, r.unit) for r in found]


def test_a_count_and_an_amount_in_one_clause_are_of_the_same_things():
    # s18: "2024年,…实施项目共15个(含2023年转列暂付性款项项目5个),年初批复预算8个项目985万元
    #  (含1个年初结转结余项目50万元),调整预算后项目预算861.46万元,…"
    found = {(r.value, r.unit): r for r in _dev_figures("s18-honghe-shuju-2024-final.txt")
             if "年初批复预算8个项目985万元" in r.quote and r.measure in ("count", "amount")}
    assert found[(8, "个")].label == found[(985, "万元")].label == "年初批复预算项目"
    assert found[(1, "个")].label == found[(50, "万元")].label == "年初结转结余项目"
    # the year in the bracket before is the transferred projects', not the approved budget's
    assert found[(985, "万元")].period == found[(861.46, "万元")].period == "2024"


def test_a_completion_rate_keeps_the_whole_stage_it_completes():
    # The 决算 template's "（三）…具体情况": "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。"
    title = "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）"
    paragraph = "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。"
    found = text_records(_one_paragraph(paragraph, title), _meta(2024, "final"))
    rate = next(r for r in found if r.unit == "%")
    assert rate.label == "一般公共服务支出（类）社会工作事务（款）行政运行（项）支出决算完成全年预算"


def test_a_modifier_with_de_names_the_figure_it_modifies():
    # s02: "(一)收入预算,2018年年初预算数596.09万元,其中,一般公共预算拨款596.09万元,纳入专户管理的非税收入0万元。"
    found = [r for r in _dev_figures("s02-yueyang-jingkaiqu-xuanchuan-2018-budget.txt") if "非税收入0万元" in r.quote]
    assert [(r.label, r.value) for r in found if r.value == 0] == [("纳入专户管理的非税收入", 0)]


@pytest.mark.parametrize("name, value, label", [
    ("s12-sichuan-unit-2022-final.txt", 4125.49, "本年收入合计"),  # "2022年本年收入合计4125.49万元,其中:…"
    ("s14-sichuan-baojianyuan-2020-final.txt", 3765.66, "本年收入合计"),  # "2020年本年收入合计3765.66万元,…"
    ("s14-sichuan-baojianyuan-2020-final.txt", 4021.94, "本年支出合计"),  # "2020年本年支出合计4021.94万元,…"
    ("s08-guangxi-junxiu-2021-final.txt", 390.55, "本年收入"),  # "总收入581.45万元,其中本年收入390.55万元,…"
])
def test_this_years_total_keeps_its_name(name, value, label):
    # 本年收入合计 leaves out the carry-over that 收入总计 includes: "本年" is part of the name
    assert label in [r.label for r in _dev_figures(name) if r.value == value and r.measure == "amount"]


def test_a_change_after_a_part_introduced_by_qizhong_and_a_colon_is_the_parts():
    # The 2025 street-office budget PDF: "2025年，…收入预算18,976.76万元，其中：财政拨款收入18,976.76万元，
    # 比2024年预算增加3,355.65万元；…" — the change is 财政拨款收入's, not the whole 收入's
    from pathlib import Path

    from ingest.document import parse_document

    pdf = Path(__file__).parent / "fixtures" / "real_pdf" / "上海市普陀区人民政府万里街道办事处25年预算.pdf"
    changes = [r for r in parse_document(pdf).records
               if r.source == "text" and r.measure == "change" and r.value == 3355.65]
    assert any(r.label == "财政拨款收入" and r.base_period == "2024" for r in changes), changes


def test_a_reason_clause_naming_a_figure_does_not_name_it():
    # "…主要原因为2015年我厅系统“三公经费”部门预算451.62万元比2014年 “三公经费”部门预算287.17万元增加
    # 164.45万元…" (a 决算 explanation of the development corpus)
    from pathlib import Path

    from ingest.document import parse_document

    text = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / "n07-neimenggu-wenhuating-2015-final.txt"
    found = {(r.label, r.value, r.period) for r in parse_document(text).records}
    assert ("“三公经费”部门预算", 451.62, "2015") in found


def test_last_years_figure_named_with_shang_nian_is_of_last_year():
    # n05: "209年收入决算43187160.08元,上年收入决算39312554.51元,与上年相比增9.85%" — the second figure is
    # 收入决算 of 2018; 上年结转 (carried over) is a name of its own and keeps its 上年
    figures = _dev_figures("n05-xiaoyi-diliuzhongxue-2019-final.txt")
    last_year = [(r.label, r.period) for r in figures if r.value == 39312554.51 and r.measure == "amount"]
    assert last_year == [("收入决算", "2018")], last_year
    carried = [r.label for r in _dev_figures("s08-guangxi-junxiu-2021-final.txt") if r.value == 190.89]
    assert carried and all(label.startswith("上年结转") for label in carried), carried


def test_an_area_is_a_figure_in_square_metres():
    # s11's 绩效目标审批表: "新建中药材晾晒房一座,占地300平方米,包含场坪整治及硬化,硬化室外晒坝420平方米,室内场坪
    # 1800平方米,…配套三格式化粪池4.5立方米"
    found = {(r.value, r.unit) for r in _dev_figures("s11-fengjie-yunwu-2023-budget.txt")}
    assert {(300, "平方米"), (420, "平方米"), (1800, "平方米"), (4.5, "立方米")} <= found
    labels = {r.label for r in _dev_figures("s11-fengjie-yunwu-2023-budget.txt") if r.unit == "平方米"}
    assert any("室外晒坝" in label for label in labels) and any("室内场坪" in label for label in labels), labels


@pytest.mark.parametrize("name, label, base", [
    # s15: "(二)公务接待费 … 2022年预算安排1万元,与2021年预算持平。"
    ("s15-mianyang-youxian-zhengfuban-2022-budget.txt", "公务接待费", "2021"),
    # n01: "1 、2016年因公出国(境)费预算0万元, 与2015年预算持平。"
    ("n01-tianjin-xiqing-shenpiju-2016-budget.txt", "因公出国(境)费", "2015"),
    # s07 (traditional characters): "因公出國(境)經費支出預算0萬元,與上年預算數持平,無增減變化。"
    ("s07-heshan-shuiwu-2018-budget.txt", "因公出国(境)经费", "2017"),
])
def test_a_figure_level_with_its_base_year_has_a_change_of_nothing(name, label, base):
    changes = [r for r in _dev_figures(name) if r.measure == "change" and r.value == 0 and r.base_period == base]
    assert any(label in r.label for r in changes), [(r.label, r.base_period) for r in changes]


def test_a_change_stated_alone_after_a_figure_is_that_figures():
    # s15: "公务用车运行维护费预算安排8万元,较2021年预算下降42.86%。减少6万元。" under the heading
    # "(三)公务用车购置及运行维护费": the 6万元 is the 运行维护费's, the sentence before names it
    changes = [r for r in _dev_figures("s15-mianyang-youxian-zhengfuban-2022-budget.txt")
               if r.measure == "change" and r.value == -6]
    # (the 三公 total's "较2021年预算下降40%,减少6万元" is a −6 of its own)
    labels = [r.label for r in changes]
    assert "公务用车运行维护费预算安排" in labels and "公务用车购置及运行维护费" not in labels, labels


def test_what_a_unit_holds_is_named_without_the_unit():
    # s16: "截至2015年12月底,单位共有公务用车8辆,其中:一般公务用车6辆,特种作业车(洒水车、垃圾车)2辆。"
    held = [r.label for r in _dev_figures("s16-jintang-guancang-2015-final.txt") if r.value == 8 and r.unit == "辆"]
    assert held == ["公务用车"], held


def test_a_cars_costs_said_after_its_count_are_the_cars():
    # s05 (traditional characters): "…公務用車保有量2輛,購置及運行維護費5萬元,占%,比上年減少0.28萬元,…"
    found = {(r.label, r.value) for r in _dev_figures("s05-zhanjiang-xuanchuan-2017-budget.txt")
             if r.value in (5, -0.28)}
    assert found == {("公务用车购置及运行维护费", 5), ("公务用车购置及运行维护费", -0.28)}, found


def test_a_year_run_into_its_figure_is_split_when_the_stated_change_proves_it():
    # n07 (copied from a web page that dropped "年"): "…“三公”经费394.85万元2014247.15万元相比较增长147.70万元" and
    # "1、因公出国(境)费186.42万元比201423.45万元部门决算支出增加162.97万元" — 394.85 − 247.15 = 147.70 and
    # 186.42 − 23.45 = 162.97: the figures are 2014's 247.15 and 23.45, never 2,014,247.15
    figures = _dev_figures("n07-neimenggu-wenhuating-2015-final.txt")
    assert not [r for r in figures if r.value > 1_000_000], [r.value for r in figures if r.value > 1_000_000]
    found = {(r.measure, r.value, r.period, r.base_period) for r in figures if r.value in (247.15, 23.45, 147.7, 162.97)}
    assert {("amount", 247.15, "2014", ""), ("amount", 23.45, "2014", ""),
            ("change", 147.7, "2015", "2014"), ("change", 162.97, "2015", "2014")} <= found, found
    labels = {r.label for r in figures if r.value in (23.45, 162.97)}
    assert labels == {"因公出国(境)费"}, labels


def test_a_bare_wan_closing_a_clause_is_ten_thousand_yuan():
    # "2024年度收、支总计均为1523.26万" (a 决算 web page: 万 without 元); 万人 or 万亩 stay no money
    paragraph = "2024年度收、支总计均为1523.26万。服务人口3万人,耕地2万亩。"
    found = text_records(_one_paragraph(paragraph, "(一)收入支出决算总体情况说明"), _meta(2024, "final"))
    assert [(r.label, r.value, r.unit) for r in found] == [("收、支总计", 1523.26, "万元")]


def test_a_final_larger_or_smaller_than_its_budget_is_a_change_against_the_budget():
    # "…支出總計1741.75萬元,…;完成年初預算100%,決算數大于預算數55.93萬元,主要原因:…" (a 决算 web page in
    # traditional characters): 55.93 万元 is how far the 决算 went over the budget, not a level
    paragraph = "本单位一般公共预算财政拨款支出总计1741.75万元;完成年初预算100%,决算数大于预算数55.93万元,主要原因:人员增加。"
    found = text_records(_one_paragraph(paragraph), _meta(2017, "final"))
    over = [r for r in found if r.value == 55.93]
    assert [(r.measure, r.label) for r in over] == [("change", "一般公共预算财政拨款支出总计")]
    assert over[0].base_period == "预算"
    under = text_records(_one_paragraph("项目支出100万元,决算数小于预算数20万元。"), _meta(2017, "final"))
    assert [(r.label, r.value, r.measure) for r in under if r.measure == "change"] == [("项目支出", -20, "change")]


def test_another_name_of_the_department_before_a_budget_term_is_no_part_of_the_label():
    # "交通运输厅2022年一般公共预算“三公”经费预算数为98.65万元" (department typed as 交通运输部门),
    # "2022游仙区政府办“三公”经费财政拨款预算数9万元" (a short name of 游仙区人民政府办公室)
    found = text_records(_one_paragraph("某某厅2022年一般公共预算“三公”经费预算数为98.65万元。"),
                         _meta(2022, department="某省某某部门"))
    assert [r.label for r in found] == ["一般公共预算“三公”经费"]
    short = text_records(_one_paragraph("2022某区政府办“三公”经费财政拨款预算数9万元。"),
                         _meta(2022, department="某区人民政府办公室"))
    assert [r.label for r in short] == ["“三公”经费财政拨款"]
    # a function's name is no department: "法院支出", "其他政府办公厅(室)及相关机构事务支出" keep theirs
    kept = text_records(_one_paragraph("教育支出100万元,公共安全支出20万元。"), _meta(2022, department="某某局"))
    assert [r.label for r in kept] == ["教育支出", "公共安全支出"]


def test_the_final_after_the_budget_of_one_subject_is_named_once():
    # "…“三公”经费支出预算为18万元,支出决算为6.28万元,完成预算的34.89%" (n02 of the development corpus)
    paragraph = "2019年度一般公共预算财政拨款“三公”经费支出预算为18万元,支出决算为6.28万元,完成预算的34.89%。"
    found = text_records(_one_paragraph(paragraph), _meta(2019, "final"))
    assert [(r.label, r.value) for r in found][:2] == [("一般公共预算财政拨款“三公”经费支出预算", 18),
                                                       ("一般公共预算财政拨款“三公”经费支出决算", 6.28)]


def test_a_count_printed_with_an_approximation_is_its_number():
    # n12: "开设了服装、纺织、…、陶瓷艺术等12余个专业"; "现有职工30多人" is said the same way (现有 is no
    # part of a subject, as everywhere)
    paragraph = "开设了服装、纺织、陶瓷艺术等12余个专业。现有职工30多人。"
    found = text_records(_one_paragraph(paragraph), _meta(2021, "final"))
    assert [(r.label, r.value, r.unit) for r in found] == [("专业", 12, "个"), ("职工", 30, "人")]
    # ...but money is never approximated: "100多万元" is no figure of 100 万元
    assert text_records(_one_paragraph("投入100多万元。"), _meta(2021, "final")) == []
