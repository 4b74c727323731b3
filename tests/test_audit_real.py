"""The audit on real disclosures against the faults a reviewer typed (tests/fixtures/real_pdf/faults),
and each statement check on a planted fault in a small text (a clean sentence passes).

Expected values come from the typed fault files; a typed fault the audit does not find yet is
marked xfail(strict) with the reason, so finding it later turns the test red until unmarked.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from eval.audit_report import compare_report, matches
from ingest.audit import audit_file
from ingest.checks.audit_items import item_findings
from ingest.checks.audit_rates import completion_findings, pair_findings, share_findings
from ingest.checks.audit_text import Paragraph
from ingest.checks.audit_wording import wording_findings
from ingest.model import Cell, Document, Row, Section, Table, Verdict

REAL = Path(__file__).parent / "fixtures" / "real_pdf"
FAULT_FILES = sorted((REAL / "faults").glob("*.json"))
NOT_FOUND_YET = {
    # (file stem of the faults file, page, kind): why the audit misses it
}


@cache
def report_of(file_name: str):
    return audit_file(REAL / file_name)


def _typed(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _fault_cases():
    for path in FAULT_FILES:
        typed = _typed(path)
        for index, fault in enumerate(typed["faults"]):
            key = (path.stem, fault["page"], fault["kind"])
            marks = [pytest.mark.xfail(strict=True, reason=NOT_FOUND_YET[key])] if key in NOT_FOUND_YET else []
            yield pytest.param(typed["file"], fault, id=f"{path.stem}-p{fault['page']}-{fault['kind']}-{index}",
                               marks=marks)


@pytest.mark.parametrize(("file_name", "fault"), list(_fault_cases()))
def test_typed_fault_is_reported_at_its_page(file_name: str, fault: dict):
    report = report_of(file_name)
    assert any(matches(finding, fault) for finding in report.problems), fault["what"]


def test_the_blank_template_has_no_error():
    clean = [_typed(p) for p in FAULT_FILES if _typed(p).get("clean")]
    assert clean, "the template's faults file says clean: true"
    for typed in clean:
        assert report_of(typed["file"]).with_verdict(Verdict.ERROR) == ()


@pytest.mark.parametrize("path", FAULT_FILES, ids=lambda p: p.stem)
def test_no_false_error_on_real_disclosures(path: Path):
    typed = _typed(path)
    result = compare_report(typed["file"], typed["faults"], report_of(typed["file"]))
    assert [f.message for f in result.false_errors] == []


# ---------------------------------------------------------------- planted faults in small texts


def _paragraph(text: str) -> Paragraph:
    return Paragraph(text, ("四、部门预算编制说明",), 1, 3)


def _problems(findings, check: str):
    return [f for f in findings if f.check == check and not f.ok]


PAIR = "2023年当年预算执行数为114.00万元，2024年预算安排{b}万元，比2023年预算执行数{word}{rate}%。主要原因是：{reason}。"


def test_pair_rate_clean_passes_and_wrong_rate_is_an_error():
    clean = pair_findings(_paragraph(PAIR.format(b="110.60", word="减少", rate="2.98", reason="经费减少")))
    assert clean and all(f.ok for f in clean)
    wrong = pair_findings(_paragraph(PAIR.format(b="110.60", word="减少", rate="3.98", reason="经费减少")))
    errors = _problems(wrong, "rate")
    assert errors and errors[0].verdict == Verdict.ERROR and "2.98%" in errors[0].message


def test_rate_off_in_the_last_place_is_rounding():
    # 110.60 / 114.00 − 1 = −2.982 %: printed 2.99 is one unit off in the last place
    findings = pair_findings(_paragraph(PAIR.format(b="110.60", word="减少", rate="2.99", reason="经费减少")))
    assert [f.verdict for f in _problems(findings, "rate")] == [Verdict.ROUNDING]


def test_direction_word_against_the_amounts_is_an_error():
    findings = pair_findings(_paragraph(PAIR.format(b="110.60", word="增加", rate="2.98", reason="经费增加")))
    assert [f.verdict for f in _problems(findings, "direction")] == [Verdict.ERROR]


def test_reason_in_the_other_direction_is_an_error():
    findings = pair_findings(_paragraph(PAIR.format(b="110.60", word="减少", rate="2.98", reason="经费增加")))
    problems = _problems(findings, "direction")
    assert len(problems) == 1 and "经费增加" in problems[0].message


def test_same_word_with_different_amounts_is_an_error():
    text = "2023年当年预算执行数为10.00万元，2024年预算安排12.00万元，比2023年预算执行数持平。"
    assert [f.verdict for f in _problems(pair_findings(_paragraph(text)), "direction")] == [Verdict.ERROR]


def test_growth_from_zero_printed_as_100_percent_passes():
    text = PAIR.format(b="25.00", word="增加", rate="100.00", reason="项目调整").replace("114.00", "0.00")
    assert _problems(pair_findings(_paragraph(text)), "rate") == []


def test_completion_of_a_zero_opening_budget_is_an_error():
    text = ("一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，"
            "完成年初预算的95.89%。")
    errors = _problems(completion_findings(_paragraph(text)), "rate")
    assert len(errors) == 1 and errors[0].verdict == Verdict.ERROR and "全年预算" in errors[0].message
    fixed = text.replace("完成年初预算", "完成全年预算")
    assert _problems(completion_findings(_paragraph(fixed)), "rate") == []


def test_smaller_said_of_a_larger_spending_is_an_error():
    clean = "全年预算为52.00万元，支出决算为51.32万元。决算数小于全年预算数的主要原因：人员变动。"
    assert _problems(completion_findings(_paragraph(clean)), "direction") == []
    wrong = clean.replace("小于", "大于")
    assert [f.verdict for f in _problems(completion_findings(_paragraph(wrong)), "direction")] == [Verdict.ERROR]


def test_share_of_the_opening_amount():
    clean = "支出307.82万元，主要用于：一般公共服务支出（类）264.87万元，占86.05%。"
    assert _problems(share_findings(_paragraph(clean)), "rate") == []
    wrong = clean.replace("86.05", "88.05")
    assert [f.verdict for f in _problems(share_findings(_paragraph(wrong)), "rate")] == [Verdict.ERROR]


def _document(paragraphs: list[str], tables: tuple[Table, ...] = (), title: str = "XX区2024年区级部门预算") -> Document:
    section = Section(path=("四、部门预算编制说明",), title="四、部门预算编制说明", level=2,
                      paragraphs=tuple(paragraphs), line=1, paragraph_lines=tuple(range(1, len(paragraphs) + 1)))
    return Document(doc_id="t", title=title, department="", year=2024, kind="budget", unit="元",
                    source_name="t.txt", sha256="", sections=(section,), tables=tables, text="\n".join(paragraphs))


def _row(path: tuple[str, ...], code: str, value: str) -> Row:
    return Row(label=path[-1], path=path, code=code, cells=(Cell(value, float(value.replace(",", "")), "元"),),
               quote=f"{code} {path[-1]} {value}")


ITEM = ("1.“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于{use}。"
        "2023年当年预算执行数为348.52万元，2024年预算安排{b}万元，比2023年预算执行数增加0.53%。主要原因是：{reason}。")
OTHER_ITEM = ("2.“卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）”10.00万元，主要用于事业单位医疗。")


def test_one_item_with_two_amounts_is_an_error():
    clean = _document([ITEM.format(use="住房公积金", b="350.35", reason="住房公积金经费增加")])
    assert _problems(item_findings(clean), "two_amounts") == []
    wrong = _document([ITEM.format(use="住房公积金", b="352.67", reason="住房公积金经费增加")])
    errors = _problems(item_findings(wrong), "two_amounts")
    assert len(errors) == 1 and "350.35" in errors[0].message and "352.67" in errors[0].message


def test_use_or_reason_of_another_item_is_a_hint():
    clean = _document([ITEM.format(use="住房公积金", b="350.35", reason="住房公积金经费增加"), OTHER_ITEM])
    assert _problems(item_findings(clean), "name_code") == []
    wrong = _document([ITEM.format(use="事业单位医疗保险支出", b="350.35", reason="经费增加"), OTHER_ITEM])
    hints = _problems(item_findings(wrong), "name_code")
    assert [f.verdict for f in hints] == [Verdict.WARNING] and "事业单位医疗" in hints[0].message


def test_item_level_unlike_the_tables_is_a_hint():
    table = Table(number=0, title="支出功能分类预算表", unit="元", columns=(("合计",),), rows=(
        _row(("卫生健康支出",), "210", "200,000"),
        _row(("卫生健康支出", "计划生育事务"), "21007", "200,000"),
        _row(("卫生健康支出", "计划生育事务", "计划生育服务"), "2100717", "200,000")))
    good = "1.“卫生健康支出（类）计划生育事务（款）计划生育服务（项）”科目20.00万元，主要用于计划生育服务。"
    assert _problems(item_findings(_document([good], (table,))), "name_code") == []
    bad = "1.“卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”科目20.00万元，主要用于计划生育事务。"
    hints = _problems(item_findings(_document([bad], (table,))), "name_code")
    assert len(hints) == 1 and "21007" in hints[0].message and "计划生育服务" in hints[0].message


def test_template_guidance_left_in_the_text_is_a_hint():
    clean = _document(["说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"])
    assert _problems(wording_findings(clean), "leftover") == []
    for leftover in ("无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：",
                     "支出增加（减少）的主要原因是人员变动。", "主要原因是。", "经费减少。。",
                     "本年收入比2024年预算增加10万元。"):
        hints = _problems(wording_findings(_document([leftover])), "leftover")
        assert hints and hints[0].verdict == Verdict.WARNING, leftover


def test_wording_of_another_level_is_a_hint():
    clean = _document(["财政拨款收入：是区级预算主管部门本年度从本级财政部门取得的财政拨款。"])
    assert _problems(wording_findings(clean), "level_wording") == []
    wrong = _document(["财政拨款收入：是市级预算主管部门本年度从本级财政部门取得的财政拨款。"])
    hints = _problems(wording_findings(wrong), "level_wording")
    assert len(hints) == 1 and "市级预算主管部门" in hints[0].message


def test_empty_table_note_over_figures_is_a_hint():
    def table(value: str) -> Table:
        return Table(number=0, title="“三公”经费预算表", unit="万元", columns=(("合计",),),
                     rows=(Row(label="", path=("",), cells=(Cell(value, float(value), "万元"),)),),
                     notes=("注:本部门2024年无“三公”经费预算，故本表为空表。",))
    assert _problems(wording_findings(_document(["正文。"], (table("0"),))), "leftover") == []
    hints = _problems(wording_findings(_document(["正文。"], (table("47.91"),))), "leftover")
    assert len(hints) == 1 and "47.91" in hints[0].message


def test_a_blank_template_is_not_checked_for_leftovers():
    template = _document(["XX局2024年收入XXX万元，比2023年增加（减少）XX万元，XX局XX。"])
    assert wording_findings(template) == []


@pytest.mark.parametrize("name", ["s04-qingyuan-shengtaihuanjing-2019-final.txt", "s08-guangxi-junxiu-2021-final.txt"])
def test_no_false_error_on_a_part_before_its_own_share_or_change(name: str):
    # s04: "其中:因公出国(境)费支出决算为7.8万元,完成预算10万元的78.0%,占45.7%;公务用车购置及运行费
    # 支出7.5万元,占44.0%" — 7.8 is a part of the 17.06 三公 total, not the whole of the shares.
    # s08: "总支出581.45万元,其中本年支出480.71万元,较2020年度决算数减少90.49万元,下降15.8%" —
    # 90.49 / (480.71 + 90.49) = 15.8 %.
    report = audit_file(Path(__file__).parent / "fixtures" / "dev_corpus" / "texts" / name)
    assert [f.message for f in report.findings if f.verdict == "error"] == []
