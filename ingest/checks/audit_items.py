"""The narrative's list of classification items against itself and the tables.

An item paragraph names its subject by class, 款 and 项 ("“住房保障支出（类）住房改革支出
（款）住房公积金（项）”350.35万元，主要用于……"), as the 预算/决算 templates ask:
- one item, two amounts: the headline amount and "2024年预算安排B万元" of the
  disclosure's own year differ (错误);
- its use ("主要用于") or reason ("主要原因是") describes another item: it names another
  项 of the document and not its own, or starts with its own 款 and goes on with
  another 项 (提示);
- its 款/项 are not what the tables call them: the 项 is a 款 in the tables (提示);
- a table printing codes in split columns ("301 02") prints one part with one digit (提示).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.checks.audit_text import AMOUNT, Paragraph, number, paragraphs, quote_ref
from ingest.checks.audit_words import words
from ingest.checks.values import format_number
from ingest.model import CellRef, Document, Finding, Table, Verdict

_ITEM = re.compile(r"^\s*\d+\s*[.、．]\s*“?(?:([^（）“”]+)（类）)?(?:([^（）“”]+)（款）)?([^（）“”]+)（项）”?"
                   r"(?:科目)?\s*(?:" + AMOUNT + r"\s*万元)?")
MIN_NAME = 4  # shorter 项 names ("其他") occur inside ordinary words
CODE_PART = 2  # digits of a 款 or 项 part printed in its own column ("301 02")


@dataclass(frozen=True)
class Item:
    """One item paragraph: its names, headline amount and where it is."""

    paragraph: Paragraph
    kind: str  # 类
    section: str  # 款
    name: str  # 项
    amount: str  # headline amount in 万元 as printed, "" when none
    head: str  # the text naming the item


def item_of(paragraph: Paragraph) -> Item | None:
    match = _ITEM.match(paragraph.text)
    if match is None:
        return None
    kind, section, name, amount = (g or "" for g in match.groups())
    return Item(paragraph, kind.strip(), section.strip(), name.strip(), amount, match.group(0).strip())


def headline_amount(text: str) -> float | None:
    """The amount an item paragraph opens with, in 万元; None when it is no item or states none."""
    match = _ITEM.match(text)
    return number(match.group(4)) if match and match.group(4) else None


def item_findings(document: Document) -> list[Finding]:
    items = [item for p in paragraphs(document) if (item := item_of(p))]
    names = _item_names(document, items)
    found = []
    for item in items:
        found += _two_amounts(document, item)
        found += _other_item(item, names)
        found += _levels(document, item)
    for table in document.tables:
        found += _code_digits(document, table)
    return found


# ---------------------------------------------------------------- one item, two amounts


def _two_amounts(document: Document, item: Item) -> list[Finding]:
    if not item.amount or not document.year:
        return []
    pattern = re.compile(rf"{document.year}年预算(?:安排|数)?(?:为)?{AMOUNT}万元")
    found = []
    for match in pattern.finditer(item.paragraph.text):
        other = match.group(1)
        if number(other) == number(item.amount):
            continue
        table = _table_amount(document, item)
        agrees = f"（与表中{table}一致）" if table and _same(table, item.amount) else (f"（表中为{table}）" if table else "")
        rate = _which_rate(item.paragraph.text, item.amount, other)
        message = (f"同一科目“{item.name}”给出两个金额：开头 {item.amount} 万元{agrees}，"
                   f"“{match.group(0)}”为 {other} 万元，相差 "
                   f"{format_number(round(abs(number(other) - number(item.amount)), 2))} 万元{rate}。")
        cells = (quote_ref(item.paragraph, item.head, item.amount, "万元"),
                 quote_ref(item.paragraph, match.group(0), other, "万元"))
        found.append(_finding("two_amounts", Verdict.ERROR, item, cells, message))
    return found


def _which_rate(text: str, headline: str, other: str) -> str:
    """Which of the two amounts the stated rate follows from, when a rate is stated."""
    match = re.search(r"(?:执行数|预算数|预算)为?" + AMOUNT + r"万元[^。]*?(?:增加|减少|增长|下降)" + AMOUNT + "%", text)
    if match is None or not number(match.group(1)):
        return ""
    base, stated = number(match.group(1)), match.group(2)
    by_head = abs(number(headline) / base - 1) * 100
    by_other = abs(number(other) / base - 1) * 100
    return (f"；所述 {stated}% 按 {headline} 万元计算为 {by_head:.2f}%，按 {other} 万元为 {by_other:.2f}%")


def _table_amount(document: Document, item: Item) -> str:
    """The item's amount in a table ("2210201 住房公积金 3,503,499 元"), or ""."""
    for table in document.tables:
        for row in table.rows:
            if row.label == item.name and len(row.path) >= 2 and row.path[-2] == item.section and row.cells:
                cell = row.cells[0]
                return f"{row.code} {row.label} {cell.raw} {table.unit}".strip() if cell.value is not None else ""
    return ""


