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
    assert "村组干部报酬" in target.row_path
    weight = next(r for r in records if "村组干部230人" in r.label and r.column_path == ("权重",))
    assert (weight.value, weight.unit) == (10, "分")
    budget = next(r for r in records if r.column_path == ("预算数",) and r.value == 660000)
    assert "基层组织活动经费" in budget.label and budget.unit == "元"


def test_a_performance_row_cut_off_at_the_end_of_the_text_keeps_its_level():
    # g08 ends with "| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10 " (no 指标方向性)
    records = [r for r in parsed("g08").records if r.source == "table" and "行政村数量" in r.label]
    assert {(r.column_path, r.value, r.unit) for r in records} == {(("指标值",), 11, "个"), (("权重",), 10, "分")}


# g08's unit and its first project, printed in row 5 ("820001-井研县马踏镇人民政府 | 村组干部报酬")
# and carried down to the rows below it; the unit's code (820001-) is no part of its name
G08_PROJECT = ("井研县马踏镇人民政府", "村组干部报酬")


def test_a_continuation_row_takes_the_merged_cells_above_as_its_path():
    # g08: "| 产出指标 | 数量指标 | 村组干部230人 | ≥ | 230 | 个 | 10 | 正向指标 |" prints only the
    # last 8 of the header's 12 cells: 单位名称, 项目名称 (and 预算数, 年度目标) are merged from row 5
    records = [r for r in parsed("g08").records if r.source == "table" and r.column_path == ("指标值",)]
    target = next(r for r in records if r.label == "村组干部230人")
    assert target.row_path == G08_PROJECT + ("产出指标", "数量指标", "村组干部230人")
    assert (target.value, target.unit, target.qualifier) == (230, "个", "≥")
    # "| 满意度指标 | 服务对象满意度指标 | 辖区内群众满意度 | ≥ | 95 | % | 10 |" in row 13, the
    # first row of the second project (基层组织活动经费), under the same 单位名称
    satisfied = next(r for r in records if r.label == "辖区内群众满意度")
    assert satisfied.row_path == (G08_PROJECT[0], "基层组织活动经费", "满意度指标", "服务对象满意度指标",
                                  "辖区内群众满意度")
    assert (satisfied.value, satisfied.unit, satisfied.qualifier) == (95, "%", "≥")
    villages = next(r for r in records if r.label == "行政村数量")  # "行政村数量 | = | 11 | 个"
    assert (villages.value, villages.unit, villages.qualifier) == (11, "个", "=")


def test_a_project_amount_belongs_to_the_project_not_to_its_first_indicator():
    # g08: "| 820-马踏镇部门 | 8,827,620.53 |" (a label and its 预算数), "| 820001-… | 村组干部报酬 |
    # 3,309,840.00 | … | 效益指标 | …" and "| 基层组织活动经费 | 660,000.00 | … | 满意度指标 | …";
    # 金额单位:元
    records = [r for r in parsed("g08").records if r.source == "table"]
    budgets = {r.row_path: (r.value, r.unit) for r in records if r.column_path == ("预算数",)}
    assert budgets == {("马踏镇部门",): (8827620.53, "元"), G08_PROJECT: (3309840, "元"),
                       (G08_PROJECT[0], "基层组织活动经费"): (660000, "元")}
    assert not [r for r in records if r.unit == "元" and "满意度" in "".join(r.row_path)]
