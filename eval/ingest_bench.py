"""Ingest cost: how much of it is the embedding model, and how fast an unchanged re-ingest is.

Prints, for the sample and for a generated corpus of 50 disclosures: total
ingest time, time inside the embedding model alone, and their ratio (target
≤ 1.3: the rest of ingest is small next to the model); then the speed-up of
re-ingesting the unchanged sample (target ≥ 10×).

    python -m eval.ingest_bench [--count 50]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from assistant.config import Config
from eval.generate_corpus import generate_corpus
from index.chroma import PassageVectors, open_chroma
from index.embedders import make_embedder
from index.ingest import ingest_files
from index.store import RecordStore
from ingest import sample_path

RATIO_TARGET = 1.3
REINGEST_TARGET = 10.0


class TimedEmbedder:
    """Wraps an embedder and adds up the seconds spent inside it."""

    def __init__(self, embedder) -> None:
        self._embedder = embedder
        self.model_name = embedder.model_name
        self.dim = embedder.dim
        self.seconds = 0.0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._timed(self._embedder.embed_queries, texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._timed(self._embedder.embed_passages, texts)

    def _timed(self, embed, texts):
        start = time.perf_counter()
        try:
            return embed(texts)
        finally:
            self.seconds += time.perf_counter() - start


def measure(paths: list[Path], label: str) -> float:
    """Ingest `paths` into a fresh home; print total, model time and ratio. Returns the total."""
    home = Path(tempfile.mkdtemp(prefix="budgetqa-ingest-bench-"))
    config = Config(home=home)
    embedder = TimedEmbedder(make_embedder(config))
    stores = (RecordStore(config.db_path), PassageVectors(open_chroma(config), embedder))
    start = time.perf_counter()
    results = ingest_files(config, paths, stores=stores)
    total = time.perf_counter() - start
    failed = [r for r in results if r.status == "failed"]
    chunks = sum(r.chunks for r in results)
    ratio = total / embedder.seconds if embedder.seconds else float("inf")
    print(f"{label}: {len(paths)} file(s), {chunks} passages, {len(failed)} failed")
    print(f"  total {total:7.2f} s   embedding model {embedder.seconds:7.2f} s   "
          f"ratio {ratio:.2f} (target ≤ {RATIO_TARGET})")
    again = time.perf_counter()
    ingest_files(config, paths[:1], stores=stores)
    reingest = time.perf_counter() - again
    first = total / len(paths)
    print(f"  re-ingest unchanged: {reingest * 1000:.1f} ms vs {first:.2f} s per first ingest → "
          f"{first / reingest:.0f}× faster (target ≥ {REINGEST_TARGET:.0f}×)")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=50, help="disclosures in the generated corpus")
    args = parser.parse_args()
    make_embedder(Config(home=Path(tempfile.gettempdir())))  # load the model outside the timings
    measure([sample_path()], "sample")
    if args.count:
        corpus = generate_corpus(Path(tempfile.mkdtemp(prefix="budgetqa-corpus-")), args.count)
        measure(corpus, f"generated corpus of {args.count}")


if __name__ == "__main__":
    main()
