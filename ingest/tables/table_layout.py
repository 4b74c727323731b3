"""Which cells of a grid row are labels and which are values; generic column names."""

from __future__ import annotations

from ingest.model import TableGrid
from ingest.tables.text_cells import is_value

EMPTY_MARKS = ("", "-", "—", "/", "－")


def _is_value_cell(cell: str) -> bool:
    text = cell.strip()
    return text in EMPTY_MARKS or is_value(text.replace(" ", ""))


def value_count(row: tuple[str, ...]) -> int:
    """Number of value cells at the end of a row (after its last label cell)."""
    count = 0
    for cell in reversed(row):
        if not _is_value_cell(cell):
            break
        count += 1
    if count == len(row) and row:
        return count  # a numbers-only row (label lost): every cell is a value
    return count


def split_label_cells(row: tuple[str, ...], count: int | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(label cells, value cells); `count` value cells from the end, or all trailing values."""
    if count is None:
        count = value_count(row)
    if value_count(row) == 0:
        return tuple(row), ("",) * count  # a label printed without numbers (e.g. cut off)
    if count >= len(row):
        return (), tuple(row) + ("",) * (count - len(row))
    return tuple(row[: len(row) - count]), tuple(row[len(row) - count:])


def generic_columns(grid: TableGrid) -> tuple[tuple[str, ...], ...]:
    """Column names from the header when its width fits, else "列1", "列2", …."""
    width = max((value_count(row) for row in grid.rows), default=0)
    if width == 0:
        return ()
    header = [path for path in grid.header_paths if any(p.strip() for p in path)]
    labels = [len(row) - value_count(row) for row in grid.rows if value_count(row) == width]
    offset = max(set(labels), key=labels.count) if labels else 0
    if len(header) >= offset + width:
        # header cells line up from the left: label columns first, then the values
        return tuple(tuple(p.strip() for p in path) for path in header[offset:offset + width])
    if len(header) >= width:
        return tuple(tuple(p.strip() for p in path) for path in header[-width:])
    return tuple((f"列{i + 1}",) for i in range(width))
