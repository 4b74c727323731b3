"""Eval scoring exactly as DESIGN.md "Eval set" says."""

from __future__ import annotations

import pytest

from assistant.answer import Answer, Citation, Status
from assistant.number_text import numbers_in, text_states_number
from eval.metrics import BadEvalSet, EvalItem, Report, percentile, score_item
from eval.report_text import render_report


def _item(**fields) -> EvalItem:
    data = {"id": "q1", "question": "公车有几辆？", "kind": "lookup", "values": [2], "phrases": [],
            "cite": ["第五部分", "第八部分"], "answerable": True}
    data.update(fields)
    return EvalItem.from_dict(data)


def _answer(text: str, ref: str = "第五部分", title: str = "第五部分 一般公共预算“三公”经费预算情况",
            status: Status = Status.ANSWERED) -> Answer:
    return Answer(status, text, citations=(Citation("luohu-2022", "section", ref, title),))


@pytest.mark.parametrize("text, value, stated", [
    ("预算为3,776万元", 3776, True),
    ("预算为3776万元", 3776, True),
    ("占 47.0%", 47, True),
    ("占 21.3%", 21.29, True),      # a rounded statement of the expected figure
    ("占 21.3%", 21, False),
    ("减少299万元", -299, True),
    ("37,760万元", 3776, False),
    ("2022年预算8万元", 2, False),
])
def test_numbers_compared_as_numbers(text: str, value: float, stated: bool) -> None:
    assert text_states_number(text, value) is stated


def test_numbers_in_text() -> None:
    assert numbers_in("收入3,776万元，增长 6 %，减少-1辆") == [3776.0, 6.0, -1.0]


def test_correct_answer() -> None:
    score = score_item(_item(), [_answer("2022年持有2辆公务用车。")])
    assert score.correct and score.citation_ok


def test_wrong_value_or_missing_phrase_or_citation() -> None:
    assert not score_item(_item(), [_answer("持有3辆。")]).correct
    assert not score_item(_item(phrases=["公务用车"]), [_answer("持有2辆。")]).correct
    wrong_cite = score_item(_item(), [_answer("持有2辆。", ref="表4", title="基本支出总表")])
    assert not wrong_cite.correct and wrong_cite.citation_ok is False


def test_citation_title_may_match() -> None:
    answer = _answer("持有2辆。", ref="表8", title="一般公共预算“三公”经费支出表")
    score = score_item(_item(cite=["三公"]), [answer])
    assert score.citation_ok


def test_unanswerable_items_must_be_refused() -> None:
    item = _item(values=[], cite=[], answerable=False, kind="refuse")
    assert score_item(item, [_answer("没有2023年的数据。", status=Status.NOT_FOUND)]).refusal_ok
    assert score_item(item, [_answer("没有。", status=Status.OUT_OF_SCOPE)]).correct
    assert not score_item(item, [_answer("预算为8万元。")]).correct


def test_last_turn_is_scored() -> None:
    item = _item(turns=["三公经费是多少？", "其中公务接待费呢？"], question=None, values=[1], cite=["表8"])
    first = _answer("8万元", ref="表8")
    assert score_item(item, [first, _answer("1万元", ref="表8")]).correct
    assert not score_item(item, [_answer("1万元", ref="表8"), first]).correct


def test_report_floors_and_rendering() -> None:
    good = [score_item(_item(id=f"q{i}"), [_answer("2辆")]) for i in range(49)]
    refused = score_item(_item(id="r", answerable=False, values=[], kind="refuse"),
                         [_answer("无", status=Status.NOT_FOUND)])
    report = Report(good + [refused])
    assert report.overall == 1.0 and report.meets_floors()
    text = render_report(report)
    assert "overall accuracy" in text and "refusal accuracy" in text and "p95" in text
    bad = Report(good[:10] + [score_item(_item(id="x"), [_answer("3辆")])])
    assert not bad.meets_floors() and "x [lookup]" in render_report(bad)


def test_percentile() -> None:
    assert percentile([5, 1, 3, 2, 4], 0.5) == 3
    assert percentile(list(range(1, 101)), 0.95) == 95
    assert percentile([], 0.95) == 0.0


