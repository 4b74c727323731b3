"""Hostile workbooks, written at test time: small files whose XML unpacks to far more.

The sheet's XML is streamed into the zip in 1 MB pieces, so building a 1 GB sheet
never holds more than one piece in memory; deflate packs the repeated rows about
a thousandfold. Cells carry no "r" reference, so every cell is a new one to openpyxl.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_TAIL = b"</sheetData></worksheet>"
_ROW = b"<row>" + b"<c><v>1234.5</v></c>" * 100 + b"</row>"


def write_xlsx_bomb(path: Path, unpacked_mb: int = 1024) -> Path:
    """A valid .xlsx whose one sheet is about `unpacked_mb` MB of XML."""
    piece = _ROW * (1024 * 1024 // len(_ROW))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        _copy_frame(out)
        with out.open(SHEET, "w", force_zip64=unpacked_mb >= 2048) as sheet:
            sheet.write(_HEAD)
            for _ in range(unpacked_mb):
                sheet.write(piece)
            sheet.write(_TAIL)
    return path


def write_lying_xlsx_bomb(path: Path, unpacked_mb: int = 256) -> Path:
    """A bomb whose zip headers declare its sheet to unpack to 1 KB."""
    write_xlsx_bomb(path, unpacked_mb)
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET)
    struct.pack_into("<I", data, info.header_offset + 22, 1024)  # local header: uncompressed size
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(SHEET)] != SHEET.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 1024)  # central directory: uncompressed size
    path.write_bytes(bytes(data))
    return path


def write_wide_workbook(path: Path, rows: int, columns: int) -> Path:
    """A plain workbook of `rows` × `columns` figures under a title (openpyxl, write-only)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("支出预算表")
    sheet.append(["支出预算表"])
    for row in range(rows):
        sheet.append([f"项目{row}"] + [row + column for column in range(columns - 1)])
    workbook.save(path)
    return path


def _copy_frame(out: zipfile.ZipFile) -> None:
    """Every part of a one-sheet workbook but its sheet (content types, workbook, styles)."""
    workbook = Workbook()
    workbook.active["A1"] = "表1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as frame:
        for part in frame.infolist():
            if part.filename != SHEET:
                out.writestr(part.filename, frame.read(part))
