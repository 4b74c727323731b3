"""Build PDFs of the sample disclosure with reportlab and a CJK font, at test time.

The narrative is the sample's own text (re-wrapped to the PDF's line width,
paragraphs split where the sample marks a paragraph end with trailing spaces);
the tables are drawn from the hand-typed expected grids as ruled tables with
merged multi-level headers, repeated title and header after each page break,
a running page header and page numbers. The font is reportlab's built-in CID
font STSong-Light (no font file needed; text extracts back as Unicode), or an
embedded TrueType font (Debian's fonts-wqy-zenhei) as most published PDFs embed theirs.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from dataclasses import dataclass, field, replace

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ingest import sample_path
from .printed_tables import (
    DEPARTMENT, FORM_YEAR, FORMS, NOTES, BodyCell, PrintedTable, load_grid, printable_numbers, printed_table)

FONT = "STSong-Light"
RUNNING_HEADER = f"{DEPARTMENT}2022年部门预算"
BODY_SIZE, BODY_PITCH = 12, 20
CELL_SIZE, CELL_PITCH = 8, 10
MARGIN = 20 * mm

pdfmetrics.registerFont(UnicodeCIDFont(FONT))
EMBEDDED_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")  # Debian fonts-wqy-zenhei


class _font:
    """The font being drawn with: the CID font, or an embedded TrueType CJK font."""

    name = FONT


def embedded_font_name(path: Path) -> str:
    """Register a TrueType/TTC CJK font file (embedded, subset, as real disclosures are)."""
    name = f"Embedded-{path.stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    return name


@dataclass
class BuildReport:
    """What the builder drew, for tests to check the reader against."""

    paragraphs: list[str] = field(default_factory=list)
    split_paragraphs: list[str] = field(default_factory=list)  # paragraphs cut by a page break
    table_pages: dict[int, list[int]] = field(default_factory=dict)  # table number -> pages it is on
    pages: int = 0


def sample_paragraphs() -> list[str]:
    """The sample's narrative (before "二、表格部分") as paragraphs, lines joined without spaces."""
    paragraphs, current = [], ""
    for raw in sample_path().read_text(encoding="utf-8").splitlines():
        if raw.strip() == "二、表格部分":
            break
        if not raw.strip():
            continue
        current += raw.strip()
        if raw != raw.rstrip():
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def is_heading(text: str) -> bool:
    """Headings are drawn without the first-line indent of body paragraphs."""
    return len(text) <= 30 and not text.endswith(("。", "；", ";", "："))


class _Pages:
    """A reportlab canvas with a cursor, the running header and page numbers."""

    def __init__(self, report: BuildReport, running_header: bool = True, ruled: bool = True,
                 form_break: int = 0):
        self.ruled, self.form_break = ruled, form_break
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=A4)
        self.report, self.running_header = report, running_header
        self.size, self.y, self.open = A4, 0.0, False

    def new_page(self, size=A4) -> None:
        if self.open:
            self._finish_page()
        self.canvas.setPageSize(size)
        self.size, self.open = size, True
        self.report.pages += 1
        self.y = size[1] - MARGIN
        if self.running_header:
            self.canvas.setFont(_font.name, 9)
            self.canvas.drawCentredString(size[0] / 2, size[1] - 12 * mm, RUNNING_HEADER)

    def _finish_page(self) -> None:
        self.canvas.setFont(_font.name, 9)
        self.canvas.drawCentredString(self.size[0] / 2, 10 * mm, f"- {self.report.pages} -")
        self.canvas.showPage()

    def room(self) -> float:
        return self.y - MARGIN

    def text(self, x: float, text: str, size: float = BODY_SIZE, justify_to: float = 0) -> None:
        """Draw one line; with `justify_to`, spread the characters to end at that x (justified text)."""
        self.canvas.setFont(_font.name, size)
        space = 0.0
        if justify_to and len(text) > 1:
            width = pdfmetrics.stringWidth(text, _font.name, size)
            space = max(0.0, (justify_to - x - width) / (len(text) - 1))
        self.canvas.drawString(x, self.y - size, text, charSpace=space)

    def close(self) -> bytes:
        if self.open:
            self._finish_page()
        self.canvas.save()
        return self.buffer.getvalue()


def wrap(text: str, width: float, size: float, first_indent: float = 0) -> list[str]:
    """Greedy wrap as CJK typesetting does: any character may start a line, but not inside a number."""
    lines, current, limit = [], "", width - first_indent
    for token in re.findall(r"[A-Za-z0-9.,%]+|.", text):
        if current and pdfmetrics.stringWidth(current + token, _font.name, size) > limit:
            lines.append(current)
            current, limit = "", width
        current += token
    return lines + [current] if current else lines


