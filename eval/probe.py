"""Reliability probe of the web app's API: hostile requests, then many clients with an ingest
from another process in the middle.

    python -m eval.probe [--clients 20] [--seconds 60]

It starts `budgetqa serve` on a fresh home holding the built-in sample, so it measures this
checkout. Printed, never asserted: the count of 5xx answers to hostile requests; requests,
errors and p95 latency under load; whether the document ingested mid-run is answered after.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from eval.metrics import percentile
from ingest import sample_path

ROOT = Path(__file__).resolve().parent.parent
# A second disclosure ingested while the server answers: a development-corpus excerpt.
OTHER = ROOT / "tests" / "fixtures" / "dev_corpus" / "texts" / "g06-yongchuan-nongji-2024-final.txt"
QUESTIONS = ["今年一共有多少钱？", "公车有几辆？", "三公经费是多少？", "为什么预算比去年多？", "基本支出多少？"]
READY_SECONDS = 180
HOSTILE_ROUNDS = 20


def _hostile_bodies() -> list[bytes]:
    deep = lambda n: ("[" * n + "]" * n).encode()  # noqa: E731 - a one-line helper
    return [
        deep(2_000), deep(30_000), b'{"question": ' + b"9" * 5_000 + b"}",
        b'{"question": "\\ud800"}', b'{"question": "x", "doc": "\\ud800"}',
        b'{"question": "x", "history": [' + b"1" * 5_000 + b"]}", b"not json", b"", b"[]", b"null",
        b'{"question": 1}', b'{"question": "x", "extra": 1}', b'{"question": "' + "问".encode() * 600 + b'"}',
        b'{"question": "x", "doc": "<img src=x onerror=alert(1)>"}', b'{"question": "x", "history": "a"}',
        b'{"question": "x", "history": [' + b'"a",' * 50 + b'"a"]}', b"\xff\xfe\x00",
    ]


def _post(port: int, body: bytes, timeout: float = 60) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "ui.cli", *args]


def _wait_ready(port: int) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents", timeout=5).read()
            return
        except OSError:
            time.sleep(1)
    raise SystemExit("服务没有在规定时间内启动")


def _hostile(port: int) -> tuple[int, int]:
    bodies = _hostile_bodies()
    sent = server_errors = 0
    for _ in range(HOSTILE_ROUNDS):
        for body in bodies:
            status, _ = _post(port, body)
            sent += 1
            server_errors += status >= 500
    return sent, server_errors


def _load(port: int, home: Path, clients: int, seconds: float) -> dict:
    stop = time.monotonic() + seconds
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        turn = number
        while time.monotonic() < stop:
            question = QUESTIONS[turn % len(QUESTIONS)]
            turn += 1
            started = time.monotonic()
            try:
                status, body = _post(port, json.dumps({"question": question}).encode())
                answer = json.loads(body) if status == 200 else {}
                failed = status != 200 or answer.get("status") not in ("answered", "not_found", "clarify")
                problem = f"{status} {body[:80]!r}" if failed else ""
            except OSError as error:
                problem = f"{type(error).__name__}: {error}"
            with lock:
                latencies.append((time.monotonic() - started) * 1000)
                if problem:
                    errors.append(problem)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 3)
    ingest = subprocess.run(_cli("ingest", str(OTHER), "--home", str(home)), capture_output=True, text=True,
                            cwd=ROOT)
    for thread in threads:
        thread.join()
    return {"requests": len(latencies), "errors": errors, "p95": percentile(latencies, 0.95),
            "ingest_rc": ingest.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="budgetqa-probe-") as folder:
        home = Path(folder) / "home"
        subprocess.run(_cli("ingest", str(sample_path()), "--home", str(home)), check=True, capture_output=True,
                       cwd=ROOT)
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")} | {
            "GRADIO_ANALYTICS_ENABLED": "False"}
        log = open(Path(folder) / "serve.log", "w")
        server = subprocess.Popen(_cli("serve", "--home", str(home), "--port", str(port)), stdout=log,
                                  stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        try:
            _wait_ready(port)
            sent, server_errors = _hostile(port)
            print(f"hostile requests: {sent} sent, {server_errors} answered 5xx")
            load = _load(port, home, options.clients, options.seconds)
            print(f"load: {options.clients} clients × {options.seconds:.0f} s, {load['requests']} requests, "
                  f"{len(load['errors'])} errors, p95 {load['p95']:.0f} ms; ingest in the middle exit "
                  f"{load['ingest_rc']}")
            for problem in load["errors"][:5]:
                print(f"  error: {problem}")
            status, body = _post(port, json.dumps({"question": "2024年度收、支总计是多少？",
                                                   "doc": OTHER.name}).encode())
            answer = json.loads(body) if status == 200 else {}
            print(f"document ingested mid-run answered afterwards: {answer.get('status') == 'answered'} "
                  f"({status}: {answer.get('text', body[:80])!r})")
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()


if __name__ == "__main__":
    main()
