"""Selective normalisation of disclosure text.

Not blanket NFKC: quotes shown to users keep the disclosure's full-width CJK
punctuation ("，：（）"). Only what hurts matching is folded: the enclosed
numerals ⒈…⒛ become "1."…"20.", full-width digits, Latin letters and "％"
become ASCII, and exotic spaces (NBSP, ideographic space) become plain spaces.

Mainland disclosures are published in simplified characters; copies on mirror
sites convert them to traditional characters and some insert the pinyin of a
character after it ("清遠(yuǎn)市生態(tài)環(huán)境局", seen in six of the development
excerpts from four provinces). Both are undone here (OpenCC t2s, which leaves
simplified text as it is), so such a copy reads like its original.

Line convention: a normalised line keeps exactly one trailing space when the
source line ended with any whitespace, because this PDF export marks the end
of a paragraph that way; every other trailing whitespace is stripped.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

_ENCLOSED = {chr(0x2488 + i): f"{i + 1}." for i in range(20)}  # ⒈ … ⒛
_FULL_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULL_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULL_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULL_WIDTH["％"] = "%"
_SPACES = {c: " " for c in "\u00a0\u3000\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t"}
_DROPPED = {c: "" for c in "\u200b\u200c\u200d\ufeff"}
_TABLE = str.maketrans({**_ENCLOSED, **_FULL_WIDTH, **_SPACES, **_DROPPED})

_ALNUM = re.compile(r"[A-Za-z0-9]")
# A pinyin syllable with its tone mark in parentheses right after a CJK character: "遠(yuǎn)".
_PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)")
_TRADITIONAL_HINT = re.compile(r"[\u4e00-\u9fff]")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def plain_chinese(text: str) -> str:
    """A mirror copy's text as its original: pinyin notes dropped, simplified characters."""
    return to_simplified(_PINYIN_NOTE.sub("", text))


def to_simplified(text: str) -> str:
    """Traditional characters as simplified ones ("萬元" → "万元"); simplified text is unchanged."""
    return _t2s().convert(text) if _TRADITIONAL_HINT.search(text) else text
_SPACE_RUN = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """Fold one source line; keep one trailing space if the source had trailing whitespace."""
    folded = plain_chinese(line.translate(_TABLE))
    body = folded.rstrip()
    if body and len(body) < len(folded):
        return body + " "
    return body


_OFFICE_FIELD = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z|\b[0-9A-F]{32}\b|\b(?:True|False)\b")
_OFFICE_TAIL = re.compile(r"(?:\s+(?:True|False|[\d.\-]+|[0-9A-F]{32}))*\s*")


def normalise_lines(text: str) -> tuple[str, ...]:
    """Split decoded text into normalised lines (see the module's line convention)."""
    return tuple(strip_office_properties(normalise_line(line)) for line in text.splitlines())


def strip_office_properties(line: str) -> str:
    """Drop the document properties a converted Office file opens with (author, ISO
    timestamps, a GUID, "False False False"): they are no part of the disclosure.
    Only a line with a timestamp or GUID is touched; it keeps what follows the last property."""
    fields = list(_OFFICE_FIELD.finditer(line))
    if not any(":" in m.group(0) or len(m.group(0)) == 32 for m in fields):
        return line
    tail = _OFFICE_TAIL.match(line, fields[-1].end())
    return line[tail.end():]


def ends_with_space(line: str) -> bool:
    """Whether a normalised line carries the trailing-space paragraph-end mark."""
    return line.endswith(" ")


def tidy_spaces(text: str) -> str:
    """Remove the PDF's stray spaces: keep a space only between two Latin/digit characters.

    "2,315 万元" → "2,315万元", "6 %" → "6%", "共 7个部门" → "共7个部门", "全 区" → "全区";
    "95.5 KB" keeps its space.
    """
    text = text.strip()
    return _SPACE_RUN.sub(_space_or_nothing, text)


def _space_or_nothing(match: re.Match[str]) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return " " if _ALNUM.match(before or "-") and _ALNUM.match(after or "-") else ""


def join_wrapped(left: str, right: str) -> str:
    """Join two hard-wrapped pieces: no space, except between two Latin/digit characters."""
    left, right = left.rstrip(), right.strip()
    if not left or not right:
        return left + right
    if _ALNUM.match(left[-1]) and _ALNUM.match(right[0]):
        return f"{left} {right}"
    return left + right
