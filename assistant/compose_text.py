"""The sentences of a numeric answer: one record as a sentence, and one function per operation.

Imported by compose (never the other way round)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from assistant.number_text import format_number, format_percent
from assistant.record_answer import Computation
from assistant.record_index import RecordIndex, names_figure, record_name, stage
from ingest.model import Record
from ingest.units import MONEY_UNITS

_LIST_LIMIT = 25


# A 元 figure from this size on is also given in 万元, the unit people (and most disclosures' text) use.
YUAN_SHOWN_IN_WAN_FROM = 10_000
_WAN = Decimal(10_000)


def figure(value: float, unit: str) -> str:
    """"3,776万元", "2辆", "6%"."""
    return f"{format_number(value)}{unit}"


def money_figure(value: float, unit: str) -> str:
    """A money figure as printed, a large 元 figure with its 万元 beside it, rounded half up
    in exact decimals: 17887739元 → "17,887,739元（约1,788.77万元）"."""
    printed = figure(value, unit)
    if unit != "元" or abs(value) < YUAN_SHOWN_IN_WAN_FROM:
        return printed
    wan = (Decimal(str(value)) / _WAN).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{printed}（约{format_number(float(wan), 2)}万元）"


def amount_word(record: Record, index: RecordIndex, name: str = "") -> str:
    """What a money figure is: "决算" in a 决算 unless its column says 预算 (年初预算数), else "预算";
    nothing when its name says it already ("三公经费支出决算为…", not "…决算决算为…")."""
    if stage(name or record.label):
        return ""
    document = index.document(record.doc_id)
    columns = "".join(record.column_path)
    if document is not None and document.kind == "final" and "预算" not in columns:
        return "决算"
    return "预算"


def year_of(record: Record, index: RecordIndex) -> str:
    document = index.document(record.doc_id)
    return record.period or (str(document.year) if document and document.year else "")


# A change of nothing as the document says it: "与2021年预算持平" (read by the statement reader).
_LEVEL_OFF = re.compile(r"[与和同较比][^，,。；;：:]{0,16}?持平")


def _base_words(record: Record) -> str:
    """What a change is against: a year ("2021年"), the year before, or a budget stage ("预算")."""
    base = record.base_period
    return f"{base}年" if base.isdigit() else (base or "上年")


def record_statement(record: Record, index: RecordIndex, subject: str = "") -> str:
    """One record as a sentence: "2022年物业管理费预算为231万元。"."""
    name = subject or record_name(record)
    year = year_of(record, index)
    value = figure(abs(record.value) if record.measure in ("change", "change_rate") else record.value,
                   record.unit)
    if record.measure == "change" and record.value == 0 and (level := _LEVEL_OFF.search(record.quote)):
        return f"{year}年{name}{level.group(0)}。"  # "…与2021年预算持平": in the document's words
    if record.measure == "change":
        verb = "减少" if record.value < 0 else "增加"
        return f"{year}年{name}比{_base_words(record)}{verb}{value}。"
    if record.measure == "change_rate":
        verb = "下降" if record.value < 0 else "增长"
        return f"{year}年{name}比{_base_words(record)}{verb}{value}。"
    if record.measure == "target":
        return f"{name}的绩效目标值为{record.qualifier}{value}。"
    if record.unit in MONEY_UNITS:
        return f"{year}年{name}{amount_word(record, index, name)}为{money_figure(record.value, record.unit)}。"
    return f"{name}为{value}" + (f"（{year}年）。" if year else "。")


def computation_text(computation: Computation, index: RecordIndex) -> list[str]:
    """The answer's lines for `computation` (citations are added by the caller)."""
    writer = {
        "lookup": _lookup, "derived": _derived, "estimated": _estimated, "share": _share, "per_unit": _per_unit, "change": _change,
        "growth_rate": _growth, "difference": _difference, "rest": _rest, "sum": _sum, "composite": _composite,
        "composite_change": _composite_change, "max": _extreme,
        "min": _extreme, "list": _list, "count_items": _count_items,
    }[computation.operation]
    return writer(computation, index)


