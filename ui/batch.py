"""Batch questions for the staff desk: read a CSV or JSONL of questions, write answers as CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.answer import Answer, Fact
from ingest.errors import BudgetQAError
from ui.numbers import format_amount
from ui.shared_library import MAX_QUESTION_CHARS

MAX_QUESTIONS = 1000
QUESTION_COLUMNS = ("question", "问题")
ID_COLUMNS = ("id", "编号")
DOC_COLUMNS = ("doc", "文件")
ANSWER_HEADER = ("编号", "问题", "状态", "回答", "数字", "出处")
STATUS_NAMES = {"answered": "已回答", "not_found": "未找到", "out_of_scope": "超出范围",
                "clarify": "需要澄清"}


class BadBatchFile(BudgetQAError):
    """The uploaded batch file is not a CSV or JSONL of questions we can read."""


@dataclass(frozen=True)
class BatchItem:
    """One question of a batch.

    :ivar id: the file's id for it, else its 1-based position, e.g. "q017" or "3".
    :ivar turns: the questions of one conversation; the last one is answered in the output.
    :ivar doc: doc_id or file name to scope it to; "" for all documents.
    """

    id: str
    turns: tuple[str, ...]
    doc: str = ""

    @property
    def question(self) -> str:
        return self.turns[-1]


def read_batch(path: Path) -> list[BatchItem]:
    """The questions of a .csv or .jsonl file; raises BadBatchFile with a Chinese message."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".json"):
        raise BadBatchFile(f"不支持的文件类型“{path.suffix or '无扩展名'}”：请上传 .csv 或 .jsonl 文件。")
    text = _decode(path.read_bytes(), path.name)
    items = _read_jsonl(text) if suffix in (".jsonl", ".json") else _read_csv(text)
    if not items:
        raise BadBatchFile(f"文件“{path.name}”里没有找到问题。CSV 需要一列“问题”（或 question），"
                           "JSONL 每行需要 question 字段。")
    if len(items) > MAX_QUESTIONS:
        raise BadBatchFile(f"一次最多 {MAX_QUESTIONS} 个问题，这个文件有 {len(items)} 个，请分批上传。")
    for item in items:
        if any(len(turn) > MAX_QUESTION_CHARS for turn in item.turns):
            raise BadBatchFile(f"问题 {item.id} 超过 {MAX_QUESTION_CHARS} 字，请缩短后再上传。")
    return items


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise BadBatchFile(f"文件“{name}”不是文本文件（可能是 Excel 或其他二进制格式），"
                           "请另存为 CSV（UTF-8）后上传。")
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in Chinese locales saves CSV as GBK
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadBatchFile(f"无法识别文件“{name}”的编码，请另存为 UTF-8 编码后上传。")


def _read_csv(text: str) -> list[BatchItem]:
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = [cell.strip().lower() for cell in rows[0]]
    question_at = _column(header, QUESTION_COLUMNS)
    if question_at is None:  # no header: the first column holds the questions
        return [BatchItem(str(n), (row[0].strip(),)) for n, row in enumerate(rows, 1) if row[0].strip()]
    id_at, doc_at = _column(header, ID_COLUMNS), _column(header, DOC_COLUMNS)
    items = []
    for n, row in enumerate(rows[1:], 1):
        question = _cell(row, question_at)
        if question:
            items.append(BatchItem(_cell(row, id_at) or str(n), (question,), _cell(row, doc_at)))
    return items


def _column(header: Sequence[str], names: Sequence[str]) -> int | None:
    return next((i for i, name in enumerate(header) if name in names), None)


def _cell(row: Sequence[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _read_jsonl(text: str) -> list[BatchItem]:
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadBatchFile(f"第 {number} 行不是有效的 JSON（{error.msg}），每行应是一个对象，"
                               '例如 {"question": "公车有几辆？"}。') from error
        items.append(_jsonl_item(data, number))
    return items


def _jsonl_item(data: object, number: int) -> BatchItem:
    if not isinstance(data, dict):
        raise BadBatchFile(f'第 {number} 行应是一个对象，例如 {{"question": "公车有几辆？"}}。')
    turns = data.get("turns") or [data.get("question")]
    if not isinstance(turns, list) or not turns or not all(isinstance(t, str) and t.strip() for t in turns):
        raise BadBatchFile(f"第 {number} 行缺少问题：需要 question（文字）或 turns（文字列表）字段。")
    doc = data.get("doc") or ""
    return BatchItem(str(data.get("id") or number), tuple(t.strip() for t in turns), str(doc))


def answer_row(item: BatchItem, answer: Answer | None, error: str = "") -> tuple[str, ...]:
    """One output row: id, question, status, answer text, figures, citations."""
    if answer is None:
        return (item.id, item.question, "出错", error, "", "")
    figures = "\n".join(_fact_line(fact) for fact in answer.facts)
    sources = "\n".join(f"{c.ref} {c.title}：{c.quote}".rstrip("：") for c in answer.citations)
    return (item.id, item.question, STATUS_NAMES.get(answer.status.value, answer.status.value),
            answer.text, figures, sources)


def _fact_line(fact: Fact) -> str:
    """ "8 万元（“三公”经费 › 合计；表8 2022年 › 总计）" """
    cell = " › ".join(part for part in (fact.row, fact.column) if part)
    where = " ".join(part for part in (fact.ref, cell) if part)
    return f"{format_amount(fact.value, fact.unit)}（{fact.label}；{where}）"


def write_answers_csv(rows: Sequence[Sequence[str]], path: Path) -> Path:
    """Write the answers as a CSV that Excel opens correctly (UTF-8 with BOM)."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(ANSWER_HEADER)
        writer.writerows(rows)
    return path
