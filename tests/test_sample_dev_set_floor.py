"""A second development set on the sample (eval/sample_dev_set.jsonl): 84 questions typed from the
disclosure as citizens and staff would ask them, must score ≥ 95 % overall. It was written together
with the vocabulary that answers it, so it is a development set, not a held-out one. Quality, not timing."""

from __future__ import annotations

from pathlib import Path

from assistant.config import load_config
from eval.runner import load_eval_set, run_eval

SAMPLE_DEV_SET = Path(__file__).resolve().parents[1] / "eval" / "sample_dev_set.jsonl"
SAMPLE_SET = Path(__file__).resolve().parents[1] / "eval" / "sample_set.jsonl"


def test_sample_dev_set_is_new_questions() -> None:
    seen = {tuple(item.all_turns) for item in load_eval_set(SAMPLE_SET)}
    second = load_eval_set(SAMPLE_DEV_SET)
    assert len(second) >= 80
    assert not [item.id for item in second if tuple(item.all_turns) in seen]


def test_sample_dev_set_scores_at_least_95_percent(sample_home: Path) -> None:
    report = run_eval(load_config(sample_home), SAMPLE_DEV_SET, baseline=False)
    misses = [(s.item.id, s.item.all_turns) for s in report.scores if not s.correct]
    assert report.overall >= 0.95, misses
    assert report.refusals >= 0.95, misses
