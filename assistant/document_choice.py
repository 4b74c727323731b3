"""Several disclosures in one home: the names people use for them, and a short reply picking one.

A department is named by what sets it apart from the other ingested
departments ("罗湖" of 深圳市社会保险基金管理局罗湖分局 beside its 福田分局);
a document by that name, its year, or its place in the list a clarify
showed ("第一个", "②").
"""

from __future__ import annotations

import os
import re

from index.types import DocumentInfo
from ingest.numerals import chinese_number

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_ORDINAL = re.compile(r"第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:个|份|项|篇|条)?|^\s*(\d{1,2})\s*$")
_LAST = ("最后一个", "最后一份", "最后那")
_ORG_TAIL = re.compile(r"(分局|管理局|委员会|办公室|局|委|中心|区)$")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)\s*年?")
CHOICE_REPLY_CHARS = 14  # a reply longer than this is a new question, not a pick
# A clarify lists at most this many documents (one circled number each); among more (a city's
# library) it asks for the department and year instead.
MAX_LISTED_CHOICES = len(_CIRCLED)
# Documents named as examples of how to answer such a clarify.
_NAMED_EXAMPLES = 2


def ordered(documents: tuple[DocumentInfo, ...]) -> tuple[DocumentInfo, ...]:
    """The order documents are listed in a clarify: newest year first, then by doc_id."""
    return tuple(sorted(documents, key=lambda d: (-d.year, d.doc_id)))


def short_department(document: DocumentInfo, documents: tuple[DocumentInfo, ...]) -> str:
    """The department without what all ingested departments share: "罗湖分局" (or the full name)."""
    return _short(document, shared_affixes(documents))


def core_name(document: DocumentInfo, documents: tuple[DocumentInfo, ...]) -> str:
    """What sets the department apart from the others: "罗湖"; "" when only one department is ingested."""
    return _core(document, shared_affixes(documents))


def shared_affixes(documents: tuple[DocumentInfo, ...]) -> tuple[str, str] | None:
    """The start and end all ingested departments' names share ("某市社会保险基金管理局", "分局");
    None when fewer than two departments are ingested. Read once per list of documents: a name of
    each of a thousand documents must not go over the thousand again."""
    departments = sorted({d.department for d in documents if d.department})
    if len(departments) < 2:
        return None
    return os.path.commonprefix(departments), os.path.commonprefix([d[::-1] for d in departments])[::-1]


def _short(document: DocumentInfo, affixes: tuple[str, str] | None) -> str:
    name = document.department or document.title
    if affixes is None or not document.department:
        return name
    return name[len(affixes[0]):] or name


def _core(document: DocumentInfo, affixes: tuple[str, str] | None) -> str:
    if affixes is None or not document.department:
        return ""
    core, suffix = _short(document, affixes), affixes[1]
    if suffix and core.endswith(suffix) and len(core) > len(suffix):
        core = core[: -len(suffix)]
    return _ORG_TAIL.sub("", core) or core


def named_departments(question: str, documents: tuple[DocumentInfo, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """Departments the question names by their distinct part, in question order: [("罗湖", doc_ids), …]."""
    found: dict[str, tuple[int, list[str]]] = {}
    affixes = shared_affixes(documents)
    for document in documents:
        core = _core(document, affixes)
        for name in {core, core[:2]} if len(core) > 2 else {core}:
            at = question.find(name) if len(name) >= 2 else -1
            if at >= 0:
                position, docs = found.setdefault(core, (at, []))
                docs.append(document.doc_id)
                break
    return [(name, tuple(docs)) for name, (_, docs) in sorted(found.items(), key=lambda kv: kv[1][0])]


def display_name(document: DocumentInfo, documents: tuple[DocumentInfo, ...]) -> str:
    """"罗湖分局 2022年部门预算"."""
    return _display(document, shared_affixes(documents))


def display_names(documents: tuple[DocumentInfo, ...]) -> dict[str, str]:
    """doc_id → `display_name` of every document (the shared part of their names read once)."""
    affixes = shared_affixes(documents)
    return {d.doc_id: _display(d, affixes) for d in documents}


def _display(document: DocumentInfo, affixes: tuple[str, str] | None) -> str:
    kind = "部门决算" if document.kind == "final" else "部门预算"
    year = f"{document.year}年" if document.year else ""
    return f"{_short(document, affixes)} {year}{kind}"


def clarify_text(choices: tuple[DocumentInfo, ...], documents: tuple[DocumentInfo, ...]) -> str:
    """"您问的是哪一份？① 罗湖分局 2022年部门预算 ② …"; among many, which department and year."""
    if len(choices) > MAX_LISTED_CHOICES:
        departments = len({d.department or d.doc_id for d in choices})
        years = sorted({d.year for d in choices if d.year})
        span = (f"，{years[0]}–{years[-1]}年" if len(years) > 1 else f"，{years[0]}年") if years else ""
        examples = "或".join(f"“{display_name(d, documents)}”" for d in choices[:_NAMED_EXAMPLES])
        return (f"已收录的{len(choices)}份公开文件（{departments}个部门{span}）都可能回答这个问题。"
                f"请说明是哪个部门、哪一年的预算或决算，例如{examples}。")
    marks = [(_CIRCLED[i] if i < len(_CIRCLED) else f"{i + 1}.") for i in range(len(choices))]
    listed = " ".join(f"{mark} {display_name(d, documents)}" for mark, d in zip(marks, choices))
    return f"您问的是哪一份？{listed}。请回复区名、年份或序号（如“第一个”）。"


def choose(reply: str, choices: tuple[DocumentInfo, ...],
           documents: tuple[DocumentInfo, ...]) -> tuple[str, ...]:
    """The choices a short reply to a clarify picks ("罗湖的", "2022年那份", "第一个"); () if it picks none."""
    text = reply.strip()
    if len(text) > CHOICE_REPLY_CHARS:
        return ()
    position = _ordinal(text, len(choices))
    if position:
        return (choices[position - 1].doc_id,)
    picked = list(choices)
    named = [docs for _, docs in named_departments(text, documents)]
    if named:
        picked = [d for d in picked if d.doc_id in named[0]]
    else:
        short = [d for d in picked if short_department(d, documents) in text]
        picked = short or picked
    years = {int(y) for y in _YEAR.findall(text)}
    if years:
        picked = [d for d in picked if d.year in years]
    if len(picked) == len(choices) and not years:
        return ()
    return tuple(d.doc_id for d in picked)


def _ordinal(text: str, count: int) -> int:
    """The 1-based position a reply names ("第二个", "②", "2"), 0 if none or out of range."""
    for i, mark in enumerate(_CIRCLED[:count]):
        if mark in text:
            return i + 1
    if any(word in text for word in _LAST):
        return count
    match = _ORDINAL.search(text)
    if not match:
        return 0
    word = match.group(1) or match.group(2)
    position = chinese_number(word) or int(word)
    return position if 1 <= position <= count else 0
