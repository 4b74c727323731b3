"""Hostile uploads to the staff desk of a real server: refused with a Chinese message, parsed in a
memory-limited child process, so the server's own memory stays put and it keeps answering.

The server runs with a small parse limit (BUDGETQA_PARSE_MEMORY_MB) so that a workbook inside
the reader's bounds but larger than any disclosure runs past it in seconds, not minutes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from builders.xlsx_bomb import write_wide_workbook, write_xlsx_bomb
from ingest.readers.xlsx_bounds import MAX_CELLS
from ui_server import SERVER_PIDS, copy_home, get, post_json, running_server, upload_excerpt

PASSWORD = "desk-secret-42"
# A small workbook parses within about 170 MB of address space (openpyxl and its imports),
# a text disclosure within about 40 MB; the wide workbook below needs about 300 MB.
PARSE_MEMORY_MB = 256
SERVER_GROWTH_MB = 100  # the server's peak RSS may grow by this much over the hostile uploads
EXCERPT = "ex09.txt"


@pytest.fixture(scope="module")
def server(sample_home, tmp_path_factory) -> str:
    home = copy_home(sample_home, tmp_path_factory.mktemp("limits") / "home")
    settings = {"BUDGETQA_PARSE_MEMORY_MB": str(PARSE_MEMORY_MB)}
    with running_server(home, admin_password=PASSWORD, settings=settings) as url:
        yield url


@pytest.fixture(scope="module")
def desk(server) -> Client:
    return Client(f"{server}/desk/", auth=("staff", PASSWORD), verbose=False)


def peak_rss_mb(url: str) -> float:
    """The server process's peak resident memory so far (VmHWM), in MB."""
    status = Path(f"/proc/{SERVER_PIDS[url]}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def document_ids(server: str) -> list[str]:
    status, text = get(f"{server}/api/documents")
    assert status == 200
    return [d["doc"] for d in json.loads(text)]


def test_hostile_uploads_are_refused_and_the_server_keeps_its_memory_and_answers(server, desk, tmp_path):
    before = document_ids(server)
    peak_before = peak_rss_mb(server)

    bomb = write_xlsx_bomb(tmp_path / "炸弹.xlsx", unpacked_mb=1024)
    report, _docs, _picker = desk.predict([handle_file(str(bomb))], api_name="/upload")
    assert "炸弹.xlsx" in report and "失败" in report and "解压后过大" in report

    # Just within the reader's cell bound, past the parse limit.
    wide = write_wide_workbook(tmp_path / "宽表.xlsx", rows=MAX_CELLS // 100 - 1, columns=100)
    report, _docs, _picker = desk.predict([handle_file(str(wide))], api_name="/upload")
    assert "宽表.xlsx" in report and "失败" in report
    assert f"超出了内存上限（{PARSE_MEMORY_MB} MB）" in report and "没有任何改动" in report

    html, download, table = desk.predict(handle_file(str(wide)), api_name="/audit_upload")
    assert "无法核对" in html and "内存上限" in html and download is None and table is None

    assert peak_rss_mb(server) - peak_before < SERVER_GROWTH_MB
    assert document_ids(server) == before
    status, answer = post_json(f"{server}/api/ask", {"question": "公车有几辆？"})
    assert status == 200 and answer["status"] == "answered"


def test_a_disclosure_within_the_limit_is_still_ingested_through_the_child(server, desk, tmp_path):
    before = document_ids(server)
    report, _docs, _picker = upload_excerpt(desk, tmp_path, EXCERPT)
    assert EXCERPT in report and "已新增" in report
    added = [doc_id for doc_id in document_ids(server) if doc_id not in before]
    assert len(added) == 1
    desk.predict(added[0], api_name="/remove")
