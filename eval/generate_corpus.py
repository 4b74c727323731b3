"""Write N synthetic disclosures made from the sample: other districts, years and figures.

Each disclosure substitutes the district (罗湖 → 福田, …) and the year
(2022 → Y, 2021 → Y-1) and multiplies every money figure (万元) by a whole
factor, so sums, balances and growth rates still hold: the document's own
arithmetic stays consistent and the parser reads it like the sample.
Counts (人, 辆, 件), percentages, codes and price thresholds are kept.

    python -m eval.generate_corpus OUT_DIR [--count 50] [--mixed]
    python -m eval.generate_corpus OUT_DIR --district 罗湖 --year 2021 [--factor 2]

The second form writes one disclosure: the given department (罗湖 = the
sample's own) for the given year, its money figures times `--factor`.

`--mixed` (for scale benchmarks) also uses the layouts of the real
development corpus (tests/fixtures/dev_corpus/texts: web-page tables with
" |" separators, one cell per line, 元 and 万元, 预算 and 决算 of many
regions): each is written for another district and moved by whole years,
its figures as printed, so the parser reads it as it reads the original.
"""

from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

from ingest import sample_path

DISTRICTS = (("福田", "futian"), ("南山", "nanshan"), ("宝安", "baoan"), ("龙岗", "longgang"),
             ("盐田", "yantian"), ("龙华", "longhua"), ("坪山", "pingshan"), ("光明", "guangming"),
             ("大鹏", "dapeng"), ("罗湖", "luohu"))
YEARS = (2022, 2023, 2021, 2024, 2020)
NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
# A money figure in the narrative: "3,776 万元", but not a price threshold ("单价 50 万元以上").
TEXT_MONEY = re.compile(rf"(?<![\d,.])(?<!单价 )(?<!单价)({NUMBER})(\s*万元)(?!以上)")
# A number standing alone in a table row (not a year, code, percentage or target).
TABLE_NUMBER = re.compile(rf"(?<![\d,.\w≥≤=<>%])({NUMBER})(?![\d,.%\w])(?!\s*(?:年|个|件|次|人|辆))")
# A row of the project table printed in the narrative (第七部分): "社保业务管理 25 及时完成…".
PROJECT_ROW = re.compile(rf"^([\u4e00-\u9fff]+ )({NUMBER})( (?![人辆个件次万台年])[\u4e00-\u9fff])", re.M)
CODE_LINE = re.compile(r"^(\s*)(\d{3,7})(\s+[\u4e00-\u9fff])")
TABLE_PART = "二、表格部分"


def variant_text(text: str, district: str, year: int, factor: int) -> str:
    """The sample's text for another district, year and scale of figures."""
    narrative, _, tables = text.partition(TABLE_PART)
    narrative = TEXT_MONEY.sub(lambda m: _scaled(m.group(1), factor) + m.group(2), narrative)
    narrative = PROJECT_ROW.sub(lambda m: m.group(1) + _scaled(m.group(2), factor) + m.group(3), narrative)
    if tables:
        tables = "\n".join(_scale_table_line(line, factor) for line in tables.split("\n"))
        narrative = narrative + TABLE_PART + tables
    return _shift_years(narrative.replace("罗湖", district), year)


def _scale_table_line(line: str, factor: int) -> str:
    if re.match(r"^\s*表\s*\d+\s*$", line) or "单位：" in line or "年度" in line:
        return line
    code = CODE_LINE.match(line)
    head, rest = (code.group(0), line[code.end():]) if code else ("", line)
    return head + TABLE_NUMBER.sub(lambda m: _scaled(m.group(1), factor), rest)


def _scaled(number: str, factor: int) -> str:
    value = int(number.replace(",", "")) * factor
    return f"{value:,}" if "," in number or value >= 1000 else str(value)


def _shift_years(text: str, year: int) -> str:
    mapping = {"2022": str(year), "2021": str(year - 1)}
    return re.sub(r"(?<!\d)(2022|2021)(?!\d)", lambda m: mapping[m.group(1)], text)


