"""Records in memory, indexed by label, for fast answering (no embedder on numeric questions).

Built once per Conversation from `library.store.records()`. Labels are
matched in their normalised form (see `question_words.normalise`), together
with short aliases people use: "因公出国(境)费" is also "因公出国费",
"社会保险综合管理" is also "社保综合管理", "工资福利支出" is also "工资福利".
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from assistant.question_words import normalise, question_words
from index.types import DocumentInfo
from ingest.model import Record

# Suffixes a label may be said without ("会议费" → "会议"), when at least this much remains.
_DROPPABLE_SUFFIXES = ("支出", "经费", "费用", "费")
_MIN_ALIAS_CHARS = 2
# A sentence's total of one item ("“三公”经费支出合计") names the item; "支出合计" alone stays itself.
_TOTAL_SUFFIXES = ("合计", "总计", "总额")
_MIN_TOTAL_REST = 4
_PARENTHESES = re.compile(r"\([^()]*\)")
# A sentence's label may end in the measure it states ("公务接待费支出预算240万元", "三公经费决算数"):
# the item is named without it too, when what remains names money (…费, …支出, …收入, …拨款).
_MEASURE_SUFFIX = re.compile(r"^(?P<item>.{2,}(?:费|支出|经费|收入|拨款)|收入|支出)(?:年初预算数|年初预算|预算安排|预算数|决算数|预算|决算|执行数)$")
# ... or begin with it ("2018年度决算总收入1244.27万元"): 总收入.
_STAGE_PREFIX = re.compile(r"^(?:预算|决算)(?P<item>.+(?:收入|支出))$")
_THIS_YEAR = re.compile(r"^本年度?")
_MIN_THIS_YEAR_REST = 3  # "本年收入" stays itself: 收入 alone names nothing
_AND_WORDS = ("和", "与")
_ABBREVIATIONS = (("社会保险", "社保"), ("公务用车", "公车"), ("机关事业单位", "机关"))


def short_aliases(label: str) -> set[str]:
    """The aliases of `label` made by dropping a suffix ("退休费" → "退休"): matched only as whole words."""
    base = normalise(label)
    return {a for a in label_aliases(label) if a != base and any(
        (a + suffix) in {base, _PARENTHESES.sub("", base)} for suffix in _DROPPABLE_SUFFIXES)}


# 预算 inside a fund's name is no stage: "一般公共预算支出决算" is a 决算 figure.
_FUND_NAMES = re.compile(r"(?:一般公共|政府性基金|国有资本经营|社会保险基金)预算")
_STAGES = re.compile(r"预算|决算")
_STAGE_END = re.compile(r"(?:预算|决算)数?$")


def stages_said(question: str) -> set[str]:
    """Which of 预算/决算 a question asks, by the words of `[stages]` ("实际花了" asks the 决算),
    outside a fund's name."""
    said = _FUND_NAMES.sub("", normalise(question))
    return {name for name, words in question_words()["stages"].items() if any(w in said for w in words)}


def stage(text: str) -> str:
    """The last of 预算/决算 that `text` says outside a fund's name ("…支出决算完成预算" → 预算), or ""."""
    said = _STAGES.findall(_FUND_NAMES.sub("", normalise(text)))
    return said[-1] if said else ""


def item_names(name: str) -> set[str]:
    """The item a normalised label names without the funds before (or after) it or the measure after it:
    "一般公共预算三公经费支出预算" → 三公经费支出预算, 三公经费支出; "公务接待费预算数" → 公务接待费."""
    funds = question_words()["funds_prefixed"]
    found = set()
    # "本年收入合计" is what a sentence calls 收入合计 (its 本年 is read as the year, not the name)
    if _THIS_YEAR.match(name) and len(_THIS_YEAR.sub("", name)) >= _MIN_THIS_YEAR_REST:
        found.add(_THIS_YEAR.sub("", name))
    prefix = next((p for p in funds["prefixes"] if name.startswith(p)), "")
    if prefix and any(name[len(prefix):].startswith(c) for c in funds["concepts"]):
        found.add(name[len(prefix):])
    # "“三公”经费财政拨款预算1.70万元": the funds after the item (seen in a 2016 budget excerpt)
    suffix = next((p for p in funds["prefixes"] if name.endswith(p) and len(name) > len(p)), "")
    if suffix and any(name.startswith(c) for c in funds["concepts"]):
        found.add(name[:-len(suffix)])
    for item in {name, *found}:
        measured = _MEASURE_SUFFIX.match(item) or _STAGE_PREFIX.match(item)
        if measured:
            found.add(measured["item"])
    return found


