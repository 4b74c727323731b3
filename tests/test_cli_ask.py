"""`budgetqa ask` through click's runner, on the ingested sample."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ui.cli import cli


def test_ask_json(sample_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "--home", str(sample_home), "--json", "公车有几辆？"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    answers = json.loads(result.stdout)
    assert isinstance(answers, list) and len(answers) == 1
    answer = answers[0]
    assert answer["status"] == "answered"
    assert "2" in answer["text"]
    assert {"第五部分", "第八部分"} & {c["ref"] for c in answer["citations"]}
    assert answer["latency_ms"] >= 0


def test_ask_multi_turn(sample_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "--home", str(sample_home), "--json", "三公经费是多少？",
                                      "其中公务接待费呢？"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first, second = json.loads(result.stdout)
    assert "8" in first["text"] and "1万元" in second["text"]


def test_ask_plain_text_has_sources(sample_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "--home", str(sample_home), "物业管理费是多少？"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "问：物业管理费是多少？" in result.output
    assert "231万元" in result.output and "来源：表4 基本支出总表" in result.output


def test_ask_with_doc_by_file_name(sample_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "--home", str(sample_home), "--json", "--doc",
                                      "luohu-social-insurance-2022-budget.txt", "电费多少？"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert "72" in json.loads(result.stdout)[0]["text"]


def test_ask_unknown_doc_is_exit_1_in_chinese(sample_home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "--home", str(sample_home), "--doc", "nope-2030",
                                      "公车有几辆？"])
    assert result.exit_code == 1
    assert "没有找到文档“nope-2030”" in result.output
    assert "Traceback" not in result.output


def test_ask_on_an_empty_home_says_nothing_is_ingested_and_ingests_nothing(home: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "--home", str(home), "公车有几辆？"])
    assert result.exit_code == 1
    assert "还没有导入任何公开文件" in result.output and "budgetqa ingest" in result.output
    from assistant.config import Config
    from index.store import RecordStore

    assert RecordStore(Config(home=home).db_path).documents() == []   # the sample was not slipped in
