"""Excel workbooks -> Layout: .xlsx with openpyxl, legacy .xls with xlrd.

Each sheet becomes a `Sheet` of cells as the spreadsheet displays them:
figures formatted by their number format ("#,##0" -> "3,776"), a label's
indent (cell indent level, or leading ideographic spaces) as leading spaces,
merged ranges kept; `ingest.tables.sheet_tables` finds the title, header and body.
Formulas are read as their last computed values.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
from xml.etree.ElementTree import ParseError

from ingest.errors import UnreadableDocument, UnsupportedFormat
from ingest.model import Layout
from ingest.readers.xlsx_bounds import check_workbook_bounds
from ingest.tables.sheet_tables import Sheet, sheets_layout

MAX_ROWS_PER_SHEET = 5_000
MAX_COLUMNS = 200
_DECIMALS = re.compile(r"\.([0#]+)")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def read_xlsx_layout(data: bytes, name: str) -> Layout:
    """Read an .xlsx workbook (one standard table per sheet). Raises UnreadableDocument."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_workbook_bounds(data, name)  # before openpyxl builds every cell in memory
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, ParseError, KeyError, ValueError, TypeError,
            OSError) as error:
        raise UnreadableDocument(f"Excel 文件已损坏或不是有效的 .xlsx 文件，无法读取：{name}。") from error
    sheets = [_openpyxl_sheet(ws) for ws in workbook.worksheets]
    return _layout(sheets, name)


def read_xls_layout(data: bytes, name: str) -> Layout:
    """Read a legacy .xls workbook with xlrd. Raises UnsupportedFormat when xlrd is missing.

    Password-protected .xlsx files are OLE2 containers too (an "EncryptedPackage" stream).
    """
    if _ENCRYPTED_PACKAGE in data[:65536] or _ENCRYPTED_PACKAGE in data[-65536:]:
        raise UnreadableDocument(f"Excel 文件设置了打开密码，无法读取：{name}。请取消密码后再上传。")
    try:
        import xlrd
    except ImportError as error:
        raise UnsupportedFormat(
            f"暂不支持旧版 Excel（.xls）文件：{name}。请在 Excel 或 WPS 中另存为 .xlsx 后再上传。") from error
    from xlrd.compdoc import CompDocError

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except (xlrd.XLRDError, CompDocError, struct.error, AssertionError, IndexError, KeyError, ValueError,
            TypeError, UnicodeDecodeError) as error:
        raise UnreadableDocument(
            f"Excel 文件已损坏或不是有效的 .xls 文件，无法读取：{name}。"
            "可以另存为 .xlsx 后再上传。") from error
    return _layout([_xlrd_sheet(book, book.sheet_by_index(i)) for i in range(book.nsheets)], name)


def _layout(sheets: list[Sheet], name: str) -> Layout:
    layout = sheets_layout([s for s in sheets if any(any(c.strip() for c in row) for row in s.cells)])
    if not layout.lines:
        raise UnreadableDocument(f"Excel 文件里没有任何内容：{name}。")
    return layout


def display_text(value, number_format: str = "General", indent: int = 0) -> str:
    """A cell's value as the spreadsheet shows it; labels get two spaces per indent level."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    text = str(value).replace("\u3000", "  ").rstrip()
    return " " * (2 * indent) + text if text else ""


def format_number(value: float, number_format: str = "General") -> str:
    """3776 with "#,##0" -> "3,776"; 0.06 with "0%" -> "6%"; "General" -> shortest form."""
    section = (number_format or "General").split(";")[0]
    if section == "General" or not any(ch in section for ch in "0#"):
        return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
    percent = "%" in section
    if percent:
        value = value * 100
    match = _DECIMALS.search(section)
    decimals = len(match.group(1)) if match else 0
    separator = "," if "," in section.split(".")[0] else ""
    return f"{value:{separator}.{decimals}f}" + ("%" if percent else "")


def _openpyxl_sheet(ws) -> Sheet:
    rows = []
    for row in ws.iter_rows(max_row=min(ws.max_row, MAX_ROWS_PER_SHEET),
                            max_col=min(ws.max_column, MAX_COLUMNS)):
        rows.append(tuple(display_text(cell.value, cell.number_format,
                                       int(cell.alignment.indent or 0) if cell.alignment else 0)
                          for cell in row))
    merges = tuple((m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in ws.merged_cells.ranges)
    return Sheet(ws.title, tuple(rows), merges)


def _xlrd_sheet(book, sheet) -> Sheet:
    import xlrd

    rows = []
    for r in range(min(sheet.nrows, MAX_ROWS_PER_SHEET)):
        row = []
        for c in range(min(sheet.ncols, MAX_COLUMNS)):
            cell = sheet.cell(r, c)
            xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
            fmt = book.format_map[xf.format_key].format_str if xf and xf.format_key in book.format_map else ""
            indent = xf.alignment.indent_level if xf else 0
            value = cell.value
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                value = None
            elif cell.ctype == xlrd.XL_CELL_DATE:
                value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
            row.append(display_text(value, fmt or "General", indent))
        rows.append(tuple(row))
    merges = tuple((r0, r1, c0, c1) for r0, r1, c0, c1 in sheet.merged_cells)
    return Sheet(sheet.name, tuple(rows), merges)
