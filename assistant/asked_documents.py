"""Which ingested document a question is about: department mentions, years, budget or final accounts.

A department mention is a run of name words ending with an organisation word
("罗湖社保分局", "市卫健委"). It matches an ingested department when every
character of it (after expanding abbreviations such as 社保 → 社会保险) is in
the department's full name, so "罗湖社保分局" and "罗湖分局" find
"深圳市社会保险基金管理局罗湖分局" while "福田社保分局" does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.question_words import question_words
from index.lexical import cut_words
from index.types import DocumentInfo


_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)(?!\d)\s*年?")  # not the start of a code (2080505)
_BASE_YEAR = re.compile(r"(?:比|较|相比|对比|与|跟|和)(20\d\d)(?!\d)年?")
_STOP_TOKENS = {"我", "想", "了解", "知道", "问", "请", "一下", "今年", "去年", "明年", "的", "和",
                "与", "跟", "及", "在", "是", "有", "那", "这", "个", "给", "对", "关于", "年", "查",
                "看", "说", "你们",
                # a time of the year or a share's verb before a unit's kind ("2020年底学校", "收入占学校总收入",
                # fG1 of the fourth fresh batch): no part of a name
                "年底", "年末", "年初", "底", "末", "占", "比", "较"}


@dataclass(frozen=True)
class AskedDocuments:
    """What the question says about documents.

    :ivar doc_ids: the documents it may be about (all candidates when it does not say).
    :ivar unknown_department: a department named in the question that is not ingested, e.g. "福田社保分局".
    :ivar years: years printed in the question (not those after 比/较, which are comparison bases).
    :ivar base_year: the year after 比/较 ("比2021年增加多少" → 2021); 0 if none.
    """

    doc_ids: tuple[str, ...]
    unknown_department: str = ""
    years: tuple[int, ...] = ()
    base_year: int = 0


def department_mentions(question: str) -> list[str]:
    """Department names in the question: runs of name tokens ending with an organisation word."""
    suffixes = question_words()["refusal"]["org_suffixes"]
    stop = _STOP_TOKENS | set(question_words()["refusal"]["mention_prefixes"])
    mentions: list[str] = []
    run: list[str] = []
    for token in cut_words(question) + ["。"]:
        is_name = bool(re.fullmatch(r"[\u4e00-\u9fff]+", token)) and token not in stop
        if is_name:
            run.append(token)
            continue
        mentions.extend(_mention_in_run(run, suffixes))
        run = []
    return mentions


def _mention_in_run(run: list[str], suffixes: list[str]) -> list[str]:
    """The longest prefix of `run` ending with an organisation word, if it has a name before it."""
    short = question_words()["refusal"]["org_short_patterns"]
    for end in range(len(run), 0, -1):
        text = "".join(run[:end])
        suffix = next((s for s in suffixes if text.endswith(s)), "")
        if not suffix:  # "某县六中": a numbered school said short
            found = next((m for p in short if (m := re.search(f"(?:{p})$", text))), None)
            suffix = found.group(0) if found else ""
        if suffix and len(text) > len(suffix) + 1:
            return [text]
    return []


def mention_matches(mention: str, department: str) -> bool:
    """Whether every character of `mention` (abbreviations expanded) is in `department`."""
    if not department:
        return False
    expanded = mention
    for short, full in question_words()["refusal"]["abbreviations"].items():
        expanded = expanded.replace(short, full)
    if department.endswith(tuple(question_words()["refusal"]["sector_names"])):
        office = next((s for s in question_words()["refusal"]["org_suffixes"] if expanded.endswith(s)), "")
        expanded = expanded[: len(expanded) - len(office)] if len(expanded) - len(office) >= 2 else expanded
    return all(ch in department for ch in expanded)


# A unit's kind after a count word ("几所完全小学", "多少个中心") names no unit of its own.
_COUNTED_KIND = re.compile(r"^(?:几|多少)(?:所|个|家|座|间)")


# The shortest tail of a named unit that, printed in a document with no department name, says the
# document is that unit's ("XX中心" of "XX省XX中心" in "…单位构成为省XX中心本级", fH1 of the fourth
# fresh batch): long enough not to be a kind of unit alone ("医院", "中心").
MIN_SELF_NAME = 4


def asked_documents(question: str, documents: tuple[DocumentInfo, ...],
                    fixed: tuple[str, ...] = (), says: Callable[[str, str], bool] | None = None) -> AskedDocuments:
    """The documents `question` is about, and what it names that is not ingested. `says(doc_id, words)`
    tells whether a document's text prints the words (for documents that print no department name)."""
    base = _BASE_YEAR.search(question)
    base_year = int(base.group(1)) if base else 0
    years = tuple(int(y) for y in _YEAR.findall(question) if int(y) != base_year)
    candidates = [d for d in documents if not fixed or d.doc_id in fixed]
    unknown = ""
    for mention in department_mentions(question):
        if _COUNTED_KIND.match(mention):
            continue  # "有几所完全小学": a kind of unit counted, not a unit named
        matching = [d for d in candidates if mention_matches(mention, d.department)]
        # a document printing no department name ("我中心…", fH1 of the fourth fresh batch) is the unit
        # named when its text prints the name's tail ("省XX中心本级")
        unnamed = [d for d in candidates if not d.department and says is not None and any(
            says(d.doc_id, mention[i:]) for i in range(0, len(mention) - MIN_SELF_NAME + 1))]
        if matching:
            candidates = matching
        elif unnamed:
            candidates = unnamed
        elif not any(mention_matches(mention, d.department) for d in documents):
            unknown = mention
    doc_years = {d.year for d in candidates}
    wanted = [y for y in years if y in doc_years]
    if wanted:
        candidates = [d for d in candidates if d.year in wanted]
    return AskedDocuments(tuple(d.doc_id for d in candidates), unknown, years, base_year)
