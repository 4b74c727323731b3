"""The compiled settings of figures.toml: what makes a number a figure (its unit and kind), a change,
a comparison, a share, a relation or a target."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.statements.figure_labels import figure_settings

# A printed number: thousands separators, decimals; never the tail of a longer number.
NUMBER = r"(?<![\d.])(?<!\d,)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


# What may follow a unit that counts only at the end of a clause: punctuation, a space, the end.
_CLAUSE_END = r"(?=[，,。；;、：:）)\s]|$)"


@dataclass(frozen=True)
class FigurePatterns:
    """figures.toml compiled once."""

    figure: re.Pattern[str]
    kinds: dict[str, str]
    per_unit: re.Pattern[str]
    canonical: dict[str, str]
    change: re.Pattern[str]
    decrease: frozenset[str]
    comparison: re.Pattern[str]
    level_off: re.Pattern[str]
    against_budget: re.Pattern[str]
    below_budget: frozenset[str]
    comparison_end: re.Pattern[str]
    share: re.Pattern[str]
    relation: re.Pattern[str]
    relative: frozenset[str]
    item_total: frozenset[str]
    purpose: re.Pattern[str]
    before: dict[str, str]
    after: dict[str, str]
    target_header: re.Pattern[str]
    equals_before: tuple[str, ...]


@cache
def figure_patterns() -> FigurePatterns:
    data = figure_settings()
    units = data["units"]
    kinds = {u: "money" for u in units["money"]} | {u: "percent" for u in units["percent"]}
    kinds |= {u: "count" for u in units["counts"]}
    unit_alternation = "|".join(re.escape(u) for u in sorted(kinds, key=len, reverse=True))
    clause_end = [u for u in units.get("money_at_clause_end", []) if u not in kinds]
    kinds |= {u: "money" for u in clause_end}
    unit_alternation += "".join(f"|{re.escape(u)}{_CLAUSE_END}" for u in clause_end)
    counts = "|".join(re.escape(u) for u in sorted(units["counts"], key=len, reverse=True))
    approximate = f"(?:[{''.join(units['approximate'])}](?=(?:{counts})))?"
    change = data["change"]
    verbs = sorted(change["increase"] + change["decrease"], key=len, reverse=True)
    comparison = change["comparison"]
    before = data["qualifier"]["before"]
    return FigurePatterns(
        figure=re.compile(rf"{NUMBER}{approximate}({unit_alternation})"),
        kinds=kinds,
        per_unit=re.compile(rf"/(?:{'|'.join(sorted(units['per'], key=len, reverse=True))})"),
        canonical=dict(units.get("canonical", {})),
        change=re.compile(rf"({'|'.join(verbs)}){change['filler']}$"),
        decrease=frozenset(change["decrease"]),
        comparison=re.compile(comparison),
        level_off=re.compile(change["level_off"]),
        against_budget=re.compile(change["against_budget"]),
        below_budget=frozenset(change["below_budget"]),
        # "比上年 2665.56 万元增加…", "比2023年的40,616,051.67万元,增加…"
        comparison_end=re.compile(rf"{comparison}的?$"),
        share=re.compile(rf"({'|'.join(data['share']['words'])})"),
        relation=re.compile(rf"^({'|'.join(data['relation']['words'])})"),
        relative=frozenset(data["relation"]["relative"]),
        item_total=frozenset(data["relation"]["item_total"]),
        purpose=re.compile(rf"^(?:{'|'.join(data['relation']['purpose'])})([^，,。；;：:\s]{{2,40}})"),
        before=before,
        after=data["qualifier"]["after"],
        target_header=re.compile(data["targets"]["header"]),
        equals_before=tuple(data["targets"]["equals_before"]),
    )


def unit_kind(unit: str) -> str:
    """"money", "percent", "count", or "rate" for an amount per unit ("万元/人"): neither a part of a
    sum nor the subject of the figures after it."""
    return figure_patterns().kinds.get(unit, "rate")
