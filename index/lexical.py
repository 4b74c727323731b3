"""Lexical retrieval: jieba tokenisation + BM25 (rank-bm25).

jieba is taught the budget vocabulary of the synonym file once per process,
so "公务用车运行维护费" and "“三公”经费" stay whole words (and
`cut_for_search` still yields their parts).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from index.synonyms import vocabulary

if TYPE_CHECKING:
    import numpy as np

# Words too common in disclosures to tell passages apart.
STOPWORDS = frozenset(
    "的 了 和 与 及 以及 等 是 在 为 对 将 其 其中 中 有 我 我们 你 你们 吗 呢 啊 吧 么 "
    "什么 多少 怎么 怎样 如何 哪些 哪个 一下 请问 这个 那个 这 那 上 下 也 都 就 还 "
    "个 年 万元 元".split()
)
_WORD = re.compile(r"[\w％%]", re.UNICODE)


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    from index.word_dictionary import use_stored_dictionary

    jieba.setLogLevel(logging.WARNING)
    use_stored_dictionary(jieba.dt)  # before add_word, which would load the whole dictionary first
    for word in vocabulary():
        # Quotes and brackets are not part of jieba words; add the bare form.
        bare = re.sub(r"[“”\"（）()]", "", word)
        if len(bare) > 1:
            jieba.add_word(bare, freq=20000)
    jieba.initialize()
    return jieba


def load_budget_vocabulary() -> None:
    """Teach jieba the budget vocabulary now. jieba is one per process, so the question
    linking that also cuts with it sees the same words whether or not a passage search ran."""
    _jieba()


def cut_words(text: str) -> list[str]:
    """jieba's words of `text`, cut with the budget vocabulary (question linking's word bounds)."""
    return _jieba().lcut(text)


def tokenize(text: str) -> list[str]:
    """Search tokens of `text`: jieba words and their sub-words, minus punctuation and stopwords."""
    cleaned = re.sub(r"[“”\"（）()]", "", text.lower())
    tokens = []
    for token in _jieba().cut_for_search(cleaned):
        token = token.strip()
        if token and token not in STOPWORDS and _WORD.search(token):
            tokens.append(token)
    return tokens


class LexicalIndex:
    """BM25 over a fixed list of passage texts; scores every passage for a query."""

    def __init__(self, texts: Sequence[str]) -> None:
        from rank_bm25 import BM25Okapi  # imported with the first passage search, not with question linking

        self.size = len(texts)
        corpus = [tokenize(text) or ["∅"] for text in texts]
        self._bm25 = BM25Okapi(corpus) if corpus else None

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of each passage, in the order given to the constructor."""
        import numpy as np

        if self._bm25 is None or not query_tokens:
            return np.zeros(self.size)
        return np.asarray(self._bm25.get_scores(list(query_tokens)))

    def top(self, query_tokens: Sequence[str], k: int, allowed: np.ndarray | None = None) -> list[int]:
        """Indices of the `k` best-scoring passages with a positive score (within `allowed` if given)."""
        import numpy as np

        scores = self.scores(query_tokens)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        order = np.argsort(-scores, kind="stable")[:k]
        return [int(i) for i in order if scores[i] > 0]
