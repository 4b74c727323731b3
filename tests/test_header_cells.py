"""Flattened header cells of web-page tables (ingest/tables/header_cells.py), on headers as printed."""

from __future__ import annotations

import tomllib

from ingest.tables.header_cells import header_paths, is_header_cell, join_fragments


def test_every_word_list_loads_and_holds_words():
    with open("ingest/tables/header_cells.toml", "rb") as handle:
        data = tomllib.load(handle)
    assert {"words", "line_number_words", "label_words", "lower_row_openers"} <= set(data)
    assert all(isinstance(w, str) and w for key in data for w in data[key])


def test_a_word_broken_over_two_lines_is_one_cell():
    # g04: "公务" / "接待费" on two lines
    assert join_fragments(["因公出国(境)费", "公务", "接待费", "小计"]) == ["因公出国(境)费", "公务接待费", "小计"]


def test_a_two_row_header_puts_the_lower_row_under_the_group_it_names():
    # n01 (pipes): "合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费" then "小 计 | 公务用车运行维护费 | 公务用车购置费"
    paths = header_paths(["合 计", "因公出国(境)费", "公务用车费", "公务接待费",
                          "小 计", "公务用车运行维护费", "公务用车购置费"])
    assert paths == [("合计",), ("因公出国(境)费",), ("公务用车费", "小计"),
                     ("公务用车费", "公务用车运行维护费"), ("公务用车费", "公务用车购置费"), ("公务接待费",)]


def test_a_two_sided_header_shares_the_lower_row_between_its_sides():
    # g01: 序号 spans both rows; 收入 and 支出 each hold 项目 | 预算数
    paths = header_paths(["序号", "收入", "支出", "项 目", "预算数", "项 目", "预算数"])
    assert paths == [("序号",), ("收入", "项目"), ("收入", "预算数"), ("支出", "项目"), ("支出", "预算数")]


def test_a_one_row_header_is_one_path_per_cell():
    assert header_paths(["项 目", "预算数", "决算数"]) == [("项目",), ("预算数",), ("决算数",)]


def test_row_labels_are_not_header_cells():
    assert is_header_cell("“三公”经费合计") and is_header_cell("预 算 数")
    assert not is_header_cell("一、一般公共服务支出")
    assert not is_header_cell("社会保障和就业支出")
