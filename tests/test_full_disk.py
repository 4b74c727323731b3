"""A full disk, on real small filesystems (tmpfs): `budgetqa ingest` into a fresh home says
磁盘空间不足 whatever step runs out of space, with no traceback and no claim of a log it could not
write; `budgetqa ask` answers from a home whose disk is full, since answering writes nothing."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from full_disk import fill, small_disk

DISK_KB = 8 * 1024


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True,
                          env=env, timeout=600)


# Free space left for a fresh home: none at all, and amounts at which the SQLite store is
# created but the passage index (Chroma) or the first document's rows no longer fit.
@pytest.mark.parametrize("free_kb", [0, 64, 144, 256, 512])
def test_ingest_into_a_fresh_home_on_a_full_disk_says_so_clearly(free_kb, sample_path, tmp_path):
    with small_disk(tmp_path / "disk", DISK_KB) as disk:
        fill(disk, leave_kb=free_kb)
        done = run_cli("ingest", str(sample_path), "--home", str(disk / "home"))
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "磁盘空间不足" in output
    assert "Logging error" not in output and "Traceback" not in output
    assert "内部错误" not in output and "已记录在" not in output


def test_ask_answers_from_a_home_whose_disk_is_full(sample_home, tmp_path):
    with small_disk(tmp_path / "disk", 64 * 1024) as disk:
        home = disk / "home"
        shutil.copytree(sample_home, home)
        fill(disk)
        assert shutil.disk_usage(disk).free < 4096
        done = run_cli("ask", "--json", "公车有几辆？", "为什么预算比去年多？", "--home", str(home))
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Logging error" not in done.stderr and "Traceback" not in done.stderr
        first, second = json.loads(done.stdout)
        assert first["status"] == "answered" and 2 in [f["value"] for f in first["facts"]]
        assert second["status"] == "answered" and second["citations"]


def test_a_log_that_cannot_be_written_says_so_and_prints_nothing(tmp_path, capfd):
    from assistant.logs import log_to_home, log_written

    logger = logging.getLogger("budgetqa")
    handlers = list(logger.handlers)
    try:
        with small_disk(tmp_path / "disk", 256) as disk:
            (disk / "home").mkdir()
            path = log_to_home(disk / "home")
            fill(disk)
            logger.error("unexpected error:\n%s", "Traceback …" * 2000)
            assert not log_written(path)
    finally:
        for handler in logger.handlers[len(handlers):]:
            logger.removeHandler(handler)
            handler.close()
    assert "Logging error" not in capfd.readouterr().err
