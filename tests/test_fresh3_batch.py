"""Behaviour the third fresh batch (tests/fixtures/fresh3_corpus) showed, on its real pages.

Expected values are typed from the pages as printed (see that folder's SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from assistant.answer import Status
from assistant.conversation import Conversation
from ingested import conversation_on

TEXTS = Path(__file__).parent / "fixtures" / "fresh3_corpus" / "texts"


def _conversation(home: Path, prefix: str) -> Conversation:
    return conversation_on(home, next(TEXTS.glob(f"{prefix}-*.txt")))


def test_and_in_a_question_names_a_label_printed_with_ji(tmp_path: Path):
    # fE2: "…公务用车购置及运行费1618万元…" asked "公车购置和运行的钱"; 1618 ÷ 2771 = 58.39 %
    chat = _conversation(tmp_path, "fE2")
    answer = chat.ask("公车购置和运行的钱占三公经费总额的比例是多少？")
    assert answer.status is Status.ANSWERED and "58.4%" in answer.text, answer.text


def test_a_unit_named_by_the_initials_of_its_name_is_the_document_not_a_label(tmp_path: Path):
    # fF1: "事业收入:2016年西安建筑科技大学事业收入预算35957.91万元" asked of "西安建大"; its name is read
    # from "1.2016年西安建筑科技大学年初部门预算收入为68158.05万元"
    chat = _conversation(tmp_path, "fF1")
    answer = chat.ask("西安建大2016年事业收入预算是多少？")
    assert answer.status is Status.ANSWERED and "35,957.91万元" in answer.text, answer.text


def test_the_cars_held_in_fact_answer_how_many_cars_there_are(tmp_path: Path):
    # fE1: "2015年新购入公务用车一辆。…车辆保有量账面数为56辆,实际保有量为12辆。"
    chat = _conversation(tmp_path, "fE1")
    answer = chat.ask("政协现在实际还有几辆公车？")
    assert answer.status is Status.ANSWERED and "12辆" in answer.text.split("。")[0], answer.text
    bought = chat.ask("2015年新买了几辆公车？")
    assert bought.status is Status.ANSWERED and "1辆" in bought.text, bought.text


def test_last_years_figure_from_a_stated_rate_is_given_as_an_estimate(tmp_path: Path):
    # fE2: "因公出国(境)经费决算120万元,增长79.1%": 120 ÷ 1.791 ≈ 67.00 万元 in 2017, said as an estimate
    chat = _conversation(tmp_path, "fE2")
    answer = chat.ask("照这个增幅算，2017年龙泉因公出国经费大概是多少？")
    assert answer.status is Status.ANSWERED and "约67" in answer.text and "79.1%" in answer.text, answer.text


def test_total_income_of_a_budget_is_its_opening_budget_income(tmp_path: Path):
    # fF1: "1.2016年西安建筑科技大学年初部门预算收入为68158.05万元" (the expenditure is the same figure:
    # the answer must name income)
    chat = _conversation(tmp_path, "fF1")
    answer = chat.ask("西安建大2016年年初预算总收入是多少？")
    first = answer.text.split("。")[0]
    assert answer.status is Status.ANSWERED and "68,158.05万元" in first and "收入" in first, answer.text


def test_what_is_left_beside_a_part_is_the_whole_less_the_part(tmp_path: Path):
    # fF1: 支出 68158.05 万元, of which 基本支出 49658.05 万元: 68158.05 − 49658.05 = 18500
    chat = _conversation(tmp_path, "fF1")
    answer = chat.ask("2016年年初支出预算里，基本支出以外还剩多少钱？")
    assert answer.status is Status.ANSWERED and "18,500" in answer.text, answer.text


def test_which_principles_are_the_numbered_headings_under_the_principles(tmp_path: Path):
    # fF1: "(一)预算编制的基本原则" over "1.坚持积极稳妥原则。…" … "4.坚持勤俭节约原则。…"
    chat = _conversation(tmp_path, "fF1")
    answer = chat.ask("建大编2016年预算时讲了哪几条原则？")
    assert answer.status is Status.ANSWERED, answer.text
    for principle in ("积极稳妥原则", "综合预算原则", "保证重点原则", "勤俭节约原则"):
        assert principle in answer.text, answer.text


def test_what_money_an_item_is_answers_with_its_sentence(tmp_path: Path):
    # fF1: "其他收入预算10422.31万元,主要包含捐赠收入、实验项目收入、咨询服务收入和附属单位上缴款等收入"
    chat = _conversation(tmp_path, "fF1")
    answer = chat.ask("学校的“其他收入”主要是些什么钱？")
    assert answer.status is Status.ANSWERED and "捐赠收入" in answer.text, answer.text


def test_a_two_sided_form_recognised_onto_one_line_keeps_its_sides_and_names():
    # fF3: "…项目 行次 金额 项目 行次 金额 栏次 1 栏次 2 一一般公共预算财政拨款收入 1 4,627.57 一一般公共服务支出 32 0.00
    # 二政府性基金预算财政拨款收入 2 0.00 二外交支出 33 0.00 … 八其他收入 8 33.19 八社会保障和就业支出 39 341.76 9
    # 九卫生健康支出 40 89.57 10": image recognition dropped the "、" after the numbering
    from ingest.document import parse_document
    document = parse_document(next(TEXTS.glob("fF3-*.txt")))
    figures = {(r.row_path[0], r.label, r.value) for r in document.records if r.source == "table"}
    assert ("收入", "一般公共预算财政拨款收入", 4627.57) in figures
    assert ("收入", "事业收入", 80.78) in figures
    assert ("收入", "其他收入", 33.19) in figures
    assert ("支出", "教育支出", 4146.04) in figures
    assert ("支出", "社会保障和就业支出", 341.76) in figures
    assert ("支出", "卫生健康支出", 89.57) in figures
    assert not any(value in (32, 36, 39, 40) for _, _, value in figures)  # 行次, never amounts


def test_a_table_printed_without_a_title_is_cited_under_the_documents_title(tmp_path: Path):
    # fF3: the 收入支出决算总表 of an OCR'd attachment prints only its form number, "财决公开01表"; a person
    # points to it by the page's title, "海南省华侨商业学校2022年决算批复公开资料"
    chat = _conversation(tmp_path, "fF3")
    answer = chat.ask("华侨商业学校2022年一般公共预算财政拨款收入多少？")
    assert "4,627.57" in answer.text
    assert any("海南省华侨商业学校2022年决算批复公开资料" in c.title and "财决公开01表" in c.title + c.ref
               for c in answer.citations), answer.citations


def test_one_figure_as_a_percentage_of_another_is_a_share(tmp_path: Path):
    # fF3: 教育支出 4,146.04 ÷ 一般公共预算财政拨款收入 4,627.57 = 89.59 %
    chat = _conversation(tmp_path, "fF3")
    answer = chat.ask("教育支出相当于财政拨款收入的百分之多少？")
    assert answer.status is Status.ANSWERED and ("89.6" in answer.text or "89.59" in answer.text), answer.text


def test_a_run_on_table_dump_is_never_quoted_as_an_answer(tmp_path: Path):
    # fF3's OCR'd attachment is one 1,500-character line of cells ("…单位类型公益二类事业单位单位预算级次二级…");
    # it is no sentence a person can read as an answer
    chat = _conversation(tmp_path, "fF3")
    answer = chat.ask("学校执行什么会计制度？")
    assert all(len(c.quote) < 400 for c in answer.citations), [len(c.quote) for c in answer.citations]
    assert len(answer.text) < 600, answer.text
