"""`budgetqa inspect`: the parsed document as a person would check it.

STUB — to be replaced by the ingest-text work.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ingest.document import parse_document


def inspect_file(path: Path):
    return parse_document(path)


def render_document(document) -> str:
    return f"{document.title}: {len(document.sections)} sections, {len(document.tables)} tables, {len(document.records)} records"


def document_to_json(document) -> dict:
    data = asdict(document)
    data.pop("text", None)
    return data
