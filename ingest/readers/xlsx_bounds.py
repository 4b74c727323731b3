"""Size bounds of an .xlsx workbook, checked before openpyxl builds it in memory.

An .xlsx is a zip of XML parts, and XML of repeated cells compresses about a
thousandfold: a 2.5 MB upload can unpack to 1 GB of XML, and openpyxl keeps
every cell as an object (measured: 1,000,000 cells, a 3.8 MB file, took 430 MB
in openpyxl alone and 5.8 GB and 13 minutes through a whole ingest). So the
workbook is refused when its parts declare more than MAX_UNPACKED_BYTES, and
then its XML is streamed through expat (no tree kept), counting the bytes it
really unpacks, its rows and its cells, and stopping at the first bound passed.
"""

from __future__ import annotations

import io
import zipfile
from xml.parsers import expat

from ingest.errors import UnreadableDocument

# A whole department's disclosure is some ten tables of at most a few thousand rows: its
# workbook's XML is a few MB. 100 MB leaves a wide margin and keeps openpyxl's copy in memory
# (about ten times the XML it reads) within a few hundred MB.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# At most MAX_ROWS_PER_SHEET (5,000) rows of MAX_COLUMNS (200) are read per sheet; a real
# disclosure writes tens of thousands of cells. 250,000 cells is ten sheets of 5,000 rows by
# five columns, and stays within about 100 MB in openpyxl.
MAX_CELLS = 250_000
# Rows without cells still cost openpyxl an object each (their heights and styles).
MAX_ROWS = 100_000
_CHUNK = 1024 * 1024
_SHEETS = "xl/worksheets/"
_TOO_BIG = "请检查文件是否为预算公开表格，删去多余的工作表或空白行列后再上传。"


class _Bound(Exception):
    """Raised inside the expat handlers to stop at the first bound passed."""


def check_workbook_bounds(data: bytes, name: str) -> None:
    """Raise UnreadableDocument when the workbook unpacks to more than the bounds allow."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise UnreadableDocument(f"Excel 文件已损坏或不是有效的 .xlsx 文件，无法读取：{name}。") from error
    declared = sum(part.file_size for part in parts)
    if declared > MAX_UNPACKED_BYTES:
        raise UnreadableDocument(
            f"Excel 文件解压后过大（约 {_megabytes(declared)} MB，上限 {_megabytes(MAX_UNPACKED_BYTES)} MB），"
            f"无法读取：{name}。{_TOO_BIG}")
    counter = _Counter(name)
    try:
        for part in parts:
            if part.filename.endswith((".xml", ".rels")):
                counter.scan(archive, part, sheet=part.filename.startswith(_SHEETS))
    except (zipfile.BadZipFile, expat.ExpatError, ValueError, OSError, EOFError) as error:
        raise UnreadableDocument(f"Excel 文件已损坏或不是有效的 .xlsx 文件，无法读取：{name}。") from error


class _Counter:
    """Running totals over all parts: bytes really unpacked, rows and cells."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.unpacked = 0
        self.rows = 0
        self.cells = 0

    def scan(self, archive: zipfile.ZipFile, part: zipfile.ZipInfo, sheet: bool) -> None:
        parser = expat.ParserCreate()
        if sheet:
            parser.StartElementHandler = self._element
        parser.StartDoctypeDeclHandler = self._doctype
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                self.unpacked += len(chunk)
                if self.unpacked > MAX_UNPACKED_BYTES:  # the zip's declared sizes were lies
                    raise UnreadableDocument(
                        f"Excel 文件解压后超过 {_megabytes(MAX_UNPACKED_BYTES)} MB，无法读取：{self.name}。{_TOO_BIG}")
                self._feed(parser, chunk, False)
        self._feed(parser, b"", True)

    def _feed(self, parser, chunk: bytes, final: bool) -> None:
        try:
            parser.Parse(chunk, final)
        except _Bound as bound:
            raise UnreadableDocument(f"{bound}，无法读取：{self.name}。{_TOO_BIG}") from None

    def _element(self, tag: str, _attributes) -> None:
        local = tag.rpartition(":")[2]  # expat without namespaces: "c", or "x:c" with a prefix
        if local == "c":
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise _Bound(f"Excel 文件的单元格超过 {MAX_CELLS:,} 个")
        elif local == "row":
            self.rows += 1
            if self.rows > MAX_ROWS:
                raise _Bound(f"Excel 文件的行数超过 {MAX_ROWS:,} 行")

    @staticmethod
    def _doctype(*_args) -> None:
        # Office never writes a DTD; one in a workbook can only be there to expand entities.
        raise expat.ExpatError("a DTD in an .xlsx part")


def _megabytes(size: int) -> int:
    return round(size / (1024 * 1024))
