"""Comparing a parsed Table with its hand-typed grid (tests/fixtures/sample_tables/CONVENTIONS.md)."""

from __future__ import annotations

import re

from builders.printed_tables import load_grid


def squeeze(text: str) -> str:
    """CONVENTIONS.md's comparison: every whitespace character removed."""
    return re.sub(r"\s+", "", text)


def assert_table_matches_grid(table, number: int) -> None:
    """Columns, then per row: path, code, total flag and raw cells, as typed in 表`number`.json."""
    expected = load_grid(number)
    assert [[squeeze(p) for p in c] for c in table.columns] == \
        [[squeeze(p) for p in c] for c in expected["columns"]]
    got = [([squeeze(p) for p in r.path], r.code, r.is_total, [squeeze(c.raw) for c in r.cells])
           for r in table.rows]
    want = [([squeeze(p) for p in r["path"]], r["code"], r["total"], [squeeze(c) for c in r["cells"]])
            for r in expected["rows"]]
    assert got == want