# A figure named by its classification path, "X（类）Y（款）Z（项）" and maybe a stage after it
# ("“…（款）专项普查活动（项）”预算安排", seen in the street-office budget PDFs and in 决算 explanations
# of several provinces): the last level's name is what people ask for.
_CLASSIFIED_ITEM = re.compile(r"(?:^|\))(?P<item>[^()]+)\((?:类|款|项)\)(?P<stage>[^()]*)$")


def label_aliases(label: str) -> set[str]:
    """The normalised label and the short forms people say for it."""
    base = normalise(label)
    base = re.sub(r"^其中[:：]", "", base)
    names = {base, _PARENTHESES.sub("", base), base.replace("、", "").replace("，", "")}
    for name in list(names):
        names |= item_names(name)
    if item := _CLASSIFIED_ITEM.search(base):  # "…(款)专项普查活动(项)预算安排" is 专项普查活动's
        names |= {item["item"], item["item"] + item["stage"]}
    for name in list(names):  # "公务用车购置及运行费" said "购置和运行" (fE2 of the third fresh batch)
        if "及" in name:
            names |= {name.replace("及", word) for word in _AND_WORDS}
    for name in list(names):
        for long, short in _ABBREVIATIONS:
            if long in name:
                names.add(name.replace(long, short))
    for name in list(names):  # "财政拨款“三公”经费支出合计5.6万元" is the 三公经费 (fI2 of the fifth fresh batch)
        for total in _TOTAL_SUFFIXES:
            if name.endswith(total) and len(name) - len(total) >= _MIN_TOTAL_REST:
                names |= {name[: -len(total)], *item_names(name[: -len(total)])}  # "…支出预算合计": …支出
    for name in list(names):
        for suffix in _DROPPABLE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= _MIN_ALIAS_CHARS:
                names.add(name[: -len(suffix)])
    for name in list(names):  # "收、支总计均为…" is each side's total (`[joint_totals]`)
        joint = question_words()["joint_totals"]
        if name in joint:
            names.update(joint[name], joint)
    people = question_words()["people"]
    for name in list(names):  # "在职人员100人" is what "在职的有多少人" asks (`[people] statuses`)
        held = name.removesuffix("人员")
        # "现单位实有在职在编人员" is 在职在编 (and so 在编) with a qualifier before it (s01)
        status = max((s for s in people["statuses"] if held.endswith(s)), key=len, default="")
        if held != name and status:
            names.update((status, *people["implies"].get(status, ())))
    concepts = [c for c in question_words()["funds_prefixed"]["concepts"] if not c.endswith("经费")]
    for name in list(names):
        # "公务接待经费支出26.4万元" is the 公务接待费 (the 三公 items are printed as both …费 and …经费)
        if name.endswith("经费") and any(name.startswith(c) for c in concepts):
            names.add(name[:-2] + "费")
    return {n for n in names if len(n) >= _MIN_ALIAS_CHARS}


TEMPLATE_LABELS_FILE = Path(__file__).with_name("template_labels.toml")


@lru_cache(maxsize=None)
def template_labels(group: str) -> frozenset[str]:
    """The normalised template labels of one group of `template_labels.toml` ("functions": the 类 of
    the 支出功能分类)."""
    with TEMPLATE_LABELS_FILE.open("rb") as handle:
        return frozenset(normalise(label) for label in tomllib.load(handle)["labels"].get(group, ()))


@lru_cache(maxsize=1)
def template_aliases() -> frozenset[str]:
    """The aliases of the template labels (`template_labels.toml`): names linking knows in any library."""
    with TEMPLATE_LABELS_FILE.open("rb") as handle:
        groups = tomllib.load(handle)["labels"]
    return frozenset(alias for labels in groups.values() for label in labels for alias in label_aliases(label))


_PERIOD_ROW = re.compile(r"^(20\d\d年?|增减变化金额|增减变化|增减)$")


def is_period_row(label: str) -> bool:
    """Whether a row label names a year or the change between years (表8's rows), not an item."""
    return bool(_PERIOD_ROW.match(normalise(label)))


_GENERIC_COLUMNS = ("总计", "合计", "小计")
_YEAR_HEADER = re.compile(r"^20\d\d年(预算|预算数|决算|决算数)?$")


