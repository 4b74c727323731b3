"""Pipe-separated tables in web-page text (ingest/tables/flat_tables.py), on real dev-corpus pages.

Expected values are typed from the texts (tests/fixtures/dev_corpus/texts).
"""

from __future__ import annotations

from pathlib import Path

from ingest.document import parse_document

TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


def parsed(stem: str):
    return parse_document(next(TEXTS.glob(f"{stem}-*.txt")))


def test_a_two_row_pipe_header_names_each_column():
    # n01: "合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||"
    #      "小 计 | 公务用车运行维护费 | 公务用车购置费 | |||||"
    #      "1.7 | 0 | 0 | 0 | 0 | 1.7 | ||"
    columns = {r.column_path: r.value for r in parsed("n01").records if r.source == "table"}
    assert columns[("合计",)] == 1.7
    assert columns[("因公出国(境)费",)] == 0
    assert columns[("公务用车费", "公务用车运行维护费")] == 0
    assert columns[("公务接待费",)] == 1.7


def test_a_pipe_performance_table_carries_merged_cells_down():
    # g08: "| 产出指标 | 数量指标 | 村组干部230人 | ≥ | 230 | 个 | 10 | 正向指标 | |||||" under the
    # project row "| 820001-… | 村组干部报酬 | 3,309,840.00 | … | 效益指标 | …": the row's 指标值 is
    # 230 个, its 权重 10 分, and it belongs to the project 村组干部报酬
    records = [r for r in parsed("g08").records if r.source == "table"]
    target = next(r for r in records if "村组干部230人" in r.label and r.column_path == ("指标值",))
    assert (target.value, target.unit) == (230, "个")
    assert "村组干部报酬" in target.label
    weight = next(r for r in records if "村组干部230人" in r.label and r.column_path == ("权重",))
    assert (weight.value, weight.unit) == (10, "分")
    budget = next(r for r in records if r.column_path == ("预算数",) and r.value == 660000)
    assert "基层组织活动经费" in budget.label and budget.unit == "元"


def test_a_performance_row_cut_off_at_the_end_of_the_text_keeps_its_level():
    # g08 ends with "| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10 " (no 指标方向性)
    records = [r for r in parsed("g08").records if r.source == "table" and "行政村数量" in r.label]
    assert {(r.column_path, r.value, r.unit) for r in records} == {(("指标值",), 11, "个"), (("权重",), 10, "分")}