def _same(table_text: str, amount: str) -> bool:
    raw, unit = table_text.split(" ")[-2:]
    value = number(raw) if re.fullmatch(r"[\d,.]+", raw) else None
    if value is None:
        return False
    in_wan = value / 10000 if unit == "元" else value
    return abs(in_wan - number(amount)) < 0.005 + 1e-9


# ---------------------------------------------------------------- another item's words


def _item_names(document: Document, items: list[Item]) -> set[str]:
    """Every 项 the document names: in its item list and its tables' 7-digit rows."""
    names = {item.name for item in items}
    names |= {row.label for table in document.tables for row in table.rows if len(row.code) == 7}
    return {name for name in names if len(name) >= MIN_NAME}


def _clause(text: str, marks: list[str]) -> str:
    pattern = "|".join(map(re.escape, marks))
    match = re.search(r"(?:" + pattern + r")[：:]?([^。]*)", text)
    return match.group(1).strip() if match else ""


def _other_item(item: Item, names: set[str]) -> list[Finding]:
    w = words()
    text = item.paragraph.text[len(item.head):]
    for what, clause in (("用途", _clause(text, w["use"])), ("原因", _clause(text, w["reason"]))):
        if not clause or item.name in clause:
            continue
        others = [n for n in names if n != item.name and n in clause and n not in item.name
                  and n not in item.section and n not in item.kind]
        rest = clause[len(item.section):] if item.section and clause.startswith(item.section) else ""
        if others or rest:
            named = f"另一科目“{max(others, key=len)}”" if others else f"“{item.section}”下的“{re.split(r'[，、；,]', rest)[0]}”"
            message = (f"科目“{item.section}（款）{item.name}（项）”的{what}写作“{clause}”，"
                       f"说的是{named}，与本科目名称“{item.name}”不符。")
            return [_finding("name_code", Verdict.WARNING, item,
                             (quote_ref(item.paragraph, item.paragraph.text, item.amount, "万元" if item.amount else ""),),
                             message)]
    return []


# ---------------------------------------------------------------- levels against the tables


def _levels(document: Document, item: Item) -> list[Finding]:
    if not item.section:
        return []
    coded = [(t, r) for t in document.tables for r in t.rows if r.code]
    if not coded or any(r.label == item.name and len(r.code) == 7 and r.path[-2:-1] == (item.section,)
                        for _, r in coded):
        return []
    as_section = next(((t, r) for t, r in coded if r.label == item.name and len(r.code) == 5), None)
    if as_section is None:
        return []
    table, row = as_section
    children = [r for r in table.rows if len(r.code) == 7 and r.code.startswith(row.code)]
    listed = "、".join(f"{r.label}（项，{r.code}）{r.cells[0].raw if r.cells else ''}" for r in children)
    message = (f"“{item.kind}（类）{item.section}（款）{item.name}（项）”与表中科目层级不符："
               f"表中“{item.name}”是款（{row.code}），属“{row.path[0]}”类"
               + (f"，其下为 {listed} {table.unit}" if listed else "") + "。")
    cells = (quote_ref(item.paragraph, item.head, item.amount, "万元" if item.amount else ""),) + tuple(
        CellRef(table.ref, table.title, " › ".join(r.path), "", r.cells[0].value if r.cells else None,
                table.unit, r.cells[0].raw if r.cells else "", r.quote, r.line) for r in [row, *children])
    return [_finding("name_code", Verdict.WARNING, item, cells, message)]


# ---------------------------------------------------------------- codes printed in split columns


def _code_digits(document: Document, table: Table) -> list[Finding]:
    odd = []
    for row in table.rows:
        tokens = row.quote.split()
        parts = []
        for token in tokens:
            if not token.isdigit() or len(parts) == 3:
                break
            parts.append(token)
        padded = parts[:1] + [p.zfill(CODE_PART) for p in parts[1:]]
        if (len(parts) >= 2 and len(parts[0]) == 3 and any(len(p) != CODE_PART for p in parts[1:])
                and row.code == "".join(padded)):  # the parts are the row's code, not its figures
            odd.append((row, parts))
    if not odd:
        return []
    listed = "；".join(f"“{' '.join(parts)} {row.label}”应为“{parts[0]} "
                       f"{' '.join(p.zfill(CODE_PART) for p in parts[1:])}”" for row, parts in odd)
    cells = tuple(CellRef(table.ref, table.title, " › ".join(row.path), "", None, "", " ".join(parts),
                          row.quote, row.line) for row, parts in odd)
    page = document.page_of(odd[0][0].line)
    message = f"{table.title}：编码各级应为两位，{listed}。"
    return [Finding("name_code", Verdict.WARNING, message, table.title, cells, page=page)]


def _finding(check: str, verdict: Verdict, item: Item, cells: tuple, message: str) -> Finding:
    paragraph = item.paragraph
    return Finding(check, verdict, f"{paragraph.where}：“{paragraph.text}”——{message}",
                   paragraph.where, cells, page=paragraph.page)
