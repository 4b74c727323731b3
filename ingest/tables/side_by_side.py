"""Side-by-side blocks: a header printed twice or more across the page becomes one block.

Some templates save paper by printing one list in two or three blocks on each
line, each block under the same header ("经济分类科目编码 | 科目名称 | 决算数"
twice, 人员经费 left and 公用经费 right). Reading rows across would join two
unrelated items; the grid is rewritten as the left block's rows, then the next
block's, under one copy of the header. Seen in the 上海 district 决算
(real_pdf/: 一般公共预算财政拨款基本支出决算表).
"""

from __future__ import annotations

from dataclasses import replace

from ingest.model import TableGrid


def unstack_blocks(grid: TableGrid) -> TableGrid:
    """The grid with repeated header blocks stacked top to bottom (else unchanged)."""
    width = _block_width(grid.header_paths)
    if not width:
        return grid
    copies = len(grid.header_paths) // width
    rows, lines, quotes = [], [], []
    for block in range(copies):
        for index, row in enumerate(grid.rows):
            cells = tuple(row[block * width:(block + 1) * width])
            if len(cells) == width and any(cell.strip() for cell in cells):
                rows.append(cells)
                lines.append(grid.lines[index] if index < len(grid.lines) else 0)
                quotes.append(" ".join(c.strip() for c in cells if c.strip()))
    return replace(grid, header_paths=tuple(grid.header_paths[:width]), rows=tuple(rows),
                   lines=tuple(lines), quotes=tuple(quotes), cell_names=(),
                   row_paths=())


def _block_width(paths: tuple[tuple[str, ...], ...]) -> int:
    """The width of a block the header repeats exactly (at least two columns, two copies), else 0."""
    names = [tuple(part.strip() for part in path) for path in paths]
    for width in range(2, len(names) // 2 + 1):
        if len(names) % width == 0 and any(any(name) for name in names[:width]) \
                and all(names[i] == names[i % width] for i in range(len(names))):
            return width
    return 0
