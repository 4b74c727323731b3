"""Hybrid passage retrieval, the same tests against embedded Chroma and a real Chroma server."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Config
from eval.generate_corpus import variant_text
from index.errors import StoreUnavailable
from index.ingest import ingest_files
from index.library import Library, open_library
from index.types import Scope

LUOHU = "深圳市社会保险基金管理局罗湖分局"
FUTIAN = "深圳市社会保险基金管理局福田分局"


@pytest.fixture(scope="module", params=["embedded", "server"])
def library(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The sample plus a Futian 2023 disclosure made from it, in one home."""
    url = request.getfixturevalue("chroma_server") if request.param == "server" else ""
    home = tmp_path_factory.mktemp(f"search-{request.param}")
    sample = Path(__import__("ingest").sample_path())
    futian = home / "futian-social-insurance-2023-budget.txt"
    futian.write_text(variant_text(sample.read_text(encoding="utf-8"), "福田", 2023, 2), encoding="utf-8")
    config = Config(home=home, chroma_url=url)
    results = ingest_files(config, [sample, futian])
    assert [r.status for r in results] == ["added", "added"], results
    return open_library(config, ensure_sample=False)


def _doc(library: Library, department: str) -> str:
    return next(d.doc_id for d in library.documents() if d.department == department)


def _texts(hits) -> list[str]:
    return [h.text.replace(" ", "") for h in hits]


def test_two_disclosures_are_kept_apart(library: Library) -> None:
    documents = library.documents()
    assert {(d.department, d.year) for d in documents} == {(LUOHU, 2022), (FUTIAN, 2023)}
    assert len({d.doc_id for d in documents}) == 2


def test_narrative_question_finds_the_reason(library: Library) -> None:
    hits = library.search.search("预算为什么比去年增加？", Scope(doc_ids=(_doc(library, LUOHU),)), k=3)
    assert any("罗湖区财政预算拨款纳入预算草案" in t for t in _texts(hits))
    reason = next(h for h in hits if "纳入预算草案" in h.text)
    assert reason.ref == "第二部分" and reason.section_path[0].startswith("第二部分")
    assert reason.kind in ("sentence", "paragraph") and reason.line > 0


def test_colloquial_cars_question_finds_part_five_and_table_8(library: Library) -> None:
    hits = library.search.search("公车有几辆？", Scope(doc_ids=(_doc(library, LUOHU),)), k=8)
    refs = {h.ref for h in hits}
    assert "第五部分" in refs and "表8" in refs
    assert any("持有2辆公务用车" in t for t in _texts(hits[:5]))


def test_hit_line_points_at_the_passage_in_the_document(library: Library) -> None:
    doc_id = _doc(library, LUOHU)
    (hit,) = library.search.search("负责推进街道和社区社保窗口延伸服务", Scope(doc_ids=(doc_id,)), k=1)
    lines = library.store.document(doc_id).text.split("\n")
    assert hit.text == "负责推进街道和社区社保窗口延伸服务。"
    assert "负责推进街道" in lines[hit.line - 1].replace(" ", "") + lines[hit.line].replace(" ", "")


@pytest.mark.parametrize("scope_of", [
    lambda lib: Scope(doc_ids=(_doc(lib, FUTIAN),)),
    lambda lib: Scope(department=FUTIAN),
    lambda lib: Scope(year=2023),
])
def test_scope_keeps_to_one_disclosure(library: Library, scope_of) -> None:
    hits = library.search.search("社保志愿服务", scope_of(library), k=10)
    assert hits and {h.doc_id for h in hits} == {_doc(library, FUTIAN)}
    assert any("福田" in h.text or "2023" in h.text or "志愿服务" in h.text for h in hits)


def test_unscoped_search_sees_both_disclosures(library: Library) -> None:
    hits = library.search.search("区财政安排项目主要用于什么", k=10)
    assert {h.doc_id for h in hits} == {d.doc_id for d in library.documents()}


def test_scope_matching_nothing_gives_nothing(library: Library) -> None:
    assert library.search.search("公车", Scope(year=1999), k=5) == []
    assert library.search.search("   ", k=5) == []


@pytest.mark.parametrize("mode", ["vector", "lexical"])
def test_each_ranking_alone_finds_the_duties(library: Library, mode: str) -> None:
    hits = library.search.search("负责哪些社会保险的参保登记", Scope(department=LUOHU), k=5, mode=mode)
    assert any("参保登记" in t for t in _texts(hits))


def test_resolve_by_file_name(library: Library) -> None:
    assert library.resolve("futian-social-insurance-2023-budget.txt") == _doc(library, FUTIAN)
    assert library.resolve("unknown.txt") is None


def test_unreachable_server_names_the_url(tmp_path: Path) -> None:
    config = Config(home=tmp_path, chroma_url="http://127.0.0.1:9")
    with pytest.raises(StoreUnavailable) as error:
        open_library(config)
    assert "http://127.0.0.1:9" in str(error.value)
