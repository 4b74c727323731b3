"""Template wording left in a published disclosure (提示), words in audit.toml [wording]:
- guidance sentences of the template kept ("仍保留该表格式，并在本表下方作下述说明："),
  placeholders ("XX局"), "增加（减少）", "主要原因是。", "。。";
- a comparison with the disclosure's own year ("2024年预算……比2024年预算增加");
- wording of another administrative level ("市级预算主管部门" in a 区级部门预算);
- a note calling a table empty ("故本表为空表") under a table that has figures.
A blank template is full of placeholders and guidance by design: it is recognised by its
number of placeholders and not checked for leftovers.
"""

from __future__ import annotations

import re

from ingest.checks.audit_text import place_at
from ingest.checks.audit_words import wording
from ingest.model import CellRef, Document, Finding, Verdict

QUOTE_CHARS = 60  # characters of context either side of a leftover in the quote


def wording_findings(document: Document) -> list[Finding]:
    if is_template(document):
        return []
    lines = document.text.split("\n")
    found = _guidance(document, lines) + _own_year(document, lines) + _level(document, lines)
    return found + _empty_notes(document)


def is_template(document: Document) -> bool:
    """A blank template: placeholders ("XX") all over it."""
    return len(re.findall(wording()["placeholder"], document.text)) >= wording()["template_placeholders"]


def _excerpt(line: str, start: int, end: int) -> str:
    """The sentence around a match, at most `QUOTE_CHARS` either side."""
    left = max(line.rfind("。", 0, start) + 1, start - QUOTE_CHARS, 0)
    stop = line.find("。", end)
    right = min(stop + 1 if stop >= 0 else len(line), end + QUOTE_CHARS)
    return line[left:right].strip()


def _ref(document: Document, number: int, quote: str) -> CellRef:
    ref, title = place_at(document, number)
    return CellRef(ref, title, "", "", None, "", "", quote, number)


def _finding(document: Document, check: str, number: int, quote: str, message: str) -> Finding:
    page = document.page_of(number)
    place = f"第 {page} 页" if page else f"第 {number} 行"
    return Finding(check, Verdict.WARNING, f"{place}：“{quote}”——{message}", place,
                   (_ref(document, number, quote),), page=page)


def _guidance(document: Document, lines: list[str]) -> list[Finding]:
    marks = wording()["guidance"]
    placeholder = re.compile(wording()["placeholder"])
    found = []
    for number, line in enumerate(lines, 1):
        for mark in marks:
            at = line.find(mark)
            if at >= 0:
                found.append(_finding(document, "leftover", number, _excerpt(line, at, at + len(mark)),
                                      f"模板的填报说明或占位“{mark}”留在了公开文本中，应删除或改为实际内容。"))
        for match in placeholder.finditer(line):
            found.append(_finding(document, "leftover", number, _excerpt(line, match.start(), match.end()),
                                  f"模板占位“{match.group(0)}”未替换为实际名称或数字。"))
    return found


def _own_year(document: Document, lines: list[str]) -> list[Finding]:
    """"比2024年预算增加" in the 2024 disclosure: the comparison year must be an earlier one."""
    if not document.year:
        return []
    pattern = re.compile(rf"(?:比|较|与){document.year}年(?:度)?(?:预算|决算|执行数|当年|相比)")
    found = []
    for number, line in enumerate(lines, 1):
        for match in pattern.finditer(line):
            found.append(_finding(document, "leftover", number, _excerpt(line, match.start(), match.end()),
                                  f"本文件是 {document.year} 年的，“{match.group(0)}”却与本年比较，"
                                  f"应为上年（{document.year - 1} 年）。"))
    return found


def _level(document: Document, lines: list[str]) -> list[Finding]:
    """Wording of another level's template, listed once per document with every place."""
    title = re.search(wording()["level_title"], document.title) or re.search(wording()["level_title"], document.text)
    if title is None:
        return []
    own = title.group("level")
    phrase = re.compile(wording()["level_phrase"])
    hits = [(number, line, m) for number, line in enumerate(lines, 1)
            for m in phrase.finditer(line) if m.group("level") != own]
    if not hits:
        return []
    number, line, first = hits[0]
    said = "、".join(dict.fromkeys(m.group(0) for _, _, m in hits))
    pages = sorted({document.page_of(n) for n, _, _ in hits if document.page_of(n)})
    where = f"（第 {'、'.join(map(str, pages))} 页，共 {len(hits)} 处）" if pages else f"（共 {len(hits)} 处）"
    finding = _finding(document, "level_wording", number, _excerpt(line, first.start(), first.end()),
                       f"本文件是{own}级的（“{title.group(0)}”），文中却写“{said}”{where}，"
                       f"应为“{own}级”（沿用了其他层级模板的措辞）。")
    return [finding]


def _empty_notes(document: Document) -> list[Finding]:
    marks = wording()["empty_note"]
    found = []
    for table in document.tables:
        notes = [n for n in table.notes if any(m in n for m in marks)]
        figures = [(row, i, cell) for row in table.rows for i, cell in enumerate(row.cells) if cell.value]
        if not notes or not figures:
            continue
        listed = "、".join(f"{_column(table, i)} {cell.raw}" for _, i, cell in figures[:8])
        line = table.rows[-1].line
        cells = tuple(CellRef(table.ref, table.title, " › ".join(row.path), _column(table, i), cell.value,
                              table.unit, cell.raw, row.quote, row.line) for row, i, cell in figures[:8])
        page = document.page_of(line)
        message = (f"{table.title} 的表注“{notes[0]}”说本表为空，表中却有数字：{listed}"
                   f"{'（' + table.unit + '）' if table.unit else ''}；表注是模板的空表说明，应删除或改正。")
        found.append(Finding("leftover", Verdict.WARNING, message, table.title, cells, page=page))
    return found


def _column(table, index: int) -> str:
    return " › ".join(table.columns[index]) if index < len(table.columns) else f"列{index + 1}"

