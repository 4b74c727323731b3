"""ingest/readers/pdf.py: PDFs of the sample (built with reportlab and a CJK font) read back as the page shows them.

The PDFs are drawn at test time from the hand-typed expected grids
(`tests/fixtures/sample_tables/表N.json`) and the sample's narrative; the
reader must give back the same tables (merged header paths, indented labels,
tables stitched over page breaks) and the same paragraphs, without the running
header and page numbers. End to end, `table_from_grid` must turn the grids into
the expected tables cell for cell (compared as CONVENTIONS.md says: every
whitespace character removed).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from builders.printed_tables import (
    FORMS, LABEL_COLUMNS, TWO_SIDED, load_grid, printable_numbers, printed_table)
from builders.expected_grids import assert_table_matches_grid, squeeze
from builders.sample_pdf import EMBEDDED_FONT_FILE, RUNNING_HEADER, build_sample_pdf
from ingest.errors import UnreadableDocument, UnsupportedFormat
from ingest.model import Layout, TableGrid
from ingest.normalise import normalise_line
from ingest.readers.pdf import read_pdf_layout
from ingest.readers.formats import detect_format, read_layout
from ingest.tables.build import table_from_grid

NUMBERS = printable_numbers()
GRID_NUMBERS = [n for n in NUMBERS if n not in FORMS]  # printed as grids (表11 is a form)


@pytest.fixture(scope="module")
def sample_pdf():
    return build_sample_pdf()


@pytest.fixture(scope="module")
def layout(sample_pdf) -> Layout:
    data, _ = sample_pdf
    return read_pdf_layout(data, "luohu-2022.pdf")


def grid_of(layout: Layout, number: int) -> TableGrid:
    found = [g for g in layout.grids if g.number == number]
    assert len(found) == 1, f"表{number}: {len(found)} grids"
    return found[0]


def test_every_drawn_table_is_found_once_in_order(layout):
    assert [g.number for g in layout.grids] == NUMBERS


@pytest.mark.parametrize("number", NUMBERS)
def test_title_and_unit(layout, number):
    expected = load_grid(number)
    grid = grid_of(layout, number)
    assert (squeeze(grid.title), grid.unit) == (squeeze(expected["title"]), expected["unit"])


@pytest.mark.parametrize("number", NUMBERS)
def test_header_paths_come_from_merged_header_cells(layout, number):
    expected = load_grid(number)
    grid = grid_of(layout, number)
    paths = [tuple(squeeze(p) for p in path) for path in grid.header_paths]
    if number in FORMS:  # the form's header rows name its blocks' columns: the grid ends with those
        columns = [tuple(squeeze(p) for p in column) for column in expected["columns"]]
        assert paths[-len(columns):] == columns
        return
    if number in TWO_SIDED:
        value = squeeze(expected["columns"][0][0])
        assert paths == [("收入", "项目"), ("收入", value), ("支出", "项目"), ("支出", value)]
        return
    labels = LABEL_COLUMNS[number]
    assert paths[: len(labels)] == [(label,) for label in labels]
    assert paths[len(labels):] == [tuple(squeeze(p) for p in column) for column in expected["columns"]]


@pytest.mark.parametrize("number", GRID_NUMBERS)
def test_body_cells_are_the_printed_cells(layout, number):
    printed = printed_table(load_grid(number))
    grid = grid_of(layout, number)
    assert [[squeeze(c) for c in row] for row in grid.rows] == \
        [[squeeze(c.text) for c in row] for row in printed.body]


@pytest.mark.parametrize("number", [n for n in NUMBERS if n in (1, 4, 5, 6)])
def test_label_indentation_becomes_two_spaces_per_level(layout, number):
    """Indented labels keep their depth as leading spaces; centred total labels sit further right."""
    printed = printed_table(load_grid(number))
    grid = grid_of(layout, number)
    deepest = max(c.indent for row in printed.body for c in row)
    for printed_row, row in zip(printed.body, grid.rows):
        for cell, text in zip(printed_row, row):
            if cell.text and cell.align == "left":
                assert len(text) - len(text.lstrip(" ")) == 2 * cell.indent, text
            elif cell.align == "center":
                assert len(text) - len(text.lstrip(" ")) > 2 * deepest, text


def test_table_4_runs_over_page_breaks_and_is_stitched(sample_pdf, layout):
    _, report = sample_pdf
    assert len(report.table_pages[4]) >= 2
    grid = grid_of(layout, 4)
    assert len(grid.rows) == len(load_grid(4)["rows"])
    assert not any("支出项目类别" in cell for row in grid.rows for cell in row)  # repeated header dropped


def test_table_continuing_without_repeated_header_is_stitched():
    data, report = build_sample_pdf([4, 7], narrative=False, repeat_header=False)
    assert len(report.table_pages[4]) >= 2
    layout = read_pdf_layout(data, "no-repeat.pdf")
    assert [g.number for g in layout.grids] == [4, 7]
    assert [squeeze(r[0]) for r in grid_of(layout, 4).rows] == \
        [squeeze(r["path"][-1]) for r in load_grid(4)["rows"]]


def test_grid_rows_carry_their_line_and_quote(layout):
    grid = grid_of(layout, 4)
    assert len(grid.lines) == len(grid.rows) == len(grid.quotes)
    line = layout.lines[grid.lines[2] - 1]
    assert squeeze(line) == squeeze(grid.quotes[2]) == "基本工资420420420000000000"
    assert squeeze(layout.lines[grid.line - 1]) == "表4"


# --- end to end: grid -> Table, as every format goes -----------------------------------


@pytest.mark.parametrize("number", [n for n in (1, 4, 5, 7, 8, 2, 3, 6, 9, 10, 11) if n in NUMBERS])
def test_tables_equal_the_hand_typed_grids(layout, number):
    assert_table_matches_grid(table_from_grid(grid_of(layout, number)), number)


@pytest.mark.parametrize("break_row", [5, 10, 13, 17])
def test_form_running_over_a_page_break_is_stitched(break_row):
    """表11 cut before a row of it (inside the tasks, before the indicators, inside merged
    一级/二级 indicator cells): the second page's fragment has no title, no header and fewer
    ruled columns, and still continues the form."""
    data, report = build_sample_pdf([11], narrative=False, form_break=break_row)
    assert len(report.table_pages[11]) == 2
    layout = read_pdf_layout(data, "form-break.pdf")
    assert [g.number for g in layout.grids] == [11]
    assert_table_matches_grid(table_from_grid(grid_of(layout, 11)), 11)


def test_form_between_tables_keeps_them_apart():
    data, _ = build_sample_pdf([8, 11, 9], narrative=False)
    layout = read_pdf_layout(data, "form-between.pdf")
    assert [g.number for g in layout.grids] == [8, 11, 9]
    for number in (8, 11, 9):
        assert_table_matches_grid(table_from_grid(grid_of(layout, number)), number)


def test_pdf_records_equal_the_text_records(sample_pdf, sample_path, tmp_path):
    """The same disclosure as PDF and as text gives the same figures (tables 1-11 and the narrative's)."""
    from ingest.document import parse_document

    data, _ = sample_pdf
    pdf_path = tmp_path / f"{sample_path.stem}.pdf"
    pdf_path.write_bytes(data)
    from_pdf, from_text = parse_document(pdf_path), parse_document(sample_path)
    assert (from_pdf.doc_id, from_pdf.department, from_pdf.year) == \
        (from_text.doc_id, from_text.department, from_text.year)

    def table_figures(document):
        return sorted((r.table_no, r.row_path, r.row_code, r.column_path, r.value, r.unit, r.period)
                      for r in document.records if r.source == "table" and r.table_no in NUMBERS)

    def text_figures(document):
        return sorted((r.section_path, r.label, r.value, r.unit, r.period, r.measure)
                      for r in document.records if r.source == "text")

    assert table_figures(from_pdf) == table_figures(from_text) != []
    assert text_figures(from_pdf) == text_figures(from_text) != []


@pytest.fixture(scope="module")
def unruled_layout() -> Layout:
    data, _ = build_sample_pdf(GRID_NUMBERS, ruled=False)  # a form without its rules is not read
    return read_pdf_layout(data, "unruled.pdf")


@pytest.mark.parametrize("number", GRID_NUMBERS)
def test_unruled_tables_are_read_from_word_positions(unruled_layout, number):
    """Without ruling lines, rows and cells come from where the words sit; the header is
    not split into merged cells (the schema names the columns, as for text)."""
    expected = load_grid(number)
    grid = grid_of(unruled_layout, number)
    assert grid.header_paths == ()
    assert (squeeze(grid.title), grid.unit) == (squeeze(expected["title"]), expected["unit"])
    table = table_from_grid(grid)
    got = [([squeeze(p) for p in r.path], r.code, r.is_total, [squeeze(c.raw) for c in r.cells])
           for r in table.rows]
    want = [([squeeze(p) for p in r["path"]], r["code"], r["total"], [squeeze(c) for c in r["cells"]])
            for r in expected["rows"]]
    assert got == want


def test_unruled_pages_keep_their_narrative(unruled_layout, layout):
    assert unruled_layout.narrative_lines == layout.narrative_lines


@pytest.mark.skipif(not EMBEDDED_FONT_FILE.exists(), reason="needs Debian's fonts-wqy-zenhei")
@pytest.mark.parametrize("number", [4, 7, 8])
def test_embedded_truetype_font_reads_the_same(number):
    """Published PDFs embed subset TrueType fonts; their text must extract the same as the CID font's."""
    data, _ = build_sample_pdf([number], narrative=False, font_file=EMBEDDED_FONT_FILE)
    assert b"FontFile2" in data  # the font program is embedded
    grid = grid_of(read_pdf_layout(data, "embedded.pdf"), number)
    printed = printed_table(load_grid(number))
    assert [[squeeze(c) for c in row] for row in grid.rows] == \
        [[squeeze(c.text) for c in row] for row in printed.body]
    assert_table_matches_grid(table_from_grid(grid), number)


def test_notes_under_tables_belong_to_them(layout):
    from builders.printed_tables import NOTES

    for number, note in NOTES.items():
        if number in NUMBERS:
            assert [squeeze(n) for n in grid_of(layout, number).notes] == [squeeze(note)]
    assert not any(text.startswith("注") for _, text in layout.narrative_lines)


# --- narrative --------------------------------------------------------------------------


def test_paragraphs_are_joined_across_lines_and_pages(sample_pdf, layout):
    _, report = sample_pdf
    narrative = [squeeze(text) for _, text in layout.narrative_lines]
    assert report.split_paragraphs, "the build should cut at least one paragraph at a page break"
    for paragraph in report.paragraphs:
        assert squeeze(normalise_line(paragraph)) in narrative, paragraph[:30]
    assert len(narrative) == len(report.paragraphs)


def test_a_paragraph_reads_as_printed(layout):
    narrative = [squeeze(text) for _, text in layout.narrative_lines]
    assert ("贯彻执行市社会保险基金管理局下达的工作任务及计划。"
            "负责经办罗湖辖区养老、失业、工伤等保险的参保登记、扩面、个人权益记录，罗湖辖区用人单位员工工伤认定，以及养老、失业、工伤保险等项目待遇的审核、服务、"
            "管理和社会保险关系转移接续工作。负责推进街道和社区社保窗口延伸服务。"
            "负责罗湖辖区社会保险方面的咨询、投诉和信访工作。") in narrative
    assert "第一部分部门概况" in narrative
    assert ("2.公务接待费。2022年预算数1万元，比2021年增加0万元，"
            "主要是用于社保政策的研讨，上级及兄弟省市的社保业务交流。") in narrative  # "⒉" folded to "2."


def test_paragraph_lines_end_with_the_paragraph_mark(layout):
    assert all(text.endswith(" ") and not text.endswith("  ") for _, text in layout.narrative_lines)


def test_running_header_and_page_numbers_are_dropped(layout):
    assert not any(RUNNING_HEADER in line for line in layout.lines)
    assert not any(re.fullmatch(r"-\s*\d+\s*-\s*", line.strip()) for line in layout.lines)


def test_reader_dispatches_pdf_by_content(sample_pdf):
    data, _ = sample_pdf
    assert detect_format(data) == "pdf"
    layout = read_layout(data, "disclosure.txt")  # the name's suffix does not decide
    assert [g.number for g in layout.grids] == NUMBERS


# --- bad PDFs ---------------------------------------------------------------------------


def _one_page_pdf(draw, **options) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, **options)
    draw(page)
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_scanned_pdf_is_refused_saying_it_needs_ocr():
    from PIL import Image

    scan = Image.new("L", (400, 300), 255)
    for x in range(50, 350):
        scan.putpixel((x, 150), 0)
    data = _one_page_pdf(lambda c: c.drawInlineImage(scan, 50, 400, 400, 300))
    with pytest.raises(UnsupportedFormat, match="OCR") as error:
        read_pdf_layout(data, "scan.pdf")
    assert "扫描" in str(error.value) and "scan.pdf" in str(error.value)


