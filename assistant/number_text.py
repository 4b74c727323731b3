"""Numbers in Chinese text: formatting figures as the disclosure prints them, and finding them again.

Used by compose (format), the optional LLM check (every number of a draft
must be a known figure) and the eval metrics ("3,776" and "3776" are one number).
"""

from __future__ import annotations

import re

# A number as printed: optional sign, thousands separators, decimals.
NUMBER_PATTERN = re.compile(
    r"(?<![\d.])[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 3,776 / 1,262.5
    r"|(?<![\d.,])[-−]?\d+(?:\.\d+)?")                     # 3776 / 47.0


_MOST_DECIMALS = 6


def format_number(value: float, decimals: int | None = None) -> str:
    """A figure with thousands separators, as printed: 3776 → "3,776", 47.04 → "47.04".

    With `decimals`, rounds to that many places ("47.0").
    """
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    # six places: a 决算 in 万元 may print its figures to the yuan ("32.366718万元", fD3 of the second fresh
    # batch); more would show a float's noise, not a printed digit
    text = f"{value:,.{_MOST_DECIMALS}f}".rstrip("0").rstrip(".")
    return text


def format_percent(value: float) -> str:
    """A computed percentage with one decimal: 47.04 → "47.0%"."""
    return f"{value:.1f}%"


def numbers_in(text: str) -> list[float]:
    """Every number printed in `text`, in order ("3,776 万元，增长 6 %" → [3776.0, 6.0])."""
    found = []
    for match in NUMBER_PATTERN.finditer(text):
        raw = match.group(0).replace(",", "").replace("−", "-")
        try:
            found.append(float(raw))
        except ValueError:
            continue
    return found


def decimals_of(value: float | str) -> int:
    """Decimal places as written: "21.3" → 1, 47 → 0."""
    text = value if isinstance(value, str) else repr(float(value))
    text = text.replace(",", "")
    if "." not in text:
        return 0
    fraction = text.split(".", 1)[1].rstrip("0")
    return len(fraction)


def same_number(expected: float, printed: float, printed_decimals: int) -> bool:
    """True when `printed` states `expected`: equal, or `expected` rounded to the printed precision.

    3776 matches "3,776"; 47 matches "47.0"; 21.29 matches "21.3" (a rounded
    statement of it) but 21 does not match "21.3".
    """
    if abs(expected - printed) < 1e-9:
        return True
    expected_decimals = decimals_of(expected)
    if printed_decimals >= 1 and expected_decimals > printed_decimals:
        return abs(round(expected, printed_decimals) - printed) < 1e-9
    return False


def text_states_number(text: str, expected: float) -> bool:
    """Whether `text` prints `expected` (see `same_number`); signs are ignored ("减少 299" states -299)."""
    for match in NUMBER_PATTERN.finditer(text):
        raw = match.group(0).replace(",", "").replace("−", "-")
        try:
            printed = float(raw)
        except ValueError:
            continue
        if same_number(abs(expected), abs(printed), decimals_of(raw)):
            return True
    return False


def label_states_count(label: str, value: float, counter: str) -> bool:
    """The label itself states the figure in the counter asked: an indicator named "村组干部230人"
    whose target is 230 (in 个) counts 230 人 (seen in g08 of the development corpus)."""
    return bool(counter) and re.sub(r"\s+", "", label).endswith(f"{value:g}{counter}")
