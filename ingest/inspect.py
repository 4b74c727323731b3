"""`budgetqa inspect`: the parsed document as a person would check it.

Metadata; the section tree with paragraph counts; each table as an aligned
grid with its column header paths and indented row hierarchy; record counts
by source; checks passed and failed (failed ones listed); warnings.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from ingest.document import parse_document
from ingest.model import Document, Table

_KIND_NAMES = {"budget": "部门预算", "final": "部门决算"}
_NUMERIC = re.compile(r"^[-≥≤=<>]?\s*[\d,.]+\s*\S{0,4}$")
_MAX_CELL = 16  # widest cell shown in a grid; longer text (targets) is cut with "…"
_MAX_LABEL = 30  # longest row label shown (flattened tables can glue a whole page into one)


def inspect_file(path: Path) -> Document:
    """Parse a disclosure without indexing it. Raises UnreadableDocument / UnsupportedFormat."""
    return parse_document(Path(path))


def render_document(document: Document) -> str:
    """The whole parsed document as text for a person to check."""
    blocks = [_render_meta(document), _render_sections(document)]
    blocks += [_render_table(table) for table in document.tables]
    blocks += [_render_records(document), _render_checks(document), _render_warnings(document)]
    return "\n\n".join(block for block in blocks if block)


def document_to_json(document: Document) -> dict:
    """Everything parsed except the full text, plus a summary of counts."""
    data = asdict(document)
    data.pop("text", None)
    data["summary"] = {
        "sections": len(document.sections),
        "tables": len(document.tables),
        "records": len(document.records),
        "records_by_source": dict(Counter(r.source for r in document.records)),
        "checks_passed": sum(1 for c in document.checks if c.ok),
        "checks_failed": len(document.failed_checks),
    }
    return data


def _render_meta(document: Document) -> str:
    return "\n".join([
        f"文件：{document.source_name}",
        f"文档编号：{document.doc_id}",
        f"标题：{document.title}",
        f"部门：{document.department or '（未识别）'}"
        f"　级别：{document.level or '（未注明）'}　地区：{document.region or '（未注明）'}",
        f"年度：{document.year or '（未识别）'}　类型：{_KIND_NAMES.get(document.kind, document.kind)}"
        f"　金额单位：{document.unit or '（未说明）'}",
    ])


def _render_sections(document: Document) -> str:
    lines = [f"章节（{len(document.sections)} 个）："]
    for section in document.sections:
        indent = "  " * (len(section.path) - 1)
        lines.append(f"  {indent}{section.title}（{len(section.paragraphs)} 段，第 {section.line} 行）")
    return "\n".join(lines)


def _render_table(table: Table) -> str:
    status = "" if table.complete else "　【不完整：文件在表中截断】"
    name = f"{table.ref} {table.title}" if table.number else table.title
    head = (f"{name}（单位：{table.unit or '未说明'}，"
            f"{len(table.rows)} 行，结构：{table.schema}）{status}")
    columns = [f"  列{i}：{' › '.join(path)}" for i, path in enumerate(table.columns, 1)]
    grid = [["项目"] + [f"列{i}" for i in range(1, len(table.columns) + 1)]]
    for row in table.rows:
        label = "  " * max(len(row.path) - 1, 0) + (f"{row.code} " if row.code else "") + row.label
        grid.append([_cut(label, _MAX_LABEL)] + [_cut(cell.raw) for cell in row.cells])
    notes = [f"  {note}" if note.startswith(("注", "备注")) else f"  注：{note}" for note in table.notes]
    return "\n".join([head] + columns + _align(grid) + notes)


def _cut(text: str, limit: int = _MAX_CELL) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _align(grid: list[list[str]]) -> list[str]:
    """Pad cells to a common display width (CJK characters count double)."""
    width = max(len(row) for row in grid)
    widths = [max((_display_width(row[i]) for row in grid if i < len(row)), default=0) for i in range(width)]
    lines = []
    for row in grid:
        cells = [_pad(cell, widths[i], left=i == 0 or not _NUMERIC.match(cell)) for i, cell in enumerate(row)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, left: bool) -> str:
    space = " " * (width - _display_width(text))
    return text + space if left else space + text


def _render_records(document: Document) -> str:
    by_source = Counter(record.source for record in document.records)
    names = {"table": "表格", "text": "正文"}
    parts = "，".join(f"{names.get(source, source)} {count} 条"
                     for source, count in sorted(by_source.items()))
    return f"记录：共 {len(document.records)} 条" + (f"（{parts}）" if parts else "")


def _render_checks(document: Document) -> str:
    failed = document.failed_checks
    lines = [f"核对：通过 {len(document.checks) - len(failed)} 项，未通过 {len(failed)} 项"]
    for check in failed:
        where = "，".join(part for part in (
            f"表{check.table_no}" if check.table_no else "", check.row, check.column) if part)
        lines.append(f"  ✗ {check.message}" + (f"（{where}）" if where else ""))
    return "\n".join(lines)


def _render_warnings(document: Document) -> str:
    if not document.warnings:
        return ""
    return "\n".join(["警告："] + [f"  - {warning}" for warning in document.warnings])
