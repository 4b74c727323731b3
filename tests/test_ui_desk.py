"""The staff desk over real HTTP: refused without the password; uploads, removal and batches with it."""

from __future__ import annotations

import csv
import json
import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from ui_server import copy_home, get, running_server, upload_excerpt

PASSWORD = "desk-secret-42"
EXCERPT = "ex09.txt"  # 桂林市司法局 2015 “三公”经费预算 (a real excerpt, small)


@pytest.fixture(scope="module")
def upload_dir(tmp_path_factory) -> Path:
    """The server's Gradio upload folder (GRADIO_TEMP_DIR)."""
    return tmp_path_factory.mktemp("desk-uploads")


@pytest.fixture(scope="module")
def server(sample_home, tmp_path_factory, upload_dir) -> str:
    home = copy_home(sample_home, tmp_path_factory.mktemp("desk") / "home")
    with running_server(home, admin_password=PASSWORD, temp_dir=upload_dir) as url:
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
    before = document_ids(server)
    report, doc_list, picker = upload_excerpt(desk, tmp_path, EXCERPT)
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


# ---------------------------------------------------------------- 发布前核对 (audit)

SAMPLE = Path(__file__).resolve().parents[1] / "ingest" / "sample" / "luohu-social-insurance-2022-budget.txt"


def findings_with(report_html: str, verdict: str) -> list[str]:
    """The HTML of each finding card with this verdict (cards are flat divs: split on their opening tag)."""
    parts = report_html.split('<div class="audit-finding ')[1:]
    return [part for part in parts if part.startswith(f'verdict-{verdict}"')]


def summary_count(report_html: str, verdict_label: str) -> int:
    match = re.search(rf"{verdict_label} (\d+)</span>", report_html)
    assert match, report_html[:500]
    return int(match.group(1))


