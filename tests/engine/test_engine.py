"""Engines: the local and the Dask engine give byte-identical reports; incremental checks."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench import synthetic
from checker import engine as engine_module
from checker import pipeline
from checker.engine import LocalEngine, batches, make_engine, take_last
from checker.model import Finding
from checker.report.jsonreport import build_document
from checker.rules.related import RelatedPairs

TODAY = dt.date(2025, 12, 1)


def _report(result: pipeline.RunResult) -> str:
    document = build_document(result)
    document.pop("generated_at", None)
    return json.dumps(document, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    synthetic.write_corpus(root / "text", 40, "text", seed=2)  # seed 2: two related stories, so a QTY002 too
    synthetic.write_corpus(root / "jsonl", 12, "jsonl", seed=1, per_file=5)
    synthetic.write_corpus(root / "html", 6, "html", seed=2)
    return root


@pytest.fixture(scope="module")
def local_report(corpus: Path) -> str:
    return _report(pipeline.check([corpus], db=None, today=TODAY))


def _dask() -> None:
    pytest.importorskip("distributed", reason="the dask engine needs the optional extra: pip install 'checker[dask]'")


def test_batching_does_not_change_findings(corpus: Path, local_report: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the rules across two related stories too: each pair checked once both are, whichever tasks
    # hold them (the synthetic stories are different events, so their pairs rightly find nothing)
    checked: list[tuple[str, str]] = []
    check_pair = RelatedPairs._check

    def counted(pairs: RelatedPairs, first: str, second: str) -> list[tuple[Finding, str]]:
        checked.append((first, second))
        return check_pair(pairs, first, second)

    monkeypatch.setattr(RelatedPairs, "_check", counted)
    monkeypatch.setattr(pipeline, "STORIES_PER_TASK", 2)
    monkeypatch.setattr(pipeline, "ARTICLES_PER_TASK", 3)
    monkeypatch.setattr(pipeline, "FILES_PER_TASK", 4)
    monkeypatch.setattr(pipeline, "FILES_PER_ROUND", 7)
    assert _report(pipeline.check([corpus], db=None, today=TODAY)) == local_report
    assert checked


def test_local_engine_with_worker_processes(corpus: Path, local_report: str) -> None:
    engine = LocalEngine(workers=2)
    try:
        assert _report(pipeline.check([corpus], db=None, today=TODAY, engine=engine)) == local_report
    finally:
        engine.close()


def test_dask_synchronous_scheduler_is_identical(corpus: Path, local_report: str, tmp_path: Path) -> None:
    _dask()
    engine = make_engine("dask", "sync")
    try:
        result = pipeline.check([corpus], db=tmp_path / "c.db", today=TODAY, engine=engine)
    finally:
        engine.close()
    assert _report(result) == local_report


def test_dask_two_worker_cluster_is_identical(corpus: Path, local_report: str) -> None:
    _dask()
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        engine = make_engine("dask", client)
        result = pipeline.check([corpus], db=None, today=TODAY, engine=engine)
        engine.close()
    assert _report(result) == local_report


def test_batches() -> None:
    assert batches([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert batches([], 3) == []
    with pytest.raises(ValueError):
        make_engine("spark")


@pytest.mark.parametrize("size", [60, 320])  # 320: above brute_force_below, candidates from the stored postings
def test_incremental_checks_only_the_story_joined(tmp_path: Path, size: int) -> None:
    archive = list(synthetic.articles(size))
    folder = tmp_path / "archive"
    for k, article in enumerate(archive):
        (folder / f"{k:03d}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{k:03d}.txt").write_text(synthetic.as_text(article), encoding="utf-8")
    db = tmp_path / "c.db"
    batch = pipeline.check([folder], db=db, today=TODAY)
    # another outlet rewrites an archived article: it joins that article's story
    original = archive[size // 2]
    rewrite = dict(original, outlet="Late Wire")
    paragraphs = rewrite["text"].split("\n\n")
    rewrite["text"] = "\n\n".join(paragraphs[:1] + paragraphs[2:])
    new = tmp_path / "new"
    new.mkdir()
    (new / "late.txt").write_text(synthetic.as_text(rewrite), encoding="utf-8")
    result = pipeline.check([new], db=db, today=TODAY, against_store=True)
    assert len(result.new_articles) == 1
    original_id = next(a.id for a in batch.articles if a.path.endswith(f"{size // 2:03d}.txt"))
    story_of_original = batch.story_of(original_id)
    members = next(s for s in batch.stories if s.id == story_of_original).articles
    joined = result.story_of(result.new_articles[0])
    assert joined == story_of_original
    story = next(s for s in result.stories if s.id == joined)
    assert set(story.articles) == {*members, result.new_articles[0]}
    assert len(result.stories) < len(batch.stories)
    assert {result.story_of_finding[f.id] for f in result.findings} <= {s.id for s in result.stories}
    # checked again: the same story, nothing added twice to the archive
    again = pipeline.check([new], db=db, today=TODAY, against_store=True)
    assert again.story_of(again.new_articles[0]) == joined
    assert _report(again) == _report(result)


def test_incremental_needs_a_store(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        pipeline.check([tmp_path], db=None, against_store=True)


def test_cli_engine_options(corpus: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    _dask()
    out = tmp_path / "out"
    args = ["check", str(corpus / "text"), "--db", str(tmp_path / "c.db"), "--json", str(out / "f.json")]
    args += ["--html", str(out), "--today", "2025-12-01", "--fail-on", "never"]
    local = CliRunner().invoke(main, args)
    assert local.exit_code == 0, local.output
    first = json.loads((out / "f.json").read_text())
    dask_run = CliRunner().invoke(main, [*args, "--engine", "dask", "--scheduler", "sync"])
    assert dask_run.exit_code == 0, dask_run.output
    second = json.loads((out / "f.json").read_text())
    first.pop("generated_at"), second.pop("generated_at")
    assert first == second
    bad = CliRunner().invoke(main, [*args, "--scheduler", "sync"])
    assert bad.exit_code == 2


def test_shared_arguments_are_unpickled_once_per_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    loads: list[bytes] = []
    real = pickle.loads
    monkeypatch.setattr(engine_module.pickle, "loads", lambda blob: loads.append(blob) or real(blob))
    monkeypatch.setattr(engine_module, "_worker_shared", {})
    blob = pickle.dumps({"offset": 10})
    token = ("pid", "engine", 1)
    assert engine_module._with_shared(_add, [1, 2], token, blob) == [11, 12]
    assert engine_module._with_shared(_add, [3], token, blob) == [13]
    assert len(loads) == 1  # the second task of the same map reuses them
    assert engine_module._with_shared(_add, [3], ("pid", "engine", 2), pickle.dumps({"offset": 1})) == [4]
    assert len(loads) == 2  # a new map sends new ones
    assert engine_module._with_shared(_add, [5], token, blob) == [15]
    assert len(loads) == 2  # tasks of maps submitted together interleave: the first map's are still known


def _add(batch: list[int], offset: int) -> list[int]:
    return [n + offset for n in batch]


def test_submitted_maps_run_in_the_background_and_keep_their_order() -> None:
    engine = LocalEngine(workers=2)
    try:
        first = engine.submit(_add, [[1], [2], [3]], offset=10)
        second = engine.submit(_add, [[1, 2], [3]], offset=100)  # interleaved with the first in the pool
        assert list(second()) == [[101, 102], [103]]
        assert list(first()) == [[11], [12], [13]]
    finally:
        engine.close()


def _wait_for(batch: list[str]) -> str:
    """Task: 'go' at once, or wait (up to 20 s) for the file `batch[1]` to appear."""
    if batch[0] == "go":
        return "go"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if Path(batch[1]).exists():
            return "released"
        time.sleep(0.01)
    return "timed out"


def test_submitted_results_arrive_before_the_last_task_ends(tmp_path: Path) -> None:
    """The first task's result is handed over while a later task is still running: here the later
    task only ends once the caller, holding the first result, lets it."""
    flag = tmp_path / "flag"
    engine = LocalEngine(workers=2)
    try:
        results = engine.submit(_wait_for, [["go"], ["wait", str(flag)]])()
        assert next(results) == "go"
        flag.touch()
        assert next(results) == "released"
    finally:
        engine.close()


def _started_then_wait_for(batch: list[str]) -> str:
    """Task: note that it started (file `batch[2]`), then as `_wait_for`."""
    if len(batch) > 2:
        Path(batch[2]).touch()
    return _wait_for(batch)


def test_the_caller_takes_back_the_batches_no_worker_has_started(tmp_path: Path) -> None:
    flag = tmp_path / "flag"
    engine = LocalEngine(workers=2)
    try:
        # both workers held by waiting batches; the pool queues a few more, the rest wait here
        started = [tmp_path / "started-0", tmp_path / "started-1"]
        batches_ = [["wait", str(flag), str(p)] for p in started] + [["go"]] * 8
        pending = engine.submit(_started_then_wait_for, batches_)
        deadline = time.monotonic() + 20
        while not all(p.exists() for p in started) and time.monotonic() < deadline:
            time.sleep(0.01)
        taken = []
        while (k := take_last(pending)) is not None:
            taken.append(k)
        assert taken and taken == list(range(len(batches_) - 1, len(batches_) - 1 - len(taken), -1))
        assert 0 not in taken and 1 not in taken  # running: never taken back
        flag.touch()
        assert list(pending()) == ["released", "released"] + ["go"] * (8 - len(taken))
    finally:
        engine.close()


def test_nothing_is_taken_back_from_an_engine_without_workers() -> None:
    pending = LocalEngine().submit(_add, [[1], [2]], offset=1)
    assert take_last(pending) is None
    assert list(pending()) == [[2], [3]]


def test_in_process_submit_runs_when_the_results_are_asked_for() -> None:
    calls: list[int] = []

    def record(batch: list[int]) -> int:
        calls.append(len(batch))
        return sum(batch)

    pending = LocalEngine().submit(record, [[1, 2], [3]])
    assert calls == []
    results = pending()
    assert next(results) == 3 and calls == [2]  # one batch at a time, as the results are taken
    assert list(results) == [3]
    assert calls == [2, 1]


def test_worker_pool_gets_each_maps_shared_arguments() -> None:
    engine = LocalEngine(workers=2)
    try:
        assert engine.map(_add, [[1], [2], [3]], offset=10) == [[11], [12], [13]]
        assert engine.map(_add, [[1], [2]], offset=100) == [[101], [102]]
    finally:
        engine.close()


def _collector_settings(batch: list[int]) -> tuple[bool, int, int]:
    return gc.isenabled(), gc.get_threshold()[0], os.getpid()


def test_workers_collect_automatically_with_a_larger_young_generation() -> None:
    engine = LocalEngine(workers=2)
    try:
        settings = engine.map(_collector_settings, [[1], [2], [3]])
    finally:
        engine.close()
    assert all(pid != os.getpid() for _, _, pid in settings)  # measured in the workers
    assert all(enabled for enabled, _, _ in settings)
    assert {threshold for _, threshold, _ in settings} == {engine_module.WORKER_GC_THRESHOLD}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_workers_give_the_same_report(corpus: Path, tmp_path: Path, workers: str) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    out = tmp_path / "out"
    args = ["check", str(corpus / "text"), "--db", str(tmp_path / "c.db"), "--json", str(out / "f.json")]
    args += ["--html", str(out), "--today", "2025-12-01", "--fail-on", "never", "--workers", workers]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 0, run.output
    document = json.loads((out / "f.json").read_text())
    expected = json.loads(_report(pipeline.check([corpus / "text"], db=None, today=TODAY)))
    document.pop("generated_at")
    assert json.loads(json.dumps(document, sort_keys=True)) == expected


def test_incremental_reanalyses_members_stored_by_an_older_extractor(tmp_path: Path) -> None:
    import sqlite3

    folder = tmp_path / "archive"
    folder.mkdir()
    archive = list(synthetic.articles(12))
    for k, article in enumerate(archive):
        (folder / f"{k:03d}.txt").write_text(synthetic.as_text(article), encoding="utf-8")
    db = tmp_path / "c.db"
    pipeline.check([folder], db=db, today=TODAY)
    with sqlite3.connect(db) as conn:  # as if an earlier checker version had extracted the claims
        conn.execute("UPDATE articles SET claims_version = 'old'")
    rewrite = dict(archive[6], outlet="Late Wire")
    new = tmp_path / "new"
    new.mkdir()
    (new / "late.txt").write_text(synthetic.as_text(rewrite), encoding="utf-8")
    result = pipeline.check([new], db=db, today=TODAY, against_store=True)
    story = next(s for s in result.stories if s.id == result.story_of(result.new_articles[0]))
    assert len(story.articles) > 1  # the archived members are there, not silently left out
    assert all(result.claims[a] is not None and result.sentences[a] for a in story.articles)
    marks = ",".join("?" * len(story.articles))
    with sqlite3.connect(db) as conn:
        rows = conn.execute(f"SELECT claims_version FROM articles WHERE id IN ({marks})", story.articles)
        assert {version for (version,) in rows} == {pipeline.CLAIMS_VERSION}  # and stored


def test_default_workers_follow_the_cores_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert engine_module.default_workers() == 3
    monkeypatch.setattr(engine_module.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert engine_module.default_workers() == engine_module.MAX_DEFAULT_WORKERS


_HOLES = """
import os
from checker.engine import release_freed_memory

def resident_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

# blocks below glibc's mmap threshold, each followed by a small one that stays: freeing the
# large ones leaves holes in the heap, which glibc keeps resident until trimmed
large, kept = [], []
for _ in range(1024):
    large.append(bytearray(64 * 1024))
    kept.append(bytearray(1024))
large.clear()
freed = resident_mb()
release_freed_memory()
print(freed, resident_mb())
"""


@pytest.mark.skipif(
    not Path("/proc/self/statm").exists() or engine_module._malloc_trim() is None,
    reason="needs glibc's malloc_trim and /proc to see resident memory",
)
def test_freed_memory_goes_back_to_the_operating_system() -> None:
    # a fresh interpreter: how this one's heap was used before must not matter
    out = subprocess.run([sys.executable, "-c", _HOLES], capture_output=True, text=True, check=True).stdout
    freed, after = map(float, out.split())
    assert after < freed - 48
