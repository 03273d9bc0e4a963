"""`make check` installs only what checking needs, and that is enough: the package's runtime
dependencies provide every module the checker imports (the test tools stay in the test extra)."""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import sys
import tomllib

from tests.conftest import ROOT

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
OPTIONAL = {"dask", "distributed"}  # --engine dask: the dask extra, imported only when asked for


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _rule(target: str) -> tuple[str, list[str]]:
    """A target's prerequisites and recipe lines."""
    match = re.search(rf"^{re.escape(target)}:([^\n#]*)(?:##[^\n]*)?\n((?:\t[^\n]*\n)*)", MAKEFILE, re.MULTILINE)
    assert match, target
    return match.group(1), [line.strip() for line in match.group(2).splitlines()]


def test_make_check_installs_the_runtime_dependencies_only() -> None:
    prerequisites, _ = _rule("check")
    assert "$(RUNTIME)" in prerequisites and "$(STAMP)" not in prerequisites
    _, recipe = _rule("$(RUNTIME)")
    installs = [line for line in recipe if "pip install" in line and "--upgrade pip" not in line]
    assert installs == ["$(BIN)/python -m pip install --quiet -e ."]
    assert "$(STAMP)" in _rule("test")[0]  # the test tools come with make test


def test_no_test_tool_is_a_runtime_dependency() -> None:
    runtime = {_name(r) for r in PROJECT["dependencies"]}
    tools = {_name(r) for r in PROJECT["optional-dependencies"]["test"]}
    assert not runtime & {"pytest", "mypy", "ruff", "playwright", "jsonschema"}
    assert {"pytest", "mypy", "ruff", "playwright"} <= tools


def _closure(names: set[str]) -> set[str]:
    """The distributions the named ones need, with theirs (as installed here, without extras)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_name(r) for r in requires if "extra ==" not in r]
    return seen


def test_the_runtime_dependencies_provide_every_imported_module() -> None:
    imported = set()
    for path in (ROOT / "checker").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"checker"} - OPTIONAL
    provided = _closure({_name(r) for r in PROJECT["dependencies"]})
    distributions = metadata.packages_distributions()
    missing = {m for m in third_party if not {_name(d) for d in distributions.get(m, [m])} & provided}
    assert not missing, f"imported by checker but not a runtime dependency: {sorted(missing)}"
