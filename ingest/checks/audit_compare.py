"""Comparing figures that must agree: the sum of one side against the other,
in a common unit, with one unit in the last printed place counted as rounding
and the same number under two different units counted as a unit error."""

from __future__ import annotations

from ingest.checks.audit_locate import to_yuan
from ingest.model import CellRef, Finding, Verdict


def compare_sides(left: list[CellRef], right: list[CellRef]) -> Finding:
    """One comparison: the sum of `left` against the sum of `right`."""
    check, where, cells = _check_name(left + right), left[0].where, tuple(left + right)
    if any(ref.value is None for ref in cells):
        empty = [ref.where for ref in cells if ref.value is None]
        return Finding(check, Verdict.WARNING, f"无法核对：{'、'.join(empty)} 不是数字。", where, cells)
    said = f"{_describe_side(left)} 与 {_describe_side(right)}"
    (left_raw, left_yuan), (right_raw, right_yuan) = _totals(left), _totals(right)
    units = [ref.unit for ref in cells]
    if len(set(units)) > 1 and abs(left_raw - right_raw) < 1e-6:
        odd = [ref for ref in cells if units.count(ref.unit) < len(units) / 2]
        listed = ("、".join(f"{_label(ref)} {ref.raw} {ref.unit}" for ref in odd) + " 与其余各项不同"
                  if odd else " 与 ".join(dict.fromkeys(u or "未注明" for u in units)))
        message = f"单位不一致：{said}数字相同而单位不同（{listed}），其中一处单位标错。"
        return Finding("unit_mismatch", Verdict.ERROR, message, where, cells, None)
    if abs(left_yuan - right_yuan) < 1e-6:
        return Finding(check, Verdict.OK, f"{said}一致。", where, cells, 0.0)
    unit = left[0].unit
    difference = (left_yuan - right_yuan) / (to_yuan(1, unit) or 1)
    text = f"{_number(abs(difference))} {unit}".strip()
    if abs(difference) <= _last_place(list(cells)) + 1e-9:
        return Finding(check, Verdict.ROUNDING, f"{said}相差 {text}，属尾数误差。", where, cells, difference)
    return Finding(check, Verdict.ERROR, f"{said}不一致，相差 {text}。", where, cells, difference)


def _totals(refs: list[CellRef]) -> tuple[float, float]:
    """A side's sum as printed (units ignored) and in 元 (as printed when not money)."""
    raw = sum(ref.value or 0 for ref in refs)
    in_yuan = [to_yuan(ref.value or 0, ref.unit) for ref in refs]
    return raw, (sum(in_yuan) if None not in in_yuan else raw)


def _check_name(refs: list[CellRef]) -> str:
    kinds = {ref.ref.startswith("表") for ref in refs}
    if kinds == {True}:
        return "cross_table"
    return "text_sum" if kinds == {False} else "text_vs_table"


def _describe_side(refs: list[CellRef]) -> str:
    if len(refs) == 1:
        return describe_ref(refs[0])
    total = sum(r.value or 0 for r in refs)
    parts = "、".join(f"{_label(r)} {r.raw}" for r in refs)
    return f"{parts} 之和 {_number(total)} {refs[0].unit}".rstrip()


def describe_ref(ref: CellRef) -> str:
    """ "表4 › 商品和服务支出 › 总计 492 万元" or "第三部分 › （二）公用支出“…公用支出429万元…”"."""
    if ref.ref.startswith("表"):
        return f"{ref.where} {ref.raw} {ref.unit}".rstrip()
    section = ref.title.split(" › ")[-1] if ref.title else ""
    place = ref.ref if section.startswith(ref.ref) else f"{ref.ref} › {section}"
    return f"{place} 所述“{ref.row}”{ref.raw} {ref.unit}（原文：“{ref.quote}”）"


def _label(ref: CellRef) -> str:
    if ref.ref.startswith("表"):
        return f"{ref.ref} {ref.row.split(' › ')[-1]}"
    return ref.row


def _last_place(refs: list[CellRef]) -> float:
    """One unit in the last printed place: 1 for "3,776", 0.01 for "12.34"."""
    decimals = max((len(r.raw.split(".")[1]) for r in refs if "." in r.raw), default=0)
    return 10.0 ** -decimals


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}".rstrip("0")


