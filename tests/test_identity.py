"""index/identity.py: a new disclosure never silently replaces another one; a new version
of the same disclosure replaces it and says which file it replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.config import Config
from index.identity import identity, place_document
from index.ingest import ingest_files, render_results
from index.library import open_library
from index.types import DocumentInfo
from ingest.model import Document, Record

DEV_TEXTS = Path(__file__).parent / "fixtures" / "dev_corpus" / "texts"
# Two 2023 budgets of different units (typed metadata in dev_corpus/expected/).
TOWN_2023 = DEV_TEXTS / "n08-tianjin-wuqing-hexiwuzhen-2023-budget.txt"
UNIT_2023 = DEV_TEXTS / "s13-sichuan-unit-2023-budget.txt"


def _info(doc_id: str, department: str, kind: str = "budget", year: int = 2022, source: str = "a.txt"):
    return DocumentInfo(doc_id=doc_id, title="", department=department, year=year, kind=kind, unit="万元",
                        source_name=source, sha256="", ingested_at="", sections=0, tables=0, records=0,
                        chunks=0, failed_checks=0)


def _document(doc_id: str, department: str, kind: str = "budget", year: int = 2022, source: str = "b.txt"):
    record = Record(doc_id=doc_id, department=department, year=year, source="text", value=1.0, unit="万元",
                    label="合计")
    return Document(doc_id=doc_id, title="", department=department, year=year, kind=kind, unit="万元",
                    source_name=source, sha256="", records=(record,))


def test_another_department_with_the_same_doc_id_gets_its_own():
    placed, replaced = place_document(_document("gbk-2022", "某市某区甲局"), [_info("gbk-2022", "某市某区乙局")])
    assert replaced is None and placed.doc_id == "gbk-2022-2"
    assert {r.doc_id for r in placed.records} == {"gbk-2022-2"}


def test_a_final_account_does_not_replace_the_budget_of_the_same_year():
    live = [_info("dept-2022", "某市某区甲局", kind="budget")]
    placed, replaced = place_document(_document("dept-2022", "某市某区甲局", kind="final"), live)
    assert replaced is None and placed.doc_id == "dept-2022-2"


def test_the_same_disclosure_under_another_file_name_replaces_it():
    live = [_info("old-2022", "某市某区甲局", source="旧文件.txt")]
    placed, replaced = place_document(_document("new-2022", "某市某区甲局", source="新文件.pdf"), live)
    assert replaced is live[0] and placed.doc_id == "old-2022"


def test_without_a_department_the_file_name_is_the_identity():
    assert identity("", "", "budget", 2022, "a.txt") != identity("", "", "budget", 2022, "b.txt")
    assert identity("甲局", "部门", "budget", 2022, "a.txt") == identity("甲局", "部门", "budget", 2022, "b.txt")


def test_two_real_disclosures_with_colliding_file_names_both_stay_answerable(home: Path, tmp_path: Path):
    first, second = tmp_path / "upload-a.txt", tmp_path / "upload-b.txt"
    shutil.copy(TOWN_2023, first)
    shutil.copy(UNIT_2023, second)
    results = ingest_files(Config(home=home), [first, second])
    assert [r.status for r in results] == ["added", "added"]
    assert results[0].doc_id == "upload-2023" and results[1].doc_id == "upload-2023-2"
    listed = {d.doc_id: d.source_name for d in open_library(Config(home=home)).documents()}
    assert listed == {"upload-2023": "upload-a.txt", "upload-2023-2": "upload-b.txt"}


def test_a_new_version_says_which_file_it_replaced(home: Path, tmp_path: Path, sample_path: Path):
    old, new = tmp_path / "luohu-old.txt", tmp_path / "luohu-new.txt"
    shutil.copy(sample_path, old)
    new.write_text(sample_path.read_text(encoding="utf-8").replace("项目调整", "项目调整和人员增加", 1),
                   encoding="utf-8")
    config = Config(home=home)
    ingest_files(config, [old])
    (result,) = ingest_files(config, [new])
    assert result.status == "replaced" and result.replaced_source == "luohu-old.txt"
    assert "已替换旧版本：原文件 luohu-old.txt" in render_results([result])
    assert [d.source_name for d in open_library(config).documents()] == ["luohu-new.txt"]
