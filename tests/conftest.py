"""Shared fixtures: real files, real stores. Nothing here mocks our own code."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import sample_path as _sample_path

EXCERPTS = Path(__file__).parent / "fixtures" / "excerpts"  # copies of ../shared/corpus/excerpts
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The built-in sample disclosure shipped in the package."""
    return _sample_path()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh, empty home folder."""
    path = tmp_path / "home"
    path.mkdir()
    return path


# --- index fixtures --------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    """A real Chroma server (`chroma run`) on a free loopback port; yields its URL, stops it after."""
    import shutil
    import subprocess
    import time
    import urllib.request

    chroma = shutil.which("chroma") or str(Path(__import__("sys").executable).with_name("chroma"))
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = open(data.parent / f"chroma-server-{port}.log", "w")
    process = subprocess.Popen([chroma, "run", "--path", str(data), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"chroma server did not start; see {log.name}")
        time.sleep(0.3)
    yield url
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the built-in sample ingested once through `ingest_files`; only read afterwards."""
    from assistant.config import load_config
    from index.ingest import ingest_files

    path = tmp_path_factory.mktemp("sample-home")
    results = ingest_files(load_config(path), [_sample_path()])
    assert [r.status for r in results] == ["added"], results
    return path
