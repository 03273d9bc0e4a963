"""Sorting one run's findings for CI: new, accepted by the baseline, or outside the change; and what was fixed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.ci.baseline import BaselineEntry
from checker.ci.fingerprint import fingerprints, flagged_evidence
from checker.model import SEVERITY_RANK, Evidence, Finding, InputError, Review, ReviewStatus
from checker.pipeline import RunResult

Status = ReviewStatus
STATUSES: tuple[Status, ...] = ("new", "baselined", "outside")


@dataclass
class Row:
    """One finding as CI sees it."""

    finding: Finding
    fingerprint: str
    status: Status  # new: counts; baselined: accepted; outside: involves no article of the change
    where: Evidence  # the evidence the finding is shown at (flagged, in a changed file when possible)
    path: str  # display path of `where`
    line: int  # line of `where` in its source file
    reason: str = ""  # the baseline's reason, for baselined findings
    lines: list[int] = field(default_factory=list)  # source line of each evidence, as `line` is of `where`

    @property
    def severity(self) -> str:
        return self.finding.severity


@dataclass
class Outcome:
    """What CI reports about one run."""

    rows: list[Row]
    fixed: list[BaselineEntry]
    articles: int
    stories: int
    errors: list[InputError]
    changed_since: str | None = None
    changed_files: list[str] | None = None  # display paths of the corpus files in the change
    new_articles: int | None = None
    baseline: str | None = None  # the baseline file compared with
    accept_all: bool = False  # --write-baseline: every finding is recorded as accepted
    exit_code: int = 0
    json_report: str | None = None  # where the full JSON report was written
    started_at: str = ""
    written: str | None = None  # the baseline file written (--write-baseline)
    written_entries: int = 0
    without_reason: int = 0  # entries of the written baseline that still need a reason
    partial: bool = False  # the run checked part of the corpus (against the store)
    checked: frozenset[str] = frozenset()  # ids of the articles the run checked

    @property
    def comparing(self) -> bool:
        """Whether findings are sorted against a baseline or a change (else every finding is new)."""
        return self.baseline is not None or self.changed_since is not None

    def with_status(self, status: Status) -> list[Row]:
        return [r for r in self.rows if r.status == status]

    @property
    def counted(self) -> list[Finding]:
        """The findings the exit code is decided on."""
        return [] if self.accept_all else [r.finding for r in self.rows if r.status == "new"]


def display_path(path: str) -> str:
    """A path as CI tools want it: relative to the working directory when it lies under it."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()


def assess(
    result: RunResult,
    *,
    baseline: Mapping[str, BaselineEntry] | None = None,
    baseline_path: str | None = None,
    changed: set[Path] | None = None,
    changed_since: str | None = None,
    accept_all: bool = False,
    partial: bool = False,
) -> Outcome:
    """Sort the findings of `result`: a finding is `baselined` when its fingerprint is in the
    baseline; otherwise `outside` when a change is given and none of its evidence lies in an
    article of a changed file; otherwise `new`. Baseline entries no longer found are `fixed`;
    when the run checked only part of the corpus (`partial`: against the store), only the entries
    of articles it checked can be."""
    articles = {a.id: a for a in result.articles}
    new_ids, changed_paths = _in_change(result, changed)
    accepted = baseline or {}
    rows: list[Row] = []
    for finding, fp, review in _sorted(result, accepted, new_ids):
        where = _where(finding, new_ids or set())
        rows.append(
            Row(
                finding=finding,
                fingerprint=fp,
                status=review.status,
                where=where,
                path=display_path(where.path),
                line=where.line,
                reason=review.reason,
                lines=[e.line for e in finding.evidence],
            )
        )
    found = {r.fingerprint for r in rows}
    fixed = sorted(
        (e for fp, e in accepted.items() if fp not in found and (not partial or e.article in articles)),
        key=BaselineEntry.sort_key,
    )
    return Outcome(
        rows=sorted(rows, key=_row_key),
        fixed=fixed,
        articles=len(result.articles),
        stories=len(result.stories),
        errors=sorted(result.errors, key=lambda e: e.path),
        changed_since=changed_since,
        changed_files=changed_paths,
        new_articles=len(new_ids) if new_ids is not None else None,
        baseline=baseline_path,
        accept_all=accept_all,
        started_at=result.started_at,
        partial=partial,
        checked=frozenset(articles),
    )


def reviews(
    result: RunResult,
    *,
    baseline: Mapping[str, BaselineEntry] | None = None,
    changed: set[Path] | None = None,
) -> dict[str, Review]:
    """Finding id -> its review as `assess` sorts it, for the reports (`RunResult.review`): it needs
    only the findings and the articles, so the story pages can show it before the run ends."""
    new_ids, _ = _in_change(result, changed)
    return {finding.id: review for finding, _, review in _sorted(result, baseline or {}, new_ids)}


def _in_change(result: RunResult, changed: set[Path] | None) -> tuple[set[str] | None, list[str] | None]:
    """The ids of the articles in the change's files, and those files' display paths (None, None:
    no change given)."""
    if changed is None:
        return None, None
    in_change = {path for path in {a.path for a in result.articles} if Path(path).resolve() in changed}
    new_ids = {a.id for a in result.articles if a.path in in_change}
    return new_ids, sorted(display_path(p) for p in in_change)


def _sorted(
    result: RunResult, accepted: Mapping[str, BaselineEntry], new_ids: set[str] | None
) -> Iterator[tuple[Finding, str, Review]]:
    """Each finding with its fingerprint and review: `baselined` when the baseline holds its
    fingerprint; otherwise `outside` when a change is given and none of its evidence lies in an
    article of it; otherwise `new`."""
    for finding, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        involved = {e.article for e in finding.evidence if e.article}
        if fp in accepted:
            yield finding, fp, Review("baselined", accepted[fp].reason)
        elif new_ids is not None and not involved & new_ids:
            yield finding, fp, Review("outside")
        else:
            yield finding, fp, Review("new")


def _where(finding: Finding, new_ids: set[str]) -> Evidence:
    flagged = flagged_evidence(finding) or [Evidence("", "", "", "", "", "flagged")]
    for evidence in flagged:
        if evidence.article in new_ids:
            return evidence
    for evidence in flagged:
        if evidence.article:
            return evidence
    return flagged[0]


def _row_key(row: Row) -> tuple[int, int, str, int, int, str, str]:
    return (
        STATUSES.index(row.status),
        -SEVERITY_RANK[row.severity],
        row.path,
        row.line,
        row.where.start,
        row.finding.rule,
        row.fingerprint,
    )


def baseline_entries(outcome: Outcome, previous: Mapping[str, BaselineEntry]) -> list[BaselineEntry]:
    """The baseline that accepts every finding of `outcome`, keeping the reasons of `previous`."""
    return [
        BaselineEntry(
            fingerprint=row.fingerprint,
            rule=row.finding.rule,
            severity=row.finding.severity,
            outlet=row.where.outlet,
            path=row.path,
            line=row.line,
            span=row.where.span,
            article=row.where.article,
            message=row.finding.message,
            reason=previous[row.fingerprint].reason if row.fingerprint in previous else "",
        )
        for row in outcome.rows
    ]