def table_concept(title: str) -> str:
    """What a table's total is called ("基本支出总表" → "基本支出"), from `[table_concepts]`."""
    for word, concept in question_words()["table_concepts"].items():
        if word in normalise(title):
            return concept
    return ""


@lru_cache(maxsize=None)
def title_kind(title: str) -> str:
    """The kind of table or text part a title names (`[table_kinds]`): the longest kind word in it; ""."""
    text = normalise(title)
    found = [kind for kind in question_words()["table_kinds"]["words"] if normalise(kind) in text]
    return max(found, key=len, default="")


def kind_of(record: Record) -> str:
    """The kind of the table (or text part) a record is printed in ("三公经费支出表", "支出具体情况")."""
    if record.source == "table":
        return title_kind(record.table_title)
    return title_kind(record.section_path[0]) if record.section_path else ""


def record_name(record: Record) -> str:
    """What the figure is called.

    Its label; for a table whose rows are years (表8), its column; for a
    department row (表2–表5, 表7), its single-level column ("基本支出") or
    the table's concept for the total column ("基本支出总表" 总计 → "基本支出");
    for a 总计/合计 row, the table's concept.
    """
    label = normalise(record.label)
    if _PERIOD_ROW.match(label) and record.column_path:
        parts = [c for c in record.column_path if c not in _GENERIC_COLUMNS]
        return parts[-1] if parts else record.column_path[0]
    if label in _GENERIC_COLUMNS and record.source == "table":
        # A 合计 row names its figure by its column ("合计" under 基本支出 is 基本支出), by the
        # table's concept under its total column (seen in the real budget PDFs' 支出预算总表).
        leaf = record.column_path[-1] if record.column_path else ""
        if leaf and names_figure(leaf):
            return leaf
        return table_concept(record.table_title) or record.label
    if record.source == "table" and is_department_row(record):
        named = [c for c in record.column_path
                 if c not in _GENERIC_COLUMNS and not _YEAR_HEADER.match(normalise(c))]
        concept = table_concept(record.table_title)
        if not named:
            return concept or record.label
        if record.column_path[-1] not in _GENERIC_COLUMNS:
            return named[-1]  # the leaf column names the figure ("基本支出拨款")
        return f"{concept}（{named[-1]}）" if concept else named[-1]
    return record.label


_STAGE_COLUMN = re.compile(r"^(?:20\d\d年度?)?(?:年初|全年|调整)?(?:预算|决算|执行)数?$|^金额$|^本年数?$|^上年数?$")


def names_figure(column: str) -> bool:
    """A column header that names what its figures are ("基本支出"), not only their year or stage."""
    name = normalise(column)
    return not (name in _GENERIC_COLUMNS or _YEAR_HEADER.match(name) or _STAGE_COLUMN.match(name))


def is_department_row(record: Record) -> bool:
    """The department/total row heading 表2–表5 and 表7 (its label is the department's name)."""
    return bool(record.department) and normalise(record.label) == normalise(record.department)


