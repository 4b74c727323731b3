"""POST /api/ask over real HTTP, against `budgetqa serve` on a copy of the sample home."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from ui_server import copy_home, get, post_json, running_server

SAMPLE_FILE = "luohu-social-insurance-2022-budget.txt"
ANSWER_KEYS = {"status", "text", "facts", "citations", "latency_ms"}


@pytest.fixture(scope="module")
def server(sample_home, tmp_path_factory) -> str:
    """The web app on the sample, without an admin password (no staff desk)."""
    home = copy_home(sample_home, tmp_path_factory.mktemp("api") / "home")
    with running_server(home) as url:
        yield url


def ask(server: str, body: object | bytes) -> tuple[int, dict]:
    return post_json(f"{server}/api/ask", body)


def test_ask_returns_the_answer_json_with_figure_and_citation(server):
    status, answer = ask(server, {"question": "公车有几辆？"})
    assert status == 200
    assert set(answer) == ANSWER_KEYS
    assert answer["status"] == "answered"
    assert re.search(r"2\s*辆", answer["text"])  # 第五部分: 2022 年我单位持有 2 辆公务用车
    refs = [c["ref"] for c in answer["citations"]]
    assert any(ref in ("第五部分", "第八部分") for ref in refs), refs


def test_history_makes_a_follow_up_resolve(server):
    status, answer = ask(server, {"question": "其中物业管理费呢？", "history": ["基本支出多少？"]})
    assert status == 200
    assert "231" in answer["text"]  # 表4 物业管理费 231
    assert any(c["ref"] == "表4" for c in answer["citations"])


def test_doc_may_be_the_ingested_file_name(server):
    status, answer = ask(server, {"question": "“三公”经费预算是多少？", "doc": SAMPLE_FILE})
    assert status == 200
    assert re.search(r"8\s*万元", answer["text"])


def test_unknown_doc_is_a_404_naming_it(server):
    status, body = ask(server, {"question": "公车有几辆？", "doc": "no-such-2099.txt"})
    assert status == 404
    assert "no-such-2099.txt" in body["error"]


@pytest.mark.parametrize(("body", "words"), [
    (b"{not json", "JSON"),
    (b"\xff\xfe\x00", "JSON"),
    (["公车有几辆？"], "对象"),
    ({}, "question"),
    ({"question": ""}, "question"),
    ({"question": 42}, "question"),
    ({"question": "公车有几辆？", "history": "基本支出多少？"}, "history"),
    ({"question": "公车有几辆？", "doc": 7}, "doc"),
    ({"question": "公车有几辆？", "q": "x"}, "不认识的字段"),
])
def test_invalid_body_is_a_400_with_a_chinese_message(server, body, words):
    status, answer = ask(server, body)
    assert status == 400
    assert set(answer) == {"error"}
    assert words in answer["error"]
    assert re.search(r"[\u4e00-\u9fff]", answer["error"])


def test_question_over_the_length_limit_is_refused(server):
    status, body = ask(server, {"question": "公车有几辆？" * 100})  # 600 characters
    assert status == 400
    assert "500" in body["error"] and "太长" in body["error"]


def test_get_on_ask_explains_to_use_post(server):
    status, text = get(f"{server}/api/ask")
    assert status == 405
    assert "POST" in text


def test_documents_lists_the_sample(server):
    status, text = get(f"{server}/api/documents")
    assert status == 200
    assert SAMPLE_FILE in text and "2022" in text


def test_serve_on_a_taken_port_says_so_in_chinese(server, tmp_path):
    port = server.rsplit(":", 1)[1]
    done = subprocess.run([sys.executable, "-m", "ui.cli", "serve", "--home", str(tmp_path / "h"),
                           "--port", port], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "端口已被占用" in done.stderr and "Traceback" not in done.stderr


def test_staff_desk_is_absent_without_admin_password(server):
    status, text = get(f"{server}/desk/")
    assert status == 404
    assert "BUDGETQA_ADMIN_PASSWORD" in text
    status, _ = get(f"{server}/desk/config")
    assert status == 404


def test_a_portal_page_on_another_origin_may_call_the_api(server):
    """CORS: the browser's preflight is allowed and answers carry Access-Control-Allow-Origin."""
    import json as json_module
    import urllib.request

    origin = {"Origin": "https://portal.example.gov.cn"}
    preflight = urllib.request.Request(f"{server}/api/ask", method="OPTIONS", headers={
        **origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    with urllib.request.urlopen(preflight, timeout=30) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
    body = json_module.dumps({"question": "公车有几辆？"}).encode("utf-8")
    post = urllib.request.Request(f"{server}/api/ask", data=body, method="POST",
                                  headers={**origin, "Content-Type": "application/json"})
    with urllib.request.urlopen(post, timeout=30) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert json_module.loads(response.read())["status"] == "answered"
