"""Checks: the document's own arithmetic and a reviewer's consistency checks, as `Finding`s.

`arithmetic.run_checks` verifies the parse (sums of children and columns, both sides
of a 收支总表, the same figure across tables and in the text: `cross_checks.toml`);
`audit_checks` adds the reviewer's checks (`audit.toml` correspondences, year-over-year
statements, units) and `parse_findings` gives a parse finding the cells it involves.
Every check hands on a `Finding`, passed or not.
"""
