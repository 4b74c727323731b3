"""Run a parse in a child process under an address-space limit, so a hostile file cannot take
down the process that asked for it (the web app's server, which also answers questions).

The readers bound what they know is dangerous (workbooks that unpack to gigabytes, page
counts); this is the outer wall for what they do not know: the child may use at most
`memory_mb` MB, and running out there is a Chinese error here, not a dead server. The child
is spawned, not forked: a fork of a threaded server can deadlock on a lock held by another
thread.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

from ingest.document import parse_document
from ingest.errors import UnreadableDocument
from ingest.model import Document

Result = TypeVar("Result")


def parse_isolated(path: Path, memory_mb: int) -> Document:
    """`parse_document(path)` in a child process allowed `memory_mb` MB of address space."""
    return run_isolated(parse_document, Path(path), memory_mb=memory_mb)


def run_isolated(function: Callable[..., Result], *args, memory_mb: int) -> Result:
    """`function(*args)` in a spawned child limited to `memory_mb` MB; its errors are raised here.

    Raises UnreadableDocument when the child runs out of memory or dies; the file is named
    from the first argument when it is a path.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_limit_memory,
                             initargs=(memory_mb,)) as pool:
        try:
            return pool.submit(function, *args).result()
        except (MemoryError, BrokenProcessPool) as error:
            name = args[0].name if args and isinstance(args[0], Path) else "上传的文件"
            raise UnreadableDocument(
                f"解析文件时超出了内存上限（{memory_mb} MB），已停止：{name}。这个文件可能过大或结构异常；"
                "请检查文件是否完整，或拆成较小的文件后再上传。") from error


def _limit_memory(memory_mb: int) -> None:
    # A child out of memory prints pages of MemoryError tracebacks while it dies; what went
    # wrong comes back to the parent as the exception, so its stderr goes nowhere.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
