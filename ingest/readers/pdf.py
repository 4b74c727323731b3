"""PDF disclosures -> Layout (pdfplumber): text lines, ruled tables, page furniture dropped.

Each page is read once: its characters become text lines and the cells of its
ruled tables (`ingest.tables.pdf_tables`); running headers/footers and page numbers
are dropped; `ingest.tables.pdf_flow` joins paragraphs and stitches tables across
pages. Work per page is bounded (characters, ruling edges, pages) so a huge or
hostile file ends with a warning instead of running away. A PDF without a text
layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import io
import re
import time
from collections import Counter
from dataclasses import replace

import pdfplumber
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException

from ingest.errors import UnreadableDocument, UnsupportedFormat
from ingest.model import Layout
from ingest.normalise import normalise_line
from ingest.tables.pdf_flow import PAGE_NUMBER, TextLine, assemble
from ingest.tables.pdf_tables import PageTable, find_page_tables, group_lines, line_text
from ingest.tables.pdf_text_tables import find_text_tables

MAX_PAGES = 2000
TIME_LIMIT_SECONDS = 300.0  # a whole file; pages after it are skipped with a warning
MAX_CHARS_PER_PAGE = 30_000
MAX_RULES_PER_PAGE = 5_000
FURNITURE_ZONE = 0.08  # top and bottom share of the page where running headers/footers sit

_REDO = "请重新导出或下载完整的文件后再上传。"
_BAD_PDF = (PdfminerException, MalformedPDFException, PSException, ValueError, KeyError, TypeError,
            AttributeError, IndexError, AssertionError, RecursionError, ZeroDivisionError)


def read_pdf_layout(data: bytes, name: str, max_pages: int = MAX_PAGES,
                    time_limit: float = TIME_LIMIT_SECONDS) -> Layout:
    """Read a PDF disclosure into a Layout (at most `max_pages` pages, `time_limit` seconds).

    Raises UnreadableDocument (encrypted, corrupt) or UnsupportedFormat (no text layer: needs OCR).
    """
    pdf = _open(data, name)
    try:
        pages, warnings = _read_pages(pdf, name, max_pages, time.monotonic() + time_limit)
    except _BAD_PDF as error:
        raise _unreadable(error, name) from error
    finally:
        pdf.close()
    layout = assemble(_drop_furniture(pages))
    return replace(layout, warnings=tuple(warnings))


def _open(data: bytes, name: str):
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)  # parses the page tree: a broken file fails here
    except _BAD_PDF as error:
        raise _unreadable(error, name) from error
    if count == 0:
        pdf.close()
        raise UnreadableDocument(f"PDF 文件已损坏或没有任何页面，无法读取：{name}。{_REDO}")
    return pdf


def _unreadable(error: Exception, name: str) -> UnreadableDocument:
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFEncryptionError):
        return UnreadableDocument(
            f"PDF 文件已加密（需要密码或禁止提取文字），无法读取：{name}。请上传未加密的版本。")
    return UnreadableDocument(f"PDF 文件已损坏或不完整，无法读取：{name}。{_REDO}")


def _read_pages(pdf, name: str, max_pages: int, deadline: float):
    """Per page: (page height, text lines, tables). Raises UnsupportedFormat for scans."""
    pages, warnings, scanned = [], [], []
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages[:max_pages], start=1):
        if time.monotonic() > deadline:
            warnings.append(f"读取时间过长，只读取了前 {number - 1} 页（共 {total} 页）。")
            break
        chars, rules, images, turned = page_objects(page)
        if not chars and images:
            scanned.append(number)
        if turned > len(chars):
            warnings.append(f"第 {number} 页的文字是竖排或旋转的，暂未读取该页的文字。")
        if len(chars) > MAX_CHARS_PER_PAGE:
            warnings.append(f"第 {number} 页文字过多，只读取了前 {MAX_CHARS_PER_PAGE} 个字符。")
            chars = chars[:MAX_CHARS_PER_PAGE]
        previous = _last_table(*pages[-1]) if pages else None
        pages.append((float(page.height), *_page_content(page, chars, rules, warnings, previous)))
        page.close()  # frees the parsed page: long documents stay small in memory
    if not any(lines or tables for _, lines, tables in pages):
        if warnings:  # only turned text, or cut short: say why rather than blame a missing text layer
            raise UnsupportedFormat(f"未能从 PDF 中读取到可用的文字：{name}。" + "".join(warnings[:3]))
        raise UnsupportedFormat(
            f"这个 PDF 没有文字层（可能是扫描件或图片）：{name}。需要先进行 OCR 文字识别，"
            "再上传识别后的文本或 PDF。")
    if scanned:
        shown = "、".join(str(n) for n in scanned[:10]) + ("等" if len(scanned) > 10 else "")
        warnings.append(f"第 {shown} 页只有图片、没有文字层（可能是扫描页），未能读取；需要 OCR 文字识别。")
    if total > max_pages:
        warnings.append(f"文件共 {total} 页，只读取了前 {max_pages} 页。")
    return pages, warnings


def page_objects(page) -> tuple[list[dict], int, int, int]:
    """(upright chars as small dicts, ruling objects, images, turned chars) of a page.

    Read straight from pdfminer's layout: pdfplumber's own char objects cost
    several times more, and text-only pages need nothing else.
    """
    chars, rules, images, turned = [], 0, 0, 0
    seen: set[tuple[str, int, int]] = set()
    # the same coordinates pdfplumber gives its objects (pdfminer's are relative to the MediaBox)
    x_shift, y_base = float(page.mediabox[0]), float(page.height) + float(page.mediabox[1])
    stack = [page.layout]
    while stack:
        for obj in stack.pop():
            if isinstance(obj, LTChar):
                text = obj.get_text()
                key = (text, round(obj.x0), round(obj.y0))
                if obj.upright and text.strip() and key not in seen:
                    seen.add(key)  # bold faked by printing a character twice, a hair apart
                    chars.append({"text": text, "x0": obj.x0 + x_shift, "x1": obj.x1 + x_shift,
                                  "top": y_base - obj.y1, "bottom": y_base - obj.y0, "size": obj.size})
                elif text.strip():
                    turned += 1
            elif isinstance(obj, LTCurve):  # LTLine and LTRect are curves
                rules += 1
            elif isinstance(obj, LTImage):
                images += 1
            elif isinstance(obj, LTContainer):
                stack.append(obj)
    return chars, rules, images, turned


def _page_content(page, chars: list[dict], rules: int, warnings: list[str], previous: PageTable | None):
    """A page's text lines (outside tables) and tables (ruled, else from word positions)."""
    number = page.page_number
    tables: list[PageTable] = []
    if rules > MAX_RULES_PER_PAGE:
        warnings.append(f"第 {number} 页的表格线过多，未识别该页的表格。")
    elif rules >= 4:
        tables = find_page_tables(page, chars, number)
    outside = [c for c in chars if not any(_inside(c, t) for t in tables)]
    lines = [line for line in (_text_line(chars, number, float(page.width)) for chars in group_lines(outside))
             if line.text]
    if not tables:
        tables, lines = find_text_tables(lines, number, previous)
    return lines, tables


