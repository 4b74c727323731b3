"""Year-over-year statements in the narrative against their own amounts.

"3,776 万元，比 2021 年增加 208 万元，增长 6 %": the earlier year is
3,776 − 208 = 3,568, so the rate is 208 / 3,568 = 5.8 %, printed as 6 %: ok.
A rate that does not follow from the amounts is an error; one that is off by
less than one unit in its last printed place (5.8 % printed as 5 %) is rounding.
The statements are the text records (`measure` "amount", "change",
"change_rate") the narrative parser made of each sentence.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ingest.checks.audit_locate import joined, record_ref, to_yuan
from ingest.checks.audit_rates import is_pair_rate
from ingest.checks.audit_words import words
from ingest.checks.values import format_number
from ingest.model import Document, Finding, Record, Verdict


def yoy_findings(document: Document) -> list[Finding]:
    """One finding per rate of change stated in the text."""
    texts = [r for r in document.records if r.source == "text"]
    checked = [_check_rate(rate, texts) for rate in texts if rate.measure == "change_rate"]
    return [finding for finding in checked if finding is not None]


def _partner(rate: Record, records: list[Record], measure: str) -> Record | None:
    """The record of the same statement (same label and section) with this measure,
    preferring the same line: the amount of "社保综合管理 589 万元 … 较 2021 年
    预算增加 187 万元，增长 47%" is stated sentences earlier."""
    same = [r for r in records if r.measure == measure and r.label == rate.label
            and r.section_path == rate.section_path
            and (measure != "change" or r.base_period == rate.base_period)
            and (measure != "amount" or not r.period or r.period == rate.period)]
    same = [r for r in same if r.line <= rate.line] or same
    return min(same, key=lambda r: (abs(rate.line - r.line), -r.line), default=None)


def _check_rate(rate: Record, records: list[Record]) -> Finding | None:
    where = joined(rate.section_path)
    change, amount = _partner(rate, records, "change"), _partner(rate, records, "amount")
    if change is None and is_pair_rate(rate.quote):
        return None  # both years' amounts are stated: `ingest.checks.audit_rates` checks it
    if change is None or amount is None:
        cells = tuple(record_ref(r) for r in (amount, change, rate) if r is not None)
        return Finding("yoy_change", Verdict.WARNING,
                       f"{where}：“{rate.quote}”找不到与增减率 {format_number(rate.value)}% 对应的"
                       f"{'本年金额' if amount is None else '增减额'}，无法核对。", where, cells)
    verdict, message, difference = judge_rate(amount, change, rate)
    for other in _same_statement_amounts(rate, records, amount):
        # "总支出581.45万元,其中本年支出480.71万元,较2020年度决算数减少90.49万元,下降15.8%": two
        # amounts under one label in the statement; the rate is of the one it follows from (s08)
        judged = judge_rate(other, change, rate)
        if verdict == Verdict.ERROR and judged[0] != Verdict.ERROR:
            amount, (verdict, message, difference) = other, judged
    return Finding("yoy_change", verdict, f"{where}：“{rate.quote}”——{message}", where,
                   (record_ref(amount), record_ref(change), record_ref(rate)), difference)


def _same_statement_amounts(rate: Record, records: list[Record], chosen: Record) -> list[Record]:
    """The other amounts of the rate's own sentence under its label and year."""
    return [r for r in records if r is not chosen and r.measure == "amount" and r.label == rate.label
            and r.quote == rate.quote and (not r.period or r.period == rate.period)]


def judge_rate(amount: Record, change: Record, rate: Record) -> tuple[str, str, float | None]:
    """Verdict, Chinese explanation and (stated − computed) percentage points."""
    factor = to_yuan(1, amount.unit) or 1.0
    signed = (to_yuan(change.value, change.unit) or change.value) / factor
    previous = amount.value - signed
    unit, year = amount.unit, change.base_period or "上年"
    said = (f"本年 {format_number(amount.value)} {unit}，比 {year} 年"
            f"{'增加' if signed >= 0 else '减少'} {format_number(abs(signed))} {unit}，"
            f"则 {year} 年为 {format_number(previous)} {unit}")
    stated = rate.value
    if signed == 0:
        ok = stated == 0
        return (Verdict.OK if ok else Verdict.ERROR,
                f"{said}，增减率应为 0%，所述为 {format_number(stated)}%{'，一致' if ok else ''}。",
                stated)
    if stated != 0 and (stated > 0) != (signed > 0):
        return Verdict.ERROR, f"{said}，但所述增减率 {format_number(stated)}% 的方向与增减额相反。", None
    if previous == 0 and stated == words()["zero_base_rate"]:
        return Verdict.OK, f"{said}，上年为零，按惯例写作 {format_number(stated)}%。", None
    if previous <= 0:
        return Verdict.WARNING, f"{said}，上年为零或负数，增减率无从计算。", None
    computed = signed / previous * 100
    places = _places(stated)
    printed = Decimal(str(abs(computed))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    explained = f"{said}，{'增长' if signed > 0 else '下降'}率为 {abs(computed):.2f}%"
    difference = abs(stated) - abs(computed)
    if float(printed) == abs(stated):
        return (Verdict.OK, f"{explained}，四舍五入为 {printed}%，与所述 {format_number(abs(stated))}% 一致。",
                difference)
    if abs(difference) < 10.0 ** -places:
        return (Verdict.ROUNDING, f"{explained}，应为 {printed}%，所述 {format_number(abs(stated))}% "
                            f"属尾数误差。", difference)
    return (Verdict.ERROR, f"{explained}（应为 {printed}%），所述为 {format_number(abs(stated))}%，"
                     f"相差 {abs(difference):.1f} 个百分点。", difference)


def _places(value: float) -> int:
    """Decimals printed in a rate: 6.0 -> 0, 5.8 -> 1."""
    text = format_number(value)
    return len(text.split(".")[1]) if "." in text else 0
