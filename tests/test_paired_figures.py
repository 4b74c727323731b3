"""Two figures stated for two items at once (ingest/statements/paired_figures.py), on s12 as printed."""

from __future__ import annotations

from pathlib import Path

from ingest.document import parse_document
from ingest.statements.paired_figures import paired_figures

TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
S12 = "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,"


def test_each_item_takes_its_own_figure():
    found = [(f.label, f.value, f.unit, f.measure) for f in paired_figures(S12)]
    assert found == [("收入总计", 4125.49, "万元", "amount"), ("支出总计", 4143.91, "万元", "amount"),
                     ("收入总计", -1267.86, "万元", "change"), ("支出总计", -2570.97, "万元", "change")]


def test_a_thousands_separator_is_not_a_list_comma():
    assert paired_figures("基本支出、项目支出各为1,200万元") == []


def test_the_document_states_both_totals_once():
    document = parse_document(next(TEXTS.glob("s12-*.txt")))
    totals = [(r.label, r.value) for r in document.records
              if r.source == "text" and r.value in (4125.49, 4143.91) and "总计" in r.label]
    assert ("收入总计", 4125.49) in totals and ("支出总计", 4143.91) in totals
    assert not any(r.value == 4143.91 and r.label != "支出总计" and "收、支" in r.quote
                   for r in document.records if r.source == "text")


def test_a_second_each_after_a_pair_speaks_of_the_same_two_items():
    # "与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"
    found = [(f.label, f.value, f.unit, f.measure)
             for f in paired_figures("收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。")]
    assert found[2:] == [("收入总计", -23.51, "%", "change_rate"), ("支出总计", -38.28, "%", "change_rate")]


def test_two_items_stated_respectively_take_one_figure_each():
    # fA2 (fresh development batch): "…2016年公务用车购置数及保有量分别为1辆和130辆。" The second item shares
    # the first one's subject: 公务用车保有量 is 130 辆.
    found = [(f.label, f.value, f.unit) for f in paired_figures(
        "主要是2016年行政单位公务用车改革完成,保留车辆数减少,2016年公务用车购置数及保有量分别为1辆和130辆。")]
    assert found == [("公务用车购置数", 1.0, "辆"), ("公务用车保有量", 130.0, "辆")], found
