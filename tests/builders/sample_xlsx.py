"""Build an .xlsx workbook of the sample's tables with openpyxl, at test time.

One table per sheet, as departments publish them: a "表N" row, the title and
"部门名称：… 单位：万元" rows above a merged multi-level header, then the body.
Amounts are numbers formatted "#,##0"; labels show their depth with the cell's
indent (表1 instead uses leading ideographic spaces, as many workbooks do).
表11 is written as its form: every cell placed and merged as printed, "2022年度" above it.
Contents come from the hand-typed expected grids only.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment

from .printed_tables import DEPARTMENT, FORM_YEAR, FORMS, PrintedTable, load_grid, printable_numbers, printed_table

IDEOGRAPHIC_SPACE = "\u3000"


def build_sample_xlsx(numbers: list[int] | None = None) -> bytes:
    """The sample's tables `numbers` (default: all typed) as one workbook, one sheet each."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number in numbers or printable_numbers():
        write_table(workbook.create_sheet(f"表{number}"), printed_table(load_grid(number)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_table(sheet, table: PrintedTable) -> None:
    """Title rows, merged header, body."""
    width = table.n_cols
    sheet.cell(1, 1, f"表{table.number}")
    sheet.cell(2, 1, table.title).alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.cell(3, 1, _title_block_line(table))
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=max(1, width - 1))
    sheet.cell(3, width, f"单位：{table.unit}")
    top = 4
    for cell in table.header:
        written = sheet.cell(top + cell.row, 1 + cell.col)
        if _is_amount(cell.text):  # a form's amounts (表11) are numbers too
            written.value, written.number_format = int(cell.text.replace(",", "")), "#,##0"
        else:
            written.value = cell.text
            if cell.text.startswith("="):  # a target value "=100%" is text, not a formula
                written.data_type = "s"
            written.alignment = Alignment(wrap_text=True, vertical="center")
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(start_row=top + cell.row, start_column=1 + cell.col,
                              end_row=top + cell.row + cell.rowspan - 1,
                              end_column=cell.col + cell.colspan)
    first_body = top + table.header_rows
    for r, row in enumerate(table.body):
        for c, printed in enumerate(row):
            _write_body_cell(sheet.cell(first_body + r, 1 + c), printed, table.number)


def _title_block_line(table: PrintedTable) -> str:
    """The line above the header: the department, or for a form the year (its department is inside)."""
    return FORM_YEAR if table.number in FORMS else f"部门名称：{DEPARTMENT}"


def _is_amount(text: str) -> bool:
    return bool(text) and text.replace(",", "").isdigit()


def _write_body_cell(cell, printed, number: int) -> None:
    text = printed.text
    if printed.align == "right" and text.replace(",", "").isdigit():
        cell.value = int(text.replace(",", ""))
        cell.number_format = "#,##0"
        return
    if printed.align == "center":
        cell.value = text
        cell.alignment = Alignment(horizontal="center")
    elif number == 1:
        cell.value = IDEOGRAPHIC_SPACE * printed.indent + text if text else None
    else:
        cell.value = text or None
        cell.alignment = Alignment(indent=printed.indent)


def build_sample_xls(numbers: list[int] | None = None) -> bytes:
    """The same workbook in the legacy .xls format (xlwt), for the xlrd reader."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    amount = xlwt.easyxf(num_format_str="#,##0")
    for number in numbers or printable_numbers():
        table = printed_table(load_grid(number))
        sheet = book.add_sheet(f"表{number}")
        sheet.write(0, 0, f"表{number}")
        sheet.write_merge(1, 1, 0, table.n_cols - 1, table.title)
        sheet.write_merge(2, 2, 0, max(0, table.n_cols - 2), _title_block_line(table))
        sheet.write(2, table.n_cols - 1, f"单位：{table.unit}")
        for cell in table.header:
            if _is_amount(cell.text):
                sheet.write_merge(3 + cell.row, 3 + cell.row + cell.rowspan - 1,
                                  cell.col, cell.col + cell.colspan - 1, int(cell.text.replace(",", "")), amount)
            else:
                sheet.write_merge(3 + cell.row, 3 + cell.row + cell.rowspan - 1,
                                  cell.col, cell.col + cell.colspan - 1, cell.text)
        for r, row in enumerate(table.body, start=3 + table.header_rows):
            for c, printed in enumerate(row):
                if printed.align == "right" and printed.text.replace(",", "").isdigit():
                    sheet.write(r, c, int(printed.text.replace(",", "")), amount)
                elif printed.text:
                    sheet.write(r, c, printed.text, xlwt.easyxf(f"align: indent {printed.indent}"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
