"""What `make eval` computes from a run: pairwise grouping scores, planted hits, labelled false alarms."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from bench.accuracy.plant import Planted
from checker.model import Finding

SERIOUS = ("error", "warning")


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    pairs_true: int
    pairs_found: int


def pairwise(truth: Mapping[str, str], found: Mapping[str, str]) -> PairScores:
    """Pairwise precision, recall and F1 of grouping: a pair is together when both give it one group."""
    items = sorted(set(truth) & set(found))
    same_truth = {(a, b) for a, b in combinations(items, 2) if truth[a] == truth[b]}
    same_found = {(a, b) for a, b in combinations(items, 2) if found[a] == found[b]}
    hits = len(same_truth & same_found)
    precision = hits / len(same_found) if same_found else 1.0
    recall = hits / len(same_truth) if same_truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, len(same_truth), len(same_found))


def squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def planted_hit(findings: Iterable[Finding], planted: Planted, severities: tuple[str, ...] = SERIOUS) -> Finding | None:
    """The finding that reports this planted edit: it flags the edited article at the changed words."""
    words = squash(planted.flagged)
    for finding in findings:
        if finding.severity not in severities:
            continue
        for e in finding.flagged:
            if not e.path.endswith("/" + planted.file):
                continue
            if planted.category == "published":
                if e.sentence.startswith("published:"):
                    return finding
            elif words in squash(e.span) or (squash(e.span) in squash(planted.new) and words in squash(e.sentence)):
                return finding
    return None


def label_key(rule: str, article: str, span: str) -> str:
    return f"{rule}|{article}|{squash(span)}"


def load_labels(path: Path) -> dict[str, bool]:
    """rule|article|span -> true divergence (True) or false alarm (False), from a labels file."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {label_key(x["rule"], x["article"], x["span"]): bool(x["label"]) for x in data.get("labels", [])}


def false_alarms(findings: Iterable[Finding], articles: int, labels: Mapping[str, bool]) -> dict[str, Any]:
    """Error and warning findings per article, by rule, and the labelled precision."""
    serious = [f for f in findings if f.severity in SERIOUS]
    verdicts = [labels.get(label_key(f.rule, e.article, e.span)) for f in serious for e in f.flagged[:1]]
    labelled = [v for v in verdicts if v is not None]
    return {
        "articles": articles,
        "serious": len(serious),
        "per_article": len(serious) / articles if articles else 0.0,
        "by_rule": dict(sorted(Counter(f.rule for f in serious).items())),
        "labelled": len(labelled),
        "unlabelled": len(verdicts) - len(labelled),
        "true": sum(labelled),
        "precision": sum(labelled) / len(labelled) if labelled else None,
    }
