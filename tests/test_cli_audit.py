"""`budgetqa audit FILE [--json]` through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ui.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_audit_prints_a_chinese_report_with_the_table11_unit_error(sample_path: Path):
    result = run("audit", str(sample_path))
    assert result.exit_code == 1, result.output  # the 表11 unit error fails the audit
    assert result.output.startswith("审核报告")
    errors = result.output[result.output.index("【错误】"):result.output.index("【全部检查】")]
    assert "表11" in errors and "总额（元）" in errors and "万元" in errors
    assert "【全部检查】" in result.output


def test_audit_json_is_pure_json_with_every_finding(sample_path: Path):
    result = run("audit", "--json", str(sample_path))
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["source_name"] == sample_path.name
    assert data["summary"]["checks"] == len(data["findings"]) > 0
    assert data["summary"]["error"] == 1
    error = next(f for f in data["findings"] if f["verdict"] == "error")
    assert error["check"] == "column_unit" and error["where"].startswith("表11")
    assert {"ref", "row", "column", "value", "unit", "quote", "line", "where"} <= set(error["cells"][0])


def test_audit_finds_a_planted_growth_rate(sample_path: Path, tmp_path: Path):
    copy = tmp_path / "copy.txt"
    text = sample_path.read_text(encoding="utf-8")
    assert "增长 6 %" in text
    copy.write_text(text.replace("增长 6 %", "增长 16 %", 1), encoding="utf-8")
    result = run("audit", "--json", str(copy))
    assert result.exit_code == 1, result.output
    errors = [f for f in json.loads(result.output)["findings"] if f["verdict"] == "error"]
    assert [f["where"].split(" ")[0] for f in errors if f["check"] == "yoy_change"] == ["第二部分"]


def test_audit_missing_file_exits_1_with_a_chinese_message(tmp_path: Path):
    missing = tmp_path / "不存在.txt"
    result = run("audit", str(missing))
    assert result.exit_code == 1
    assert "错误：找不到文件" in result.output
    assert "Traceback" not in result.output


def test_audit_empty_file_exits_1_without_traceback(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("audit", "--json", str(empty))
    assert result.exit_code == 1
    assert result.output.startswith("错误：")
    assert "Traceback" not in result.output


def test_audit_exits_0_without_errors_and_1_with_one(sample_path: Path):
    # the blank 决算 template of tests/fixtures/real_pdf is clean (faults/final-template-2024.json)
    template = Path(__file__).parent / "fixtures" / "real_pdf" / "附件2：部门决算模板.pdf"
    result = run("audit", "--json", str(template))
    assert json.loads(result.output)["summary"]["error"] == 0 and result.exit_code == 0
    assert run("audit", str(sample_path)).exit_code == 1  # the sample's 表11 unit error
