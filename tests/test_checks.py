"""ingest/checks/arithmetic.py: the document's own arithmetic verifies the parse; altered figures are caught."""

from __future__ import annotations

from collections import Counter

import pytest

from ingest.document import parse_document


@pytest.fixture(scope="module")
def sample_document(sample_path):
    return parse_document(sample_path)


def _altered_copy(sample_path, tmp_path, old: str, new: str):
    text = sample_path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path = tmp_path / "altered-2022.txt"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return parse_document(path)


def test_every_check_passes_on_the_sample(sample_document):
    failed = [c.message for c in sample_document.checks if not c.ok]
    assert failed == []


def test_sample_is_checked_in_every_way(sample_document):
    kinds = Counter(c.check for c in sample_document.checks)
    for kind in ("children_sum", "columns_sum", "two_sides_balance", "cross_table"):
        assert kinds[kind] > 0, kind
    checked_tables = {c.table_no for c in sample_document.checks}
    assert set(range(1, 12)) <= checked_tables


def test_parent_row_is_the_sum_of_its_children(sample_document):
    check = next(c for c in sample_document.checks
                 if c.check == "children_sum" and c.table_no == 4 and c.row == "商品和服务支出"
                 and c.column == "总计")
    assert (check.expected, check.actual, check.ok) == (492, 492, True)
    assert "表4" in check.message and "商品和服务支出" in check.message


def test_altered_table_figure_fails_a_check_naming_table_and_row(sample_path, tmp_path):
    document = _altered_copy(sample_path, tmp_path, "物业管理费 231", "物业管理费 232")
    failed = document.failed_checks
    assert any(c.table_no == 4 and "物业管理费" in c.row and "物业管理费" in c.message for c in failed)
    assert all(c.table_no == 4 for c in failed if c.check != "text_vs_table")
    assert {c.verdict for c in failed} == {"rounding"}  # one unit in the last place


def test_larger_difference_is_an_error_and_names_the_parent(sample_path, tmp_path):
    document = _altered_copy(sample_path, tmp_path, "物业管理费 231 231 231", "物业管理费 241 241 241")
    failed = document.failed_checks
    parent = [c for c in failed if c.check == "children_sum" and c.row == "商品和服务支出"]
    assert parent and parent[0].verdict == "error"
    assert (parent[0].expected, parent[0].actual) == (492, 502)
    assert "表4" in parent[0].message and "相差 10" in parent[0].message


def test_unbalanced_two_sided_table_fails(sample_path, tmp_path):
    document = _altered_copy(sample_path, tmp_path, "收入总计 3,776", "收入总计 3,786")
    failed = [c for c in document.failed_checks if c.check == "two_sides_balance"]
    assert failed and all(c.table_no == 1 for c in failed)
    assert any("收入总计" in c.message and "支出总计" in c.message for c in failed)


def test_figure_disagreeing_across_tables_fails(sample_path, tmp_path):
    document = _altered_copy(sample_path, tmp_path, "罗湖分局 3,776 2,972 804", "罗湖分局 3,776 2,982 804")
    cross = [c for c in document.failed_checks if c.check == "cross_table"]
    assert any("表3" in c.message and "表4" in c.message for c in cross)
    assert any(c.check == "columns_sum" and c.table_no == 3 for c in document.failed_checks)


def test_cross_table_rows_of_function_table_match_two_sided_table(sample_document):
    rows = [c for c in sample_document.checks if c.check == "cross_table" and c.table_no == 7
            and "表6 支出" in c.message]
    assert len(rows) == 17  # every classified row of 表7 against 表6's expenditure side
