"""`budgetqa inspect FILE [--json]` through the CLI runner: the sample, and bad input in Chinese."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ui.cli import cli

EXCERPTS = Path(__file__).parent / "fixtures" / "excerpts"


def invoke(*args: str):
    return CliRunner().invoke(cli, ["inspect", *args])


def test_inspect_shows_metadata_sections_tables_records_and_checks(sample_path):
    result = invoke(str(sample_path))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "部门：深圳市社会保险基金管理局罗湖分局" in out
    assert "年度：2022" in out and "部门预算" in out and "金额单位：万元" in out
    assert "第三部分 部门预算支出具体情况（0 段" in out
    assert "      （一）人员支出（1 段" in out
    assert "一、部门职责（1 段" in out
    assert "表4 基本支出总表" in out
    assert "记录：共" in out and "正文" in out
    assert "核对：通过" in out


def test_inspect_json_is_everything_but_the_text(sample_path):
    result = invoke("--json", str(sample_path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "text" not in data
    assert data["doc_id"] == "luohu-2022" and data["year"] == 2022 and data["kind"] == "budget"
    paths = [tuple(section["path"]) for section in data["sections"]]
    assert ("第一部分 部门概况", "一、部门职责") in paths
    text_records = [r for r in data["records"] if r["source"] == "text"]
    vehicles = [r for r in text_records
                if (r["label"], r["value"], r["unit"], r["measure"]) == ("公务用车", 2.0, "辆", "count")]
    assert vehicles and vehicles[0]["section_path"][0] == "第五部分 一般公共预算“三公”经费预算情况"
    summary = data["summary"]
    assert summary["records"] == len(data["records"])
    assert summary["records_by_source"]["text"] == len(text_records)
    assert summary["sections"] == len(data["sections"])


def test_inspect_an_excerpt_with_figures_in_yuan():
    result = invoke("--json", str(EXCERPTS / "ex01.txt"))
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)["records"]
    assert any(r["value"] == 234000.0 and r["unit"] == "元" for r in records)


def test_inspect_lists_a_failed_check_naming_table_and_row(sample_path, tmp_path):
    text = sample_path.read_text(encoding="utf-8")
    printed = "               基本工资 420 420 420 0 0 0 0 0 0 0 0 0 "
    assert text.count(printed) == 1
    altered = tmp_path / "altered.txt"
    altered.write_text(text.replace(printed, printed.replace("420", "520")), encoding="utf-8")
    result = invoke(str(altered))
    assert result.exit_code == 0, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("  ✗ ")]
    assert failed and any("表4" in line and "工资福利支出" in line for line in failed)
    assert "核对：通过" in result.output and "未通过 0 项" not in result.output


def _assert_user_error(result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert "错误：" in result.output and message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content, message", [
    (b"", "是空的"),
    (b"%\x00\x01\x02\x03binary\x00" * 40, "二进制"),
    (b"\x80\xc1\xff\xfd" * 50, "编码"),
    ("今天天气很好，我们去公园散步。\n晚上一起吃饭。\n".encode("utf-8"), "不是预算或决算公开文件"),
])
def test_bad_files_end_with_a_chinese_message_and_exit_1(tmp_path, content, message):
    path = tmp_path / "upload.txt"
    path.write_bytes(content)
    _assert_user_error(invoke(str(path)), message)
    _assert_user_error(invoke("--json", str(path)), message)


def test_missing_file(tmp_path):
    _assert_user_error(invoke(str(tmp_path / "nowhere.txt")), "找不到文件")


def test_directory_instead_of_a_file(tmp_path):
    _assert_user_error(invoke(str(tmp_path)), "文件夹")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission(tmp_path, sample_path):
    path = tmp_path / "locked.txt"
    path.write_bytes(sample_path.read_bytes())
    path.chmod(0)
    _assert_user_error(invoke(str(path)), "无法读取文件")


def test_installed_script_reports_bad_input_without_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    script = Path(sys.executable).with_name("budgetqa")
    completed = subprocess.run([str(script), "inspect", str(path)],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 1
    assert "是空的" in completed.stderr and "Traceback" not in completed.stderr
