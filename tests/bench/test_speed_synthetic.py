"""The synthetic corpus generator and the benchmark driver (tiny sizes, nothing timed)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench import speed, synthetic
from checker import pipeline
from checker.ingest import load_file


def test_generator_is_deterministic_and_prefix_stable() -> None:
    first = list(synthetic.articles(30, seed=3))
    assert first == list(synthetic.articles(30, seed=3))
    assert list(synthetic.articles(60, seed=3))[:28] == first[:28]  # only the last story may be cut short
    assert first != list(synthetic.articles(30, seed=4))
    assert len({a["id"] for a in first}) == 30


def test_every_divergence_is_planted_somewhere() -> None:
    planted = Counter(kind for a in synthetic.articles(600) for kind in a["planted"])
    assert set(planted) == set(synthetic.DIVERGENCES)


@pytest.mark.parametrize("form", synthetic.FORMS)
def test_forms_read_back_as_the_same_articles(form: str, tmp_path: Path) -> None:
    files = synthetic.write_corpus(tmp_path, 12, form, per_file=5)
    again = synthetic.write_corpus(tmp_path / "again", 12, form, per_file=5)
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in again]
    articles = [a for f in files for a in load_file(f).articles]
    expected = list(synthetic.articles(12))
    assert [a.outlet for a in articles] == [e["outlet"] for e in expected]
    assert [a.published.isoformat() if a.published else None for a in articles] == [e["published"] for e in expected]


def test_planted_divergences_are_found(tmp_path: Path) -> None:
    synthetic.write_corpus(tmp_path, 150, "text")
    result = pipeline.check([tmp_path], db=None, today=dt.date(2025, 12, 1))
    categories = {f.category for f in result.findings}
    assert "role" in categories and len(categories) >= 3
    assert len(result.stories) < 60  # 150 articles of ~30 stories, grouped


def test_bench_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    args = [
        "--sizes",
        "20",
        "--incremental",
        "20",
        "--html",
        "5",
        "--probe",
        "12",
        "--workdir",
        str(tmp_path),
        "--real",
        "",
    ]
    code = speed.main([*args, "--json", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "articles/s" in printed and "one new article" in printed
    assert "machine probe before the runs" in printed and "machine probe after the runs" in printed
    report = json.loads(out.read_text())
    for when in ("before", "after"):
        measured = report["probe"][when]
        assert measured["articles"] == 12
        assert len(measured["alone_s"]) == 2 and len(measured["together_s"]) == 2
        assert all(isinstance(t, float) for t in measured["alone_s"] + measured["together_s"])
    assert [r["form"] for r in report["batch"]] == ["text", "html"]
    assert set(speed.STAGES) <= set(report["batch"][0]["timings"])
    assert report["incremental"][0]["stories"] >= 1
    if HAS_PSS:
        assert all(r["all_peak_mb"] > 10 for r in report["batch"])


def test_bench_parts_can_be_turned_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    args = [
        "--sizes",
        "15",
        "--incremental",
        "",
        "--html",
        "0",
        "--workers",
        "1",
        "--workdir",
        str(tmp_path),
        "--real",
        "",
    ]
    assert speed.main([*args, "--repeat", "3", "--probe", "0", "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    assert [r["size"] for r in report["batch"]] == [15] and report["incremental"] == []
    assert "probe" not in report
    runs = report["batch"][0]["runs_s"]
    assert len(runs) == 3 and report["batch"][0]["total_s"] == sorted(runs)[1]  # the median run
    printed = capsys.readouterr().out
    assert "one new article" not in printed and "machine probe" not in printed


def _recorded_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Stand in for the bench's child runs: each is recorded as (its report folder, whether it
    sampled memory); the n-th takes 1 + n seconds and its driver peaks at 100 + n MB."""
    runs: list[tuple[str, bool]] = []

    def run_child(child: list[str], args: object, sample_memory: bool = False) -> dict[str, object]:
        runs.append((Path(child[3]).name, sample_memory))
        return {
            "timings": {},
            "total_s": 1.0 + len(runs),
            "rate": 1.0,
            "peak_mb": 100.0 + len(runs),
            "all_peak_mb": 500.0 if sample_memory else None,
            "stories": 1,
            "articles": 1,
        }

    monkeypatch.setattr(speed, "_run_child", run_child)
    return runs


def test_memory_is_sampled_in_a_run_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _recorded_runs(monkeypatch)
    out = tmp_path / "bench.json"
    args = ["--sizes", "15", "--incremental", "15", "--html", "0", "--repeat", "3", "--probe", "0", "--real", ""]
    assert speed.main([*args, "--workdir", str(tmp_path), "--json", str(out)]) == 0
    batch = [sampled for report, sampled in runs if report == "report-text-15"]
    assert batch == [False, False, False, True]  # the timed runs, then the one that samples memory
    others = [sampled for report, sampled in runs if report != "report-text-15"]
    assert len(others) == 4 and not any(others)  # filling the archive, three new articles: timed only
    row = json.loads(out.read_text())["batch"][0]
    assert row["total_s"] == 3.0 and row["runs_s"] == [2.0, 3.0, 4.0]  # the median timed run
    assert row["all_peak_mb"] == 500.0 and row["peak_mb"] == 104.0  # the driver's largest, any run


def test_timed_runs_go_in_rounds_of_every_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _recorded_runs(monkeypatch)
    args = ["--sizes", "15,30", "--incremental", "", "--html", "0", "--repeat", "2", "--probe", "0", "--real", ""]
    assert speed.main([*args, "--workdir", str(tmp_path)]) == 0
    assert runs == [
        ("report-text-15", False),
        ("report-text-30", False),
        ("report-text-15", False),
        ("report-text-30", False),
        ("report-text-15", True),
        ("report-text-30", True),
    ]


HAS_PSS = Path("/proc/self/smaps_rollup").exists() and Path(f"/proc/self/task/{os.getpid()}/children").exists()


@pytest.mark.skipif(not HAS_PSS, reason="needs Linux /proc (smaps_rollup, task children)")
def test_the_memory_of_a_process_tree_counts_its_children() -> None:
    alone = speed.tree_pss_mb(os.getpid())
    assert alone is not None and alone > 10
    holds = "import sys, time; block = bytearray(64 * 2**20); print('ready', flush=True); time.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", holds], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with_child = speed.tree_pss_mb(os.getpid())
        assert with_child is not None and with_child > alone + 60
        assert speed.tree_pss_mb(child.pid) == pytest.approx(with_child - alone, abs=8)
    finally:
        child.kill()
        child.wait()
