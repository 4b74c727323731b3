"""Tables printed one cell per line (ingest/tables/stacked_cells.py), on real dev-corpus pages.

Expected values are typed from the texts (tests/fixtures/dev_corpus/texts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.document import parse_document

TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


@pytest.fixture(scope="module")
def documents():
    return {stem: parse_document(next(TEXTS.glob(f"{stem}-*.txt"))) for stem in ("g01", "g04", "n03", "s01")}


def table_values(document, label: str) -> dict[str, float]:
    """Column (last header name) -> value of the table records whose label is `label`."""
    return {r.column_path[-1]: r.value for r in document.records
            if r.source == "table" and r.label.replace(" ", "") == label}


def test_cells_with_empty_markers_regroup_by_the_header_width(documents):
    # g01: "1 |" "一、一般公共预算拨款收入 |" "675.82 |" "一、一般公共服务支出 |" "516.39 |"
    document = documents["g01"]
    assert table_values(document, "一般公共预算拨款收入") == {"预算数": 675.82}
    assert table_values(document, "一般公共服务支出") == {"预算数": 516.39}
    assert table_values(document, "支出总计") == {"预算数": 690.36}


def test_row_numbers_and_column_numbers_are_never_amounts(documents):
    # g01's 序号 1…34 and "栏次 1 2 3 4"; s01's 行次 and "栏次 1 栏次 2"
    for stem in ("g01", "s01"):
        table_records = [r for r in documents[stem].records if r.source == "table"]
        assert table_records
        assert not any(r.label in ("栏次", "序号", "行次") for r in table_records)
        assert not any("行次" in r.column_path or "序号" in r.column_path for r in table_records)


def test_a_numbers_only_body_takes_the_flattened_two_row_header(documents):
    # g04: 328.7 10 78.7 43 35.7 240 under 合计 | 出国 | 用车(小计 | 购置费 | 运行费) | 接待费
    columns = {r.column_path: r.value for r in documents["g04"].records if r.source == "table"}
    assert columns[("“三公”经费合计",)] == 328.7
    assert columns[("公务用车购置及运行费", "公务用车购置费")] == 43
    assert columns[("公务用车购置及运行费", "公务用车运行费")] == 35.7
    assert columns[("公务接待费",)] == 240


def test_a_label_starts_a_row_when_empty_cells_were_dropped(documents):
    # n03: 项 目 / 预算数 / 决算数, then "公务接待费" "35.00" "26.4"
    assert table_values(documents["n03"], "公务接待费") == {"预算数": 35.0, "决算数": 26.4}
    assert table_values(documents["n03"], "合计") == {"预算数": 77.0, "决算数": 68.3}


def test_a_two_sided_table_with_line_numbers_gives_one_row_per_side(documents):
    # s01: "一、一般公共预算财政拨款收入" "1" "440.55" "一、一般公共服务支出" "29" "423.20"
    assert table_values(documents["s01"], "一般公共预算财政拨款收入") == {"金额": 440.55}
    assert table_values(documents["s01"], "一般公共服务支出") == {"金额": 423.2}


def test_title_lines_above_the_cells_name_the_table_not_its_form_number(documents):
    # s01 prints, one per line with blank lines between: "收入支出决算总表", "公开01表",
    # "部门:南漳县招商服务中心", "金额单位:万元", then the header cells "收入" "支出" …
    tables = [t for t in documents["s01"].tables]
    assert [(t.title, t.unit) for t in tables] == [("收入支出决算总表", "万元")]


def test_cells_between_separator_lines_make_a_table():
    # fA2 (fresh development batch) prints its table one cell per line with a bare "|" line between
    # cells: "年度" "|" "合计" "|" … "2015年" "|" "2840" "|" "90" … under the title line
    # "2016年决算数与2015年决算数对比情况". The rows are years.
    document = parse_document(Path(__file__).parent / "fixtures" / "fresh_corpus" / "texts"
                              / "fA2-qujiang-sangongjingfei-2016-final.txt")
    (table,) = document.tables
    assert table.title == "2016年决算数与2015年决算数对比情况", table.title
    rows = {row.label: [cell.value for cell in row.cells] for row in table.rows}
    assert rows["2015年"][:3] == [2840, 90, 1400], rows
    assert rows["2016年"][:3] == [2364, 12, 1356], rows
    assert rows["2015年"][-1] == 1277 and rows["2016年"][-1] == 959, rows


def test_a_table_whose_rows_are_years_gives_each_cost_its_year():
    # fA2: rows 2015年 | 2016年 | 2016年比2015年增减%, columns the costs (合计 2840 / 2364, …).
    document = parse_document(Path(__file__).parent / "fixtures" / "fresh_corpus" / "texts"
                              / "fA2-qujiang-sangongjingfei-2016-final.txt")
    table_records = [r for r in document.records if r.source == "table"]
    total_2015 = [r for r in table_records if r.value == 2840]
    assert total_2015 and total_2015[0].period == "2015" and total_2015[0].measure == "amount", total_2015
    reception_2016 = [r for r in table_records if r.value == 1356]
    assert reception_2016[0].period == "2016" and reception_2016[0].label == "公务接待费", reception_2016
    rate = [r for r in table_records if r.value == -86.62]
    assert rate and rate[0].measure == "change_rate" and rate[0].base_period == "2015", rate
