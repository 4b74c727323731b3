"""Real PDFs of district departments: their tables equal the grids typed from the printed pages.

The grids (tests/fixtures/real_pdf/grids/<stem>/NN.json, format of
tests/fixtures/sample_tables/CONVENTIONS.md plus "page") were typed by reading
the pages before the parser was changed for them. A table is found by its
printed title; title, unit, column header paths, and every row's path, code,
total flag and cells must equal what is printed.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from builders.expected_grids import squeeze
from ingest.document import parse_document

REAL = Path(__file__).parent / "fixtures" / "real_pdf"
GRIDS = sorted((REAL / "grids").glob("*/*.json"))


@cache
def _document(stem: str):
    expected = json.loads((REAL / "expected" / f"{stem}.json").read_text(encoding="utf-8"))
    return parse_document(REAL / expected["file"])


def _table(stem: str, title: str):
    found = [t for t in _document(stem).tables if squeeze(t.title) == squeeze(title)]
    assert found, f"no table titled {title}: {[t.title for t in _document(stem).tables]}"
    return found[0]


@pytest.mark.parametrize("path", GRIDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_table_equals_its_typed_grid(path):
    grid = json.loads(path.read_text(encoding="utf-8"))
    table = _table(path.parent.name, grid["title"])
    assert table.unit == grid["unit"]
    assert [[squeeze(p) for p in c] for c in table.columns] == \
        [[squeeze(p) for p in c] for c in grid["columns"]]
    got = [([squeeze(p) for p in r.path], r.code, r.is_total, [squeeze(c.raw) for c in r.cells])
           for r in table.rows]
    want = [([squeeze(p) for p in r["path"]], r["code"], r["total"], [squeeze(c) for c in r["cells"]])
            for r in grid["rows"]]
    assert got == want


def test_every_document_has_typed_grids():
    """At least four typed grids per filled real PDF (the blank template has none)."""
    stems = {p.parent.name for p in GRIDS}
    assert stems == {"wanli-2024-budget", "wanli-2025-budget", "shegong-2024-final"}
    assert all(len(list((REAL / "grids" / stem).glob("*.json"))) >= 4 for stem in stems)


# The tables the 2025 budget prints, one title per page that opens a table (pages 9–29); its
# contents page ("部门主要职能 ……", page 2) is no table.
WANLI_2025_TITLES = [
    "2025年部门财务收支预算总表", "2025年部门收入预算总表", "2025年部门支出预算总表",
    "2025年部门财政拨款收支预算总表", "2025年部门一般公共预算支出功能分类预算表",
    "2025年部门政府性基金预算支出功能分类预算表", "2025年部门国有资本经营预算支出功能分类预算表",
    "2025年部门一般公共预算基本支出部门预算经济分类预算表", "2025年部门“三公”经费和机关运行经费预算表",
]


def test_the_tables_of_a_budget_are_the_titled_ones_it_prints():
    assert [squeeze(t.title) for t in _document("wanli-2025-budget").tables] == [
        squeeze(t) for t in WANLI_2025_TITLES]
