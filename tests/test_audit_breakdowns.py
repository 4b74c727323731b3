"""A figure split in brackets into two complementary parts must add up: the typed fault of the
万里街道 budgets (tests/fixtures/real_pdf/faults, 2024 p33 and 2025 p31: "地上建筑面积为8013平方米
（其中计容面积7998平方米，不计容面积105平方米）", 7998 + 105 = 8103) and small planted texts.
"""

from __future__ import annotations

from ingest.checks.audit_breakdowns import breakdown_findings
from ingest.checks.audit_text import Paragraph
from ingest.model import Document, Section, Verdict

AREA = "本工程规划建筑面积约为13459平方米，其中地上建筑面积为{above}平方米（其中计容面积7998平方米，不计容面积105平方米），地下建筑面积为5356平方米。"


def _document(text: str) -> Document:
    section = Section(path=("一、项目概况",), title="一、项目概况", level=2, paragraphs=(text,), line=1,
                      paragraph_lines=(1,))
    return Document(doc_id="t", title="XX区2024年区级部门预算", department="", year=2024, kind="budget",
                    unit="元", source_name="t.txt", sha256="", sections=(section,), text=text)


def _problems(text: str):
    return [f for f in breakdown_findings(_document(text)) if not f.ok]


def test_complementary_parts_that_add_up_pass():
    findings = breakdown_findings(_document(AREA.format(above="8103")))
    assert [f.verdict for f in findings] == [Verdict.OK]


def test_complementary_parts_that_do_not_add_up_are_an_error():
    errors = _problems(AREA.format(above="8013"))
    assert [(f.check, f.verdict) for f in errors] == [("text_sum", Verdict.ERROR)]
    assert all(n in errors[0].message for n in ("8013", "7998", "105", "8103", "90"))


def test_parts_that_need_not_be_complementary_are_left_alone():
    # Overlapping or partial parts ("其中" a subset): no rule that they add up.
    text = "采购金额21.07万元（其中中小企业21.07万元，小微企业21.07万元）。"
    assert breakdown_findings(_document(text)) == []
    money = "支出100.00万元（其中财政拨款60.00万元，非财政拨款40.00万元）。"
    assert [f.verdict for f in breakdown_findings(_document(money))] == [Verdict.OK]
    assert [f.verdict for f in _problems(money.replace("40.00", "41.00"))] == [Verdict.ERROR]


# ---------------------------------------------------------------- disjoint parts of a whole

from ingest.checks.audit_within import within_findings  # noqa: E402

PROCUREMENT = [
    "本部门2024年度政府采购金额（以合同签订为准）为 21.07 万元，其中：货物采购金额 21.07 万元。",
    "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元；"
    "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{other}万元。",
]


def _sections(paragraphs: list[str]) -> Document:
    section = Section(path=("（二）政府采购支出情况",), title="（二）政府采购支出情况", level=3,
                      paragraphs=tuple(paragraphs), line=1, paragraph_lines=tuple(range(1, len(paragraphs) + 1)))
    return Document(doc_id="t", title="XX部2024年部门决算", department="", year=2024, kind="final",
                    unit="万元", source_name="t.txt", sha256="", sections=(section,), text="\n".join(paragraphs))


def test_disjoint_parts_within_the_whole_pass():
    findings = within_findings(_sections([PROCUREMENT[0], PROCUREMENT[1].format(other="0")]))
    assert [f.verdict for f in findings] == [Verdict.OK]


def test_disjoint_parts_over_the_whole_are_an_error():
    errors = [f for f in within_findings(_sections([PROCUREMENT[0], PROCUREMENT[1].format(other="21.07")]))
              if not f.ok]
    assert [(f.check, f.verdict) for f in errors] == [("text_sum", Verdict.ERROR)]
    assert "42.14" in errors[0].message and "21.07" in errors[0].message
