"""ingest/tables/schemas.py: the registry of known tables loads and is self-consistent."""

from __future__ import annotations

import pytest

from ingest.checks.cross_checks import load_rules
from ingest.tables.schemas import STRUCTURES, fill_year, find_schema, load_schemas, schema_by_name

JOIN = " › "


def test_every_schema_file_loads():
    schemas = load_schemas()
    assert len(schemas) >= 11
    names = [s.name for s in schemas]
    assert len(names) == len(set(names))
    for schema in schemas:
        assert schema.structure in STRUCTURES
        assert schema.titles and schema.columns


@pytest.mark.parametrize("schema", load_schemas(), ids=lambda s: s.name)
def test_column_sums_name_existing_columns(schema):
    columns = {JOIN.join(path) for path in schema.columns}
    for rule in schema.column_sums:
        assert rule.total in columns
        assert set(rule.parts) <= columns


@pytest.mark.parametrize("title, name", [
    ("收支总表", "收支总表"),
    ("政府预算拨款收支总表", "政府预算拨款收支总表"),
    ("财政拨款收支总表", "政府预算拨款收支总表"),
    ("支出总表", "支出总表"),
    ("项目支出总表", "项目支出总表"),
    ("一般公共预算支出表（按功能分类）", "一般公共预算支出表"),
    ("一般公共预算“三公”经费支出表", "一般公共预算“三公”经费支出表"),
    ("单位整体支出绩效目标表", "单位整体支出绩效目标表"),
])
def test_printed_titles_find_their_schema(title, name):
    assert find_schema(title).name == name


@pytest.mark.parametrize("title", ["国有资产占用情况表", "台创园2017-度部门“三公”经费预算情况表",
                                   "人员情况表", ""])
def test_unknown_titles_find_no_schema(title):
    assert find_schema(title) is None


def test_year_placeholder():
    assert fill_year("{year}年预算数", "2022") == "2022年预算数"
    assert fill_year("{year}年预算数", "") == "预算数"
    assert schema_by_name("项目支出总表").columns_for("2023")[0] == ("2023年预算", "总计")


def test_cross_check_rules_name_known_schemas_and_columns():
    rules = load_rules()
    specs = [rule[key] for group in ("same_figure", "same_rows") for rule in rules[group] for key in "ab"]
    specs += [rule["b"] for group in ("text_figure", "text_rows") for rule in rules[group]]
    for spec in specs:
        schema = schema_by_name(spec["table"])
        assert schema is not None, spec["table"]
        columns = {JOIN.join(path) for path in schema.columns}
        assert spec["column"] in columns, spec
