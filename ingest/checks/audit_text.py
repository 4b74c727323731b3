"""The narrative as an audit reads it: paragraphs with their page and line, sentences,
amounts with their units. Shared by the statement checks (rates, items, wording, sums)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import CellRef, Document

AMOUNT = r"(\d[\d,]*(?:\.\d+)?)"
_SENTENCE_END = re.compile(r"(?<=[。！？])")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the narrative and where it is printed."""

    text: str
    section: tuple[str, ...]
    line: int
    page: int

    @property
    def where(self) -> str:
        return " › ".join(self.section)


def paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph of the document's sections, in order."""
    found = []
    for section in document.sections:
        lines = section.paragraph_lines or (section.line,) * len(section.paragraphs)
        for text, line in zip(section.paragraphs, lines):
            found.append(Paragraph(text, section.path, line, document.page_of(line)))
    return found


def place_at(document: Document, line: int) -> tuple[str, str]:
    """Where a line of the text is printed, as a finding's cell names it: (ref, title) of the
    table whose heading is the last one before it ("表9", or an unnumbered table's title twice),
    else ("正文", the section path)."""
    sections = [s for s in document.sections if 0 < s.line <= line]
    tables = [t for t in document.tables if 0 < t.line <= line and t.title.strip()]
    section = max(sections, key=lambda s: s.line, default=None)
    table = max(tables, key=lambda t: t.line, default=None)
    if table is not None and (section is None or table.line > section.line):
        return table.ref.strip(), table.title.strip()
    return "正文", " › ".join(section.path) if section else ""


def sentences(text: str) -> list[str]:
    """A paragraph cut after each full stop."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def number(printed: str) -> float:
    return float(printed.replace(",", ""))


def places(printed: str) -> int:
    """Decimals printed: "9.55" -> 2."""
    return len(printed.split(".")[1]) if "." in printed else 0


def quote_ref(paragraph: Paragraph, quote: str, raw: str = "", unit: str = "") -> CellRef:
    """A figure or sentence of the text as a finding's cell."""
    value = number(raw) if raw else None
    part = paragraph.section[0].split(" ")[0] if paragraph.section else ""
    return CellRef(part or "正文", paragraph.where, "", "", value, unit, raw, quote, paragraph.line)


def percent(value: float, digits: int) -> str:
    return f"{value:.{digits}f}%"
