"""`budgetqa eval` through click's runner: metrics, answers file, floors, baseline, bad sets."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ui.cli import cli

ITEMS = [
    {"id": "q1", "doc": None, "question": "公车有几辆？", "turns": None, "kind": "lookup", "values": [2],
     "unit": "辆", "phrases": [], "cite": ["第五部分", "第八部分"], "answerable": True},
    {"id": "q2", "doc": None, "question": "物业管理费占公用支出的比例？", "turns": None, "kind": "compute",
     "values": [47.0], "unit": "%", "phrases": [], "cite": ["表4"], "answerable": True},
    {"id": "q3", "doc": None, "question": None, "turns": ["三公经费是多少？", "其中公务接待费呢？"],
     "kind": "followup", "values": [1], "unit": "万元", "phrases": [], "cite": ["表8", "第五部分"],
     "answerable": True},
    {"id": "q4", "doc": None, "question": "为什么预算比去年多？", "turns": None, "kind": "narrative",
     "values": [],
     "unit": "", "phrases": ["罗湖区财政预算拨款纳入预算草案"], "cite": ["第二部分"], "answerable": True},
    {"id": "q5", "doc": "luohu-2022", "question": "2023年的预算是多少？", "turns": None, "kind": "refuse",
     "values": [], "unit": "", "phrases": [], "cite": [], "answerable": False},
]


def _write(path: Path, items: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    return path


def test_eval_prints_metrics_and_writes_answers(sample_home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.jsonl"
    result = CliRunner().invoke(cli, ["eval", str(_write(tmp_path / "set.jsonl", ITEMS)), "--home",
                                      str(sample_home), "--answers", str(answers), "--check-floors"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "overall accuracy" in result.output and "100.0%" in result.output
    assert "citation correctness" in result.output and "refusal accuracy" in result.output
    assert "p95" in result.output
    assert "baseline (LlamaIndex default" in result.output
    lines = [json.loads(line) for line in answers.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2", "q3", "q4", "q5"]
    assert len(lines[2]["answers"]) == 2 and lines[4]["answers"][0]["status"] == "not_found"


def test_eval_below_floors_exits_1(sample_home: Path, tmp_path: Path) -> None:
    wrong = dict(ITEMS[0], id="w1", values=[3])  # the disclosure says 2 辆: this item cannot be met
    result = CliRunner().invoke(cli, ["eval", str(_write(tmp_path / "set.jsonl", [wrong])), "--home",
                                      str(sample_home), "--no-baseline", "--check-floors"])
    assert result.exit_code == 1
    assert "w1 [lookup]" in result.output and "NOT met" in result.output


def test_eval_bad_line_is_a_clear_error(sample_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ITEMS[0], ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path), "--home", str(sample_home), "--no-baseline"])
    assert result.exit_code == 1
    assert "第 2 行不是合法的 JSON" in result.output


def test_eval_on_an_empty_home_is_a_clear_error(home: Path, tmp_path: Path) -> None:
    set_path = tmp_path / "set.jsonl"
    set_path.write_text('{"id": "a", "doc": null, "question": "公车有几辆？", "kind": "count", '
                        '"values": [2], "unit": "辆", "cite": [], "answerable": true}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--home", str(home), "--no-baseline", str(set_path)])
    assert result.exit_code == 1 and "还没有导入任何公开文件" in result.output


def test_an_item_on_a_document_that_is_not_ingested_fails_and_the_run_goes_on(sample_home: Path,
                                                                                tmp_path: Path) -> None:
    set_path = tmp_path / "set.jsonl"
    set_path.write_text(
        '{"id": "gone", "doc": "never-ingested.txt", "question": "有多少钱？", "kind": "refuse", '
        '"values": [], "cite": [], "answerable": false}\n'
        '{"id": "ok", "doc": null, "question": "公车有几辆？", "kind": "count", '
        '"values": [2], "unit": "辆", "cite": [], "answerable": true}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--home", str(sample_home), "--no-baseline", str(set_path)])
    assert result.exit_code == 0, result.output
    assert "crashes (failed items): 1" in result.output and "gone [refuse]" in result.output
    assert "refusal accuracy         0.0%" in result.output


def test_a_set_may_be_held_to_its_own_overall_floor(sample_home: Path, tmp_path: Path) -> None:
    # 5 of 6 right (83 %): below the sample's 98 % floor, above a floor of 80 % given for the set
    wrong = dict(ITEMS[0], id="w1", values=[3])
    eval_set = str(_write(tmp_path / "set.jsonl", ITEMS + [wrong]))
    strict = CliRunner().invoke(cli, ["eval", eval_set, "--home", str(sample_home), "--no-baseline", "--check-floors"])
    assert strict.exit_code == 1 and "floor 98%: BELOW" in strict.output, strict.output
    own = CliRunner().invoke(cli, ["eval", eval_set, "--home", str(sample_home), "--no-baseline", "--check-floors",
                                   "--overall-floor", "0.8"])
    assert own.exit_code == 0 and "floor 80%: ok" in own.output, own.output
