"""Amounts a section states that are disjoint parts of another amount it states: together they
cannot exceed it (check "text_sum", 错误 when they do). The rules are `[[within]]` of
audit.toml, phrased as the templates phrase them: the 政府采购 paragraph of the 决算 template
(财库〔2020〕46号 wording) gives the contracts won by 中小企业 in projects reserved for them and in
the other projects, both parts of the year's 政府采购金额. Seen in the 社会工作部 2024 决算 of
tests/fixtures/real_pdf, which states 21.07 万元 for each of the two and 21.07 万元 in all.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.checks.audit_locate import to_yuan
from ingest.checks.audit_text import AMOUNT, Paragraph, quote_ref
from ingest.checks.audit_words import within_rules
from ingest.model import Document, Finding, Section, Verdict

_MONEY = r"\s*(亿元|万元|元)"


def within_findings(document: Document) -> list[Finding]:
    found = []
    for section in document.sections:
        parts = _paragraphs(document, section)
        for rule in within_rules():
            finding = _check(parts, rule)
            if finding is not None:
                found.append(finding)
    return found


def _paragraphs(document: Document, section: Section) -> list[Paragraph]:
    lines = section.paragraph_lines or (section.line,) * len(section.paragraphs)
    return [Paragraph(text, section.path, line, document.page_of(line))
            for text, line in zip(section.paragraphs, lines)]


def _first(paragraphs: list[Paragraph], pattern: str):
    """The first statement of the pattern's amount: (paragraph, match)."""
    regex = re.compile(pattern + r"\s*" + AMOUNT + _MONEY)
    for paragraph in paragraphs:
        match = regex.search(paragraph.text)
        if match:
            return paragraph, match
    return None


def _check(paragraphs: list[Paragraph], rule: dict) -> Finding | None:
    whole = _first(paragraphs, rule["whole"])
    parts = [_first(paragraphs, pattern) for pattern in rule["parts"]]
    if whole is None or None in parts:
        return None
    amounts = [_yuan(m) for _, m in [whole, *parts]]
    total, summed = amounts[0], sum(amounts[1:])
    cells = tuple(quote_ref(p, m.group(0), m.group(1), m.group(2)) for p, m in [whole, *parts])
    paragraph = parts[-1][0]
    unit = whole[1].group(2)
    said = "、".join(f"{name} {m.group(1)}{m.group(2)}" for name, (_, m) in zip(rule["names"], parts))
    place = f"第 {paragraph.page} 页 " if paragraph.page else ""
    summed_unit = summed / Decimal(str(to_yuan(1, unit)))
    if summed <= total:
        message = f"{place}{said}，合计 {summed_unit.normalize():f}{unit}，未超过{rule['whole_name']} {whole[1].group(1)}{unit}。"
        return Finding("text_sum", Verdict.OK, message, paragraph.where, cells, 0.0)
    over = (summed - total) / Decimal(str(to_yuan(1, unit)))
    message = (f"{place}{said}，两者互不重叠，合计 {summed_unit.normalize():f}{unit}，"
               f"却超过{rule['whole_name']} {whole[1].group(1)}{unit}（多 {over.normalize():f}{unit}）："
               f"{rule['why']}")
    return Finding("text_sum", Verdict.ERROR, message, paragraph.where, cells, float(over))


def _yuan(match) -> Decimal:
    return Decimal(match.group(1).replace(",", "")) * Decimal(str(to_yuan(1, match.group(2))))
