"""Answer JSON: exactly DESIGN.md's shape, and a lossless round trip."""

from __future__ import annotations

import json

from assistant.answer import Answer, Citation, Fact, Status


def _answer() -> Answer:
    return Answer(
        status=Status.ANSWERED,
        text="2022年“三公”经费预算为8万元。",
        facts=(Fact(value=8.0, unit="万元", label="“三公”经费 › 合计", doc="luohu-2022", ref="表8",
                    row="2022年", column="总计"),),
        citations=(Citation(doc="luohu-2022", kind="table", ref="表8", title="一般公共预算“三公”经费支出表",
                            quote="2022 年 8 0 1 7 0 7"),),
        latency_ms=4.25,
    )


def test_round_trip() -> None:
    answer = _answer()
    again = Answer.from_json(answer.to_json())
    assert again.status is Status.ANSWERED
    assert again.text == answer.text and again.facts == answer.facts and again.citations == answer.citations
    assert again.latency_ms == 4.2  # rounded to 0.1 ms in JSON


def test_json_has_the_contract_keys() -> None:
    data = json.loads(_answer().to_json())
    assert set(data) == {"status", "text", "facts", "citations", "latency_ms"}
    assert data["facts"][0] == {"value": 8, "unit": "万元", "label": "“三公”经费 › 合计", "doc": "luohu-2022",
                                "ref": "表8", "row": "2022年", "column": "总计"}
    assert set(data["citations"][0]) == {"doc", "kind", "ref", "title", "quote"}


def test_refusal_round_trip() -> None:
    answer = Answer(Status.OUT_OF_SCOPE, "这个问题与已收录的预算公开文件无关。")
    assert Answer.from_json(answer.to_json()).status is Status.OUT_OF_SCOPE
