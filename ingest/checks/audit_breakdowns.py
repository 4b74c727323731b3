"""A figure split in brackets into two complementary parts: "地上建筑面积为8013平方米（其中计容面积
7998平方米，不计容面积105平方米）". When one part is the other negated (计容 / 不计容, 财政拨款 /
非财政拨款), the two make the whole, so they must add up to the figure (check "text_sum",
错误; one unit off in the last place is rounding). A bracket listing parts that need not be
complementary ("其中外事接待0批次") is left alone: a subset may be any part of the whole.
Seen in the project description of the street-office budgets of tests/fixtures/real_pdf; the
negation prefixes are in audit.toml [breakdowns].
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.checks.audit_text import AMOUNT, Paragraph, paragraphs, places, quote_ref, sentences
from ingest.checks.audit_words import breakdowns
from ingest.model import Document, Finding, Verdict

_UNIT = r"(平方米|万元|元|人|辆|个|台|套|件|次|批次|家)"
_LABEL = r"([^\d，。；、：:（）()]{1,16}?)"
_WHOLE = re.compile(_LABEL + r"(?:为|约为|是|共)?\s*" + AMOUNT + r"\s*" + _UNIT + r"\s*[（(]\s*其中[：:，,]?\s*([^（）()]*)[）)]")
_PART = re.compile(_LABEL + r"(?:为|约为|是)?\s*" + AMOUNT + r"\s*" + _UNIT)


def breakdown_findings(document: Document) -> list[Finding]:
    return [f for p in paragraphs(document) for s in sentences(p.text) for f in _sentence(p, s)]


def _sentence(paragraph: Paragraph, sentence: str) -> list[Finding]:
    found = []
    for whole in _WHOLE.finditer(sentence):
        label, total, unit, inside = whole.group(1), whole.group(2), whole.group(3), whole.group(4)
        parts = [p for p in _PART.finditer(inside) if p.group(3) == unit]
        if len(parts) != 2 or not _complementary(_name(parts[0].group(1)), _name(parts[1].group(1))):
            continue
        found.append(_judge(paragraph, whole.group(0), _name(label), total, unit, parts))
    return found


def _name(label: str) -> str:
    """A part's name without the 其中 or list punctuation before it."""
    return re.sub(r"^(?:其中|和|及|与)", "", label.strip(" ，,、；;")).strip()


def _complementary(first: str, second: str) -> bool:
    """One name is the other with a negation before it ("不计容面积" / "计容面积")."""
    for negation in breakdowns()["negations"]:
        for plain, negated in ((first, second), (second, first)):
            if plain and negated == negation + plain:
                return True
    return False


def _judge(paragraph: Paragraph, quote: str, label: str, total: str, unit: str, parts) -> Finding:
    stated = Decimal(total.replace(",", ""))
    values = [Decimal(p.group(2).replace(",", "")) for p in parts]
    summed = sum(values)
    difference = stated - summed
    names = " + ".join(f"{_name(p.group(1))} {p.group(2)}" for p in parts)
    digits = max(places(total), *(places(p.group(2)) for p in parts))
    said = f"“{label}”{total}{unit}，括号内{names} = {_printed(summed, digits, total)}{unit}"
    last_place = Decimal(1).scaleb(-digits)
    cells = (quote_ref(paragraph, quote, total, unit),
             *(quote_ref(paragraph, quote, p.group(2), unit) for p in parts))
    page = f"第 {paragraph.page} 页 " if paragraph.page else ""
    if difference == 0:
        return Finding("text_sum", Verdict.OK, f"{page}{said}：一致。", paragraph.where, cells, 0.0)
    gap = f"{_printed(abs(difference), digits, total)}{unit}"
    if abs(difference) <= last_place:
        return Finding("text_sum", Verdict.ROUNDING, f"{page}{said}，相差 {gap}，属尾数误差。",
                       paragraph.where, cells, float(difference))
    message = (f"{page}{said}，与所述{total}{unit}相差 {gap}：两部分互补（一为另一的否定），"
               f"其和应等于总数，其中一个数字有误（原文：“{quote}”）。")
    return Finding("text_sum", Verdict.ERROR, message, paragraph.where, cells, float(difference))


def _printed(value: Decimal, digits: int, like: str) -> str:
    """A computed figure printed as the document prints its figures (thousands commas or not)."""
    return f"{value:,.{digits}f}" if "," in like else f"{value:.{digits}f}"
