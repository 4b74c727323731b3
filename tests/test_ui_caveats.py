"""ui/caveats.py: an answer whose figures come from a table that fails its own checks says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.answer import Status
from assistant.config import load_config
from assistant.number_text import text_states_number
from ui.cli import cli
from ui.shared_library import SharedLibrary

# 表4's 工资福利支出 is printed as 50 while its parts (30 + 25) make 55; 表5 adds up.
UNBALANCED = """测试局2023年部门预算

 一、文字部分

第一部分  部门概况

一、部门职责

负责测试辖区的预算公开工作。

二、表格部分

表 4

基本支出总表

部门名称： 测试局  单位：万元

项目 总计

测试局 60

工资福利支出 50

  基本工资 30

  津贴补贴 25

商品和服务支出 10

  办公费 4

  物业管理费 6

注：无。

表 5

项目支出表

部门名称： 测试局  单位：万元

项目 总计

测试局 40

业务工作经费 40

  宣传经费 15

  信息化建设 25

注：无。
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from index.ingest import ingest_files

    base = tmp_path_factory.mktemp("caveat")
    disclosure = base / "unbalanced-2023-budget.txt"
    disclosure.write_text(UNBALANCED, encoding="utf-8")
    assert [r.status for r in ingest_files(load_config(base / "home"), [disclosure])] == ["added"]
    return base / "home"


@pytest.fixture(scope="module")
def shared(home: Path) -> SharedLibrary:
    return SharedLibrary(load_config(home), ensure_sample=False)


def test_a_figure_from_a_table_whose_parts_do_not_add_up_carries_a_caveat(shared: SharedLibrary):
    answer = shared.ask(shared.conversation(), "工资福利支出是多少？")
    assert answer.status is Status.ANSWERED and text_states_number(answer.text, 50)
    caveat = answer.text.splitlines()[-1]
    assert "表4" in caveat and "合计" in caveat and "原表" in caveat
    assert len(caveat) <= 60 and not any(ch.isdigit() for ch in caveat.replace("表4", ""))


def test_a_figure_from_a_table_that_adds_up_carries_none(shared: SharedLibrary):
    answer = shared.ask(shared.conversation(), "信息化建设是多少？")
    assert answer.status is Status.ANSWERED and text_states_number(answer.text, 25)
    assert "原表" not in answer.text


@pytest.mark.parametrize("as_json", [False, True])
def test_the_command_line_gives_the_same_caveat(home: Path, as_json: bool):
    args = ["ask", "--home", str(home), *(["--json"] if as_json else []), "工资福利支出是多少？", "信息化建设是多少？"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    texts = ([a["text"] for a in json.loads(result.stdout)] if as_json
             else result.stdout.split("问：")[1:])
    assert "表4的分项之和与合计不一致" in texts[0] and "原表" not in texts[1]
