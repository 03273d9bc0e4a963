"""Outlet scores as a store keeps them, shaped for reading: the latest run's table and the history
across runs (`checker outlets` prints these; `--json` prints them as they are).

    with Store(db) as store:
        latest = latest_outlets(store)    # None when no run stored scores
        history = outlet_history(store)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from checker.model import ArticleScore, OutletScore
from checker.scoring import LOW_CONFIDENCE

if TYPE_CHECKING:
    from checker.store import Store


def latest_outlets(store: Store, low: float = LOW_CONFIDENCE) -> dict[str, Any] | None:
    """The latest scored run's outlets (`outlets_document`); None when no run stored scores."""
    runs = store.scored_runs()
    if not runs:
        return None
    latest = runs[-1]
    return outlets_document(latest, store.outlet_scores(latest["run"]), store.load_article_scores(latest["run"]), low)


def outlet_history(store: Store, low: float = LOW_CONFIDENCE, all_runs: bool = False) -> dict[str, Any] | None:
    """The outlet scores of the scored runs over the same inputs as the latest one (`all_runs`: every
    scored run), as `history_document`; None when no run stored scores.

    A store may hold runs over unrelated corpora: an outlet's score over one folder and over
    another measure different articles, so by default they are not lined up as a history."""
    runs = store.scored_runs()
    if not runs:
        return None
    kept = runs if all_runs else [r for r in runs if r["paths"] == runs[-1]["paths"]]
    document = history_document(kept, store.outlet_history(), low)
    document["other_runs"] = len(runs) - len(kept)
    return document


def outlets_document(
    run: dict[str, Any], scores: Sequence[OutletScore], articles: Sequence[ArticleScore], low: float
) -> dict[str, Any]:
    """One run's outlets, best first: score, confidence (and whether it is low), articles, findings,
    and the breakdown: each signal's points averaged over the outlet's articles (the outlet's own
    breakdown where its articles have none)."""
    signals = _mean_signals(articles)
    return {
        "run": run,
        "outlets": [
            {
                "outlet": o.outlet,
                "score": o.score,
                "confidence": o.confidence,
                "low_confidence": o.confidence < low,
                "articles": o.articles,
                "findings": o.findings,
                "breakdown": dict(sorted(signals.get(o.outlet, {}).items())) or o.breakdown,
            }
            for o in scores
        ],
    }


def _mean_signals(articles: Sequence[ArticleScore]) -> dict[str, dict[str, float]]:
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: dict[str, int] = defaultdict(int)
    for article in articles:
        counts[article.outlet] += 1
        for key, points in article.breakdown.items():
            sums[article.outlet][key] += points
    return {outlet: {k: round(v / counts[outlet], 2) for k, v in parts.items()} for outlet, parts in sums.items()}


def history_document(runs: Sequence[dict[str, Any]], rows: Sequence[dict[str, Any]], low: float) -> dict[str, Any]:
    """Each outlet's score in every run that scored it (`Store.outlet_history` rows), outlets in
    the latest run first, best first, then the others by name."""
    by_outlet: dict[str, dict[int, dict[str, Any]]] = {}
    for row in rows:
        by_outlet.setdefault(row["outlet"], {})[row["run"]] = row
    latest = runs[-1]["run"]
    order = sorted(
        by_outlet, key=lambda o: (latest not in by_outlet[o], -by_outlet[o].get(latest, {"score": 0})["score"], o)
    )
    return {
        "runs": list(runs),
        "outlets": [
            {
                "outlet": outlet,
                "scores": [
                    {
                        "run": r["run"],
                        "score": by_outlet[outlet][r["run"]]["score"],
                        "confidence": by_outlet[outlet][r["run"]]["confidence"],
                        "low_confidence": by_outlet[outlet][r["run"]]["confidence"] < low,
                        "articles": by_outlet[outlet][r["run"]]["articles"],
                    }
                    for r in runs
                    if r["run"] in by_outlet[outlet]
                ],
            }
            for outlet in order
        ],
    }