def generate_corpus(out_dir: Path, count: int = 50) -> list[Path]:
    """Write `count` disclosures into `out_dir`; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    text = sample_path().read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        district, slug = DISTRICTS[index % len(DISTRICTS)]
        # Every (district, year) pair once in the first 50: years rotate with the district.
        year = YEARS[(index + index // len(DISTRICTS)) % len(YEARS)]
        factor = 1 + index % 3
        path = out_dir / f"{slug}-social-insurance-{year}-budget.txt"
        if path.exists() and index >= len(DISTRICTS) * len(YEARS):
            path = out_dir / f"{slug}-social-insurance-{year}-budget-{index}.txt"
        path.write_text(variant_text(text, district, year, factor), encoding="utf-8")
        paths.append(path)
    return paths


# The real documents whose layouts `generate_mixed_corpus` copies (tests read the same files).
DEV_TEXTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "dev_corpus" / "texts"
# Every this many documents of a mixed corpus is a variant of the sample (scaled figures, 万元).
SAMPLE_EVERY = 4
# What precedes a department's own name: its city, district or county ("天津市西青区…").
PLACE_PREFIX = re.compile(r"^(?:.{1,5}?(?:省|自治区|市|区|县|旗|州)(?!场))+")


def layout_variant(text: str, department: str, district: str, years: int) -> str:
    """A real document's text for a department of `district`, every year moved by `years`."""
    own = PLACE_PREFIX.sub("", department) if department else ""
    if own and len(own) >= 2:
        text = text.replace(department, f"{district}区{own}")
    if years:
        text = re.sub(r"(?<!\d)(20[0-3]\d)(?!\d)", lambda m: str(int(m.group(1)) + years), text)
    return text


def _typed_department(text_path: Path) -> str:
    """The department a person typed for a dev-corpus document (its expected/*.json), or ""."""
    import json

    expected = text_path.parent.parent / "expected" / f"{text_path.stem}.json"
    try:
        return json.loads(expected.read_text(encoding="utf-8"))["metadata"]["department"] or ""
    except (OSError, KeyError, ValueError):
        return ""


def generate_mixed_corpus(out_dir: Path, count: int) -> list[Path]:
    """Write `count` disclosures in several layouts (the sample's and the dev corpus's); their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sample = sample_path().read_text(encoding="utf-8")
    templates = []
    for path in sorted(DEV_TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        templates.append((path.stem, text, _typed_department(path)))
    paths = []
    for index in range(count):
        # Each document has its own (department, year, kind): a repeat would replace an earlier one.
        if index % SAMPLE_EVERY == 0 or not templates:
            made = index // SAMPLE_EVERY
            district, slug = DISTRICTS[made % len(DISTRICTS)]
            year = YEARS[(made // len(DISTRICTS)) % len(YEARS)] + made // (len(DISTRICTS) * len(YEARS)) * len(YEARS)
            text, name = variant_text(sample, district, year, 1 + index % 3), f"{slug}-sample-{year}"
        else:
            district, slug = DISTRICTS[index % len(DISTRICTS)]
            stem, original, department = templates[index % len(templates)]
            # (district, template) pairs repeat every lcm(10, templates) documents: move those years on.
            years = index // math.lcm(len(DISTRICTS), len(templates))
            text, name = layout_variant(original, department, district, years), f"{slug}-{stem}"
        path = out_dir / f"{index:05d}-{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_variant(out_dir: Path, district: str, year: int, factor: int = 1) -> Path:
    """Write one disclosure: `district`'s department for `year`, money figures times `factor`."""
    slugs = dict(DISTRICTS)
    if district not in slugs:
        raise SystemExit(f"未知的区：{district}。可用：{'、'.join(slugs)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    text = sample_path().read_text(encoding="utf-8")
    path = out_dir / f"{slugs[district]}-social-insurance-{year}-budget.txt"
    path.write_text(variant_text(text, district, year, factor), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--district", help="write one disclosure for this district (e.g. 罗湖)")
    parser.add_argument("--year", type=int, default=2022, help="with --district: the disclosure's year")
    parser.add_argument("--factor", type=int, default=1, help="with --district: money figures times this")
    parser.add_argument("--mixed", action="store_true", help="also the layouts of the real dev corpus")
    args = parser.parse_args()
    if args.district:
        print(write_variant(args.out_dir, args.district, args.year, args.factor))
        return
    make = generate_mixed_corpus if args.mixed else generate_corpus
    for path in make(args.out_dir, args.count):
        print(path)


if __name__ == "__main__":
    main()
