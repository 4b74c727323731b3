"""Document → passages: what the passage index embeds and BM25 scores.

Narrative passages are each paragraph of each section and, when a paragraph
holds several, each of its sentences, with the section path. Each table
gives one short passage for its title and columns and one per row label,
so "公车" finds 表8 as well as 第五部分.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.model import Document, Section, Table

# A sentence ends at 。！？ (or ；) — the document's own sentence boundaries.
FULL_STOPS = "。！？!?"
SENTENCE_ENDS = FULL_STOPS + "；;"
MIN_SENTENCE_CHARS = 6
# Longer paragraphs are only indexed by their sentences: embeddings truncate long inputs.
MAX_PARAGRAPH_CHARS = 400
# A paragraph's first sentence this short is a label for the next one ("2.公务接待费。").
MAX_LABEL_CHARS = 15


@dataclass(frozen=True)
class Passage:
    """One retrievable piece of a document.

    :ivar text: the document's own words (a paragraph, a sentence, or a table label line).
    :ivar kind: "paragraph", "sentence" or "table".
    :ivar section_path: the headings above a narrative passage; () for tables.
    :ivar ref: "第二部分" for narrative passages, "表8" for table passages.
    :ivar table_no: the table number for table passages, else 0.
    :ivar line: 1-based line in the normalised text where the passage starts (0 if unknown).
    :ivar context: what is embedded and scored with the text (its heading), not shown.
    """

    text: str
    kind: str
    section_path: tuple[str, ...]
    ref: str
    table_no: int = 0
    line: int = 0
    context: str = ""

    @property
    def search_text(self) -> str:
        """The text the models see: heading context, then the passage."""
        return f"{self.context}：{self.text}" if self.context else self.text


def document_passages(document: Document) -> list[Passage]:
    """Every passage of `document`, narrative first, then tables; duplicates dropped."""
    finder = _LineFinder(document.text)
    passages: list[Passage] = []
    for section in document.sections:
        passages.extend(_section_passages(section, finder))
    for table in document.tables:
        passages.extend(table_passages(table))
    seen: set[tuple[str, str]] = set()
    unique = []
    for passage in passages:
        key = (passage.kind if passage.kind == "table" else "text", passage.text)
        if key not in seen:
            seen.add(key)
            unique.append(passage)
    return unique


def split_sentences(paragraph: str, ends: str = SENTENCE_ENDS) -> list[str]:
    """The sentences of a paragraph, split after each character of `ends` (。！？；).

    Fragments too short to stand alone join the previous sentence; a short
    leading label ("2.公务接待费。") joins the sentence it introduces. With
    `ends=FULL_STOPS` a list of reasons ("一是…；二是…") stays one sentence.
    """
    pieces = [p.strip() for p in re.split(f"(?<=[{ends}])", paragraph) if p.strip()]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and len(piece) < MIN_SENTENCE_CHARS:
            sentences[-1] += piece
        else:
            sentences.append(piece)
    if len(sentences) > 1 and len(sentences[0]) <= MAX_LABEL_CHARS:
        sentences[:2] = [sentences[0] + sentences[1]]
    return sentences


def _section_passages(section: Section, finder: "_LineFinder") -> list[Passage]:
    ref = section.part or (section.path[0] if section.path else "")
    # The heading and its parent say what a bare sentence is about ("…工作目标 1.…党建工作").
    context = " ".join(section.path[-2:]) if section.title not in ("全文",) else ""
    passages = []
    starts = getattr(section, "paragraph_lines", ())
    for index, paragraph in enumerate(section.paragraphs):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        line = starts[index] if index < len(starts) else finder.find(paragraph, section.line)
        sentences = split_sentences(paragraph)
        if len(paragraph) <= MAX_PARAGRAPH_CHARS or len(sentences) < 2:
            passages.append(Passage(paragraph, "paragraph", section.path, ref, 0, line, context))
        if len(sentences) > 1:
            for sentence in sentences:
                passages.append(Passage(sentence, "sentence", section.path, ref, 0,
                                        finder.find(sentence, line), context))
    return passages


def table_passages(table: Table) -> list[Passage]:
    """A table's title with its column names, and its title with its row labels: two short passages."""
    ref = table.ref
    head = f"{ref} {table.title}".strip()
    passages = [Passage(_labelled(head, [n for path in table.columns for n in path]), "table", (), ref,
                        table.number, table.line)]
    rows = [label for row in table.rows for label in (row.path[-1:] if row.path else (row.label,))]
    if rows:
        first_line = table.rows[0].line or table.line
        passages.append(Passage(_labelled(head, rows), "table", (), ref, table.number, first_line))
    return passages


def _labelled(head: str, labels: list[str]) -> str:
    unique = list(dict.fromkeys(label for label in labels if label))
    return f"{head}：{'、'.join(unique)}" if unique else head


class _LineFinder:
    """Finds the line where a passage starts in the normalised text.

    Spaces and line breaks are ignored because the PDF text wraps sentences
    anywhere, so a passage's first characters may straddle two lines.
    """

    def __init__(self, text: str) -> None:
        self._joined = ""
        self._starts: list[int] = []
        pieces = []
        offset = 0
        for line in text.split("\n"):
            squeezed = re.sub(r"\s+", "", line)
            self._starts.append(offset)
            pieces.append(squeezed)
            offset += len(squeezed)
        self._joined = "".join(pieces)

    def find(self, passage: str, start_line: int = 0) -> int:
        probe = re.sub(r"\s+", "", passage)[:12]
        if not probe or not self._starts:
            return start_line
        begin = self._starts[min(max(start_line - 1, 0), len(self._starts) - 1)]
        at = self._joined.find(probe, begin)
        if at < 0:
            return start_line
        return bisect.bisect_right(self._starts, at)
