"""The document model: what a disclosure becomes after parsing.

Pure data, frozen. `ingest` produces it, `index` persists it, `assistant`
answers from what `index` returns. Every figure is a `Record` that knows
where it came from (table row/column or section path, and the quoted line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal


@dataclass(frozen=True)
class Cell:
    """One value cell of a table row, as printed and as parsed.

    :ivar raw: the text as printed, e.g. "3,776", "≥3600 件", "=100%", "规范".
    :ivar value: the number, e.g. 3776.0; None when the cell holds no number ("规范", "").
    :ivar unit: the unit of `value`, e.g. "万元", "件", "%", "元"; "" when not numeric.
    :ivar qualifier: comparison printed before a target value: "≥", "≤", "=", ">", "<" or "".
    """

    raw: str
    value: float | None = None
    unit: str = ""
    qualifier: str = ""


@dataclass(frozen=True)
class Row:
    """One row of a table.

    :ivar label: the row label without numbering, e.g. "政府预算拨款" (printed "一、政府预算拨款").
    :ivar path: labels from the top of the hierarchy down to this row, e.g.
        ("商品和服务支出", "物业管理费"); two-sided tables start with the side,
        e.g. ("收入", "政府预算拨款", "一般公共预算拨款"). A department/total row
        that heads the table is not a parent in its children's paths.
    :ivar code: function-classification code when printed, e.g. "2080109"; "" otherwise.
    :ivar cells: one `Cell` per column of the table (same order as `Table.columns`).
    :ivar line: 1-based line number in the normalised source text (0 if unknown).
    :ivar quote: the source line(s) the row was read from, for citations.
    :ivar is_total: True for total rows (合计, 总计, the department row of 表2–表5).
    :ivar column_names: per cell, the column name printed over it when the table's columns
        are only numbered ("列5") but this row's header block names them ("权重"); "" where
        unknown; () for most rows (the table's columns apply).
    """

    label: str
    path: tuple[str, ...]
    cells: tuple[Cell, ...]
    code: str = ""
    line: int = 0
    quote: str = ""
    is_total: bool = False
    column_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableGrid:
    """A table as a reader saw it: cells, before schema and hierarchy are applied.

    Readers produce grids (the text reader by splitting lines; the PDF and XLSX
    readers from ruling lines or sheet cells) and `ingest.tables.build.table_from_grid`
    turns every grid into a `Table` the same way, so all formats give the same records.

    :ivar number: printed table number, e.g. 4; 0 if none.
    :ivar title: e.g. "基本支出总表".
    :ivar unit: from "单位：万元"; "" if not stated.
    :ivar header_paths: column header paths when the reader could see merged header
        cells (PDF, XLSX), e.g. (("支出项目类别",), ("总计",), ("政府预算拨款", "小计"), …),
        one per grid column including label columns; () when unknown (text: the schema decides).
    :ivar rows: body rows as printed cells, label cells first, e.g.
        ("  基本工资", "420", "420", …). Leading spaces of a label cell keep the indentation.
    :ivar lines: the source line number of each body row.
    :ivar quotes: the source text of each body row.
    :ivar complete: False when the source ends inside the table.
    :ivar line: line number of the table heading.
    :ivar notes: footnotes ("注：…").
    :ivar cell_names: per row, the printed column name over each of its cells ("" where
        unknown), when a flattened table repeats its header block by block (绩效自评表:
        "年初预算 … 权重 得分", later "指标值 度量单位 完成值 权重 得分"); () when not known.
    :ivar row_paths: per row, its path when the reader saw it from cells merged down the
        rows (a rowspan group: ("单位", "项目", "一级指标", "二级指标", "三级指标")); () when not
        known (the row's label cells are then its label).
    """

    number: int
    title: str
    unit: str
    header_paths: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...] = ()
    quotes: tuple[str, ...] = ()
    complete: bool = True
    line: int = 0
    notes: tuple[str, ...] = ()
    cell_names: tuple[tuple[str, ...], ...] = ()
    row_paths: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Table:
    """One table of the disclosure, stitched across page breaks.

    :ivar number: the printed table number, e.g. 4 for "表 4"; 0 if unnumbered.
    :ivar title: e.g. "基本支出总表".
    :ivar unit: money unit from "单位：万元", e.g. "万元" or "元"; "" if not stated.
    :ivar columns: the header path of each value column, e.g.
        ("政府预算拨款", "一般公共预算拨款"). Label columns (项目, 科目编码) are not listed.
    :ivar rows: the rows in printed order.
    :ivar schema: the name of the known schema that parsed it, or "generic".
    :ivar complete: False when the text ends inside the table (cut-off file).
    :ivar line: line number of the table heading.
    :ivar notes: footnotes printed under the table ("注：…").
    """

    number: int
    title: str
    unit: str
    columns: tuple[tuple[str, ...], ...]
    rows: tuple[Row, ...]
    schema: str = "generic"
    complete: bool = True
    line: int = 0
    notes: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """Citation reference, e.g. "表4"."""
        return f"表{self.number}" if self.number else self.title


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs directly under it.

    :ivar path: headings from the part down to this one, e.g.
        ("第三部分 部门预算支出具体情况", "一、深圳市社会保险基金管理局罗湖分局",
         "（四）项目支出"). Heading text is normalised (NFKC, spaces between CJK removed).
    :ivar title: the last element of `path`.
    :ivar level: 1 for 第X部分, 2 for 一、, 3 for （一）, 4 for 1. (as found).
    :ivar paragraphs: joined paragraphs, no line breaks or spaces inside sentences.
        Content printed inline after a heading ("（一）人员支出 2,315 万元，主要包括：…")
        is the first paragraph.
    :ivar line: line number of the heading.
    :ivar paragraph_lines: the line number where each paragraph starts (same order as
        `paragraphs`), for citing text figures; () when unknown.
    """

    path: tuple[str, ...]
    title: str
    level: int
    paragraphs: tuple[str, ...] = ()
    line: int = 0
    paragraph_lines: tuple[int, ...] = ()

    @property
    def part(self) -> str:
        """The 第X部分 this section belongs to, e.g. "第三部分"; "" if none."""
        head = self.path[0] if self.path else ""
        return head.split(" ")[0] if head.startswith("第") and "部分" in head else ""


RecordSource = Literal["table", "text"]
Measure = Literal["amount", "change", "change_rate", "share", "count", "target"]


@dataclass(frozen=True)
class Record:
    """One figure of the disclosure.

    :ivar doc_id: e.g. "luohu-2022".
    :ivar department: e.g. "深圳市社会保险基金管理局罗湖分局".
    :ivar year: the disclosure's year, e.g. 2022.
    :ivar source: "table" or "text".
    :ivar value: the number as stated, signed: a decrease ("减少 299 万元") is -299.
    :ivar unit: "万元", "元", "人", "辆", "个", "件", "次", "%", "台（套）", …
    :ivar label: what the figure is, e.g. "物业管理费" or "项目支出".
    :ivar table_no: table number for table figures, else 0.
    :ivar table_title: e.g. "基本支出总表"; "" for text figures.
    :ivar section_path: for text figures, e.g.
        ("第三部分 部门预算支出具体情况", "一、深圳市社会保险基金管理局罗湖分局", "（四）项目支出").
    :ivar row_path: for table figures, e.g. ("商品和服务支出", "物业管理费").
    :ivar row_code: classification code, e.g. "2080109"; "".
    :ivar column_path: for table figures, e.g. ("政府预算拨款", "一般公共预算拨款").
    :ivar period: the year the figure refers to, e.g. "2022" or "2021"; "" if not a year figure.
    :ivar measure: "amount" (a level), "change" (difference vs `base_period`),
        "change_rate" (% change vs `base_period`), "share" (% of a whole),
        "count", or "target" (a performance target, see `qualifier`).
    :ivar base_period: for changes, the year compared with, e.g. "2021".
    :ivar qualifier: "≥", "≤", "=", … for targets; "".
    :ivar quote: the source sentence or row text, for the citation.
    :ivar line: 1-based line number in the normalised source text.
    """

    doc_id: str
    department: str
    year: int
    source: RecordSource
    value: float
    unit: str
    label: str
    table_no: int = 0
    table_title: str = ""
    section_path: tuple[str, ...] = ()
    row_path: tuple[str, ...] = ()
    row_code: str = ""
    column_path: tuple[str, ...] = ()
    period: str = ""
    measure: Measure = "amount"
    base_period: str = ""
    qualifier: str = ""
    quote: str = ""
    line: int = 0

    @property
    def ref(self) -> str:
        """Citation reference: "表8" for table figures (the title when no 表N is printed),
        "第五部分" for text figures."""
        if self.source == "table":
            return f"表{self.table_no}" if self.table_no else (self.table_title or "表格")
        head = self.section_path[0] if self.section_path else ""
        return head.split(" ")[0] if head else ""


class Verdict(str, Enum):
    """How a check came out."""

    OK = "ok"
    ERROR = "error"
    ROUNDING = "rounding"  # off by one unit in the last printed place
    WARNING = "warning"  # nothing disagrees, but a reviewer should read it (or it could not be checked)

    def __str__(self) -> str:
        return self.value


# "parse": the parser's own arithmetic (`ingest.checks.arithmetic`); "audit": a reviewer check.
FindingSource = Literal["parse", "audit"]


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
    """The outcome of one check, parse or audit, passed or not.

    :ivar check: check name, e.g. "children_sum", "columns_sum", "two_sides_balance",
        "cross_table", "text_vs_table", "yoy_change", "column_unit".
    :ivar verdict: a `Verdict` (a plain string is converted).
    :ivar message: one Chinese sentence: what was compared with what, e.g.
        "表4 商品和服务支出（总计）：子项合计 492，表中为 492：一致".
    :ivar where: the main location, e.g. "表4 › 商品和服务支出 › 总计" or "第二部分 部门预算收支总体情况".
    :ivar cells: the figures involved (a parse finding gets them from `ingest.checks.parse_findings`).
    :ivar difference: stated minus computed (or left minus right), in the first cell's unit; None if n/a.
    :ivar source: "parse" for the parser's own checks, "audit" for reviewer checks.
    :ivar table_no: the table a parse check concerns (0 if none).
    :ivar row: the row path a parse check concerns, joined with " › ".
    :ivar column: the column path a parse check concerns, joined with " › ".
    :ivar expected: the stated figure of a parse check.
    :ivar actual: the figure a parse check computed from the parts.
    :ivar page: the PDF page to look at (0 when unknown or not a PDF).
    """

    check: str
    verdict: Verdict
    message: str
    where: str = ""
    cells: tuple[CellRef, ...] = ()
    difference: float | None = None
    source: FindingSource = "audit"
    table_no: int = 0
    row: str = ""
    column: str = ""
    expected: float | None = None
    actual: float | None = None
    page: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", Verdict(self.verdict))

    @property
    def ok(self) -> bool:
        """Whether the check held."""
        return self.verdict == Verdict.OK


@dataclass(frozen=True)
class Document:
    """A parsed disclosure.

    :ivar doc_id: short id, e.g. "luohu-2022".
    :ivar title: e.g. "深圳市社会保险基金管理局罗湖分局2022年部门预算".
    :ivar department: e.g. "深圳市社会保险基金管理局罗湖分局".
    :ivar year: e.g. 2022; 0 if not found.
    :ivar kind: "budget" (预算) or "final" (决算).
    :ivar unit: the money unit most tables use, e.g. "万元".
    :ivar source_name: file name it was read from.
    :ivar sha256: hash of the file's bytes (re-ingest detection).
    :ivar level: "部门" (a department's disclosure, its units together) or "单位" (one unit's),
        as printed; "" when the text does not say.
    :ivar region: the place the department belongs to, as printed before its name
        ("桂林市司法局" → "桂林市"); "" when not printed.
    :ivar text: the normalised full text (line numbers refer to it).
    :ivar checks: the parser's arithmetic checks (`Finding`s with source "parse"), passed and failed.
    :ivar warnings: problems a user should see, in Chinese (e.g. a cut-off table).
    :ivar pages: the PDF page each line of `text` starts on (index 0 = line 1); () when not a PDF.

    Metadata detection hands on a `Document` with only its metadata filled in
    (no parts yet); `ingest.document` completes it with `dataclasses.replace`.
    """

    doc_id: str
    title: str
    department: str
    year: int
    kind: str
    unit: str
    source_name: str
    sha256: str
    level: str = ""
    region: str = ""
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    records: tuple[Record, ...] = ()
    checks: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    text: str = field(default="", repr=False)
    pages: tuple[int, ...] = field(default=(), repr=False)

    @property
    def failed_checks(self) -> tuple[Finding, ...]:
        return tuple(c for c in self.checks if not c.ok)

    def page_of(self, line: int) -> int:
        """The PDF page a line of `text` starts on; 0 when unknown (not a PDF, no line)."""
        return self.pages[line - 1] if 0 < line <= len(self.pages) else 0


@dataclass(frozen=True)
class Layout:
    """What a reader hands to the parser, whatever the file format.

    :ivar lines: the normalised text, one entry per line (line numbers are 1-based
        positions in this tuple); for PDF/XLSX, the text the reader extracted.
    :ivar narrative_lines: (line number, text) of the lines outside tables, in order.
    :ivar grids: the tables found, as cells.
    :ivar warnings: reader-level problems for the user, in Chinese.
    :ivar pages: the printed page each line starts on (same length as `lines`), for PDFs;
        () for formats without pages.
    """

    lines: tuple[str, ...]
    narrative_lines: tuple[tuple[int, str], ...]
    grids: tuple[TableGrid, ...] = ()
    warnings: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class AuditReport:
    """Every check run on one disclosure, with its verdict.

    :ivar doc_id: e.g. "luohu-2022".
    :ivar title: the disclosure's title.
    :ivar source_name: the file name audited.
    :ivar findings: one per check run, in the order they were run (parse checks first).
    :ivar warnings: the parser's warnings about the document (e.g. a cut-off table).
    """

    doc_id: str
    title: str
    source_name: str
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()

    def with_verdict(self, verdict: Verdict | str) -> tuple[Finding, ...]:
        """The findings with this verdict, in report order."""
        return tuple(f for f in self.findings if f.verdict == verdict)

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per verdict, e.g. {"ok": 120, "error": 1, "rounding": 0, "warning": 2}."""
        return {v.value: len(self.with_verdict(v)) for v in Verdict}

    @property
    def problems(self) -> tuple[Finding, ...]:
        """Every finding that is not "ok"."""
        return tuple(f for f in self.findings if not f.ok)
