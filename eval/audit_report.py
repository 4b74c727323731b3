"""How well the audit catches what a reviewer catches: one line per document, against typed faults.

For every PDF of a folder that has a faults file (`faults/*.json`, whose "file" field
names the PDF; format: tests/fixtures/real_pdf/faults), the audit is run and its
problems (findings that are not "ok") are matched with the typed faults. Usage:

    python -m eval.audit_report tests/fixtures/real_pdf [--details]

A finding matches a typed fault when all of these hold (strict on purpose: a wrong
finding that happens to sit on the same page must not count as a catch):
- the same PDF page;
- a check of the fault's kind (`KINDS`: a sum check cannot "find" a wording fault);
- the same severity: 错误 is a finding with verdict error; 提示 one with verdict warning
  or rounding;
- evidence: the finding names at least `MIN_FIGURES` of the fault's figures (as numbers,
  "3,503,499" = 3503499), and when the fault has fewer figures than that, also quotes
  `MIN_QUOTE` characters running of the fault's quote.
A false alarm is a problem that matches no typed fault, counted by severity.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ingest.audit import audit_file
from ingest.errors import BudgetQAError
from ingest.model import AuditReport, Finding, Verdict

MIN_FIGURES = 2  # one figure alone (a "0", a "20.00") is too common to identify a fault
MIN_QUOTE = 10  # characters of the typed quote the finding must repeat; a short phrase recurs
# which checks can report which kind of typed fault
KINDS = {
    "leftover": {"leftover", "level_wording"},
    "rate": {"yoy_change", "rate"},
    "direction": {"direction"},
    "name_code": {"name_code", "code_format"},
    "two_amounts": {"two_amounts", "text_vs_table"},
    "sum": {"children_sum", "columns_sum", "text_sum", "sum", "row_total"},
    "cross": {"cross_table", "text_vs_table", "text_sum", "cross"},
}
SEVERITY = {"错误": {Verdict.ERROR}, "提示": {Verdict.WARNING, Verdict.ROUNDING}}
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


@dataclass
class DocumentResult:
    """The audit of one PDF against its typed faults."""

    name: str
    faults: list[dict]
    found: list[dict] = field(default_factory=list)
    false_errors: list[Finding] = field(default_factory=list)
    false_hints: list[Finding] = field(default_factory=list)
    error: str = ""

    @property
    def missed(self) -> list[dict]:
        return [f for f in self.faults if f not in self.found]


def _plain(text: str) -> str:
    """Text folded for comparing quotes: NFKC, no whitespace or quotation marks."""
    return re.sub(r"[\s“”\"'‘’]", "", unicodedata.normalize("NFKC", text))


def _numbers(text: str) -> set[float]:
    found = set()
    for match in _NUMBER.findall(unicodedata.normalize("NFKC", text)):
        try:
            found.add(round(abs(float(match.replace(",", ""))), 6))
        except ValueError:
            continue
    return found


def finding_text(finding: Finding) -> str:
    """Everything a finding shows a person: message, place and the cells it cites."""
    cells = " ".join(f"{c.where} {c.raw} {c.quote}" for c in finding.cells)
    return f"{finding.where} {finding.message} {cells}"


def quotes_fault(text: str, fault: dict) -> bool:
    """The finding repeats `MIN_QUOTE` characters running of one of the quote's fragments."""
    plain = _plain(text)
    for fragment in re.split(r"……|\n", fault.get("quote", "")):
        fragment = _plain(fragment)
        if len(fragment) < MIN_QUOTE:
            continue
        match = SequenceMatcher(None, fragment, plain, autojunk=False).find_longest_match(
            0, len(fragment), 0, len(plain))
        if match.size >= MIN_QUOTE:
            return True
    return False


def matches(finding: Finding, fault: dict) -> bool:
    """Whether a finding reports this typed fault (see the module's rules)."""
    if finding.page != fault["page"] or finding.check not in KINDS[fault["kind"]]:
        return False
    if finding.verdict not in SEVERITY[fault["severity"]]:
        return False
    text = finding_text(finding)
    figures = [_numbers(f) for f in fault.get("figures", [])]
    named = _numbers(text)
    hits = sum(1 for numbers in figures if numbers and numbers <= named)
    if hits < min(MIN_FIGURES, len(figures)):
        return False
    return len(figures) >= MIN_FIGURES or quotes_fault(text, fault)


def compare_report(name: str, faults: list[dict], report: AuditReport) -> DocumentResult:
    result = DocumentResult(name, faults)
    for finding in report.problems:
        hit = [fault for fault in faults if matches(finding, fault)]
        for fault in hit:
            if fault not in result.found:
                result.found.append(fault)
        if not hit:
            (result.false_errors if finding.verdict == Verdict.ERROR else result.false_hints).append(finding)
    result.found.sort(key=faults.index)
    return result


def audit_folder(folder: Path) -> list[DocumentResult]:
    """Every PDF of `folder` that `folder/faults/*.json` names, audited and compared."""
    results = []
    for faults_file in sorted((folder / "faults").glob("*.json")):
        typed = json.loads(faults_file.read_text(encoding="utf-8"))
        path = folder / typed["file"]
        try:
            report = audit_file(path)
        except BudgetQAError as error:
            results.append(DocumentResult(typed["file"], typed["faults"], error=str(error)))
            continue
        results.append(compare_report(typed["file"], typed["faults"], report))
    return results


def render(results: list[DocumentResult], details: bool = False) -> str:
    lines = [f"{'document':<40} found/typed  false 错误  false 提示"]
    for r in results:
        if r.error:
            lines.append(f"{r.name:<40} unreadable: {r.error}")
            continue
        lines.append(f"{r.name:<40} {len(r.found):>5}/{len(r.faults):<5} {len(r.false_errors):>10} "
                     f"{len(r.false_hints):>10}")
        if details:
            lines += [f"    missed p{f['page']} {f['kind']} {f['severity']}: {f['quote'][:60]}" for f in r.missed]
            lines += [f"    false 错误 p{f.page} {f.check}: {f.message[:160]}" for f in r.false_errors]
            lines += [f"    false 提示 p{f.page} {f.check}: {f.message[:160]}" for f in r.false_hints]
    found = sum(len(r.found) for r in results)
    typed = sum(len(r.faults) for r in results)
    lines.append(f"{'total':<40} {found:>5}/{typed:<5} {sum(len(r.false_errors) for r in results):>10} "
                 f"{sum(len(r.false_hints) for r in results):>10}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of PDFs with a faults/ subfolder")
    parser.add_argument("--details", action="store_true", help="list missed faults and false alarms")
    args = parser.parse_args(argv)
    print(render(audit_folder(args.folder), args.details))


if __name__ == "__main__":
    main()
