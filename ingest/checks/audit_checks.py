"""Reviewer checks the parser's own arithmetic (`ingest.checks.arithmetic`) does not cover:
more figures that must agree across tables and within the narrative
(`audit.toml`), year-over-year statements against their amounts, and units.

Each check returns `Finding`s, one per comparison, passed or not.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from functools import cache
from pathlib import Path

from ingest.checks.audit_locate import (
    disclosure_year, find_table, locate_cell, record_ref, text_amounts,
)
from ingest.checks.audit_compare import compare_sides
from ingest.checks.audit_units import rule_unit_findings, unit_findings
from ingest.checks.audit_within import within_findings
from ingest.checks.audit_breakdowns import breakdown_findings
from ingest.checks.audit_items import item_findings
from ingest.checks.audit_marks import mark_findings
from ingest.checks.audit_rates import rate_findings
from ingest.checks.audit_structure import structure_findings
from ingest.checks.audit_totals import total_findings
from ingest.checks.audit_wording import wording_findings
from ingest.checks.audit_yoy import yoy_findings
from ingest.model import CellRef, Document, Finding, Verdict

RULES_FILE = Path(__file__).with_name("audit.toml")


@cache
def load_rules() -> dict:
    """The correspondences of `audit.toml`."""
    with open(RULES_FILE, "rb") as handle:
        return tomllib.load(handle)


def run_audit_checks(document: Document) -> list[Finding]:
    """Every reviewer check on a parsed document, in a stable order."""
    rules = load_rules()
    findings: list[Finding] = []
    for entry in rules.get("agree", []):
        findings.extend(agree_findings(document, entry))
    findings.extend(total_findings(document))
    findings.extend(yoy_findings(document))
    findings.extend(rate_findings(document))
    findings.extend(breakdown_findings(document))
    findings.extend(within_findings(document))
    findings.extend(item_findings(document))
    findings.extend(wording_findings(document))
    findings.extend(mark_findings(document))
    findings.extend(structure_findings(document))
    findings.extend(unit_findings(document))
    findings.extend(rule_unit_findings(document))
    return findings


# ---------------------------------------------------------------- agree


def agree_findings(document: Document, entry: dict) -> list[Finding]:
    """Compare the two sides of one `[[agree]]` entry; [] when it does not apply."""
    if not _applies(document, entry):
        return []
    left_terms, right_terms = entry["left"], entry["right"]
    right, missing = _resolve_side(document, right_terms)
    if len(left_terms) == 1 and "part" in left_terms[0]:
        # A text figure stated several times: check every statement.
        lefts = [[ref] for ref in _resolve_term(document, left_terms[0])]
        if not lefts:
            missing.append(_describe_term(left_terms[0]))
    else:
        left, left_missing = _resolve_side(document, left_terms)
        lefts, missing = [left], missing + left_missing
    if missing:
        return []
    return [_with_note(compare_sides(left, right), entry.get("note", "")) for left in lefts]


def _with_note(finding: Finding, note: str) -> Finding:
    """An entry's `note` (e.g. two tables name the same project differently) turns
    an agreement into a warning a reviewer should still read."""
    if not note or finding.verdict != Verdict.OK:
        return finding
    return replace(finding, verdict=Verdict.WARNING, message=f"{finding.message}但{note}")


def _applies(document: Document, entry: dict) -> bool:
    parts = {r.ref for r in document.records if r.source == "text"}
    for term in entry["left"] + entry["right"]:
        if "table" in term and find_table(document, term["table"]) is None:
            return False
        if "part" in term and term["part"] not in parts:
            return False
    return True


def _resolve_term(document: Document, term: dict) -> list[CellRef]:
    if "table" in term:
        ref = locate_cell(document, term["table"], term["row"], term.get("column"))
        return [ref] if ref is not None else []
    labels = [document.department if label == "@department" else label
              for label in term["labels"]]
    found = text_amounts(document, term["part"], labels, term.get("section", ""),
                         disclosure_year(document), term.get("measure", "amount"))
    return [record_ref(record) for record in found]


def _resolve_side(document: Document, terms: list[dict]) -> tuple[list[CellRef], list[str]]:
    refs, missing = [], []
    for term in terms:
        found = _resolve_term(document, term)
        if found:
            refs.append(found[0])
        else:
            missing.append(_describe_term(term))
    return refs, missing


def _describe_term(term: dict) -> str:
    if "table" in term:
        column = f" › {term['column']}" if term.get("column") else ""
        table = term["table"] if isinstance(term["table"], str) else f"表{term['table']}"
        return f"{table} › {term['row']}{column}"
    section = f" {term['section']}" if term.get("section") else ""
    return f"{term['part']}{section}所述“{'/'.join(term['labels'])}”的金额"
