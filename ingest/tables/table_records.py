"""Records for every number printed in a table: one Record per numeric cell.

Non-numeric cells ("规范", text) are not records; nothing is invented.
"""

from __future__ import annotations

import re

from ingest.model import Document, Record, Row, Table
from ingest.tables.schemas import schema_by_name
from ingest.units import COUNT_UNITS

SUBTOTAL_NAMES = ("小计", "合计")
YEAR_ROW = re.compile(r"^((?:19|20)\d\d)年")


def table_records(tables, document: Document) -> list[Record]:
    """One Record per numeric cell of every table, in table/row/column order."""
    records: list[Record] = []
    for table in tables:
        for row in table.rows:
            for index, (column, cell) in enumerate(zip(table.columns, row.cells)):
                if cell.value is None:
                    continue
                if index < len(row.column_names) and row.column_names[index]:
                    column = (row.column_names[index],)  # this row's own header block names it
                records.append(_record(table, row, column, cell, document))
    return records


def _record(table: Table, row: Row, column: tuple[str, ...], cell, document: Document) -> Record:
    period, measure, base = _period(table, row, column, cell, document)
    return Record(
        doc_id=document.doc_id, department=document.department, year=document.year, source="table",
        value=cell.value, unit=cell.unit, label=_label(table, row, column),
        table_no=table.number, table_title=table.title, row_path=row.path, row_code=row.code,
        column_path=column, period=period, measure=measure, base_period=base,
        qualifier=cell.qualifier, quote=row.quote, line=row.line)


# A row comparing two years ("2016年比2015年增减%", fA2 of the fresh batch) holds changes, not a year's level.
_COMPARED_ROW = re.compile(r"比|较|增减")
_ONLY_YEAR = re.compile(r"(?:19|20)\d\d年度?")


def _is_year_table(table: Table) -> bool:
    schema = schema_by_name(table.schema)
    if schema is not None:
        return schema.structure == "years"
    # no known template: rows that are all years or compare years ("2015年", "2016年", "2016年比2015年增减%")
    labels = [row.label for row in table.rows]
    return sum(bool(_ONLY_YEAR.fullmatch(label)) for label in labels) >= 2 and all(
        YEAR_ROW.match(label) for label in labels)


def _label(table: Table, row: Row, column: tuple[str, ...]) -> str:
    """The row label; in a table whose rows are years (表8), or in an unnamed row (g04 prints its 三公
    table as one row of figures under the items' names), the column's name."""
    if not _is_year_table(table) and row.label.strip():
        return row.label
    names = [name for name in column if name not in SUBTOTAL_NAMES]
    return names[-1] if names else column[-1]


def _period(table: Table, row: Row, column, cell, document: Document) -> tuple[str, str, str]:
    """(period, measure, base_period): the row's year in 表8, a change row, a target, a count."""
    year = str(document.year) if document.year else ""
    if _is_year_table(table):
        match = YEAR_ROW.match(row.label)
        if match and not _COMPARED_ROW.search(row.label):
            return match.group(1), "amount", ""
        years = sorted({YEAR_ROW.match(r.label).group(1) for r in table.rows
                        if YEAR_ROW.match(r.label) and not _COMPARED_ROW.search(r.label)})
        latest = years[-1] if years else year
        measure = "change_rate" if row.label.endswith(("%", "％")) else "change"
        return latest, measure, years[0] if len(years) > 1 else _previous(latest)
    if named := _column_year(column):
        return named[0], _column_measure(column, cell, named), named[1]
    if column and column[-1].endswith(("目标值", "指标值")):  # 年度指标值 of a 绩效自评表 is its target
        return year, "target", ""
    if (cell.unit or "") in COUNT_UNITS:
        return year, "count", ""
    return year, "amount", ""


# A column naming its year: "2014年决算数", "2023年预算数", "2015年决算比上年增、减情况 › 增、减额",
# "2023年比2022年增减" (fD2, fC3 of the second fresh batch; county 三公 tables comparing two years).
_COLUMN_YEAR = re.compile(r"((?:19|20)\d\d)年")
_COLUMN_CHANGE = re.compile(r"增减|增、减|增长|减少|比上年|较上年|变动|差额")
_COLUMN_RATE = re.compile(r"幅度|率|%|％")


def _column_year(column: tuple[str, ...]) -> tuple[str, str] | None:
    """(year, base year) a column's name states; base "" unless the column compares years."""
    name = "".join(column)
    years = _COLUMN_YEAR.findall(name)
    if not years:
        return None
    if not _COLUMN_CHANGE.search(name):
        return years[0], ""
    return years[0], years[1] if len(years) > 1 else _previous(years[0])


def _column_measure(column: tuple[str, ...], cell, named: tuple[str, str]) -> str:
    if named[1]:
        return "change_rate" if cell.unit in ("%", "％") or _COLUMN_RATE.search(column[-1]) else "change"
    return "count" if (cell.unit or "") in COUNT_UNITS else "amount"


def _previous(year: str) -> str:
    return str(int(year) - 1) if year.isdigit() else ""
