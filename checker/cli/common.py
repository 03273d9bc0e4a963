"""What the commands share: the exit codes, the error of a bad path or value, and the --db option
of the commands that use the store.

Exit codes (the README's table): 0 no finding at or above --fail-on; 1 there are; 2 a bad path,
option or configuration value, no articles to check, an input that could not be read or an output
that could not be written; 3 a bug of the checker (`checker.cli.errors`); 130 interrupted (Ctrl-C);
141 standard output closed by its reader.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from checker.model import SEVERITY_RANK

if TYPE_CHECKING:
    from checker.store import Store

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = Path("reports/checker.db")

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_PIPE = 130, 141


class BadInput(click.ClickException):
    """A bad path, file or value the command was given: one line naming it, exit 2."""

    exit_code = EXIT_INPUT


class Day(click.ParamType):
    """A calendar day, YYYY-MM-DD: a day the calendar lacks ("2025-02-30") is named as such, not as a
    format that does not match."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD", param, ctx)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"{text}: no such date ({_why_no_date(text)})", param, ctx)


def _why_no_date(text: str) -> str:
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < dt.MINYEAR:
        return f"there is no year {year}"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days" if day else "days count from 1"


def counted(number: int, word: str, plural: str = "") -> str:
    """'1 error', '2 errors', '1 story', '0 stories' (`plural` when it is not the word and an s)."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


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


@contextmanager
def open_store(db: Path) -> Iterator[Store]:
    """The store at --db; a file that is not a checker store is refused untouched (exit 2)."""
    from checker.store import Store, StoreError

    try:
        store = Store(db)
    except StoreError as exc:
        raise BadInput(f"--db {exc}") from exc
    with store:
        yield store
