"""A real small filesystem (tmpfs) for full-disk tests; needs root, else the test is skipped."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(path: Path, size_kb: int) -> Iterator[Path]:
    """Mount a tmpfs of `size_kb` KB at `path` for the block; unmount it after."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k",
                              f"tmpfs-{uuid.uuid4().hex[:6]}", str(path)], capture_output=True)
    if mounted.returncode != 0 or shutil.disk_usage(path).total > size_kb * 1024:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(disk: Path, leave_kb: int = 0) -> None:
    """Fill the disk with one file until only about `leave_kb` KB are free."""
    with open(disk / "filler", "wb") as filler:
        while shutil.disk_usage(disk).free > leave_kb * 1024:
            try:
                filler.write(b"\0" * min(65536, max(4096, shutil.disk_usage(disk).free - leave_kb * 1024)))
                filler.flush()
            except OSError:
                break
