"""The registry of known table schemas of a department budget disclosure.

Each schema is a TOML file in `ingest/tables/schemas/` (editable by a budget expert):
the titles it is printed under, its row structure, its value columns (header
paths, "{year}" filled from the printed header) and which columns add up.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

STRUCTURES = ("indented", "two_sided", "coded", "years", "performance", "blocks")
YEAR_PLACEHOLDER = "{year}"


@dataclass(frozen=True)
class ColumnSum:
    """A total column and the columns that add up to it, paths joined with " › "."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Schema:
    """A known table layout.

    :ivar name: canonical title, e.g. "基本支出总表" (stored as `Table.schema`).
    :ivar titles: titles it is printed under, e.g. ("财政拨款收支总表", "政府预算拨款收支总表").
    :ivar structure: one of STRUCTURES: how rows are organised ("blocks": classified entries
        printed side by side, e.g. 人员经费 | 公用经费 of 公开06表).
    :ivar columns: value-column header paths, may hold "{year}".
    :ivar label_columns: label-column header paths (项目, 科目编码, …).
    :ivar department_row: the first row is the department (a total, not a parent).
    :ivar sides: for two-sided tables, the side names ("收入", "支出").
    :ivar column_sums: which columns add up to which total.
    :ivar extra: any other settings of the file: indicator levels, change labels; for 决算 and
        regional layouts also `not_titles` (longer titles that are other tables), `side_widths`
        and `left_columns` (two-sided tables whose sides print different columns),
        `unlabelled_row` (label of a numbers-only row) and `groups` (blocks: class codes per group).
    """

    name: str
    titles: tuple[str, ...]
    structure: str
    columns: tuple[tuple[str, ...], ...]
    label_columns: tuple[tuple[str, ...], ...] = ()
    department_row: bool = False
    sides: tuple[str, ...] = ()
    column_sums: tuple[ColumnSum, ...] = ()
    extra: tuple[tuple[str, object], ...] = ()

    def setting(self, key: str, default=()):
        """A schema-specific setting from the TOML file, e.g. "change_labels"."""
        return dict(self.extra).get(key, default)

    def columns_for(self, year: str) -> tuple[tuple[str, ...], ...]:
        """Value columns with "{year}" filled in ("" year drops the placeholder)."""
        return tuple(tuple(fill_year(name, year) for name in path) for path in self.columns)


def fill_year(text: str, year: str) -> str:
    """"{year}年预算数" -> "2022年预算数"; without a year -> "预算数"."""
    if year:
        return text.replace(YEAR_PLACEHOLDER, year)
    return text.replace(YEAR_PLACEHOLDER + "年", "").replace(YEAR_PLACEHOLDER, "")


def title_key(text: str) -> str:
    """Comparable form of a title or header: NFKC, no whitespace, no quotes."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s“”\"'‘’「」]", "", text)


_KNOWN_KEYS = {"name", "titles", "structure", "columns", "label_columns", "department_row", "sides",
               "column_sums"}


def _schema_from_toml(data: dict, source: str) -> Schema:
    structure = data.get("structure", "")
    if structure not in STRUCTURES:
        raise ValueError(f"{source}: unknown structure {structure!r}")
    sums = tuple(ColumnSum(total=s["total"], parts=tuple(s["parts"])) for s in data.get("column_sums", ()))
    extra = tuple((k, tuple(v) if isinstance(v, list) else v)
                  for k, v in data.items() if k not in _KNOWN_KEYS)
    return Schema(
        name=data["name"], titles=tuple(data["titles"]), structure=structure,
        columns=tuple(tuple(c) for c in data["columns"]),
        label_columns=tuple(tuple(c) for c in data.get("label_columns", ())),
        department_row=bool(data.get("department_row", False)), sides=tuple(data.get("sides", ())),
        column_sums=sums, extra=extra)


@cache
def load_schemas() -> tuple[Schema, ...]:
    """Every schema of the registry, in file-name order."""
    folder = resources.files("ingest.tables") / "schemas"
    schemas = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            schemas.append(_schema_from_toml(tomllib.loads(entry.read_text(encoding="utf-8")), entry.name))
    return tuple(schemas)


def find_schemas(title: str) -> tuple[Schema, ...]:
    """Every variant printed under the best-matching title (longest contained title), in file order.

    Variants share a title but differ in columns (e.g. 一般公共预算支出表 with or without
    人员经费/公用经费); the caller picks the one whose header and value count fit.
    """
    key = title_key(title)
    if not key:
        return ()
    matched: list[tuple[int, Schema]] = []
    for schema in load_schemas():
        if any(title_key(other) in key for other in schema.setting("not_titles", ())):
            continue  # e.g. 支出决算表 is not 一般公共预算财政拨款项目支出决算表
        lengths = [len(k) for k in map(title_key, schema.titles) if k and k in key]
        if lengths:
            matched.append((max(lengths), schema))
    best = max((length for length, _ in matched), default=0)
    return tuple(schema for length, schema in matched if length == best)


def column_names(schema: Schema) -> set[str]:
    """The schema's distinct column names in comparable form ("{year}" dropped)."""
    return {title_key(fill_year(name, "")) for path in schema.columns for name in path} - {""}


def header_evidence(schema: Schema, header_text: str) -> int:
    """How many of the schema's column names are printed in the header text."""
    printed = title_key(header_text)
    return sum(1 for name in column_names(schema) if name in printed)


def rank_schemas(schemas: tuple[Schema, ...], header_text: str) -> tuple[Schema, ...]:
    """Variants ordered by the share of their column names printed in the header, then by how
    many are printed (ties keep file order)."""
    if len(schemas) < 2 or not header_text.strip():
        return schemas

    def key(schema: Schema) -> tuple[float, int]:
        found = header_evidence(schema, header_text)
        return -found / max(len(column_names(schema)), 1), -found
    return tuple(sorted(schemas, key=key))


def find_schema(title: str, header_text: str = "") -> Schema | None:
    """The schema whose printed title is contained in `title` (longest match wins), or None.

    When several variants share that title, the printed header decides.
    """
    ranked = rank_schemas(find_schemas(title), header_text)
    return ranked[0] if ranked else None


def schema_by_name(name: str) -> Schema | None:
    """The schema with this canonical name, or None."""
    return next((s for s in load_schemas() if s.name == name), None)
