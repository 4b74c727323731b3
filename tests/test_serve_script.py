"""scripts/serve.sh installs the project only when pyproject.toml changed, not on every start.

The script runs in a copy of the project whose .venv holds stand-ins for python and
budgetqa that record how they were called (pip is the outside tool being counted).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FAKE_PYTHON = """#!/usr/bin/env bash
echo "python $*" >> "$CALLS"
"""
FAKE_BUDGETQA = """#!/usr/bin/env bash
echo "budgetqa $*" >> "$CALLS"
"""


def project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "serve.sh", project / "scripts" / "serve.sh")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    bin_dir = project / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, text in (("python", FAKE_PYTHON), ("budgetqa", FAKE_BUDGETQA)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    (bin_dir / "activate").write_text(f'export PATH="{bin_dir}:$PATH"\n')
    return project


def start(project: Path, calls: Path) -> tuple[list[str], str]:
    calls.write_text("")
    done = subprocess.run(["bash", str(project / "scripts" / "serve.sh"), "--port", "8080"],
                          capture_output=True, text=True, timeout=60, env={"CALLS": str(calls), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return calls.read_text().splitlines(), done.stdout + done.stderr


def test_serve_installs_once_then_only_after_pyproject_changes(tmp_path):
    project = project_copy(tmp_path)
    calls = tmp_path / "calls.txt"

    first, _ = start(project, calls)
    assert any("pip install" in call and "-e ." in call for call in first), first
    assert first[-1] == "budgetqa serve --port 8080"

    second, output = start(project, calls)
    assert second == ["budgetqa serve --port 8080"]  # no pip at all
    assert output == ""

    with (project / "pyproject.toml").open("a") as handle:
        handle.write("\n# a new dependency would go here\n")
    third, _ = start(project, calls)
    assert any("pip install" in call and "-e ." in call for call in third), third
