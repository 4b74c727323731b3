"""The question-word data file (`question_words.toml`), loaded once."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from index.lexical import cut_words
from ingest.normalise import plain_chinese

WORDS_FILE = Path(__file__).with_name("question_words.toml")


@lru_cache(maxsize=1)
def question_words() -> dict:
    """The parsed data file: operations, counters, narrative shapes, refusals, ownership, parts, totals."""
    with WORDS_FILE.open("rb") as handle:
        return tomllib.load(handle)


def normalise(text: str) -> str:
    """NFKC, no whitespace, no quote marks: the form questions and labels are matched in.

    "“三公”经费" → "三公经费"; "因公出国（境）费" → "因公出国(境)费"; "2021 年" → "2021年";
    traditional characters as simplified and a mirror copy's pinyin notes dropped: "機構(gòu)" → "机构".
    """
    text = plain_chinese(unicodedata.normalize("NFKC", text))
    for mark in "“”\"'‘’「」『』":
        text = text.replace(mark, "")
    return "".join(text.split()).replace("？", "?")


def first_word(text: str, words: list[str]) -> str:
    """The first of `words` found in `text` (list order), or ""."""
    for word in words:
        if word in text:
            return word
    return ""


# How far before a thing an excluding word may stand ("不算上年结转", "不含其中的项目支出").
EXCLUDING_REACH = 3


def left_out(text: str, start: int, end: int | None = None) -> bool:
    """Whether the words at `start` (to `end`) of the question are what it leaves out ("（不含项目支出）",
    "基本支出以外")."""
    coverage = question_words()["coverage"]
    if end is not None and text.startswith(tuple(coverage["excluding_after"]), end):
        return True
    return any(word in text[max(0, start - EXCLUDING_REACH - len(word)):start] for word in coverage["excluding"])


# How far after a whole's first character the word placing a part in it may come ("三公经费里").
_CONTAINER_REACH = 6


def places_part(text: str, start: int) -> bool:
    """Whether the words at `start` are followed by a word placing a part in them ("三公经费里公车的钱",
    "三公经费当中出国费", `[coverage] containers`): that whole says where the asked part sits."""
    at, tokens = 0, cut_words(text)
    for i, token in enumerate(tokens):
        if at > start and token in question_words()["coverage"]["containers"]:
            return i + 1 < len(tokens) and bool(re.match(r"[\u4e00-\u9fff]", tokens[i + 1]))
        if at > start and not re.fullmatch(r"[\u4e00-\u9fff]+", token):
            return False
        at += len(token)
        if at > start + _CONTAINER_REACH:
            return False
    return False


_ASKED_KIND = re.compile(r"哪(?:些|几(?:个|家|所|位|名|类|项|种|条|点)?)([\u4e00-\u9fff]{2,4}?)(?:[的了吗呢是有？?，,。]|$)")


def asked_kind(text: str) -> str:
    """The kind of thing a "哪些…" / "哪几条…" question asks for ("哪几条原则" → 原则), or ""."""
    asked = _ASKED_KIND.search(text)
    return asked.group(1) if asked else ""
