"""Department, year, kind, unit, title and doc_id, read from the text and the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.document import parse_document
from ingest.metadata import make_doc_id

EXCERPTS = Path(__file__).parent / "fixtures" / "excerpts"


def test_sample_metadata(sample_path):
    document = parse_document(sample_path)
    assert document.department == "深圳市社会保险基金管理局罗湖分局"
    assert (document.year, document.kind, document.unit) == (2022, "budget", "万元")
    assert document.doc_id == "luohu-2022"
    assert document.title == "深圳市社会保险基金管理局罗湖分局2022年部门预算"


def test_given_doc_id_wins(sample_path):
    assert parse_document(sample_path, doc_id="my-doc").doc_id == "my-doc"


@pytest.mark.parametrize("name, department, year, kind, unit", [
    ("ex01.txt", "中国人民政治协商会议云南省寻甸回族彝族自治县委员会", 2022, "final", "元"),
    ("ex02.txt", "", 2019, "final", "万元"),
    ("ex03.txt", "", 2018, "final", "万元"),
    ("ex04.txt", "北京市人民政府研究室", 2020, "final", "万元"),
    ("ex05.txt", "自治区人民政府机关事务管理局", 2013, "budget", "万元"),
    ("ex06.txt", "余庆县公安局交通警察大队", 2022, "budget", ""),
    ("ex07.txt", "盘龙区人大常委会办公室", 2017, "budget", "元"),
    ("ex08.txt", "岳阳县台创园", 2017, "budget", "元"),
    ("ex09.txt", "桂林市司法局", 2015, "budget", "万元"),
    ("ex10.txt", "昭通市大关县天星镇中心卫生院", 2021, "final", "元"),
    ("ex11.txt", "", 2022, "budget", ""),
    ("ex12.txt", "青神县发展和改革局", 2023, "final", "万元"),
    ("ex13.txt", "池州市贵池区棠溪镇人民政府", 2022, "final", "万元"),
    ("ex14.txt", "曾都区河道堤防建设管理处", 2021, "final", ""),
])
def test_excerpt_metadata(name, department, year, kind, unit):
    document = parse_document(EXCERPTS / name)
    assert document.department == department
    assert (document.year, document.kind, document.unit) == (year, kind, unit)


@pytest.mark.parametrize("name, title", [
    ("ex01.txt", "中国人民政治协商会议云南省寻甸回族彝族自治县委员会2022年度“三公”经费决算情况说明"),
    ("ex06.txt", "余庆县公安局交通警察大队2022年部门预算及“三公”经费公开情况说明"),
    ("ex08.txt", "岳阳县2017年度部门“三公”经费预算情况表"),
    ("ex09.txt", "2015年桂林市司法局部门“三公”经费情况统计表"),
    ("ex12.txt", "部门预算项目支出绩效自评表(2023年度)"),
])
def test_a_printed_title_line_is_the_title(name, title):
    assert parse_document(EXCERPTS / name).title == title


def test_an_unnamed_unit_gets_no_guessed_name_in_its_title():
    document = parse_document(EXCERPTS / "ex03.txt")
    assert document.department == "" and "2018" in document.title and "决算" in document.title


@pytest.mark.parametrize("name, year, expected", [
    ("luohu-social-insurance-2022-budget.txt", 2022, "luohu-2022"),
    ("Futian_2021.pdf", 2021, "futian-2021"),
])
def test_doc_id_from_an_ascii_file_name(name, year, expected):
    assert make_doc_id(name, year) == expected


def test_doc_id_from_a_chinese_file_name_is_a_stable_hash_slug():
    first = make_doc_id("罗湖区2021年部门决算.txt", 2021)
    assert first == make_doc_id("罗湖区2021年部门决算.txt", 2021)
    assert first.startswith("doc-2021-") and len(first) == len("doc-2021-") + 6
    assert first != make_doc_id("福田区2021年部门决算.txt", 2021)


def test_a_budget_naming_last_years_final_accounts_stays_a_budget(sample_path, tmp_path):
    text = sample_path.read_text(encoding="utf-8").replace(
        "预算收支增加的 主要原因：", "2021 年决算数为 3,500 万元。预算收支增加的 主要原因：")
    assert "2021 年决算数" in text
    copy = tmp_path / "with-final-mention.txt"
    copy.write_text(text, encoding="utf-8")
    assert parse_document(copy).kind == "budget"


def test_naming_the_initial_budget_alone_does_not_make_final_accounts():
    from ingest.metadata import find_kind

    budget_lines = ["公务接待费年初预算安排2万元,比上年持平。", "2023年部门预算收支情况。"]
    assert find_kind([], budget_lines) == "budget"
    final_lines = ["公务接待费支出2.05万元,年初预算为2万元,差值为0.05万元。"]
    assert find_kind([], final_lines) == "final"
