"""Latency benchmark (printed, never asserted): p95 per answered turn on the loaded sample, and
process start to first answer.

    python -m eval.latency_bench [--home DIR] [--set eval/sample_set.jsonl] [--rounds 3]

Targets: p95 ≤ 50 ms per answered turn once loaded; ≤ 8 s from process start to the first answer.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.answer import Status
from assistant.config import load_config
from assistant.conversation import Conversation
from eval.metrics import percentile
from eval.runner import load_eval_set
from index.ingest import ingest_files
from index.library import open_library
from ingest import sample_path

QUESTIONS = ["公车有几辆？", "物业管理费是多少？", "三公经费是多少？", "项目支出占总预算的比例是多少？",
             "为什么预算比去年多？", "部门职责是什么？", "商品和服务支出中哪项最多？",
             "项目支出包括哪些项目？", "部门预算收入比2021年增加了多少？", "什么是基本支出？",
             "2023年的预算是多少？"]
TURN_TARGET_MS = 50.0
START_TARGET_S = 8.0


def _turns(set_path: Path | None) -> list[list[str]]:
    if set_path is None:
        return [[q] for q in QUESTIONS]
    return [item.all_turns for item in load_eval_set(set_path)]


def turn_latencies(home: Path, set_path: Path | None, rounds: int) -> list[float]:
    """latency_ms of every answered turn over `rounds` passes of the questions (library loaded once)."""
    config = load_config(home)
    base = Conversation(open_library(config), config)
    latencies = []
    for _ in range(rounds):
        for turns in _turns(set_path):
            chat = base.fresh()
            for turn in turns:
                answer = chat.ask(turn)
                if answer.status is Status.ANSWERED:
                    latencies.append(answer.latency_ms)
    return latencies


def start_to_first_answer(home: Path) -> float:
    """Seconds from starting `budgetqa ask` in a new process to its exit with the first answer."""
    script = Path(sys.executable).with_name("budgetqa")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]
    started = time.perf_counter()
    subprocess.run(command + ["ask", "--home", str(home), "--json", "公车有几辆？"], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None,
                        help="home with the sample ingested (default: a new one)")
    parser.add_argument("--set", dest="set_path", type=Path, default=None,
                        help="eval set whose turns to time")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    home = args.home
    if home is None:
        home = Path(tempfile.mkdtemp(prefix="budgetqa-bench-"))
        ingest_files(load_config(home), [sample_path()])
    start_to_first_answer(home)  # warms the file cache; not the measured run
    seconds = start_to_first_answer(home)
    latencies = turn_latencies(home, args.set_path, args.rounds)
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    print(f"answered turns: {len(latencies)}")
    print(f"per answered turn: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          f"(target ≤ {TURN_TARGET_MS:.0f} ms: ratio {p95 / TURN_TARGET_MS:.2f})")
    print(f"process start to first answer: {seconds:.2f} s "
          f"(target ≤ {START_TARGET_S:.0f} s: ratio {seconds / START_TARGET_S:.2f})")


if __name__ == "__main__":
    main()
