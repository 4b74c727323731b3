"""jieba over the stored dictionary cuts exactly as jieba over its loaded dictionary."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import jieba
import pytest

from index.word_dictionary import StoredFrequencies, stored_dictionary, use_stored_dictionary

SAMPLE = Path(__file__).resolve().parent.parent / "ingest" / "sample"
QUESTIONS = ("公车有几辆？", "今年一共有多少钱？", "为什么比去年多？", "罗湖社保分局2022年的三公经费是多少",
             "机关事业单位基本养老保险缴费支出占比多少", "單位有幾輛公務車？", "物业管理费呢")


def _lines() -> list[str]:
    text = next(SAMPLE.glob("*.txt")).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()][:400] + list(QUESTIONS)


@pytest.fixture(scope="module")
def tokenizers(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BUDGETQA_CACHE", str(cache))
        stored = jieba.Tokenizer()
        use_stored_dictionary(stored)
    loaded = jieba.Tokenizer()
    loaded.initialize()
    dictionary_size = len(loaded.FREQ)
    for tokenizer in (stored, loaded):
        tokenizer.add_word("公务用车运行维护费", freq=20000)
        tokenizer.add_word("三公经费", freq=20000)
    return stored, loaded, cache, dictionary_size


def test_the_stored_dictionary_cuts_as_the_loaded_one(tokenizers):
    stored, loaded, _, _ = tokenizers
    assert isinstance(stored.FREQ, StoredFrequencies)
    assert stored.total == loaded.total
    for line in _lines():
        assert stored.lcut(line) == loaded.lcut(line), line
        assert stored.lcut_for_search(line) == loaded.lcut_for_search(line), line
    assert "公务用车运行维护费" in stored.lcut("今年公务用车运行维护费是多少")


def test_the_file_is_built_once_and_holds_jiebas_frequencies(tokenizers):
    stored, loaded, cache, dictionary_size = tokenizers
    files = list(cache.glob("jieba-*.sqlite"))
    assert len(files) == 1 and not list(cache.glob("*.building"))
    with sqlite3.connect(files[0]) as db:
        count, = db.execute("SELECT COUNT(*) FROM freq").fetchone()
        n, = db.execute("SELECT n FROM freq WHERE word = '预算'").fetchone()
    assert count == dictionary_size  # the words added at run time are not written to the file
    assert n == loaded.FREQ["预算"] > 0
    modified = files[0].stat().st_mtime_ns
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BUDGETQA_CACHE", str(cache))
        assert stored_dictionary(jieba.Tokenizer()) == files[0]
    assert files[0].stat().st_mtime_ns == modified


def test_an_unwritable_cache_falls_back_to_jiebas_own_loading(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("BUDGETQA_CACHE", str(blocked / "cache"))
    monkeypatch.setattr("tempfile.tempdir", str(blocked))  # the fallback directory is unusable too
    tokenizer = jieba.Tokenizer()
    use_stored_dictionary(tokenizer)
    assert not tokenizer.initialized
    assert tokenizer.lcut("公车有几辆") == jieba.Tokenizer().lcut("公车有几辆")
