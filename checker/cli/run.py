"""What `checker check` adds around a run: its outputs checked before it (`checker.cli.outputs`),
and after it the input errors, the duplicates, the skipped files and the counts."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.cli.common import counted
from checker.cli.outputs import Output, guard_outputs
from checker.config import Settings

if TYPE_CHECKING:
    from checker.ci.formats import TextStyle
    from checker.pipeline import RunResult

SUPPORTED = ".html, .htm, .txt, .md, .json, .jsonl"


def guard_check_outputs(
    paths: tuple[Path, ...],
    db: Path,
    json_path: Path,
    html_dir: Path,
    claimreview_path: Path | None,
    write_baseline_path: Path | None,
    settings: Settings,
    baseline_path: Path | None,
) -> None:
    """Refuse before the run what it could only refuse at its end (checker.cli.outputs)."""
    outputs = [Output("--db", db, "db"), Output("--json", json_path, "json")]
    if claimreview_path is not None:
        outputs.append(Output("--claimreview", claimreview_path, "claimreview"))
    if write_baseline_path is not None:
        outputs.append(Output("--write-baseline", write_baseline_path, "baseline"))
    read = [("--config", Path(settings.source))] if settings.source != "defaults" else []
    if baseline_path is not None:
        read.append(("--baseline", baseline_path))
    guard_outputs(outputs, html_dir, list(paths), read)


def text_style(verbosity: int) -> TextStyle:
    """How the summary is written on standard output: wrapped at the width of a terminal and
    coloured there (unless NO_COLOR is set, https://no-color.org), whole lines anywhere else."""
    from checker.ci.formats import TextStyle

    terminal = sys.stdout.isatty()
    return TextStyle(
        width=shutil.get_terminal_size().columns if terminal else None,
        verbosity=max(-2, min(verbosity, 1)),
        colour=terminal and not os.environ.get("NO_COLOR"),
    )


def print_summary(result: RunResult, output_format: str, quiet: bool = False) -> None:
    """Input errors, duplicates and the files skipped (by reason) on stderr, then the counts (on
    stderr when stdout is a machine-readable document; not at all when quiet)."""
    for error in result.errors:
        click.echo(f"error: {error.path}: {error.message}", err=True)
    for where, original in result.duplicates:
        click.echo(f"duplicate: {where} repeats {original} (the same outlet and text: checked once)", err=True)
    if result.skipped:
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(result.skipped.items(), key=_most_first))
        click.echo(f"skipped {counted(sum(result.skipped.values()), 'file')} in the input folders: {reasons}", err=True)
    counts = {s: sum(f.severity == s for f in result.findings) for s in ("error", "warning", "info")}
    skipped = f", {counted(len(result.duplicates), 'duplicate')} skipped" if result.duplicates else ""
    if quiet:
        return
    click.echo(
        f"{counted(len(result.articles), 'article')}, {counted(len(result.stories), 'story', 'stories')}, "
        f"{counted(counts['error'], 'error')}, {counted(counts['warning'], 'warning')}, {counts['info']} info, "
        f"{counted(len(result.errors), 'input error')}{skipped}",
        err=output_format in ("sarif", "json"),
    )


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def nothing_read(paths: tuple[Path, ...], unreadable: int) -> str:
    """Why there is nothing to check (a CI job must not go green on an empty or wrong folder)."""
    where = ", ".join(str(p) for p in paths)
    if unreadable:
        return f"no articles to check in {where}: {unreadable} inputs could not be read, no other file held an article"
    return f"no articles to check in {where}: no file there held an article ({SUPPORTED}, also gzipped)"
