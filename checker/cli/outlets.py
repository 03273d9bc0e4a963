"""`checker outlets`: the outlet scores of a store's latest run, or their history across runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from checker.cli.common import BadInput, db_option, open_store


@click.command("outlets")
@db_option("SQLite store written by `checker check`.")
@click.option(
    "--history", is_flag=True, help="How each outlet's score moved across the stored runs over the same inputs."
)
@click.option("--all-runs", is_flag=True, help="With --history: every stored run, whatever its inputs.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def outlets(db: Path, history: bool, all_runs: bool, as_json: bool) -> None:
    """Print the outlet scores of the latest run in the store, with their main reasons.

    Scores are 0-100, the mean of each outlet's article scores (see docs/scoring.md: "Source
    credibility"); "low" marks a confidence below 0.6 (fewer than 5 articles).
    """
    from checker.scoring import LOW_CONFIDENCE
    from checker.scoring.summary import latest_outlets, outlet_history

    if not db.is_file() or db.stat().st_size == 0:
        raise BadInput(f"--db {db}: no store here; `checker check --db {db}` writes one")
    with open_store(db) as store:
        document = outlet_history(store, all_runs=all_runs) if history else latest_outlets(store)
    if document is None:
        raise BadInput(f"--db {db}: no run has stored outlet scores yet")
    if as_json:
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    elif history:
        _print_history(document, LOW_CONFIDENCE)
    else:
        _print_outlets(document, LOW_CONFIDENCE)


def _when(started_at: str) -> str:
    return (started_at or "").replace("T", " ").replace("+00:00", " UTC")


def _on(run: dict[str, Any]) -> str:
    return ", ".join(run["paths"]) or "no paths"


def _print_outlets(document: dict[str, Any], low: float) -> None:
    from checker.scoring.explain import label

    run, scores = document["run"], document["outlets"]
    click.echo(f"run {run['run']}, {_when(run['started_at'])}, on {_on(run)}")
    width = max([len("outlet"), *(len(o["outlet"]) for o in scores)])
    header = f"{'rank':>4}  {'outlet':<{width}}  {'score':>5}  {'confidence':<11} {'articles':>8} {'findings':>8}"
    click.echo(f"{header}  main reasons")
    for rank, o in enumerate(scores, start=1):
        top = sorted(o["breakdown"].items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:3]
        reasons = "; ".join(f"{label(k)} {v:+.1f}" for k, v in top) or "nothing counted against it"
        conf = f"{o['confidence']:.2f}{' low' if o['low_confidence'] else ''}"
        click.echo(
            f"{rank:>4}  {o['outlet']:<{width}}  {o['score']:>5.1f}  {conf:<11} {o['articles']:>8} {o['findings']:>8}"
            f"  {reasons}"
        )
    if any(o["low_confidence"] for o in scores):
        click.echo(f"low: confidence below {low:g} (too few articles): the score says little about the outlet")


def _print_history(document: dict[str, Any], low: float) -> None:
    runs = document["runs"]
    shown = runs[-10:]
    if len(runs) > len(shown):
        click.echo(f"the last {len(shown)} of {len(runs)} runs")
    for r in shown:
        click.echo(f"run {r['run']}: {_when(r['started_at'])}, on {_on(r)}")
    if document.get("other_runs"):
        others = document["other_runs"]
        click.echo(f"{others} run{'s' if others > 1 else ''} over other inputs left out (--all-runs shows them)")
    width = max([len("outlet"), *(len(o["outlet"]) for o in document["outlets"])])
    head = "".join(f"{'run ' + str(r['run']):>10}" for r in shown)
    click.echo(f"{'outlet':<{width}}  {head}{'change':>9}")
    for outlet in document["outlets"]:
        by_run = {s["run"]: s for s in outlet["scores"]}
        cells = []
        values = []
        for r in shown:
            score = by_run.get(r["run"])
            if score is None:
                cells.append(f"{'-':>10}")
                continue
            values.append(score["score"])
            cells.append(f"{score['score']:>6.1f}{' low' if score['low_confidence'] else '    '}")  # 10 wide
        change = f"{values[-1] - values[0]:+.1f}" if len(values) > 1 else "-"
        click.echo(f"{outlet['outlet']:<{width}}  {''.join(cells)}{change:>9}")
    click.echo(f"low: confidence below {low:g} (too few articles)")
