"""Scale benchmark (printed, never asserted): does the cost of a question grow with the library?

One home grows to each size in `--sizes` (default 1, 100, 1000 disclosures made by
`generate_mixed_corpus`: the sample's layout and the dev corpus's, 元 and 万元). At each size it
prints, with the ratio to the first size:
- answer p95: latency of record questions about one document (`--doc`), in a fresh process;
- cold ask: wall time of a new `budgetqa ask --doc` process answering a record question (median),
  and the peak memory (max RSS) of that process; and the same for a narrative question;
each measured in `COLD_RUNS` rounds that take every size in turn (a copy of the home is kept at
each size), so a change of the machine's load weighs on all sizes alike;
and, for the documents ingested in full, ingest seconds per document against the seconds inside
the embedding model alone.

The first `--embedded` documents go through `ingest_files` in full (parse, records, passages,
embedding, Chroma). The others are parsed and stored (records and passages in SQLite) without
their passage vectors: embedding 127 passages per document takes seconds each, the benchmark is
about answering, and record questions never read vectors. Passage searches over the other
documents use BM25 only. The output says so.

    python -m eval.scale_bench [--sizes 1,100,1000] [--embedded 5] [--work DIR] [--chroma-url URL]

Targets (issue 14): at the largest size answer p95 ≤ 2×, cold ask ≤ 1.3×, peak memory ≤ 1.3×.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.config import Config
from eval.generate_corpus import generate_mixed_corpus
from eval.ingest_bench import TimedEmbedder
from eval.metrics import percentile

TARGETS = {"answer p95": 2.0, "cold ask (record)": 1.3, "peak memory (record)": 1.3}
RECORD_QUESTIONS = ("公车有几辆？", "物业管理费是多少？", "三公经费是多少？", "基本支出是多少？",
                    "项目支出占总预算的比例是多少？", "商品和服务支出中哪项最多？", "今年一共有多少钱？")
NARRATIVE_QUESTION = "部门职责是什么？"  # says no year: other years of the department stay out of it
COLD_RUNS = 5  # rounds; each runs every size in turn
ROUNDS = 5
ROOT = Path(__file__).resolve().parent.parent
TIME = "/usr/bin/time"  # GNU time (Debian package "time") measures a child's peak memory


def _run_measured(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB (GNU time's %M: a forked child's own figure would include the
    pages it shared with this process before exec) and stdout of a child process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        started = time.perf_counter()
        child = subprocess.run([TIME, "-f", "%M", "-o", rss.name, *command], capture_output=True, text=True,
                               env=env, cwd=ROOT)
        seconds = time.perf_counter() - started
        if child.returncode != 0:
            raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}\n{child.stderr[-2000:]}")
        kilobytes = int(rss.read().split()[-1])
    return seconds, kilobytes // 1024, child.stdout


def cold_ask(home: Path, doc: str, question: str) -> tuple[float, int]:
    """Wall seconds and peak MB of one new `budgetqa ask --doc` process."""
    command = [sys.executable, "-c", "from ui.cli import main; main()", "ask", "--home", str(home),
               "--doc", doc, "--json", question]
    seconds, megabytes, _ = _run_measured(command)
    return seconds, megabytes


def answer_latencies(home: Path, doc: str) -> list[float]:
    """latency_ms of each record question, `ROUNDS` times, in a process of its own."""
    code = ("import json, sys\nfrom eval.scale_bench import probe\n"
            f"print(json.dumps(probe({str(home)!r}, {doc!r})))")
    _, _, out = _run_measured([sys.executable, "-c", code])
    return json.loads(out.strip().splitlines()[-1])


def probe(home: str, doc: str) -> list[float]:
    """(Run in a child) latency_ms of every answered record question over one document."""
    from assistant.conversation import Conversation
    from index.library import open_library

    config = Config(home=Path(home), chroma_url=os.environ.get("BUDGETQA_CHROMA_URL", ""))
    base = Conversation(open_library(config), config, doc=doc)
    latencies = []
    for _ in range(ROUNDS):
        for question in RECORD_QUESTIONS:
            answer = base.fresh(doc).ask(question)
            latencies.append(answer.latency_ms)
    return latencies


def ingest_in_full(config: Config, paths: list[Path]) -> tuple[float, float, int]:
    """Ingest `paths` through `ingest_files`: (seconds, seconds in the embedding model, passages)."""
    from index.chroma import PassageVectors, open_chroma
    from index.embedders import make_embedder
    from index.ingest import ingest_files
    from index.store import RecordStore

    embedder = TimedEmbedder(make_embedder(config))
    store = RecordStore(config.db_path)
    started = time.perf_counter()
    results = ingest_files(config, paths, stores=(store, PassageVectors(open_chroma(config), embedder)))
    seconds = time.perf_counter() - started
    store.close()
    return seconds, embedder.seconds, sum(r.chunks for r in results)


def store_without_vectors(config: Config, paths: list[Path]) -> float:
    """Parse `paths` and make them live with records and passages but no vectors; seconds taken."""
    from index.identity import place_document
    from index.passages import document_passages
    from index.store import RecordStore
    from ingest.document import parse_document

    store = RecordStore(config.db_path)
    started = time.perf_counter()
    for path in paths:
        document, _ = place_document(parse_document(path), store.documents())
        version = store.write_staging(document, document_passages(document), "none (benchmark)")
        store.mark_embedded(document.doc_id, version)
        store.switch_live(document.doc_id, version, "benchmark")
    store.close()
    return time.perf_counter() - started


def measure(homes: dict[int, Path], doc: str) -> dict[int, dict[str, float]]:
    """Every figure at every size, the sizes taken in turn within each round: a machine whose load
    changes over the minutes of a run then weighs on every size alike, not on the last one."""
    latencies: dict[int, list[float]] = {size: [] for size in homes}
    cold: dict[int, dict[str, list[float]]] = {size: {} for size in homes}
    for _ in range(COLD_RUNS):
        for size, home in homes.items():
            latencies[size] += answer_latencies(home, doc)
            for kind, question in (("record", RECORD_QUESTIONS[0]), ("narrative", NARRATIVE_QUESTION)):
                seconds, megabytes = cold_ask(home, doc, question)
                cold[size].setdefault(f"cold ask ({kind})", []).append(seconds)
                cold[size].setdefault(f"peak memory ({kind})", []).append(megabytes)
    rows = {}
    for size in homes:
        row = {"answer p95": percentile(latencies[size], 0.95)}
        for name, values in cold[size].items():
            row[name] = max(values) if name.startswith("peak") else statistics.median(values)
        rows[size] = row
    return rows


UNITS = {"answer p95": "ms", "cold ask (record)": "s", "peak memory (record)": "MB",
         "cold ask (narrative)": "s", "peak memory (narrative)": "MB"}


def report(rows: dict[int, dict[str, float]]) -> None:
    first = min(rows)
    print(f"\n{'what':24}" + "".join(f"{size:>16,} docs" for size in rows))
    for name, unit in UNITS.items():
        cells = []
        for size, row in rows.items():
            ratio = row[name] / rows[first][name] if rows[first][name] else float("inf")
            cells.append(f"{row[name]:>9.2f} {unit:<2} {ratio:4.2f}×")
        target = f"   (target ≤ {TARGETS[name]}×)" if name in TARGETS else ""
        print(f"{name:24}" + "".join(f"{c:>21}" for c in cells) + target)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--embedded", type=int, default=5, help="documents ingested in full (embedded)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpus and the home")
    parser.add_argument("--chroma-url", default="", help="a `chroma run` server for the passage vectors "
                        "(every process of the run, the measured ones too, uses it)")
    args = parser.parse_args(argv)
    if args.chroma_url:
        os.environ["BUDGETQA_CHROMA_URL"] = args.chroma_url  # read by the measured child processes
    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="budgetqa-scale-"))
    paths = generate_mixed_corpus(work / "corpus", sizes[-1])
    config = Config(home=work / "home", chroma_url=args.chroma_url)
    done, homes, full = 0, {}, [0.0, 0.0, 0]
    for size in sizes:
        done = _grow(config, paths, done, size, args.embedded, full)
        homes[size] = config.home
        if size != sizes[-1]:  # a copy of the home at this size, measured with the others at the end
            homes[size] = work / f"home-{size}"
            shutil.rmtree(homes[size], ignore_errors=True)
            shutil.copytree(config.home, homes[size])
    doc = _first_doc(config, paths[0])
    _warm(homes, doc)
    rows = measure(homes, doc)
    for size, row in rows.items():
        print(f"measured at {size} documents: {json.dumps(row)}", flush=True)
    embedded = min(args.embedded, sizes[-1])
    print(f"\ningest in full, {embedded} documents ({full[2]} passages): {full[0] / embedded:.2f} s per "
          f"document, of which the embedding model {full[1] / embedded:.2f} s (ratio {full[0] / full[1]:.2f})")
    print(f"questions about {_first_doc(config, paths[0])} (the first generated document, `--doc`); "
          f"home {config.home}")
    report(rows)


def _warm(homes: dict[int, Path], doc: str) -> None:
    """One unmeasured ask per home: the first reads its files from disk (and builds jieba's stored
    dictionary on a new machine), which no later process of a desk pays again."""
    for home in homes.values():
        cold_ask(home, doc, RECORD_QUESTIONS[0])


def _grow(config: Config, paths: list[Path], done: int, size: int, embedded: int, full: list) -> int:
    """Add documents `done`..`size`: the first `embedded` in full (adding to `full`), the rest stored."""
    in_full = paths[done:min(size, max(embedded, 1))]
    if in_full:
        seconds, model, passages = ingest_in_full(config, in_full)
        full[0] += seconds
        full[1] += model
        full[2] += passages
        done += len(in_full)
    if size > done:
        stored = store_without_vectors(config, paths[done:size])
        print(f"stored documents {done + 1}–{size} without passage vectors: "
              f"{stored / (size - done):.2f} s per document (parse + SQLite)", flush=True)
    return size


def _first_doc(config: Config, path: Path) -> str:
    from index.store import RecordStore

    store = RecordStore(config.db_path)
    try:
        doc = store.resolve(path.name)
    finally:
        store.close()
    if doc is None:
        raise SystemExit(f"{path.name} is not live in {config.home}: a later document replaced it")
    return doc

if __name__ == "__main__":
    main()