@dataclass
class RecordIndex:
    """The records of some documents, with lookups by label alias (and the template labels' aliases,
    with no records where these documents do not print them) and by table."""

    records: tuple[Record, ...]
    documents: tuple[DocumentInfo, ...]
    by_alias: dict[str, list[Record]] = field(default_factory=dict)
    by_table: dict[tuple[str, int], list[Record]] = field(default_factory=dict)
    by_doc: dict[str, list[Record]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    column_rank: dict[tuple[str, int, tuple[str, ...]], int] = field(default_factory=dict)
    short: frozenset[str] = frozenset()

    @classmethod
    def build(cls, records: list[Record], documents: list[DocumentInfo]) -> RecordIndex:
        """Index `records` by every alias of their label, by (doc, table) and by doc."""
        by_alias: dict[str, list[Record]] = defaultdict(list)
        by_table: dict[tuple[str, int], list[Record]] = defaultdict(list)
        by_doc: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            for alias in label_aliases(record_name(record)):
                by_alias[alias].append(record)
            if record.source == "table":
                by_table[(record.doc_id, record.table_no)].append(record)
            by_doc[record.doc_id].append(record)
        for alias, record in _side_total_aliases(records):
            if all(known is not record for known in by_alias[alias]):
                by_alias[alias].append(record)
        for alias in template_aliases():  # named by the question even where these documents do not print it
            by_alias.setdefault(alias, [])
        # Longest first; of two as long, the one not ending in its stage ("项目支出决算": 项目支出, not 支出决算).
        aliases = tuple(sorted(by_alias, key=lambda a: (-len(a), bool(_STAGE_END.search(a)), a)))
        full = {normalise(record_name(r)) for r in records}
        short = frozenset(a for r in records for a in short_aliases(record_name(r)) if a not in full)
        return cls(tuple(records), tuple(documents), dict(by_alias), dict(by_table), dict(by_doc), aliases,
                   _column_ranks(records), short)

    @cached_property
    def _aliases_by_doc(self) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for alias, records in self.by_alias.items():
            for record in records:
                found[record.doc_id].add(alias)
        return {doc: frozenset(aliases) for doc, aliases in found.items()}

    def doc_aliases(self, doc_id: str) -> frozenset[str]:
        """Every alias a record of `doc_id` is indexed under (built once, from `by_alias`)."""
        return self._aliases_by_doc.get(doc_id, frozenset())

    def in_docs(self, records: list[Record], doc_ids: tuple[str, ...]) -> list[Record]:
        """`records` restricted to `doc_ids` (all when empty)."""
        if not doc_ids:
            return list(records)
        return [r for r in records if r.doc_id in doc_ids]

    @cached_property
    def groups(self) -> dict[str, list[Record]]:
        """Headings that group table rows without a figure of their own (表11's "数量指标") → the rows."""
        labelled = {alias for alias, records in self.by_alias.items() if records}
        found: dict[str, list[Record]] = defaultdict(list)
        for record in self.records:
            for parent in record.row_path[:-1]:
                name = normalise(parent)
                if name not in labelled:
                    found[name].append(record)
        return dict(found)

    @cached_property
    def _titles(self) -> dict[str, int]:
        titles: dict[str, int] = {}
        for record in self.records:
            if record.source == "table" and record.table_title:
                titles.setdefault(normalise(record.table_title), record.table_no)
        return titles

    def table_titles(self) -> dict[str, int]:
        """Normalised table title → table number, over all documents."""
        return self._titles

    def document(self, doc_id: str) -> DocumentInfo | None:
        """The ingested document `doc_id`, or None."""
        return next((d for d in self.documents if d.doc_id == doc_id), None)

    def labels_containing(self, term: str) -> list[str]:
        """Aliases that contain `term` (normalised), shortest first: the records a canonical term may mean."""
        key = normalise(term)
        if len(key) < _MIN_ALIAS_CHARS:
            return []
        found = [a for a in self.by_alias if key in a]
        return sorted(found, key=len)


# "2024年财政拨款收支总表", "财政拨款收入支出决算总表": the funds a two-sided table is of, before 收支.
_TWO_SIDED_TITLE = re.compile(r"^(?:20\d\d年度?)?(?:部门|单位)?(?P<funds>.{2,}?)收入?支出?(?:预算|决算)?总表")


def _side_total_aliases(records: list[Record]) -> list[tuple[str, Record]]:
    """A two-sided table's side totals under the name people give them: "财政拨款收支总表" 本年收入合计
    is also 财政拨款收入 (`[side_totals]`; the first label of the list the table prints)."""
    tables: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for record in records:
        if record.source == "table" and record.table_title:
            tables[(record.doc_id, record.table_no)].append(record)
    found: list[tuple[str, Record]] = []
    for rows in tables.values():
        title = _TWO_SIDED_TITLE.match(normalise(rows[0].table_title))
        if not title:
            continue
        labels = {normalise(r.label) for r in rows}
        for side, totals in question_words()["side_totals"].items():
            total = next((t for t in totals if t in labels), None)
            found.extend((title["funds"] + side, r) for r in rows if total and normalise(r.label) == total)
    return found


def _column_ranks(records: list[Record]) -> dict[tuple[str, int, tuple[str, ...]], int]:
    """Position of each column in its table, in the order records come (row by row, column by column)."""
    ranks: dict[tuple[str, int, tuple[str, ...]], int] = {}
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for record in records:
        if record.source != "table":
            continue
        key = (record.doc_id, record.table_no, record.column_path)
        if key not in ranks:
            ranks[key] = counts[(record.doc_id, record.table_no)]
            counts[(record.doc_id, record.table_no)] += 1
    return ranks
