"""Quality beyond the eval set: the holdout questions (eval/holdout_set.jsonl), typed from the
disclosure as citizens and staff would ask them, must score ≥ 95 % overall. Quality, not timing."""

from __future__ import annotations

from pathlib import Path

from assistant.config import load_config
from eval.runner import load_eval_set, run_eval

HOLDOUT = Path(__file__).resolve().parents[1] / "eval" / "holdout_set.jsonl"
SAMPLE_SET = Path(__file__).resolve().parents[1] / "eval" / "sample_set.jsonl"


def test_holdout_is_new_questions() -> None:
    seen = {tuple(item.all_turns) for item in load_eval_set(SAMPLE_SET)}
    holdout = load_eval_set(HOLDOUT)
    assert len(holdout) >= 80
    assert not [item.id for item in holdout if tuple(item.all_turns) in seen]


def test_holdout_scores_at_least_95_percent(sample_home: Path) -> None:
    report = run_eval(load_config(sample_home), HOLDOUT, baseline=False)
    misses = [(s.item.id, s.item.all_turns) for s in report.scores if not s.correct]
    assert report.overall >= 0.95, misses
    assert report.refusals >= 0.95, misses
