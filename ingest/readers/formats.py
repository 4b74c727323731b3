"""Format detection by content (not by extension) and dispatch through `READERS` to the right reader."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from ingest.errors import UnreadableDocument, UnsupportedFormat
from ingest.model import Layout
from ingest.readers.text import read_text_layout
from ingest.readers.xlsx import read_xls_layout, read_xlsx_layout


def detect_format(data: bytes) -> str:
    """Return "pdf", "xlsx", "xls" or "text" from the file's bytes."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "zip"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("word/") for n in names):
            return "docx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    return "text"


def _read_pdf(data: bytes, name: str) -> Layout:
    # pdfplumber takes a while to import: loaded only when a PDF arrives.
    from ingest.readers.pdf import read_pdf_layout
    return read_pdf_layout(data, name)


# Detected format ("pdf", "xlsx", "xls", "text": see `detect_format`) -> its reader.
READERS: dict[str, Callable[[bytes, str], Layout]] = {
    "pdf": _read_pdf,
    "xlsx": read_xlsx_layout,
    "xls": read_xls_layout,
    "text": read_text_layout,
}


def read_layout(data: bytes, name: str) -> Layout:
    """Read any supported file into a Layout. Raises UnreadableDocument/UnsupportedFormat."""
    if not data:
        raise UnreadableDocument(f"文件是空的：{name}")
    kind = detect_format(data)
    reader = READERS.get(kind)
    if reader is None:
        raise UnsupportedFormat(
            f"不支持的文件格式（{kind}）：{name}。请上传文本（.txt）、PDF 或 Excel（.xlsx）格式的预算公开文件。")
    return reader(data, name)
