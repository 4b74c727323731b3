"""Retrieval quality on the sample: is the answering passage in the top 3?

Reads `eval/narrative_passages.jsonl` (narrative questions, each with a piece
of the document's own sentence that answers it) and prints the top-3 hit
rate of vector-only, BM25-only and fused retrieval side by side.

    python -m eval.retrieval_bench [--home DIR] [--k 3] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Config
from index.library import Library, open_library
from index.types import Scope

QUESTIONS = Path(__file__).with_name("narrative_passages.jsonl")
MODES = ("vector", "lexical", "fused")
TARGET = 0.95


@dataclass(frozen=True)
class NarrativeQuestion:
    id: str
    question: str
    passage: str
    doc: str | None = None


def squeeze(text: str) -> str:
    """Compare texts the way a reader does: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def load_questions(path: Path = QUESTIONS) -> list[NarrativeQuestion]:
    with path.open(encoding="utf-8") as handle:
        return [NarrativeQuestion(d["id"], d["question"], d["passage"], d.get("doc"))
                for d in map(json.loads, filter(str.strip, handle))]


def is_hit(question: NarrativeQuestion, texts: list[str]) -> bool:
    wanted = squeeze(question.passage)
    return any(wanted in squeeze(text) for text in texts)


def hit_rates(library: Library, questions: list[NarrativeQuestion], k: int = 3,
              modes: tuple[str, ...] = MODES) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Top-k hit rate per mode, and the ids each mode missed."""
    rates, misses = {}, {}
    for mode in modes:
        missed = []
        for question in questions:
            scope = Scope(doc_ids=(library.resolve(question.doc) or question.doc,)) if question.doc else None
            hits = library.search.search(question.question, scope, k=k, mode=mode)
            if not is_hit(question, [h.text for h in hits]):
                missed.append(question.id)
        rates[mode] = 1 - len(missed) / len(questions)
        misses[mode] = missed
    return rates, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, default=None,
                        help="a home with the sample (default: a fresh one)")
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="budgetqa-bench-"))
    library = open_library(Config(home=home), ensure_sample=True)
    questions = load_questions()
    rates, misses = hit_rates(library, questions, args.k)
    print(f"{len(questions)} narrative questions, answering passage in top {args.k}:")
    print("  ".join(f"{mode:>8}" for mode in MODES))
    print("  ".join(f"{rates[mode]:>8.1%}" for mode in MODES))
    print(f"target fused ≥ {TARGET:.0%}: {'met' if rates['fused'] >= TARGET else 'NOT met'}")
    if args.show_misses:
        by_id = {q.id: q for q in questions}
        for mode in MODES:
            for qid in misses[mode]:
                print(f"  {mode} missed {qid}: {by_id[qid].question} → {by_id[qid].passage}")


if __name__ == "__main__":
    main()