def draw_narrative(pages: _Pages, paragraphs: list[str]) -> None:
    """Flow paragraphs over portrait pages; body paragraphs get a two-character first-line indent."""
    width = A4[0] - 2 * MARGIN
    for paragraph in paragraphs:
        heading = is_heading(paragraph)
        indent = 0 if heading else 2 * BODY_SIZE
        if heading:
            pages.y -= 6  # headings get a little space above
        lines = wrap(paragraph, width, BODY_SIZE, indent)
        pages.report.paragraphs.append(paragraph)
        for i, line in enumerate(lines):
            if pages.room() < BODY_PITCH:
                pages.new_page()
                if i:
                    pages.report.split_paragraphs.append(paragraph)
            last = i == len(lines) - 1
            pages.text(MARGIN + (indent if i == 0 else 0), line, justify_to=0 if last else A4[0] - MARGIN)
            pages.y -= BODY_PITCH


def _column_widths(table: PrintedTable, total: float) -> list[float]:
    if table.number in FORMS:  # block heading, 任务名称/一级, 主要内容 (2 columns)/二级, 三级, amounts/目标值
        return [total * share for share in (0.08, 0.15, 0.17, 0.24, 0.12, 0.12, 0.12)]
    label_widths = {1: [150.0], 2: [250.0], 3: [150.0, 60.0, 180.0]}[table.label_cols]
    if table.number == 8:
        label_widths = [170.0, 80.0]
    if table.label_cols == 2 and table.n_cols == 4:  # two-sided: label, amount, label, amount
        return [total * 0.32, total * 0.18, total * 0.32, total * 0.18]
    rest = (total - sum(label_widths)) / (table.n_cols - len(label_widths))
    return label_widths + [rest] * (table.n_cols - len(label_widths))


def _header_heights(table: PrintedTable, widths: list[float]) -> list[float]:
    heights = [16.0] * table.header_rows
    for cell in table.header:
        if cell.rowspan == 1:
            width = sum(widths[cell.col: cell.col + cell.colspan]) - 4
            lines = len(cell_text_lines(cell.text, width))
            heights[cell.row] = max(heights[cell.row], lines * CELL_PITCH + 6)
    return heights


def cell_text_lines(text: str, width: float) -> list[str]:
    """A cell's text wrapped to its width; a "\\n" in it starts a new line (the target's numbered items)."""
    return [line for part in text.split("\n") for line in wrap(part, width, CELL_SIZE)]


def _cell_lines(cell: BodyCell, width: float) -> list[str]:
    return wrap(cell.text, width - 6 - cell.indent * CELL_SIZE, CELL_SIZE) or [""]


def _draw_cell_text(c: canvas.Canvas, lines: list[str], box: tuple[float, float, float, float],
                    cell: BodyCell | None = None) -> None:
    """Draw lines in a box (x, top-y, w, h): header text centred, body text by its alignment."""
    x, top, w, h = box
    c.setFont(_font.name, CELL_SIZE)
    y = top - (h - len(lines) * CELL_PITCH) / 2 - CELL_SIZE
    for line in lines:
        if cell is None or cell.align == "center":
            c.drawCentredString(x + w / 2, y, line)
        elif cell.align == "right":
            c.drawRightString(x + w - 3, y, line)
        else:
            c.drawString(x + 3 + cell.indent * CELL_SIZE, y, line)
        y -= CELL_PITCH


def _draw_title(pages: _Pages, table: PrintedTable) -> None:
    width = pages.size[0]
    pages.text(MARGIN, f"表{table.number}", 10)
    pages.y -= 16
    pages.canvas.setFont(_font.name, 14)
    pages.canvas.drawCentredString(width / 2, pages.y - 14, table.title)
    pages.y -= 24
    pages.text(MARGIN, FORM_YEAR if table.number in FORMS else f"部门名称：{DEPARTMENT}", 9)
    pages.canvas.drawRightString(width - MARGIN, pages.y - 9, f"单位：{table.unit}")
    pages.y -= 16


def _draw_header(pages: _Pages, table: PrintedTable, widths: list[float]) -> None:
    heights = _header_heights(table, widths)
    lefts = [MARGIN + sum(widths[:i]) for i in range(len(widths))]
    for cell in table.header:
        top = pages.y - sum(heights[: cell.row])
        w = sum(widths[cell.col: cell.col + cell.colspan])
        h = sum(heights[cell.row: cell.row + cell.rowspan])
        if pages.ruled:
            pages.canvas.rect(lefts[cell.col], top - h, w, h, stroke=1, fill=0)
        _draw_cell_text(pages.canvas, cell_text_lines(cell.text, w - 4), (lefts[cell.col], top, w, h))
    pages.y -= sum(heights)


