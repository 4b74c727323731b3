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
    ("ex07.txt", None, 2017, "budget", "元"),
    ("ex09.txt", "桂林市司法局", 2015, "budget", "万元"),
    ("ex10.txt", "昭通市大关县天星镇中心卫生院", 2021, "final", "元"),
    ("ex14.txt", "曾都区河道堤防建设管理处", 2021, "final", ""),
])
def test_excerpt_metadata(name, department, year, kind, unit):
    document = parse_document(EXCERPTS / name)
    if department is not None:
        assert document.department == department
    assert (document.year, document.kind, document.unit) == (year, kind, unit)


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
