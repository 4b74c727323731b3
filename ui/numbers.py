"""How figures are printed on the page: as the disclosure prints them ("3,776", "0.5")."""

from __future__ import annotations


def format_number(value: float) -> str:
    """3776.0 -> "3,776"; 6.5 -> "6.5"; -299.0 -> "-299"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_amount(value: float, unit: str) -> str:
    """A figure with its unit: "3,776 万元", "2 辆", "6%"."""
    if not unit:
        return format_number(value)
    separator = "" if unit == "%" else " "
    return f"{format_number(value)}{separator}{unit}"
