"""The disclosure's structure (提示):
- "contents": a table the contents (目录) lists that the document does not print;
- "empty_table": a table without a single figure and without the note the templates ask
  for under it ("说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。").
Seen in the district budgets and 决算 of tests/fixtures/real_pdf (目录 with leader dots, tables
with "说明：…故本表无数据" under them) and the national 决算 / 湖南 budget templates of the
development texts (目录 entries "一、收入支出决算总表", a general "空表表示本部门无相关收支" note).
Words are in audit.toml [structure].
"""

from __future__ import annotations

import re
import unicodedata

from ingest.checks.audit_words import structure, wording
from ingest.checks.audit_wording import is_template
from ingest.model import CellRef, Document, Finding, Table, Verdict
from ingest.normalise import tidy_spaces

CONTENTS_WITHIN = 80  # lines from the top where a 目录 can start (after a cover page)
ENTRY_MAX = 45  # longer lines are prose, not a contents entry: the contents has ended
REGION_MAX = 60  # lines after a table heading searched for its note
_LEADERS = re.compile(r"[.…·．\-—_ ]{3,}\s*\d*\s*$|\s+\d{1,3}\s*$")
_AMOUNT = re.compile(r"\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+|(?<![\d.])\d{3,}(?!\s*年|\d)")


def structure_findings(document: Document) -> list[Finding]:
    if is_template(document):
        return []
    return _missing_tables(document) + _empty_tables(document)


def _key(text: str) -> str:
    """A title as compared: NFKC, no spaces, quotes or numbering."""
    text = re.sub(r"[\s“”\"'‘’]", "", unicodedata.normalize("NFKC", text))
    return re.sub(structure()["numbering"], "", text)


# ---------------------------------------------------------------- contents


def contents_entries(lines: list[str]) -> tuple[list[tuple[int, str]], int]:
    """The contents' entries (line number, text without leaders and page numbers) and the line
    after it; ([], 0) without a 目录. An entry wrapped onto a short second line ("…决算" / "表")
    is joined."""
    start = next((i for i, line in enumerate(lines[:CONTENTS_WITHIN])
                  if re.fullmatch(structure()["contents_heading"], line.strip())), None)
    if start is None:
        return [], 0
    entries: list[tuple[int, str]] = []
    seen: set[str] = set()
    end = start + 1
    for index in range(start + 1, len(lines)):
        text = _LEADERS.sub("", lines[index].strip()).strip()
        end = index + 1
        if not text:
            continue
        if len(text) > ENTRY_MAX or _key(text) in seen and entries:
            end = index  # the body starts: prose, or the first heading repeated
            break
        if entries and len(text) <= 2:
            number, previous = entries[-1]
            entries[-1] = (number, previous + text)
            continue
        entries.append((index + 1, text))
        seen.add(_key(text))
    return entries, end


def _missing_tables(document: Document) -> list[Finding]:
    """Tables the contents lists that appear nowhere after it. A document without any table
    (web text whose tables are published as separate files) is not checked."""
    if not document.tables:
        return []
    lines = document.text.split("\n")
    entries, end = contents_entries(lines)
    body = _key("".join(lines[end:]))
    found = []
    for index, (number, entry) in enumerate(entries):
        title = _key(entry)
        if not title.endswith("表") or title in body or _is_group(entries, index):
            continue
        if document.year and _key(re.sub(rf"{document.year}\s*年度?", "", entry)) in body:
            continue  # the table printed under its title without the year
        page = document.page_of(number)
        place = f"第 {page} 页" if page else f"第 {number} 行"
        message = f"目录列有“{entry}”（{place}），正文中却找不到这张表：可能漏印了表格或目录未更新。"
        ref = CellRef("目录", "目录", "", "", None, "", "", entry, number)
        found.append(Finding("contents", Verdict.WARNING, message, f"目录 › {entry}", (ref,), page=page))
    return found


def _is_group(entries: list[tuple[int, str]], index: int) -> bool:
    """An entry heading the tables listed under it ("五、部门预算表" over "1. 2025年部门财务收支预算总表",
    "第二部分 …部门决算表" over "一、收入支出决算总表"): the next entry is numbered another way."""
    if index + 1 >= len(entries):
        return False
    return _numbering_kind(entries[index][1]) != _numbering_kind(entries[index + 1][1])


def _numbering_kind(entry: str) -> str:
    """The numbering with its digits folded: "一、" and "九、" alike, "1." and "12." alike."""
    text = unicodedata.normalize("NFKC", entry.strip())
    found = re.match(structure()["numbering"], text.replace(" ", ""))
    if not found:
        return ""
    return re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"\d+", "1", found.group(0)))


# ---------------------------------------------------------------- empty tables


def _empty_tables(document: Document) -> list[Finding]:
    lines = document.text.split("\n")
    # a table's own notes sit in a section under its title (ingest.sections): they are the table's lines
    notes_of = {tidy_spaces(t.title) for t in document.tables if t.title.strip()}
    starts = sorted({t.line for t in document.tables if t.line}
                    | {s.line for s in document.sections
                       if s.line and (s.path != (s.title,) or s.title not in notes_of)})
    regions = {t.line: _region(lines, t.line, starts) for t in document.tables if t.line}
    note = re.compile(structure()["empty_reason"])
    general = any(structure()["general_note"] in line for number, line in enumerate(lines, 1)
                  if not any(start <= number < start + len(r) for start, r in regions.items()))
    found = []
    for table in document.tables:
        region = regions.get(table.line, [])
        if general or not table.title.strip() or not region or not _is_empty(table, region):
            continue
        if any(note.search(line) for line in _notes(region)) or any(note.search(n) for n in table.notes):
            continue
        page = document.page_of(table.line)
        place = f"第 {page} 页" if page else f"第 {table.line} 行"
        message = (f"{place}“{table.title.strip()}”没有任何数字，表下也没有说明为何为空"
                   f"（如“本部门本年度没有……，故本表无数据”）。")
        ref = CellRef(f"表{table.number}" if table.number else table.title, table.title, "", "", None,
                      table.unit, "", region[0].strip(), table.line)
        found.append(Finding("empty_table", Verdict.WARNING, message, table.title.strip(), (ref,), page=page))
    return found


def _notes(region: list[str]) -> list[str]:
    """The lines under a table heading that can explain it, without the template's guidance
    ("无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：" asks for the
    note, it is none; `ingest.checks.audit_wording` reports it)."""
    guidance = wording()["guidance"]
    return [line for line in region[1:] if not any(mark in line for mark in guidance)]


def _region(lines: list[str], start: int, starts: list[int]) -> list[str]:
    """The lines from a table heading to the next heading or table, at most `REGION_MAX`."""
    after = next((s for s in starts if s > start), len(lines) + 1)
    return lines[start - 1:min(after - 1, start - 1 + REGION_MAX)]


def _is_empty(table: Table, region: list[str]) -> bool:
    """No figure in its rows, nor an amount anywhere in its lines (a table the parser could not
    read is not called empty)."""
    if any(cell.value for row in table.rows for cell in row.cells):
        return False
    return not any(_AMOUNT.search(line) for line in region[1:])
