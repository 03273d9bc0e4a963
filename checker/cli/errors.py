"""How a command fails: one line on stderr and an exit code of the README's table, never a traceback.

Usage errors (a bad path, option or configuration value) exit 2 with a line naming what is wrong;
a bug of the checker itself exits 3 with a line asking for a report (the traceback too when
CHECKER_TRACEBACK=1); Ctrl-C exits 130 and a closed standard output 141, as a shell reports a
process ended by SIGINT or SIGPIPE.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from checker.cli.common import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_PIPE

TRACEBACK_ENV = "CHECKER_TRACEBACK"


class _NeverRaised(click.UsageError):
    """Stands in for NoArgsIsHelpError before click 8.2 (which printed the help itself)."""


# click >= 8.2 raises it for a group called without a command: its message is the whole help
NO_ARGS_IS_HELP: type[click.UsageError] = getattr(click.exceptions, "NoArgsIsHelpError", _NeverRaised)


class CheckerGroup(click.Group):
    """The `checker` group: click's standalone error handling, with one-line messages and our codes."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NO_ARGS_IS_HELP as exc:  # `checker` or `checker kb` alone: the help, as click prints it
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            _fail(usage_line(exc), exc.exit_code)
        except click.ClickException as exc:
            _fail(f"error: {exc.format_message()}", exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            _fail("interrupted", EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        """The command, with anything unexpected turned into exit 3 (click's own exceptions and
        exits pass through to `main`)."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                internal_error(exc)
            _fail("error: the store is busy: another run has been writing to it for minutes; try again", EXIT_INPUT)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                _closed_stdout()
            if exc.filename is None:
                internal_error(exc)
            # a file the system refused (a full disk, a permission): the place, not the checker
            _fail(f"error: {exc.filename}: {exc.strerror or exc}", EXIT_INPUT)
        except Exception as exc:
            internal_error(exc)


def usage_line(exc: click.UsageError) -> str:
    """click's message on one line, with where to find the command's help."""
    message = " ".join(exc.format_message().split())
    ctx = exc.ctx
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    return f"error: {message}{hint}"


def internal_error(exc: BaseException) -> NoReturn:
    """A bug of the checker: one line naming it and asking for a report, exit 3."""
    if os.environ.get(TRACEBACK_ENV):
        traceback.print_exception(exc, file=sys.stderr)
    where = _innermost(exc)
    text = " ".join(str(exc).split())[:200]
    _fail(
        f"internal error: {type(exc).__name__}{': ' + text if text else ''}{where} - a bug of the checker, "
        f"please report it with the command that failed ({TRACEBACK_ENV}=1 prints the traceback)",
        EXIT_INTERNAL,
    )


def _innermost(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    frame = frames[-1]
    return f" at {os.path.basename(frame.filename)}:{frame.lineno}"


def _closed_stdout() -> NoReturn:
    """The reader of standard output went away (`checker ... | head`): stop quietly."""
    with contextlib.suppress(OSError, ValueError):  # ValueError: no real file descriptor (a test's stream)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(EXIT_PIPE)


def _fail(line: str, code: int) -> NoReturn:
    with contextlib.suppress(OSError):  # stderr is gone too: the exit code is all that is left
        click.echo(line, err=True)
    sys.exit(code)


__all__ = ["EXIT_INPUT", "CheckerGroup", "internal_error", "usage_line"]
