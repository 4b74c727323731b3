"""Parsing the next files in other processes while this one stores and embeds the current one
(`budgetqa ingest --jobs N`).

Files are parsed in the order given, at most `AHEAD_PER_JOB` per worker ahead of the one being
written: parsed documents wait in memory, and embedding is the slow step, so parsing all of a
thousand files ahead would only hold their text. Children are spawned, not forked (as in
ingest/isolated.py). A parse error comes back as the same Chinese error the parse in this
process would raise.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Sequence

from ingest.model import Document

# Files parsed ahead per worker: enough to keep every worker busy while one document is written.
AHEAD_PER_JOB = 2


def _parse(path: Path) -> Document:
    from ingest.document import parse_document  # imported in the child: the readers load pdfplumber

    return parse_document(path)


class ParsePool:
    """`pool(path)` is `parse_document(path)`, parsed ahead in `jobs` processes for `paths` in order."""

    def __init__(self, paths: Sequence[Path], jobs: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
        self._waiting = deque(Path(p) for p in paths)
        self._started: dict[Path, Future] = {}
        self._ahead = jobs * AHEAD_PER_JOB
        self._fill()

    def _fill(self) -> None:
        while self._waiting and len(self._started) < self._ahead:
            path = self._waiting.popleft()
            self._started[path] = self._pool.submit(_parse, path)

    def __call__(self, path: Path) -> Document:
        future = self._started.pop(Path(path), None)
        self._fill()
        if future is None:  # not one of `paths` (or asked twice): parsed here
            return _parse(Path(path))
        return future.result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
