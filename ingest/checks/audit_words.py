"""The domain words of the statement checks: `[words]` and `[wording]` of audit.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("audit.toml")


@cache
def _rules() -> dict:
    with open(RULES_FILE, "rb") as handle:
        return tomllib.load(handle)


def words() -> dict:
    """Direction, comparison, reason and use words ("增加", "小于", "主要原因是", …)."""
    return _rules()["words"]


def wording() -> dict:
    """Template guidance, placeholders, empty-table notes, administrative levels."""
    return _rules()["wording"]


def marks() -> dict:
    """Pairs of quotation marks and brackets, and the numbering printed with a close alone."""
    return _rules()["marks"]


def structure() -> dict:
    """The contents heading, numbering of its entries and the notes of empty tables."""
    return _rules()["structure"]


def text_totals() -> list[dict]:
    """Names of the overall totals in the text and in the overall table, per side."""
    return _rules()["text_totals"]


def breakdowns() -> dict:
    """Negations that make two parts of a figure complementary (计容 / 不计容)."""
    return _rules()["breakdowns"]


def within_rules() -> list[dict]:
    """Disjoint parts of an amount, as the templates word them (`[[within]]`)."""
    return _rules()["within"]
