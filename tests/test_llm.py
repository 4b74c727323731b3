"""The optional LLM path against a small local OpenAI-compatible server written here.

The server returns a canned draft: a draft with a number outside the facts is
discarded (the extractive answer is returned), a faithful draft is used, and a
dead endpoint falls back silently.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.config import load_config
from assistant.conversation import Conversation
from assistant.llm import completions_url, draft_is_faithful
from assistant.answer import Answer, Fact, Status
from index.library import open_library


class _Canned(BaseHTTPRequestHandler):
    draft = ""
    requests: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length", 0))
        type(self).requests.append(json.loads(self.rfile.read(length)))
        body = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).draft}}]})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode("utf-8"))

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def llm_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def library(sample_home: Path):
    return open_library(load_config(sample_home))


def _ask(library, sample_home: Path, url: str, question: str) -> Answer:
    config = load_config(sample_home, llm_url=url, llm_model="test-model")
    return Conversation(library, config).ask(question)


def test_draft_with_a_number_outside_the_facts_is_discarded(library, sample_home: Path, llm_url: str) -> None:
    _Canned.draft = "罗湖分局目前有10辆公务用车。"
    answer = _ask(library, sample_home, llm_url, "听说公车有10辆？")
    assert "10辆" not in answer.text and "2辆" in answer.text
    assert _Canned.requests and _Canned.requests[-1]["model"] == "test-model"


def test_faithful_draft_is_used(library, sample_home: Path, llm_url: str) -> None:
    _Canned.draft = "2022年，罗湖分局的物业管理费预算是231万元。"
    answer = _ask(library, sample_home, llm_url, "物业管理费是多少？")
    assert answer.text == _Canned.draft
    assert answer.citations and answer.citations[0].ref == "表4"


def test_dead_endpoint_falls_back_silently(library, sample_home: Path) -> None:
    answer = _ask(library, sample_home, "http://127.0.0.1:9", "物业管理费是多少？")
    assert answer.status is Status.ANSWERED and "231" in answer.text


def test_faithfulness_rules() -> None:
    answer = Answer(Status.ANSWERED, "物业管理费（231万元）占商品和服务支出（492万元）的47.0%。",
                    facts=(Fact(231, "万元", "物业管理费", "d", "表4"),
                           Fact(492, "万元", "商品和服务支出", "d", "表4")))
    assert draft_is_faithful("物业管理费231万元，约占47%。", answer, "物业管理费占比？")  # 47 is 47.0
    assert draft_is_faithful("物业管理费231万元，占47.0%。", answer, "2022年物业管理费占比？")
    invented = "2022年物业管理费231万元，占3,776万元的6%。"  # 3,776 and 6 are not in this answer
    assert draft_is_faithful(invented, answer, "2022年物业管理费占比？") is False
    assert draft_is_faithful("物业管理费两百万元。", answer, "物业管理费占比？") is False


@pytest.mark.parametrize("base, url", [
    ("http://h:1", "http://h:1/v1/chat/completions"),
    ("http://h:1/v1/", "http://h:1/v1/chat/completions"),
    ("http://h:1/v1/chat/completions", "http://h:1/v1/chat/completions"),
])
def test_completions_url(base: str, url: str) -> None:
    assert completions_url(base) == url
