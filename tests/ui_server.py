"""Run the real web app (`budgetqa serve`) in a subprocess for HTTP and browser tests."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT = 120  # seconds: ingesting the sample into an empty home embeds ~300 passages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_home(source: Path, target: Path) -> Path:
    """A private copy of an ingested home (tests that write must not touch the shared one)."""
    shutil.copytree(source, target)
    return target


SERVER_PIDS: dict[str, int] = {}  # base URL -> process id of the running server, for tests that measure it


@contextmanager
def running_server(home: Path, admin_password: str = "", temp_dir: Path | None = None,
                   settings: dict[str, str] | None = None) -> Iterator[str]:
    """Start `budgetqa serve --home HOME --port <free>`; yield its base URL; stop it after.

    `temp_dir` becomes Gradio's upload folder (GRADIO_TEMP_DIR), for tests that look into it;
    `settings` are extra BUDGETQA_* environment variables.
    """
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    env.update(settings or {})
    if admin_password:
        env["BUDGETQA_ADMIN_PASSWORD"] = admin_password
    env["GRADIO_ANALYTICS_ENABLED"] = "False"
    if temp_dir is not None:
        env["GRADIO_TEMP_DIR"] = str(temp_dir)
    log_path = home.parent / f"serve-{port}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "serve", "--home", str(home), "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env)
        url = f"http://127.0.0.1:{port}"
        SERVER_PIDS[url] = process.pid
        try:
            _wait_ready(process, url, log_path)
            yield url
        finally:
            SERVER_PIDS.pop(url, None)
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_ready(process: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"budgetqa serve exited early:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/api/documents", timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.5)
    process.kill()
    raise RuntimeError(f"budgetqa serve did not answer within {START_TIMEOUT}s:\n{log_path.read_text()}")


def post_json(url: str, body: object | bytes, timeout: float = 60) -> tuple[int, dict]:
    """POST a JSON body (or raw bytes); returns (status, parsed JSON response)."""
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode("utf-8"))


def get(url: str, timeout: float = 30) -> tuple[int, str]:
    """GET a URL; returns (status, body text) whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def upload_excerpt(desk, tmp_path: Path, name: str):  # noqa: ANN001, ANN201 - a gradio Client; its reply
    """Upload the real excerpt `name` (tests/fixtures/excerpts) through the desk's /upload: its
    (report, document list, picker)."""
    from gradio_client import handle_file

    source = tmp_path / name
    source.write_bytes((Path(__file__).parent / "fixtures" / "excerpts" / name).read_bytes())
    return desk.predict([handle_file(str(source))], api_name="/upload")