def test_encrypted_pdf_is_refused_clearly():
    data = _one_page_pdf(lambda c: c.drawString(72, 700, "secret budget"),
                         encrypt=StandardEncryption("open-sesame", ownerPassword="owner"))
    with pytest.raises(UnreadableDocument, match="加密"):
        read_layout(data, "locked.pdf")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n" + b"\x00garbage\xff" * 200,
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
])
def test_corrupt_pdf_is_refused_clearly(data):
    with pytest.raises(UnreadableDocument, match="损坏"):
        read_layout(data, "broken.pdf")


def test_bold_faked_by_overprinting_reads_once():
    from builders.sample_pdf import FONT

    def overprinted(c):
        for dx in (0, 0.3):  # the title printed twice, a hair apart, as many disclosures do
            c.setFont(FONT, 16)
            c.drawString(200 + dx, 700, "收支总表")
        c.setFont(FONT, 12)
        c.drawString(72, 660, "本部门2022年收入预算3,776万元。")

    layout = read_pdf_layout(_one_page_pdf(overprinted), "bold.pdf")
    assert [squeeze(t) for _, t in layout.narrative_lines] == ["收支总表", "本部门2022年收入预算3,776万元。"]


def test_turned_text_and_the_time_limit_give_warnings(sample_pdf):
    def two_pages(c):
        c.setFont("Helvetica", 10)
        c.drawString(72, 700, "Budget 2022 total 3,776")
        c.showPage()
        c.rotate(90)
        c.drawString(100, -100, "turned text on the second page")

    layout = read_pdf_layout(_one_page_pdf(two_pages), "turned.pdf")
    assert any("第 2 页" in w and "旋转" in w for w in layout.warnings)
    with pytest.raises(UnsupportedFormat, match="读取时间过长"):
        read_pdf_layout(sample_pdf[0], "slow.pdf", time_limit=0)


