"""Department, year, budget/final, unit and doc_id.

STUB — to be replaced by the ingest-text work.
"""
from __future__ import annotations

import re

from ingest.model import DocumentMeta


def find_metadata(layout, sections, tables, source_name, doc_id=None) -> DocumentMeta:
    stem = source_name.rsplit(".", 1)[0]
    year = int(m.group(0)) if (m := re.search(r"20\d\d", stem)) else 0
    return DocumentMeta(doc_id=doc_id or stem, title=stem, department="", year=year, kind="budget", unit="万元")
