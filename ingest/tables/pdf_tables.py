"""Ruled tables on one PDF page -> cells with merged header paths and indented labels.

pdfplumber finds the cells from the ruling lines; a merged cell is one larger
cell. From the cells' edges we rebuild the full grid, take the rows above the
first row of figures as the header (a cell merged over several columns becomes
the shared top of their header paths), and read each body cell's text, keeping
a label's indentation (its distance from the leftmost label of its column) as
leading spaces, two per character width, like the text export does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ingest.normalise import join_wrapped, normalise_line

RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
         "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}
FIGURE = re.compile(r"^[-−+]?[\d,]+(\.\d+)?\s*%?$")
_EDGE_TOLERANCE = 2.0
MAX_HEADER_ROWS = 5
MAX_HEADER_WORD = 16  # longest header cell text ("公务用车购置及运行维护费"); form cells run longer


@dataclass(frozen=True)
class PageTable:
    """One ruled table found on one page.

    :ivar top, bottom: vertical position on the page (points from the top).
    :ivar header_paths: one header path per grid column, e.g. ("政府预算拨款", "小计"); () if no header.
    :ivar rows: body rows as printed cells; label cells keep indentation as leading spaces.
    """

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    header_paths: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    label_left: float = 0.0  # tables read from word positions: x where indentation is zero
    header_rows: tuple[tuple[str, ...], ...] = ()  # the header as printed rows (forms are read from them)
    column_lefts: tuple[float, ...] = ()  # x of each grid column's left edge (ruled tables)

    @property
    def n_cols(self) -> int:
        return len(self.header_paths) if self.header_paths else max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class _Cell:
    bbox: tuple[float, float, float, float]
    r0: int
    r1: int
    c0: int
    c1: int


def find_page_tables(page, chars: list[dict], page_no: int) -> list[PageTable]:
    """The ruled tables of a pdfplumber page, top to bottom."""
    tables = []
    for found in page.find_tables(RULED):
        if len(found.cells) < 2:
            continue
        table = _read_table(found.cells, found.bbox, chars, page_no)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda t: t.top)


def edge_positions(values: list[float]) -> list[float]:
    """Distinct edge positions, merging those closer than the tolerance."""
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > _EDGE_TOLERANCE:
            merged.append(value)
    return merged


def _index(positions: list[float], value: float) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - value))


def _grid_cells(bboxes) -> tuple[list[_Cell], list[float], list[float]]:
    xs = edge_positions([b[0] for b in bboxes] + [b[2] for b in bboxes])
    ys = edge_positions([b[1] for b in bboxes] + [b[3] for b in bboxes])
    cells = [_Cell(tuple(b), _index(ys, b[1]), _index(ys, b[3]), _index(xs, b[0]), _index(xs, b[2]))
             for b in bboxes]
    return [c for c in cells if c.r1 > c.r0 and c.c1 > c.c0], xs, ys


def _read_table(bboxes, bbox, chars: list[dict], page_no: int) -> PageTable | None:
    cells, xs, ys = _grid_cells(bboxes)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1:
        return None
    owner: list[list[int | None]] = [[None] * n_cols for _ in range(n_rows)]
    for k, cell in enumerate(cells):
        for r in range(cell.r0, cell.r1):
            for c in range(cell.c0, cell.c1):
                owner[r][c] = k
    texts, starts, sizes = _cell_texts(cells, xs, ys, owner, chars)
    header_rows = _header_row_count(cells, texts, n_rows)
    header = _header_paths(owner, texts, header_rows, n_cols)
    rows = _body_rows(cells, owner, texts, (starts, sizes), header_rows)
    printed_header = _body_rows(cells, owner, texts, (starts, sizes), 0, header_rows)
    return PageTable(page_no, bbox[1], bbox[3], bbox[0], bbox[2], header, rows, header_rows=printed_header,
                     column_lefts=tuple(xs[:-1]))


def _cell_texts(cells, xs, ys, owner, chars):
    """Text of each cell (wrapped lines joined), the x where its first line starts, its font size."""
    members: list[list[dict]] = [[] for _ in cells]
    for char in chars:
        cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        c, r = bisect_right(xs, cx) - 1, bisect_right(ys, cy) - 1
        if 0 <= r < len(owner) and 0 <= c < len(owner[0]) and owner[r][c] is not None:
            members[owner[r][c]].append(char)
    texts, starts, sizes = [], [], []
    for cell_chars in members:
        lines = group_lines(cell_chars)
        text = ""
        for line in lines:
            text = join_wrapped(text, line_text(line))
        texts.append(normalise_line(text).strip())
        starts.append(lines[0][0]["x0"] if lines else 0.0)
        sizes.append(lines[0][0]["size"] if lines else 10.0)
    return texts, starts, sizes


def group_lines(chars: list[dict]) -> list[list[dict]]:
    """Chars grouped into lines (by vertical position), each sorted left to right."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda ch: (round(ch["top"], 1), ch["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= char["size"] * 0.5:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda ch: ch["x0"]) for line in lines]


