"""Product code and data name no particular department, district or project.

The product must read any department's disclosure, so knowledge keyed to one
document (its department, its district, its projects, its table numbers) does
not belong in ingest/, index/, assistant/ or ui/. The names come from the
fixtures: the typed metadata of every real document, plus the sample's and the
older fixtures' names typed below. String literals and data values are
scanned; docstrings and comments may still use the sample as an example. The
built-in sample file itself (ingest/sample/) is the one place its names live.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PRODUCT_PACKAGES = ("ingest", "index", "assistant", "ui")
SAMPLE_DIR = ROOT / "ingest" / "sample"

# Departments, districts and projects of the sample and of fixtures without typed metadata,
# as printed in them (tests/fixtures/excerpts/SOURCES.md, tests/fixtures/final_accounts/).
TYPED_NAMES = (
    "深圳市社会保险基金管理局罗湖分局", "罗湖", "深圳", "福田", "盐田",
    "社保志愿服务", "社保档案管理工作", "区财政安排项目", "社保经办窗口",
    "寻甸", "桃江", "北京市人民政府研究室", "泾河源", "余庆", "盘龙", "岳阳", "台创园", "桂林市司法局",
    "大关县", "天星镇", "鄂州", "青神", "贵池", "棠溪", "曾都", "河道堤防",
    "西湖区文化广电旅游体育局", "东湖", "青山区",
    "普陀", "万里街道", "社会工作部",
)
_ADMIN_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|省|市|区|县|镇|乡|街道)$")
_MIN_NAME_CHARS = 2


def _names_from_expected() -> set[str]:
    names: set[str] = set()
    for path in list(FIXTURES.glob("dev_corpus/expected/*.json")) + list(FIXTURES.glob("real_pdf/expected/*.json")):
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata") or {}
        for key in ("department", "region"):
            value = meta.get(key) or ""
            if "XX" in value or not value:
                continue
            names.add(value)
            # "桂林市" is also said "桂林"; the bare province or municipality ("上海市") is kept whole.
            short = _ADMIN_SUFFIX.sub("", value)
            if key == "region" and len(short) > _MIN_NAME_CHARS and short != value:
                names.add(short)
    return names


def forbidden_names() -> tuple[str, ...]:
    return tuple(sorted(set(TYPED_NAMES) | _names_from_expected()))


def _python_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def _toml_values(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(value) -> None:  # noqa: ANN001 - any TOML value
        if isinstance(value, dict):
            for key, item in value.items():
                found.append((0, str(key)))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            found.append((0, value))

    walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return found


def _plain_lines(path: Path) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if not line.lstrip().startswith(("#", "//", "/*", "*"))]


READERS = {".py": _python_strings, ".toml": _toml_values, ".txt": _plain_lines, ".json": _plain_lines,
           ".js": _plain_lines, ".css": _plain_lines, ".html": _plain_lines}


def product_files() -> list[Path]:
    files = []
    for package in PRODUCT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.suffix in READERS and SAMPLE_DIR not in path.parents and "__pycache__" not in path.parts:
                files.append(path)
    return files


def test_the_name_list_is_not_empty():
    names = forbidden_names()
    assert "罗湖" in names and len(names) >= len(TYPED_NAMES)


@pytest.mark.parametrize("path", product_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_product_file_names_no_particular_disclosure(path: Path):
    names = forbidden_names()
    hits = [f"{path.relative_to(ROOT)}:{line}: {name!r} in {text[:60]!r}"
            for line, text in READERS[path.suffix](path) for name in names if name in text]
    assert not hits, "\n".join(hits)


def test_the_scan_finds_a_planted_name(tmp_path: Path):
    planted = tmp_path / "planted.py"
    planted.write_text('"""Docstrings may say 罗湖."""\nHINT = "请咨询罗湖社保分局"  # a literal must not\n',
                       encoding="utf-8")
    strings = [text for _, text in _python_strings(planted)]
    assert strings == ["请咨询罗湖社保分局"]