def draw_form(pages: _Pages, table: PrintedTable) -> None:
    """Draw a form (表11) on a portrait page of its own: title block, then all its merged cells.

    With `pages.form_break`, rows from that one on go to the next page; a merged cell crossing
    the break is cut in two, its text in the upper part (as Excel prints a long form)."""
    if pages.size != A4 or pages.y < A4[1] - MARGIN:  # a new page unless a blank portrait one is open
        pages.new_page()
    pages.y = A4[1] - MARGIN
    widths = _column_widths(table, pages.size[0] - 2 * MARGIN)
    _draw_title(pages, table)
    on_pages = []
    for i, part in enumerate(_form_parts(table, pages.form_break)):
        if i:
            pages.new_page()
        if pages.room() < sum(_header_heights(part, widths)):
            raise ValueError(f"表{table.number} does not fit on one page")
        _draw_header(pages, part, widths)
        on_pages.append(pages.report.pages)
    pages.report.table_pages[table.number] = on_pages


def _form_parts(table: PrintedTable, break_row: int) -> list[PrintedTable]:
    """The form whole, or cut before row `break_row` into two page parts."""
    if not 0 < break_row < table.header_rows:
        return [table]
    upper, lower = [], []
    for cell in table.header:
        end = cell.row + cell.rowspan
        if end <= break_row:
            upper.append(cell)
        elif cell.row >= break_row:
            lower.append(replace(cell, row=cell.row - break_row))
        else:
            upper.append(replace(cell, rowspan=break_row - cell.row))
            lower.append(replace(cell, text="", row=0, rowspan=end - break_row))
    return [replace(table, header=tuple(upper), header_rows=break_row),
            replace(table, header=tuple(lower), header_rows=table.header_rows - break_row)]


def draw_table(pages: _Pages, table: PrintedTable, repeat_header: bool = True) -> None:
    """Draw a ruled table; after a page break repeat the title block and header (if asked)."""
    if table.number in FORMS:
        draw_form(pages, table)
        return
    widths = _column_widths(table, pages.size[0] - 2 * MARGIN)
    lefts = [MARGIN + sum(widths[:i]) for i in range(len(widths))]
    header_h = sum(_header_heights(table, widths))
    if pages.room() < 60 + header_h + 3 * 16:
        pages.new_page(landscape(A4))
    else:
        pages.y -= 18
    _draw_title(pages, table)
    _draw_header(pages, table, widths)
    on_pages = [pages.report.pages]
    for row in table.body:
        cell_lines = [_cell_lines(cell, widths[i]) for i, cell in enumerate(row)]
        height = max(len(lines) for lines in cell_lines) * CELL_PITCH + 6
        if pages.room() < height:
            pages.new_page(landscape(A4))
            on_pages.append(pages.report.pages)
            if repeat_header:
                _draw_title(pages, table)
                _draw_header(pages, table, widths)
        for i, cell in enumerate(row):
            if pages.ruled:
                pages.canvas.rect(lefts[i], pages.y - height, widths[i], height, stroke=1, fill=0)
            _draw_cell_text(pages.canvas, cell_lines[i], (lefts[i], pages.y, widths[i], height), cell)
        pages.y -= height
    if table.number in NOTES:
        pages.y -= 4
        pages.text(MARGIN, NOTES[table.number], 9)
        pages.y -= 14
    pages.report.table_pages[table.number] = on_pages


def build_sample_pdf(numbers: list[int] | None = None, *, narrative: bool = True,
                     repeat_header: bool = True, copies: int = 1,
                     ruled: bool = True, font_file: Path | None = None,
                     form_break: int = 0) -> tuple[bytes, BuildReport]:
    """The sample disclosure as a PDF: narrative pages, then the tables `numbers` (default: all typed).

    `copies` repeats narrative and tables (for the benchmark's long document); `ruled=False`
    draws the tables without ruling lines (columns only by position); `font_file` embeds
    that TrueType CJK font instead of using the CID font STSong-Light; `form_break` cuts the
    form (表11) before that row of it, the rest going to the next page.
    """
    _font.name = embedded_font_name(font_file) if font_file else FONT
    try:
        return _build(numbers, narrative, repeat_header, copies, (ruled, form_break))
    finally:
        _font.name = FONT


def _build(numbers, narrative, repeat_header, copies, drawing) -> tuple[bytes, BuildReport]:
    report = BuildReport()
    ruled, form_break = drawing
    pages = _Pages(report, ruled=ruled, form_break=form_break)
    tables = [printed_table(load_grid(n)) for n in (numbers or printable_numbers())]
    for _ in range(copies):
        if narrative:
            pages.new_page()
            draw_narrative(pages, sample_paragraphs())
        pages.new_page(A4 if tables and tables[0].number in FORMS else landscape(A4))
        pages.y += 18  # the first table starts at the top
        for table in tables:
            draw_table(pages, table, repeat_header)
    return pages.close(), report
