"""The budget synonym file: loads, has the entries the public uses, expands questions."""

from __future__ import annotations

import pytest

from index.synonyms import expand_terms, load_synonyms, vocabulary


def test_synonym_file_loads_with_enough_entries() -> None:
    synonyms = load_synonyms()
    assert len(synonyms) >= 40
    assert all(isinstance(v, list) and v and all(isinstance(t, str) and t for t in v)
               for v in synonyms.values())


@pytest.mark.parametrize("question, canonical", [
    ("公车有几辆？", "公务用车"),
    ("请客吃饭花了多少钱", "公务接待费"),
    ("接待费用多少", "公务接待费"),
    ("出国花了多少", "因公出国（境）费"),
    ("工资发多少", "基本工资"),
    ("工资发多少", "工资福利支出"),
    ("物业费是多少", "物业管理费"),
    ("三公花了多少", "“三公”经费"),
    ("公积金交了多少", "住房公积金"),
    ("养老金呢", "退休费"),
    ("退休金多少", "退休费"),
    ("有多少编制", "事业编制"),
])
def test_colloquial_words_expand_to_budget_terms(question: str, canonical: str) -> None:
    assert canonical in expand_terms(question)


def test_terms_already_in_question_are_not_repeated() -> None:
    assert "公务接待费" not in expand_terms("公务接待费请客多少")
    assert expand_terms("今天天气怎么样") == []


def test_vocabulary_holds_keys_and_terms() -> None:
    words = vocabulary()
    assert {"公车", "公务用车", "请客", "公务接待费"} <= set(words)
