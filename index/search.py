"""PassageSearch: vector (Chroma) and BM25 rankings fused by reciprocal rank fusion.

Both rankings run on the question expanded with the synonym file
("公车" → "公务用车 …"), are scoped to the live documents a `Scope` selects,
and only passages of live document versions come back, so leftovers of an
interrupted ingest are never seen.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from index.chroma import PassageVectors
from index.errors import StoreFull
from index.lexical import LexicalIndex, tokenize
from index.types import Hit, Scope
from index.passages import Passage
from index.store import RecordStore
from index.synonyms import expand_terms

log = logging.getLogger(__name__)

# RRF's damping constant (Cormack et al. 2009): ranks below ~60 barely matter.
RRF_K = 60
MODES = ("fused", "vector", "lexical")
# Weights of the vector and BM25 rankings in the fusion. BM25 leads: disclosures use exact
# budget terms, which the synonym file maps questions onto; chosen with eval/retrieval_bench.py.
FUSION_WEIGHTS = (0.7, 1.0)
# BM25 corpora kept per scope (a department's documents, or all): as many as the record indexes
# a web app keeps (assistant/loaded_corpus.py), each a few MB for one department.
CORPORA_KEPT = 16


@dataclass(frozen=True)
class _Corpus:
    """The live passages at one store generation, with their BM25 index."""

    generation: int
    ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    keys: tuple[str, ...]
    passages: tuple[Passage, ...]
    parents: tuple[int, ...]  # position of a sentence's paragraph passage, or -1
    lexical: LexicalIndex
    positions: dict[str, int]  # chroma id → position


class PassageSearch:
    """Hybrid passage retrieval over the live documents of one home."""

    def __init__(self, store: RecordStore,
                 vectors: PassageVectors | Callable[[], PassageVectors] | None) -> None:
        """`vectors` may be a function that opens them: Chroma and the embedding model then load
        at the first vector search, so a process that answers only from records never pays for them.
        None, or an opener that finds the disk full while the home holds documents to answer from:
        BM25 ranking alone."""
        self._store = store
        self._vectors_or_opener = vectors
        self._corpora: OrderedDict[frozenset[str], _Corpus] = OrderedDict()
        self._generation: int | None = None
        self._lock = threading.Lock()

    @property
    def _vectors(self) -> PassageVectors | None:
        with self._lock:
            if callable(self._vectors_or_opener):
                try:
                    self._vectors_or_opener = self._vectors_or_opener()
                except StoreFull:
                    if not self._store.documents():
                        raise
                    log.warning("the passage index cannot be opened on a full disk: passages by BM25 alone")
                    self._vectors_or_opener = None
            return self._vectors_or_opener

    def search(self, query: str, scope: Scope | None = None, k: int = 5, mode: str = "fused") -> list[Hit]:
        """The `k` passages that best answer `query` within `scope`, best first.

        `mode` is "fused" (default), or "vector"/"lexical" alone (for measuring).
        """
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}")
        keys = self._store.live_keys(scope)
        if not query.strip() or not keys:
            return []
        corpus = self._corpus_for(keys)
        if not corpus.ids:
            return []
        extra = expand_terms(query)
        expanded = " ".join([query, *extra])
        # The asker's own words count twice in BM25: expansions help recall but must not dominate.
        tokens = tokenize(query) * 2 + tokenize(" ".join(extra))
        depth = max(4 * k, 30)
        rankings = []
        if mode in ("fused", "vector") and self._vectors is not None:
            rankings.append(self._vector_ranking(corpus, expanded, keys, depth))
        if mode in ("fused", "lexical"):
            rankings.append(self._lexical_ranking(corpus, tokens, keys, depth))
        weights = FUSION_WEIGHTS if mode == "fused" and len(rankings) == 2 else ()
        fused = _drop_overlaps(corpus, fuse_rankings(rankings, weights=weights), k)
        return [self._hit(corpus, position, score) for position, score in fused]

    def _vector_ranking(self, corpus: _Corpus, text: str, keys: list[str], depth: int) -> list[int]:
        vector = self._vectors.embedder.embed_queries([text])[0]
        hits = self._vectors.query(vector, keys, depth)
        # Vector hits outside the live corpus are leftovers of an interrupted ingest.
        return [corpus.positions[h.chroma_id] for h in hits if h.chroma_id in corpus.positions]

    @staticmethod
    def _lexical_ranking(corpus: _Corpus, tokens: list[str], keys: list[str], depth: int) -> list[int]:
        wanted = set(keys)
        import numpy as np  # with the first search, not with opening the library

        allowed = np.fromiter((key in wanted for key in corpus.keys), dtype=bool, count=len(corpus.keys))
        return corpus.lexical.top(tokens, depth, allowed)

    def _hit(self, corpus: _Corpus, position: int, score: float) -> Hit:
        passage = corpus.passages[position]
        return Hit(doc_id=corpus.doc_ids[position], text=passage.text,
                   section_path=passage.section_path, ref=passage.ref, kind=passage.kind,
                   table_no=passage.table_no, line=passage.line, score=score)

    def _corpus_for(self, keys: list[str]) -> _Corpus:
        """The live passages of the documents `keys` and their BM25 index, built at the first search
        over them since the live documents last changed (the last `CORPORA_KEPT` kept): a search in
        one department's documents does not tokenise a whole city's passages."""
        generation = self._store.generation()
        scope = frozenset(keys)
        with self._lock:
            if self._generation != generation:
                self._corpora.clear()
                self._generation = generation
            if scope in self._corpora:
                self._corpora.move_to_end(scope)
                return self._corpora[scope]
        every = len(scope) == len(self._store.live_keys())
        rows = self._store.live_passages(None if every else sorted({k.rsplit("#", 1)[0] for k in scope}))
        corpus = _Corpus(
            generation=generation,
            ids=tuple(r[0] for r in rows),
            doc_ids=tuple(r[1] for r in rows),
            keys=tuple(r[0].rsplit("#", 1)[0] for r in rows),
            passages=tuple(r[4] for r in rows),
            parents=_paragraph_parents(rows),
            lexical=LexicalIndex([r[4].search_text for r in rows]),
            positions={r[0]: i for i, r in enumerate(rows)},
        )
        with self._lock:
            if self._generation == generation:
                self._corpora[scope] = corpus
                while len(self._corpora) > CORPORA_KEPT:
                    self._corpora.popitem(last=False)
        return corpus


def _drop_overlaps(corpus: _Corpus, ranked: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
    """The best `k` passages without repeats: a sentence under a kept paragraph is skipped, and
    two sentences of one paragraph become that paragraph (at the better one's rank)."""
    kept: list[tuple[int, float]] = []
    for position, score in ranked:
        parent = corpus.parents[position]
        kept_positions = [p for p, _ in kept]
        if position in kept_positions or (parent >= 0 and parent in kept_positions):
            continue
        sibling = next((i for i, p in enumerate(kept_positions)
                        if parent >= 0 and corpus.parents[p] == parent), None)
        if sibling is not None:
            kept[sibling] = (parent, kept[sibling][1])
            continue
        children = [i for i, p in enumerate(kept_positions) if corpus.parents[p] == position]
        if children:
            kept[children[0]] = (position, kept[children[0]][1])
            continue
        kept.append((position, score))
        if len(kept) == k:
            break
    return kept


def _paragraph_parents(rows: list) -> tuple[int, ...]:
    """For each passage, the position of the paragraph passage it is a sentence of (or -1).

    A document's sentences are stored right after their paragraph.
    """
    parents, paragraph = [], -1
    for position, (_, doc_id, _, _, passage) in enumerate(rows):
        if passage.kind == "paragraph":
            paragraph = position
        is_child = (passage.kind == "sentence" and paragraph >= 0 and rows[paragraph][1] == doc_id
                    and passage.text in rows[paragraph][4].text)
        parents.append(paragraph if is_child else -1)
    return tuple(parents)


def fuse_rankings(rankings: list[list[int]], k: int = RRF_K,
                  weights: tuple[float, ...] = ()) -> list[tuple[int, float]]:
    """Weighted reciprocal rank fusion: (item, score) best first, score = Σ w/(k + rank)."""
    scores: dict[int, float] = {}
    for index, ranking in enumerate(rankings):
        weight = weights[index] if index < len(weights) else 1.0
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
