"""`budgetqa eval`: answer every item of an eval set, score it, write the answers.

Each item is its own conversation (its turns in order; the last is scored),
over one Library opened once. With `baseline`, the LlamaIndex default recipe
is measured on the same items (eval/baseline.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.config import Config
from assistant.conversation import Conversation
from eval.baseline import baseline_share
from eval.metrics import BadEvalSet, EvalItem, Report, crashed_item, score_item
from index.library import open_library, require_documents


def load_eval_set(path: Path) -> list[EvalItem]:
    """The items of a JSONL eval set; raises BadEvalSet naming the bad line."""
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BadEvalSet(f"无法读取评测集 {path}：{error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadEvalSet(f"评测集第 {number} 行不是合法的 JSON：{error.msg}") from error
        items.append(EvalItem.from_dict(data, number))
    if not items:
        raise BadEvalSet(f"评测集 {path} 是空的。")
    return items


def run_eval(config: Config, set_path: Path, answers_path: Path | None = None,
             baseline: bool = True) -> Report:
    """Answer and score every item of `set_path`; write `{"id", "answers"}` lines to `answers_path`."""
    items = load_eval_set(set_path)
    require_documents(config)
    library = open_library(config)
    base = Conversation(library, config)
    scores, lines = [], []
    for item in items:
        try:
            conversation = base.fresh(doc=item.doc)
            answers = [conversation.ask(turn) for turn in item.all_turns]
        except Exception as error:  # noqa: BLE001 - a crash is a failed item, and the run goes on
            scores.append(crashed_item(item, error))
            lines.append(json.dumps({"id": item.id, "answers": [], "crash": scores[-1].crash}, ensure_ascii=False))
            continue
        scores.append(score_item(item, answers))
        line = {"id": item.id, "answers": [a.to_dict() for a in answers]}
        lines.append(json.dumps(line, ensure_ascii=False))
    if answers_path is not None:
        Path(answers_path).parent.mkdir(parents=True, exist_ok=True)
        Path(answers_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = Report(scores)
    if baseline:
        report.baseline_share, report.baseline_note = baseline_share(config, library, items)
    return report