def test_audit_of_the_ingested_sample_lists_the_table11_unit_error(server, desk):
    doc_id = "luohu-2022"
    assert doc_id in document_ids(server)
    report, download, table = desk.predict(doc_id, api_name="/audit_document")
    assert re.search(r"检查 \d{2,} 项", report)
    errors = findings_with(report, "error")
    # 表11's amount columns say （元） while its header says 单位：万元 and the figures are 万元.
    assert len(errors) == 1 and summary_count(report, "错误") == 1
    assert "表11" in errors[0] and "（元）" in errors[0] and "单位：万元" in errors[0]
    assert summary_count(report, "尾数差异") == 0
    assert '<details class="audit-passed"><summary>通过的检查' in report
    with open(download, encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["summary"]["error"] == 1
    assert any(f["verdict"] == "error" and "表11" in f["where"] for f in data["findings"])
    with open(table, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 2 and rows[1][0].startswith("表11") and rows[1][2] == "错误"  # header + the one problem


def test_audit_of_an_upload_with_a_planted_fault_names_it_and_ingests_nothing(server, desk, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count("水费 8 8 8 ") == 1
    planted = tmp_path / "luohu-2022-draft.txt"
    planted.write_text(text.replace("水费 8 8 8 ", "水费 18 18 18 "), encoding="utf-8")
    before = document_ids(server)
    report, download, _ = desk.predict(handle_file(str(planted)), api_name="/audit_upload")
    errors = findings_with(report, "error")
    assert any("表4" in card and "商品和服务支出" in card and "水费" in card and "492" in card
               for card in errors)  # 表4 商品和服务支出 is printed as 492; its children now add to 502
    assert any("表11" in card for card in errors)  # the sample's own unit error is still there
    assert "没有载入文件" in report
    assert document_ids(server) == before
    with open(download, encoding="utf-8") as handle:
        assert json.load(handle)["source_name"] == "luohu-2022-draft.txt"


def test_audit_of_a_binary_upload_is_a_clear_chinese_message(server, desk, tmp_path):
    before = document_ids(server)
    bad = tmp_path / "scan-2023.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 not a disclosure \xff\xfe")
    report, download, table = desk.predict(handle_file(str(bad)), api_name="/audit_upload")
    assert "scan-2023.txt" in report and "无法核对" in report
    assert re.search(r'class="error-text">[^<]*[\u4e00-\u9fff]', report)
    assert "Traceback" not in report and download is None and table is None
    assert document_ids(server) == before


@pytest.mark.parametrize("path", ["/desk/gradio_api/call/audit_upload", "/desk/gradio_api/call/audit_document"])
def test_audit_refuses_without_login(server, path):
    assert post_form(f"{server}{path}", {"data": "[]"}) == 401


def test_audit_of_an_unknown_document_says_so(desk):
    report, download, _ = desk.predict("no-such-doc-1999", api_name="/audit_document")
    assert "未找到文件“no-such-doc-1999”" in report and download is None


# ---------------------------------------------------------------- login limit

def login_status(server: str, password: str) -> tuple[int, str]:
    data = urllib.parse.urlencode({"username": "staff", "password": password}).encode()
    request = urllib.request.Request(f"{server}/desk/login", data=data, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_repeated_wrong_passwords_lock_the_login_for_a_cool_down(sample_home, tmp_path):
    home = copy_home(sample_home, tmp_path / "home")
    with running_server(home, admin_password=PASSWORD) as url:
        started = time.monotonic()
        statuses = [login_status(url, f"guess-{n}")[0] for n in range(50)]
        assert statuses[:5] == [400] * 5  # Gradio's "Incorrect credentials"
        assert set(statuses[5:]) == {429}, statuses
        status, text = login_status(url, PASSWORD)  # right password, still cooling down
        assert status == 429
        message = json.loads(text)["detail"]
        assert re.search(r"[\u4e00-\u9fff]", message) and "秒" in message
        time.sleep(max(0.0, started + 16 - time.monotonic()))  # the first cool-down is 15 s
        assert login_status(url, PASSWORD)[0] == 200
        assert login_status(url, "guess-again")[0] == 400  # a success starts the count afresh


# ---------------------------------------------------------------- uploaded files

def logged_in_session(server: str):
    import requests

    session = requests.Session()
    response = session.post(f"{server}/desk/login", data={"username": "staff", "password": PASSWORD}, timeout=30)
    assert response.status_code == 200
    return session


def test_public_page_accepts_no_uploads(server):
    import requests

    response = requests.post(f"{server}/gradio_api/upload", files={"files": ("note.txt", b"hello")}, timeout=30)
    assert 400 <= response.status_code < 500, response.text
    assert "note.txt" not in response.text


def test_a_desk_upload_is_not_served_by_the_public_page(server):
    import requests

    session = logged_in_session(server)
    response = session.post(f"{server}/desk/gradio_api/upload",
                            files={"files": ("secret-draft-2025.txt", "内部草稿，尚未公开。".encode())}, timeout=30)
    assert response.status_code == 200
    [path] = response.json()
    assert session.get(f"{server}/desk/gradio_api/file={path}", timeout=30).status_code == 200  # staff: yes
    for public in (f"{server}/gradio_api/file={path}", f"{server}/file={path}"):
        response = requests.get(public, timeout=30)
        assert 400 <= response.status_code < 500, public
        assert "内部草稿" not in response.text


def test_uploaded_disclosures_are_deleted_after_ingest(server, desk, upload_dir, tmp_path):
    name = "ex10.txt"
    source = tmp_path / name
    source.write_bytes((Path(__file__).parent / "fixtures" / "excerpts" / name).read_bytes())
    before = document_ids(server)
    report, _doc_list, _picker = desk.predict([handle_file(str(source))], api_name="/upload")
    assert name in report and "已新增" in report
    left = [p for p in upload_dir.rglob(name)]
    assert not left, left
    added = [doc_id for doc_id in document_ids(server) if doc_id not in before]
    desk.predict(added[0], api_name="/remove")
