"""The audit's data: findings a reviewer reads before a disclosure is published.

Pure, frozen data. `ingest.audit` builds an `AuditReport`; the CLI and the
staff desk only present it.
"""

from __future__ import annotations

from dataclasses import dataclass

VERDICTS = ("ok", "error", "rounding", "warning")


@dataclass(frozen=True)
class CellRef:
    """One figure a finding involves: a table cell or a figure stated in the text.

    :ivar ref: "表4" for a table cell, "第三部分" for a text figure.
    :ivar title: table title ("基本支出总表") or section path joined with " › ".
    :ivar row: row path joined with " › " (table cells), e.g. "商品和服务支出 › 水费"; for a
        text figure, the phrase it follows, e.g. "公用支出".
    :ivar column: column path joined with " › ", e.g. "总计"; "" for text.
    :ivar value: the number, e.g. 492.0; None when the cell holds no number.
    :ivar unit: unit the figure is stated in, e.g. "万元".
    :ivar raw: the figure as printed, e.g. "3,776".
    :ivar quote: the source line or sentence, for the citation.
    :ivar line: 1-based line number in the normalised text (0 if unknown).
    """

    ref: str
    title: str
    row: str = ""
    column: str = ""
    value: float | None = None
    unit: str = ""
    raw: str = ""
    quote: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        """Human location, e.g. "表4 › 商品和服务支出 › 水费 › 总计" or "第三部分 › （二）公用支出"."""
        if self.ref.startswith("表"):
            return " › ".join(p for p in (self.ref, self.row, self.column) if p)
        return self.title or self.ref


@dataclass(frozen=True)
class Finding:
    """The outcome of one check.

    :ivar check: check name, e.g. "children_sum", "text_vs_table", "yoy_change", "column_unit".
    :ivar verdict: "ok", "error", "rounding" (off by one unit in the last place) or "warning".
    :ivar message: one Chinese sentence: what disagrees with what, by how much, where.
    :ivar where: the main location, e.g. "表4 › 商品和服务支出" or "第二部分 部门预算收支总体情况".
    :ivar cells: the figures involved.
    :ivar difference: stated minus computed (or left minus right), in the first cell's unit; None if n/a.
    :ivar source: "parse" for the parser's own checks (`ingest.checks`), "audit" for reviewer checks.
    """

    check: str
    verdict: str
    message: str
    where: str = ""
    cells: tuple[CellRef, ...] = ()
    difference: float | None = None
    source: str = "audit"


@dataclass(frozen=True)
class AuditReport:
    """Every check run on one disclosure, with its verdict.

    :ivar doc_id: e.g. "luohu-2022".
    :ivar title: e.g. "深圳市社会保险基金管理局罗湖分局2022年部门预算".
    :ivar source_name: the file name audited.
    :ivar findings: one per check run, in the order they were run (parse checks first).
    :ivar warnings: the parser's warnings about the document (e.g. a cut-off table).
    """

    doc_id: str
    title: str
    source_name: str
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()

    def with_verdict(self, verdict: str) -> tuple[Finding, ...]:
        """The findings with this verdict, in report order."""
        return tuple(f for f in self.findings if f.verdict == verdict)

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per verdict, e.g. {"ok": 120, "error": 1, "rounding": 0, "warning": 2}."""
        return {v: len(self.with_verdict(v)) for v in VERDICTS}

    @property
    def problems(self) -> tuple[Finding, ...]:
        """Every finding that is not "ok"."""
        return tuple(f for f in self.findings if f.verdict != "ok")
