"""Spreadsheet bombs: a small .xlsx that unpacks to a gigabyte is refused, in bounded memory.

The bomb goes through the real `budgetqa ingest` in a child process whose own peak
RSS is read with os.wait4; the home it is ingested into keeps what it held.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from builders.xlsx_bomb import write_lying_xlsx_bomb, write_wide_workbook, write_xlsx_bomb
from ingest.errors import UnreadableDocument
from ingest.readers.formats import read_layout
from ingest.readers.xlsx_bounds import MAX_CELLS
from ui_server import copy_home

PEAK_RSS_MB = 500  # the bound for ingesting the bomb
# A regression must fail the test, not take the machine: the child's address space is capped
# far above what a refused ingest needs and far below what parsing 1 GB of cells takes.
GUARD_ADDRESS_SPACE = 8 * 1024 ** 3
HANG_GUARD_SECONDS = 600


# Peak RSS is read by a small launcher that forks and execs the CLI: a child forked from pytest
# itself would count pytest's own resident memory (hundreds of MB late in a full run) in its
# ru_maxrss, since Linux carries the pre-exec high-water mark over the exec.
LAUNCHER = """
import os, resource, sys
limit, out, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(args[0], args)
_, status, usage = os.wait4(pid, 0)
open(out, "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(args: list[str], out: Path) -> tuple[int, float, str]:
    """Run `python -m ui.cli ARGS`; returns (exit code, the child's peak RSS in MB, its output)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    peak = out.with_suffix(".rss")
    command = [sys.executable, "-c", LAUNCHER, str(GUARD_ADDRESS_SPACE), str(peak),
               sys.executable, "-m", "ui.cli", *args]
    with out.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env,
                                   start_new_session=True)
        try:
            code = process.wait(timeout=HANG_GUARD_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise
    return code, int(peak.read_text()) / 1024, out.read_text(errors="replace")


def live_documents(home: Path) -> list[tuple]:
    from index.store import RecordStore

    store = RecordStore(home / "budgetqa.sqlite3")
    try:
        return [(d.doc_id, d.sha256, d.records, d.chunks) for d in store.documents()]
    finally:
        store.close()


def test_a_spreadsheet_bomb_is_refused_under_the_memory_bound_and_changes_nothing(sample_home, tmp_path):
    home = copy_home(sample_home, tmp_path / "home")
    before = live_documents(home)
    bomb = write_xlsx_bomb(tmp_path / "预算表.xlsx", unpacked_mb=1024)
    assert bomb.stat().st_size < 5 * 1024 * 1024

    code, peak_mb, output = run_measured(["ingest", str(bomb), "--home", str(home)], tmp_path / "out.txt")

    assert code == 1, output
    assert "解压后过大" in output and "预算表.xlsx" in output
    assert "Traceback" not in output and "内部错误" not in output
    assert peak_mb < PEAK_RSS_MB, f"peak RSS {peak_mb:.0f} MB"
    assert live_documents(home) == before


def test_a_bomb_whose_zip_headers_lie_about_its_size_is_refused(tmp_path):
    path = write_lying_xlsx_bomb(tmp_path / "lie.xlsx")
    with pytest.raises(UnreadableDocument, match="无法读取"):
        read_layout(path.read_bytes(), "lie.xlsx")


def test_a_workbook_of_too_many_cells_is_refused_naming_the_bound(tmp_path):
    path = write_wide_workbook(tmp_path / "wide.xlsx", rows=MAX_CELLS // 100 + 1, columns=100)
    with pytest.raises(UnreadableDocument, match="单元格超过") as error:
        read_layout(path.read_bytes(), "wide.xlsx")
    assert "wide.xlsx" in str(error.value)


def test_a_workbook_within_the_bounds_is_read(tmp_path):
    path = write_wide_workbook(tmp_path / "ok.xlsx", rows=200, columns=10)
    layout = read_layout(path.read_bytes(), "ok.xlsx")
    assert any("项目199" in line for line in layout.lines)


def test_a_dtd_in_a_workbook_part_is_refused(tmp_path):
    import zipfile

    source = write_wide_workbook(tmp_path / "ok.xlsx", rows=3, columns=3)
    target = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for part in old.infolist():
            data = old.read(part)
            if part.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE lol [<!ENTITY lol "lol">]>' + data.split(b"?>", 1)[-1]
            new.writestr(part.filename, data)
    with pytest.raises(UnreadableDocument, match="已损坏"):
        read_layout(target.read_bytes(), "dtd.xlsx")
