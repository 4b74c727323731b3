"""Selective normalisation: what is folded, what is kept."""

from __future__ import annotations

import pytest

from ingest.normalise import join_wrapped, normalise_line, normalise_lines, tidy_spaces


@pytest.mark.parametrize("raw, expected", [
    ("⒉公务接待费。", "2.公务接待费。"),
    ("⒛项", "20.项"),
    ("２０２２年", "2022年"),
    ("ＡＢｃ", "ABc"),
    ("增长６％", "增长6%"),
    ("部门名称：\u00a0深圳", "部门名称： 深圳"),
    ("一、\u3000部门职责", "一、 部门职责"),
])
def test_folds_numerals_digits_letters_percent_and_spaces(raw, expected):
    assert normalise_line(raw) == expected


def test_keeps_full_width_cjk_punctuation():
    line = "（一）人员支出 2,315 万元，主要包括：在职人员“工资”；"
    assert normalise_line(line) == line


def test_trailing_whitespace_becomes_one_space_mark():
    assert normalise_line("咨询、投诉和信访工作。   ") == "咨询、投诉和信访工作。 "
    assert normalise_line("贯彻执行市社会保险基金管理局下达的工作任务及计划。负") == \
        "贯彻执行市社会保险基金管理局下达的工作任务及计划。负"
    assert normalise_line(" \u3000 ") == ""


def test_lines_are_split_on_any_line_break():
    assert normalise_lines("一、部门职责 \r\n\r\n负责") == ("一、部门职责 ", "", "负责")


@pytest.mark.parametrize("raw, expected", [
    ("人员支出 2,315 万元", "人员支出2,315万元"),
    ("增长 6 %。", "增长6%。"),
    ("共 7个部门", "共7个部门"),
    ("全 区中小河流", "全区中小河流"),
    ("二、 一般公共预算", "二、一般公共预算"),
    ("95.5 KB下载", "95.5 KB下载"),
    ("11,122,315.04 13,628,965.89", "11,122,315.04 13,628,965.89"),
])
def test_tidy_spaces_keeps_only_spaces_between_latin_or_digits(raw, expected):
    assert tidy_spaces(raw) == expected


def test_join_wrapped_never_inserts_a_space_between_cjk():
    assert join_wrapped("计划。负", "责经办") == "计划。负责经办"
    assert join_wrapped("社保文书 3600", "件以上") == "社保文书 3600件以上"
    assert join_wrapped("see the", "annex") == "see the annex"


def test_office_document_properties_before_the_text_are_dropped():
    line = ("安福全 zlnb210061 1 2019-05-22T04:56:35Z 2006-09-13T11:21:51Z 2022-05-16T06:53:23Z 15.00 "
            "2052-11.1.0.11691 FEAB6FBF67D44AA19C24BC22CBB840E5 9300 22370 0 0 False False False "
            "附件: 项目支出绩效自评表 (2022年度) 项目名称 委托业务项目")
    assert normalise_lines(line) == ("附件: 项目支出绩效自评表 (2022年度) 项目名称 委托业务项目",)


def test_a_line_without_timestamps_or_guid_keeps_its_true_and_false():
    assert normalise_lines("是否达标 False 0 0") == ("是否达标 False 0 0",)


# --- mirror-site copies: traditional characters and inserted pinyin ---------------------

def test_a_mirror_line_reads_like_its_simplified_original():
    # As printed in tests/fixtures/dev_corpus/texts/s05-…txt (a mirror of a 湛江 page).
    line = "2017年湛江市委宣傳部“三公”經(jīng)費(fèi)增減情況說(shuō)明"
    assert normalise_line(line) == "2017年湛江市委宣传部“三公”经费增减情况说明"


def test_parentheses_that_are_not_pinyin_stay():
    assert normalise_line("因公出国(境)费 (a) 公务(用)车") == "因公出国(境)费 (a) 公务(用)车"


def test_the_simplified_sample_is_left_exactly_as_it_is(sample_path):
    from ingest.normalise import to_simplified

    text = sample_path.read_text(encoding="utf-8")
    assert to_simplified(text) == text


def test_a_traditional_mirror_copy_is_read_as_a_disclosure():
    # Unreadable before ("没有找到章节标题、表格或金额"): 35 万元 of “三公” in 2017, typed from the text.
    from pathlib import Path

    from ingest.document import parse_document

    path = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / "s05-zhanjiang-xuanchuan-2017-budget.txt"
    document = parse_document(path)
    assert document.year == 2017
    assert any(r.value == 35 and r.unit == "万元" for r in document.records)
