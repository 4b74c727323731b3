"""A horizontal bar chart of an answer's parts, in plain HTML and CSS (no JavaScript needed).

The parts and their values come from `Answer.chart` (the assistant reads them
from the records); this module only draws them. Bars are HTML rather than SVG
so the labels keep their size on a phone instead of shrinking with the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ui.numbers import format_amount


def render_chart(parts: Sequence[tuple[str, float]], unit: str = "", title: str = "") -> str:
    """A bar chart, one bar per (label, value), longest bar = largest value; "" when nothing to draw."""
    if not parts:
        return ""
    largest = max((value for _, value in parts), default=0.0)
    caption = escape(title or "各部分构成")
    rows = "".join(_bar(label, value, largest, unit) for label, value in parts)
    return (f'<figure class="answer-chart" role="img" aria-label="{caption}">'
            f'<figcaption>{caption}</figcaption><div class="bar-chart">{rows}</div></figure>')


def _bar(label: str, value: float, largest: float, unit: str) -> str:
    share = max(value, 0.0) / largest * 100 if largest > 0 else 0.0
    amount = escape(format_amount(value, unit))
    return (f'<div class="bar-row" title="{escape(label)}：{amount}">'
            f'<span class="bar-label">{escape(label)}</span>'
            f'<span class="bar-track"><span class="bar" style="width:{share:.1f}%"></span></span>'
            f'<span class="bar-value">{amount}</span></div>')
