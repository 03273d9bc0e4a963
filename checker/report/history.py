"""The score history: an inline SVG line chart of outlet scores over runs, and the table beside it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.report.text import truncate
from checker.scoring import LOW_CONFIDENCE

HISTORY_SERIES = 12  # outlets drawn in the history chart (the table lists them all)
HISTORY_COLUMNS = 10  # most recent runs in the history table


def history_chart(rows: Sequence[dict[str, Any]], order: Sequence[str], slugs: dict[str, str]) -> dict[str, Any]:
    """Coordinates for an inline SVG line chart of outlet scores over runs, and the table beside it.

    x: runs in order (the current run last), y: score 0-100. `order` ranks the outlets (the current
    run's ranking); the chart draws the first HISTORY_SERIES of them, the table lists all.
    """
    runs: list[tuple[int, str]] = []
    for row in rows:
        key = (row["run"] if row["run"] is not None else 10**9, row["started_at"])
        if key not in runs:
            runs.append(key)
    runs.sort()
    column = {run: i for i, run in enumerate(runs)}
    width, height, left, right, top, bottom = 640, 260, 40, 190, 12, 34
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return round(left + (plot_w / 2 if len(runs) == 1 else i * plot_w / (len(runs) - 1)), 1)

    def y(score: float) -> float:
        return round(top + (100 - score) * plot_h / 100, 1)

    names = [o for o in order if any(r["outlet"] == o for r in rows)]
    names += sorted({r["outlet"] for r in rows} - set(names))
    series = []
    for number, name in enumerate(names):
        mine = sorted(
            (r for r in rows if r["outlet"] == name),
            key=lambda r: column[(r["run"] if r["run"] is not None else 10**9, r["started_at"])],
        )
        points = []
        for r in mine:
            i = column[(r["run"] if r["run"] is not None else 10**9, r["started_at"])]
            points.append(
                {
                    "x": x(i),
                    "y": y(r["score"]),
                    "score": r["score"],
                    "run": r["run"],
                    "when": str(r["started_at"]).replace("T", " ").replace("+00:00", " UTC"),
                    "low": r["confidence"] < LOW_CONFIDENCE,
                    "column": i,
                }
            )
        cells: list[Any] = [None] * len(runs)
        for point in points:
            cells[point["column"]] = point
        series.append(
            {
                "outlet": name,
                "slug": slugs.get(name, ""),
                "short": truncate(name, 24),
                "colour": number % HISTORY_SERIES,
                "drawn": number < HISTORY_SERIES,
                "points": points,
                "path": " ".join(f"{p['x']},{p['y']}" for p in points),
                "cells": cells[-HISTORY_COLUMNS:],
                "first": points[0]["score"] if points else None,
                "last": points[-1]["score"] if points else None,
                "legend_y": top + 6 + number * 18,
            }
        )
    labels = [
        {"x": x(i), "label": "this run" if run >= 10**9 else f"run {run}", "when": when[:10]}
        for i, (run, when) in enumerate(runs)
    ]
    step = max(1, len(labels) // 8)
    return {
        "runs": len(runs),
        "series": series,
        "drawn": [s for s in series if s["drawn"]],
        "labels": [label for i, label in enumerate(labels) if i % step == 0 or i == len(labels) - 1],
        "columns": labels[-HISTORY_COLUMNS:],
        "width": width,
        "height": height,
        "left": left,
        "plot_right": left + plot_w,
        "top": top,
        "bottom": top + plot_h,
        "legend_x": left + plot_w + 16,
        "ticks": [{"value": v, "y": y(v)} for v in (0, 25, 50, 75, 100)],
        "more": max(0, len(series) - HISTORY_SERIES),
    }
