"""Count questions about the rows of a table ("设置了几个三级绩效指标？", "数量指标有几个？").

Some rows carry no figure (表11's target "规范"), so they have no record:
these questions count the rows of the parsed table itself
(`RecordStore.document(doc_id).tables`), never numeric records. Which words
name a level of a table's row hierarchy is data (`[row_levels]` in
question_words.toml).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer import Answer, Citation, Fact, Status
from assistant.question_words import normalise, question_words
from ingest.model import Row, Table

_LIST_LIMIT = 20
_MIN_GROUP = 3


@dataclass(frozen=True)
class RowCount:
    """Rows of one table that a count question asks about.

    :ivar doc_id: the document.
    :ivar table: the table counted.
    :ivar what: what was counted, e.g. "三级指标" or "数量指标".
    :ivar rows: the rows counted, in printed order.
    :ivar names: what each counted row is called at the level asked ("数量指标" for 二级指标).
    """

    doc_id: str
    table: Table
    what: str
    rows: tuple[Row, ...]
    names: tuple[str, ...] = ()


def count_rows(question: str, tables: dict[str, tuple[Table, ...]]) -> RowCount | None:
    """The rows a count question names: a level of the row hierarchy ("三级指标") or a group heading
    ("数量指标"), in the first document and table that has them; None when it names neither."""
    text = normalise(question)
    for doc_id, doc_tables in tables.items():
        for table in doc_tables:
            found = _level_rows(text, table) or _group_rows(text, table)
            if found:
                what, rows, names = found
                return RowCount(doc_id, table, what, rows, names)
    return None


def _level_rows(text: str, table: Table) -> tuple[str, tuple[Row, ...], tuple[str, ...]] | None:
    """Rows at the level a `[row_levels]` word names, below the top group whose name has its heading word."""
    for word, spec in sorted(question_words()["row_levels"].items(), key=lambda kv: -len(kv[0])):
        if normalise(word) not in text:
            continue
        depth = int(spec["depth"])
        distinct: dict[tuple[str, ...], Row] = {}
        for row in table.rows:
            if len(row.path) > depth and spec["group"] in row.path[0] and not row.is_total:
                distinct.setdefault(row.path[:depth + 1], row)
        if distinct:
            return spec.get("name", word), tuple(distinct.values()), tuple(p[-1] for p in distinct)
    return None


def _group_rows(text: str, table: Table) -> tuple[str, tuple[Row, ...], tuple[str, ...]] | None:
    """The leaf rows under a group heading the question names ("数量指标"), longest heading first."""
    headings = {normalise(h) for row in table.rows for h in row.path[:-1]}
    for heading in sorted(headings, key=len, reverse=True):
        if len(heading) >= _MIN_GROUP and heading in text:
            rows = tuple(r for r in table.rows
                         if heading in (normalise(h) for h in r.path[:-1]) and not r.is_total)
            if rows:
                return heading, rows, tuple(r.label for r in rows)
    return None


def row_count_answer(count: RowCount) -> Answer:
    """"表11 单位整体支出绩效目标表共列出15个三级指标：…", citing the table."""
    table = count.table
    names = "、".join(count.names[:_LIST_LIMIT])
    more = "等" if len(count.rows) > _LIST_LIMIT else ""
    ref = f"表{table.number}" if table.number else table.title
    text = f"{ref}（{table.title}）共列出{len(count.rows)}个{count.what}：{names}{more}。"
    fact = Fact(value=float(len(count.rows)), unit="个", label=f"{count.what}（行数）", doc=count.doc_id,
                ref=ref)
    quote = "\n".join(row.quote for row in count.rows[:3] if row.quote)
    citation = Citation(doc=count.doc_id, kind="table", ref=ref, title=table.title, quote=quote)
    return Answer(Status.ANSWERED, text, facts=(fact,), citations=(citation,))

