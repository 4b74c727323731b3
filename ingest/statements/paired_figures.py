"""Two figures stated for two items at once: "收、支总计各是4125.49,4143.91万元".

"A、B<noun>各<verb> x, y <unit>" states x for "A<noun>" and y for "B<noun>" (seen in
s12: "收、支总计各减少1267.86,2570.97万元", "各下降23.51%、38.28%"). The comma between
the figures is a list comma, not a thousands separator: a thousands group has exactly
three digits and no decimal point before it ("4125.49,4143.91" has both).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.statements.figure_patterns import unit_kind

_NUMBER = r"\d+(?:\.\d+)?"
_VERB = r"(?P<verb>是|为|减少|增加|下降|增长|上升|降低)"
# The first figure may carry the unit too: "各增加1412.7万元、2062.79万元" (fH3 of the fourth fresh batch).
_FIGURES = (rf"(?P<x>{_NUMBER})(?P<x_unit>%|％|万元|亿元|元)?(?P<comma>[,，、])(?P<y>{_NUMBER})"
            rf"(?P<unit>万元|亿元|元|%|％)")
_EACH = rf"(?:各|分别){_VERB}?{_FIGURES}"
PAIRED = re.compile(rf"(?P<a>[\u4e00-\u9fff]{{1,8}})、(?P<rest>[\u4e00-\u9fff]{{1,8}}){_EACH}")
# "…收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%": a second 各 in the clause after a pair
# speaks of the same two items; so does a second verb alone ("…各增加1412.7万元、2062.79万元,增长15.74%、
# 23.72%", fH3 of the fourth fresh batch).
AGAIN = re.compile(rf"[,，](?P<each>各|分别)?{_VERB}?{_FIGURES}")
# "2016年公务用车购置数及保有量分别为1辆和130辆" (fA2 of the fresh batch): A and B take x and y in turn.
_COUNTED = r"万元|亿元|元|%|％|辆|人|名|个|台|套|批次|次|家|所"
RESPECTIVELY = re.compile(
    rf"(?<![\u4e00-\u9fff])(?:(?:19|20)\d{{2}}年度?)?(?P<a>[\u4e00-\u9fff]{{2,12}}?)(?:及|和|与)"
    rf"(?P<b>[\u4e00-\u9fff]{{2,6}}?)分别(?P<verb>是|为)(?P<x>{_NUMBER})(?P<x_unit>{_COUNTED})?"
    rf"(?P<comma>和|与|、|[,，])(?P<y>{_NUMBER})(?P<unit>{_COUNTED})")
# "出国人次从29人降为16人" (fM2 of the seventh fresh batch): the item's level last year, then this year's.
FROM_TO = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<a>[\u4e00-\u9fff]{{2,12}}?)从(?P<x>{_NUMBER})(?P<x_unit>{_COUNTED})?"
    rf"(?P<verb>降|减少|下降|降低|增加|增长|上升|提高|升|增)(?:为|到|至)(?P<y>{_NUMBER})(?P<unit>{_COUNTED})")
DECREASE = ("减少", "下降", "降低")
RATE_VERBS = ("下降", "增长", "上升", "降低")


@dataclass(frozen=True)
class PairedFigure:
    """One of the two figures: its item, value, unit, where it was printed and whether it is a change.

    :ivar measure: "amount", "count", "change" (减少/增加) or "change_rate" (a percentage after 下降/增长).
    :ivar years_back: 1 for the earlier level of "从x降为y" (last year's), else 0.
    """

    label: str
    value: float
    unit: str
    start: int
    end: int
    measure: str
    years_back: int = 0


@cache
def _stems() -> dict[str, str]:
    with open(Path(__file__).with_name("paired_figures.toml"), "rb") as handle:
        return dict(tomllib.load(handle)["stems"])


def _thousands(match: re.Match[str]) -> bool:
    """"1,200万元" is one number: an ASCII comma after 1-3 digits and before exactly three."""
    return match.group("comma") == "," and re.fullmatch(r"\d{1,3}", match.group("x")) is not None \
        and re.fullmatch(r"\d{3}", match.group("y")) is not None


def _items(before: str, after: str) -> tuple[str, str, str]:
    """(first stem, second stem, shared noun) around "、": the second stem is the longest known stem
    ("支" of "支总计", "支出" of "支出总计") or all of the text after "、"; the first is as long as the second."""
    size = max((n for n in range(1, len(after)) if after[:n] in _stems()), default=len(after))
    return before[-size:], after[:size], after[size:]


def paired_figures(text: str) -> list[PairedFigure]:
    """The two figures of every "A、B…各 x, y unit" in a sentence (decreases negative), and of a
    second "各 x, y unit" right after one."""
    found: list[PairedFigure] = []
    for match in PAIRED.finditer(text):
        if _thousands(match):
            continue
        first, second, noun = _items(match.group("a"), match.group("rest"))
        labels = (_stems().get(first, first) + noun, _stems().get(second, second) + noun)
        found += _pair(match, labels, match.start())
        again = AGAIN.match(text, match.end())
        if again and (again.group("each") or again.group("verb")) and not _thousands(again):
            found += _pair(again, labels, again.start())
    for match in RESPECTIVELY.finditer(text):
        first, second = match.group("a"), match.group("b")
        if _thousands(match) or any(f.start <= match.start() < f.end for f in found):
            continue
        # the second item shares the first one's subject, said in a noun as long as its own
        # ("公务用车购置数" and "保有量": 公务用车保有量)
        shared = first[:-len(second)] if len(first) > len(second) else ""
        found += _pair(match, (first, shared + second), match.start("a"))
    for match in FROM_TO.finditer(text):
        if match.group("x_unit") not in (None, match.group("unit")) or any(
                f.start <= match.start() < f.end for f in found):
            continue
        measure = "count" if unit_kind(match.group("unit")) == "count" else "amount"
        found += [PairedFigure(match.group("a"), float(value), match.group("unit"), match.start("a"), match.end(),
                               measure, years_back)
                  for value, years_back in ((match.group("x"), 1), (match.group("y"), 0))]
    return found


def _pair(match: re.Match[str], labels: tuple[str, str], start: int) -> list[PairedFigure]:
    unit = "%" if match.group("unit") in ("%", "％") else match.group("unit")
    if match.group("x_unit") not in (None, "%", "％", match.group("unit")):
        return []  # "1人和3辆": two kinds of thing, not a pair
    verb = match.group("verb") or ""
    measure = "amount" if verb in ("", "是", "为") else (
        "change_rate" if unit == "%" and verb in RATE_VERBS else "change")
    sign = -1.0 if verb in DECREASE else 1.0
    return [PairedFigure(label, sign * float(value) if measure != "amount" else float(value),
                         unit, start, match.end(), measure)
            for label, value in zip(labels, (match.group("x"), match.group("y")))]
