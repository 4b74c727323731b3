"""One figure read from several disclosures and compared: "福田比罗湖多多少？", "两年的三公经费对比".

Each document's figure is found as a lookup scoped to that document; the
answer states each with its own citation and computes the difference
("7,552 − 3,776 = 3,776") when there are two.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answer import Answer, Status
from assistant.compose import citation_of, fact_of
from assistant.compose_text import figure
from assistant.document_choice import display_name
from assistant.number_text import format_number
from assistant.record_answer import answer_from_records
from assistant.record_index import RecordIndex, record_name
from assistant.record_parts import total_of
from assistant.understand import Intent
from index.types import DocumentInfo
from ingest.model import Record

_MORE_WORDS = ("多", "高", "大")


@dataclass(frozen=True)
class Compared:
    """The figure of one document: the document and its record."""

    document: DocumentInfo
    record: Record


def figure_in(intent: Intent, doc_id: str, index: RecordIndex) -> Record | None:
    """The figure the intent asks about, read from one document (its total when no figure is named)."""
    if intent.mentions:
        lookup = replace(intent, operation="lookup", doc_ids=(doc_id,), period="", base_year=0)
        computation = answer_from_records(lookup, index)
        if computation is not None and computation.records:
            return computation.records[0]
        return None
    return total_of((doc_id,), index)


def compare_documents(intent: Intent, doc_ids: tuple[str, ...], index: RecordIndex,
                      documents: tuple[DocumentInfo, ...]) -> Answer | None:
    """The figure of each document and, for two, their difference; None when a document lacks it."""
    compared = []
    for doc_id in doc_ids:
        record = figure_in(intent, doc_id, index)
        document = next((d for d in documents if d.doc_id == doc_id), None)
        if record is None or document is None:
            return None
        compared.append(Compared(document, record))
    name = record_name(compared[0].record)
    lines = [f"{display_name(c.document, documents)}：{record_name(c.record)}{figure(c.record.value, c.record.unit)}"
             f"（{c.record.ref}）。" for c in compared]
    if len(compared) == 2:
        lines.append(_difference_line(intent, compared, name, documents))
    records = [c.record for c in compared]
    return Answer(status=Status.ANSWERED, text="\n".join(lines), facts=tuple(fact_of(r) for r in records),
                  citations=tuple(citation_of(r) for r in records))


def _difference_line(intent: Intent, compared: list[Compared], name: str,
                     documents: tuple[DocumentInfo, ...]) -> str:
    """"福田分局比罗湖分局多3,776万元：7,552 − 3,776 = 3,776。" (the first named minus the second)."""
    first, second = compared
    if first.document.department == second.document.department and first.document.year < second.document.year:
        first, second = second, first  # across years: the later year minus the earlier
    elif "哪" in intent.question and first.record.value < second.record.value:
        first, second = second, first  # "哪个多": the larger first
    result = first.record.value - second.record.value
    unit = first.record.unit
    expression = (f"{format_number(first.record.value)} − {format_number(second.record.value)} = "
                  f"{format_number(result).replace('-', '−')}")
    same_department = first.document.department == second.document.department
    label_a = f"{first.document.year}年" if same_department else _who(first.document, documents)
    label_b = f"{second.document.year}年" if same_department else _who(second.document, documents)
    if result == 0:
        return f"两者{name}相同，差额为0（{expression}）。"
    verb = ("增加" if result > 0 else "减少") if same_department else ("多" if result > 0 else "少")
    return f"{label_a}比{label_b}{verb}{figure(abs(result), unit)}（计算：{expression}）。"


def _who(document: DocumentInfo, documents: tuple[DocumentInfo, ...]) -> str:
    """"罗湖分局" (with its year when two documents of other years are compared)."""
    return display_name(document, documents).split(" ")[0]


def asks_comparison(question: str) -> bool:
    """Whether the question compares ("比", "对比", "哪个多", "两年", "相差")."""
    words = ("比", "对比", "比较", "哪个", "哪家", "哪一个", "两年", "两份", "相差", "差多少", "差额", "分别")
    return any(w in question for w in words)
