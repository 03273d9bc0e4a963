"""The rule registry: `@rule(...)` records a rule function under its code.

Its own module so that the rule modules register themselves without importing the package that
imports them (`checker.rules` imports every rule module; they import this, which imports neither).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable

from checker.model import Category, Severity
from checker.rules.base import Flag, Rule, StoryContext

REGISTRY: dict[str, Rule] = {}

CheckFunction = Callable[[StoryContext], Iterable[Flag]]


def rule(code: str, name: str, category: Category, severity: Severity) -> Callable[[CheckFunction], CheckFunction]:
    """Register a rule function under `code`."""

    def register(check: CheckFunction) -> CheckFunction:
        doc = inspect.cleandoc(check.__doc__ or "")
        if not doc:
            raise ValueError(f"rule {code} needs a docstring")
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, name, category, severity, doc.splitlines()[0], doc, check)
        return check

    return register