def test_bad_item_is_a_clear_error() -> None:
    with pytest.raises(BadEvalSet, match="第 3 行"):
        EvalItem.from_dict({"id": "q", "kind": "lookup"}, 3)
    with pytest.raises(BadEvalSet, match="values"):
        EvalItem.from_dict({"question": "q", "values": ["abc"]}, 4)


def test_a_table_cite_does_not_match_a_longer_table_number():
    from assistant.answer import Answer, Citation, Status
    from eval.metrics import citation_matches

    def cited(ref):
        return Answer(Status.ANSWERED, "…", citations=(Citation("luohu-2022", "table", ref, "单位整体支出绩效目标表"),))

    assert citation_matches(cited("表1"), ("表1",))
    assert not citation_matches(cited("表11"), ("表1",))
    assert not citation_matches(cited("表10"), ("表1",))
    assert citation_matches(cited("表11"), ("表11", "第七部分"))
    assert citation_matches(cited("表11"), ("绩效目标表",))


def test_report_shows_accuracy_per_document() -> None:
    scores = [score_item(_item(id="a", doc="甲.pdf"), [_answer("2辆")]),
              score_item(_item(id="b", doc="甲.pdf"), [_answer("3辆")]),
              score_item(_item(id="c", doc="乙.txt"), [_answer("2辆")])]
    report = Report(scores)
    assert report.by_document() == {"甲.pdf": (1, 2), "乙.txt": (1, 1)}
    text = render_report(report)
    assert "accuracy per document" in text and "甲.pdf" in text and "50.0%" in text


def test_a_crash_fails_even_an_unanswerable_item() -> None:
    from eval.metrics import crashed_item

    refuse = _item(id="r", answerable=False, values=[], kind="refuse")
    score = crashed_item(refuse, RuntimeError("boom"))
    assert not score.correct and score.refusal_ok is False and "boom" in score.crash
    report = Report([score])
    assert report.refusals == 0.0 and "crashes (failed items): 1" in render_report(report)


def test_an_answer_that_failed_inside_fails_even_an_unanswerable_item() -> None:
    from dataclasses import replace

    refuse = _item(id="r", answerable=False, values=[], kind="refuse")
    polite = replace(_answer("抱歉，这个问题没能处理。", status=Status.NOT_FOUND), internal_error="KeyError: 'x'")
    score = score_item(refuse, [polite])
    assert not score.correct and score.crash


def test_a_cite_typed_from_a_mirror_copy_matches_the_simplified_citation() -> None:
    # dev_corpus s04 prints "二、機構(gòu)設(shè)置及人員情況"; the parser reads the heading as simplified.
    item = _item(values=[12], cite=["二、機構(gòu)設(shè)置及人員情況"])
    answer = _answer("在职12人", ref="第一部分", title="第一部分 单位概况 › 二、机构设置及人员情况")
    assert score_item(item, [answer]).correct
    assert not score_item(item, [_answer("在职12人", ref="第一部分", title="第一部分 单位概况")]).correct


def test_a_cite_typed_with_the_headings_full_stop_matches_the_heading() -> None:
    answer = _answer("共有2个内设机构。", ref="第一部分", title="第一部分 部门预算说明 › 一、部门基本概况 › (二)机构设置")
    assert score_item(_item(values=[2], cite=["(二)机构设置。"]), [answer]).citation_ok
    assert not score_item(_item(values=[2], cite=["(三)人员构成。"]), [answer]).citation_ok


def test_a_cite_typed_with_its_headings_figure_names_the_heading():
    # fK2 of the sixth fresh batch prints "二、支出预算712.99万元": a section's title is its heading without
    # the inline figure ("二、支出预算"), which the cite typed as printed still names
    from assistant.answer import Answer, Citation, Status
    from eval.metrics import citation_matches

    def cited(title):
        return Answer(Status.ANSWERED, "…", citations=(Citation("d", "section", "", title),))

    assert citation_matches(cited("前言 › 二、支出预算"), ("二、支出预算712.99万元",))
    assert citation_matches(cited("(二)公务用车购置及运行费支出"), ("(二)公务用车购置及运行费支出 3.98万元",))
    assert not citation_matches(cited("一、收入预算"), ("二、支出预算712.99万元",))
    assert not citation_matches(cited("二、支出预算 › 2、项目支出"), ("712.99万元",))  # a figure alone names nothing
