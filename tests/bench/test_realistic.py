"""The corpus generator built on real articles and the real-text bench cases (tiny sizes, nothing timed)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from bench import realistic, realtext, speed
from checker.ingest import load_file


@pytest.fixture(scope="module")
def source() -> list[dict[str, Any]]:
    if not realistic.SOURCE.is_dir():
        pytest.skip(f"needs the real development set at {realistic.SOURCE}")
    return realistic.load_source()


def _events(made: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    events: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for article in made:
        events[article["event"]].append(article)
    return events


def test_the_generator_is_deterministic(source: list[dict[str, Any]]) -> None:
    first = list(realistic.articles(60, source, seed=1))
    assert first == list(realistic.articles(60, source, seed=1))
    assert first != list(realistic.articles(60, source, seed=2))
    assert len(first) == 60 and len({a["id"] for a in first}) == 60


def test_events_are_real_articles_told_by_two_to_four_outlets(source: list[dict[str, Any]]) -> None:
    made = list(realistic.articles(1200, source, seed=0))
    events = _events(made)
    sizes = [len(copies) for e, copies in sorted(events.items())]
    assert all(2 <= k <= 4 for k in sizes[:-1]) and 1 <= sizes[-1] <= 4  # only the last may be cut short
    assert len(set(sizes[:-1])) == 3  # 2, 3 and 4 outlets all occur
    firsts = {next(p for p in a["text"].split("\n\n") if p.strip()) for a in source}
    for copies in events.values():
        assert len({a["outlet"] for a in copies}) == len(copies)  # distinct outlets per event
        assert copies[0]["edits"] == []  # the first copy is the real text
        kept = [a for a in copies if "number" not in a["edits"]]  # a number edit may fall in the lead
        assert all(a["text"].split("\n\n")[0] in firsts for a in kept)  # the lead is kept
    undated = sum(a["published"] is None for a in made) / len(made)
    assert 0.08 <= undated <= 0.16
    numbers = sum("number" in a["edits"] for a in made)
    assert 0 < numbers < 0.1 * len(made)


def test_the_dense_stream_falls_within_a_month(source: list[dict[str, Any]]) -> None:
    made = list(realistic.articles(300, source, seed=0, dense_days=30))
    dates = {dt.date.fromisoformat(a["published"]) for a in made if a["published"]}
    assert min(dates) >= realistic.DENSE_START
    assert max(dates) <= realistic.DENSE_START + dt.timedelta(days=31)


def test_the_written_corpus_reads_back(source: list[dict[str, Any]], tmp_path: Path) -> None:
    files = realistic.write_corpus(tmp_path / "a", 25, source, per_file=10)
    again = realistic.write_corpus(tmp_path / "b", 25, source, per_file=10)
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in again]
    articles = [a for f in files for a in load_file(f).articles]
    expected = list(realistic.articles(25, source))
    assert len(articles) == 25
    assert [a.title for a in articles] == [e["title"] for e in expected]  # (outlet labels are normalised)
    assert [a.published.isoformat() if a.published else None for a in articles] == [e["published"] for e in expected]


def _tiny_source(folder: Path) -> Path:
    """A hand-written stand-in for the real set: the runner must not need ../shared."""
    folder.mkdir()
    rows = [
        {
            "title": f"Council vote {k}",
            "outlet": f"Outlet {k % 3}",
            "published": f"2019-05-{k + 1:02d}" if k % 4 else None,
            "text": f"The council voted {k + 5} to 2 on Tuesday.\n\nThe mayor said the plan costs {k + 10} million.\n\n"
            "Residents will be asked again next year.\n\nThe next meeting is in June.",
        }
        for k in range(6)
    ]
    (folder / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def test_a_real_text_case_runs_the_checker_as_a_process(tmp_path: Path) -> None:
    source = _tiny_source(tmp_path / "source")
    assert realtext.cases("dev,12", 9, source) == [("dev", 6), ("real", 12), ("dense", 9)]
    row = realtext.run(tmp_path / "work", "real", 12, source, workers=1)
    assert row["exit"] == 0 and row["error"] == ""
    assert row["articles"] == 12 and row["rate"] > 0 and row["cpu_s"] > 0
    assert row["rss_mb"] > 10 or row["wall_s"] < realtext.SAMPLE_S  # sampled unless it ended first
    assert (tmp_path / "work" / "real-real-12" / "findings.json").exists()
    printed = realtext.table([row])
    assert "target >= 300" in printed and "target <= 2,000 at 50k" in printed


def test_the_bench_skips_real_text_without_its_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--sizes", "", "--incremental", "", "--html", "0", "--probe", "0", "--workdir", str(tmp_path)]
    assert speed.main([*args, "--real-source", str(tmp_path / "absent")]) == 0
    assert "real-text cases skipped" in capsys.readouterr().out


def test_files_stay_under_the_size_limit(
    source: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(realistic, "FILE_BYTES", 200_000)  # the checker refuses files over 20 MB by default
    files = realistic.write_corpus(tmp_path, 120, source)
    assert len(files) > 1 and all(f.stat().st_size <= 200_000 for f in files)
    assert sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files) == 120
