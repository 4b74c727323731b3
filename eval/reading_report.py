"""How well documents read: one line per document of a folder, against what a person typed.

For every disclosure file given (or every file of a folder), the parser's
metadata, its tables (title, unit, rows × columns) and its failed checks are
shown; where an expected file (`expected/<stem>.json`, format in
tests/fixtures/dev_corpus/CONVENTIONS.md) names the document in its "file"
field, the typed metadata is compared field by field and each typed record is
looked for among the parsed records (same value and unit; same label, code and
column where typed). Usage:

    python -m eval.reading_report tests/fixtures/dev_corpus/texts tests/fixtures/real_pdf \
        --expected tests/fixtures/dev_corpus/expected --expected tests/fixtures/real_pdf/expected
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from assistant.question_words import question_words
from ingest.document import parse_document
from ingest.errors import BudgetQAError
from ingest.model import Document, Record
from ingest.normalise import normalise_line, to_simplified

DOCUMENT_SUFFIXES = {".txt", ".pdf", ".xlsx", ".xls"}
KINDS = {"预算": "budget", "决算": "final"}
# Metadata fields a person types; those the model does not carry yet read as missing.
META_FIELDS = ("department", "level", "kind", "fiscal_year", "region")
_SPACES = re.compile(r"\s+")
# Quote marks are typography: "“会议费”“培训费”" and "会议费培训费" name the same figure.
_QUOTES = re.compile(r"[“”‘’\"']")
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*")


@dataclass
class Reading:
    """What was read from one file and how it compares with its typed expectation."""

    path: Path
    document: Document | None = None
    error: str = ""
    meta_wrong: list[str] = field(default_factory=list)
    records_typed: int = 0
    records_missing: list[dict] = field(default_factory=list)

    @property
    def records_found(self) -> int:
        return self.records_typed - len(self.records_missing)


def squeeze(text: str | None) -> str:
    """Text without whitespace or leading numbering, folded as the parser folds a line, for
    comparing labels as printed (a mirror copy's "宣傳部" and "預(yù)算數(shù)" are the parser's
    "宣传部" and "预算数")."""
    return _QUOTES.sub("", _NUMBERING.sub("", _SPACES.sub("", normalise_line(to_simplified(text or "")))))


def _number(printed: str) -> Decimal | None:
    try:
        text = printed.replace(",", "").replace("，", "").rstrip("%％").strip()
        return Decimal(_APPROXIMATE.sub("", text))
    except (InvalidOperation, AttributeError):
        return None


def is_fact(typed: dict) -> bool:
    """Whether a typed record is a fact, not a figure: no number ("公益二类事业单位", "2022-09-30"), no
    unit, a year (成立于2020年) or a 文号 or 目录 page number (`FACT_UNITS`)."""
    value = str(typed.get("value", ""))
    unit = typed.get("unit")
    return (_number(value) is None or not unit or unit in FACT_UNITS
            or (unit == "年" and _YEAR.match(value) is not None))


def fact_found(document: Document, typed: dict) -> bool:
    """A fact is found when the words it was typed from (its "quote", holding its value) are in the text
    as read, headings and paragraphs, where the assistant quotes them from."""
    value = squeeze(str(typed.get("value", "")))
    quote = squeeze(typed.get("quote"))
    if value not in quote:
        quote = value
    pieces = [document.title] + [piece for section in document.sections
                                 for piece in (*section.path, *section.paragraphs)]
    return any(quote in squeeze(piece) for piece in pieces)


def parsed_meta(document: Document) -> dict:
    """The document's metadata in the typed form ("kind": 预算/决算, "fiscal_year")."""
    kind = {v: k for k, v in KINDS.items()}.get(document.kind)
    return {"department": document.department or None, "level": getattr(document, "level", None) or None,
            "kind": kind, "fiscal_year": document.year or None, "region": getattr(document, "region", None) or None}


def meta_differences(document: Document, typed: dict) -> list[str]:
    """The typed metadata fields the parser got wrong, as "field: typed ≠ parsed"."""
    got = parsed_meta(document)
    wrong = []
    for name in META_FIELDS:
        want = typed.get(name)
        have = got.get(name)
        if _meta_text(want) != _meta_text(have):
            wrong.append(f"{name}: {want} ≠ {have}")
    return wrong


def _meta_text(value) -> str | None:  # noqa: ANN001
    """A metadata value as the parser would read it: a mirror copy's typed "政務(wù)" is "政务"."""
    return None if value is None else squeeze(normalise_line(str(value)))