def _lookup(computation: Computation, index: RecordIndex) -> list[str]:
    record = computation.records[0]
    return [record_statement(record, index, _with_column(record, index))]


def _with_column(record: Record, index: RecordIndex) -> str:
    """A row's figure from a later column is named with it: "行政运行（基本支出）", so it is not read as
    the row's total (合计 | 基本支出 | 项目支出 in the budget PDFs' 支出预算总表)."""
    name = record_name(record)
    leaf = record.column_path[-1] if record.column_path else ""
    later = index.column_rank.get((record.doc_id, record.table_no, record.column_path), 0) > 0
    if record.source != "table" or not later or not leaf or leaf in name or not names_figure(leaf):
        return ""
    return f"{name}（{leaf}）"


def _derived(computation: Computation, index: RecordIndex) -> list[str]:
    current, change = computation.records
    unit = current.unit
    return [f"{computation.period}年{computation.subject}为{format_number(computation.result)}{unit}"
            f"（{computation.expression}：{year_of(current, index)}年{figure(current.value, unit)}，"
            f"比{computation.period}年{'减少' if change.value < 0 else '增加'}"
            f"{figure(abs(change.value), unit)}）。"]


def _estimated(computation: Computation, index: RecordIndex) -> list[str]:
    current, rate = computation.records
    unit = current.unit
    verb = "下降" if rate.value < 0 else "增长"
    return [f"公开文件没有直接列出{computation.period}年的{computation.subject}；按{year_of(current, index)}年"
            f"{figure(current.value, unit)}、比{computation.period}年{verb}{format_percent(abs(rate.value))}推算，"
            f"约{format_number(computation.result)}{unit}（{computation.expression}）。"]


def _share(computation: Computation, index: RecordIndex) -> list[str]:
    part, whole = computation.records
    return [f"{computation.subject}（{figure(part.value, part.unit)}）占{record_name(whole)}"
            f"（{figure(whole.value, whole.unit)}）的{format_percent(computation.result)}。",
            f"计算：{computation.expression}。"]


def _per_unit(computation: Computation, index: RecordIndex) -> list[str]:
    figure_record, divisor = computation.records
    return [f"按{record_name(divisor)}（{figure(divisor.value, divisor.unit)}）平均，{record_name(figure_record)}"
            f"（{figure(figure_record.value, figure_record.unit)}）合每{divisor.unit}"
            f"{figure(computation.result, computation.result_unit)}。", f"计算：{computation.expression}。"]


def _stated_changes(computation: Computation, index: RecordIndex) -> list[str]:
    """"2022年部门预算收入比2021年增加208万元，增长6%。" from the stated change and change rate."""
    first = record_statement(computation.records[0], index).rstrip("。")
    for other in computation.records[1:]:
        sentence = record_statement(other, index)
        verb_at = max(sentence.find(verb) for verb in ("增加", "减少", "增长", "下降"))
        first += "，" + sentence[verb_at:].rstrip("。") if verb_at >= 0 else ""
    return [first + "。"]


def _change(computation: Computation, index: RecordIndex) -> list[str]:
    if computation.result is None:
        return _stated_changes(computation, index)
    current, base = computation.records
    verb = "减少" if computation.result < 0 else "增加"
    if computation.result == 0:
        return [f"{year_of(current, index)}年{computation.subject}与{base.period}年持平，都是"
                f"{figure(current.value, current.unit)}，增加0{current.unit}（{computation.expression}）。"]
    return [f"{year_of(current, index)}年{computation.subject}比{base.period}年{verb}"
            f"{figure(abs(computation.result), computation.result_unit)}：{computation.expression}。"]


def _growth(computation: Computation, index: RecordIndex) -> list[str]:
    if computation.result is None:
        return _stated_changes(computation, index)
    verb = "下降" if computation.result < 0 else "增长"
    current = computation.records[0]
    return [f"{year_of(current, index)}年{computation.subject}比{computation.period}年{verb}"
            f"{format_percent(abs(computation.result))}。", f"计算：{computation.expression}。"]


