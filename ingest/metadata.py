"""Department, year, budget or final accounts, money unit, title and doc_id of a disclosure.

Read from the text (table headers "部门名称：…", title lines, opening sentences),
falling back to the file name. Patterns live in `metadata.toml`.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

from ingest.model import Document, Layout, Section, Table
from ingest.normalise import tidy_spaces
from ingest.units import MONEY_UNITS

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ASCII_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9]*")


@cache
def _settings() -> dict:
    with open(Path(__file__).with_name("metadata.toml"), "rb") as handle:
        return tomllib.load(handle)


def find_metadata(layout: Layout, sections, tables, source_name: str,  # noqa: ANN001
                  doc_id: str | None = None) -> Document:
    """Who, which year, budget or final, money unit, title and id of a parsed disclosure:
    a `Document` with only these (and `source_name`) filled in, its parts still empty."""
    lines = [line for line in layout.lines if line.strip()]
    tidy = [tidy_spaces(line) for line in lines]
    page_field = re.compile(_settings()["kind"]["page_field"])
    heads = [line for line in tidy if len(_CJK.findall(line)) >= 2 and not page_field.match(line)
             and not _is_table_row(line)][:5]
    department = find_department(lines, tidy, list(sections))
    year = find_year(tidy, source_name)
    kind = find_kind(heads + [source_name], tidy)
    unit = find_unit(tidy, list(tables))
    title = _title(department, year, kind, heads, source_name)
    return Document(doc_id=doc_id or make_doc_id(source_name, year), title=title,
                    department=department, year=year, kind=kind, unit=unit,
                    source_name=source_name, sha256="", level=find_level(tidy, department),
                    region=find_region(department))


def find_department(lines: list[str], tidy: list[str], sections: list[Section]) -> str:
    """The department's name as the text prints it: declared in table headers, a form's
    实施单位/主管部门 field, a page's 来源 line, a title line, a part title ("第一部分X概况"),
    a closing signature, or an opening sentence; "" if the text never names it."""
    data = _settings()["department"]
    rejected = re.compile(data["rejected"])
    declared = Counter(_unglued(data, m.group("name")) for line in lines
                       for m in re.finditer(data["declared"], line))
    for name, _ in declared.most_common():
        if not rejected.match(name):
            return name
    for finder in (_form_field, _code_row, _source_line, _title_line, _signature, _opening_sentence,
                   _publisher):
        name = finder(data, lines if finder in (_form_field, _code_row) else tidy, sections)
        name = _unglued(data, name)
        if name and not rejected.match(name):
            return name
    return ""


def _unglued(data: dict, name: str) -> str:
    """"安义县长均乡中心学校部门" → "安义县长均乡中心学校": the word 部门 printed after a name."""
    return re.sub(data["glued"], "", name) if name else name


def _code_row(data: dict, lines: list[str], sections: list[Section]) -> str:
    for line in lines[:80]:
        for match in re.finditer(data["code_row"], line):
            if not match.group("name").endswith("部门"):
                return match.group("name")
    return ""


def _publisher(data: dict, tidy: list[str], sections: list[Section]) -> str:
    for line in tidy[:12]:
        match = re.search(data["publisher"], line)
        if match:
            return match.group("name")
    return ""


def _is_table_row(line: str) -> bool:
    """A flattened table's row ("项目 | 2022年预算数 | 2023年预算数 | …", fC3 of the second fresh batch):
    three or more cells; its header's years are no title's (a "标题:|…|" field has two)."""
    return sum(1 for cell in line.split("|") if cell.strip()) >= 3


def _title_lines(tidy: list[str], count: int = 8) -> list[str]:
    """The first lines as possible titles, a web page's "标题:" field name dropped, then the
    same lines joined where a title is broken over them (`_joined_titles`)."""
    data = _settings()["title"]
    bare = [re.sub(data["field"], "", line).replace("|", "").strip() for line in tidy[:count]
            if not _is_table_row(line)]
    return bare + _joined_titles(data, bare)


def _joined_titles(data: dict, bare: list[str]) -> list[str]:
    """A title broken over lines, joined: a year line without 预算/决算 with the name line before
    it and the line after it ("中共上海市普陀区委" / "社会工作部 2024 年度" / "部门决算"); a line of
    only the year and the kind with the name line before it ("上海市 XX 局" / "2024 年度部门决算")."""
    joined = []
    for i, line in enumerate(bare):
        year = re.search(data["year"], line)
        if not year:
            continue
        before = bare[i - 1] if i and re.fullmatch(data["name_line"], bare[i - 1]) else ""
        if not re.search(data["kind_words"], line):
            joined.append(before + line + (bare[i + 1] if i + 1 < len(bare) else ""))
        elif year.start() == 0 and before and re.match(data["kind_only"], line[year.end():]):
            joined.append(before + line)
        elif before and re.fullmatch(data["unit_line"], before) and re.match(data["unit_year_line"], line):
            joined.append(before + line + (bare[i + 1] if i + 1 < len(bare) else ""))
    return joined


def _form_field(data: dict, lines: list[str], sections: list[Section]) -> str:
    # the raw lines: a space is what ends the name in a table flattened to single spaces
    text = "\n".join(lines[:80])
    for pattern in data["form_fields"]:
        match = re.search(pattern, text)
        if match:
            return match.group("name")
    return ""


def _source_line(data: dict, tidy: list[str], sections: list[Section]) -> str:
    for line in tidy[:8]:
        match = re.search(data["source"], line)
        if match:
            return match.group("name")
    return ""


def _title_line(data: dict, tidy: list[str], sections: list[Section]) -> str:
    rejected = re.compile(data["rejected"])
    for pattern in data["titles"] + data["parts"]:
        for line in _title_lines(tidy):
            match = re.search(pattern, line)
            if match and not rejected.match(match.group("name")):
                return (match.groupdict().get("region") or "") + match.group("name")
    return ""


def _signature(data: dict, tidy: list[str], sections: list[Section]) -> str:
    for line, following in zip(tidy, tidy[1:]):
        match = re.match(data["signature"], line)
        if match and re.match(data["signature_date"], following):
            return match.group("name")
    return ""


def _opening_sentence(data: dict, tidy: list[str], sections: list[Section]) -> str:
    rejected = re.compile(data["rejected"])
    paragraphs = [p for section in sections for p in section.paragraphs][:20]
    for pattern in data["sentences"]:
        for text in paragraphs + tidy[:40]:
            match = re.search(pattern, text)
            if match and not rejected.match(match.group("name")):
                return match.group("name")
    return ""


def find_year(tidy: list[str], source_name: str) -> int:
    """The year the disclosure is for: the title line's, else "2022年部门预算" stated, else the
    most frequent year, else the file name's. A year the text compares with ("比2023年预算增加",
    "较2020年度决算数", "2020年无此项预算") is never the disclosure's."""
    data = _settings()["year"]
    numbers = re.compile(data["not_title"])
    for line in _title_lines(tidy):
        match = re.search(data["title"], line)
        if match and len(line) <= 60 and not numbers.search(line):
            return int(match.group(1))
    before, after = re.compile(data["compared_before"]), re.compile(data["compared_after"])

    def years(pattern: str | re.Pattern) -> Counter:
        return Counter(m.group(1) for line in tidy for m in re.finditer(pattern, line)
                       if not before.search(line[max(0, m.start(1) - 4):m.start(1)])
                       and not after.match(line[m.end(1):]))

    stated = years(data["stated"])
    if stated:
        return int(stated.most_common(1)[0][0])
    mentioned = years(_YEAR)
    if mentioned:
        return int(mentioned.most_common(1)[0][0])
    in_name = _FILE_YEAR.search(source_name)
    return int(in_name.group(1)) if in_name else 0


