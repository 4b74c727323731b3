"""Behaviour the fresh development batch (tests/fixtures/fresh_corpus) showed, on its real pages."""

from __future__ import annotations

from pathlib import Path

from assistant.answer import Status
from assistant.conversation import Conversation
from ingested import conversation_on

TEXTS = Path(__file__).parent / "fixtures" / "fresh_corpus" / "texts"


def _conversation(home: Path, name: str) -> Conversation:
    return conversation_on(home, TEXTS / name)


def test_the_unit_said_without_its_district_is_the_scope_not_a_label(tmp_path: Path):
    # fB2, 门头沟区西峰寺林场: "2022年收入预算998.51万元"; its staff line names the farm in full
    # ("北京市门头沟区西峰寺林场事业编制31人"), which must not take over a question naming the farm.
    chat = _conversation(tmp_path, "fB2-mentougou-xifengsilinchang-2022-budget.txt")
    answer = chat.ask("西峰寺林场2022年收入预算是多少？")
    assert answer.status is Status.ANSWERED and "998.51万元" in answer.text, answer.text


def test_a_sentence_under_no_heading_is_cited_by_its_paragraph_opening_too(tmp_path: Path):
    # fA2 has neither title nor heading: its first paragraph opens "根据国务院、省政府关于推进政府预算信息公开的
    # 决策部署和区政府工作安排,衢江区2016年…", and its sentence "分项情况是:…公务接待费1356万元,…" is found by
    # that opening, as a person points to a paragraph.
    chat = _conversation(tmp_path, "fA2-qujiang-sangongjingfei-2016-final.txt")
    answer = chat.ask("衢江区2016年招待客人花了多少钱？")
    assert answer.status is Status.ANSWERED and "1,356万元" in answer.text, answer.text
    assert any("根据国务院、省政府关于推进政府预算信息公开的决策部署和区政府工作安排" in c.title
               for c in answer.citations), answer.citations


def test_what_a_unit_does_is_asked_in_everyday_words(tmp_path: Path):
    # fA1: "一、主要职能" then "负责自治区人民政府办公区及办公区公用设施的规划、建设和管理工作,…";
    # fB2: "(三)本预算年度的主要工作任务" then "本年度主要任务为完成国家重点公益林防火、…".
    duties = _conversation(tmp_path / "a", "fA1-ningxia-jiguanshiwuju-2013-budget.txt").ask("机关事务管理局平时负责哪些事？")
    assert duties.status is Status.ANSWERED and "办公区公用设施的规划" in duties.text, duties.text
    tasks = _conversation(tmp_path / "b", "fB2-mentougou-xifengsilinchang-2022-budget.txt").ask("西峰寺林场今年主要干哪些活？")
    assert tasks.status is Status.ANSWERED and "公益林防火" in tasks.text, tasks.text


def test_a_unit_the_disclosure_itself_funds_is_no_other_department(tmp_path: Path):
    # fA1: "机管局2013年收支总预算4,471.22万元,含区泾河源山庄管理处经费250万元,政府机关幼儿园经费537.31万元;"
    chat = _conversation(tmp_path, "fA1-ningxia-jiguanshiwuju-2013-budget.txt")
    kindergarten = chat.fresh().ask("政府机关幼儿园2013年安排了多少经费？")
    assert kindergarten.status is Status.ANSWERED and "537.31万元" in kindergarten.text, kindergarten.text
    lodge = chat.fresh().ask("泾河源山庄管理处的经费是多少？")
    assert lodge.status is Status.ANSWERED and "250万元" in lodge.text, lodge.text


def test_the_whole_budget_named_with_the_units_short_name_is_its_total(tmp_path: Path):
    # fA1: "机管局2013年收支总预算4,471.22万元,…;比2012年预算增加755.18万元" — 2012 is 4,471.22 − 755.18.
    chat = _conversation(tmp_path, "fA1-ningxia-jiguanshiwuju-2013-budget.txt")
    answer = chat.ask("机管局2012年的预算是多少？")
    assert answer.status is Status.ANSWERED and "3,716.04万元" in answer.text, answer.text


def test_a_why_question_naming_the_unit_short_is_about_it(tmp_path: Path):
    # fB3, 双桥集镇人民政府: "…支出预算为30.8万元,支出决算为25.7万元,…决算数小于预算数的主要原因是公务用车运行维护费用的降低。"
    chat = _conversation(tmp_path, "fB3-huaiyuan-shuangqiaojizhen-2020-final.txt")
    answer = chat.ask("为什么双桥集镇2020年“三公”经费决算比预算少？")
    assert answer.status is Status.ANSWERED and "公务用车运行维护费用的降低" in answer.text, answer.text


def test_the_three_costs_listed_from_a_table_with_one_row_each(tmp_path: Path):
    # fB3's 三公 table has a row per cost and the columns 预算数 | 决算数 (合计 30.8 25.7, 因公出国(境)费 0 0,
    # 公务接待费 14.8 16.3, 公务用车购置及运行维护费 16 9.4): the final accounts' parts are the 决算数.
    chat = _conversation(tmp_path, "fB3-huaiyuan-shuangqiaojizhen-2020-final.txt")
    answer = chat.ask("“三公”经费决算分哪几项，各花了多少？")
    assert answer.status is Status.ANSWERED, answer.text
    for part in ("因公出国(境)费", "公务接待费", "公务用车购置及运行维护费", "16.3万元", "9.4万元"):
        assert part in answer.text, answer.text
    assert "14.8" not in answer.text, answer.text


def test_the_rest_after_leaving_out_two_funded_units(tmp_path: Path):
    # fA1: "机管局2013年收支总预算4,471.22万元,含区泾河源山庄管理处经费250万元,政府机关幼儿园经费537.31万元":
    # without the two, 4,471.22 − 250 − 537.31 = 3,683.91.
    chat = _conversation(tmp_path, "fA1-ningxia-jiguanshiwuju-2013-budget.txt")
    answer = chat.ask("去掉泾河源山庄管理处和幼儿园的经费，机管局本级2013年预算还剩多少？")
    assert answer.status is Status.ANSWERED and "3,683.91" in answer.text, answer.text
