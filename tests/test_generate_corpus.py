"""eval/generate_corpus.py: variants of the sample stay parseable and arithmetically consistent."""

from __future__ import annotations

from pathlib import Path

from eval.generate_corpus import generate_corpus, variant_text
from ingest.document import parse_document


def test_variant_scales_money_and_keeps_counts(sample_path: Path) -> None:
    text = variant_text(sample_path.read_text(encoding="utf-8"), "福田", 2023, 2)
    assert "7,552 万元，比 2022 年增加 416 万元，增长 6 %" in text  # 3,776 and 208, doubled
    assert "事业编制总数 57 人" in text and "持有 2 辆公务用车" in text  # counts are not money
    assert "单价 50 万元以上通用设备" in text  # a price threshold is not a figure of the budget
    assert " 2080109 社会保险经办机构 5,068 3,758 1,310 " in text  # codes kept, figures doubled
    assert "罗湖" not in text and "2023 年“三公”经费预算 16 万元，比 2022 年预算增加 0 万" in text


def test_generated_disclosures_parse_without_failed_checks(tmp_path: Path) -> None:
    paths = generate_corpus(tmp_path, 3)
    documents = [parse_document(p) for p in paths]
    assert len({d.doc_id for d in documents}) == 3
    assert [(d.department, d.year) for d in documents] == [
        ("深圳市社会保险基金管理局福田分局", 2022), ("深圳市社会保险基金管理局南山分局", 2023),
        ("深圳市社会保险基金管理局宝安分局", 2021)]
    for document in documents:
        assert document.checks and not document.failed_checks, document.failed_checks[:3]
    assert any(r.value == 7552 for r in documents[1].records)  # 南山: factor 2


def test_write_variant_same_department_other_year(tmp_path: Path) -> None:
    from eval.generate_corpus import write_variant

    path = write_variant(tmp_path, "罗湖", 2021, 2)
    assert path.name == "luohu-social-insurance-2021-budget.txt"
    document = parse_document(path)
    assert (document.department, document.year) == ("深圳市社会保险基金管理局罗湖分局", 2021)
    assert any(r.value == 7552 for r in document.records) and not document.failed_checks  # 3,776 × 2


def test_mixed_corpus_has_several_layouts_departments_and_years(tmp_path: Path) -> None:
    from eval.generate_corpus import generate_mixed_corpus

    paths = generate_mixed_corpus(tmp_path, 8)
    documents = [parse_document(p) for p in paths]
    assert len({d.doc_id for d in documents}) == 8
    assert len({d.department for d in documents}) >= 6
    samples = [d for d in documents if d.department.startswith("深圳市社会保险基金管理局")]
    assert [documents.index(d) for d in samples] == [0, 4]  # every fourth is the sample's layout
    assert len({d.department for d in samples}) == 2 and {d.year for d in samples} == {2022}
    assert "南山区民政局" in paths[1].read_text(encoding="utf-8")  # a dev-corpus layout moved to 南山
