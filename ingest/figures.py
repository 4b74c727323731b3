"""Figures stated in the narrative -> records.

STUB — to be replaced by the ingest-text work.
"""
from __future__ import annotations


def text_records(sections, meta):
    return []
