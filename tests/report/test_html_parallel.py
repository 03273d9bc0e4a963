"""The pages shared among processes (forked ones, or the engine's workers for the story pages):
the same files, byte for byte, as one process writes; a failing worker makes the call fail."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker import engine as engine_module
from checker.engine import LocalEngine
from checker.pipeline import RunResult
from checker.report import html, storypage, write_reports
from checker.report.forked import WorkerError, can_fork, run_shared
from checker.report.html import _Pages, pages_in_workers, write_html

needs_fork = pytest.mark.skipif(not can_fork(), reason="no os.fork on this platform")


def files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("workers", [2, 3, 50])
def test_parallel_pages_equal_serial_pages(seed_result: RunResult, tmp_path: Path, workers: int) -> None:
    write_reports(seed_result, tmp_path / "one" / "findings.json", tmp_path / "one" / "html")
    write_reports(seed_result, tmp_path / "many" / "findings.json", tmp_path / "many" / "html", workers=workers)
    serial, parallel = files(tmp_path / "one"), files(tmp_path / "many")
    assert len([name for name in serial if name.startswith("html/stories/")]) > 1
    assert serial.keys() == parallel.keys()
    assert all(serial[name] == parallel[name] for name in serial)


@needs_fork
def test_a_failing_worker_makes_the_parent_raise(
    seed_result: RunResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent, item = os.getpid(), _Pages.item

    def fail_in_a_child(self: _Pages, page: tuple[str, str]) -> None:
        if os.getpid() != parent:
            raise ValueError(f"cannot render {page[0]} {page[1]}")
        item(self, page)

    monkeypatch.setattr(_Pages, "item", fail_in_a_child)
    failed = r"worker process 1 .*failed \(exit status 1\)[\s\S]*ValueError: cannot render"
    with pytest.raises(WorkerError, match=failed):
        write_html(seed_result, tmp_path, workers=2)


@needs_fork
def test_every_task_runs_once_and_the_parents_own_error_comes_first(tmp_path: Path) -> None:
    def touch(n: int) -> None:
        (tmp_path / f"{n}.done").touch(exist_ok=False)

    run_shared(list(range(7)), touch, workers=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.done" for n in range(7))

    def parent_fails(n: int) -> None:
        if n == 0:
            raise KeyError("in the parent")
        touch(n + 10)

    with pytest.raises(KeyError, match="in the parent"):
        run_shared(list(range(4)), parent_fails, workers=2)
    assert (tmp_path / "11.done").exists() and (tmp_path / "13.done").exists()  # the child finished first


@pytest.fixture
def pool() -> Iterator[LocalEngine]:
    engine = LocalEngine(workers=2)
    yield engine
    engine.close()


def test_story_pages_written_by_the_engines_workers_equal_serial_pages(
    seed_result: RunResult, tmp_path: Path, pool: LocalEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    writers = tmp_path / "writers"
    writers.mkdir()
    write_page = html._write_story_page

    def note_the_writer(*args: Any) -> None:
        (writers / str(os.getpid())).touch()
        write_page(*args)

    # the pool forks its workers after this, so they write through the wrapper too
    monkeypatch.setattr(html, "_write_story_page", note_the_writer)
    monkeypatch.setattr(html, "STORY_PAGES_PER_TASK", 1)  # a task per page: the seeds' few pages go out
    write_reports(seed_result, tmp_path / "one" / "findings.json", tmp_path / "one" / "html")
    for marker in writers.iterdir():
        marker.unlink()
    item = _Pages.item

    def after_a_worker_wrote(self: _Pages, page: tuple[str, str]) -> None:
        # this process's own pages wait for a worker's first one: otherwise, on a slow machine,
        # it could finish them and take every story page back before a worker started
        deadline = time.monotonic() + 20
        while not any(int(p.name) != os.getpid() for p in writers.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.01)
        item(self, page)

    monkeypatch.setattr(_Pages, "item", after_a_worker_wrote)
    write_reports(seed_result, tmp_path / "pool" / "findings.json", tmp_path / "pool" / "html", engine=pool)
    serial, pooled = files(tmp_path / "one"), files(tmp_path / "pool")
    assert serial.keys() == pooled.keys()
    assert all(serial[name] == pooled[name] for name in serial)
    pids = {int(p.name) for p in writers.iterdir()}
    assert pids - {os.getpid()}, "no story page was written by a worker"  # (this process helps at the end)


def test_a_story_page_failing_in_a_worker_makes_the_call_fail(
    seed_result: RunResult, tmp_path: Path, pool: LocalEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(page: storypage.StoryPage) -> dict[str, Any]:
        raise ValueError(f"cannot render {page.slug}")

    monkeypatch.setattr(storypage, "story_page", fail)
    monkeypatch.setattr(html, "STORY_PAGES_PER_TASK", 1)
    with pytest.raises(ValueError, match="cannot render"):
        write_html(seed_result, tmp_path, engine=pool)


@pytest.mark.parametrize(("workers", "expected"), [(1, False), (2, True)])
def test_story_pages_go_to_local_worker_processes_only(workers: int, expected: bool) -> None:
    assert pages_in_workers(LocalEngine(workers)) is expected


def test_story_pages_stay_here_with_a_dask_engine() -> None:
    pytest.importorskip("dask")
    assert not pages_in_workers(engine_module.DaskEngine("sync"))
