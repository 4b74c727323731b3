"""The staff desk over real HTTP: refused without the password; uploads, removal and batches with it."""

from __future__ import annotations

import csv
import json
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from ui_server import copy_home, get, running_server

PASSWORD = "desk-secret-42"
EXCERPT = "ex09.txt"  # 桂林市司法局 2015 “三公”经费预算 (a real excerpt, small)


@pytest.fixture(scope="module")
def server(sample_home, tmp_path_factory) -> str:
    home = copy_home(sample_home, tmp_path_factory.mktemp("desk") / "home")
    with running_server(home, admin_password=PASSWORD) as url:
        yield url


@pytest.fixture(scope="module")
def desk(server) -> Client:
    return Client(f"{server}/desk/", auth=("staff", PASSWORD), verbose=False)


def document_ids(server: str) -> list[str]:
    status, text = get(f"{server}/api/documents")
    assert status == 200
    return [d["doc"] for d in json.loads(text)]


def post_form(url: str, fields: dict) -> int:
    data = urllib.parse.urlencode(fields).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST"), timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("path", ["/desk/config", "/desk/gradio_api/info"])
def test_desk_pages_refuse_without_login(server, path):
    status, _ = get(f"{server}{path}")
    assert status == 401


@pytest.mark.parametrize("path", ["/desk/gradio_api/upload", "/desk/gradio_api/queue/join",
                                  "/desk/gradio_api/call/upload", "/desk/gradio_api/call/remove"])
def test_desk_actions_refuse_without_login(server, path):
    assert post_form(f"{server}{path}", {"data": "[]"}) == 401


def test_desk_page_without_login_shows_only_the_login(server):
    status, page = get(f"{server}/desk/")
    assert status == 200
    assert '"auth_required":true' in page.replace(" ", "")
    assert "批量提问" not in page and "解析并载入" not in page


def test_wrong_password_is_refused(server):
    assert post_form(f"{server}/desk/login", {"username": "staff", "password": "wrong"}) >= 400
    with pytest.raises(Exception, match="(?i)login|401|auth"):
        Client(f"{server}/desk/", auth=("staff", "wrong"), verbose=False)


def test_bad_upload_shows_a_clear_message_and_changes_nothing(server, desk, tmp_path):
    before = document_ids(server)
    bad = tmp_path / "broken-2023.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 not a disclosure \xff\xfe")
    report, doc_list, _picker = desk.predict([handle_file(str(bad))], api_name="/upload")
    assert "broken-2023.txt" in report and "失败" in report
    assert re.search(r'class="error-text">[^<]*[\u4e00-\u9fff]', report)
    assert "没有任何改动" in report
    assert document_ids(server) == before
    assert all(doc_id in doc_list for doc_id in before)


def test_upload_lists_then_remove_deletes_a_disclosure(server, desk, tmp_path):
    source = tmp_path / EXCERPT
    source.write_bytes((Path(__file__).parent / "fixtures" / "excerpts" / EXCERPT).read_bytes())
    before = document_ids(server)
    report, doc_list, picker = desk.predict([handle_file(str(source))], api_name="/upload")
    assert EXCERPT in report and "已新增" in report
    added = [doc_id for doc_id in document_ids(server) if doc_id not in before]
    assert len(added) == 1 and added[0] in doc_list
    note, doc_list, _ = desk.predict(added[0], api_name="/remove")
    assert "已删除" in note and added[0] not in doc_list
    assert document_ids(server) == before


def test_batch_answers_come_back_as_csv_with_citations(desk, tmp_path):
    questions = tmp_path / "questions.csv"
    questions.write_text("编号,问题\nq1,公车有几辆？\nq2,“三公”经费预算是多少？\n", encoding="utf-8")
    note, out = desk.predict(handle_file(str(questions)), api_name="/batch")
    assert "已回答 2 个问题" in note
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["编号"] for row in rows] == ["q1", "q2"]
    assert re.search(r"2\s*辆", rows[0]["回答"])
    assert re.search(r"8\s*万元", rows[1]["回答"])
    assert all(row["出处"] for row in rows)


def test_bad_batch_file_gets_a_message_and_no_download(desk, tmp_path):
    bad = tmp_path / "questions.jsonl"
    bad.write_text('{"question": "公车有几辆？"}\n{broken\n', encoding="utf-8")
    note, out = desk.predict(handle_file(str(bad)), api_name="/batch")
    assert "第 2 行不是有效的 JSON" in note
    assert out is None
