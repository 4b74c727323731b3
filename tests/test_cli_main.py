"""The installed `budgetqa` script: user errors in Chinese, never a traceback."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = shutil.which("budgetqa") or str(Path(sys.executable).with_name("budgetqa"))


def run(*args, home):
    env = dict(os.environ, BUDGETQA_HOME=str(home))
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=env, timeout=120)


def test_help_lists_every_command(home):
    result = run("--help", home=home)
    assert result.returncode == 0
    for name in ("ingest", "inspect", "audit", "ask", "eval", "serve"):
        assert name in result.stdout


def test_missing_file_is_a_chinese_message_without_traceback(home, tmp_path):
    result = run("inspect", str(tmp_path / "nope.txt"), home=home)
    assert result.returncode == 1
    assert "找不到文件" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_option_is_a_usage_error(home):
    result = run("inspect", "--bogus", home=home)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("payload", [b"", b"\x00\x01\x02binary\x00" * 50])
def test_bad_files_exit_1_without_traceback(home, tmp_path, payload):
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    result = run("inspect", str(path), home=home)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("错误：")
    assert "Traceback" not in result.stderr
