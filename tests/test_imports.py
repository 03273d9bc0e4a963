"""The `checker` package's modules import each other without cycles.

The graph is built from the source (ast), not by importing: an edge A -> B for each module-level
`import checker.B` or `from checker... import` in A (relative imports too). Imports inside
functions run when called, not when A is imported, and `if TYPE_CHECKING:` blocks never run, so
neither makes an edge. `from checker.x import name` is an edge to `checker.x.name` when that is a
module, else to `checker.x` (its `__init__`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "checker"

# Cycles that exist today, each an explicit exception so that any new cycle fails. Breaking one
# means deleting its entry here (the test then checks it stays broken). None at module level since
# the rule registry left `checker/rules/__init__.py` (`checker.rules.registry`). Still there through
# imports this graph leaves out, to be broken with the pipeline's state in a module of its own:
# - checker.pipeline -> checker.archive (inside `check`), checker.archive -> checker.pipeline
#   (RunResult, analyse_batch); checker.rules.related and checker.scoring -> checker.pipeline
#   (RunResult, under TYPE_CHECKING);
# - checker.report.ahead -> checker.report.html, checker.report.html -> checker.report.ahead
#   (StoryPagesAhead, under TYPE_CHECKING).
KNOWN_CYCLES: set[frozenset[str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements run when the module is imported: not those of functions, nor of
    `if TYPE_CHECKING:` (its `else` does run)."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        yield node
        if isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                yield from _module_level(block)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from _module_level(node.body)


def _absolute(node: ast.ImportFrom, importer: str) -> str:
    if not node.level:
        return node.module or ""
    package = importer if MODULES[importer].name == "__init__.py" else importer.rpartition(".")[0]
    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
    return f"{base}.{node.module}" if node.module else base


def imports_of(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _module_level(tree.body):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, name)
            for alias in node.names:
                found.add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source)
    return {m for m in found if m in MODULES and m != name}


def import_graph() -> dict[str, set[str]]:
    return {name: imports_of(name) for name in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_the_imports() -> None:
    graph = import_graph()
    assert "checker.model" in graph["checker.pipeline"]
    assert "checker.engine" in graph["checker.pipeline"]


def test_no_import_cycles_beyond_the_known_ones() -> None:
    assert set(cycles(import_graph())) <= KNOWN_CYCLES, sorted(map(sorted, cycles(import_graph())))


def test_the_known_cycles_still_exist() -> None:
    """An entry of KNOWN_CYCLES that no longer matches a cycle must be removed (or updated)."""
    assert set(cycles(import_graph())) >= KNOWN_CYCLES


def test_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [frozenset({"a", "b", "c"})]
