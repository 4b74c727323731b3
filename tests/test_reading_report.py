"""eval/reading_report.py: typed expectations are compared with what the parser read."""

from __future__ import annotations

from pathlib import Path

from eval.reading_report import load_expected, read_one, record_matches, render_line
from ingest.model import Record

FIXTURES = Path(__file__).parent / "fixtures"


def _record(**fields) -> Record:
    data = dict(doc_id="d", department="", year=2024, source="table", value=17887739.0, unit="元",
                label="行政运行", row_path=("城乡社区支出", "城乡社区管理事务", "行政运行"), row_code="2120101",
                column_path=("支出预算", "合计"))
    data.update(fields)
    return Record(**data)


TYPED = {"label": "行政运行", "code": "2120101", "value": "17,887,739", "unit": "元", "where": "table",
         "column": "支出预算 › 合计", "period": "预算"}


def test_a_record_matches_on_value_unit_label_code_and_column():
    assert record_matches(_record(), TYPED)
    assert not record_matches(_record(unit="万元"), TYPED)                      # unit must agree
    assert not record_matches(_record(value=17887738.0), TYPED)                 # value must agree
    assert not record_matches(_record(row_code="2120102"), TYPED)               # code where typed
    assert not record_matches(_record(column_path=("支出预算", "项目支出")), TYPED)  # column where typed
    assert not record_matches(_record(label="一般行政管理事务", row_path=("一般行政管理事务",)), TYPED)


def test_a_decrease_matches_its_typed_unsigned_change():
    typed = {"label": "财政拨款收入", "value": "3,355.65", "unit": "万元", "where": "text", "period": "增减"}
    assert record_matches(_record(source="text", label="财政拨款收入", value=-3355.65, unit="万元",
                                  row_path=(), row_code="", column_path=()), typed)


def test_a_comparison_word_read_as_the_label_is_not_the_typed_record():
    typed = {"label": "基本支出同比减少", "value": "4966.66", "unit": "元", "where": "text", "period": "增减"}
    change = dict(source="text", value=-4966.66, row_path=(), row_code="", column_path=())
    assert not record_matches(_record(label="同比", **change), typed)
    assert record_matches(_record(label="基本支出", **change), typed)


def test_report_line_for_a_real_excerpt_names_what_was_read():
    typed = load_expected([FIXTURES / "dev_corpus" / "expected"])
    path = FIXTURES / "dev_corpus" / "texts" / "s02-yueyang-jingkaiqu-xuanchuan-2018-budget.txt"
    reading = read_one(path, typed[path.name])
    assert reading.records_typed == len(typed[path.name]["records"]) >= 5
    line = render_line(reading)
    assert line.startswith(path.name) and f"/{reading.records_typed}" in line
