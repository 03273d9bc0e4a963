"""Outlet scores shaped for reading (`checker.scoring.summary`): the latest table and the history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.model import ArticleScore, OutletScore
from checker.scoring.summary import history_document, latest_outlets, outlet_history, outlets_document
from checker.store import Store

RUN = {"run": 3, "started_at": "2026-11-22T10:00:00+00:00", "paths": ["corpora"]}


def test_an_outlets_breakdown_is_its_articles_points_averaged() -> None:
    scores = [OutletScore("Wire", 90.0, 2, 1, 0.4, {"findings": -10.0}), OutletScore("Post", 100.0, 1, 0, 0.2)]
    articles = [
        ArticleScore("a1", "Wire", 85.0, {"findings": -15.0, "byline": 1.0}),
        ArticleScore("a2", "Wire", 95.0, {"findings": -5.0}),
    ]
    (wire, post) = outlets_document(RUN, scores, articles, low=0.3)["outlets"]
    assert wire["breakdown"] == {"byline": 0.5, "findings": -10.0}
    assert (wire["low_confidence"], post["low_confidence"]) == (False, True)
    assert post["breakdown"] == {}  # no article scored: the outlet's own breakdown


def row(run: int, outlet: str, score: float, confidence: float = 0.9) -> dict[str, Any]:
    return {"run": run, "outlet": outlet, "score": score, "confidence": confidence, "articles": 5, "findings": 0}


def test_the_history_lists_the_latest_runs_outlets_best_first_then_the_others() -> None:
    runs = [{"run": 1}, {"run": 2}]
    rows = [row(1, "Gone", 99.0), row(1, "Post", 80.0), row(2, "Post", 70.0), row(2, "Wire", 75.0, 0.1)]
    document = history_document(runs, rows, low=0.6)
    assert [o["outlet"] for o in document["outlets"]] == ["Wire", "Post", "Gone"]
    post = document["outlets"][1]
    assert [(s["run"], s["score"]) for s in post["scores"]] == [(1, 80.0), (2, 70.0)]
    assert document["outlets"][0]["scores"][0]["low_confidence"] is True


@pytest.mark.parametrize("read", [latest_outlets, outlet_history])
def test_a_store_without_scored_runs_has_nothing_to_show(tmp_path: Path, read: Any) -> None:
    with Store(tmp_path / "c.db") as store:
        assert read(store) is None
