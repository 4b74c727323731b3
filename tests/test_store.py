"""RecordStore: a real SQLite file; documents round-trip, scopes filter, versions switch atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from full_disk import small_disk
from index.errors import CorruptStore, StoreFull
from index.types import Scope
from index.passages import Passage
from index.store import RecordStore
from ingest.model import Cell, Document, Finding, Record, Row, Section, Table

DEPT_A = "深圳市社会保险基金管理局罗湖分局"
DEPT_B = "深圳市社会保险基金管理局福田分局"


def small_document(doc_id: str = "luohu-2022", department: str = DEPT_A, year: int = 2022,
                   sha256: str = "a" * 64, text: str = "") -> Document:
    """A hand-made document with one of each part, figures typed from the sample."""
    part = "第五部分 一般公共预算“三公”经费预算情况"
    section = Section(path=(part,), title=part, level=1, line=10,
                      paragraphs=("2022年“三公”经费预算8万元，比2021年预算增加0万元。",))
    row = Row(label="公务用车运行维护费", path=("商品和服务支出", "公务用车运行维护费"),
              cells=(Cell("7", 7.0, "万元"), Cell("7", 7.0, "万元")), code="", line=40,
              quote="公务用车运行维护费 7 7")
    table = Table(number=4, title="基本支出总表", unit="万元", columns=(("总计",), ("政府预算拨款", "小计")),
                  rows=(row,), schema="basic_expenditure", line=30, notes=("注：无。",))
    records = (
        Record(doc_id=doc_id, department=department, year=year, source="table", value=7.0, unit="万元",
               label="公务用车运行维护费", table_no=4, table_title="基本支出总表",
               row_path=("商品和服务支出", "公务用车运行维护费"), column_path=("总计",), period=str(year),
               quote="公务用车运行维护费 7 7", line=40),
        Record(doc_id=doc_id, department=department, year=year, source="text", value=2.0, unit="辆",
               label="公务用车", section_path=section.path, measure="count", quote="持有 2 辆公务用车",
               line=12),
    )
    checks = (Finding(check="columns_sum", verdict="error", message="表4 公务用车运行维护费：合计 7 ≠ 8", table_no=4,
                      row="商品和服务支出 › 公务用车运行维护费", column="总计", expected=7.0, actual=8.0,
                      source="parse"),)
    return Document(doc_id=doc_id, title=f"{department}{year}年部门预算", department=department, year=year,
                    kind="budget", unit="万元", source_name=f"{doc_id}.txt", sha256=sha256,
                    sections=(section,), tables=(table,), records=records, checks=checks,
                    warnings=("表4 在文件结尾处被截断",), text=text or "第五部分\n持有 2 辆公务用车")


def make_live(store: RecordStore, document: Document) -> int:
    passages = [Passage("2022年“三公”经费预算8万元。", "sentence", document.sections[0].path, "第五部分")]
    version = store.write_staging(document, passages, "test-embedder")
    store.mark_embedded(document.doc_id, version)
    store.switch_live(document.doc_id, version, "2026-11-27T00:00:00+00:00")
    return version


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    store = RecordStore(tmp_path / "budgetqa.sqlite3")
    yield store
    store.close()


def test_document_round_trips_every_part(store: RecordStore) -> None:
    original = small_document()
    make_live(store, original)
    assert store.document("luohu-2022") == original


def test_staging_version_is_invisible_until_switched(store: RecordStore) -> None:
    document = small_document()
    version = store.write_staging(document, [], "test-embedder")
    assert store.documents() == []
    assert store.records() == []
    with pytest.raises(KeyError):
        store.document("luohu-2022")
    store.switch_live("luohu-2022", version, "2026-11-27T00:00:00+00:00")
    assert [r.label for r in store.records()] == ["公务用车运行维护费", "公务用车"]


def test_switch_replaces_old_version_in_one_step(store: RecordStore) -> None:
    make_live(store, small_document())
    changed = small_document(sha256="b" * 64)
    changed = Document(**{**changed.__dict__, "records": changed.records[:1]})
    new_version = store.write_staging(changed, [], "test-embedder")
    assert len(store.records()) == 2  # old version still the one readers see
    old = store.switch_live("luohu-2022", new_version, "2026-11-27T01:00:00+00:00")
    assert old == 1
    assert len(store.records()) == 1
    assert store.stale_versions() == [("luohu-2022", 1)]
    store.forget_version("luohu-2022", 1)
    assert store.stale_versions() == []


def test_documents_lists_counts(store: RecordStore) -> None:
    make_live(store, small_document())
    (info,) = store.documents()
    assert (info.doc_id, info.department, info.year, info.kind) == ("luohu-2022", DEPT_A, 2022, "budget")
    assert (info.sections, info.tables, info.records, info.chunks, info.failed_checks) == (1, 1, 2, 1, 1)
    assert info.sha256 == "a" * 64 and info.ingested_at.startswith("2026-11-27")


def test_records_scoped_by_document_department_and_year(store: RecordStore) -> None:
    make_live(store, small_document("luohu-2022", DEPT_A, 2022, "a" * 64))
    make_live(store, small_document("futian-2023", DEPT_B, 2023, "b" * 64))
    assert {r.doc_id for r in store.records()} == {"luohu-2022", "futian-2023"}
    assert {r.doc_id for r in store.records(Scope(doc_ids=("futian-2023",)))} == {"futian-2023"}
    assert {r.doc_id for r in store.records(Scope(department=DEPT_A))} == {"luohu-2022"}
    assert {r.doc_id for r in store.records(Scope(year=2023))} == {"futian-2023"}
    assert store.records(Scope(department=DEPT_A, year=2023)) == []


def test_resolve_by_doc_id_or_file_name(store: RecordStore) -> None:
    make_live(store, small_document())
    assert store.resolve("luohu-2022") == "luohu-2022"
    assert store.resolve("luohu-2022.txt") == "luohu-2022"
    assert store.resolve("/some/folder/luohu-2022.txt") == "luohu-2022"
    assert store.resolve("nanshan-2022") is None


def test_remove_hides_document(store: RecordStore) -> None:
    make_live(store, small_document())
    store.remove("luohu-2022")
    assert store.documents() == [] and store.records() == []


def test_store_survives_reopen(tmp_path: Path) -> None:
    first = RecordStore(tmp_path / "db.sqlite3")
    make_live(first, small_document())
    first.close()
    again = RecordStore(tmp_path / "db.sqlite3")
    assert again.document("luohu-2022") == small_document()
    again.close()


def test_corrupt_file_names_file_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "budgetqa.sqlite3"
    path.write_bytes(b"this is not a database, just some text " * 100)
    with pytest.raises(CorruptStore) as error:
        RecordStore(path)
    assert str(path) in str(error.value) and "改名" in str(error.value)
    assert path.read_bytes().startswith(b"this is not a database")  # left for the user to recover


def test_full_disk_rolls_back_and_keeps_what_was_there(tmp_path: Path) -> None:
    with small_disk(tmp_path / "small-disk", 512) as mount:
        store = RecordStore(mount / "budgetqa.sqlite3")
        try:
            make_live(store, small_document())
            huge = small_document("futian-2023", DEPT_B, 2023, "b" * 64, text="预算" * 400_000)
            with pytest.raises(StoreFull) as error:
                make_live(store, huge)
            assert "磁盘空间不足" in str(error.value)
            assert [d.doc_id for d in store.documents()] == ["luohu-2022"]
            assert store.document("luohu-2022") == small_document()
            assert store.stale_versions() == []
            make_live(store, small_document("nanshan-2022", DEPT_B, 2022, "c" * 64))  # still writable
            assert len(store.documents()) == 2
        finally:
            store.close()


def test_a_home_from_before_the_parser_column_is_upgraded_on_open(tmp_path):
    import sqlite3

    from index.store import RecordStore
    from index.store_schema import SCHEMA

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:  # the first release's documents table had no parser column
        db.executescript(SCHEMA.replace("text TEXT,\n    parser TEXT,", "text TEXT,"))
        assert "parser" not in {row[1] for row in db.execute("PRAGMA table_info(documents)")}
    store = RecordStore(path)
    assert store.documents() == []
    assert store.find_by_sha256("0" * 64) is None
    store.close()
    with sqlite3.connect(path) as db:
        assert "parser" in {row[1] for row in db.execute("PRAGMA table_info(documents)")}


def test_level_and_region_are_stored_and_a_home_without_them_still_opens(tmp_path):
    import sqlite3
    from dataclasses import replace

    from index.store import RecordStore
    from index.store_schema import SCHEMA

    store = RecordStore(tmp_path / "new.sqlite3")
    make_live(store, replace(small_document(), level="单位", region="深圳市罗湖区"))
    (info,) = store.documents()
    assert (info.level, info.region) == ("单位", "深圳市罗湖区")
    assert (store.document(info.doc_id).level, store.document(info.doc_id).region) == ("单位", "深圳市罗湖区")
    store.close()

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:  # before level and region were read
        db.executescript(SCHEMA.replace("\n    level TEXT, region TEXT,", ""))
        assert "level" not in {row[1] for row in db.execute("PRAGMA table_info(documents)")}
        db.execute("INSERT INTO documents (doc_id, version, state, title, department, year, kind, unit,"
                   " source_name, sha256, ingested_at, chunks, embedder, warnings, text, parser)"
                   " VALUES ('old-2020', 1, 'live', 't', 'd', 2020, 'budget', '万元', 'old.txt', '', '', 0, '',"
                   " '[]', '', '')")
    store = RecordStore(path)
    (info,) = store.documents()
    assert (info.doc_id, info.level, info.region) == ("old-2020", "", "")
    assert store.document("old-2020").region == ""
    store.close()


def test_checks_stored_before_they_were_findings_still_open(store: RecordStore) -> None:
    import json

    make_live(store, small_document())
    old = {"name": "columns_sum", "ok": False, "message": "表4 公务用车运行维护费：合计 7 ≠ 8", "table_no": 4,
           "row": "商品和服务支出 › 公务用车运行维护费", "column": "总计", "expected": 7.0, "actual": 8.0,
           "severity": "rounding"}
    with store.transaction() as db:
        db.execute("UPDATE checks SET data=? WHERE doc_id=?", (json.dumps(old, ensure_ascii=False), "luohu-2022"))
    (finding,) = store.document("luohu-2022").checks
    assert (finding.check, finding.verdict, finding.source) == ("columns_sum", "rounding", "parse")
    assert finding.where == "表4 › 商品和服务支出 › 公务用车运行维护费 › 总计" and not finding.ok
