"""Column names from a header whose cells were flattened into one list.

A table copied from a web page loses its header's shape: the cells of a two-row
header come one after another ("合计 | 因公出国(境)费 | 公务用车费 | 公务接待费"
then "小计 | 公务用车运行维护费 | 公务用车购置费"), empty cells are dropped and a
cell may be broken over two lines ("公务" / "接待费"). The words a header is made
of live in `header_cells.toml`; this module joins the fragments and rebuilds one
header path per column (("公务用车费", "小计"), …).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The form number printed beside a 决算 table's title: "公开01表", "公开 07 表".
FORM_NUMBER = re.compile(r"^\s*(?:公开|财决)\s*\d{1,2}(?:-\d{1,2})?\s*表\s*$")

_WORDS_FILE = Path(__file__).with_name("header_cells.toml")
# A fragment joined to the next one is short: a header word broken at the cell's edge.
FRAGMENT_CHARS = 4
# The shared start that ties lower-row cells to their group ("公务用车…" under "公务用车费").
GROUP_PREFIX_CHARS = 2
# A longer cell ending with a header word is a header cell only for words this long
# ("2024年预算数"): short words ("支出", "收入") also end row labels ("社会保障和就业支出").
NAME_ENDING_CHARS = 3
TOTAL_WORDS = ("合计", "总计", "小计")  # "“三公”经费合计" is a header cell


@dataclass(frozen=True)
class HeaderWords:
    """The words of `header_cells.toml`, each squeezed (no spaces).

    :ivar words: header cells, e.g. "预算数", "公务接待费".
    :ivar line_number_words: columns numbering rows or columns: "行次", "栏次", "序号".
    :ivar label_words: header cells over label columns: "项目", "科目编码".
    :ivar lower_row_openers: cells opening a header's lower row: "小计", "项目".
    """

    words: frozenset[str]
    line_number_words: frozenset[str]
    label_words: frozenset[str]
    lower_row_openers: frozenset[str]
    not_amount_labels: frozenset[str] = frozenset()


def squeeze(text: str) -> str:
    """A header cell without spaces or a trailing pipe: "合 计 |" -> "合计"."""
    return re.sub(r"\s+", "", text).strip("|")


@cache
def header_words() -> HeaderWords:
    """The header words of `header_cells.toml`."""
    with _WORDS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return HeaderWords(*(frozenset(squeeze(w) for w in data[key]) for key in (
        "words", "line_number_words", "label_words", "lower_row_openers", "not_amount_labels")))


def is_header_cell(text: str) -> bool:
    """A cell printed in a header: a header word, or a longer name ending with one
    ("2024年预算数", "“三公”经费合计")."""
    cell = squeeze(text)
    words = header_words().words
    if not cell or re.match(r"^[一二三四五六七八九十]+、", cell):
        return False  # "一、一般公共服务支出" is a row label
    return cell in words or any(cell.endswith(w) for w in words
                                if len(w) >= NAME_ENDING_CHARS or w in TOTAL_WORDS)


def is_line_number_cell(text: str) -> bool:
    """A 行次/栏次/序号 header cell."""
    return squeeze(text) in header_words().line_number_words


def is_label_cell(text: str) -> bool:
    """A header cell over a label column (项目, 科目编码, …)."""
    return squeeze(text) in header_words().label_words


def is_not_amount_label(text: str) -> bool:
    """A form label whose value is a code, phone number or date ("财政资金科目代码")."""
    return any(word in squeeze(text) for word in header_words().not_amount_labels)


def join_fragments(cells: list[str]) -> list[str]:
    """Header cells with a word broken over two lines joined ("公务", "接待费" -> "公务接待费")."""
    words = header_words().words
    joined: list[str] = []
    index = 0
    while index < len(cells):
        cell = squeeze(cells[index])
        if index + 1 < len(cells) and cell not in words and len(cell) <= FRAGMENT_CHARS:
            pair = cell + squeeze(cells[index + 1])
            if pair in words:
                joined.append(pair)
                index += 2
                continue
        joined.append(cell)
        index += 1
    return joined


def header_paths(cells: list[str]) -> list[tuple[str, ...]]:
    """One path per column from a flattened header (top row, then the lower row).

    The lower row starts at its opener ("小计", "项目"). Its cells go under the top
    cells that are not label or line-number cells: shared evenly when they divide
    ("收入 | 支出" over "项目 | 预算数 | 项目 | 预算数"), else all under the one top
    cell whose name they share ("公务用车费" over "小计 | 公务用车运行维护费 | …").
    A header without a lower row is one path per cell.
    """
    cells = join_fragments(cells)
    openers = header_words().lower_row_openers
    split = next((i for i, c in enumerate(cells) if i > 0 and c in openers), None)
    if split is None:
        return [(c,) for c in cells]
    top, lower = cells[:split], cells[split:]
    groups = [i for i, c in enumerate(top) if not (is_label_cell(c) or is_line_number_cell(c))]
    if not groups:
        return [(c,) for c in cells]
    if len(groups) > 1 and len(lower) % len(groups) == 0:
        size = len(lower) // len(groups)
        children = {g: lower[n * size:(n + 1) * size] for n, g in enumerate(groups)}
    else:
        group = _sharing_group(top, groups, lower)
        if group is None:
            return [(c,) for c in cells]
        children = {group: lower}
    paths: list[tuple[str, ...]] = []
    for index, cell in enumerate(top):
        paths += [(cell, child) for child in children[index]] if index in children else [(cell,)]
    return paths


def _sharing_group(top: list[str], groups: list[int], lower: list[str]) -> int | None:
    """The top cell whose name starts like the lower row's named cells (not 小计), if one does."""
    named = [c for c in lower if c not in header_words().lower_row_openers]
    best, best_length = None, GROUP_PREFIX_CHARS
    for index in groups:
        length = max((_common_prefix(top[index], c) for c in named), default=0)
        if length > best_length:
            best, best_length = index, length
    return best


def _common_prefix(a: str, b: str) -> int:
    length = 0
    while length < min(len(a), len(b)) and a[length] == b[length]:
        length += 1
    return length
