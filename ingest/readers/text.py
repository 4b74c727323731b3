"""Text files: decode (UTF-8, UTF-8 with BOM, GB18030/GBK, detected from the bytes), normalise,
split tables from narrative.

The encoding is read from the bytes, never from the file name: a BOM wins,
then strict UTF-8, then strict GB18030 (a superset of GBK and GB2312) when
the result reads as Chinese text. Binary content and text that is no
disclosure at all are refused with a specific Chinese message.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from ingest.errors import UnreadableDocument
from ingest.model import Layout
from ingest.normalise import normalise_lines
from ingest.sections import heading_level
from ingest.tables.text_tables import split_tables

_UTF8_BOM = b"\xef\xbb\xbf"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]")
_PLAIN = re.compile(r"[\x20-\x7e\s]")
_MONEY = re.compile(r"\d\s*(?:亿元|万元|元)|单位\s*[:：]\s*(?:亿元|万元|元)")
_HEADING_ANYWHERE = re.compile(r"第[一二三四五六七八九十]{1,3}部分|(?:^|\s)[一二三四五六七八九十]{1,3}、")


def read_text_layout(data: bytes, name: str) -> Layout:
    """Decode, normalise and split a text disclosure. Raises UnreadableDocument."""
    text, warnings = decode_with_warnings(data, name)
    lines = normalise_lines(text)
    grids, narrative = split_tables(lines)
    if not grids and not _looks_like_disclosure(lines):
        raise UnreadableDocument(
            f"文件“{name}”看起来不是预算或决算公开文件：其中没有找到章节标题、表格或金额。"
            "请确认上传的是部门预算/决算公开的文本。")
    return Layout(lines=lines, narrative_lines=tuple(narrative), grids=tuple(grids), warnings=warnings)


def decode_text(data: bytes, name: str) -> str:
    """Return the text of a disclosure file's bytes. Raises UnreadableDocument."""
    return decode_with_warnings(data, name)[0]


def decode_with_warnings(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """The text of a file's bytes and what the user should know about its decoding
    (a character cut at the end, a few unreadable bytes). Raises UnreadableDocument."""
    if not data.strip():
        raise UnreadableDocument(f"文件“{name}”是空的，没有任何文字。")
    text, warnings = _decode_by_bom(data), ()
    if text is None:
        if b"\x00" in data:
            raise UnreadableDocument(f"文件“{name}”不是文本文件（含有二进制内容），无法读取。")
        text, warnings = _decode_without_bom(data, name)
    if _binary_share(text) > 0.01:
        raise UnreadableDocument(f"文件“{name}”不是文本文件（含有大量控制字符），无法读取。")
    return text, warnings


def _decode_by_bom(data: bytes) -> str | None:
    for bom, encoding in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            # two bytes that look like a UTF-16 mark may open any binary file
            return text if _reads_as_chinese(text) else None
    return None


def _decode_without_bom(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    body = data[len(_UTF8_BOM):] if data.startswith(_UTF8_BOM) else data
    for encoding in ("utf-8", "gb18030"):
        decoded = _decode_cut_tolerant(body, encoding)
        if decoded is not None and (encoding == "utf-8" or _reads_as_chinese(decoded[0])):
            text, cut = decoded
            return text, ((f"文件“{name}”在一个字的中间结束（可能被截断），最后一个不完整的字已忽略。",)
                          if cut else ())
    lenient = body.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad <= max(1, len(lenient) // 1000) and _reads_as_chinese(lenient.replace("\ufffd", "")):
        return lenient, (f"文件“{name}”中有 {bad} 处无法识别的字节，已显示为“\ufffd”。",)
    raise UnreadableDocument(
        f"无法识别文件“{name}”的文字编码：既不是 UTF-8，也不是 GB18030/GBK。"
        "请将文件另存为 UTF-8 编码的文本后重新上传。")


def _decode_cut_tolerant(body: bytes, encoding: str) -> tuple[str, bool] | None:
    """Strict decoding that forgives one character cut off at the very end (a truncated file)."""
    try:
        return body.decode(encoding), False
    except UnicodeDecodeError as error:
        if error.start < len(body) - 3 or not ("end of data" in error.reason or "incomplete" in error.reason):
            return None
        try:
            return body[:error.start].decode(encoding), True
        except UnicodeDecodeError:
            return None


def _reads_as_chinese(text: str) -> bool:
    """GB18030 decodes many byte strings; real text is common CJK, punctuation and ASCII."""
    if not text:
        return False
    usual = sum(1 for ch in text if _CJK.match(ch) or _PLAIN.match(ch))
    return usual / len(text) > 0.95


def _binary_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


@cache
def _disclosure_terms() -> tuple[str, ...]:
    with open(Path(__file__).with_name("text.toml"), "rb") as handle:
        return tuple(tomllib.load(handle)["disclosure"]["terms"])


def _looks_like_disclosure(lines: tuple[str, ...]) -> bool:
    """A disclosure names budget terms and has headings or money figures."""
    text = "\n".join(lines)
    if not any(term in text for term in _disclosure_terms()):
        return False
    return (bool(_MONEY.search(text)) or bool(_HEADING_ANYWHERE.search(text))
            or any(heading_level(line.strip()) for line in lines))
