"""jieba tokenisation with the budget vocabulary, and BM25 ranking."""

from __future__ import annotations

from index.lexical import LexicalIndex, tokenize

PASSAGES = [
    "根据深化车改精神，2022年我单位持有2辆公务用车，比2021年减少1辆。",
    "公务接待费。2022年预算数1万元，主要是用于社保政策的研讨。",
    "负责推进街道和社区社保窗口延伸服务。",
    "住房公积金236万元。",
]


def test_budget_terms_stay_whole_words() -> None:
    tokens = tokenize("公务用车运行维护费2022年预算数7万元")
    assert "公务用车运行维护费" in tokens
    assert "公务接待费" in tokenize("2022年公务接待费预算")


def test_punctuation_and_stopwords_are_dropped() -> None:
    tokens = tokenize("请问，公车有多少？")
    assert "，" not in tokens and "？" not in tokens and "请问" not in tokens
    assert "公车" in tokens


def test_bm25_ranks_the_passage_sharing_rare_words_first() -> None:
    index = LexicalIndex(PASSAGES)
    assert index.top(tokenize("公务接待费多少"), 2)[0] == 1
    assert index.top(tokenize("社区窗口服务"), 1) == [2]


def test_bm25_respects_the_allowed_mask() -> None:
    index = LexicalIndex(PASSAGES)
    allowed = [True, False, True, True]
    import numpy as np

    assert 1 not in index.top(tokenize("公务接待费"), 4, np.array(allowed))


def test_no_match_gives_nothing() -> None:
    assert LexicalIndex(PASSAGES).top(tokenize("火箭发射"), 3) == []
    assert LexicalIndex([]).top(tokenize("公车"), 3) == []
