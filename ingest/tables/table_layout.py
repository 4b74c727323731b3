"""Which cells of a grid row are labels and which are values; generic column names."""

from __future__ import annotations

from ingest.model import TableGrid
from ingest.tables.text_cells import is_value

EMPTY_MARKS = ("", "-", "—", "/", "－")
# Header cells over label columns, as the national and municipal templates print them.
LABEL_HEADERS = ("项目", "科目", "类", "款", "项", "编码", "名称", "单位名称", "项目名称")
LABEL_HEADER_ENDINGS = ("科目编码", "科目名称", "分类科目", "科目代码")


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


def label_columns(grid: TableGrid) -> int:
    """How many leading header columns name labels (科目编码, 科目名称, 项目), not values."""
    count = 0
    for path in grid.header_paths:
        name = path[-1].strip() if path else ""
        if not (name in LABEL_HEADERS or name.endswith(LABEL_HEADER_ENDINGS)):
            break
        count += 1
    return count


def generic_columns(grid: TableGrid) -> tuple[tuple[str, ...], ...]:
    """Column names from the header when its width fits, else "列1", "列2", …."""
    labels = label_columns(grid)
    if not grid.rows and grid.header_paths:  # an empty table still says what it would hold
        return tuple(tuple(p.strip() for p in path) for path in grid.header_paths[labels:])
    if labels and len(grid.header_paths) > labels and all(
            len(row) == len(grid.header_paths) for row in grid.rows):
        # the printed header says which columns are labels: the rest are values, even when a
        # label spanning two columns ("人员经费合计" over 编码 and 名称) leaves one of them empty
        return tuple(tuple(p.strip() for p in path) for path in grid.header_paths[labels:])
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
