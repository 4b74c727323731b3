"""Chinese numerals as numbers: "两" → 2, "十二" → 12, "二十" → 20 (one to ninety-nine).

Read by the statement reader ("内设科室两个") and by the assistant for a pick among
documents ("第二个"), so both read the numerals alike."""

from __future__ import annotations

_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """一…九十九 as a number; None for anything else."""
    if text in _DIGITS:
        return _DIGITS[text]
    tens, _, ones = text.partition("十")
    if "十" not in text or (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