def find_kind(heads: list[str], tidy: list[str]) -> str:
    """"final" (决算) or "budget" (预算), from the title lines, else from how often each is named."""
    data = _settings()["kind"]
    for line in heads:
        # "按照《预算法》、《地方预决算公开操作规程》…,现将2022年部门预算公开如下" (fC1 of the second fresh
        # batch): the laws a sentence names say nothing of the kind, and a sentence is no title line
        # ("根据国务院关于推进政府预算信息公开的决策部署…", fD2)
        line = _without_both(data, re.sub(data["named_work"], "", line))[:60]
        if re.search(data["sentence"], line):
            continue
        for word in data["not_budget"]:
            line = line.replace(word, "")
        if any(word in line for word in data["final"]):
            return "final"
        if any(word in line for word in data["budget"]):
            return "budget"
    text = _without_both(data, re.sub(data["named_work"], "", "\n".join(tidy)))
    finals = sum(text.count(word) for word in data["final"])
    budgets = (sum(text.count(word) for word in data["budget"])
               - sum(text.count(word) for word in data["not_budget"]))
    # a budget may mention last year's 决算 in passing; final accounts keep naming it
    return "final" if finals and finals * 3 >= budgets else "budget"


def _without_both(data: dict, text: str) -> str:
    for word in data["both"]:
        text = text.replace(word, "")
    return text


