"""`budgetqa ingest` through click's runner: counts printed, failures exit 1 with a Chinese message."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ui.cli import cli
from assistant.config import Config
from index.library import open_library


def test_ingest_prints_counts(home: Path, sample_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--home", str(home), str(sample_path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (info,) = open_library(Config(home=home), ensure_sample=False).documents()
    assert info.records > 0 and info.chunks > 0
    assert f"{info.sections} 个章节，{info.tables} 张表，{info.records} 条数据，{info.chunks} 个检索段落" \
        in result.output
    assert info.doc_id in result.output and "新增" in result.output
    again = CliRunner().invoke(cli, ["ingest", "--home", str(home), str(sample_path)], catch_exceptions=False)
    assert again.exit_code == 0 and "未变化" in again.output


def test_bad_file_exits_1_with_message(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 500)
    result = CliRunner().invoke(cli, ["ingest", "--home", str(home), str(bad)])
    assert result.exit_code == 1
    assert "导入失败" in result.output and "scan.txt" in result.output
    assert "Traceback" not in result.output


def test_chroma_url_switches_to_the_server(home: Path, sample_path: Path, chroma_server: str) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--home", str(home), str(sample_path)],
                                env={"BUDGETQA_CHROMA_URL": chroma_server}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not (home / "chroma").exists()  # the passages went to the server
    library = open_library(Config(home=home, chroma_url=chroma_server), ensure_sample=False)
    hits = library.search.search("社保志愿服务", k=3)
    assert hits and all("志愿服务" in h.text for h in hits[:1])


def test_unreachable_server_exits_1_naming_the_url(home: Path, sample_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--home", str(home), str(sample_path)],
                                env={"BUDGETQA_CHROMA_URL": "http://127.0.0.1:9"})
    assert result.exit_code == 1
    assert "http://127.0.0.1:9" in result.output and "Chroma" in result.output


def test_progress_bars_only_on_a_terminal(home: Path) -> None:
    """stderr is a pipe (a log, CI): plain per-file lines, no bars, no escape codes."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    files = [root / "tests" / "fixtures" / "final_accounts" / "xihu-culture-2024-budget.txt",
             root / "tests" / "fixtures" / "excerpts" / "ex09.txt"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    env["PYTHONPATH"] = str(root)
    done = subprocess.run([sys.executable, "-m", "ui.cli", "ingest", *map(str, files), "--home", str(home)],
                          capture_output=True, text=True, timeout=300, env=env, cwd=root)
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stderr and "\r" not in done.stderr, repr(done.stderr)
    assert "%|" not in done.stderr  # tqdm's bar
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == [f"正在导入（{n}/2）：{path}" for n, path in enumerate(map(str, files), 1)], lines
