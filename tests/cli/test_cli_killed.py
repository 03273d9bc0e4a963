"""A run killed (SIGKILL) at several points: the next run marks it interrupted, the store stays
whole, and the rerun reports what a run never interrupted reports."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import ROOT, SEEDS

# Runs `checker check` with a SIGKILL planted at one point of the run. Small rounds and tasks,
# so that the kill lands between rounds, inside the store's open transaction, and so on.
DRIVER = """
import os, signal, sys
import checker.pipeline as pipeline
import checker.report as report
from checker.store import Store

point, args = sys.argv[1], sys.argv[2:]
pipeline.FILES_PER_ROUND, pipeline.FILES_PER_TASK = 2, 1


def die(*_, **__):
    os.kill(os.getpid(), signal.SIGKILL)


def after(owner, name, calls=1):
    original, seen = getattr(owner, name), []

    def wrapped(*a, **k):
        out = original(*a, **k)
        seen.append(1)
        if len(seen) == calls:
            die()
        return out

    setattr(owner, name, wrapped)


if point == "started":
    after(Store, "start_run")
elif point == "reading":
    after(pipeline, "_load_batch", calls=3)
elif point == "storing files":  # inside the transaction that stores the rounds
    after(Store, "save_files")
elif point == "storing the index":
    after(Store, "index_add")
elif point == "results stored":
    after(Store, "save_results")
elif point == "writing the report":
    report.write_html = die
elif point == "reports written":
    pipeline.finish = die
from checker.cli import main
main(args, prog_name="checker")
"""

POINTS = [
    "started",
    "reading",
    "storing files",
    "storing the index",
    "results stored",
    "writing the report",
    "reports written",
]


def check_args(corpus: Path, out: Path) -> list[str]:
    outputs = ["--db", str(out / "c.db"), "--json", str(out / "f.json"), "--html", str(out / "html")]
    fixed = ["--no-progress", "--workers", "1", "--today", "2026-01-01", "--fail-on", "never"]
    return ["check", str(corpus), *outputs, *fixed]


def report(out: Path) -> dict[str, object]:
    """What a run reports, less what differs between any two runs (the time, the score history)."""
    document = json.loads((out / "f.json").read_text(encoding="utf-8"))
    return {key: document[key] for key in ("articles", "stories", "alignments", "findings", "errors")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("reference")
    result = CliRunner().invoke(main, check_args(corpus, out), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return report(out)


@pytest.mark.parametrize("point", POINTS)
def test_a_killed_run_is_marked_interrupted_and_the_rerun_reports_the_same(
    corpus: Path, uninterrupted: dict[str, object], tmp_path: Path, point: str
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run(
        [sys.executable, "-c", DRIVER, point, *check_args(corpus, tmp_path)], env=env, capture_output=True, timeout=300
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    result = CliRunner().invoke(main, check_args(corpus, tmp_path), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert report(tmp_path) == uninterrupted
    conn = sqlite3.connect(tmp_path / "c.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        runs = conn.execute("SELECT id, status, finished_at IS NOT NULL, exit_code FROM runs ORDER BY id").fetchall()
    finally:
        conn.close()
    assert runs == [(1, "interrupted", 0, None), (2, "finished", 1, 0)]


def test_a_running_run_is_not_marked_interrupted(tmp_path: Path) -> None:
    """A run whose process is alive (a concurrent run) keeps its row "running"."""
    from checker.store import Store

    with Store(tmp_path / "c.db") as store:
        store.start_run("2026-01-01T00:00:00+00:00", ["a"], "test")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with sqlite3.connect(tmp_path / "c.db") as conn:  # as if that process had started run 1
            conn.execute("UPDATE runs SET pid = ? WHERE id = 1", (sleeper.pid,))
        conn.close()
        with Store(tmp_path / "c.db") as store:
            store.start_run("2026-01-01T00:00:01+00:00", ["b"], "test")
            statuses = store.db.conn.execute("SELECT status FROM runs ORDER BY id").fetchall()
        assert statuses == [("running",), ("running",)]
    finally:
        sleeper.kill()
        sleeper.wait()
    with Store(tmp_path / "c.db") as store:
        store.start_run("2026-01-01T00:00:02+00:00", ["c"], "test")
        statuses = store.db.conn.execute("SELECT status FROM runs ORDER BY id").fetchall()
    assert statuses == [("interrupted",), ("interrupted",), ("running",)]
