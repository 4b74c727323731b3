"""A printed table cell -> Cell(raw, value, unit, qualifier)."""

from __future__ import annotations

import re

from ingest.model import Cell
from ingest.tables.text_cells import NUMBER, QUALIFIER
from ingest.units import CELL_UNITS

_CELL = re.compile(rf"^\s*({QUALIFIER})?\s*({NUMBER})\s*({'|'.join(re.escape(u) for u in CELL_UNITS)})?\s*$")
QUALIFIER_FOLDS = {">=": "≥", "<=": "≤", "≧": "≥", "≦": "≤", "＞": ">", "＜": "<"}


def parse_number(text: str) -> float | None:
    """"3,776" -> 3776.0, "-12.5" -> -12.5; None when not a number."""
    text = text.strip().replace(",", "").replace("−", "-")
    try:
        return float(text)
    except ValueError:
        return None


def parse_cell(raw: str, table_unit: str = "") -> Cell:
    """Parse a printed cell; the unit is the cell's own ("≥3600 件", "=100%") or the table's."""
    match = _CELL.match(raw)
    if not match:
        return Cell(raw=raw)
    qualifier, number, unit = match.groups()
    unit = "%" if unit == "％" else unit
    return Cell(raw=raw, value=parse_number(number), unit=unit or table_unit,
                qualifier=QUALIFIER_FOLDS.get(qualifier or "", qualifier or ""))
