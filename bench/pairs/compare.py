"""Compare sentence similarity measures on the labelled same-fact pairs.

Run by hand: `.venv/bin/python bench/pairs/compare.py [--pairs bench/pairs/same_fact_pairs.jsonl]`.

Measures (higher = more alike):
- wordllama: cosine of `bench.pairs.embed` vectors;
- tfidf: the cosine alignment uses today (`checker.align.vectors.sentence_vectors` with
  `AlignSettings`' word share and name weight), IDF counted over all sentences of the event's
  three articles from ../shared/data/basil-dev, as alignment counts it over a story (over the
  pairs' own sentences when basil-dev is absent);
- token_set: rapidfuzz `fuzz.token_set_ratio` / 100 on lower-cased, punctuation-free text.

For each: average precision of "same", precision/recall at the threshold of best F1, and at
the lowest threshold whose precision is >= 0.9; on all pairs, then on the "hard" pairs (content-word
Jaccard < 0.30: paraphrases and same-topic pairs, where near copies do not carry the score).
Speed: sentences embedded or vectorised per CPU second (one cold pass over every sentence of
every event; the tokenizer held to one thread), or pairs scored per CPU second for token_set.
CPU time, not wall time, so that a busy shared machine skews it less.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("RAYON_NUM_THREADS", "1")  # wordllama's tokenizer: one core, like the others

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, utils
from sklearn.metrics import average_precision_score, precision_recall_curve

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from sample import BASIL, content_words, jaccard  # noqa: E402

from bench.pairs.embed import embed, paired_cosine  # noqa: E402
from checker.align import AlignSettings  # noqa: E402
from checker.align.vectors import sentence_vectors  # noqa: E402

FloatArray = npt.NDArray[np.float64]
HARD = 0.30  # pairs below this content-word Jaccard make the "hard" subset


@dataclass
class Scored:
    name: str
    scores: FloatArray
    speed: str


def load_pairs(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def event_sentences(pairs: list[dict[str, str]]) -> dict[str, list[str]]:
    """Every sentence of each event's articles (the pairs' own when basil-dev is absent)."""
    events: dict[str, list[str]] = {p["event"]: [] for p in pairs}
    for path in sorted(BASIL.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        if article["triplet-uuid"] in events:
            events[article["triplet-uuid"]] += [s.strip() for para in article["body-paragraphs"] for s in para]
    for p in pairs:
        known = set(events[p["event"]])
        events[p["event"]] += [s for s in (p["a"], p["b"]) if s not in known]
    return events


@dataclass
class Corpus:
    """Every sentence of every event, events one after another; a pair's sentence is found by
    (event, text)."""

    texts: list[str]
    story: npt.NDArray[np.int64]
    at: dict[tuple[str, str], int]

    def rows(self, pairs: list[dict[str, str]], side: str) -> list[int]:
        return [self.at[(p["event"], p[side])] for p in pairs]


def corpus(events: dict[str, list[str]]) -> Corpus:
    texts: list[str] = []
    story: list[int] = []
    at: dict[tuple[str, str], int] = {}
    for number, (event, sentences) in enumerate(events.items()):
        for s in sentences:
            at.setdefault((event, s), len(texts))
            texts.append(s)
            story.append(number)
    return Corpus(texts, np.array(story, dtype=np.int64), at)


def score_wordllama(pairs: list[dict[str, str]], sentences: Corpus) -> Scored:
    embed(["warm up: load the model"])
    start = time.process_time()
    rows = embed(sentences.texts)
    rate = len(sentences.texts) / (time.process_time() - start)
    scores = paired_cosine(rows[sentences.rows(pairs, "a")], rows[sentences.rows(pairs, "b")])
    return Scored("wordllama", scores.astype(np.float64), f"{rate:,.0f} sentences/s")


def score_tfidf(pairs: list[dict[str, str]], sentences: Corpus) -> Scored:
    settings = AlignSettings()
    start = time.process_time()
    vectors, _ = sentence_vectors(sentences.texts, sentences.story, settings.word_share, settings.name_weight)
    rate = len(sentences.texts) / (time.process_time() - start)
    a, b = vectors[sentences.rows(pairs, "a")], vectors[sentences.rows(pairs, "b")]
    return Scored("tfidf", np.asarray(a.multiply(b).sum(axis=1)).ravel(), f"{rate:,.0f} sentences/s")


def score_token_set(pairs: list[dict[str, str]], sentences: Corpus) -> Scored:
    start = time.process_time()
    scores = [fuzz.token_set_ratio(p["a"], p["b"], processor=utils.default_process) / 100 for p in pairs]
    rate = len(pairs) / (time.process_time() - start)
    return Scored("token_set", np.array(scores), f"{rate:,.0f} pairs/s")


def operating_points(labels: npt.NDArray[np.bool_], scores: FloatArray) -> str:
    """AP; threshold, P, R, F1 at the best F1; threshold, P, R at the lowest threshold with P >= 0.9."""
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    precision, recall = precision[:-1], recall[:-1]  # the last point has no threshold
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    best = int(np.argmax(f1))
    sure = np.flatnonzero(precision >= 0.9)
    at_sure = "     -     -     -"
    if len(sure):
        k = int(sure[np.argmax(recall[sure])])
        at_sure = f"{thresholds[k]:6.3f} {precision[k]:5.2f} {recall[k]:5.2f}"
    ap = average_precision_score(labels, scores)
    return (
        f"{ap:5.3f}  {thresholds[best]:6.3f} {precision[best]:5.2f} {recall[best]:5.2f} {f1[best]:5.2f}  {at_sure}"
    )


def table(title: str, labels: npt.NDArray[np.bool_], results: list[Scored], keep: npt.NDArray[np.bool_]) -> None:
    print(f"\n{title}: {int(keep.sum())} pairs, {int(labels[keep].sum())} same")
    head = f"{'AP':>5}  {'best-F1 thr':>11} {'P':>5} {'R':>5} {'F1':>5}  {'P>=.9 thr':>9} {'P':>5} {'R':>5}"
    print(f"{'measure':<10} {head}")
    for r in results:
        print(f"{r.name:<10} {operating_points(labels[keep], r.scores[keep])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=HERE / "same_fact_pairs.jsonl")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    events = event_sentences(pairs)
    labels = np.array([p["label"] == "same" for p in pairs])
    hard = np.array([jaccard(content_words(p["a"]), content_words(p["b"])) < HARD for p in pairs])
    sentences = corpus(events)
    measures: list[Callable[[list[dict[str, str]], Corpus], Scored]] = [
        score_wordllama,
        score_tfidf,
        score_token_set,
    ]
    results = [measure(pairs, sentences) for measure in measures]
    table("all pairs", labels, results, np.ones(len(pairs), dtype=bool))
    table(f"hard pairs (content-word Jaccard < {HARD})", labels, results, hard)
    print(f"\nspeed ({len(sentences.texts)} sentences, {len(pairs)} pairs):")
    for r in results:
        print(f"{r.name:<10} {r.speed}")


if __name__ == "__main__":
    main()
