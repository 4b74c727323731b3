"""Comparing a stated figure with a computed one: tolerance, verdict, number formatting."""

from __future__ import annotations

from ingest.model import Cell, Finding, Verdict

EPSILON = 1e-6
# Amounts in 元 are the budget's own booking figures, not rounded from a finer unit: a sum
# off by 1 元 is an error (a reviewer of the 2025 district budget in tests/fixtures/real_pdf
# lists one). Figures in 万元 are rounded from 元, so their sums may be off in the last place.
EXACT_UNITS = ("元",)


def decimals(cells: list[Cell]) -> int:
    """Most decimals printed among the cells ("34.35" -> 2)."""
    places = [len(c.raw.split(".")[-1].rstrip("%件次人个 ")) if "." in c.raw else 0 for c in cells]
    return max(places, default=0)


def format_number(value: float | None) -> str:
    """3776.0 -> "3,776"; 34.35 -> "34.35"."""
    if value is None:
        return "（无）"
    if abs(value - round(value)) < EPSILON:
        return f"{round(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def compare(name: str, expected: float, actual: float, places: int, message: str, *,
            table_no: int = 0, row: str = "", column: str = "", relation: str = "equal",
            unit_name: str = "") -> Finding:
    """A parse finding of `expected` against `actual`; one unit in the last printed place is
    rounding, except for figures in a unit of `EXACT_UNITS` (`unit_name`)."""
    difference = expected - actual
    if relation == "at_least":
        difference = min(difference, 0.0)
    unit = 0.0 if unit_name in EXACT_UNITS and places == 0 else 10 ** -places
    if abs(difference) < EPSILON:
        verdict, outcome = Verdict.OK, "一致"
    elif abs(difference) <= unit + EPSILON:
        verdict, outcome = Verdict.ROUNDING, f"相差 {format_number(abs(difference))}，可能是尾数误差"
    else:
        verdict, outcome = Verdict.ERROR, f"相差 {format_number(abs(difference))}"
    where = " › ".join(part for part in (f"表{table_no}" if table_no else "", row, column) if part)
    return Finding(check=name, verdict=verdict, message=f"{message}：{outcome}", where=where,
                   difference=expected - actual, source="parse", table_no=table_no, row=row,
                   column=column, expected=expected, actual=actual)
