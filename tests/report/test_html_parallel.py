"""The story and outlet pages shared among forked processes: the same files, byte for byte, as one
process writes; a failing worker makes the call fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.pipeline import RunResult
from checker.report import write_reports
from checker.report.forked import WorkerError, can_fork, run_shared
from checker.report.html import _Pages, write_html

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
