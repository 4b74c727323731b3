"""ui/copy_text.py: the chat as quotable text, with sources and the disclosures' names."""

from __future__ import annotations

from assistant.answer import Answer, Citation, Fact, Status
from index.types import DocumentInfo
from ui.copy_text import conversation_text
from ui.render import Turn

LUOHU = DocumentInfo("luohu-2022", "深圳市社会保险基金管理局罗湖分局2022年部门预算",
                     "深圳市社会保险基金管理局罗湖分局", 2022, "budget")
FUTIAN = DocumentInfo("futian-2022", "深圳市社会保险基金管理局福田分局2022年部门预算",
                      "深圳市社会保险基金管理局福田分局", 2022, "budget")


def total(doc: str, value: float) -> tuple[Fact, Citation]:
    return (Fact(value, "万元", "支出总计", doc, "表3", "合计", "总计"),
            Citation(doc, "table", "表3", "支出总表", f"合计 {value}"))


def test_every_turn_is_copied_with_its_sources_under_the_disclosure_s_name():
    fact, citation = total("luohu-2022", 3776)
    turns = [Turn("一共多少钱？", Answer(Status.ANSWERED, "支出总计3,776万元。", (fact,), (citation,))),
             Turn("那福田呢？", None, "没有找到文档“福田”。")]
    text = conversation_text(turns, [LUOHU, FUTIAN])
    assert text.startswith("出处：深圳市社会保险基金管理局罗湖分局2022年部门预算\n")
    assert "福田分局2022年部门预算" not in text.splitlines()[0]          # only what the answers cite
    assert "问：一共多少钱？\n支出总计3,776万元。\n来源：表3 支出总表：合计（总计）" in text
    assert text.endswith("问：那福田呢？\n没有找到文档“福田”。")


def test_a_comparison_names_the_document_of_each_source_line():
    (luohu_fact, luohu_cite), (futian_fact, futian_cite) = total("luohu-2022", 3776), total("futian-2022", 7552)
    answer = Answer(Status.ANSWERED, "福田分局比罗湖分局多3,776万元。", (futian_fact, luohu_fact),
                    (futian_cite, luohu_cite))
    lines = conversation_text([Turn("福田比罗湖多多少？", answer)], [LUOHU, FUTIAN]).splitlines()
    assert lines[0] == "出处：深圳市社会保险基金管理局福田分局2022年部门预算；深圳市社会保险基金管理局罗湖分局2022年部门预算"
    assert [line.split("：")[0] for line in lines if line.startswith("来源")] == [
        "来源（福田分局 2022年部门预算）", "来源（罗湖分局 2022年部门预算）"]
