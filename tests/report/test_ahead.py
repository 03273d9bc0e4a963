"""Story pages started before the scores (`checker.report.ahead`): started by `check`'s
`on_findings` hook on a local engine's workers, kept by the report when they hold, written again
when they do not, and the same bytes as a report written in one process either way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.engine import LocalEngine
from checker.model import OutletScore
from checker.pipeline import RunResult, check
from checker.report import StoryPagesAhead, html, write_reports
from tests.conftest import SEEDS


def files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture
def pool() -> Iterator[LocalEngine]:
    engine = LocalEngine(workers=2)
    yield engine
    engine.close()


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many story pages each `start_story_pages` call gave to the engine."""
    counted: list[int] = []
    start = html.start_story_pages

    def counting(pages: Any, engine: Any) -> html.StartedPages:
        started = start(pages, engine)
        counted.append(sum(len(batch) for batch in started.batches))
        return started

    monkeypatch.setattr(html, "start_story_pages", counting)
    return counted


def checked_with(ahead: StoryPagesAhead, engine: LocalEngine) -> tuple[RunResult, list[tuple[int, int]]]:
    """A run of the seeds with `ahead` as its hook; and what the hook saw: (findings, scores)."""
    seen: list[tuple[int, int]] = []

    def hook(result: RunResult) -> None:
        seen.append((len(result.findings), len(result.article_scores)))
        ahead(result)

    return check([SEEDS], engine=engine, on_findings=hook), seen


def test_pages_start_after_the_findings_before_the_scores_and_are_kept(
    tmp_path: Path, pool: LocalEngine, starts: list[int]
) -> None:
    ahead = StoryPagesAhead(tmp_path / "ahead", pool)
    result, seen = checked_with(ahead, pool)
    assert seen == [(len(result.findings), 0)] and result.findings and result.article_scores
    assert starts == [len(result.stories)]  # on the workers already
    write_reports(result, tmp_path / "ahead" / "findings.json", tmp_path / "ahead", engine=pool, ahead=ahead)
    assert starts == [len(result.stories)]  # kept: not given out again
    write_reports(result, tmp_path / "one" / "findings.json", tmp_path / "one")  # one process, no hook
    assert files(tmp_path / "ahead") == files(tmp_path / "one")


def test_pages_that_no_longer_hold_are_written_again(tmp_path: Path, pool: LocalEngine, starts: list[int]) -> None:
    ahead = StoryPagesAhead(tmp_path / "ahead", pool)
    result, _ = checked_with(ahead, pool)
    # an outlet the story pages did not know of: every outlet slug is given again, so their links may move
    result.outlets.append(OutletScore(outlet="AAA Early Outlet", score=50.0, articles=0, findings=0))
    write_reports(result, tmp_path / "ahead" / "findings.json", tmp_path / "ahead", engine=pool, ahead=ahead)
    assert starts == [len(result.stories), len(result.stories)]
    write_reports(result, tmp_path / "one" / "findings.json", tmp_path / "one")
    assert files(tmp_path / "ahead") == files(tmp_path / "one")


def test_another_directory_gets_its_own_pages(tmp_path: Path, pool: LocalEngine, starts: list[int]) -> None:
    ahead = StoryPagesAhead(tmp_path / "early", pool)
    result, _ = checked_with(ahead, pool)
    write_reports(result, None, tmp_path / "late", engine=pool, ahead=ahead)
    assert len(starts) == 2
    stories = {p.name for p in (tmp_path / "late" / "stories").iterdir()}
    assert stories and stories == {p.name for p in (tmp_path / "early" / "stories").iterdir()}


def test_nothing_starts_without_worker_processes(tmp_path: Path, starts: list[int]) -> None:
    engine = LocalEngine(workers=1)
    ahead = StoryPagesAhead(tmp_path / "ahead", engine)
    result, seen = checked_with(ahead, engine)
    assert len(seen) == 1 and starts == [] and not (tmp_path / "ahead").exists()
    write_reports(result, None, tmp_path / "ahead", engine=engine, ahead=ahead)
    assert len(list((tmp_path / "ahead" / "stories").iterdir())) == len(result.stories) > 1
