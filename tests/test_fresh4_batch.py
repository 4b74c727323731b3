"""Behaviour the fourth fresh batch (tests/fixtures/fresh4_corpus) showed, on its real pages.

Expected values are typed from the pages as printed (see that folder's SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from assistant.answer import Status
from assistant.conversation import Conversation
from ingest.document import parse_document
from ingest.statements.paired_figures import paired_figures
from ingested import batch_text, conversation_on

def _text(prefix: str) -> Path:
    return batch_text("fresh4", prefix)


def _conversation(home: Path, prefix: str) -> Conversation:
    return conversation_on(home, _text(prefix))


def test_a_pipe_table_with_line_numbers_keeps_each_side_and_its_blank_cells():
    # fH2: "收入支出决算总表 | |||||" over "公开01表", "收入 | 支出", "项目 | 行次 | 决算数 | 项目 | 行次 | 决算数 |";
    # rows drop their empty cells ("三、事业收入 | 4 | 四、公共安全支出 | 38 | ||") and a row may start
    # with a 行次 alone ("8 | 八、社会保障和就业支出 | 42 | 8,695.00 | ||")
    document = parse_document(_text("fH2"))
    table = next(t for t in document.tables if t.title == "收入支出决算总表")
    figures = {(r.row_path[0], r.label, r.value) for r in document.records
               if r.source == "table" and r.table_title == table.title}
    assert ("收入", "财政拨款收入", 4267.38) in figures
    assert ("收入", "其中:政府性基金预算财政拨款", 565.68) in figures  # the label as printed (see test_form_pairs)
    assert ("收入", "上级补助收入", 3701.64) in figures
    assert ("收入", "其他收入", 1925.37) in figures
    assert ("支出", "社会保障和就业支出", 8695.0) in figures
    assert not any(value in (35, 36, 38, 42, 43) for _, _, value in figures)  # 行次, never amounts
    assert not [c for c in document.checks if c.verdict.name == "ERROR"]


def test_a_pair_of_changes_each_with_its_unit_and_a_pair_of_rates_after_it():
    # fH3: "与2023年度相比,收入、支出总计各增加1412.7万元、2062.79万元,增长15.74%、23.72%。"
    found = [(f.label, f.value, f.unit, f.measure)
             for f in paired_figures("与2023年度相比,收入、支出总计各增加1412.7万元、2062.79万元,增长15.74%、23.72%。")]
    assert found == [("收入总计", 1412.7, "万元", "change"), ("支出总计", 2062.79, "万元", "change"),
                     ("收入总计", 15.74, "%", "change_rate"), ("支出总计", 23.72, "%", "change_rate")]


def test_a_party_committee_said_short_is_the_document(tmp_path: Path):
    # fH3: 中共西藏自治区委员会政法委员会, which calls itself 区党委政法委; "2024年度收入总计7562.45万元"
    chat = _conversation(tmp_path, "fH3")
    answer = chat.ask("区党委政法委2024年度收入总计是多少？")
    assert answer.status is Status.ANSWERED and "7,562.45万元" in answer.text, answer.text
    change = chat.ask("支出总计比2023年增加了多少？")
    assert change.status is Status.ANSWERED and "2,062.79" in change.text, change.text


def test_a_document_printing_no_department_answers_a_question_naming_one(tmp_path: Path):
    # fH1 prints no full name ("我中心", "省福彩中心本级"): "项目支出8872.42万元,占83.05%"
    chat = _conversation(tmp_path, "fH1")
    answer = chat.ask("省福彩中心2015年度项目支出决算是多少？")
    assert answer.status is Status.ANSWERED and "8,872.42万元" in answer.text, answer.text


def test_a_share_in_a_whole_said_with_its_stage_takes_that_whole(tmp_path: Path):
    # fG2: "“三公”经费预算7.99 万元" … "公务接待费3.1 万元": 3.1 ÷ 7.99 = 38.8 %
    chat = _conversation(tmp_path, "fG2")
    answer = chat.ask("接待费在三公经费预算里占多大比例？")
    assert answer.status is Status.ANSWERED and "38.8%" in answer.text, answer.text


def test_a_department_named_in_a_three_public_scope_sentence(tmp_path: Path):
    # fG2 names itself only in "江汉区中国共产党武汉市江汉区委员会党校 因公出国(境)费、公务接待费、…开支单位包括…"
    chat = _conversation(tmp_path, "fG2")
    answer = chat.ask("江汉区委党校2015年三公经费预算一共多少？")
    assert answer.status is Status.ANSWERED and "7.99万元" in answer.text, answer.text


def test_money_taken_in_is_the_income_total_and_heads_are_the_headcount(tmp_path: Path):
    # fH1: "本年收入合计11752万元"; "目前省本级实有人数55人,其中在职在编人员15人,…"
    chat = _conversation(tmp_path, "fH1")
    income = chat.ask("福彩中心2015年一共收进来多少钱？")
    assert income.status is Status.ANSWERED and "11,752万元" in income.text, income.text
    heads = chat.ask("福彩中心实际上有多少号人？")
    assert heads.status is Status.ANSWERED and "55人" in heads.text, heads.text


def test_cars_held_at_a_years_end_counted_in_tai(tmp_path: Path):
    # fG3: "截至2014年底本单位公务用车辆共3台"
    chat = _conversation(tmp_path, "fG3")
    answer = chat.ask("民意街有几辆公车？")
    assert answer.status is Status.ANSWERED and "3台" in answer.text, answer.text


def test_the_grant_from_above_is_the_grant_from_the_level_above(tmp_path: Path):
    # fH2: "二、上级补助收入 | 3 | 3701.64 |" in the 收入支出决算总表
    chat = _conversation(tmp_path, "fH2")
    answer = chat.ask("青海残联2015年从上面拿到的补助有多少？")
    assert answer.status is Status.ANSWERED and "3,701.64万元" in answer.text, answer.text


def test_a_time_word_or_a_verb_before_a_units_kind_names_no_other_unit(tmp_path: Path):
    # fG1: "河南省实验中学创建于1957年…2020年末学校在职教职工总数457人"; "2020年总收入174,997,332.93元(含结转),
    # 其中财政拨款收入145,970,749.38元": 145,970,749.38 ÷ 174,997,332.93 = 83.4 %
    chat = _conversation(tmp_path, "fG1")
    staff = chat.ask("到2020年底学校有多少在职教职工？")
    assert staff.status is Status.ANSWERED and "457人" in staff.text, staff.text
    share = chat.ask("2020年财政拨款收入占学校总收入的比重是多少？")
    assert share.status is Status.ANSWERED and "83.4%" in share.text, share.text


def test_what_is_left_after_income_and_spending_is_the_balance(tmp_path: Path):
    # fG1: "2018年…结余7,989,696.80元"
    chat = _conversation(tmp_path, "fG1")
    answer = chat.ask("2018年学校收支相抵最后还剩多少钱？")
    assert answer.status is Status.ANSWERED and "7,989,696.8" in answer.text, answer.text


def test_the_principle_a_budget_follows_is_its_sentence(tmp_path: Path):
    # fG1: "总预算按照“以收定支、收支平衡”的原则,统筹安排学校财务"
    chat = _conversation(tmp_path, "fG1")
    answer = chat.ask("学校编总预算按什么原则来？")
    assert answer.status is Status.ANSWERED and "以收定支" in answer.text, answer.text


def test_how_many_staff_there_really_are_is_the_headcount_held(tmp_path: Path):
    # fH3: "2024年我委人员编制数为93人,其中:行政编制 64人,事业编制29人,截至2024年12月实有人数107人"
    chat = _conversation(tmp_path, "fH3")
    answer = chat.ask("自治区政法委实际有多少工作人员？")
    assert answer.status is Status.ANSWERED and "107人" in answer.text.split("。")[0], answer.text


def test_keeping_the_cars_is_the_vehicle_running_cost(tmp_path: Path):
    # fG2: "2、车辆运行维护费支出4.89万元"
    chat = _conversation(tmp_path, "fG2")
    answer = chat.ask("党校一年养车的钱安排了多少？")
    assert answer.status is Status.ANSWERED and "4.89万元" in answer.text, answer.text
