"""A deterministic corpus of any size built on real articles, for benchmarks on real text.

The synthetic corpus (`bench.synthetic`) is cheap to check: short invented sentences, few names
and figures. Real reporting costs more per article (long texts, many quantities and people, many
stories sharing a topic), so the benchmark also runs on real articles, and on corpora of 10k and
50k built from them by `articles(n, source, seed)`:

- **events**: a real article (taken in a shuffled order, reshuffled each pass over the source) is
  re-issued by 2 to 4 outlets, all of them copies of its real sentences with light edits, so that
  each event is a story the checker groups across outlets;
- **outlets**: the labels of the source, shuffled over the events (never the article's own);
- **dates**: the event's date is the real one shifted by up to `SHIFT_DAYS` either way (a date
  drawn from the source's span when the real article has none), each copy a day or two later;
  about `UNDATED` of the copies carry no date, as in the real archive; with `dense_days`, the
  event dates instead fall within that many days (a dense stream: thousands of articles a day);
- **light edits** (every copy but an event's first): a paragraph dropped, two paragraphs swapped,
  and in a few copies one number changed (`NUMBER_EDIT`), so that pairs are near but not equal.

Everything depends only on the source's contents and `(n, seed, dense_days)`: the same arguments
give byte-identical files. `write_corpus` writes JSONL files in the checker's input form (`title`,
`outlet`, `published`, `url`, `author`, `text`, plus `id`, `topic` and `event`, which it ignores).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

# the real development set, beside the repository (../shared/data from a worktree or /work/main)
SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides-articles-dev"
OUTLETS_PER_EVENT = (2, 4)
UNDATED = 0.12  # the share of undated articles in the real archive (allsides-articles-dev: 11%)
SHIFT_DAYS = 120  # months, not years: a text re-dated across a change of office reads as stale
DROP_PARAGRAPH = 0.5
SWAP_PARAGRAPHS = 0.3
NUMBER_EDIT = 0.05
DENSE_START = dt.date(2024, 3, 1)
FILE_BYTES = 15_000_000  # under the checker's default limit of 20 MB a file
_SPAN = (dt.date(2012, 1, 1), dt.date(2020, 12, 31))  # dates for real articles without one
_NUMBER = re.compile(r"(?<![\d.,$])\b([1-9]\d{0,2})\b(?![\d.,]\d)")  # a small whole number, not a year


def load_source(folder: Path = SOURCE) -> list[dict[str, Any]]:
    """The real articles of a folder of JSONL files, in file order (their order is part of the
    generator's determinism)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return [r for r in rows if r.get("text") and r.get("outlet")]


def articles(n: int, source: Sequence[dict[str, Any]], seed: int = 0, dense_days: int = 0) -> Iterator[dict[str, Any]]:
    """`n` articles re-issuing the real ones of `source` as events told by 2 to 4 outlets."""
    rng = random.Random(seed)
    outlets = sorted({str(a["outlet"]) for a in source})
    order: list[int] = []
    made = 0
    event = 0
    while made < n:
        if not order:
            order = list(range(len(source)))
            rng.shuffle(order)
        real = source[order.pop()]
        others = [o for o in outlets if o != real["outlet"]] or outlets
        copies = min(rng.randint(*OUTLETS_PER_EVENT), n - made, len(others))
        date = _event_date(rng, real.get("published"), dense_days)
        voices = rng.sample(others, copies)
        for k, outlet in enumerate(voices):
            yield _copy(rng, real, f"r{seed}-{made:07d}", event, outlet, date, edited=k > 0)
            made += 1
        event += 1


def _event_date(rng: random.Random, published: str | None, dense_days: int) -> dt.date:
    if dense_days:
        return DENSE_START + dt.timedelta(days=rng.randrange(dense_days))
    shift = rng.randint(-SHIFT_DAYS, SHIFT_DAYS)
    try:
        return dt.date.fromisoformat(published or "") + dt.timedelta(days=shift)
    except ValueError:  # none, or a few real ones written "2/27/18": a date from the source's span
        pass
    return _SPAN[0] + dt.timedelta(days=rng.randrange((_SPAN[1] - _SPAN[0]).days))


def _copy(
    rng: random.Random, real: dict[str, Any], ident: str, event: int, outlet: str, date: dt.date, edited: bool
) -> dict[str, Any]:
    """One outlet's copy of a real article: its sentences, lightly edited unless the first."""
    paragraphs = [p for p in str(real["text"]).split("\n\n") if p.strip()]
    edits: list[str] = []
    if edited:
        paragraphs, edits = _edit(rng, paragraphs)
    published = date + dt.timedelta(days=rng.randint(0, 2))
    undated = rng.random() < UNDATED
    return {
        "id": ident,
        "title": real.get("title") or "",
        "outlet": outlet,
        "published": None if undated else published.isoformat(),
        "url": f"https://{_slug(outlet)}.example/{published:%Y/%m/%d}/{ident}",
        "author": real.get("author"),
        "topic": real.get("topic"),
        "event": event,
        "edits": edits,
        "text": "\n\n".join(paragraphs),
    }


def _edit(rng: random.Random, paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Light edits: drop a paragraph after the lead, swap two after it, change one number anywhere."""
    paragraphs = list(paragraphs)
    edits = []
    if len(paragraphs) >= 4 and rng.random() < DROP_PARAGRAPH:
        del paragraphs[rng.randrange(1, len(paragraphs))]
        edits.append("dropped")
    if len(paragraphs) >= 4 and rng.random() < SWAP_PARAGRAPHS:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        edits.append("swapped")
    if rng.random() < NUMBER_EDIT:
        with_numbers = [i for i, p in enumerate(paragraphs) if _NUMBER.search(p)]
        if with_numbers:
            i = rng.choice(with_numbers)
            bump = rng.randint(1, 9)
            paragraphs[i] = _NUMBER.sub(lambda m: str(int(m.group(1)) + bump), paragraphs[i], count=1)
            edits.append("number")
    return paragraphs, edits


def _slug(outlet: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-") or "outlet"


def write_corpus(
    folder: Path, n: int, source: Sequence[dict[str, Any]], seed: int = 0, dense_days: int = 0, per_file: int = 2000
) -> list[Path]:
    """Write `articles(n, ...)` as JSONL files of at most `per_file` articles and `FILE_BYTES`
    under `folder` (the checker reads files of up to 20 MB by default)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    out, count, size = None, 0, 0
    try:
        for article in articles(n, source, seed, dense_days):
            line = (json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8")
            if out is None or count == per_file or size + len(line) > FILE_BYTES:
                if out:
                    out.close()
                files.append(folder / f"articles-{len(files):03d}.jsonl")
                out, count, size = files[-1].open("wb"), 0, 0
            out.write(line)
            count, size = count + 1, size + len(line)
    finally:
        if out:
            out.close()
    return files
