"""Pipe-separated tables in web-page text (ingest/tables/flat_tables.py), on real dev-corpus pages.

Expected values are typed from the texts (tests/fixtures/dev_corpus/texts).
"""

from __future__ import annotations

from pathlib import Path

from ingest.document import parse_document

TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"


def parsed(stem: str):
    return parse_document(next(TEXTS.glob(f"{stem}-*.txt")))


def test_a_two_row_pipe_header_names_each_column():
    # n01: "合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||"
    #      "小 计 | 公务用车运行维护费 | 公务用车购置费 | |||||"
    #      "1.7 | 0 | 0 | 0 | 0 | 1.7 | ||"
    columns = {r.column_path: r.value for r in parsed("n01").records if r.source == "table"}
    assert columns[("合计",)] == 1.7
    assert columns[("因公出国(境)费",)] == 0
    assert columns[("公务用车费", "公务用车运行维护费")] == 0
    assert columns[("公务接待费",)] == 1.7