# A typed change's wording after its subject: "较2025年年初预算减少", "比上年增长", "同比下降".
_COMPARED = re.compile(r"(?:较|比|与|同比|相比).*$|(?:增加|减少|增长|下降)$")
# A typed label may carry its period, which the typed "period" says again: "“三公”经费预算数" (s10),
# "2015年三公经费预算" (s06) are the figures of “三公”经费 and 三公经费 at that period.
_PERIOD_WORDS = re.compile(r"^(?:19|20)\d{2}年度?|(?:预算|决算)数?$")
COMPARISON_LABELS = ("同比", "环比", "比上年", "较上年", "上年", "去年")
# A count printed as an approximation: "12余个专业", "30多人" (n12) is the figure 12, 30.
_APPROXIMATE = re.compile(r"(?<=\d)[余多]$")
# Units of facts that are no budget figures: a 文号's number ("京政发﹝2009﹞75号", n14), a 目录 page (n13).
FACT_UNITS = {"号", "页"}
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# A measure noun a reader adds to a rate's subject: "“三公”经费完成预算比例" is printed "完成预算的34.89%" (n02).
_MEASURE_NOUN = re.compile(r"(?:比例|比率|比重)$")
# A change typed only as two stages compared names no subject: "决算数大于预算数55.93万元" (s19).
_STAGE = r"(?:年初)?(?:预算|决算)数?"
_STAGES_COMPARED = re.compile(rf"^{_STAGE}(?:大于|小于|超过|超出|低于|多于|少于){_STAGE}$")
# Words a reader drops from a printed subject: its funding source, stage, scope and 支出, 经 of 经费 and a
# 费 printed twice ("公务用车运行费维护费"; n02, n03, n06). Any other word in between names another
# figure: "事业单位经营收入" is no 事业收入.
DROPPED_WORDS = ("一般公共预算", "财政拨款", "支出", "决算", "预算", "本套", "部门", "本级", "经", "费")
# Below 4 characters ("专业", "支出") a label is matched as printed.
MIN_ORDERED_LABEL = 4
STAGE_BASES = ("预算", "年初预算", "调整预算", "决算")


def _same_unit(parsed: str, typed: str | None, typed_label: str = "") -> bool:
    """The same unit, or count units of one group ("25名" typed as 25人; `[count_units]` of the question
    words, the groups the answers treat as one), or a per-head unit typed as 人均 in the label ("出国人均
    预算" 3.5万元 is printed "3.5万元/人", s10)."""
    if parsed == typed or (typed and "人均" in typed_label and parsed == f"{typed}/人"):
        return True
    return any(parsed in group and typed in group for group in question_words()["count_units"]["same"])


def record_matches(record: Record, typed: dict) -> bool:
    """Whether `record` is the typed record: value, unit, and label/code/column where typed."""
    want = _number(str(typed.get("value", "")))
    if want is None or not _same_unit(record.unit, typed.get("unit"), typed.get("label") or ""):
        return False
    value = Decimal(str(record.value))
    if value != want and not (typed.get("period") in ("增减", "增减率") and abs(value) == abs(want)):
        return False
    if typed.get("code") and record.row_code and record.row_code != typed["code"]:
        return False
    changed = typed.get("period") in ("增减", "增减率")
    if changed and record.measure not in ("change", "change_rate"):
        return False  # a change typed is no level of the same size
    label = squeeze(typed.get("label"))
    if changed and _STAGES_COMPARED.match(label):
        if record.base_period not in STAGE_BASES:
            return False  # the change against last year is another figure
        label = ""
    if changed:  # "“三公”经费较2025年年初预算减少" is typed for 财政拨款“三公”经费's change: its subject
        label = _COMPARED.sub("", label) or label
    label = _PERIOD_WORDS.sub("", label) or label
    label = _MEASURE_NOUN.sub("", label) or label
    names = squeeze(record.label) + "|" + squeeze("".join(record.row_path))
    # A parsed label inside a longer typed one ("公务接待费" in "公务接待费支出") names it; a comparison
    # word read as the label ("同比" in "基本支出同比减少") names nothing.
    inside = squeeze(record.label) in label and squeeze(record.label) not in COMPARISON_LABELS
    if (label and label not in names and not inside and not _kept_in_order(label, names)
            and not _linked(label, names) and not _located(record, typed)):
        return False
    column = squeeze((typed.get("column") or "").split("›")[-1])
    return not (typed.get("where") == "table" and column and column not in squeeze("".join(record.column_path)))


def _kept_in_order(typed_label: str, names: str) -> bool:
    """Whether the printed `names` say the typed label with only words a reader drops in between
    (`DROPPED_WORDS`): "公务接待费" for "公务接待经费支出", "纳入决算汇编范围的单位" for
    "纳入本套部门决算汇编范围的单位", "“三公”经费完成预算" for "…“三公”经费支出决算完成预算"."""
    if len(typed_label) < MIN_ORDERED_LABEL:
        return False
    gap = "(?:" + "|".join(map(re.escape, DROPPED_WORDS)) + ")*"
    pattern = re.escape(typed_label[0]) + "".join(gap + re.escape(c) for c in typed_label[1:])
    return re.search(pattern, names) is not None


