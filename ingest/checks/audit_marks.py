"""Leftovers a reviewer spots by eye (提示, check "leftover"):
- a quotation mark or bracket opened and never closed, or closed and never opened, in one
  paragraph ("“住房保障支出（类）住房改革支出（款）住房公积金（项）350.35万元" lost its ”);
- a year in a heading or a table title that is neither the disclosure's fiscal year nor the
  year it is compared with (a 2024 决算 names 2024 and 2023; a 2025 预算 names 2025 and 2024),
  but a year near it: a heading copied from another year's disclosure.
Pairs of marks and the numbering exempted are in audit.toml [marks].
"""

from __future__ import annotations

import re

from ingest.checks.audit_text import Paragraph, paragraphs, sentences
from ingest.checks.audit_words import marks
from ingest.checks.audit_wording import is_template
from ingest.model import CellRef, Document, Finding, Verdict

QUOTE_CHARS = 80  # longest sentence quoted in full; a longer one is cut around the mark
# A heading copied from another disclosure names a neighbouring year; a year further away is
# history ("(一)……创办于1956年", a heading of a development text), not a leftover.
COPIED_SPAN = 3
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_RANGE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年?\s*[-—–~～至到]\s*(?:19|20)\d{2}")


def mark_findings(document: Document) -> list[Finding]:
    if is_template(document):
        return []
    found = [f for p in paragraphs(document) for f in _unbalanced(p)]
    return found + _heading_years(document)


# ---------------------------------------------------------------- quotes and brackets


def _unbalanced(paragraph: Paragraph) -> list[Finding]:
    """One finding per pair of marks left open or closed without an opening in the paragraph."""
    text = re.sub(marks()["numbering"], lambda m: "\0" * len(m.group(0)), paragraph.text)
    found = []
    for pair in marks()["pairs"]:
        opens, closes = pair[0], pair[1]
        at = _stray(text, opens, closes)
        if at is None:
            continue
        sentence = _sentence_at(paragraph.text, at)
        mark = paragraph.text[at]
        what = (f"“{mark}”没有对应的“{closes[0]}”" if mark in opens
                else f"“{mark}”前没有对应的“{opens[0]}”")
        found.append(_finding(paragraph, sentence, f"引号或括号不成对：{what}，可能是漏打或句子被截断。"))
    return found


def _stray(text: str, opens: str, closes: str) -> int | None:
    """Position of the first close without an open, else of the last open never closed."""
    pending: list[int] = []
    for at, char in enumerate(text):
        if char in opens:
            pending.append(at)
        elif char in closes:
            if not pending:
                return at
            pending.pop()
    return pending[-1] if pending else None


def _sentence_at(text: str, at: int) -> str:
    start = 0
    for sentence in sentences(text):
        if start <= at < start + len(sentence):
            if len(sentence) <= QUOTE_CHARS:
                return sentence.strip()
            left = max(at - start - QUOTE_CHARS // 2, 0)
            return sentence[left:left + QUOTE_CHARS].strip()
        start += len(sentence)
    return text[max(at - QUOTE_CHARS // 2, 0):at + QUOTE_CHARS // 2].strip()


def _finding(paragraph: Paragraph, quote: str, message: str) -> Finding:
    place = f"第 {paragraph.page} 页" if paragraph.page else paragraph.where or f"第 {paragraph.line} 行"
    ref = CellRef("正文", paragraph.where, "", "", None, "", "", quote, paragraph.line)
    return Finding("leftover", Verdict.WARNING, f"{place}：“{quote}”——{message}", place, (ref,),
                   page=paragraph.page)


# ---------------------------------------------------------------- years of headings


def _heading_years(document: Document) -> list[Finding]:
    """Headings and table titles naming a year other than the fiscal year or the year before."""
    if not document.year:
        return []
    allowed = {document.year, document.year - 1}
    titled = [(s.title, s.line, "标题", "正文", " › ".join(s.path)) for s in document.sections if s.line]
    titled += [(t.title, t.line, "表格标题", t.ref, t.title) for t in document.tables if t.title.strip()]
    found, seen = [], set()
    for title, line, kind, ref_name, place_title in titled:
        plain = _RANGE.sub("", title)  # "2021—2023年" names a period, not the wrong year
        years = sorted(y for y in {int(y) for y in _YEAR.findall(plain)} - allowed
                       if abs(y - document.year) <= COPIED_SPAN)
        if not years or (title, line) in seen:
            continue
        seen.add((title, line))
        page = document.page_of(line)
        place = f"第 {page} 页" if page else f"第 {line} 行"
        said = "、".join(f"{y}年" for y in years)
        message = (f"{place}{kind}“{title}”写的是{said}，本文件是 {document.year} 年的"
                   f"（可比较的上年为 {document.year - 1} 年）：可能沿用了其他年度的标题，请核对年份。")
        ref = CellRef(ref_name, place_title, "", "", None, "", "", title, line)
        found.append(Finding("leftover", Verdict.WARNING, message, place, (ref,), page=page))
    return found