def test_truncated_pdf_ends_with_a_message_or_a_parse(sample_pdf):
    data, _ = sample_pdf
    try:
        layout = read_layout(data[: len(data) // 2], "half.pdf")
    except (UnreadableDocument, UnsupportedFormat) as error:
        assert "half.pdf" in str(error)
    else:
        assert isinstance(layout, Layout)


@pytest.mark.slow
def test_500_pages_of_unrelated_text_parse_without_tables_in_bounded_time(tmp_path):
    """A long unrelated PDF is read (no tables) in a child process that must end within the limit."""
    path = tmp_path / "novel.pdf"
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number in range(500):
        page.setFont("Helvetica", 10)
        for line in range(50):
            page.drawString(60, 780 - 14 * line, f"Chapter {number} line {line}: the quick brown fox "
                                                 "jumps over the lazy dog again and again.")
        page.showPage()
    page.save()
    path.write_bytes(buffer.getvalue())
    script = textwrap.dedent(f"""
        from pathlib import Path
        from ingest.readers.pdf import read_pdf_layout
        layout = read_pdf_layout(Path({str(path)!r}).read_bytes(), "novel.pdf")
        print(len(layout.grids), len(layout.narrative_lines))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    grids, paragraphs = map(int, done.stdout.split())
    assert grids == 0 and paragraphs > 0


@pytest.mark.slow
def test_bad_pdfs_fail_and_leave_the_store_unchanged(sample_pdf, home, tmp_path):
    """Ingesting a scan, a locked and a broken PDF after a good one: each fails with its message."""
    from assistant.config import load_config
    from index.ingest import ingest_files, open_stores

    from PIL import Image

    config = load_config(home)
    good = tmp_path / "luohu-2022.pdf"
    good.write_bytes(sample_pdf[0])
    assert [r.status for r in ingest_files(config, [good])] == ["added"]
    store, _ = open_stores(config)
    before = (store.documents(), store.records())
    bad = {
        "scan.pdf": _one_page_pdf(lambda c: c.drawInlineImage(Image.new("L", (200, 200), 128), 50, 400)),
        "locked.pdf": _one_page_pdf(lambda c: c.drawString(72, 700, "x"),
                                    encrypt=StandardEncryption("pw", ownerPassword="owner")),
        "broken.pdf": b"%PDF-1.7\n" + b"\x00garbage" * 100,
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    results = ingest_files(config, [tmp_path / name for name in bad])
    assert [r.status for r in results] == ["failed"] * 3
    assert ["OCR" in results[0].error, "加密" in results[1].error, "损坏" in results[2].error] == [True] * 3
    store, _ = open_stores(config)
    assert (store.documents(), store.records()) == before
