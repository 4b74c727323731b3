"""Text files: decode (UTF-8, UTF-8 BOM, GB18030/GBK, detected), normalise, split tables from narrative.

STUB — to be replaced by the ingest-text work.
"""
from __future__ import annotations

from ingest.model import Layout
from ingest.text_tables import split_tables


def read_text_layout(data: bytes, name: str) -> Layout:
    text = data.decode("utf-8-sig")
    lines = tuple(text.splitlines())
    grids, narrative = split_tables(lines)
    return Layout(lines=lines, narrative_lines=tuple(narrative), grids=tuple(grids))