def _difference(computation: Computation, index: RecordIndex) -> list[str]:
    a, b = computation.records
    verb = "多" if computation.result >= 0 else "少"
    first, second = record_name(a), record_name(b)
    stages = [stage(r.label) or stage(" ".join(r.column_path)) for r in (a, b)]
    if first == second and all(stages) and stages[0] != stages[1]:
        first, second = f"{first}{stages[0]}", stages[1]  # one figure's 决算 against its 预算
    return [f"{first}（{figure(a.value, a.unit)}）比{second}（{figure(b.value, b.unit)}）"
            f"{verb}{figure(abs(computation.result), computation.result_unit)}。", f"计算：{computation.expression}。"]


def _rest(computation: Computation, index: RecordIndex) -> list[str]:
    whole, *left = computation.records
    parts = "、".join(f"{record_name(r)}{figure(r.value, r.unit)}" for r in left)
    return [f"{record_name(whole)}{figure(whole.value, whole.unit)}，除{parts}外，其余合计"
            f"{figure(computation.result, computation.result_unit)}。", f"计算：{computation.expression}。"]


def _sum(computation: Computation, index: RecordIndex) -> list[str]:
    parts = "、".join(f"{record_name(r)}{figure(r.value, r.unit)}" for r in computation.records)
    return [f"{parts}，合计{figure(computation.result, computation.result_unit)}。", f"计算：{computation.expression}。"]


def _composite(computation: Computation, index: RecordIndex) -> list[str]:
    """A whole not printed, added up from the parts the document prints (says so: it is our sum)."""
    parts = "、".join(f"{record_name(r)}{figure(r.value, r.unit)}" for r in computation.records)
    whole = computation.subject
    return [f"公开文件没有直接列出{whole}的合计数；按其组成部分相加：{parts}，"
            f"{whole}合计{figure(computation.result, computation.result_unit)}。", f"计算：{computation.expression}。"]


def _composite_change(computation: Computation, index: RecordIndex) -> list[str]:
    """A whole's change no sentence states, added up from its parts' stated changes (says so)."""
    parts = "，".join(f"{record_name(r)}{'减少' if r.value < 0 else '增加'}{figure(abs(r.value), r.unit)}"
                     for r in computation.records)
    verb = "减少" if computation.result < 0 else "增加"
    year = year_of(computation.records[0], index)
    return [f"公开文件没有直接列出{computation.subject}的增减额；按其组成部分：{parts}，合计{year}年"
            f"{computation.subject}比{computation.period}年{verb}{figure(abs(computation.result), computation.result_unit)}。",
            f"计算：{computation.expression}。"]


def _extreme(computation: Computation, index: RecordIndex) -> list[str]:
    chosen = computation.records[0]
    word = "最多" if computation.operation == "max" else "最少"
    scope = f"{computation.subject}中" if computation.subject else ""
    ordered = sorted(computation.parts, key=lambda r: -r.value)
    listing = "、".join(f"{record_name(r)}{figure(r.value, r.unit)}" for r in ordered[:_LIST_LIMIT])
    return [f"{scope}{word}的是{record_name(chosen)}，{figure(chosen.value, chosen.unit)}。",
            f"各项（共{len(computation.parts)}项）：{listing}。"]


def _list(computation: Computation, index: RecordIndex) -> list[str]:
    parts = computation.parts
    listing = "、".join(f"{record_name(r)}{figure(r.value, r.unit)}" for r in parts[:_LIST_LIMIT])
    if not computation.subject and not computation.records:
        return [f"{listing}。"]  # each of the things the question named ("在职和退休的各有多少人")
    whole = computation.records[0] if computation.records else None
    head = (f"{computation.subject}（{figure(whole.value, whole.unit)}）" if whole is not None
            else computation.subject or "各项")
    more = f"等（共{len(parts)}项）" if len(parts) > _LIST_LIMIT else f"（共{len(parts)}项）"
    return [f"{head}包括：{listing}{more}。"]


def _count_items(computation: Computation, index: RecordIndex) -> list[str]:
    names = "、".join(record_name(r) for r in computation.parts[:_LIST_LIMIT])
    subject = computation.subject or "其中"
    return [f"{subject}共{int(computation.result)}项：{names}。"]
