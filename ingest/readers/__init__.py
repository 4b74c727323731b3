"""Readers: the bytes of a disclosure file become a `Layout`, whatever the format.

`formats.read_layout` detects the format by content and dispatches through its
`READERS` mapping to the text, PDF or spreadsheet reader. Each reader hands on the
normalised lines, the narrative lines outside tables and the tables it found as
`TableGrid`s (found with the help of `ingest.tables`); turning grids into tables
and records happens after it.
"""