def line_text(line: list[dict]) -> str:
    """Text of one line of chars; a visible gap becomes one space."""
    parts, last_x1 = [], None
    for char in line:
        if last_x1 is not None and char["x0"] - last_x1 > char["size"] * 0.25:
            parts.append(" ")
        parts.append(char["text"])
        last_x1 = char["x1"]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _header_row_count(cells: list[_Cell], texts: list[str], n_rows: int) -> int:
    """Rows above the first row holding a figure in a one-row cell form the header.

    A form-like table (performance targets) may hold many rows of text before any figure:
    then only its first row is taken as header, so no content row is lost.
    """
    for r in range(n_rows):
        if any(c.r0 == r and c.r1 == r + 1 and FIGURE.match(texts[k]) for k, c in enumerate(cells)):
            return r if r <= MAX_HEADER_ROWS else 1
    written = max((c.r1 for k, c in enumerate(cells) if texts[k]), default=0)
    if written <= MAX_HEADER_ROWS and _all_header_words(cells, texts, written):
        return written  # an empty table (a 三公 table of a department without any): all header
    return 1 if n_rows > 1 else 0


def _all_header_words(cells: list[_Cell], texts: list[str], n_rows: int) -> bool:
    """Every cell holds a short heading, and the lowest written row names every column
    (预算数 | 决算数 …); blank ruled rows may follow it."""
    bottom = [k for k, c in enumerate(cells) if c.r1 == n_rows]
    return (n_rows > 1 and all(len(text) <= MAX_HEADER_WORD for text in texts)
            and bool(bottom) and all(texts[k] for k in bottom))


def _header_paths(owner, texts, header_rows: int, n_cols: int) -> tuple[tuple[str, ...], ...]:
    if header_rows == 0:
        return ()
    paths = []
    for c in range(n_cols):
        path, last = [], None
        for r in range(header_rows):
            k = owner[r][c]
            if k is not None and k != last and texts[k]:
                path.append(texts[k])
            last = k
        paths.append(tuple(path))
    return tuple(paths)


def _body_rows(cells, owner, texts, geometry, first: int, end: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows `first` to `end` (default: the last); a merged cell's text goes to its top-left position,
    the rest are ""."""
    starts, sizes = geometry
    n_cols = len(owner[0])
    rows = []
    for r in range(first, len(owner) if end is None else end):
        row = []
        for c in range(n_cols):
            k = owner[r][c]
            if k is None or cells[k].r0 != r or cells[k].c0 != c:
                row.append("")
                continue
            text = texts[k]
            if text and not FIGURE.match(text):
                text = " " * indent_spaces(starts[k] - cells[k].bbox[0], sizes[k]) + text
            row.append(text)
        if any(cell.strip() for cell in row):
            rows.append(tuple(row))
    return tuple(rows)


def indent_spaces(offset: float, size: float) -> int:
    """Leading spaces for text starting `offset` points into its cell: two per character width.

    Up to half a character is the cell's padding, not indentation. Measured from the
    cell's own edge, so fragments of a table on different pages agree.
    """
    return max(0, round((offset - size * 0.5) / (size / 2)))