def _linked(typed_label: str, names: str) -> bool:
    """Whether the typed label is a short name the domain vocabulary links to a printed label
    (`[links]` of the question words: "公务用车费" is 公务用车购置及运行维护费, s05)."""
    return any(squeeze(target) in names for target in question_words()["links"].get(typed_label, ()))


def _located(record: Record, typed: dict) -> bool:
    """Whether the record was read from the words the figure was typed from (its "quote", printing the
    value once) with a label printed in them: "带动当地20名群众务工增收5000元/年" is typed "带动群众务工" 20人
    and read as 群众务工增收 20名 (s11); "预算费用3.5万元/人" typed "出国人均预算" is read as 预算费用 (s10)."""
    quote = squeeze(typed.get("quote"))
    printed = str(typed.get("value", "")).replace(",", "")
    numbers = re.findall(r"\d+(?:\.\d+)?", quote.replace(",", ""))
    if numbers.count(printed) != 1 or quote not in squeeze(record.quote):
        return False  # a quote that prints the value twice (a table row of zeros) locates no one figure
    label = squeeze(record.label)
    return bool(label) and label in quote


def read_one(path: Path, typed: dict | None) -> Reading:
    """Parse `path` and compare it with `typed` (the expected file's content) when given."""
    reading = Reading(path)
    try:
        reading.document = parse_document(path)
    except BudgetQAError as error:
        reading.error = str(error)
        return reading
    if typed:
        reading.meta_wrong = meta_differences(reading.document, typed.get("metadata") or {})
        expected = typed.get("records") or []
        reading.records_typed = len(expected)
        reading.records_missing = [
            r for r in expected
            if not (fact_found(reading.document, r) if is_fact(r)
                    else any(record_matches(rec, r) for rec in reading.document.records))]
    return reading


def load_expected(folders: list[Path]) -> dict[str, dict]:
    """file name → typed expectation, from every *.json of `folders`."""
    typed = {}
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("file"):
                typed[data["file"]] = data
    return typed


def document_files(paths: list[Path]) -> list[Path]:
    """The disclosure files of `paths` (files as given, folders by suffix, in name order)."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES)
        else:
            found.append(path)
    return found


def render_line(reading: Reading) -> str:
    """One line: file, metadata, tables, typed records found, failed checks."""
    if reading.document is None:
        return f"{reading.path.name}: 无法读取：{reading.error}"
    doc = reading.document
    meta = parsed_meta(doc)
    tables = "; ".join(f"{t.title or '（无标题）'}[{t.unit or '?'} {len(t.rows)}×{len(t.columns)}]"
                       for t in doc.tables[:6]) + (" …" if len(doc.tables) > 6 else "")
    failed = len(doc.failed_checks)
    parts = [f"{reading.path.name}: {meta['department'] or '（未读出单位）'} {meta['fiscal_year'] or '?'}年"
             f"{meta['kind'] or '?'}", f"表 {len(doc.tables)}（{tables}）", f"记录 {len(doc.records)}"]
    if reading.records_typed:
        parts.append(f"应有记录 {reading.records_found}/{reading.records_typed}")
    if reading.meta_wrong:
        parts.append("元数据不符 " + "；".join(reading.meta_wrong))
    parts.append(f"未通过核对 {failed}")
    return " | ".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="One line per document: how well it reads.")
    parser.add_argument("paths", nargs="+", type=Path, help="disclosure files or folders")
    parser.add_argument("--expected", action="append", type=Path, default=[],
                        help="folder of expected/<stem>.json files (repeatable)")
    parser.add_argument("--missing", action="store_true", help="also list every typed record not found")
    args = parser.parse_args(argv)
    typed = load_expected(args.expected)
    readings = [read_one(path, typed.get(path.name)) for path in document_files(args.paths)]
    for reading in readings:
        print(render_line(reading))
        if args.missing:
            for record in reading.records_missing:
                print(f"    缺：{record.get('label')} {record.get('value')}{record.get('unit')} "
                      f"[{record.get('table') or record.get('section')} › {record.get('row')} › {record.get('column')}]")
    compared = [r for r in readings if r.records_typed]
    found = sum(r.records_found for r in compared)
    total = sum(r.records_typed for r in compared)
    meta_ok = sum(not r.meta_wrong for r in compared)
    print(f"documents {len(readings)}, unreadable {sum(r.document is None for r in readings)}; "
          f"typed records found {found}/{total} ({found / total:.1%}); "
          f"metadata as typed {meta_ok}/{len(compared)}" if total else f"documents {len(readings)}")


if __name__ == "__main__":
    main()
