"""Progress on stderr: a tqdm bar per stage with elapsed time and rate, moving while a stage is
silent, and quiet when stderr is not a terminal or with --no-progress."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.cli.progress import StageBars
from checker.pipeline import check
from tests.conftest import check_args

ARTICLE = (
    "---\ntitle: Rates {n}\noutlet: Outlet {n}\npublished: 2024-06-06\n---\nThe bank kept rates at 4% on Thursday.\n"
)


def corpus(folder: Path, count: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"a{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("stage", "total", "label", "unit"),
    [
        ("ingest", 34, "reading", "file/s"),
        ("stories", 36, "grouping", "article/s"),
        ("align", 12, "checking", "story/s"),
    ],
)
def test_each_stage_has_a_bar_with_elapsed_time_and_rate(stage: str, total: int, label: str, unit: str) -> None:
    out = io.StringIO()
    bars = StageBars(True, file=out)
    for done in range(total + 1):
        bars(stage, done, total)
    bars.close()
    last = out.getvalue().split("\r")[-1]
    assert last.startswith(f"{label}: 100%") and f"{total}/{total}" in last
    assert "[00:00<00:00" in last and unit in last


def test_a_silent_stage_still_shows_time_passing() -> None:
    out = io.StringIO()
    bars = StageBars(True, file=out, tick=0.05)
    bars("align", 0, 10)  # the workers align the first batch: nothing reported for a while
    time.sleep(1.2)
    bars.close()
    assert "0/10 [00:01" in out.getvalue()


def test_disabled_writes_nothing() -> None:
    out = io.StringIO()
    bars = StageBars(False, file=out)
    bars("ingest", 1, 2)
    bars.close()
    assert out.getvalue() == ""


def test_the_pipeline_reports_every_stage_to_its_end(tmp_path: Path) -> None:
    seen: dict[str, tuple[int, int]] = {}
    result = check([corpus(tmp_path / "c")], progress=lambda stage, done, total: seen.__setitem__(stage, (done, total)))
    assert seen["ingest"] == (3, 3)
    assert seen["stories"] == (3, 3)
    assert seen["align"] == (len(result.stories), len(result.stories))


@pytest.mark.parametrize(("flag", "shown"), [(None, False), ("--no-progress", False), ("--progress", True)])
def test_check_shows_progress_only_when_asked_or_on_a_terminal(tmp_path: Path, flag: str | None, shown: bool) -> None:
    args = check_args(tmp_path, corpus(tmp_path / "c"))
    args.remove("--no-progress")
    result = CliRunner().invoke(main, [*args, *([flag] if flag else [])])  # stderr is no terminal here
    assert result.exit_code == 0, result.output
    assert ("checking: 100%" in result.stderr) is shown
