"""Draw the candidate sentence pairs that `same_fact_pairs.jsonl` labels (labels were added by
reading each pair; this script only chooses which pairs to read).

Run by hand: `.venv/bin/python bench/pairs/sample.py > candidates.jsonl`.

Source: ../shared/data/basil-dev (28 events x 3 outlets). Candidates are pairs of sentences of
one event from two different outlets, each sentence with at least `MIN_WORDS` words. They are
binned by a lexical score none of the compared measures uses (Jaccard of lower-cased content
word sets) and drawn from every bin of every outlet pair, so that the sample mixes near copies,
paraphrases, pairs that share a topic but not a fact, and unrelated sentences. Drawing is a
deterministic shuffle (a hash of the two sentences), so the sample does not change between runs.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checker.textsim import STOPWORDS  # noqa: E402

BASIL = ROOT / ".." / "shared" / "data" / "basil-dev"
MIN_WORDS = 6
# (lowest Jaccard of the bin, pairs drawn from it per outlet pair of an event)
BINS = [(0.30, 3), (0.18, 2), (0.10, 1), (0.0, 0)]


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", sentence.lower()) if w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def events() -> dict[str, dict[str, list[str]]]:
    """event -> outlet -> sentences, in reading order."""
    found: dict[str, dict[str, list[str]]] = {}
    for path in sorted(BASIL.glob("*.json")):
        article = json.loads(path.read_text())
        sentences = [s.strip() for p in article["body-paragraphs"] for s in p]
        sentences = [s for s in sentences if len(s.split()) >= MIN_WORDS]
        found.setdefault(article["triplet-uuid"], {})[article["source"].lower()] = sentences
    return found


def draw_key(a: str, b: str) -> str:
    return hashlib.sha256(f"{a}\x00{b}".encode()).hexdigest()


def sample_event(event: str, outlets: dict[str, list[str]]) -> list[dict[str, object]]:
    drawn: list[dict[str, object]] = []
    for turn, (x, y) in enumerate(itertools.combinations(sorted(outlets), 2)):
        pairs = [(jaccard(content_words(a), content_words(b)), a, b) for a in outlets[x] for b in outlets[y]]
        upper = 1.01
        for lowest, count in BINS:
            if lowest == 0.0 and turn == 0:
                count = 1  # the lowest bin: one pair per event (they are easy "different")
            in_bin = sorted((p for p in pairs if lowest <= p[0] < upper), key=lambda p: draw_key(p[1], p[2]))
            drawn += [
                {"event": event, "a_outlet": x, "b_outlet": y, "a": a, "b": b, "jaccard": round(j, 3)}
                for j, a, b in in_bin[:count]
            ]
            upper = lowest
    return drawn


def main() -> None:
    for event, outlets in events().items():
        for pair in sample_event(event, outlets):
            print(json.dumps(pair, ensure_ascii=False))


if __name__ == "__main__":
    main()
