"""Measure sentence splitters: boundary precision/recall/F1 and speed.

Run by hand: `.venv/bin/python bench/segment_eval.py [--repeat N] [--errors K]`.

Gold: ../shared/data/basil-dev/*.json (real NYT/Fox/HuffPost articles). Each article's
`body-paragraphs` (lists of sentence strings) is joined with " " between sentences and
"\n\n" between paragraphs; a boundary is the offset where a sentence starts (the first
sentence of the text excluded). "all" counts every boundary, "in-para" only those inside a
paragraph (paragraph breaks are easy for any splitter that looks at blank lines).
Also scores the synthetic hard cases of tests/segment/test_segment_cases.py.

Splitters: checker.segment (ours), pysbd 0.3.4 (reference), syntok 1.4.4, and a naive
regex. Speed is gold sentences per second over the whole corpus on one core.
Skips the BASIL part with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.model import Article, article_id  # noqa: E402
from checker.segment import split_article, split_spans  # noqa: E402

BASIL = ROOT / ".." / "shared" / "data" / "basil-dev"
CASES_FILE = ROOT / "tests" / "segment" / "test_segment_cases.py"

Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]


def spans_from_strings(text: str, pieces: list[str]) -> Spans:
    """Locate each piece in order in `text` (pieces are stripped first; empties dropped)."""
    spans: Spans = []
    pos = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, pos)
        if at < 0:  # a splitter that changed the text: fall back to its first word
            head = piece.split()[0]
            at = text.find(head, pos)
            if at < 0:
                continue
            spans.append((at, at + len(head)))
            pos = at + len(head)
            continue
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    return spans


_NAIVE = re.compile(r"(?<=[.!?])[\"”’')]*\s+|\n\s*\n")


def naive_spans(text: str) -> Spans:
    spans: Spans = []
    begin = 0
    for m in _NAIVE.finditer(text):
        spans.append((begin, m.start()))
        begin = m.end()
    spans.append((begin, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def make_pysbd() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)

    def run(text: str) -> Spans:
        return spans_from_strings(text, segmenter.segment(text))

    return run


def make_syntok() -> Splitter | None:
    try:
        import syntok.segmenter as segmenter
    except ImportError:
        return None

    def run(text: str) -> Spans:
        spans: Spans = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                tokens = list(sentence)
                if tokens:
                    last = tokens[-1]
                    spans.append((tokens[0].offset, last.offset + len(last.value)))
        return spans

    return run


def starts(spans: Spans) -> set[int]:
    return {s for s, _ in spans[1:]}


def score(pred: set[int], gold: set[int]) -> tuple[int, int, int]:
    hit = len(pred & gold)
    return hit, len(pred), len(gold)


def prf(hit: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = hit / npred if npred else 1.0
    r = hit / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def in_open_quote(text: str, at: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at `at`."""
    head = text[text.rfind("\n\n", 0, at) + 1 : at]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


Doc = tuple[str, str, Spans, set[int]]  # name, text, gold spans, paragraph starts


def load_basil(paragraph_sep: str = "\n\n", wrap: int = 0) -> list[Doc]:
    """Each article: sentences joined with " ", paragraphs with `paragraph_sep`; with `wrap`,
    each paragraph hard-wrapped at that width (textwrap: only whitespace changes)."""
    docs = []
    for path in sorted(BASIL.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        parts: list[str] = []
        spans: Spans = []
        para_starts: set[int] = set()
        pos = 0
        for paragraph in data.get("body-paragraphs", []):
            sentences = [s.strip() for s in paragraph if s and s.strip()]
            if not sentences:
                continue
            if parts:
                parts.append(paragraph_sep)
                pos += len(paragraph_sep)
            para_starts.add(pos)
            if wrap:
                parts.append(wrap_paragraph(sentences, wrap, pos, spans))
                pos += len(parts[-1])
                continue
            for k, sentence in enumerate(sentences):
                if k:
                    parts.append(" ")
                    pos += 1
                parts.append(sentence)
                spans.append((pos, pos + len(sentence)))
                pos += len(sentence)
        docs.append((path.name, "".join(parts), spans, para_starts))
    return docs


def wrap_paragraph(sentences: list[str], width: int, offset: int, spans: Spans) -> str:
    """The paragraph hard-wrapped; appends the sentences' spans (shifted by `offset`)."""
    flat = " ".join(sentences)
    wrapped = textwrap.fill(flat, width, break_long_words=False, break_on_hyphens=False)
    # map offsets through the non-whitespace characters, which wrapping leaves unchanged
    solid = [i for i, c in enumerate(wrapped) if not c.isspace()]
    count = 0
    pos = 0
    for sentence in sentences:
        at = flat.index(sentence, pos)
        count += sum(1 for c in flat[pos:at] if not c.isspace())
        size = sum(1 for c in sentence if not c.isspace())
        spans.append((offset + solid[count], offset + solid[count + size - 1] + 1))
        count += size
        pos = at + len(sentence)
    return wrapped


def load_cases() -> list[tuple[str, list[str]]]:
    spec = importlib.util.spec_from_file_location("segment_cases", CASES_FILE)
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.HARD_CASES)


