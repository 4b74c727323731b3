"""POST /api/ask over real HTTP, against `budgetqa serve` on a copy of the sample home."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time

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


# ---------------------------------------------------------------- hostile bodies

def deeply_nested(levels: int) -> bytes:
    return b'{"question": ' + b"[" * levels + b"]" * levels + b"}"


@pytest.mark.parametrize(("body", "words"), [
    (deeply_nested(2_000), "嵌套"),
    (deeply_nested(30_000), "嵌套"),
    (b'{"question": ' + b"7" * 5_000 + b"}", "数字"),
    ('{"question": "公车有几辆？", "history": ['.encode() + b"7" * 5_000 + b"]}", "数字"),
    (b'{"question": "\\ud800"}', "字符"),
    (b'{"question": "\\u516c\\u8f66\\ud800"}', "字符"),
])
def test_hostile_json_is_a_400_not_a_500(server, body, words):
    status, answer = ask(server, body)
    assert status == 400, answer
    assert set(answer) == {"error"}
    assert words in answer["error"]
    assert re.search(r"[\u4e00-\u9fff]", answer["error"])


def test_lone_surrogate_doc_is_a_4xx_not_a_500(server):
    status, answer = ask(server, b'{"question": "\\u516c\\u8f66\\u6709\\u51e0\\u8f86", "doc": "\\ud800"}')
    assert 400 <= status < 500, answer
    assert re.search(r"[\u4e00-\u9fff]", answer["error"])


def test_unknown_doc_error_does_not_echo_raw_html(server):
    hostile = "<img src=x onerror=alert(1)>"
    status, body = ask(server, {"question": "公车有几辆？", "doc": hostile})
    assert status == 404
    assert "<" not in body["error"] and ">" not in body["error"]
    assert "img src=x" in body["error"]  # still names what was asked for, with the markup removed


# ---------------------------------------------------------------- body size

class RawPost:
    """POST over a bare socket, so the declared Content-Length and the bytes sent can differ.

    A reader thread waits for the response while the body is offered slowly; the
    sender stops as soon as the response is in, and counts what it sent.
    """

    def __init__(self, server: str, head: bytes) -> None:
        import socket
        from urllib.parse import urlparse

        where = urlparse(server)
        self.sock = socket.create_connection((where.hostname, where.port), timeout=30)
        self.sock.sendall(head)
        self.sent = 0
        self.response = b""
        self.answered = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            while not _complete(self.response):
                piece = self.sock.recv(65536)
                if not piece:
                    break
                self.response += piece
        except OSError:
            pass
        self.answered.set()

    def offer(self, chunks, pause: float = 0.01) -> None:
        for chunk in chunks:
            if self.answered.is_set():
                return
            try:
                self.sock.sendall(chunk)
            except OSError:
                return  # the server stopped reading
            self.sent += len(chunk)
            time.sleep(pause)

    def result(self) -> tuple[int, dict]:
        self.answered.wait(30)
        self.sock.close()
        head, _, payload = self.response.partition(b"\r\n\r\n")
        return int(head.split(b" ", 2)[1]), json.loads(payload.decode("utf-8"))


def _complete(data: bytes) -> bool:
    head, sep, payload = data.partition(b"\r\n\r\n")
    match = re.search(rb"(?i)content-length:\s*(\d+)", head)
    return bool(sep and match and len(payload) >= int(match.group(1)))


def request_head(length_header: bytes) -> bytes:
    return (b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + length_header + b"Connection: close\r\n\r\n")


def test_declared_body_over_64_kb_is_refused_before_reading_it(server):
    """Content-Length says 200 MB: the 413 comes back before a single body byte is sent."""
    post = RawPost(server, request_head(b"Content-Length: 209715200\r\n"))
    assert post.answered.wait(10), "the server waited for the 200 MB it was promised"
    status, body = post.result()
    assert status == 413
    assert "64 KB" in body["error"] and re.search(r"[\u4e00-\u9fff]", body["error"])


def test_chunked_body_over_64_kb_is_refused_while_reading(server):
    """No Content-Length (chunked): the server stops reading once past the limit."""
    piece = b" " * 32768
    chunk = b"%x\r\n" % len(piece) + piece + b"\r\n"
    post = RawPost(server, request_head(b"Transfer-Encoding: chunked\r\n"))
    post.offer(chunk for _ in range(64))  # 2 MB offered, slowly
    status, body = post.result()
    assert status == 413
    assert post.sent < 1024 * 1024, f"the server read {post.sent} bytes before refusing"
    assert "64 KB" in body["error"]


def test_body_just_under_the_limit_is_still_read(server):
    body = b'{"question": "\\u516c\\u8f66\\u6709\\u51e0\\u8f86\\uff1f"}' + b" " * (60 * 1024)
    status, answer = ask(server, body)
    assert status == 200 and answer["status"] == "answered"


def test_page_is_a_chinese_page_with_its_own_title_description_and_icon(server):
    status, page = get(f"{server}/")
    assert status == 200
    assert re.search(r'<html\b[^>]*\blang="zh-CN"', page)
    assert 'lang="en"' not in page
    assert "<title>部门预算公开问答</title>" in page
    assert re.search(r'<meta name="description" content="[^"]*[\u4e00-\u9fff][^"]*"', page)
    assert re.search(r'<meta property="og:title" content="部门预算公开问答"', page)
    assert re.search(r'<meta property="og:description" content="[^"]*[\u4e00-\u9fff]', page)
    assert "Click to try out the app!" not in page and 'content="Gradio"' not in page
    assert "@Gradio" not in page and "header-image.jpg" not in page
    icon = re.search(r'<link rel="icon"[^>]*href="([^"]+)"', page)
    assert icon
    import urllib.request

    with urllib.request.urlopen(f"{server}/{icon.group(1).lstrip('./')}", timeout=30) as response:
        assert response.status == 200 and response.headers["Content-Type"].startswith("image/")
