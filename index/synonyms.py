"""Budget-domain synonyms: colloquial words → the terms disclosures print.

The data lives in `synonyms.toml` beside this module so a budget expert can
edit it. Retrieval uses it to expand questions ("公车" → "公务用车") and to
teach jieba the budget vocabulary; question understanding may use it too.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

SYNONYMS_FILE = Path(__file__).with_name("synonyms.toml")


@lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    with SYNONYMS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    terms = data.get("terms", {})
    # Longest keys first so "三公经费" is seen before "三公".
    return tuple(sorted(((key, tuple(values)) for key, values in terms.items()),
                        key=lambda item: -len(item[0])))


def load_synonyms() -> dict[str, list[str]]:
    """The synonym table: colloquial/alias term → canonical budget terms."""
    return {key: list(values) for key, values in _synonyms()}


def expand_terms(text: str) -> list[str]:
    """Canonical budget terms implied by words in `text`, in first-seen order.

    "公车有几辆？" gives ["公务用车", "车辆", …]. The longest key wins where keys
    overlap ("三公经费" hides "三公"); terms already printed in `text` are not repeated.
    """
    found: list[str] = []
    rest = text
    for key, values in _synonyms():
        if key in rest:
            rest = rest.replace(key, "\u0000")
            found.extend(v for v in values if v not in found and v not in text and not _spelt_before(v, found))
    return found


# Two template spellings of one term ("公务用车购置及运行维护费", "公务用车购置及运行费") are one term to a
# search: the second would weigh its words twice. A term sharing this share of its character pairs
# with an earlier one is the same term.
_SAME_TERM_SHARE = 0.7


def _spelt_before(term: str, found: list[str]) -> bool:
    """Whether an earlier term is this one spelt otherwise (a shorter, more general term is not)."""
    pairs = _pairs(term)
    return bool(pairs) and any(
        len(pairs & _pairs(other)) >= _SAME_TERM_SHARE * max(len(pairs), len(_pairs(other))) for other in found)


def _pairs(term: str) -> set[str]:
    return {term[i:i + 2] for i in range(len(term) - 1)}


def vocabulary() -> list[str]:
    """Every key and canonical term, for the tokeniser's dictionary."""
    words: set[str] = set()
    for key, values in _synonyms():
        words.add(key)
        words.update(values)
    return sorted(words)