def find_level(tidy: list[str], department: str) -> str:
    """"部门" or "单位": what the title or the template's headings call the disclosure
    ("2022年部门预算", "第二部分2024年度单位决算情况说明", "单位概况", "预算单位：…"), else how its
    sentences name it ("本单位…", "本部门…"); "" when the text does not say."""
    data, title = _settings()["level"], _settings()["title"]
    text = "\n".join(tidy)
    short = [line for line in tidy if len(line) <= 60 and not re.search(data["amount"], line)]
    cover = [re.sub(title["field"], "", line).replace("|", "").strip() for line in tidy[:8]]
    titles = "\n".join(short + _joined_titles(title, cover))
    for rule, where in (("titled", titles), ("headed", text)):
        counts = {level: len(re.findall(data[rule][level], where)) for level in ("部门", "单位")}
        if counts["部门"] != counts["单位"]:
            return max(counts, key=counts.get)
    if department.endswith("部门"):
        return "部门"
    counts = {level: len(re.findall(data["sentences"][level], text)) for level in ("部门", "单位")}
    if counts["部门"] != counts["单位"]:
        return max(counts, key=counts.get)
    return ""


def find_region(department: str) -> str:
    """The place printed before the department's name: "上海市普陀区人民政府万里街道办事处" →
    "上海市普陀区", "桂林市司法局" → "桂林市"; a town only when no county or city is printed
    ("官仓镇"); "" for a name without one ("教育部", "淄博理工学校")."""
    data = _settings()["region"]
    name = re.sub(data["party"], "", department)
    second = re.search(data["second_name"], name)
    for part in (name, second.group(1) if second else ""):
        match = re.match(data["places"], part)
        if match and match.group(0):
            return match.group(0)
    match = re.match(data["town"], name)
    return match.group(0) if match else ""


def find_unit(tidy: list[str], tables: list[Table]) -> str:
    """The money unit stated most ("单位：万元"), else the tables', else the one used inline."""
    data = _settings()["unit"]
    declared = Counter(m.group(1) for line in tidy for m in re.finditer(data["declared"], line))
    declared.update(table.unit for table in tables if table.unit in MONEY_UNITS)
    if declared:
        return declared.most_common(1)[0][0]
    inline = Counter(m.group(1) for line in tidy for m in re.finditer(data["inline"], line))
    return inline.most_common(1)[0][0] if inline else ""


def make_doc_id(source_name: str, year: int) -> str:
    """A short id: the file name's first ASCII word plus the year ("luohu-2022"),
    else a stable slug from a hash of the name ("doc-2021-3fa4c2")."""
    stem = Path(source_name).stem
    word = _ASCII_WORD.match(stem)
    if word and year:
        return f"{word.group(0).lower()}-{year}"
    digest = hashlib.sha1(source_name.encode("utf-8")).hexdigest()[:6]
    prefix = word.group(0).lower() if word else _settings()["doc_id"]["prefix"]
    return f"{prefix}-{year}-{digest}" if year else f"{prefix}-{digest}"


def _title(department: str, year: int, kind: str, heads: list[str], source_name: str) -> str:
    """The title line as printed, else one made of department, year and kind."""
    printed = _printed_title(heads)
    if printed:
        return printed
    kind_word = "决算" if kind == "final" else "预算"
    if department and year:
        return f"{department}{year}年部门{kind_word}"
    if year:
        return f"{year}年度{kind_word}（未注明单位）"
    return Path(source_name).stem


def _printed_title(heads: list[str]) -> str:
    data = _settings()["title"]
    for i, line in enumerate(heads):
        line = re.sub(data["field"], "", line.strip())  # "标题:XX局2024年度决算公开说明" (a web page's field)
        line = re.sub(data["file_tail"], "", line.replace("|", "").strip()).strip()
        if (len(line) <= 60 and re.search(data["printed"], line)
                and not re.match(data["numbered"], line) and not re.search(data["figure_sentence"], line)):
            return _broken_title(heads, i, line)
    return ""


def _broken_title(heads: list[str], i: int, line: str) -> str:
    """The title line with the unit's name printed alone before it and the rest of the title after it:
    "XX区人民法院" / "2017年度一般公共预算财政拨款" / "“三公”经费决算情况说明" (fN3 of the seventh fresh batch)."""
    data = _settings()["title"]
    before, after = (heads[i - 1].strip() if i else ""), (heads[i + 1].strip() if i + 1 < len(heads) else "")
    if not (re.fullmatch(data["unit_line"], before) and re.match(data["unit_year_line"], line)):
        return line
    rest = after if re.fullmatch(data["broken_tail"], after) and not re.match(data["numbered"], after) else ""
    return before + line + rest
