"""The known-answer eval set is well formed and faithful to the sample disclosure.

`eval/sample_set.jsonl` is typed by a person reading the sample. These tests
check its shape (DESIGN.md "Eval set"), the per-kind floors, and that every
expected phrase and printed figure really occurs in the disclosure's text, so
a typo in the set fails here rather than as a mysterious eval miss.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from ingest import sample_path

SET_PATH = Path(__file__).parent.parent / "eval" / "sample_set.jsonl"
FIELDS = {"id", "doc", "question", "turns", "kind", "values", "unit", "phrases", "cite", "answerable"}
FLOORS = {"lookup": 55, "compute": 22, "list": 9, "count": 11, "narrative": 27, "followup": 11, "refuse": 17}
TOTAL_FLOOR = 170
PARTS = {f"第{n}部分" for n in "一二三四五六七八九"}
TABLES = {f"表{n}" for n in range(1, 12)}
CJK = re.compile(r"[\u4e00-\u9fff]")


def load_items() -> list[dict]:
    """Every line of the eval set, parsed."""
    lines = SET_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def sample_text() -> str:
    """The sample disclosure as printed."""
    return sample_path().read_text(encoding="utf-8")


def printed_numbers(text: str) -> set[float]:
    """Every number printed in `text` ("3,776" -> 3776.0)."""
    return {float(raw.replace(",", "")) for raw in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


ITEMS = load_items()


def test_every_line_is_a_json_object():
    lines = [line for line in SET_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(ITEMS)
    assert all(isinstance(json.loads(line), dict) for line in lines)


def test_ids_are_unique_and_well_formed():
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"q\d{3,}", item_id) for item_id in ids)


def test_kind_floors_are_met():
    counts = Counter(item["kind"] for item in ITEMS)
    assert set(counts) <= set(FLOORS)
    for kind, floor in FLOORS.items():
        assert counts[kind] >= floor, f"{kind}: {counts[kind]} < {floor}"
    assert len(ITEMS) >= TOTAL_FLOOR


def test_questions_are_not_repeated():
    asked = [item["question"] or " / ".join(item["turns"]) for item in ITEMS]
    repeated = [q for q, n in Counter(asked).items() if n > 1]
    assert not repeated


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_item_fields(item):
    assert set(item) == FIELDS
    assert item["doc"] is None or isinstance(item["doc"], str)
    assert item["kind"] in FLOORS
    assert isinstance(item["unit"], str)
    assert isinstance(item["answerable"], bool)
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in item["values"])
    assert all(isinstance(p, str) and p and not re.search(r"\s", p) for p in item["phrases"])
    assert all(isinstance(c, str) and c for c in item["cite"])


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_question_or_turns(item):
    if item["kind"] == "followup":
        assert item["question"] is None
        assert isinstance(item["turns"], list) and len(item["turns"]) >= 2
        asked = item["turns"]
    else:
        assert item["turns"] is None
        asked = [item["question"]]
    assert all(isinstance(q, str) and CJK.search(q) for q in asked)


@pytest.mark.parametrize("item", ITEMS, ids=[item["id"] for item in ITEMS])
def test_answerable_items_say_what_the_answer_must_hold(item):
    if item["kind"] == "refuse":
        assert item["answerable"] is False
        assert item["values"] == [] and item["phrases"] == [] and item["cite"] == []
        return
    assert item["answerable"] is True
    assert item["values"] or item["phrases"]
    assert item["cite"] and set(item["cite"]) <= PARTS | TABLES
    if item["kind"] == "narrative":
        assert 1 <= len(item["phrases"]) <= 3
    if item["values"] and item["kind"] not in ("narrative", "list"):
        assert item["unit"], "a figure needs its unit"  # a list may mix units (次, 人, 件)


def test_phrases_are_the_documents_own_words():
    flat = re.sub(r"\s+", "", sample_text())
    missing = [(item["id"], p) for item in ITEMS for p in item["phrases"] if p not in flat]
    assert not missing


def test_looked_up_figures_are_printed_in_the_document():
    # compute and followup answers may be derived (231 ÷ 492 = 47.0%); the
    # other kinds quote a figure the disclosure prints.
    printed = printed_numbers(sample_text())
    quoted = ("lookup", "count", "list", "narrative")
    quoting = [item for item in ITEMS if item["kind"] in quoted]
    missing = [(item["id"], v) for item in quoting for v in item["values"] if v not in printed]
    assert not missing