def evaluate(
    name: str, split: Splitter, docs: list[Doc], repeat: int
) -> tuple[tuple[int, int, int], tuple[int, int, int], float, list[str]]:
    total = [0, 0, 0]
    inner = [0, 0, 0]
    errors: list[str] = []
    quoted = 0
    for doc_name, text, gold_spans, para in docs:
        pred_spans = split(text)
        pred, gold = starts(pred_spans), starts(gold_spans)
        for k, v in enumerate(score(pred, gold)):
            total[k] += v
        for k, v in enumerate(score(pred - para, gold - para)):
            inner[k] += v
        for at in sorted(pred ^ gold):
            kind = "FN (missed)"
            if at in pred:
                kind = "FP (split)"
                if in_open_quote(text, at):
                    kind = "FP (quote)"
                    quoted += 1
            left = text[max(0, at - 70) : at].replace("\n", "⏎")
            right = text[at : at + 40].replace("\n", "⏎")
            errors.append(f"  {kind:11} {doc_name[:13]} …{left}‖{right}…")
    sentences = sum(len(g) for _, _, g, _ in docs)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _, text, _, _ in docs:
            split(text)
        best = min(best, time.perf_counter() - t0)
    rate = sentences / best if best > 0 else float("inf")
    fp, fn = total[1] - total[0], total[2] - total[0]
    summary = f"  errors: {fp} FP ({quoted} inside an open quotation), {fn} FN"
    return (total[0], total[1], total[2]), (inner[0], inner[1], inner[2]), rate, [summary, *errors]


def article_rate(docs: list[Doc], repeat: int) -> str:
    """End to end through split_article (Sentence objects with text)."""
    articles = [
        Article(id=article_id(text, "x"), path=name, outlet="x", title="", text=text) for name, text, _, _ in docs
    ]
    count = sum(len(g) for _, _, g, _ in docs)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for article in articles:
            split_article(article)
        best = min(best, time.perf_counter() - t0)
    return (
        f"checker.segment.split_article: {count / best:,.0f} sentences/s, "
        f"{len(articles) / best:,.0f} articles/s (one core)"
    )


# Long runs of short tokens, a pathological input for backtracking patterns (a slow rewrite of a
# pattern shows here; tests/segment checks only that its spans cover the text).
PATHOLOGICAL = "ab.Cd." * 20000 + " " + "x. Y " * 20000


def pathological_rate(repeat: int) -> str:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        split_spans(PATHOLOGICAL)
        best = min(best, time.perf_counter() - t0)
    return f"checker.segment.split_spans, pathological input ({len(PATHOLOGICAL):,} chars): {best:.3f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing runs for fast splitters")
    parser.add_argument("--errors", type=int, default=0, help="show K errors per splitter")
    parser.add_argument("--only", default="", help="comma list of splitters to run")
    args = parser.parse_args()

    splitters: list[tuple[str, Splitter | None, int]] = [
        ("checker.segment", split_spans, args.repeat),
        ("pysbd 0.3.4", make_pysbd(), 1),
        ("syntok 1.4.4", make_syntok(), 1),
        ("naive regex", naive_spans, args.repeat),
    ]
    if args.only:
        wanted = args.only.split(",")
        splitters = [s for s in splitters if any(w in s[0] for w in wanted)]

    cases = load_cases()
    case_docs: list[Doc] = [
        (f"case{k:02}", text, spans_from_strings(text, expected), set()) for k, (text, expected) in enumerate(cases)
    ]
    sets: list[tuple[str, list[Doc]]] = []
    if BASIL.is_dir() and any(BASIL.glob("*.json")):
        sets.append(("BASIL dev", load_basil()))
        sets.append(('BASIL dev, paragraphs joined with one "\\n"', load_basil("\n")))
        sets.append(("BASIL dev, paragraphs hard-wrapped at 72 columns", load_basil(wrap=72)))
    else:
        print(f"skip BASIL: {BASIL.resolve()} is absent (needs ../shared beside the repo)")
    sets.append(("synthetic hard cases", case_docs))

    for set_name, docs in sets:
        nsent = sum(len(g) for _, _, g, _ in docs)
        nchar = sum(len(t) for _, t, _, _ in docs)
        print(f"\n## {set_name}: {len(docs)} texts, {nsent} gold sentences, {nchar} chars")
        header = (
            f"{'splitter':16} {'P all':>6} {'R all':>6} {'F1 all':>6} "
            f"{'P in':>6} {'R in':>6} {'F1 in':>6} {'sent/s':>9}"
        )
        print(header)
        print("-" * len(header))
        for name, split, repeat in splitters:
            if split is None:
                print(f"{name:16} (not installed)")
                continue
            total, inner, rate, errors = evaluate(name, split, docs, repeat)
            p, r, f = prf(*total)
            pi, ri, fi = prf(*inner)
            print(f"{name:16} {p:6.3f} {r:6.3f} {f:6.3f} {pi:6.3f} {ri:6.3f} {fi:6.3f} {rate:9,.0f}")
            print(errors[0])
            for line in errors[1 : args.errors + 1]:
                print(line)
        if set_name.startswith("BASIL") and any(s[0] == "checker.segment" for s in splitters):
            print(article_rate(docs, args.repeat))
    if any(s[0] == "checker.segment" for s in splitters):
        print("\n" + pathological_rate(args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
