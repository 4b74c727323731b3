"""Records for every number printed in a table.

STUB — to be replaced by the ingest-tables work.
"""
from __future__ import annotations


def table_records(tables, meta):
    return []
