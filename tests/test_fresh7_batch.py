"""Behaviour the seventh fresh batch (tests/fixtures/fresh7_corpus) showed, on its real pages.

Expected values are typed from the pages as printed (see that folder's SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from assistant.answer import Status
from ingest.document import parse_document
from ingested import batch_text, conversation_on

def _text(prefix: str) -> Path:
    return batch_text("fresh7", prefix)


def test_a_declared_unit_name_ends_at_its_clause():
    # fN2: "(三)部门预算单位名称:中国人民政治协商会议陕西省蓝田县委员会,无下属单位。"
    assert parse_document(_text("fN2")).department == "中国人民政治协商会议陕西省蓝田县委员会"


def test_a_title_broken_after_the_units_name_names_the_unit():
    # fN3: "天津市红桥区人民法院" / "2017年度一般公共预算财政拨款" / "“三公”经费决算情况说明"
    document = parse_document(_text("fN3"))
    assert (document.department, document.year, document.kind) == ("天津市红桥区人民法院", 2017, "final")


def test_a_peoples_court_is_asked_without_renmin(tmp_path: Path):
    # fN3: "2017年公务接待费决算0.5万元"; people say 红桥区法院 for 天津市红桥区人民法院
    chat = conversation_on(tmp_path, _text("fN3"))
    answer = chat.ask("红桥区法院2017年招待客人花了多少钱？")
    assert answer.status is Status.ANSWERED and "0.5万元" in answer.text, answer.text


def test_a_title_broken_over_three_lines_is_the_documents_title():
    # fN3: "天津市红桥区人民法院" / "2017年度一般公共预算财政拨款" / "“三公”经费决算情况说明"
    title = "天津市红桥区人民法院2017年度一般公共预算财政拨款“三公”经费决算情况说明"
    assert parse_document(_text("fN3")).title == title


def test_a_section_is_cited_under_the_documents_title(tmp_path: Path):
    # fN3: a person points to "三、2017年公务接待费决算0.5万元,…" by its heading within the page they read
    chat = conversation_on(tmp_path, _text("fN3"))
    answer = chat.ask("红桥区法院2017年招待客人花了多少钱？")
    assert any("“三公”经费决算情况说明" in c.title and "三、2017年公务接待费决算" in c.title
               for c in answer.citations), answer.citations


def test_what_a_bureau_manages_is_its_duties(tmp_path: Path):
    # fM1: "一、主要职能 1.贯彻制定机关事务工作的有关规定和制度并组织实施。"
    chat = conversation_on(tmp_path, _text("fM1"))
    answer = chat.ask("余姚市机关事务管理局主要是管什么的？")
    assert answer.status is Status.ANSWERED and "贯彻制定机关事务工作的有关规定和制度" in answer.text, answer.text


def test_a_budget_of_both_sides_at_once_answers_what_is_spent(tmp_path: Path):
    # fM1: "2021年收支总预算6927.14万元"
    chat = conversation_on(tmp_path, _text("fM1"))
    answer = chat.ask("余姚市机关事务管理局2021年总共打算花多少钱？")
    assert answer.status is Status.ANSWERED and "6927.14" in answer.text.replace(",", ""), answer.text


def test_a_decrease_said_with_its_kind_of_money_is_the_change():
    # fM2: "2017年区级“三公”经费公共财政拨款支出1360.13万元,比上年减少支出613.80万元,下降36.0%"
    records = [r for r in parse_document(_text("fM2")).records if r.value in (-613.8, 613.8)]
    assert [(r.measure, r.value, r.base_period) for r in records] == [("change", -613.8, "2016")], records
    assert "三公" in records[0].label


def test_a_count_said_from_one_level_to_another_gives_both_years():
    # fM2: "出国人次从29人降为16人,下降44.8%": 29 last year, 16 this year, both of 出国人次
    counts = {(r.value, r.period) for r in parse_document(_text("fM2")).records
              if r.label == "出国人次" and r.measure == "count"}
    assert counts == {(29.0, "2016"), (16.0, "2017")}, counts


def test_how_much_there_is_to_use_is_the_budgets_total(tmp_path: Path):
    # fM3: "2025年襄州区伙牌镇政府(单位)收入预算842.79万元" is the whole budget (支出预算 the same)
    chat = conversation_on(tmp_path, _text("fM3"))
    answer = chat.ask("伙牌镇政府2025年一共有多少钱可以用？")
    assert answer.status is Status.ANSWERED and "842.79" in answer.text, answer.text