def _last_table(height: float, lines: list[TextLine], tables: list[PageTable]) -> PageTable | None:
    """The table a page ends with (nothing but its footer below it), else None."""
    if not tables:
        return None
    last = max(tables, key=lambda t: t.bottom)
    return None if any(line.top > last.bottom and not _zone(line, height) for line in lines) else last


def _text_line(chars: list[dict], number: int, page_width: float) -> TextLine:
    """One line of chars, with its words (runs separated by more than a space's width)."""
    runs = [[chars[0]]]
    for previous, char in zip(chars, chars[1:]):
        if char["x0"] - previous["x1"] > char["size"] * 0.6:  # wider than a space
            runs.append([])
        runs[-1].append(char)
    words = tuple((normalise_line(line_text(run)).strip(), run[0]["x0"], run[-1]["x1"]) for run in runs)
    return TextLine(normalise_line(line_text(chars)).strip(), number, chars[0]["x0"], chars[-1]["x1"],
                    min(c["top"] for c in chars), chars[0]["size"], page_width, words)


def _inside(char: dict, table: PageTable) -> bool:
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return table.x0 <= cx <= table.x1 and table.top <= cy <= table.bottom


def _zone(line: TextLine, height: float) -> str:
    if line.top < height * FURNITURE_ZONE:
        return "top"
    if line.top > height * (1 - FURNITURE_ZONE):
        return "bottom"
    return ""


def _drop_furniture(pages) -> list[list[TextLine | PageTable]]:
    """Drop page numbers and running headers/footers; return each page's items top to bottom."""
    repeats: Counter[tuple[str, str]] = Counter()
    for height, lines, _ in pages:
        repeats.update({(_zone(line, height), re.sub(r"\d+", "#", line.text))
                        for line in lines if _zone(line, height)})
    threshold = max(2, 0.3 * len(pages))
    kept_pages = []
    for height, lines, tables in pages:
        kept = [line for line in lines if not _is_furniture(line, height, repeats, threshold)]
        kept_pages.append(sorted(kept + tables, key=lambda item: item.top))
    return kept_pages


def _is_furniture(line: TextLine, height: float, repeats: Counter, threshold: float) -> bool:
    zone = _zone(line, height)
    if not zone:
        return False
    return bool(PAGE_NUMBER.match(line.text)) or repeats[(zone, re.sub(r"\d+", "#", line.text))] >= threshold
