"""Narrative lines -> section tree with joined paragraphs.

STUB — to be replaced by the ingest-text work.
"""
from __future__ import annotations

from ingest.model import Section


def parse_sections(narrative_lines):
    text = "".join(t.strip() for _, t in narrative_lines)
    return [Section(path=("全文",), title="全文", level=1, paragraphs=(text,) if text else ())]
