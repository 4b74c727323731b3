"""assistant/coverage.py: an answer must show what the question names; a figure question is not
answered by a title line whose only digits are its year. Real excerpts of the development corpus;
what each prints was read from the file (see the comments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from assistant.config import Config, load_config
from assistant.conversation import Conversation
from index.ingest import ingest_files
from index.library import open_library
from ingest import sample_path
from ingested import conversation_on

TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
REFUSED = (Status.NOT_FOUND, Status.OUT_OF_SCOPE)


def _conversation(home: Path, name: str) -> Conversation:
    return conversation_on(home, TEXTS / name)


@pytest.fixture(scope="module")
def township(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    # A 财政所 budget excerpt: its 收支总表 and 支出 tables; it never mentions 三公 at all.
    return _conversation(tmp_path_factory.mktemp("g01"), "g01-pingshan-xiakou-caizhengsuo-2025-budget.txt")


@pytest.fixture(scope="module")
def statistics(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    # A 决算 excerpt of title, contents and the 机构设置 part: "十、财政拨款“三公”经费支出决算表" is a
    # contents line; no 收入总计 or 三公 figure is printed.
    return _conversation(tmp_path_factory.mktemp("n14"), "n14-beijing-tongjiju-2021-final.txt")


def test_a_figure_the_document_does_not_print_is_not_found_not_another_figure(township: Conversation):
    answer = township.fresh().ask("下口镇财政所2025年“三公”经费预算是多少？")
    assert answer.status in REFUSED, answer.text
    assert not answer.internal_error


@pytest.mark.parametrize("question", ["北京市统计局2021年的“三公”经费是多少？", "北京市统计局2021年收入总计是多少？"])
def test_a_title_or_contents_line_is_no_figure(statistics: Conversation, question: str):
    answer = statistics.fresh().ask(question)
    assert answer.status in REFUSED, answer.text


def test_what_the_question_leaves_out_is_not_what_it_asks(sample_home: Path):
    # The sample's 基本支出总表 total: 2,972万元 (its 项目支出 is 804万元).
    config = load_config(sample_home)
    answer = Conversation(open_library(config), config).ask("基本支出是多少（不含项目支出）？")
    assert answer.status == Status.ANSWERED and "2,972" in answer.text, answer.text


def test_a_short_form_is_shown_by_the_label_it_stands_for(sample_home: Path):
    # The sample's 第五部分: "2022年我单位持有2辆公务用车" — asked as 公车.
    conversation = Conversation(open_library(load_config(sample_home)), load_config(sample_home))
    answer = conversation.ask("公车有几辆？")
    assert answer.status == Status.ANSWERED and "2辆" in answer.text, answer.text
    reason = conversation.fresh().ask("为什么公车少了一辆？")
    assert "已达报废年限" in reason.text, reason.text


REAL_PDF = Path(__file__).parent / "fixtures" / "real_pdf"


@pytest.fixture(scope="module")
def office_2025(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    # The 2025 budget of a 街道办事处: staff pay appears only as the 基本工资 row of the whole office.
    config = Config(home=tmp_path_factory.mktemp("wanli-2025"))
    (result,) = ingest_files(config, [REAL_PDF / "上海市普陀区人民政府万里街道办事处25年预算.pdf"])
    assert result.status == "added", result.error
    return Conversation(open_library(config), config)


@pytest.mark.parametrize("question", ["街道办主任一年工资多少？", "2026年的预算是多少？"])
def test_one_persons_pay_and_another_year_are_not_answered_with_the_offices_figures(
        office_2025: Conversation, question: str):
    answer = office_2025.fresh().ask(question)
    assert answer.status in REFUSED, answer.text


@pytest.mark.parametrize("question", ["那两辆公车是什么牌子的？", "我退休了，每个月养老金能领多少？"])
def test_brands_and_personal_matters_are_refused(sample_home: Path, question: str):
    config = load_config(sample_home)
    answer = Conversation(open_library(config), config).ask(question)
    assert answer.status in REFUSED, answer.text
    assert not answer.facts


def test_a_role_alone_is_a_fair_question(tmp_path: Path):
    # "园长1人,副园长1人。" in the staffing paragraph of a kindergarten's budget.
    answer = _conversation(tmp_path, "n10-lvliang-lishi-youeryuan-2022-budget.txt").ask("有几个副园长？")
    assert answer.status == Status.ANSWERED and "1人" in answer.text, answer.text


def test_a_word_that_narrows_the_next_is_not_a_figure_of_its_own(sample_home: Path):
    # 第五部分: "公务用车运行维护费 2022 年预算数 7 万元"; the sample also counts 2 cars.
    config = load_config(sample_home)
    answer = Conversation(open_library(config), config).ask("公车的运维费用多少")
    assert answer.status == Status.ANSWERED and "7万元" in answer.text and "辆" not in answer.text, answer.text


def test_where_a_named_figure_goes_is_its_parts(sample_home: Path):
    # 表4 基本支出总表: 工资福利支出 2,315, 商品和服务支出 492, 对个人和家庭的补助 165 (万元).
    config = load_config(sample_home)
    answer = Conversation(open_library(config), config).ask("基本支出都花在哪了")
    assert answer.status == Status.ANSWERED, answer.text
    assert all(part in answer.text for part in ("工资福利支出2,315万元", "商品和服务支出492万元")), answer.text
    assert answer.chart, "a breakdown draws its chart"


def test_a_bare_why_follows_the_figure_just_answered(sample_home: Path):
    # 第八部分: 机关运行经费 "比2021年预算增加139万元，增长39%。主要是因优化整合，调整项目支出146万元至物业管理费。"
    config = load_config(sample_home)
    conversation = Conversation(open_library(config), config)
    conversation.ask("机关运行经费同比增长多少")
    answer = conversation.ask("为什么涨这么多")
    assert answer.status == Status.ANSWERED and "优化整合" in answer.text, answer.text


def test_text_before_the_first_heading_is_cited_by_the_documents_title(tmp_path: Path):
    # A news-page copy with no headings: its first line "近日,教育部公布2024年度部門決算。" is its
    # title; "教育部2024年度收入總計64,999,264.21萬元" follows.
    answer = _conversation(tmp_path, "g12-zhongyang-jiaoyubu-2024-final.txt").ask("教育部2024年收入总计多少？")
    assert answer.status == Status.ANSWERED and "64,999,264.21" in answer.text, answer.text
    assert any("教育部公布2024年度部门决算" in c.title for c in answer.citations), answer.citations


@pytest.fixture(scope="module")
def beside_the_sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Conversation]:
    """Two excerpts beside the sample, whose labels (公车, 三公经费) they do not print themselves."""
    config = Config(home=tmp_path_factory.mktemp("beside"))
    names = ("g04-wanjiang-jiangnan-jizhongqu-2024-budget.txt", "g02-futian-minzhengju-2026-budget.txt")
    results = ingest_files(config, [sample_path(), *(TEXTS / name for name in names)])
    assert all(r.status == "added" for r in results), [r.error for r in results]
    library = open_library(config)
    return {name[:3]: Conversation(library, config, doc=r.doc_id) for name, r in zip(names, results[1:], strict=True)}


def test_a_count_is_not_answered_with_money(beside_the_sample: dict[str, Conversation]):
    # The 集中区 budget prints 公务用车购置及运行费 in 万元 and no number of cars anywhere.
    answer = beside_the_sample["g04"].ask("集中区一共有多少辆公车？")
    assert answer.status in REFUSED, answer.text


def test_a_count_is_answered_by_the_sentence_that_counts(beside_the_sample: dict[str, Conversation]):
    # "…公务用车购置和运行维护费开支单位包括本级2家单位。" (its 三公 budget is 5.3万元).
    answer = beside_the_sample["g02"].ask("“三公”经费涉及几家单位？")
    assert answer.status == Status.ANSWERED and "2家单位" in answer.text, answer.text


@pytest.mark.parametrize(("name", "question", "said"), [
    # "…本部门2020年年末实有人数151人,…年末学生人数929人。"
    ("n06-nanchang-anyi-changjunxuexiao-2020-final.txt", "学校有多少学生？", "929人"),
    # "…负责种植业技术推广…良种良法普及…"
    ("s17-quxian-nongji-2024-final.txt", "这个中心主要负责什么？", "良种良法普及"),
])
def test_a_question_about_the_unit_itself_is_answered_from_its_text(tmp_path: Path, name: str, question: str,
                                                                   said: str):
    answer = _conversation(tmp_path, name).ask(question)
    assert answer.status == Status.ANSWERED and said in answer.text, answer.text


def test_another_township_is_not_this_offices(office_2025: Conversation):
    # The 街道办事处's own 三公 budget is printed; a 镇 the question names is another body.
    answer = office_2025.fresh().ask("长征镇的三公经费是多少？")
    assert answer.status in REFUSED, answer.text


def test_batches_are_counted_by_the_sentence_that_counts_them(tmp_path: Path):
    # "…国内公务接待221批次,1768人,共计支出…" (a township's 决算; its 接待费 is in 万元).
    answer = _conversation(tmp_path, "s16-jintang-guancang-2015-final.txt").ask("国内公务接待了多少批次？")
    assert answer.status == Status.ANSWERED and "221批次" in answer.text, answer.text


def test_a_count_is_not_answered_in_another_count_unit(tmp_path: Path):
    # s10 prints "公务车保有量25辆,计划购置0辆公务接待费4.5万元" and no 批次 of receptions at all;
    # its 人 and 辆 figures still answer 多少人 / 几辆.
    chat = _conversation(tmp_path, "s10-hainan-jiaotong-2022-budget.txt")
    assert chat.fresh().ask("2022年计划公务接待多少批次？").status in REFUSED
    vehicles = chat.fresh().ask("公务车保有量有多少辆？")
    assert vehicles.status is Status.ANSWERED and "25辆" in vehicles.text


def test_an_indicator_named_with_its_count_answers_that_count(tmp_path: Path):
    # g08's 绩效目标申报表: "| 产出指标 | 数量指标 | 村组干部230人 | ≥ | 230 | 个 | 10 | 正向指标 |":
    # the indicator's own name says 230 人, though its 度量单位 is 个
    answer = _conversation(tmp_path, "g08-jingyan-mata-2023-budget.txt").ask("村组干部有多少人？")
    assert answer.status is Status.ANSWERED and "230" in answer.text, answer.text


def test_an_introduction_ending_in_a_colon_states_no_none() -> None:
    from assistant.answer import Answer, Citation, Status
    from assistant.coverage import passage_states_no_figure
    from assistant.understand import Intent

    def passage(quote: str) -> Answer:
        return Answer(Status.ANSWERED, quote, citations=(Citation("d", "section", "第三部分", "第三部分", quote),))

    asked = Intent(question="三公经费决算数是多少", operation="lookup", narrative="", mentions=(), doc_ids=("d",))
    # a blank 决算 template's instruction (seen in the template PDF of the development corpus)
    assert passage_states_no_figure(asked, passage("无“三公”经费财政拨款支出的部门，作下述说明："))
    # a disclosure saying there was none
    assert not passage_states_no_figure(asked, passage("本单位本年度无“三公”经费财政拨款支出。"))


def test_document_numbers_are_no_figures() -> None:
    from assistant.answer import Answer, Citation, Status
    from assistant.coverage import passage_states_no_figure
    from assistant.understand import Intent

    # the opening of a 2022 kindergarten budget of the development corpus, which prints no figure
    quote = ("根据《中华人民共和国预算法》《…关于做好全区预(决)算和“三公”经费信息公开工作的通知》(离政办发〔2014〕"
             "130号)和《…》(离财预〔2016〕373号)文件的要求,依法依规公开我单位2022年预算信息如下:")
    asked = Intent(question="预算收入是多少钱", operation="lookup", narrative="", mentions=(), doc_ids=("d",))
    answer = Answer(Status.ANSWERED, quote, citations=(Citation("d", "section", "前言", "前言", quote),))
    assert passage_states_no_figure(asked, answer)


def test_a_figure_of_a_contrasting_kind_is_no_answer(tmp_path: Path):
    # "行政事业总编制为249个,其中行政编13个、全额事业编45个、差额…": no 差额事业编 figure is printed,
    # and 全额事业编 is another kind of post, not an answer to it; 全额 itself still answers
    chat = _conversation(tmp_path, "s03-nanxian-zhujian-2018-final.txt")
    assert chat.fresh().ask("差额事业编有几个？").status in REFUSED
    full = chat.fresh().ask("全额事业编有几个？")
    assert full.status is Status.ANSWERED and "45" in full.text, full.text


def test_a_paragraph_under_no_heading_is_cited_by_its_opening_words(tmp_path: Path):
    # s13 opens with "本单位2023年“会议费”“培训费”“差旅费”财政拨款预算数3万元,其中:…培训费2万元,…" and
    # has no heading above it: the citation names the paragraph by its opening, not only "前言".
    answer = _conversation(tmp_path, "s13-sichuan-unit-2023-budget.txt").ask("这个单位2023年开会、培训、出差一共安排多少钱？")
    assert answer.status == Status.ANSWERED and "3万元" in answer.text, answer.text
    assert any("本单位2023年“会议费”“培训费”“差旅费”财政拨款预算数" in c.title for c in answer.citations), answer.citations


def test_items_under_an_opening_sentence_of_a_page_with_no_headings_are_cited_under_its_title(tmp_path: Path):
    # n07, a web page titled "2015年内蒙古自治区文化厅部门决算公示说明—三公经费" with no headings: its
    # "1、因公出国(境)费186.42万元比2014…增加162.97万元" follows the sentence "2015年区直文化系统“三公”经费
    # 394.85万元…". A person points to that paragraph by the page's title, as to any text under no heading.
    chat = _conversation(tmp_path, "n07-neimenggu-wenhuating-2015-final.txt")
    answer = chat.ask("出国出境花了多少钱？")
    assert answer.status == Status.ANSWERED and "186.42万元" in answer.text, answer.text
    assert any("2015年内蒙古自治区文化厅部门决算公示说明—三公经费" in c.title for c in answer.citations), \
        answer.citations


def test_lines_after_a_paragraph_ending_in_its_list_word_are_cited_under_that_paragraph(tmp_path: Path):
    # s07, six lines with no heading: "“三公”經費預算增減變化的主要原因是:2018年…合計24.75萬元,比上年預算數減少
    # 4.65萬元。其中:" then one line per cost ("公務接待費支出預算16.55萬元,比上年預算數減少4.65萬元,原因:…").
    # Those lines are the reasons it announces: a person points to them by that opening.
    chat = _conversation(tmp_path, "s07-heshan-shuiwu-2018-budget.txt")
    answer = chat.ask("公车运行费为什么和上年一样？")
    assert answer.status == Status.ANSWERED and "公车改革" in answer.text, answer.text
    assert any("“三公”经费预算增减变化的主要原因" in c.title for c in answer.citations), answer.citations


def test_a_question_word_before_a_word_is_no_contrasting_kind(tmp_path: Path):
    # "大竹县永胜镇人民政府属行政单位,下属事业单位4个。": "几个事业单位" asks that count
    answer = _conversation(tmp_path, "g07-dazhu-yongsheng-2024-budget.txt").ask("永胜镇政府下面有几个事业单位？")
    assert answer.status is Status.ANSWERED and "4个" in answer.text, answer.text


def test_a_question_naming_a_thing_of_its_own_is_not_answered_with_the_total(tmp_path: Path):
    # "收入、支出变动较大的主要原因是2020年新增了605.99万元政府性基金预算财政拨款-抗疫特别国债资金": the
    # question asks that money, not the year's 本年支出合计 of 4021.94万元
    chat = _conversation(tmp_path, "s14-sichuan-baojianyuan-2020-final.txt")
    answer = chat.fresh().ask("抗疫特别国债给了多少钱？")
    assert "4,021.94" not in answer.text and "4021.94" not in answer.text, answer.text
    total = chat.fresh().ask("这家单位2020年一共花了多少钱？")
    assert total.status is Status.ANSWERED and "4,021.94" in total.text, total.text


def test_a_reason_cut_off_in_the_copy_is_no_reason(tmp_path: Path):
    # The page ends "收入支出總體與上年相比,增加58.21萬元,增長15.46%,主要原因" with nothing after it
    answer = _conversation(tmp_path, "g03-wulumuqi-zhengwufuwu-2023-final.txt").ask("收支比上年增加的主要原因是什么？")
    assert answer.status in REFUSED, answer.text


def test_a_name_quoted_as_a_title_is_answered_only_by_its_own_figure(tmp_path: Path):
    # "其中:(1、2017年报刊订阅16.00万元;2、大美经开区50万元;…6、《经开区新闻》电视栏" — the copy breaks off
    # before the programme's figure: 大美经开区's 50万元 is no answer to it
    chat = _conversation(tmp_path, "s02-yueyang-jingkaiqu-xuanchuan-2018-budget.txt")
    answer = chat.fresh().ask("《经开区新闻》电视栏目经费安排了多少？")
    assert answer.status in REFUSED and "《经开区新闻》" in answer.text, answer.text
    other = chat.fresh().ask("大美经开区安排了多少？")
    assert other.status is Status.ANSWERED and "50万元" in other.text, other.text


def test_whose_disclosure_it_is_comes_from_what_it_prints(tmp_path: Path):
    # g10 is an excerpt of a unit's 2024 budget explanation that never prints the unit's name
    unnamed = _conversation(tmp_path / "g10", "g10-guangxi-unit-2024-budget.txt").ask("这是哪个单位的预算？")
    assert unnamed.status in REFUSED and "没有写明" in unnamed.text, unnamed.text
    # g07 prints "大竹县永胜镇人民政府属行政单位,下属事业单位4个。"
    named = _conversation(tmp_path / "g07", "g07-dazhu-yongsheng-2024-budget.txt").ask("这是哪个单位的预算？")
    assert named.status is Status.ANSWERED and "大竹县永胜镇人民政府" in named.text, named.text


def test_a_weight_is_no_score_obtained(tmp_path: Path):
    # g08's 绩效目标申报表 prints each indicator's 权重 ("| 项目维持时效 | ≥ | 95 | % | 10 |"), never a score
    # obtained: "得了多少分" is not answered with a weight; "权重是多少" is
    chat = _conversation(tmp_path, "g08-jingyan-mata-2023-budget.txt")
    assert chat.fresh().ask("马踏镇2023年这些项目最后完成得怎么样、得了多少分？").status in REFUSED
    weight = chat.fresh().ask("项目维持时效的权重是多少？")
    assert weight.status is Status.ANSWERED and "10" in weight.text, weight.text


def test_areas_are_added_in_square_metres(tmp_path: Path):
    # s11: "硬化室外晒坝420平方米,室内场坪1800平方米" → 2,220 平方米
    chat = _conversation(tmp_path, "s11-fengjie-yunwu-2023-budget.txt")
    answer = chat.ask("室外晒坝和室内场坪加起来多少平方米？")
    assert answer.status is Status.ANSWERED and "2,220" in answer.text and "平方米" in answer.text, answer.text


def test_everyday_words_for_work_and_income_reach_the_target(tmp_path: Path):
    # s11's 绩效目标审批表: "经济效益:项目建成后能够带动当地20名群众务工增收5000元/年" — 打工 is 务工,
    # 挣钱 增收; "多少群众" counts people, not the project's 65万元
    chat = _conversation(tmp_path, "s11-fengjie-yunwu-2023-budget.txt")
    answer = chat.ask("项目能带动多少群众打工挣钱？")
    assert answer.status is Status.ANSWERED and "20" in answer.text and "65万元" not in answer.text, answer.text


def test_a_completion_rate_is_answered_when_its_subject_is_printed_before_the_stage(tmp_path: Path):
    # The 社会工作部 决算 PDF: "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。…全年预算为52.00万元，
    # 支出决算为51.32万元，完成全年预算数的98.69%。" — "行政运行完成全年预算" is that rate: 行政运行 stands
    # before 支出决算 in its label, not in another's place
    config = Config(home=tmp_path)
    pdf = next((Path(__file__).parent / "fixtures" / "real_pdf").glob("中共*决算.pdf"))
    (result,) = ingest_files(config, [pdf])
    assert result.status == "added", result.error
    answer = Conversation(open_library(config), config).ask("行政运行完成全年预算的百分之多少？")
    assert answer.status is Status.ANSWERED and "98.69%" in answer.text, answer.text


def test_a_completion_rate_and_the_budget_it_completes_are_told_apart(tmp_path: Path):
    # n03: its 三公 table prints 合计 预算数 77.00 决算数 68.30; its note "…“三公”经费财政拨款支出决算为68.3万元,
    # 完成年初预算的88.7%"
    chat = _conversation(tmp_path, "n03-xuancheng-ningguo-chengguanju-2016-final.txt")
    rate = chat.fresh().ask("“三公”经费完成了年初预算的多少？")
    assert rate.status is Status.ANSWERED and "88.7%" in rate.text, rate.text
    budget = chat.fresh().ask("2016年“三公”经费年初预算是多少？")
    assert "88.7%" not in budget.text, budget.text


def test_a_figure_level_with_last_year_says_so_in_the_documents_words(tmp_path: Path):
    # s15: "(二)公务接待费 … 2022年预算安排1万元,与2021年预算持平。"
    chat = _conversation(tmp_path, "s15-mianyang-youxian-zhengfuban-2022-budget.txt")
    chat.ask("公务接待费预算多少？")
    answer = chat.ask("跟2021年比有变化吗？")
    assert answer.status is Status.ANSWERED and "与2021年预算持平" in answer.text, answer.text


def test_everyday_words_for_a_superior_and_for_carrying_out(tmp_path: Path):
    # s01's 收入支出决算总表: "三、上级补助收入 10.00" (万元) — 上面部门 is 上级
    chat = _conversation(tmp_path, "s01-nanzhang-zhaoshang-2019-final.txt")
    answer = chat.ask("上面部门给它补助了多少钱？")
    assert answer.status is Status.ANSWERED and "10万元" in answer.text, answer.text



def test_the_kinds_of_cars_a_sentence_lists_are_the_parts_of_the_count(tmp_path: Path):
    # s16: "单位共有公务用车8辆,其中:一般公务用车6辆,特种作业车(洒水车、垃圾车)2辆。"
    chat = _conversation(tmp_path, "s16-jintang-guancang-2015-final.txt")
    answer = chat.ask("公车分哪几类？")
    assert answer.status is Status.ANSWERED, answer.text
    assert "一般公务用车6辆" in answer.text and "特种作业车" in answer.text and "2辆" in answer.text, answer.text


@pytest.mark.parametrize("name, question, said", [
    # n10: "我单位的基本性质为财政拨款事业单位,成立于2020年,内设园长室、…"
    ("n10-lvliang-lishi-youeryuan-2022-budget.txt", "幼儿园哪年成立的？", "2020"),
    # n11: "…是财政拨款的公益二类事业单位,2021年根据《…批复》(京编委【2021】38号)文件,…并入…"
    ("n11-beijing-shangmaoxuexiao-2022-final.txt", "学校是哪一年合并组建的？", "2021"),
])
def test_when_a_unit_was_founded_is_read_from_the_sentence_saying_so(tmp_path: Path, name, question, said):
    answer = _conversation(tmp_path, name).ask(question)
    assert answer.status is Status.ANSWERED and said in answer.text, answer.text


def test_a_whole_named_as_where_a_part_sits_need_not_be_shown(tmp_path: Path):
    # s05: "…公務用車保有量2輛,購置及運行維護費5萬元,…比上年減少0.28萬元": "三公经费里公车的钱" asks the
    # cars' part of the 三公; 三公经费 says where it sits
    chat = _conversation(tmp_path, "s05-zhanjiang-xuanchuan-2017-budget.txt")
    answer = chat.ask("三公经费里公车的钱是多少？")
    assert answer.status is Status.ANSWERED and "5万元" in answer.text and "35万元" not in answer.text, answer.text
    change = chat.ask("比上年少了多少？")
    assert "0.28万元" in change.text, change.text


def test_paying_staff_social_insurance_is_the_social_security_class(township):
    # g01's 收支总表 (flattened): "八、社会保障和就业支出 | 98.25 |" — no row for 养老保险缴费 itself
    answer = township.fresh().ask("给职工交社保、养老这一块预算了多少？")
    assert answer.status is Status.ANSWERED and "98.25" in answer.text, answer.text


def test_the_parts_listed_in_brackets_after_a_figure_are_its_parts(tmp_path: Path):
    # s02: "…其中,基本支出71.09万元(社会保障和就业支出38.39万元,医疗卫生与计划生育支7.1万元,住房保障支出5.7万元,
    # 一般商品和服务支出19.90万元)项目支出525.00万元。" — 38.39 + 7.1 + 5.7 + 19.9 = 71.09; 项目支出 is no part
    answer = _conversation(tmp_path, "s02-yueyang-jingkaiqu-xuanchuan-2018-budget.txt").ask("基本支出由哪几块组成？")
    assert answer.status is Status.ANSWERED, answer.text
    assert all(v in answer.text for v in ("38.39", "7.1", "5.7", "19.9")) and "525" not in answer.text, answer.text


def test_a_change_of_a_whole_is_the_sum_of_its_parts_changes(tmp_path: Path):
    # g02: "3.公务用车购置和运行维护费。2026年预算数4.80万元,其中:" / "公务用车购置费2026年预算数0万元,较2025年年初
    # 预算减少18.00万元,…" / "公务用车运行维护费2026年预算数4.80万元,较2025年年初预算减少2.54万元,…" — the whole's
    # change is not printed: 18.00 + 2.54 = 20.54 less than the 2025 年初预算
    chat = _conversation(tmp_path, "g02-futian-minzhengju-2026-budget.txt")
    chat.ask("福田区民政局2026年公务用车购置和运行维护费预算多少？")
    answer = chat.ask("比2025年年初预算少了多少？")
    assert answer.status is Status.ANSWERED and "20.54" in answer.text, answer.text


@pytest.mark.parametrize("name, question", [
    # g06 says "主要原因是增加农机购置补贴项目资金" and names no 农户
    ("g06-yongchuan-nongji-2024-final.txt", "2024年农机购置补贴具体发给了哪些农户？"),
    # s05 says "接待记者46批次,约600人" and names no 媒体
    ("s05-zhanjiang-xuanchuan-2017-budget.txt", "接待的记者都来自哪些媒体？"),
])
def test_which_things_a_passage_does_not_name_are_not_found(tmp_path: Path, name, question):
    answer = _conversation(tmp_path, name).ask(question)
    assert answer.status in REFUSED, answer.text


def test_what_the_cars_cost_is_their_whole_cost_not_one_part(tmp_path: Path):
    # n07: "公务用车购置及运行维护费支出192.72万元。其中:公务用车购置费0元,公务用车运行维护费192.72万元"
    answer = _conversation(tmp_path, "n07-neimenggu-wenhuating-2015-final.txt").ask("公车方面花了多少？")
    assert answer.status is Status.ANSWERED and "192.72" in answer.text, answer.text


def test_a_part_named_after_qizhong_is_the_previous_subjects_part_the_text_states(tmp_path: Path):
    # The 2025 budget PDF: "2025年本部门政府采购预算4821.20万元，其中：政府采购货物预算57.43万元、政府采购工程预算
    # 3780.72万元、…" — "[政府采购预算多少？] 其中工程类的呢？" is 政府采购工程预算
    config = Config(home=tmp_path)
    pdf = next((Path(__file__).parent / "fixtures" / "real_pdf").glob("*25年预算.pdf"))
    (result,) = ingest_files(config, [pdf])
    assert result.status == "added", result.error
    chat = Conversation(open_library(config), config)
    chat.ask("政府采购预算多少？")
    answer = chat.ask("其中工程类的呢？")
    assert answer.status is Status.ANSWERED and "3,780.72" in answer.text, answer.text


def test_the_cars_cost_is_found_under_either_template_name(tmp_path: Path):
    # s04: "因公出国(境)费7.8万元,…公务用车购置及运行费支出7.5万元" (the 决算 template's older name, without 维护)
    answer = _conversation(tmp_path, "s04-qingyuan-shengtaihuanjing-2019-final.txt").ask("出国费和公车费加起来多少？")
    assert answer.status is Status.ANSWERED and "15.3" in answer.text, answer.text


def test_how_much_a_figure_fell_is_its_stated_rate_when_no_amount_is_stated(tmp_path: Path):
    # s16: "2015年公务接待费9.95万元,较2014年决算数下降5.5%,…" and "2015年公务用车购置及运行维护费共计13.01万元,
    # 较2014年决算数下降1.95%。" — no amount of change printed: the rate answers "下降多少", also in a follow-up
    chat = _conversation(tmp_path, "s16-jintang-guancang-2015-final.txt")
    first = chat.ask("公务接待费较2014年下降多少？")
    assert first.status is Status.ANSWERED and "5.5%" in first.text, first.text
    follow = chat.ask("公车费用呢？")
    assert follow.status is Status.ANSWERED and "1.95%" in follow.text, follow.text


def test_people_asked_by_their_status_are_the_count_printed_with_a_qualifier(tmp_path: Path):
    # s01: "现单位实有在职在编人员16名,人事派遣人员5名,退休职工6名。" A citizen says the status alone.
    chat = _conversation(tmp_path, "s01-nanzhang-zhaoshang-2019-final.txt")
    in_post = chat.fresh().ask("在编多少人？")
    assert in_post.status is Status.ANSWERED and "16名" in in_post.text and in_post.facts, in_post.text
    dispatched = chat.fresh().ask("派遣的有多少人？")
    assert dispatched.status is Status.ANSWERED and "5名" in dispatched.text and dispatched.facts, dispatched.text
    both = chat.fresh().ask("在编的加上派遣来的，一共多少人？")
    assert both.status is Status.ANSWERED and "21" in both.text, both.text


def test_the_three_costs_listed_from_a_one_row_table(tmp_path: Path):
    # g04 prints its 三公 table as one unnamed row under the columns “三公”经费合计 328.7 | 因公出国(境)费 10 |
    # 公务用车购置及运行费 小计 78.7 (购置费 43, 运行费 35.7) | 公务接待费 240.
    answer = _conversation(tmp_path, "g04-wanjiang-jiangnan-jizhongqu-2024-budget.txt").ask("“三公”经费由哪几块组成，各多少？")
    assert answer.status is Status.ANSWERED, answer.text
    for part in ("因公出国(境)费", "10万元", "公务用车购置及运行费", "78.7万元", "公务接待费", "240万元"):
        assert part in answer.text, answer.text
