"""Retrieval quality floor on the project's narrative questions about the sample (a measure, not a timing)."""

from __future__ import annotations

from pathlib import Path

from assistant.config import Config
from eval.retrieval_bench import TARGET, hit_rates, load_questions, squeeze
from index.library import open_library


def test_every_question_names_a_passage_of_the_sample(sample_path: Path) -> None:
    questions = load_questions()
    text = squeeze(sample_path.read_text(encoding="utf-8"))
    assert len(questions) >= 30 and len({q.id for q in questions}) == len(questions)
    assert [q.id for q in questions if squeeze(q.passage) not in text] == []


def test_fused_retrieval_puts_the_answer_in_the_top_3(sample_home: Path) -> None:
    library = open_library(Config(home=sample_home), ensure_sample=False)
    rates, misses = hit_rates(library, load_questions(), k=3, modes=("fused",))
    assert rates["fused"] >= TARGET, misses["fused"]
