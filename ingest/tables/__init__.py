"""Tables: finding tables in text, PDF pages and sheets, and making them `Table`s and records.

Finders (`text_tables`, `pdf_tables`, `pdf_flow`, `pdf_text_tables`, `sheet_tables`,
`flat_tables`, `form_tables`) cut a reader's lines or cells into `TableGrid`s; `build`
turns every grid into a `Table` the same way (schemas from `schemas/*.toml`, row paths,
two-sided tables, cells and their units); `table_records` hands on one `Record` per
printed figure.
"""
