"""CI integration for `checker check`: only what a change brings counts, reviewed findings stay quiet.

    changed_files(paths, ref)     files added, modified or renamed since a git ref, plus untracked ones
    fingerprints(findings)        the stable identity of each finding (rule, flagged words, article)
    read_baseline / write_baseline   the reviewed findings, by fingerprint, each with a reason
    assess(result, ...)           sort a run's findings: new, baselined, outside the change; and fixed
    reviews(result, ...)          the same status for each finding, for the reports (RunResult.review)
    render(outcome, format)       text summary, GitHub annotations, SARIF 2.1.0 or JSON

The CLI (`checker check --changed-since REF --baseline FILE --write-baseline FILE --format ...`)
only calls these; see the README, section CI.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from checker.ci.baseline import BaselineEntry, BaselineError, read_baseline, write_baseline
from checker.ci.fingerprint import fingerprint, fingerprints
from checker.ci.formats import (
    FORMATS,
    TextStyle,
    escape_data,
    escape_property,
    render,
    sarif_log,
    workflow_command,
)
from checker.ci.git import GitError, changed_files
from checker.ci.outcome import Outcome, Row, assess, baseline_entries, display_path, reviews

__all__ = [
    "FORMATS",
    "BaselineEntry",
    "BaselineError",
    "GitError",
    "Outcome",
    "Row",
    "TextStyle",
    "assess",
    "baseline_entries",
    "changed_files",
    "display_path",
    "escape_data",
    "escape_property",
    "fingerprint",
    "fingerprints",
    "read_baseline",
    "record_baseline",
    "render",
    "reviews",
    "sarif_log",
    "workflow_command",
    "write_baseline",
]


def record_baseline(outcome: Outcome, path: Path, previous: dict[str, BaselineEntry] | None = None) -> None:
    """Write the baseline accepting every finding of `outcome` to `path`, keeping the reasons of
    `previous` and of the file already at `path` (when it is a baseline), and note it in `outcome`.
    After a partial run (against the store), the entries of articles it did not check are kept."""
    reasons: dict[str, BaselineEntry] = {}
    if path.is_file():
        with contextlib.suppress(BaselineError):  # not a baseline (yet): it is replaced
            reasons.update(read_baseline(path))
    reasons.update({fp: e for fp, e in (previous or {}).items() if e.reason or fp not in reasons})
    entries = baseline_entries(outcome, reasons)
    if outcome.partial:  # keep what this run did not look at
        written = {e.fingerprint for e in entries}
        entries += [e for fp, e in reasons.items() if fp not in written and e.article not in outcome.checked]
    write_baseline(path, entries)
    outcome.written = display_path(str(path))
    outcome.written_entries = len(entries)
    outcome.without_reason = sum(not e.reason for e in entries)
