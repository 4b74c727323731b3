"""Label/value pairs of a form in web-page text (ingest/tables/form_pairs.py), on s11 as printed.

s11 prints, under "…项目支出绩效目标审批表" and "金额单位:万元":
"项目总预算 65 财政资金预算分类 一般公共预算", "当年年度预算 65",
"其中:财政资金 65 财政资金科目代码 21305", "其中:其它资金 0", and a 联系电话 line.
"""

from __future__ import annotations

from pathlib import Path

from ingest.document import parse_document
from ingest.tables.form_pairs import form_grid

TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


def test_form_pairs_become_rows_in_the_form_unit():
    document = parse_document(next(TEXTS.glob("s11-*.txt")))
    found = {(r.label, r.value, r.unit) for r in document.records if r.source == "table"}
    assert {("项目总预算", 65, "万元"), ("当年年度预算", 65, "万元"), ("其中:财政资金", 65, "万元"),
            ("其中:其它资金", 0, "万元")} <= found


def test_codes_phone_numbers_and_dates_are_never_amounts():
    narrative = [(1, "项目支出绩效目标审批表"), (2, "金额单位:万元"),
                 (3, "建设周期 2023年4月-2024年2月 业务主管部门 县民宗委"),
                 (4, "实施单位 云雾土家族乡 项目负责人 徐德迁 联系电话 13452649655"),
                 (5, "其中:财政资金 65 财政资金科目代码 21305")]
    grid = form_grid(narrative, 0)
    assert grid is not None and grid.rows == (("其中:财政资金", "65"),)


def test_a_phone_number_is_not_a_figure_of_the_text_either():
    # s11: "联系电话 13452649655" then "项目审批 …" on the next line
    document = parse_document(next(TEXTS.glob("s11-*.txt")))
    assert not any(r.value == 13452649655 for r in document.records)
