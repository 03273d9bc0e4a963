"""What the commands share: exit codes (0 no finding at or above --fail-on; 1 there are; 2 usage
error, or some input could not be read) and the --db option of the commands that use the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker.model import SEVERITY_RANK

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = Path("reports/checker.db")

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def exit_code(findings: list, errors: list, fail_on: str) -> int:
    if errors:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else EXIT_OK


def db_option(help: str | None = None) -> Callable[[F], F]:
    """The --db option: the SQLite store (default reports/checker.db)."""
    return click.option(
        "--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_DB, show_default=True, help=help
    )
