"""Wholes and parts among records: a row's parent and children, a concept's parts
(`[parts]` in question_words.toml), the document's total, and the same figure printed elsewhere.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from assistant.question_words import normalise, question_words
from assistant.record_index import RecordIndex, is_department_row, kind_of, record_name, template_labels
from ingest.model import Record
from ingest.units import MONEY_FACTORS, MONEY_UNITS

# Spending "by class" needs at least this many classes printed together to be a breakdown.
_MIN_CLASSES = 2


def _same_column(a: Record, b: Record) -> bool:
    return a.column_path == b.column_path and a.period == b.period and a.measure == b.measure


def parent_of(record: Record, index: RecordIndex) -> Record | None:
    """The row above `record` in its table (same column), e.g. 商品和服务支出 for 物业管理费."""
    if record.source != "table" or len(record.row_path) < 2:
        return None
    for other in index.by_table.get((record.doc_id, record.table_no), []):
        if other.row_path == record.row_path[:-1] and _same_column(other, record):
            return other
    return None


def text_parts(record: Record, index: RecordIndex) -> list[Record]:
    """The figures a sentence lists after a text figure ("社保综合管理589万元，主要包括：…546万元…17万元";
    "共有公务用车8辆,其中:一般公务用车6辆,特种作业车2辆"), kept only when they add up to it (the
    document's own arithmetic says they are its parts)."""
    siblings = [r for r in index.by_doc.get(record.doc_id, [])
                if r.source == "text" and r.section_path == record.section_path and r is not record
                and r.measure == record.measure in ("amount", "count") and r.unit == record.unit
                and r.quote == record.quote
                and normalise(r.label) != normalise(record.label)]
    after = record.quote.find(record.label)
    parts = sorted((r for r in siblings if record.quote.find(r.label) > after),
                   key=lambda r: record.quote.find(r.label))
    if len(parts) >= 2 and abs(sum(r.value for r in parts) - record.value) < 0.5:
        return parts
    # "基本支出71.09万元(社会保障和就业支出38.39万元,…,一般商品和服务支出19.90万元)项目支出525.00万元": the
    # figures right after it as far as they add up to it, to the rounding of each (seen in s02)
    total = 0.0
    for count, part in enumerate(parts, start=1):
        total += part.value
        if count >= 2 and abs(total - record.value) <= _PART_ROUNDING * count:
            return parts[:count]
    return []


# What rounding each part to two decimals may leave in a sum of parts.
_PART_ROUNDING = 0.005


def children_of(record: Record, index: RecordIndex) -> list[Record]:
    """The rows directly under `record` in its table, same column; the top rows for a department row;
    for a text figure, the figures its sentence lists as its parts."""
    if record.source != "table":
        return text_parts(record, index)
    rows = index.by_table.get((record.doc_id, record.table_no), [])
    if is_department_row(record):
        return [r for r in rows
                if len(r.row_path) == 1 and _same_column(r, record) and not is_department_row(r)]
    depth = len(record.row_path)
    return [r for r in rows if len(r.row_path) == depth + 1 and r.row_path[:depth] == record.row_path
            and _same_column(r, record)]


def parts_of(question: str, whole: Record | None, doc_ids: tuple[str, ...], index: RecordIndex,
             concepts: bool = True) -> list[Record]:
    """The parts a list question asks for: children of the named row, else (with `concepts`) the
    rows of the concept's table (`[parts]`)."""
    if whole is not None:
        children = children_of(whole, index)
        while len(children) == 1 and children_of(children[0], index):
            children = children_of(children[0], index)  # 住房保障支出 › 住房改革支出 › (公积金, 购房补贴)
        if children:
            return children
    if not concepts:
        return []
    return concept_parts(question, doc_ids, index)[2]


def concept_parts(question: str, doc_ids: tuple[str, ...], index: RecordIndex
                  ) -> tuple[str, Record | None, list[Record]]:
    """(word, whole, parts) for a `[parts]` concept the question names ("三公" → 表8's three columns;
    "支出结构" → the parts the text lists for the total); whole is None unless the text states it."""
    for word, spec in question_words()["parts"].items():
        if normalise(word) in question:
            whole = sentence_breakdown(spec["sentence"], doc_ids, index, question) if "sentence" in spec else None
            parts = text_parts(whole, index) if whole is not None else _concept_parts(spec, doc_ids, index)
            if not parts and (spec.get("side") == "支出" or spec["table"] == "功能分类"):
                parts = function_classes(doc_ids, index)  # no 收支总表 by its standard title
            if parts:
                return spec.get("name", word), whole, parts
    return "", None, []


def function_classes(doc_ids: tuple[str, ...], index: RecordIndex) -> list[Record]:
    """Spending by the 类 of the 支出功能分类 (template labels "functions"), from the one table or section
    printing most of them, one figure per class (its first column): where spending goes when no table
    carries a standard title ("部门预算公开表") or the text lists the classes ("(一)…支出类科目850088.3元")."""
    classes = template_labels("functions")
    places: dict[tuple, dict[str, Record]] = {}
    for doc_id in doc_ids or tuple(d.doc_id for d in index.documents):
        for record in index.by_doc.get(doc_id, []):
            name = normalise(record_name(record))
            if (name in classes and record.measure == "amount" and record.unit in MONEY_UNITS
                    and own_year(record, index)):
                place = (doc_id, record.source, record.table_no, record.section_path[:1])
                places.setdefault(place, {}).setdefault(name, record)
    best = max(places.values(), key=len, default={})
    return list(best.values()) if len(best) >= _MIN_CLASSES else []


def group_parts(question: str, doc_ids: tuple[str, ...], index: RecordIndex) -> tuple[str, list[Record]]:
    """(group, rows) for a heading of grouped rows the question names ("数量指标" in 表11), one per row."""
    for group in sorted(index.groups, key=len, reverse=True):
        if len(group) >= 3 and group in question:
            rows: dict[tuple, Record] = {}
            for record in index.in_docs(index.groups[group], doc_ids):
                rows.setdefault((record.doc_id, record.table_no, record.row_path), record)
            return group, list(rows.values())
    return "", []


def sentence_breakdown(part_word: str, doc_ids: tuple[str, ...], index: RecordIndex,
                       question: str = "") -> Record | None:
    """The largest text figure of a part whose heading says `part_word` ("支出") that the document's
    own sentence breaks down into parts adding up to it ("预算3,776万元，包括人员支出2,315万元、…").
    A question naming funds asks of those funds' figure only: "一般公共预算的钱花在了哪些方面？" is not
    answered with 本年支出合计's 基本支出 and 项目支出 (seen in s14 of the development corpus)."""
    funds = [normalise(f) for f in question_words()["funds_prefixed"]["prefixes"] if normalise(f) in question]
    best: Record | None = None
    for doc_id in doc_ids or tuple(d.doc_id for d in index.documents):
        for record in index.by_doc.get(doc_id, []):
            heading = record.section_path[0] if record.section_path else ""
            if (record.source == "text" and record.measure == "amount" and part_word in heading
                    and (not funds or any(f in normalise(record.label) for f in funds))
                    and (best is None or record.value > best.value) and len(text_parts(record, index)) >= 2):
                best = record
    return best


def _table_of_kind(doc_id: str, kind: str, index: RecordIndex) -> int:
    """The number of the document's first table of `kind` (`[table_kinds]`); 0 when it has none."""
    for record in index.by_doc.get(doc_id, []):
        if record.source == "table" and kind_of(record) == kind:
            return record.table_no
    return 0


def _concept_parts(spec: dict, doc_ids: tuple[str, ...], index: RecordIndex) -> list[Record]:
    for doc_id in doc_ids or tuple(d.doc_id for d in index.documents):
        rows = index.by_table.get((doc_id, _table_of_kind(doc_id, spec["table"], index)), [])
        if "columns" in spec:
            document = index.document(doc_id)
            row = f"{document.year}年" if spec["row"] == "year" and document else spec["row"]
            wanted = [normalise(c) for c in spec["columns"]]
            # the year's row, or the table's only row (g04 prints one unnamed row)
            single = len({r.row_path for r in rows}) == 1
            found = [r for r in rows if (single or r.row_path and normalise(r.row_path[0]) == normalise(row))
                     and r.column_path and normalise(r.column_path[0]) in wanted
                     and (len(r.column_path) == 1 or r.column_path[-1] in ("小计", "合计"))]
            return found or _parts_as_rows(rows, wanted, document)
        parts = _level_rows(rows, spec)
        if parts:
            return parts
    return []


def _parts_as_rows(rows: list[Record], wanted: list[str], document) -> list[Record]:  # noqa: ANN001
    """The parts printed one per row (预算数 | 决算数 columns, fB3 of the fresh batch), in the column of
    the document's own stage: a final account's 决算数, a budget's first column."""
    parts = [r for r in rows if r.row_path and normalise(r.row_path[-1]) in wanted and r.measure == "amount"]
    columns = list(dict.fromkeys(r.column_path for r in parts))
    if not columns:
        return []
    final = document is not None and document.kind == "final"
    # a column naming its year (2014年决算数 | 2015年决算数, fD2 of the second fresh batch): the document's year
    year = str(document.year) if document is not None else ""
    own_year = [c for c in columns if any(r.period == year for r in parts if r.column_path == c)]
    columns = own_year or columns
    column = next((c for c in columns if final and any("决算" in name for name in c)), columns[0])
    return [r for r in parts if r.column_path == column]


def _level_rows(rows: list[Record], spec: dict) -> list[Record]:
    """Rows at `level` (1 = top) of one table, in its first column; side-aware for two-sided tables."""
    side = spec.get("side", "")
    level = int(spec.get("level", 1)) + (1 if side else 0)
    chosen = [r for r in rows if len(r.row_path) == level and not is_department_row(r)
              and r.measure in ("amount", "count") and (not side or r.row_path[0] == side)
              and not any(w in r.label for w in ("合计", "总计"))]
    if not chosen:
        return []
    first_column = chosen[0].column_path
    return [r for r in chosen if r.column_path == first_column]


def asks_total(question: str) -> bool:
    """Whether a question asks the whole budget ("今年一共有多少钱？", `[totals] words/questions`)."""
    totals = question_words()["totals"]
    return any(w in question for w in totals["words"] + totals["questions"])


def total_of(doc_ids: tuple[str, ...], index: RecordIndex, side: str = "") -> Record | None:
    """The document's total budget (支出总计 / 收入总计 …, the first of `[totals] labels` found), or
    the total of one side (`[totals] sides`)."""
    totals = question_words()["totals"]
    labels = [normalise(label) for label in (totals["sides"][side] if side else totals["labels"])]
    found = [r for label in labels
             for r in index.in_docs(index.by_alias.get(label, []), doc_ids) if r.measure == "amount"]
    if not found:  # said with the unit's short name before it: "X局收支总预算" (fA1 of the fresh batch)
        found = [r for label in labels for r in index.records
                 if r.doc_id in doc_ids and r.measure == "amount" and r.label.endswith(label)]
    if not found and not side:
        # a budget stating its whole only as a side ("2022年收入预算455.04万元", fJ1 of the fifth fresh batch):
        # that side's total printed as such (never a label merely ending in 收入, such as 事业收入)
        found = [r for name in ("收入", "支出") for label in totals["sides"][name]
                 for r in index.in_docs(index.by_alias.get(normalise(label), []), doc_ids) if r.measure == "amount"]
    # this year's first, not the compared year's ("比2017年度总收入1058.51万元"); then in the list's order
    own = [r for r in found if own_year(r, index)]
    return (own or found or [None])[0]


def sides_said(question: str) -> list[str]:
    """The budget's sides a question names, in the order said, by their everyday words
    (`[totals] side_words`: "花的钱比收入多出多少" names 支出, then 收入)."""
    said = []
    for side, words in question_words()["totals"]["side_words"].items():
        found = [question.find(w) for w in words if w in question]
        if found:
            said.append((min(found), side))
    return [side for _, side in sorted(said)]


def year_totals(doc_ids: tuple[str, ...], index: RecordIndex, sides: list[str]) -> list[Record]:
    """This year's total of each side without carry-overs (`[side_totals]`, 本年收入合计 before 收入总计),
    from one table or section when both print there: a 收支总表's 总计 balance by construction (结转
    and 结余 close the gap), so "支出比收入多多少" is asked of the year's own income and spending."""
    found = {side: [r for label in question_words()["side_totals"][side]
                    for r in index.in_docs(index.by_alias.get(normalise(label), []), doc_ids)
                    if r.measure == "amount" and own_year(r, index)] for side in sides}
    if not all(found.values()):
        return [t for t in (total_of(doc_ids, index, side) for side in sides) if t is not None]
    first = found[sides[0]][0]
    place = (first.doc_id, first.source, first.table_no, first.section_path)
    pairs = [r for r in found[sides[1]] if (r.doc_id, r.source, r.table_no, r.section_path) == place] \
        if len(sides) == 2 else []
    return [first] + (pairs[:1] or [found[side][0] for side in sides[1:]])


def own_year(record: Record, index: RecordIndex) -> bool:
    """The record is of its document's own year (or of no stated year)."""
    document = index.document(record.doc_id)
    return not record.period or document is None or record.period == str(document.year)


def same_figure(record: Record, index: RecordIndex) -> tuple[Record, ...]:
    """The same figure under the same name and period elsewhere in the document (cited beside the chosen one)."""
    name = normalise(record_name(record))
    found: list[Record] = []
    refs = {record.ref}
    for other in index.by_alias.get(name, []):
        if other.doc_id != record.doc_id or other.ref in refs:
            continue
        if record.period and other.period and other.period != record.period:
            continue  # the same value in another year's row (表8's 2021年) is not this figure
        if other.value == record.value and other.measure == record.measure and other.unit == record.unit:
            refs.add(other.ref)
            found.append(other)
    return tuple(found[:3])


def other_totals(total: Record, index: RecordIndex) -> tuple[Record, ...]:
    """The same total printed under the other total labels (表1 收入总计, 表3 支出总计 …), one per table,
    and the sentence stating it in its own unit."""
    found: list[Record] = []
    refs = {total.ref}
    for label in question_words()["totals"]["labels"]:
        for record in index.by_alias.get(normalise(label), []):
            if record.doc_id == total.doc_id and record.value == total.value and record.ref not in refs:
                refs.add(record.ref)
                found.append(record)
    return tuple(found[:3]) + _stated_in_own_unit(total, index)


# A sentence's figure rounds its table's at this many decimals ("18,976.76万元" for 189,767,551 元).
_STATED_DECIMALS = 2


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-_STATED_DECIMALS), rounding=ROUND_HALF_UP)


def _stated_in_own_unit(total: Record, index: RecordIndex) -> tuple[Record, ...]:
    """The explanation's sentence stating a table's total in another money unit: "支出预算18,976.76万元"
    beside 支出总计 189,767,551 元 (seen in the street-office budget PDFs of the development corpus)."""
    if total.source != "table" or total.unit not in MONEY_FACTORS:
        return ()
    sides = question_words()["totals"]["sides"]
    names = {normalise(label) for labels in sides.values() for label in labels}
    yuan = Decimal(str(total.value)) * Decimal(MONEY_FACTORS[total.unit])
    for name in sorted(names):
        for other in index.by_alias.get(name, []):
            if (other.doc_id == total.doc_id and other.source == "text" and other.measure == "amount"
                    and other.unit in MONEY_FACTORS and other.unit != total.unit and other.period == total.period
                    and _rounded(yuan / Decimal(MONEY_FACTORS[other.unit])) == Decimal(str(other.value))):
                return (other,)
    return ()
