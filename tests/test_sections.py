"""The section tree and paragraphs of the sample, typed from the disclosure as a person reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.document import parse_document
from ingest.sections import parse_heading, parse_sections

DUTIES = (
    "贯彻执行市社会保险基金管理局下达的工作任务及计划。负责经办罗湖辖区养老、失业、工伤等保险的参保登记、"
    "扩面、个人权益记录，罗湖辖区用人单位员工工伤认定，以及养老、失业、工伤保险等项目待遇的审核、服务、"
    "管理和社会保险关系转移接续工作。负责推进街道和社区社保窗口延伸服务。负责罗湖辖区社会保险方面的咨询、"
    "投诉和信访工作。")
PART3 = "第三部分 部门预算支出具体情况"
UNIT = "一、深圳市社会保险基金管理局罗湖分局"


@pytest.fixture(scope="module")
def sections(sample_path):
    return {section.path: section for section in parse_document(sample_path).sections}


def test_duties_are_one_paragraph_read_as_a_person_would(sections):
    duties = sections[("第一部分 部门概况", "一、部门职责")]
    assert duties.paragraphs == (DUTIES,)
    assert duties.level == 2


def test_the_nine_parts_are_level_one_with_one_space_after_the_number(sections):
    parts = [path[0] for path in sections if len(path) == 1]
    assert parts == [
        "第一部分 部门概况", "第二部分 部门预算收支总体情况", PART3, "第四部分 政府采购预算情况",
        "第五部分 一般公共预算“三公”经费预算情况", "第六部分 部门预算绩效管理情况",
        "第七部分 重点项目预算绩效情况说明", "第八部分 其他需要说明情况", "第九部分 名词解释"]


def test_document_wrappers_are_not_parents(sections):
    assert not any(path[0] in ("一、文字部分", "二、表格部分") and len(path) > 1 for path in sections)


def test_heading_with_inline_content_keeps_it_as_first_paragraph(sections):
    staff = sections[(PART3, UNIT, "（一）人员支出")]
    assert staff.level == 3
    assert staff.paragraphs[0] == "（一）人员支出2,315万元，主要包括：在职人员工资福利支出。"


def test_numbered_project_items_are_level_four_sections(sections):
    items = [path[-1] for path in sections if path[:3] == (PART3, UNIT, "（四）项目支出") and len(path) == 4]
    assert items == ["1.社保综合管理", "2.社保业务管理", "3.信息系统建设", "4.预算准备金", "5.区财政安排项目"]
    first = sections[(PART3, UNIT, "（四）项目支出", "1.社保综合管理")]
    assert first.level == 4
    assert first.paragraphs[0].startswith("1.社保综合管理589万元，主要包括：社保业务公众服务工作546万元，")
    assert first.paragraphs[0].endswith("办公场地公共服务费项目调整至基本支出。")


def test_enclosed_numerals_are_headings_too(sections):
    part5 = "第五部分 一般公共预算“三公”经费预算情况"
    titles = [path[-1] for path in sections if path[0] == part5 and len(path) == 2]
    assert titles == ["1.因公出国（境）费用", "2.公务接待费", "3.公务用车购置和运行维护费"]


def test_paragraph_ends_at_end_mark_and_spaces_near_numbers_are_removed(sections):
    part2 = sections[("第二部分 部门预算收支总体情况",)]
    assert part2.paragraphs == (
        "2022年深圳市社会保险基金管理局罗湖分局部门预算收入3,776万元，比2021年增加208万元，增长6%。"
        "2022年部门预算支出3,776万元，比2021年增加208万元，增长6%。",
        "预算收支增加的主要原因：一是罗湖区财政预算拨款纳入预算草案；二是增加社保志愿服务项目。")
    assets = sections[("第八部分 其他需要说明情况", "二、国有资产占用情况")]
    assert assets.paragraphs[0].startswith("截至2021年10月，深圳市社会保险基金管理局罗湖分局共有车辆2辆；")


def test_sections_carry_heading_and_paragraph_lines(sections):
    duties = sections[("第一部分 部门概况", "一、部门职责")]
    assert duties.line == 7
    assert duties.paragraph_lines == (9,)


@pytest.mark.parametrize("line, level, title", [
    ("第五部分  一般公共预算“三公”经费预算", 1, "第五部分 一般公共预算“三公”经费预算"),
    ("第一部分:基本情况", 1, "第一部分 基本情况"),
    ("第一部分自治区人民政府机关事务管理局概况", 1, "第一部分 自治区人民政府机关事务管理局概况"),
    ("三、2022 年主要工作目标", 2, "三、2022年主要工作目标"),
    ("二、 一般公共预算“三公”经费支出决算具体情况", 2, "二、一般公共预算“三公”经费支出决算具体情况"),
    ("(一)机构设置、职责。北京市人民政府研究室是", 3, "(一)机构设置、职责"),
    ("1.社保综合管理 589 万元，主要包括：", 4, "1.社保综合管理"),
    ("1、 代表履职补贴643200元;", 4, "1、代表履职补贴"),
    ("2. 公务用车购置及运行维护费支出34000.00元。其中:", 4, "2.公务用车购置及运行维护费支出"),
    ("(3)公务接待费支出情况。", 5, "(3)公务接待费支出情况"),
])
def test_heading_levels_and_titles(line, level, title):
    heading = parse_heading(line)
    assert (heading.level, heading.title) == (level, title)


@pytest.mark.parametrize("line", ["2022 年预算数 0 万元", "1.5万元用于", "3,776 万元，比 2021 年", "表 1"])
def test_lines_that_are_no_headings(line):
    assert parse_heading(line) is None


def test_wrapped_part_heading_is_joined():
    lines = [(1, "第五部分  一般公共预算“三公”经费预算"), (2, ""), (3, "情况 "), (4, " "),
             (5, "2022 年“三公”经费预算 8 万元，比 2021 年预"), (6, ""), (7, "算增加 0 万元。 "),
             (8, "第六部分  部门预算绩效管理情况 "), (9, "所有项目纳入绩效管理。 ")]
    sections = parse_sections(lines)
    assert [s.title for s in sections] == [
        "第五部分 一般公共预算“三公”经费预算情况", "第六部分 部门预算绩效管理情况"]
    assert sections[0].paragraphs == ("2022年“三公”经费预算8万元，比2021年预算增加0万元。",)


def test_one_paragraph_per_line_when_the_text_has_no_end_marks():
    lines = [(1, "一、单位基本情况"), (2, "北京市人民政府研究室行政编制65人,实有人数60人。"),
             (3, "离退休人员16人,其中:离休0人,退休16人。")]
    sections = parse_sections(lines)
    assert sections[0].paragraphs == ("北京市人民政府研究室行政编制65人,实有人数60人。",
                                      "离退休人员16人,其中:离休0人,退休16人。")


def test_a_heading_printed_as_one_sentence_without_figures_is_titled_by_all_of_it():
    lines = ["(二)按支出结构分类划分,分为基本支出预算和项目支", "出预算。", "1. 基本支出预算 924,289.71 元,占支出总预算的",
             "100.00%。", "(三)人员支出 2,315 万元,主要包括:", "基本工资。"]
    sections = parse_sections(list(enumerate(lines, start=1)))
    titles = [s.title for s in sections]
    assert "(二)按支出结构分类划分,分为基本支出预算和项目支出预算" in titles
    assert "(三)人员支出" in titles  # figures after the comma are the heading's content, not its title


def test_a_number_alone_on_its_line_heads_the_title_on_the_next():
    # s14 of the development corpus: "收入决算结构图" / "三、" / "支出决算情况说明" / "2020年本年支出合计4021.94万元,…"
    path = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / "s14-sichuan-baojianyuan-2020-final.txt"
    sections = parse_document(path).sections
    spending = next(s for s in sections if s.title == "三、支出决算情况说明")
    assert spending.paragraphs[0].startswith("2020年本年支出合计4021.94万元")
    assert not [p for s in sections for p in s.paragraphs if "三、" in p]


def test_parts_the_contents_number_and_the_body_heads_without_number() -> None:
    # a 2025 street-office budget PDF of the development corpus: its contents list "三、名词解释 ……",
    # "四、部门预算编制说明 ……", "六、其他相关情况说明 ……"; its body heads them "名词解释",
    # "2025年部门预算编制说明", "其他相关情况说明", after a list of duties numbered 一、 to 九、
    pdf = next((Path(__file__).parent / "fixtures" / "real_pdf").glob("*25年预算.pdf"))
    sections = parse_document(pdf).sections
    part_of = {s.title: s.path[0] for s in sections}
    assert part_of["（一）财政拨款收入"] == "名词解释"
    explanation = next(s for s in sections if s.path == ("2025年部门预算编制说明",))
    assert any("主要原因是项目调整" in p for p in explanation.paragraphs)
    assert part_of["一、2025年“三公”经费预算情况说明"] == "其他相关情况说明"
    assert part_of["九、承办区委、区政府交办的其他事项"].endswith("主要职能")


def test_a_heading_whose_numeral_was_lost_in_copying_is_still_a_heading():
    # A school's 决算 copied from a web page: "、单位职责" on its own line, then
    # "淄博理工学校是首批国家级重点职业学校、…现有教职工356人,在校生3771人。"
    document = parse_document(Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
                              / "n12-zibo-ligongxuexiao-2021-final.txt")
    duties = [s for s in document.sections if s.path[-1] == "、单位职责"]
    assert duties and duties[0].paragraphs[0].startswith("淄博理工学校是首批国家级重点职业学校")
    # a wrapped line of a list is no heading: "、" opens a line only in front of a short title
    assert parse_heading("、财计股、法规股、联合工会、政务服务股") is None


def test_a_body_without_the_headings_its_contents_list_is_under_none_of_them():
    # n08, copied from a web page: "目 录" lists 第一部分 … 第四部分 and their 一、… entries, down to
    # "十一、关于空表的说明"; the body after it prints none of these headings ("河西务镇人民政府隶属于…").
    # The body is cited as the text after the contents, not as the last entry of the list.
    document = parse_document(Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
                              / "n08-tianjin-wuqing-hexiwuzhen-2023-budget.txt")
    body = next(s for s in document.sections if any("隶属于" in p for p in s.paragraphs))
    assert body.path[0] == "正文", body.path
    assert not any(s.title == "十一、关于空表的说明" and s.paragraphs for s in document.sections)


def test_a_body_without_its_headings_follows_its_contents_list_by_what_each_paragraph_is_about():
    # n08: the contents list 第一部分 概况 (一、主要职责, 二、机构设置情况) then 第二部分 2023年部门预算情况说明
    # (一、关于收支总体情况表的说明, …); the body prints, in that order, "…隶属于…管辖,主要负责本镇全面工作",
    # "…内设 21 个职能处室;下辖 0 个预算单位。", "纳入…预算编制范围的预算单位包括:" and "按照综合预算的原则,
    # …所有收入和支出均纳入部门预算管理。收入包括:…". A reader places each under the entry it is about.
    document = parse_document(Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
                              / "n08-tianjin-wuqing-hexiwuzhen-2023-budget.txt")

    def path_of(words: str) -> tuple[str, ...]:
        return next(s.path for s in document.sections if any(words in p for p in s.paragraphs))

    assert path_of("隶属于") == ("正文", "第一部分概况", "一、主要职责"), path_of("隶属于")
    assert path_of("职能处室") == ("正文", "第一部分概况", "二、机构设置情况"), path_of("职能处室")
    assert path_of("编制范围的预算单位包括") == ("正文", "第一部分概况", "二、机构设置情况")
    assert path_of("所有收入和支出") == ("正文", "第二部分2023年部门预算情况说明", "一、关于收支总体情况表的说明"), \
        path_of("所有收入和支出")


def test_numbered_items_after_an_opening_sentence_of_figures_sit_under_it():
    # s13 (an excerpt starting mid-document): "本单位2023年“会议费”“培训费”“差旅费”财政拨款预算数3万元,其中:会议费0万元,
    # 培训费2万元,差旅费1万元。" then "(一)会议费…", "(二)培训费…", "(三)差旅费…", then "九、政府性基金预算支出情况说明"
    document = parse_document(Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
                              / "s13-sichuan-unit-2023-budget.txt")
    paths = {s.title: s.path for s in document.sections}
    lead = "本单位2023年“会议费”“培训费”“差旅费”财政拨款预算数"
    assert paths["(二)培训费2023年预算"] == ("前言", lead, "(二)培训费2023年预算"), paths["(二)培训费2023年预算"]
    assert paths["(三)差旅费2023年预算"][:2] == ("前言", lead)
    assert paths["九、政府性基金预算支出情况说明"] == ("九、政府性基金预算支出情况说明",)


def test_a_note_printed_under_a_table_belongs_to_that_table():
    # The Shanghai district 决算 PDF prints each empty table with a line under it: "说明：…本年度没有财政拨款
    # “三公”经费支出，故本表无数据。" under 财政拨款“三公”经费支出决算表, "说明：…没有政府性基金预算财政拨款收入
    # 和支出，故本表无数据。" under 政府性基金预算财政拨款收入支出决算表. They are about those tables, not part of
    # "二、部门决算单位构成", the last heading before the tables.
    document = parse_document(Path(__file__).parent / "fixtures" / "real_pdf"
                              / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf")

    def path_of(words: str) -> tuple[str, ...]:
        return next(s.path for s in document.sections if any(words in p for p in s.paragraphs))

    assert path_of("没有财政拨款“三公”经费支出，故本表无数据")[-1] == "财政拨款“三公”经费支出决算表"
    assert path_of("没有政府性基金预算财政拨款收入和支出")[-1] == "政府性基金预算财政拨款收入支出决算表"
    units = next(s for s in document.sections if s.title == "二、部门决算单位构成")
    assert not any("本表" in p for p in units.paragraphs), units.paragraphs
