"""Answers in the record's own unit and kind: a 元 table's figure also in 万元 (exact decimal
rounding), a 决算's figure called 决算, a table printed without 表N cited by its title. The
figures are those of the typed grids in tests/fixtures/real_pdf/grids (read from the PDFs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Status
from assistant.compose_text import money_figure
from assistant.config import Config
from assistant.conversation import Conversation
from index.ingest import ingest_files
from index.library import open_library

REAL_PDF = Path(__file__).parent / "fixtures" / "real_pdf"


def _conversation(home: Path, name: str) -> Conversation:
    config = Config(home=home)
    (result,) = ingest_files(config, [REAL_PDF / name])
    assert result.status == "added", result.error
    return Conversation(open_library(config), config)


@pytest.mark.parametrize(("value", "unit", "text"), [
    (17887739, "元", "17,887,739元（约1,788.77万元）"),
    (6084184, "元", "6,084,184元（约608.42万元）"),   # 608.4184 rounds down
    (46565, "元", "46,565元（约4.66万元）"),          # 4.6565 rounds half up, not to even
    (9999, "元", "9,999元"),                          # small 元 figures stay as printed
    (14.12, "万元", "14.12万元"),
])
def test_money_figure(value, unit, text):
    assert money_figure(value, unit) == text


def test_a_yuan_table_answers_in_yuan_and_wan(tmp_path: Path):
    # 2025年部门一般公共预算基本支出部门预算经济分类预算表 (单位：元): 基本工资 6,084,184.
    answer = _conversation(tmp_path, "上海市普陀区人民政府万里街道办事处25年预算.pdf").ask("基本工资是多少？")
    assert answer.status == Status.ANSWERED, answer.text
    assert "6,084,184元" in answer.text and "608.42万元" in answer.text, answer.text
    assert all(not c.ref.startswith("表0") for c in answer.citations), answer.citations


def test_a_final_accounts_figure_is_called_jue_suan(tmp_path: Path):
    # 一般公共预算财政拨款基本支出决算表 (单位：万元): 基本工资 14.12.
    answer = _conversation(tmp_path, "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf").ask("基本工资是多少？")
    assert answer.status == Status.ANSWERED, answer.text
    assert "决算为14.12万元" in answer.text, answer.text
