"""Format detection by content (not by extension) and dispatch to the right reader."""

from __future__ import annotations

import io
import zipfile

from ingest.errors import UnreadableDocument, UnsupportedFormat
from ingest.model import Layout


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


def read_layout(data: bytes, name: str) -> Layout:
    """Read any supported file into a Layout. Raises UnreadableDocument/UnsupportedFormat."""
    if not data:
        raise UnreadableDocument(f"文件是空的：{name}")
    kind = detect_format(data)
    if kind == "pdf":
        from ingest.pdf import read_pdf_layout
        return read_pdf_layout(data, name)
    if kind == "xlsx":
        from ingest.xlsx import read_xlsx_layout
        return read_xlsx_layout(data, name)
    if kind == "xls":
        from ingest.xlsx import read_xls_layout
        return read_xls_layout(data, name)
    if kind in ("docx", "zip"):
        raise UnsupportedFormat(
            f"不支持的文件格式（{kind}）：{name}。请上传文本（.txt）、PDF 或 Excel（.xlsx）格式的预算公开文件。")
    from ingest.text import read_text_layout
    return read_text_layout(data, name)
