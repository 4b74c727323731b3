"""Behaviour the sixth fresh batch (tests/fixtures/fresh6_corpus) showed, on its real pages.

Expected values are typed from the pages as printed (see that folder's SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from assistant.answer import Status
from ingest.document import parse_document
from ingested import batch_text, conversation_on

def _text(prefix: str) -> Path:
    return batch_text("fresh6", prefix)


def test_a_title_with_its_region_before_the_year_names_the_unit_after_it():
    # fK2: "雷州市2018年龙门镇人民政府部门预算的批复"; its first sentence's "2018年公共财政预算业经…" names
    # no department, nor does fL2's "2020 年度一般公共预算财政拨款安排的“三公”经费支出决算总额"
    assert parse_document(_text("fK2")).department == "雷州市龙门镇人民政府"
    assert parse_document(_text("fL2")).department == ""


def test_each_item_said_unchanged_against_the_budget_is_the_subject_of_its_change_on_last_year():
    # fL2: "…公务用车运行维护费支出决算比预算无增减变化,比去年增加 1.05 万元,增长 35.8%,…;公务接待费支出
    # 决算比预算无增减变化,比去年增加 0.5 万元,增长 50%"
    changes = {(r.label, r.value, r.measure) for r in parse_document(_text("fL2")).records
               if r.source == "text" and r.measure != "amount"}
    assert any(label.startswith("公务用车运行维护费") and value == 1.05 for label, value, _ in changes), changes
    assert any(label.startswith("公务接待费") and value == 0.5 for label, value, _ in changes), changes
    assert not any(label.startswith("公务用车运行维护费") and value == 0.5 for label, value, _ in changes)


def test_a_one_column_table_of_labels_each_followed_by_its_amount():
    # fL1: "预 算 数" / "57.9" / "因公出国(境)费" / "13.9" / "公务接待费" / "9" / … then
    # "二、2016年“三公”经费支出预算情况说明", a heading of its own
    document = parse_document(_text("fL1"))
    table = document.tables[0]
    rows = {row.label: row.cells[0].value for row in table.rows}
    assert table.unit == "万元" and rows["因公出国(境)费"] == 13.9 and rows["公务接待费"] == 9
    assert rows["公务用车购置及运行费"] == 35 and rows["公务用车购置"] == 0
    assert len(table.columns) == 1
    assert any(s.title.endswith("2016年“三公”经费支出预算情况说明") for s in document.sections)


def test_both_totals_said_at_once_answer_what_was_spent(tmp_path: Path):
    # fK1: "2024年度收、支总计均为357.21万元"; the unit is "重庆市荣昌区总工会本级", asked without 本级
    chat = conversation_on(tmp_path, _text("fK1"))
    answer = chat.ask("荣昌区总工会2024年一共花了多少钱？")
    assert answer.status is Status.ANSWERED and "357.21" in answer.text, answer.text


def test_a_long_subject_is_named_by_what_follows_its_last_de():
    # fL2: "2020 年度一般公共预算财政拨款安排的“三公”经费支出决算总额为 5.48 万元": not cut mid-word
    totals = {r.label for r in parse_document(_text("fL2")).records if r.value == 5.48}
    assert totals == {"“三公”经费支出决算总额"}, totals
