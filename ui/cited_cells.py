"""Which rows and cells of a table a citation points at, and a cited row in words.

A table citation's facts name their row and column. A table cited beside a
figure taken from elsewhere (the same figure printed in the text) has no fact
of its own: its row is the one its quote was read from, and its cell the one
holding that figure under the figure's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer import Fact
from ingest.model import Row, Table

_GENERIC_COLUMNS = ("小计", "合计")


@dataclass(frozen=True)
class CitedPlaces:
    """Row indexes and (row index, column index) cells of a table that a citation points at."""

    rows: tuple[int, ...] = ()
    cells: frozenset[tuple[int, int]] = frozenset()


def cited_places(table: Table, own_facts: Sequence[Fact], facts: Sequence[Fact], quote: str = "") -> CitedPlaces:
    """The cited rows and cells: the own facts' row and column; else the quote's row and the
    cell in it holding one of the answer's figures under that figure's name."""
    rows = [i for i, row in enumerate(table.rows) if any(row_matches(row, f.row) for f in own_facts if f.row)]
    if rows:
        cells = {(i, column) for i in rows for fact in own_facts if row_matches(table.rows[i], fact.row)
                 for column in matching_columns(table.columns, fact.column)}
        return CitedPlaces(tuple(rows), frozenset(cells))
    rows = quoted_rows(table, quote)
    cells = set()
    for i in rows:
        column = next((c for fact in facts for c in _columns_holding(table, table.rows[i], fact)), None)
        if column is not None:
            cells.add((i, column))
    return CitedPlaces(tuple(rows), frozenset(cells))


def quoted_rows(table: Table, quote: str) -> list[int]:
    """The rows read from the quoted line(s)."""
    needle = _squeeze(quote)
    if not needle:
        return []
    return [i for i, row in enumerate(table.rows) if row.quote and _squeeze(row.quote) in needle]


def _columns_holding(table: Table, row: Row, fact: Fact) -> list[int]:
    """Columns of `row` whose cell holds the fact's figure, when the row or the column bears its name."""
    name = fact.label.split(" › ")[-1]
    holding = [c for c, cell in enumerate(row.cells) if cell.value == fact.value]
    if not name or not holding:
        return []
    if name in (row.label, " › ".join(row.path)):
        return holding[:1]
    return [c for c in holding if c < len(table.columns) and name in table.columns[c]][:1]


def row_matches(row: Row, fact_row: str) -> bool:
    """Whether a fact's row ("商品和服务支出 › 物业管理费", "2022年", a code) names this row."""
    if not fact_row:
        return False
    joined = " › ".join(row.path)
    return (fact_row in (joined, row.label, row.code)
            or joined.endswith(" › " + fact_row)
            or fact_row.endswith(" › " + joined) and bool(joined))


def matching_columns(columns: Sequence[tuple[str, ...]], fact_column: str) -> list[int]:
    """Column indexes a fact's column ("政府预算拨款 › 一般公共预算拨款", "总计") names; exact first."""
    if not fact_column:
        return []
    joined = [" › ".join(path) for path in columns]
    exact = [i for i, name in enumerate(joined) if name == fact_column]
    if exact:
        return exact[:1]
    tail = [i for i, name in enumerate(joined) if name.endswith(" › " + fact_column)]
    return tail[:1]


def row_in_words(table: Table, row: Row) -> str:
    """A row as its label and figures, each under its column's name:
    "2022年：总计 8，因公出国(境)费 0，公务接待费 1" (not the text line "2022 年 8 0 1")."""
    figures = [f"{column_name(table, row, c)} {cell.raw.strip()}".strip()
               for c, cell in enumerate(row.cells) if cell.raw.strip()]
    return f"{row.label}：{'，'.join(figures)}" if figures else row.label


def column_name(table: Table, row: Row, index: int) -> str:
    """A column's own name: its last header, or the group's for a 小计/合计 under it; the row's
    own header where the table's columns are only numbered."""
    if index < len(row.column_names) and row.column_names[index]:
        return row.column_names[index]
    names = table.columns[index] if index < len(table.columns) else ()
    named = [name for name in names if name not in _GENERIC_COLUMNS] or list(names)
    return named[-1] if named else ""


def _squeeze(text: str) -> str:
    return "".join(text.split())
