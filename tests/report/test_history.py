"""The score-history chart (`checker.report.history`)."""

from __future__ import annotations

from typing import Any

from checker.report.history import HISTORY_SERIES, history_chart


def row(outlet: str, run: int | None, when: str, score: float, confidence: float = 1.0) -> dict[str, Any]:
    return {"outlet": outlet, "run": run, "started_at": when, "score": score, "confidence": confidence}


def test_runs_in_order_with_this_run_last() -> None:
    rows = [
        row("Daily", None, "2026-03-01T10:00:00+00:00", 80.0),
        row("Daily", 2, "2026-02-01T10:00:00+00:00", 60.0),
        row("Weekly", 1, "2026-01-01T10:00:00+00:00", 40.0, confidence=0.1),
    ]
    chart = history_chart(rows, ["Daily", "Weekly"], {"Daily": "daily", "Weekly": "weekly"})
    assert chart["runs"] == 3
    assert [label["label"] for label in chart["labels"]] == ["run 1", "run 2", "this run"]
    daily, weekly = chart["series"]
    assert (daily["first"], daily["last"]) == (60.0, 80.0)
    assert [p["column"] for p in daily["points"]] == [1, 2] and daily["cells"][0] is None
    assert weekly["points"][0]["low"] and not daily["points"][0]["low"]
    # a higher score is drawn higher up (smaller y)
    assert daily["points"][1]["y"] < daily["points"][0]["y"] < weekly["points"][0]["y"]


def test_only_the_first_outlets_are_drawn_and_the_rest_counted() -> None:
    names = [f"Outlet {n:02d}" for n in range(HISTORY_SERIES + 3)]
    rows = [row(name, 1, "2026-01-01T10:00:00+00:00", 50.0) for name in names]
    chart = history_chart(rows, names, {})
    assert len(chart["series"]) == len(names) and len(chart["drawn"]) == HISTORY_SERIES
    assert chart["more"] == 3
    assert [s["outlet"] for s in chart["drawn"]] == names[:HISTORY_SERIES]
