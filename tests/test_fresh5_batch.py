"""Behaviour the fifth fresh batch (tests/fixtures/fresh5_corpus) showed, on its real pages.

Expected values are typed from the pages as printed (see that folder's SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from assistant.answer import Status
from assistant.conversation import Conversation
from ingest.document import parse_document
from ingested import FIXTURES, batch_text, conversation_on

def _text(prefix: str) -> Path:
    return batch_text("fresh5", prefix)


def _conversation(home: Path, prefix: str) -> Conversation:
    return conversation_on(home, _text(prefix))


def test_a_final_figure_said_against_its_budget_is_a_change_against_the_budget():
    # fJ3: "公务用车购置及运行费支出决算数比预算数减少17.54万元,下降23.42%。"
    document = parse_document(_text("fJ3"))
    changes = {(r.value, r.measure, r.base_period) for r in document.records
               if r.source == "text" and "公务用车购置及运行费" in r.label and r.measure.startswith("change")}
    assert changes == {(-17.54, "change", "预算"), (-23.42, "change_rate", "预算")}


def test_budget_more_than_spent_compares_the_two_stages(tmp_path: Path):
    # fJ3: "“三公”经费支出预算为89.90万元,支出决算为57.53万元": 89.90 − 57.53 = 32.37
    chat = _conversation(tmp_path, "fJ3")
    answer = chat.ask("三公经费预算比实际花的多出多少钱？")
    assert answer.status is Status.ANSWERED and "32.37" in answer.text, answer.text


def test_a_sum_compiled_is_money_not_posts(tmp_path: Path):
    # fJ1: "2、基本支出编制情况:2022年基本支出332.04万元,比2021年增加10.28 万元。"
    chat = _conversation(tmp_path, "fJ1")
    answer = chat.ask("2022年基本支出编制了多少？")
    assert answer.status is Status.ANSWERED and "332.04万元" in answer.text, answer.text


def test_the_whole_budget_stated_as_this_years_income(tmp_path: Path):
    # fJ1: "1、收入预算编制情况:2022年收入预算455.04万元,比2021年增加41.58万元。"
    chat = _conversation(tmp_path, "fJ1")
    answer = chat.ask("稷山县政协2022年一共预算了多少钱？")
    assert answer.status is Status.ANSWERED and "455.04万元" in answer.text, answer.text


def test_a_numbered_tables_values_glued_to_their_labels():
    # fI2 表8: "行政经费177.50 ", "“三公”经费5.60 ", "2.公务用车运行维护费3.60 ", "(三)公务接待费支出2.00 "
    document = parse_document(_text("fI2"))
    figures = {(r.label, r.value) for r in document.records if r.source == "table" and r.table_no == 8}
    assert {("行政经费", 177.5), ("“三公”经费", 5.6), ("公务用车运行维护费", 3.6), ("公务接待费支出", 2.0)} <= figures


def test_last_years_budget_worked_out_from_the_stated_change(tmp_path: Path):
    # fJ1: "2022年收入预算455.04万元,比2021年增加41.58万元": 455.04 − 41.58 = 413.46
    chat = _conversation(tmp_path, "fJ1")
    answer = chat.ask("按收入预算的增减推算，稷山县政协2021年收入预算是多少？")
    assert answer.status is Status.ANSWERED and "413.46" in answer.text, answer.text


def test_the_spending_total_is_the_whole_of_a_spending_share(tmp_path: Path):
    # fJ2: "刘堡镇卫生院支出430.2258万元,其中:基本支出240.0595万元…": 240.0595 ÷ 430.2258 = 55.8 %
    chat = _conversation(tmp_path, "fJ2")
    answer = chat.ask("2021年度基本支出占支出总额的比重是多少？")
    assert answer.status is Status.ANSWERED and "55.8%" in answer.text, answer.text


def test_the_items_a_sentence_lists_after_you_have_are_named_alone():
    # fJ1: "我单位2022年主要项目支出有工作经费30万元,委员活动经费28万元,…"
    document = parse_document(_text("fJ1"))
    assert ("工作经费", 30.0) in {(r.label, r.value) for r in document.records if r.source == "text"}


def test_people_at_their_posts_are_those_in_post(tmp_path: Path):
    # fI1: "在职人员总数37人,其中行政人员19人,…;退休人员18人"
    chat = _conversation(tmp_path, "fI1")
    answer = chat.ask("张华镇政府现在在岗上班的有多少人？")
    assert answer.status is Status.ANSWERED and "37人" in answer.text, answer.text


def test_income_and_spending_said_together_change_as_their_totals(tmp_path: Path):
    # fI3: "收入总计3084.82万元,支出总计3084.82万元,…收支较上年决算数减少701.01万元、下降18.5%"
    chat = _conversation(tmp_path, "fI3")
    answer = chat.ask("2021年度收支总计较上年决算数减少了多少？")
    assert answer.status is Status.ANSWERED and "701.01" in answer.text, answer.text


def test_a_change_is_no_reason_for_it(tmp_path: Path):
    # g03 of the development corpus: "收入支出总体与上年相比,增加58.21万元" and no sentence saying why
    # (the copy stops there): "why" is not answered with the change itself
    chat = conversation_on(tmp_path, next((FIXTURES / "dev_corpus" / "texts").glob("g03-*.txt")))
    answer = chat.ask("收支比上年增加的主要原因是什么？")
    assert answer.status is not Status.ANSWERED, answer.text


def test_what_a_term_means_is_its_definition_not_the_list_of_terms(tmp_path: Path):
    # fI1: "三、专用名词解释" over "1、基本支出" (its text: "…是指为保障机构正常运转、完成日常工作任务…"), "2、专项项目支出", …
    chat = _conversation(tmp_path, "fI1")
    answer = chat.ask("专用名词解释里“基本支出”指的是什么？")
    assert answer.status is Status.ANSWERED and "保障机构正常运转" in answer.text, answer.text


def test_each_of_several_items_is_not_answered_with_their_total(tmp_path: Path):
    # fI1 prints only "专项项目预算74000.00元" (the projects are not listed): which projects and what each costs
    # is not in the page
    chat = _conversation(tmp_path, "fI1")
    answer = chat.ask("张华镇2018年的专项项目具体是哪些项目，每个项目各花多少钱？")
    assert answer.status is not Status.ANSWERED, answer.text


def test_last_years_figure_of_a_total_said_with_its_total_word(tmp_path: Path):
    # fI2: "2017年财政拨款“三公”经费支出合计5.6万元,比上年减少1.4万元": 5.6 + 1.4 = 7.0 in 2016
    chat = _conversation(tmp_path, "fI2")
    answer = chat.ask("经科局上一年的“三公”经费是多少？")
    assert answer.status is Status.ANSWERED and "7" in answer.text.split("。")[0], answer.text


def test_the_budget_of_a_final_figure_follows_from_its_change_against_the_budget(tmp_path: Path):
    # fJ3: "(二)公务用车购置及运行费支出57.36万元" … "公务用车购置及运行费支出决算数比预算数减少17.54万元":
    # 57.36 + 17.54 = 74.9
    chat = _conversation(tmp_path, "fJ3")
    answer = chat.ask("公务用车购置及运行费的预算数是多少？")
    assert answer.status is Status.ANSWERED and "74.9" in answer.text, answer.text
