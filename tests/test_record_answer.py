"""Numeric questions answered from the sample's records. Expected figures are typed from the disclosure."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.compose import compose_computation
from assistant.number_text import text_states_number
from assistant.record_answer import answer_from_records
from assistant.record_index import RecordIndex
from assistant.understand import understand
from index.types import DocumentInfo
from ingest import sample_path
from ingest.document import parse_document


@pytest.fixture(scope="module")
def index() -> RecordIndex:
    document = parse_document(sample_path())
    view = DocumentInfo(document.doc_id, document.title, document.department, document.year, document.kind)
    return RecordIndex.build(list(document.records), [view])


def ask(index: RecordIndex, question: str):
    intent = understand(question, index)
    computation = answer_from_records(intent, index)
    assert computation is not None, question
    return computation, compose_computation(computation, index, intent.asserted)


@pytest.mark.parametrize("question, value, refs", [
    ("物业管理费是多少？", 231, {"表4"}),
    ("基本工资是多少？", 420, {"表4"}),
    ("津贴补贴有多少？", 1262, {"表4"}),
    ("电费多少？", 72, {"表4"}),
    ("三公经费预算多少钱？", 8, {"表8", "第五部分"}),
    ("公务接待费是多少？", 1, {"表8", "第五部分", "表4"}),
    ("请客吃饭花多少钱？", 1, {"表8", "第五部分", "表4"}),
    ("因公出国的费用是多少？", 0, {"表8", "第五部分"}),
    ("人员支出是多少？", 2315, {"第三部分", "表4"}),
    ("项目支出是多少？", 804, {"第三部分", "表5", "表3"}),
    ("基本支出是多少？", 2972, {"表3", "表4"}),
    ("政府采购预算多少？", 278, {"第四部分", "表3"}),
    ("一般公共预算拨款是多少？", 3627, {"表1", "表6", "表2"}),
    ("社会保障和就业支出是多少？", 3049, {"表1"}),
    ("社会保险经办机构的项目支出是多少？", 655, {"表7"}),
    ("社保综合管理多少钱？", 589, {"第三部分", "表5"}),
    ("罗湖社保分局今年一共有多少钱？", 3776, {"第二部分", "表1", "表3"}),
    ("2022年部门预算收入是多少？", 3776, {"第二部分", "表1"}),
    ("社保文书送达件数的目标是多少？", 3600, {"表11", "第七部分"}),
])
def test_lookup(index: RecordIndex, question: str, value: float, refs: set[str]) -> None:
    computation, answer = ask(index, question)
    assert text_states_number(answer.text, value)
    assert refs & {c.ref for c in answer.citations}


@pytest.mark.parametrize("question, value, unit, refs", [
    ("公车有几辆？", 2, "辆", {"第五部分", "第八部分"}),
    ("事业编制多少人？", 57, "人", {"第一部分"}),
    ("实有在编人数是多少？", 56, "人", {"第一部分"}),
    ("退休人员有多少？", 18, "人", {"第一部分"}),
    ("下设几个科室？", 7, "个", {"第一部分"}),
    ("单价50万元以上的通用设备有几台？", 2, "台（套）", {"第八部分"}),
    ("开设几个志愿服务岗位？", 4, "个", {"第七部分", "表11"}),
    ("有多少退休人员", 18, "人", {"第一部分"}),
    ("退休的有几个人", 18, "人", {"第一部分"}),
    ("离休人员多少", 0, "人", {"第一部分"}),
    ("有多少编制", 57, "人", {"第一部分"}),
])
def test_counts(index: RecordIndex, question: str, value: float, unit: str, refs: set[str]) -> None:
    computation, answer = ask(index, question)
    assert computation.records[0].value == value and computation.records[0].unit == unit
    assert text_states_number(answer.text, value)
    assert refs & {c.ref for c in answer.citations}


def test_money_question_still_gets_money(index: RecordIndex) -> None:
    computation, answer = ask(index, "退休费多少")
    assert computation.records[0].value == 116 and computation.records[0].unit == "万元"


@pytest.mark.parametrize("question, values", [
    ("物业管理费占比多少？", [231, 492, 47.0]),                 # 231 ÷ 492 = 47.0%
    ("项目支出占总预算的比例是多少？", [804, 3776, 21.3]),
    ("人员支出占基本支出的比例？", [2315, 2972, 77.9]),
    ("基本工资和津贴补贴合计多少？", [420, 1262, 1682]),
    ("工资福利支出比商品和服务支出多多少？", [2315, 492, 1823]),
    ("部门预算收入比2021年增加了多少？", [208]),
    ("部门预算收入增长了百分之几？", [6]),
    ("社保业务管理比去年减少了多少？", [299]),
    ("2021年部门预算收入是多少？", [3568]),                    # 3,776 − 208
    ("三公经费比去年增加了多少？", [0]),
])
def test_compute(index: RecordIndex, question: str, values: list[float]) -> None:
    _, answer = ask(index, question)
    for value in values:
        assert text_states_number(answer.text, value), (value, answer.text)


def test_share_says_how_it_was_computed(index: RecordIndex) -> None:
    _, answer = ask(index, "物业管理费占比多少？")
    assert "231 ÷ 492 = 47.0%" in answer.text


def test_list_of_parts(index: RecordIndex) -> None:
    computation, answer = ask(index, "项目支出包括哪些项目？")
    names = [p.label for p in computation.parts]
    assert names == ["社会保险业务管理", "社会保险综合管理", "信息系统建设", "预算准备金", "区财政安排项目"]
    assert answer.chart and dict(answer.chart)["社会保险综合管理"] == 589


def test_three_public_expenses_parts(index: RecordIndex) -> None:
    computation, answer = ask(index, "三公经费由哪几项组成？")
    assert sorted(p.value for p in computation.parts) == [0, 1, 7]
    assert "表8" in {c.ref for c in answer.citations}


def test_largest_part(index: RecordIndex) -> None:
    computation, answer = ask(index, "商品和服务支出中哪项最多？")
    assert computation.records[0].label == "物业管理费"
    assert "物业管理费" in answer.text and text_states_number(answer.text, 231)


def test_count_of_projects(index: RecordIndex) -> None:
    computation, answer = ask(index, "项目支出有几个项目？")
    assert computation.result == 5 and "5" in answer.text


def test_ambiguous_word_names_the_other_figure(index: RecordIndex) -> None:
    # "工资" may mean 基本工资 (420) or 工资福利支出 (2,315): answer one, name the other.
    _, answer = ask(index, "工资是多少？")
    assert text_states_number(answer.text, 420) and text_states_number(answer.text, 2315)
    assert "工资福利支出" in answer.text


def test_asserted_figure_is_not_repeated(index: RecordIndex) -> None:
    _, answer = ask(index, "听说公车有10辆？")
    assert text_states_number(answer.text, 2)
    assert not text_states_number(answer.text, 10)


def test_facts_carry_table_row_and_column(index: RecordIndex) -> None:
    _, answer = ask(index, "物业管理费是多少？")
    fact = answer.facts[0]
    assert (fact.value, fact.unit, fact.ref) == (231, "万元", "表4")
    assert fact.row == "商品和服务支出 › 物业管理费" and fact.column == "总计"


SPENDING_PARTS = {"人员支出": 2315, "公用支出": 492, "对个人和家庭的补助支出": 165, "项目支出": 804}  # 第三部分


@pytest.mark.parametrize("question", ["支出结构是怎样的？", "钱都花在哪了？", "预算支出由哪些部分组成？"])
def test_spending_breakdown_has_a_chart(index: RecordIndex, question: str) -> None:
    _, answer = ask(index, question)
    assert dict(answer.chart) == SPENDING_PARTS
    assert text_states_number(answer.text, 3776)  # the whole the parts add up to
    assert "第三部分" in {c.ref for c in answer.citations}


@pytest.mark.parametrize("question", ["收入来源有哪些？", "钱都是从哪来的？"])
def test_income_breakdown_has_a_chart(index: RecordIndex, question: str) -> None:
    _, answer = ask(index, question)
    chart = dict(answer.chart)
    assert 3627 in chart.values() and 149 in chart.values()  # 表1: 拨款 3,627, 单位资金 149
    assert 0 not in chart.values()                           # empty rows are not drawn
    assert "表1" in {c.ref for c in answer.citations}


def test_mixed_units_are_never_added(index: RecordIndex) -> None:
    _, answer = ask(index, "员工工资一共多少？")
    assert text_states_number(answer.text, 2315) and text_states_number(answer.text, 420)
    assert not text_states_number(answer.text, 476)  # 56 人 + 420 万元 is no figure


@pytest.mark.parametrize("question, values", [
    ("社保综合管理包括哪些工作？", [546, 6, 10, 17]),   # 第三部分: the parts its sentence lists
    ("住房保障支出包括哪些？", [236, 414]),            # through 住房改革支出, its only child
    ("绩效目标里的数量指标有哪些？", [1, 21, 3600, 8, 4]),  # 表11 rows grouped under 数量指标
    ("水电费一共多少？", [8, 72, 80]),                 # 水费 + 电费
])
def test_parts_and_sums(index: RecordIndex, question: str, values: list[float]) -> None:
    _, answer = ask(index, question)
    for value in values:
        assert text_states_number(answer.text, value), (value, answer.text)


def test_share_never_divides_different_units(index: RecordIndex) -> None:
    _, answer = ask(index, "车子的钱占三公经费多少？")   # 表8: 公务用车购置及运行维护费 7 ÷ 总计 8
    assert text_states_number(answer.text, 87.5)
    assert not text_states_number(answer.text, 25.0)  # 2 辆 ÷ 8 万元


def test_alternative_is_never_an_empty_column(index: RecordIndex) -> None:
    _, answer = ask(index, "人头费多少？")   # 人员支出 2,315 = 工资福利支出 2,315: nothing else to name
    assert text_states_number(answer.text, 2315)
    assert "0万元" not in answer.text


# A budget whose 财政拨款收支总表 prints 一般公共预算拨款 1,850.40 and 政府性基金预算拨款 200.00 on its
# 收入 side, 本年收入合计 2,050.40 and 本年支出合计 2,050.40: 财政拨款收入 is the side's total, not one
# of its lines, and the label printed in other documents' tables ("财政拨款收入") must find it.
FUNDS_TABLE = Path(__file__).parent / "fixtures" / "final_accounts" / "xihu-culture-2024-budget.txt"


@pytest.mark.parametrize(("question", "value"), [("财政拨款收入是多少？", 2050.40), ("财政拨款支出是多少？", 2050.40)])
def test_a_two_sided_tables_side_total_goes_by_its_funds(question: str, value: float) -> None:
    document = parse_document(FUNDS_TABLE)
    view = DocumentInfo(document.doc_id, document.title, document.department, document.year, document.kind)
    index = RecordIndex.build(list(document.records), [view])
    computation, answer = ask(index, question)
    assert text_states_number(answer.text, value), answer.text
    assert computation.records[0].table_title == "财政拨款收支总表"


# Real excerpts of the development corpus; each figure below is read from the sentence quoted.
DEV_TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


REAL_PDF = Path(__file__).parent / "fixtures" / "real_pdf"


def _beside_the_sample(name: str, question: str):
    """The computation answering `question` of a development excerpt loaded beside the sample (whose
    labels the excerpt may not print)."""
    index, (doc, _) = _dev_index(DEV_TEXTS / name, sample_path())
    return answer_from_records(understand(question, index, (doc,)), index)


def _dev_index(*paths: Path) -> tuple[RecordIndex, list[str]]:
    """The records of `paths` together: labels printed in one document are known when asking another."""
    documents = [parse_document(path) for path in paths]
    views = [DocumentInfo(d.doc_id, d.title, d.department, d.year, d.kind) for d in documents]
    return RecordIndex.build([r for d in documents for r in d.records], views), [d.doc_id for d in documents]


@pytest.mark.parametrize(("question", "value"), [
    # "(三)公务接待费支出预算240万元,比2023年预算减少10万元": 240 + 10.
    ("2023年公务接待费预算多少？", 250),
    # "…2024年一般公共预算“三公”经费支出预算为328.7万元,比2023年预算减少17.3万元": 328.7 + 17.3.
    ("2023年“三公”经费预算是多少？", 346),
])
def test_last_years_figure_follows_from_a_sentence_labelled_with_funds_and_stage(question: str, value: float):
    # The sample, loaded too, prints 公务接待费 and 三公经费 as labels; this excerpt does not.
    index, (doc, _) = _dev_index(DEV_TEXTS / "g04-wanjiang-jiangnan-jizhongqu-2024-budget.txt", sample_path())
    intent = understand(question, index, (doc,))
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.operation == "derived", question
    assert computation.result == pytest.approx(value)


def test_the_stage_the_question_says_picks_the_figure():
    # "“三公”经费财政拨款支出决算为17.06万元,完成预算27万元的63.2%": 预算 27, 决算 17.06.
    index, (doc, _) = _dev_index(DEV_TEXTS / "s04-qingyuan-shengtaihuanjing-2019-final.txt", sample_path())
    for question, value in (("三公经费的预算是多少？", 27), ("三公经费决算是多少？", 17.06)):
        computation = answer_from_records(understand(question, index, (doc,)), index)
        assert computation is not None and computation.records[0].value == pytest.approx(value), question
        assert "决算决算" not in compose_computation(computation, index, ()).text


def test_a_label_of_another_document_means_this_documents_own_wording():
    # The 2025 budget PDF prints "政府性基金拨款"; the excerpt says "政府性基金预算财政拨款收入0万元".
    index, (excerpt, _) = _dev_index(DEV_TEXTS / "g05-qiyang-wuxi-jiaoyu-2024-budget.txt",
                                     REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf")
    intent = understand("政府性基金拨款有多少？", index, (excerpt,))
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.records[0].doc_id == excerpt
    assert computation.records[0].value == 0 and "政府性基金" in computation.records[0].label


def test_what_was_actually_spent_is_the_final_accounts_figure():
    # "…“三公”經費支出預算為18萬元,支出決算為6.28萬元…" (a 决算 in traditional characters).
    index, (doc, _) = _dev_index(DEV_TEXTS / "n02-chizhou-jiuhuashan-zongjiaoju-2019-final.txt", sample_path())
    for question, value in (("“三公”经费实际花了多少？", 6.28), ("“三公”经费年初预算是多少？", 18)):
        computation = answer_from_records(understand(question, index, (doc,)), index)
        assert computation is not None and computation.records[0].value == pytest.approx(value), question


@pytest.mark.parametrize(("question", "value"), [("基本支出是多少？", 101341746), ("项目支出是多少？", 88425805)])
def test_a_total_row_is_named_by_its_column(question: str, value: float):
    # The 2025 budget's 部门支出预算总表 prints "合计 189,767,551 101,341,746 88,425,805" under
    # 合计 | 基本支出 | 项目支出 (元).
    index, (doc,) = _dev_index(REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf")
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None and computation.records[0].value == value, question


def test_a_side_named_alone_is_that_sides_total():
    # "(一)2019年支出决算42988092.80元,上年支出决算38583631.25元,与上年相比增11.41%"
    computation = _beside_the_sample("n05-xiaoyi-diliuzhongxue-2019-final.txt", "支出比上年增长了百分之几？")
    assert computation is not None and computation.operation == "growth_rate"
    assert computation.records[0].value == pytest.approx(11.41)


def test_a_figure_under_its_own_heading_beats_a_passing_mention():
    # The excerpt opens mid-sentence with "…19816.81 元,项目支出 0元。" (an item's part) and later
    # prints the heading "2. 项目支出 469500 元,占一般公共预算支出的 19.62%,…".
    computation = _beside_the_sample("g10-guangxi-unit-2024-budget.txt", "项目支出是多少？")
    assert computation is not None and computation.records[0].value == 469500


def test_an_everyday_name_of_a_function_class_finds_it():
    # The township budget's 收支总表 prints "二十、住房保障支出 39.65" (万元).
    computation = _beside_the_sample("g01-pingshan-xiakou-caizhengsuo-2025-budget.txt", "住房方面安排了多少钱？")
    assert computation is not None and computation.records[0].value == pytest.approx(39.65)


@pytest.mark.parametrize(("name", "question", "operation", "value"), [
    # The two sides named alone are their totals.
    # "209年收入决算43187160.08元" (a misprinted year) and "(一)2019年支出决算42988092.80元".
    ("n05-xiaoyi-diliuzhongxue-2019-final.txt", "2019年收入比支出多出多少？", "difference", 199067.28),
    # "2018年度决算总收入1244.27万元,比2017年度决算总收入1058.51万元…"; "2018年度总支出1095.67万元…".
    ("n04-xinzhou-dierxiaoxue-2018-final.txt", "2018年总收入比总支出多多少？", "difference", 148.6),
    # One count per unit of another.
    # "…在职教职工人数501人,义务教育学生10674人,…": 10,674 ÷ 501 = 21.3
    ("g05-qiyang-wuxi-jiaoyu-2024-budget.txt", "平均一个在职教职工对应多少义务教育学生？", "per_unit", 21.3),
    # "…现有教职工356人,在校生3771人。": 3,771 ÷ 356 = 10.6
    ("n12-zibo-ligongxuexiao-2021-final.txt", "平均每个教职工对应多少名学生？", "per_unit", 10.6),
])
def test_a_computation_over_two_printed_figures(name: str, question: str, operation: str, value: float):
    computation = _beside_the_sample(name, question)
    assert computation is not None and computation.operation == operation, question
    assert computation.result == pytest.approx(value)


def test_the_whole_of_a_share_may_be_said_first():
    # "2018年度政府采购总额45.24万元,其中:货物13.99万元,工程31.25万元。": 31.25 ÷ 45.24 = 69.1 %.
    computation = _beside_the_sample("n04-xinzhou-dierxiaoxue-2018-final.txt", "政府采购里工程占多大比例？")
    assert computation is not None and computation.operation == "share"
    assert round(computation.result, 1) == 69.1


@pytest.mark.parametrize(("name", "question", "value"), [
    # "(一)2019年支出决算42988092.80元,…" — the only 支出 total this 决算 prints.
    ("n05-xiaoyi-diliuzhongxue-2019-final.txt", "学校2019年一共花了多少钱？", 42988092.80),
    # The 三公 table's 公务接待费 决算 26.4 beside its 年初预算 35; "(二)公务接待经费支出26.4万元".
    ("n03-xuancheng-ningguo-chengguanju-2016-final.txt", "一年请客吃饭花了多少钱？", 26.4),
])
def test_what_was_spent_is_the_spending_side_and_stage(name: str, question: str, value: float):
    computation = _beside_the_sample(name, question)
    assert computation is not None and computation.records[0].value == pytest.approx(value), question


def test_a_sides_change_is_found_under_any_name_of_its_total():
    # "2024年本部门收入预算7018.511万元,…。收入较上年增加2042.519万元,增加30.14%,…"
    computation = _beside_the_sample("g05-qiyang-wuxi-jiaoyu-2024-budget.txt", "收入比上年增长了百分之几？")
    assert computation is not None and computation.records[0].value == pytest.approx(30.14)


def test_this_years_total_is_what_a_sentence_calls_it_without_this_year():
    # "…;本年收入合计4170.87万元,较2019年增加2159.45万元,增长107.36%": 4170.87 − 2159.45 = 2011.42.
    computation = _beside_the_sample("n06-nanchang-anyi-changjunxuexiao-2020-final.txt", "2019年的本年收入合计是多少？")
    assert computation is not None and computation.operation == "derived"
    assert computation.result == pytest.approx(2011.42)


def test_a_change_not_printed_is_said_in_the_documents_own_stage_and_year():
    # A 2019 决算 excerpt that compares its 三公 决算 with the budget, never with 2018.
    from assistant.refusals import period_not_found

    index, (doc, _) = _dev_index(DEV_TEXTS / "s04-qingyuan-shengtaihuanjing-2019-final.txt", sample_path())
    intent = understand("三公经费比上年增加了多少？", index, (doc,))
    assert answer_from_records(intent, index) is None
    text = period_not_found(intent, tuple(d for d in index.documents if d.doc_id == doc)).text
    assert "2019年的决算数" in text and "预算数" not in text


def test_an_earlier_years_figure_is_never_a_change_less_itself():
    # "与2023年相比,收、支总计各增加2,963,406.12万元": the excerpt prints no 收、支总计 level of
    # its own (only 收入总计 and 支出总计), so 2023 cannot be derived — and is never 0.
    computation = _beside_the_sample("g12-zhongyang-jiaoyubu-2024-final.txt", "2023年收支总计是多少？")
    assert computation is None or computation.result != pytest.approx(0)
    assert computation is None or computation.records[0].measure in ("amount", "count")


def test_a_vehicle_count_is_what_is_held_not_what_was_bought():
    # "2019年公务用车购置数0辆" and "2019年局机关公务用车保有量为2辆": 有几辆 asks what is held.
    computation = _beside_the_sample("s04-qingyuan-shengtaihuanjing-2019-final.txt", "局里有几辆公车？")
    assert computation is not None and computation.records[0].value == pytest.approx(2)
    assert computation.records[0].unit == "辆"


def test_a_printed_word_also_means_what_the_synonym_file_gives_it():
    # The sample prints 公车 as a label; this 决算 says "…共有车辆0辆" and never 公车.
    index, (doc, _) = _dev_index(REAL_PDF / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", sample_path())
    computation = answer_from_records(understand("他们有几辆公车？", index, (doc,)), index)
    assert computation is not None and computation.records[0].unit == "辆"
    assert computation.records[0].value == 0 and computation.records[0].label == "车辆"


def test_a_change_follows_the_figure_under_its_funds_and_a_years_pair_in_the_text():
    # "2016年“三公”经费财政拨款预算1.70万元,比2015年预算减少1.03万元。"
    computation = _beside_the_sample("n01-tianjin-xiqing-shenpiju-2016-budget.txt", "2016年“三公”经费比2015年少了多少？")
    assert computation is not None and computation.operation == "change"
    assert computation.records[0].value == pytest.approx(-1.03)
    computation = _beside_the_sample("n01-tianjin-xiqing-shenpiju-2016-budget.txt", "2016年“三公”经费预算多少？")
    assert computation is not None and computation.records[0].value == pytest.approx(1.7)
    # "公务接待费2016年预算8万元,2015年预算12.5万元;…" (its stated change read as 2016's too)
    computation = _beside_the_sample("s06-yingde-jingxin-2016-budget.txt", "公务接待费和2015年比减少了多少？")
    assert computation is not None and computation.operation == "change"
    assert computation.records[0].value == pytest.approx(-4.35)


def test_a_linked_phrase_means_the_documents_own_label_when_it_prints_one():
    # "本部门2020年年末实有人数151人,其中在职人员100人,离休人员0人,退休人员51人": 51 ÷ 151
    computation = _beside_the_sample("n06-nanchang-anyi-changjunxuexiao-2020-final.txt",
                                     "退休人员占年末实有人数的比例是多少？")
    assert computation is not None and computation.operation == "share"
    assert computation.result == pytest.approx(33.77, abs=0.01)


@pytest.mark.parametrize(("name", "question", "value"), [
    # 部门预算公开表: 本年支出合计 690.36, 本年收入合计 675.82 (收支总计 balance at 690.36).
    ("g01-pingshan-xiakou-caizhengsuo-2025-budget.txt", "今年打算花的钱比今年的收入多出多少？", 14.54),
    # "2022年本年支出合计4143.91万元…", "2022年本年收入合计4125.49万元…" (a 决算 text).
    ("s12-sichuan-unit-2022-final.txt", "今年花的比收的多了多少？", 18.42),
    # "本年支出合计43,665,710.31万元", "本年收入合计42,828,112.97万元"; 收入总计 = 支出总计.
    ("g12-zhongyang-jiaoyubu-2024-final.txt", "2024年本年支出比本年收入多出多少？", 837597.34),
    # "财政拨款收入9538991.44元", "上年结转1837600元": 比 compares two figures, not two years.
    ("g07-dazhu-yongsheng-2024-budget.txt", "财政拨款收入比上年结转多多少？", 7701391.44),
])
def test_one_figure_compared_with_another_is_their_difference(name: str, question: str, value: float):
    index, (doc, _) = _dev_index(DEV_TEXTS / name, sample_path())
    intent = understand(question, index, (doc,))
    assert intent.refusal == "" and intent.operation == "difference", question
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.result == pytest.approx(value), question


def test_a_difference_of_two_sentences_quotes_both():
    # Both figures come from one 前言, each from its own sentence: the citation shows both.
    index, (doc, _) = _dev_index(DEV_TEXTS / "g12-zhongyang-jiaoyubu-2024-final.txt", sample_path())
    intent = understand("2024年本年支出比本年收入多出多少？", index, (doc,))
    answer = compose_computation(answer_from_records(intent, index), index, ())
    quotes = " ".join(c.quote for c in answer.citations)
    assert "本年支出合计" in quotes and "本年收入合计" in quotes


@pytest.mark.parametrize(("name", "question", "value"), [
    # "…“三公”经费支出预算为18万元,支出决算为6.28万元…" (traditional characters in the source).
    ("n02-chizhou-jiuhuashan-zongjiaoju-2019-final.txt", "“三公”经费比预算少花了多少？", -11.72),
    # The 三公 table's 合 计 row: 预算数 77.00, 决算数 68.30; the text gives only "完成年初预算的88.7%".
    ("n03-xuancheng-ningguo-chengguanju-2016-final.txt", "“三公”经费比年初预算省了多少？", -8.7),
    # "“三公”经费财政拨款支出决算为17.06万元,完成预算27万元的63.2%".
    ("s04-qingyuan-shengtaihuanjing-2019-final.txt", "三公经费比预算少花了多少？", -9.94),
    # "高等教育(项)年初预算为10,623,328.45万元,支出决算为11,708,985.36万元".
    ("g12-zhongyang-jiaoyubu-2024-final.txt", "高等教育实际花的比年初预算多了多少？", 1085656.91),
])
def test_a_final_figure_compared_with_its_budget(name: str, question: str, value: float):
    index, (doc, _) = _dev_index(DEV_TEXTS / name, sample_path())
    intent = understand(question, index, (doc,))
    assert intent.operation == "difference" and len(intent.mentions) == 1, question
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.result == pytest.approx(value), question
    assert "决算" in compose_computation(computation, index, ()).text


def test_a_three_public_item_printed_as_jingfei_is_the_same_item():
    # "(二)公务接待经费支出26.4万元,与2015年度决算相比,减少9.6万元": 2015's 公务接待费 is 26.4 + 9.6.
    index, (doc, _) = _dev_index(DEV_TEXTS / "n03-xuancheng-ningguo-chengguanju-2016-final.txt", sample_path())
    computation = answer_from_records(understand("2015年的公务接待费决算是多少？", index, (doc,)), index)
    assert computation is not None and computation.operation == "derived"
    assert computation.result == pytest.approx(36)


@pytest.mark.parametrize(("name", "question", "values"), [
    # "本部门2020年年末实有人数151人,其中在职人员100人,离休人员0人,退休人员51人".
    ("n06-nanchang-anyi-changjunxuexiao-2020-final.txt", "在职和退休的各有多少人？", [100, 51]),
    # "全局现有在职人员246人,离退休人员85人。"
    ("s03-nanxian-zhujian-2018-final.txt", "在职的和离退休的加起来一共多少人？", [246, 85, 331]),
    # "在职人员81人" (a 决算's 单位概况).
    ("s17-quxian-nongji-2024-final.txt", "农技中心有多少在职的人？", [81]),
])
def test_people_named_by_their_status(name: str, question: str, values: list[float]):
    index, (doc, _) = _dev_index(DEV_TEXTS / name, sample_path())
    intent = understand(question, index, (doc,))
    computation = answer_from_records(intent, index)
    assert computation is not None, question
    text = compose_computation(computation, index, ()).text
    assert all(text_states_number(text, value) for value in values), text


@pytest.mark.parametrize(("name", "question", "value"), [
    # "2024年支出预算11376591.44元。其中:一般公共服务支出3619421元,占31.81%;…"
    ("g07-dazhu-yongsheng-2024-budget.txt", "除了一般公共服务支出，其余支出加起来多少？", 7757170.44),
    # "…其中本年支出480.71万元…", "1.社会保障和就业支出467.99万元" (其他支出 is the rest, not a row).
    ("s08-guangxi-junxiu-2021-final.txt", "本年支出里除了社会保障和就业支出，其他支出一共多少？", 12.72),
])
def test_the_rest_of_a_whole_is_the_whole_less_what_is_left_out(name: str, question: str, value: float):
    index, (doc, _) = _dev_index(DEV_TEXTS / name, sample_path())
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None and computation.operation == "rest", question
    assert computation.result == pytest.approx(value)
    assert "计算：" in compose_computation(computation, index, ()).text


@pytest.mark.parametrize(("name", "question", "values"), [
    # 部门预算公开表 (no standard title): 一般公共服务支出 516.39 … 住房保障支出 39.65 (万元).
    ("g01-pingshan-xiakou-caizhengsuo-2025-budget.txt", "这些钱都花在哪几类上，各多少？",
     [516.39, 98.25, 21.53, 14.54, 39.65]),
    # "(一)文化旅游体育与传媒支出类科目850088.3元,…(四)住房保障支出类科目74784.48元" (they add up to
    # 一般公共预算支出 1085203.63元, which the answer names).
    ("g09-guangxi-wenlv-unit-2025-budget.txt", "一般公共预算支出按功能分成哪几类，各多少？",
     [1085203.63, 850088.3, 116433.12, 43897.73, 74784.48]),
    # "一般公共预算的钱花在了哪些方面？": 社会保障和就业支出 67.64, 卫生健康支出 1196.48, 农林水支出 0.8.
    ("s14-sichuan-baojianyuan-2020-final.txt", "一般公共预算的钱花在了哪些方面？", [67.64, 1196.48, 0.8]),
])
def test_spending_by_function_class(name: str, question: str, values: list[float]):
    index, (doc, _) = _dev_index(DEV_TEXTS / name, sample_path())
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None and computation.operation == "list", question
    text = compose_computation(computation, index, ()).text
    assert all(text_states_number(text, value) for value in values), text


def test_a_named_figures_own_parts_beat_all_spending():
    # 支出决算表: 住房保障支出 29.42 = 住房公积金 17.70 + 购房补贴 11.72.
    index, (doc,) = _dev_index(REAL_PDF / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf")
    computation = answer_from_records(understand("住房方面的钱分别花在了哪几项上？", index, (doc,)), index)
    assert computation is not None
    assert sorted(p.value for p in computation.parts) == [11.72, 17.7]


def test_a_share_of_the_spending_budget_is_of_the_spending_total():
    # 2025年部门支出预算总表: 合计 189,767,551, 项目支出 88,425,805 (元); no label says 支出预算.
    index, (doc,) = _dev_index(REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf")
    intent = understand("项目支出占支出预算的比例是多少？", index, (doc,))
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.operation == "share"
    assert computation.result == pytest.approx(46.6, abs=0.05)


@pytest.mark.parametrize(("question", "value"), [
    # "（二）公务用车购置及运行费36.56万元" of a 三公 total of 37.91万元: 36.56 ÷ 37.91.
    ("三公经费里用车的钱占了多大比例？", 96.4),
])
def test_the_car_share_of_three_public_is_purchase_and_running_together(question: str, value: float):
    index, (doc,) = _dev_index(REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf")
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None and computation.result == pytest.approx(value, abs=0.05)
    # buying a car is the purchase alone: "其中：公务用车购置费15万元"
    bought = answer_from_records(understand("买车的钱是多少？", index, (doc,)), index)
    assert bought is not None and bought.records[0].value == 15


def test_a_short_name_of_the_car_item_is_purchase_and_running():
    # "公务用车购置及运行费87.15万元(其中,公务用车购置费0万元,公务用车运行费87.15万元)"; 三公 98.65万元.
    index, (doc, _) = _dev_index(DEV_TEXTS / "s10-hainan-jiaotong-2022-budget.txt", sample_path())
    computation = answer_from_records(understand("公务用车费占三公经费预算的比例是多少？", index, (doc,)), index)
    assert computation is not None and computation.result == pytest.approx(88.3, abs=0.05)


@pytest.mark.parametrize(("name", "question", "value"), [
    # "…其中:财政拨款收入9538991.44元…" (永胜镇 is the department itself, not another one).
    ("g07-dazhu-yongsheng-2024-budget.txt", "今年财政新拨给永胜镇的钱有多少？", 9538991.44),
    # "2017年度,本单位收入为1687.45万元,其中:财政拨款收入1516.64万元".
    ("s19-tianshui-youeryuan-2017-final.txt", "财政给幼儿园拨了多少钱？", 1516.64),
    # 收入支出决算总表: 一般公共预算财政拨款收入 440.55.
    ("s01-nanzhang-zhaoshang-2019-final.txt", "2019年财政一般预算拨了多少钱？", 440.55),
    # "上年结转1837600元": money carried from last year is this year's figure, not last year's.
    ("g07-dazhu-yongsheng-2024-budget.txt", "上年没花完结转过来多少？", 1837600),
    # 部门预算公开表: 上年结转结余 14.54.
    ("g01-pingshan-xiakou-caizhengsuo-2025-budget.txt", "去年没花完结转过来的钱有多少？", 14.54),
])
def test_what_the_treasury_gives_and_what_was_carried_over(name: str, question: str, value: float):
    index, (doc, _) = _dev_index(DEV_TEXTS / name, sample_path())
    intent = understand(question, index, (doc,))
    assert intent.refusal == "" and intent.period == "", question
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.records[0].value == pytest.approx(value), question


def test_a_share_the_sentence_states():
    # "其中:财政拨款收入832.82万元,占100.00%;事业收入0.00万元,…" (no 收入总计 label printed).
    index, (doc, _) = _dev_index(DEV_TEXTS / "g06-yongchuan-nongji-2024-final.txt", sample_path())
    computation = answer_from_records(understand("收入里财政给的钱占多大比例？", index, (doc,)), index)
    assert computation is not None and computation.records[0].value == 100
    assert computation.records[0].unit == "%"


def test_a_falling_rate_is_the_stated_rate():
    # "公务接待费…减少4.35万元,下降35.22%" (a 2016 budget's 三公 comparison).
    index, (doc, _) = _dev_index(DEV_TEXTS / "s06-yingde-jingxin-2016-budget.txt", sample_path())
    computation = answer_from_records(understand("公务接待费减少率是多少？", index, (doc,)), index)
    assert computation is not None and computation.operation == "growth_rate"
    assert any(r.value == pytest.approx(-35.22) or r.value == pytest.approx(35.22) for r in computation.records)


def test_a_change_stated_of_income_and_spending_together_is_each_sides_change():
    # "收入支出總體與上年相比,增加58.21萬元,增長15.46%": the joint subject names both totals.
    computation = _beside_the_sample("g03-wulumuqi-zhengwufuwu-2023-final.txt", "支出总计比上年多了多少钱？")
    assert computation is not None and computation.records[0].value == pytest.approx(58.21)
    computation = _beside_the_sample("g03-wulumuqi-zhengwufuwu-2023-final.txt", "收入总计比上年增长了百分之几？")
    assert computation is not None and computation.records[0].value == pytest.approx(15.46)


def test_a_colloquial_word_the_document_prints_as_a_label_is_that_label():
    # "2024年本部门收入预算7018.511万元,…。收入较上年增加2042.519万元": 2023 = 7018.511 − 2042.519.
    computation = _beside_the_sample("g05-qiyang-wuxi-jiaoyu-2024-budget.txt", "2023年的收入是多少？")
    assert computation is not None and computation.result == pytest.approx(4975.992)


@pytest.fixture(scope="module")
def street_budget_2024() -> tuple[RecordIndex, str]:
    index, (doc,) = _dev_index(REAL_PDF / "上海市普陀区人民政府万里街道办事处24年预算.pdf")
    return index, doc


@pytest.mark.parametrize(("question", "value"), [
    # page 6 of the PDF: "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，…" under
    # "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元"
    ("专项普查活动2023年预算执行数是多少？", 60.13),
    # page 8: "2023年当年预算执行数为389.59万元，2024年预算安排421.23万元，比2023年预算执行数增加8.12%。"
    ("公益性岗位补贴比2023年预算执行数增长了百分之几？", 8.12),
])
def test_a_budget_printing_last_years_execution_answers_it_by_the_items_name(street_budget_2024, question, value):
    index, doc = street_budget_2024
    intent = understand(question, index, (doc,))
    assert intent.refusal == "", question
    computation = answer_from_records(intent, index)
    assert computation is not None, question
    assert (computation.result if computation.result is not None else computation.records[0].value) == pytest.approx(value)


@pytest.mark.parametrize("question", ["2024年决算支出是多少？", "今年实际支出了多少？"])
def test_a_budget_never_holds_its_own_years_execution(street_budget_2024, question):
    index, doc = street_budget_2024
    assert understand(question, index, (doc,)).refusal == "final_accounts"


@pytest.mark.parametrize("name, question, value", [
    # "现有人数10人其中:在职编制5人;离退休0人。"
    ("s02-yueyang-jingkaiqu-xuanchuan-2018-budget.txt", "宣传部现在有几个人？", 10),
    # "本部门2020年年末实有人数151人,其中在职人员100人,离休人员0人,退休人员51人;…年末学生人数929人。"
    ("n06-nanchang-anyi-changjunxuexiao-2020-final.txt", "学校年底一共有多少人？", 151),
])
def test_how_many_people_the_unit_has_is_its_headcount(name: str, question: str, value: float):
    index, (doc,) = _dev_index(DEV_TEXTS / name)  # alone: the sample's labels must not make it in scope
    intent = understand(question, index, (doc,))
    assert intent.refusal == ""
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.records[0].value == pytest.approx(value)
    assert computation.records[0].unit == "人"


@pytest.mark.parametrize(("question", "value", "unit"), [
    # "| 满意度指标 | 服务对象满意度指标 | 人民群众满意度 | ≥ | 95 | % | 10 | 正向指标 |": the target is
    # 95 %, its 权重 10 分 is no answer to what the target is
    ("群众满意度目标定的是多少？", 95, "%"),
    # "| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10": 11 个, not the 权重 10
    ("马踏镇有几个行政村？", 11, "个"),
    # "| 产出指标 | 数量指标 | 村组干部230人 | ≥ | 230 | 个 | 10 |": the indicator's name says 230 人
    ("村组干部有多少人？", 230, "个"),
])
def test_a_performance_target_is_its_value_not_its_weight(question: str, value: float, unit: str):
    index, (doc,) = _dev_index(DEV_TEXTS / "g08-jingyan-mata-2023-budget.txt")
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None, question
    chosen = computation.records[0]
    assert (chosen.value, chosen.unit, chosen.column_path) == (value, unit, ("指标值",)), question


def test_one_figure_naming_everything_asked_beats_the_heads_own_figure():
    # 2025 street-office budget, page 27: "2025年本部门面向中小企业预留政府采购项目预算金额1928.48万元，…"
    index, (doc,) = _dev_index(REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf")
    computation = answer_from_records(understand("给中小企业预留了多少政府采购份额？", index, (doc,)), index)
    assert computation is not None and computation.records[0].value == pytest.approx(1928.48)


def test_a_count_asked_of_a_word_short_for_money_is_the_label_counting_it():
    # "…国内公务接待共139批次(其中外事接待0批次),1205人次(其中外事接待0人次)…" (traditional characters)
    index, (doc,) = _dev_index(DEV_TEXTS / "n02-chizhou-jiuhuashan-zongjiaoju-2019-final.txt")
    computation = answer_from_records(understand("公务接待一共来了多少人次？", index, (doc,)), index)
    assert computation is not None
    assert (computation.records[0].value, computation.records[0].unit) == (1205, "人次")


def test_a_whole_the_templates_define_as_a_sum_is_added_up_when_only_its_parts_are_printed():
    # "2015年因公出国(境)费0万元" / "2015年公务接待费9.95万元" / "2015年公务用车购置及运行维护费共计13.01万元":
    # the township's 三公 explanation never prints the total; 0 + 9.95 + 13.01 = 22.96
    index, (doc,) = _dev_index(DEV_TEXTS / "s16-jintang-guancang-2015-final.txt")
    computation = answer_from_records(understand("2015年三公经费一共花了多少？", index, (doc,)), index)
    assert computation is not None and computation.operation == "composite"
    assert computation.result == pytest.approx(22.96)


def test_the_departments_own_name_is_no_label_in_its_question():
    # "教育部2024年度本年收入合計42,828,112.97萬元…本年支出合計43,665,710.31萬元": the 教育 of 教育部 is
    # no 教育支出 row; 43,665,710.31 − 42,828,112.97 = 837,597.34
    index, (doc,) = _dev_index(DEV_TEXTS / "g12-zhongyang-jiaoyubu-2024-final.txt")
    computation = answer_from_records(understand("教育部2024年本年支出比本年收入多出多少？", index, (doc,)), index)
    assert computation is not None and computation.result == pytest.approx(837597.34)


def test_last_years_figure_is_derived_in_one_unit():
    # 2025 street-office budget: the tables print 财政拨款收入 189,767,551 (元); the text "财政拨款收入
    # 18,976.76万元，比2024年预算增加3,355.65万元". 2024: 18,976.76 − 3,355.65 = 15,621.11 万元, never
    # 189,767,551 − 3,355.65.
    index, (doc,) = _dev_index(REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf")
    computation = answer_from_records(understand("去年的财政拨款收入预算是多少？", index, (doc,)), index)
    assert computation is not None and computation.result_unit == "万元"
    assert computation.result == pytest.approx(15621.11)


def test_a_stated_rate_is_answered_with_its_stated_change():
    # 社会工作部 2024 决算, page 17: "…2024年度收入支出总计307.82万元。与 2023 年度相比，收入支出总计增加
    # 307.82 万元，增长100.00%。" — a rate (in %) keeps its change (in 万元) as companion
    index, (doc,) = _dev_index(REAL_PDF / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf")
    computation = answer_from_records(understand("跟2023年比，收支总计增加了多少，增长了多少？", index, (doc,)), index)
    assert computation is not None
    assert {307.82, 100.0} <= {r.value for r in computation.records}, computation.records


@pytest.mark.parametrize("name, question, value", [
    # "…公民办幼儿园(含普惠园)18所,在职教职工人数501人,义务教育学生10674人,学前教育幼儿人数2991人。"
    ("g05-qiyang-wuxi-jiaoyu-2024-budget.txt", "上幼儿园的小朋友有多少？", 2991),
    # "在園幼兒915名" (traditional characters)
    ("s19-tianshui-youeryuan-2017-final.txt", "幼儿园里有多少个孩子？", 915),
])
def test_children_are_the_kindergartens_pupils_not_its_kindergartens(name: str, question: str, value: float):
    index, (doc,) = _dev_index(DEV_TEXTS / name)
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None and computation.records[0].value == pytest.approx(value)


def test_a_total_is_cited_with_the_sentence_stating_it_in_its_own_unit():
    # The 2025 budget PDF: its 收支总表 prints 支出总计 189,767,551 (元); its 编制说明 says "支出预算
    # 18,976.76万元" — the same total, which a person quoting the figure cites too
    index, (doc,) = _dev_index(REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf")
    computation = answer_from_records(understand("今年一共能花多少钱？", index, (doc,)), index)
    assert computation is not None and computation.records[0].value == 189767551
    stated = [r for r in computation.corroborating if r.source == "text"]
    assert stated and stated[0].value == 18976.76 and stated[0].unit == "万元", computation.corroborating


def test_a_share_of_a_stage_is_of_the_same_items_figure_at_that_stage():
    # The 社会工作部 决算 PDF: "…事业运行（项）。…全年预算为17.68万元，支出决算为11.31万元。" (no rate printed;
    # 行政运行's 全年预算 is 52.00万元): "全年预算完成了百分之几" is 11.31 ÷ 17.68 = 64.0 %
    index, (doc,) = _dev_index(next(REAL_PDF.glob("中共*决算.pdf")))
    computation = answer_from_records(understand("事业运行这项全年预算完成了百分之几？", index, (doc,)), index)
    assert computation is not None and computation.operation == "share"
    assert computation.records[1].value == 17.68 and computation.result == pytest.approx(64.0, abs=0.05)


def test_a_question_about_what_was_carried_out_is_about_the_budget():
    # The 2024 budget PDF's 编制说明 on 专项普查活动: "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元":
    # "实际执行了多少" asks a budget's 执行数, never something unrelated to the disclosure
    index, (doc,) = _dev_index(next(REAL_PDF.glob("*24年预算.pdf")))
    assert understand("统计普查去年实际执行了多少？", index, (doc,)).refusal != "no_domain"


def test_a_short_label_inside_a_longer_one_said_in_part_is_not_linked_alone():
    # s19: "核定人員編制71人,實際正式教職工62人,…退休職工28人。" — "正式教职工" is 实际正式教职工, not 职工
    # (退休职工) with "正式教" left over: 71 − 62 = 9
    index, (doc,) = _dev_index(DEV_TEXTS / "s19-tianshui-youeryuan-2017-final.txt")
    computation = answer_from_records(understand("正式教职工比编制少几个人？", index, (doc,)), index)
    assert computation is not None and abs(computation.result) == 9, computation


def test_what_remains_after_taking_away_named_parts():
    # s03: "行政事业总编制为249个,其中行政编13个、全额事业编45个、差额…" → 249 − 13 − 45 = 191
    index, (doc,) = _dev_index(DEV_TEXTS / "s03-nanxian-zhujian-2018-final.txt")
    computation = answer_from_records(understand("总编制减去行政编和全额事业编，还剩多少个编制？", index, (doc,)), index)
    assert computation is not None and computation.result == 191, computation


def test_a_stage_comparison_naming_no_figure_is_of_the_spending_the_text_states_both_stages_of():
    # The 社会工作部 决算 PDF (its tables print 决算 only): "一般公共预算财政拨款支出年初预算为0万元，全年预算为
    # 321.02万元，支出决算为307.82万元" → 321.02 − 307.82 = 13.2
    index, (doc,) = _dev_index(next(REAL_PDF.glob("中共*决算.pdf")))
    computation = answer_from_records(understand("全年预算和实际花掉的钱差了多少？", index, (doc,)), index)
    assert computation is not None and abs(computation.result) == pytest.approx(13.2), computation


def test_a_share_the_document_states_is_answered_as_stated():
    # The 社会工作部 决算 PDF: "一般公共预算财政拨款支出307.82万元，主要用于以下方面：…住房保障支出（类）29.42万元，
    # 占9.55%" — 29.42 ÷ 307.82 rounds to 9.6 %, the document says 9.55 %
    index, (doc,) = _dev_index(next(REAL_PDF.glob("中共*决算.pdf")))
    intent = understand("住房保障支出占一般公共预算财政拨款支出的比重是多少？", index, (doc,))
    computation = answer_from_records(intent, index)
    assert computation is not None and computation.records[0].value == 9.55, computation


def test_two_totals_are_cited_where_both_are_printed_too():
    # s12: "2022年度收、支总计各是4125.49,4143.91万元。" under "一、收入支出决算总体情况说明", and each year's total
    # again in its own section ("2022年本年收入合计4125.49万元,…"): the difference cites the sentence printing both
    index, (doc,) = _dev_index(DEV_TEXTS / "s12-sichuan-unit-2022-final.txt")
    computation = answer_from_records(understand("今年花的比收的多了多少？", index, (doc,)), index)
    assert computation is not None and computation.result == pytest.approx(18.42)
    together = [r for r in computation.corroborating if "收、支总计各是4125.49,4143.91万元" in r.quote]
    assert len(together) == 2, computation.corroborating


def test_a_two_character_item_of_a_list_names_a_label_holding_it():
    # g11: "机关事业单位基本养老保险缴费支出 101,612.42 元", "事业单位医疗 50,891.13 元", "住房公积金 76,209.31 元"
    # → 101,612.42 + 50,891.13 + 76,209.31 = 228,712.86 ("医疗" is an item of the list, not a stray word)
    index, (doc,) = _dev_index(DEV_TEXTS / "g11-guangxi-zhongxin-2021-budget.txt")
    computation = answer_from_records(understand("养老保险、医疗和住房公积金三项合计多少？", index, (doc,)), index)
    assert computation is not None and computation.result == pytest.approx(228712.86), computation


def test_a_final_accounts_share_names_no_stage_and_is_of_what_was_spent():
    # n07 (a 决算): "区直文化系统…2015年共计支出“三公经费”394.85万元,其中:因公出国(境)支出186.42万元" and later
    # "2015年我厅系统“三公经费”部门预算451.62万元": 出国费占三公经费 is 186.42 ÷ 394.85 = 47.2 %
    index, (doc,) = _dev_index(DEV_TEXTS / "n07-neimenggu-wenhuating-2015-final.txt")
    computation = answer_from_records(understand("出国费占“三公”经费的比例是多少？", index, (doc,)), index)
    assert computation is not None and computation.result == pytest.approx(47.2, abs=0.05), computation


@pytest.mark.parametrize("question, result", [
    # s18: "年初批复预算8个项目985万元(…),调整预算后项目预算861.46万元,…实际到位资金334.67万元。" — the question says
    # "调整后(项目预算)", the text "调整预算后项目预算": 861.46 − 985 = −123.54; 334.67 ÷ 861.46 = 38.8 %
    ("调整后比年初批复预算少了多少？", -123.54),
    ("到位资金占调整后项目预算的百分之几？", 38.8),
])
def test_a_label_said_with_a_word_left_out_is_still_named(question, result):
    index, (doc,) = _dev_index(DEV_TEXTS / "s18-honghe-shuju-2024-final.txt")
    computation = answer_from_records(understand(question, index, (doc,)), index)
    assert computation is not None and computation.result == pytest.approx(result, abs=0.05), computation


def test_money_asked_of_a_word_labelling_a_count_means_its_costs():
    # The 2024 budget PDF: "…共有车辆7辆…" and "（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元": "车辆方面
    # 一共要花多少" asks the cars' costs, not how many there are
    index, (doc,) = _dev_index(next(REAL_PDF.glob("*24年预算.pdf")))
    computation = answer_from_records(understand("车辆方面一共要花多少？", index, (doc,)), index)
    assert computation is not None and 46.56 in [r.value for r in computation.records] + [computation.result]
