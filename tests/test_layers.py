"""Imports flow one way: ingest → index → assistant → eval and ui → the CLI; no circles.

The graph is built from every import statement of the product packages,
including those inside functions (a deferred import still couples modules).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ingest", "index", "assistant", "eval", "ui")
# Each module may import only modules of its own layer or a lower one. eval and ui
# are siblings that never import each other; the CLI sits above both.
LAYERS = {"ingest": 0, "index": 1, "assistant": 2, "eval": 3, "ui": 3, "ui.cli": 4}
SIBLINGS_APART = ({"eval", "ui"},)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            return [".".join(base + ([node.module] if node.module else []))]
        return [node.module or ""]
    return []


def import_graph() -> dict[str, set[str]]:
    """module → product modules it imports (resolved to the longest existing module name)."""
    modules = {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for name in _imported(node, module, path.name == "__init__.py"):
                parts = name.split(".")
                while parts and ".".join(parts) not in modules:
                    parts.pop()
                if parts and ".".join(parts) != module:
                    graph[module].add(".".join(parts))
    for module in modules:
        graph.setdefault(module, set())
    return graph


def layer(module: str) -> tuple[int, str]:
    key = "ui.cli" if module == "ui.cli" else module.split(".")[0]
    return LAYERS[key], key


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles():
    assert cycles(import_graph()) == []


def test_no_import_from_a_higher_layer():
    upward = []
    for module, imports in import_graph().items():
        (mine, my_key) = layer(module)
        for other in imports:
            (theirs, their_key) = layer(other)
            apart = any({my_key, their_key} == pair for pair in SIBLINGS_APART)
            if theirs > mine or apart:
                upward.append(f"{module} → {other}")
    assert upward == []


def test_the_checker_sees_a_circle_and_an_upward_import():
    graph = {"ingest.a": {"ingest.b"}, "ingest.b": {"ingest.a"}, "index.c": {"ui.d"}, "ui.d": set()}
    assert cycles(graph) == [["ingest.a", "ingest.b"]]
    assert layer("index.c")[0] < layer("ui.d")[0]
