"""The year a narrative figure is of, and the year it is compared with."""

from __future__ import annotations

import re

from ingest.statements.figure_patterns import figure_patterns
from ingest.statements.figure_state import Context

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=年|-)")


def figure_period(text: str, position: int, context: Context) -> str:
    """The year the sentence states before the figure (not a comparison's year), else the document's."""
    comparison_years = {m.start("year") for m in figure_patterns().comparison.finditer(text) if m.group("year")}
    before = _blank_closed_brackets(text[:position])
    stated = [m.group(1) for m in _YEAR.finditer(before) if m.start() not in comparison_years]
    return stated[-1] if stated else document_year(context)


# "实施项目共15个(含2023年转列暂付性款项项目5个),年初批复预算8个项目985万元": a year in a bracket closed
# before the figure is the aside's, not the figure's (seen in s18 of the development corpus).
_CLOSED_BRACKET = re.compile(r"[（(][^（()）]*[）)]")


def _blank_closed_brackets(text: str) -> str:
    """`text` with every bracket closed in it blanked out, positions kept (nested ones too)."""
    while (blanked := _CLOSED_BRACKET.sub(lambda m: " " * len(m.group(0)), text)) != text:
        text = blanked
    return text


def document_year(context: Context) -> str:
    """The year the disclosure is for, "" when unknown."""
    return str(context.document.year) if context.document.year else ""


def compared_period(comparison: re.Match[str], period: str) -> str:
    """The year a comparison ("比2021年", "较上年") names, against a figure of `period`."""
    if comparison.group("year"):
        return comparison.group("year")
    return previous_year(period)


def previous_year(period: str) -> str:
    return str(int(period) - 1) if period.isdigit() else ""
