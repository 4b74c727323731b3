"""Row hierarchy: from indentation, numbering (一、 1. （1）) or classification codes.

Each function takes the rows' printed labels (leading spaces kept) and returns
one path per row, top level first. Labels lose their numbering.
"""

from __future__ import annotations

import re

NUMBERING = (
    (1, re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*")),
    (3, re.compile(r"^\d{1,2}(?:[、．]|\.(?!\d))\s*")),
    (3, re.compile(r"^[⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑]\s*")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]\s*")),
)
OF_WHICH = re.compile(r"^其中\s*[：:]\s*")
TOTAL = re.compile(r"(合\s*计|总\s*计)$")


def indent_of(label: str) -> int:
    """Leading spaces of a printed label (a full-width space counts as two)."""
    stripped = label.lstrip()
    head = label[: len(label) - len(stripped)]
    return len(head) + head.count("\u3000")


def numbering_level(label: str) -> int:
    """1 for "一、", 2 for "（一）", 3 for "1." / "1、", 4 for "（1）"; 0 when unnumbered."""
    text = OF_WHICH.sub("", label.strip())
    for level, pattern in NUMBERING:
        if pattern.match(text):
            return level
    return 0


def strip_numbering(label: str) -> str:
    """The label without numbering or surrounding spaces: "一、政府预算拨款" -> "政府预算拨款"."""
    text = label.strip()
    bare = OF_WHICH.sub("", text)
    for _, pattern in NUMBERING:
        if pattern.match(bare):
            return pattern.sub("", bare, count=1).strip()
    return text


def is_total_label(label: str) -> bool:
    """合计 / 总计 rows (本年收入合计, 收入总计, 合 计)."""
    return bool(TOTAL.search(strip_numbering(label)))


def indented_paths(labels: list[str], totals: list[bool]) -> list[tuple[str, ...]]:
    """Paths from indentation, with numbering as the signal when indentation is flat.

    Total rows are top-level and never parents. A "一、" numbered row is always top level.
    """
    use_indent = len({indent_of(label) for label, total in zip(labels, totals) if not total}) > 1
    stack: list[tuple[int, str]] = []
    paths = []
    for label, total in zip(labels, totals):
        name = strip_numbering(label)
        if total:
            paths.append((name,))
            continue
        level = numbering_level(label)
        depth = indent_of(label) if use_indent else _numbered_depth(label, level)
        if use_indent and level == 1:
            stack = []
        while stack and stack[-1][0] >= depth:
            stack.pop()
        paths.append(tuple(n for _, n in stack) + (name,))
        stack.append((depth, name))
    return paths


def _numbered_depth(label: str, level: int) -> int:
    """Depth when indentation is flat: numbering decides; "其中：" rows go under the row above;
    unnumbered rows are top level."""
    if OF_WHICH.match(label.strip()):
        return (level or 9) * 10 + 5
    return level * 10 if level else 10


def coded_paths(codes: list[str], labels: list[str]) -> list[tuple[str, ...]]:
    """Paths from classification codes: 205 › 20508 › 2050803 (a row without a code is top level)."""
    stack: list[tuple[str, str]] = []
    paths = []
    for code, label in zip(codes, labels):
        name = strip_numbering(label)
        if not code:
            paths.append((name,))
            continue
        while stack and not code.startswith(stack[-1][0]):
            stack.pop()
        paths.append(tuple(n for _, n in stack) + (name,))
        stack.append((code, name))
    return paths
