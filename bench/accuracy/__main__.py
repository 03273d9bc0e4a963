"""`make eval`: the checker's accuracy on real development data, printed as tables.

    python -m bench.accuracy [--data ../shared/data] [--only planted,alarms,grouping,constructed] [--json FILE]

Sections (each skips with a message when its data is absent):
- planted: divergences planted into real multi-outlet articles (bench/accuracy/plant.py), one category
  at a time, on basil-dev and allsides-stories-dev: recall at warning or above, per category;
- alarms: error and warning findings per article on allsides-articles-dev and basil-dev, with how many
  are labelled (tests/data/*-labels.json) and the labelled precision;
- grouping: pairwise precision, recall and F1 of story grouping on allsides-stories-dev, basil-dev and
  the constructed corpora;
- constructed: the constructed corpora's planted and clean items, and the seeds' known findings and traps.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.accuracy.metrics import SERIOUS, false_alarms, load_labels, pairwise, planted_hit, squash
from bench.accuracy.plant import CATEGORIES, load_events, load_stream, plant
from checker.knowledge import default_kb
from checker.pipeline import RunResult, check

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data"
CONSTRUCTED = ROOT / "tests" / "data" / "corpora"
SEEDS = ROOT / "corpora" / "seeds"

# What the seeds are known for and their traps: the same facts tests/test_seeds.py asserts.
_SEEDS_EXPECTED = json.loads((LABELS / "seeds-expected.json").read_text(encoding="utf-8"))
SEED_FINDINGS = [tuple(finding) for finding in _SEEDS_EXPECTED["findings"]]
SEED_TRAPS = [*_SEEDS_EXPECTED["correct_titles"], *_SEEDS_EXPECTED["agreed_figures"]]


def _run(paths: list[Path]) -> tuple[RunResult, float]:
    started = time.perf_counter()
    result = check(paths)
    return result, time.perf_counter() - started


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    def cell(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def planted_section(data: Path, categories: tuple[str, ...] = CATEGORIES) -> dict[str, Any]:
    sets = {
        "basil-dev": lambda: load_events(data / "basil-dev"),
        "allsides-stories-dev": lambda: load_stream(
            data / "allsides-stories-dev" / "stories.jsonl", data / "allsides-stories-dev" / "truth.json"
        ),
    }
    countries = sorted(p.name for p in default_kb().places.values() if p.kind == "country")
    out: dict[str, Any] = {}
    for name, load in sets.items():
        if not (data / name).is_dir():
            print(f"planted: {data / name} is absent, skipped", file=sys.stderr)
            continue
        events = load()
        rows: dict[str, Any] = {}
        for category in categories:
            with tempfile.TemporaryDirectory() as tmp:
                key = plant(events, Path(tmp) / category, category, countries)
                result, _ = _run([Path(tmp) / category])
                hits = [p for p in key if planted_hit(result.findings, p)]
                any_severity = [p for p in key if planted_hit(result.findings, p, ("error", "warning", "info"))]
            rows[category] = {
                "planted": len(key),
                "found": len(hits),
                "recall": len(hits) / len(key) if key else None,
                "found_any_severity": len(any_severity),
                "missed": [f"{p.file}: {p.original!r} -> {p.flagged!r}" for p in key if p not in hits][:5],
            }
        total = sum(r["planted"] for r in rows.values())
        found = sum(r["found"] for r in rows.values())
        out[name] = {"categories": rows, "planted": total, "found": found, "recall": found / total if total else None}
    return out


def alarms_section(data: Path) -> dict[str, Any]:
    sets = {
        "allsides-articles-dev": (data / "allsides-articles-dev", LABELS / "allsides-articles-labels.json"),
        "basil-dev": (data / "basil-dev", LABELS / "basil-labels.json"),
    }
    out: dict[str, Any] = {}
    for name, (folder, labels) in sets.items():
        if not folder.is_dir():
            print(f"alarms: {folder} is absent, skipped", file=sys.stderr)
            continue
        result, seconds = _run([folder])
        out[name] = false_alarms(result.findings, len(result.articles), load_labels(labels))
        out[name]["seconds"] = round(seconds, 1)
    return out


def _truth_stories(data: Path) -> dict[str, tuple[list[Path], Callable[[RunResult], dict[str, str]]]]:
    def basil_truth(result: RunResult) -> dict[str, str]:
        return {a.id: json.loads(Path(a.path).read_text(encoding="utf-8"))["triplet-uuid"] for a in result.articles}

    def stream_truth(result: RunResult) -> dict[str, str]:
        truth = json.loads((data / "allsides-stories-dev" / "truth.json").read_text(encoding="utf-8"))
        return {a.id: truth[a.url] for a in result.articles if a.url in truth}

    def constructed_truth(result: RunResult) -> dict[str, str]:
        folder = {a.id: a.path.split("corpora/")[1].split("/")[0] for a in result.articles}
        # each distractor is an event of its own
        return {k: (v if v != "distractors" else f"distractor {k}") for k, v in folder.items()}

    return {
        "allsides-stories-dev": ([data / "allsides-stories-dev" / "stories.jsonl"], stream_truth),
        "basil-dev": ([data / "basil-dev"], basil_truth),
        "constructed": ([CONSTRUCTED], constructed_truth),
    }


def grouping_section(data: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (paths, truth_of) in _truth_stories(data).items():
        if not all(p.exists() for p in paths):
            print(f"grouping: {paths[0]} is absent, skipped", file=sys.stderr)
            continue
        result, _ = _run(paths)
        truth = truth_of(result)
        found = {a.id: result.story_of(a.id) or a.id for a in result.articles}
        scores = pairwise(truth, found)
        out[name] = {
            **scores.__dict__,
            "articles": len(truth),
            "events": len(set(truth.values())),
            "stories": len(set(found.values())),
        }
    return out


def constructed_section() -> dict[str, Any]:
    key = json.loads((LABELS / "corpora-expected.json").read_text(encoding="utf-8"))
    result, _ = _run([CONSTRUCTED])
    serious = [f for f in result.findings if f.severity in SERIOUS]

    def found(p: dict[str, Any]) -> bool:
        words = squash(p["flagged"])
        return any(
            f.category == p["category"]
            and (p["category"] == "quote" or f.severity in SERIOUS)
            and p["story"] in e.path
            and (words in squash(e.sentence) or squash(e.span) in words)
            for f in result.findings
            for e in f.flagged
        )

    def noisy(s: dict[str, str]) -> bool:
        words = squash(s["words"])
        return any(
            s["story"] in e.path
            and words in squash(e.sentence)
            and (squash(e.span) in words or words in squash(e.span))
            for f in serious
            for e in f.flagged
        )

    seeds, _ = _run([SEEDS])
    seed_serious = [(f, e) for f in seeds.findings if f.severity in SERIOUS for e in f.flagged]
    known = [
        (rule, seed, words)
        for rule, seed, words in SEED_FINDINGS
        if any(f.rule.startswith(rule) and seed in e.path and words in e.span for f, e in seed_serious)
    ]
    traps = [words for words in SEED_TRAPS if any(words in e.span for _, e in seed_serious)]
    return {
        "constructed": {
            "planted": len(key["planted"]),
            "found": sum(map(found, key["planted"])),
            "clean": len(key["silent"]),
            "clean_flagged": sum(map(noisy, key["silent"])),
        },
        "seeds": {
            "known": len(SEED_FINDINGS),
            "found": len(known),
            "traps": len(SEED_TRAPS),
            "traps_flagged": traps,
            "serious": len({id(f) for f, _ in seed_serious}),
        },
    }


def report(results: dict[str, Any]) -> str:
    parts = []
    for name, data in results.get("planted", {}).items():
        rows = [
            [c, r["planted"], r["found"], r["recall"] if r["recall"] is not None else "-", r["found_any_severity"]]
            for c, r in data["categories"].items()
        ]
        rows.append(["all", data["planted"], data["found"], data["recall"] or 0.0, ""])
        parts.append(
            f"## Planted divergences: {name}\n\n"
            + _table(["category", "planted", "found (warning+)", "recall", "found (any severity)"], rows)
        )
    if results.get("alarms"):
        rows = [
            [
                n,
                d["articles"],
                d["serious"],
                d["per_article"],
                d["labelled"],
                d["unlabelled"],
                d["precision"] if d["precision"] is not None else "-",
                d["seconds"],
                " ".join(f"{k}:{v}" for k, v in d["by_rule"].items()),
            ]
            for n, d in results["alarms"].items()
        ]
        parts.append(
            "## False alarms (error + warning findings)\n\n"
            + _table(
                ["data", "articles", "findings", "per article", "labelled", "unlabelled", "precision", "s", "by rule"],
                rows,
            )
        )
    if results.get("grouping"):
        rows = [
            [n, d["articles"], d["events"], d["stories"], d["precision"], d["recall"], d["f1"]]
            for n, d in results["grouping"].items()
        ]
        parts.append(
            "## Story grouping (pairwise)\n\n"
            + _table(["data", "articles", "events", "stories", "precision", "recall", "F1"], rows)
        )
    if results.get("constructed"):
        c, s = results["constructed"]["constructed"], results["constructed"]["seeds"]
        parts.append(
            "## Constructed corpora and seeds\n\n"
            + _table(
                ["set", "found", "of", "clean items flagged", "of"],
                [
                    ["constructed corpora", c["found"], c["planted"], c["clean_flagged"], c["clean"]],
                    ["seeds", s["found"], s["known"], len(s["traps_flagged"]), s["traps"]],
                ],
            )
        )
    return "\n\n".join(parts) + "\n"


SECTIONS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "planted": planted_section,
    "alarms": alarms_section,
    "grouping": grouping_section,
    "constructed": lambda _data: constructed_section(),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections: " + ", ".join(SECTIONS))
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON here")
    parser.add_argument("--categories", default=",".join(CATEGORIES), help="planted: only these categories")
    args = parser.parse_args(argv)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    categories = tuple(c.strip() for c in args.categories.split(",") if c.strip() in CATEGORIES)
    sections = {**SECTIONS, "planted": lambda data: planted_section(data, categories)}
    results = {name: sections[name](args.data) for name in wanted}
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
