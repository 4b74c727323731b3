"""Find tables in text lines, drop page-break repeats, stitch, and cut rows into cells.

STUB — to be replaced by the ingest-tables work.
"""
from __future__ import annotations

from ingest.model import TableGrid


def split_tables(lines: tuple[str, ...]) -> tuple[list[TableGrid], list[tuple[int, str]]]:
    """Return (table grids, narrative (line number, text) pairs outside tables)."""
    return [], [(i + 1, line) for i, line in enumerate(lines)]
