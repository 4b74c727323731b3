"""Findings, passages and refusals → the short Chinese Answer, with facts and citations.

States the figure with its unit and period, what was computed and how
("231 ÷ 492 = 47.0%"), and cites the table row or section each figure came
from. `render_answer_text` is the plain text used by the CLI and the web
app's "copy answer with source" button.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from assistant.answer import Answer, Citation, Fact, Status
from assistant.compose_text import computation_text, record_statement
from assistant.number_text import numbers_in, text_states_number
from assistant.record_answer import Computation
from assistant.record_index import RecordIndex, is_period_row, record_name
from ingest.model import Record
from ingest.units import MONEY_UNITS

_LIST_LIMIT = 25


def fact_of(record: Record) -> Fact:
    """The Fact for one record, with its table row/column or section."""
    row = " › ".join(record.row_path)
    label = row or record.label
    if record.row_path and is_period_row(record.row_path[-1]):
        label = f"{record_name(record)}（{row}）"  # a row of years says when, not what ("2022年")
    return Fact(value=record.value, unit=record.unit, label=label, doc=record.doc_id, ref=record.ref,
                row=row, column=" › ".join(record.column_path))


def citation_of(record: Record) -> Citation:
    """The Citation for one record: its table (title) or its section (path)."""
    if record.source == "table":
        return Citation(doc=record.doc_id, kind="table", ref=record.ref, title=record.table_title,
                        quote=record.quote)
    return Citation(doc=record.doc_id, kind="section", ref=record.ref, title=" › ".join(record.section_path),
                    quote=record.quote)


def citations_of(records: list[Record]) -> tuple[Citation, ...]:
    """One citation per (document, table or section), in order; a section's citation quotes each
    sentence a figure came from ("本年支出合计…" and "本年收入合计…" are two sentences of one 前言), and
    sentences of two sections of one part are cited under each section's own heading."""
    cited: dict[tuple[str, str, tuple[str, ...]], Citation] = {}
    for record in records:
        key = (record.doc_id, record.ref, record.section_path if record.source == "text" else ())
        if key not in cited:
            cited[key] = citation_of(record)
        elif record.source == "text" and record.quote and record.quote not in cited[key].quote:
            cited[key] = replace(cited[key], quote=f"{cited[key].quote}…{record.quote}")
    return tuple(cited.values())


def compose_computation(computation: Computation, index: RecordIndex, asserted: tuple[float, ...] = ()) -> Answer:
    """The Answer for a Computation of the records."""
    lines = computation_text(computation, index)
    for other in computation.alternatives:
        statement = record_statement(other, index).rstrip("。")
        lines.append(f"如果问的是{record_name(other)}：{statement}（{other.ref}）。")
    used = list(computation.records) + list(computation.parts[:_LIST_LIMIT]) + list(computation.alternatives)
    cited = (list(computation.records) + list(computation.corroborating) + list(computation.parts[:3])
             + list(computation.alternatives))
    chart = tuple((record_name(p), p.value) for p in computation.parts if p.unit in MONEY_UNITS and p.value)
    stated = {r.value for r in used} | {n for r in used for n in numbers_in(record_name(r))}  # "单价50万元以上…"
    citations = tuple(
        replace(c, quote="") if any(a not in stated and text_states_number(c.quote, a) for a in asserted)
        else c
        for c in citations_of(cited))  # never echo a figure only the user asserted
    return Answer(status=Status.ANSWERED, text="\n".join(lines), facts=tuple(fact_of(r) for r in used),
                  citations=citations, chart=chart if computation.operation == "list" else ())


_CLAIMED_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:万|亿|元|辆|人|个|台|%|％|件|次)")


def note_unsupported_claims(answer: Answer, question: str, asserted: tuple[float, ...]) -> Answer:
    """The answer with a note when the question states a figure (with its unit) that neither the
    answer nor its sources state ("听说买了10辆新车"): the claim is flagged, never repeated."""
    if answer.status != Status.ANSWERED or not asserted:
        return answer
    said = answer.text + "".join(c.quote for c in answer.citations)
    claims = [float(m.group(1).replace(",", "")) for m in _CLAIMED_FIGURE.finditer(question)]
    unsupported = [c for c in claims if c in asserted and not text_states_number(said, c)]
    if not unsupported:
        return answer
    note = "问题中提到的数字在公开文件中没有依据，以上是公开文件列出的数字。"
    return replace(answer, text=f"{answer.text}\n{note}")


def render_answer_text(answer: Answer, names: Mapping[str, str] | None = None) -> str:
    """The answer as plain text with one "来源：" line per citation (CLI, copy button).

    Table sources name the rows and columns of the facts taken from them;
    section sources quote the sentence. When the sources are in several
    documents (a comparison), each line names its document: by `names`
    (doc_id → "罗湖分局 2022年部门预算"), else by its doc_id.
    """
    lines = [answer.text]
    several = len({citation.doc for citation in answer.citations}) > 1
    for citation in answer.citations:
        title = f" {citation.title}" if citation.title and citation.title != citation.ref else ""
        if citation.title.startswith(citation.ref):
            title = f" {citation.title[len(citation.ref):].strip()}"
        cells = "；".join(dict.fromkeys(
            f"{f.row}（{f.column}）" if f.column else f.row
            for f in answer.facts if f.ref == citation.ref and f.doc == citation.doc and f.row))
        detail = f"：{cells}" if citation.kind == "table" and cells else ""
        if citation.kind == "section" and citation.quote:
            detail = f"：“{citation.quote.strip()}”"
        where = f"（{(names or {}).get(citation.doc, citation.doc)}）" if several else ""
        lines.append(f"来源{where}：{citation.ref}{title}{detail}")
    return "\n".join(lines)
