"""split_spans / split_article: offsets, coverage, the seed corpus, BASIL quality, speed."""

from __future__ import annotations

import importlib.util
import json
import random
import textwrap
from pathlib import Path
from typing import Any

import pytest

from checker.model import Article, article_id
from checker.segment import split_article, split_spans

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
BASIL = ROOT / ".." / "shared" / "data" / "basil-dev"


def _load(name: str, path: Path) -> Any:
    """A module by file path (tests/ is not a package; works in any pytest import mode)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HARD_CASES: list[tuple[str, list[str]]] = _load(
    "segment_hard_cases", Path(__file__).with_name("test_segment_cases.py")
).HARD_CASES


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Ordered, non-overlapping, stripped, non-empty, and covering every non-space char once."""
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert text[pos:start].strip() == "", f"uncovered text {text[pos:start]!r}"
        piece = text[start:end]
        assert piece == piece.strip() and piece
        pos = end
    assert text[pos:].strip() == ""
    covered = sum(len("".join(text[s:e].split())) for s, e in spans)
    assert covered == len("".join(text.split()))


def article(text: str, outlet: str = "Reuters") -> Article:
    return Article(id=article_id(text, outlet), path="x.txt", outlet=outlet, title="", text=text)


def read_seed(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "expected"), HARD_CASES, ids=[c[0][:40] for c in HARD_CASES])
def test_hard_case_offsets_and_coverage(text: str, expected: list[str]) -> None:
    check_spans(text, split_spans(text))
    sentences = split_article(article(text))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("text", ["", " ", "\n\n \t\n", "\u00a0"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_spans(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No stop at the end", [(0, 18)]),
        ("  Padded.  ", [(2, 9)]),
        ("\n\nOne.\n\nTwo.\n", [(2, 6), (8, 12)]),
        ("A headline   \nBody text.", [(0, 10), (14, 24)]),
        ("x", [(0, 1)]),
        ("...", [(0, 3)]),
        ("?! ?!", [(0, 2), (3, 5)]),
    ],
)
def test_exact_spans(text: str, expected: list[tuple[int, int]]) -> None:
    assert split_spans(text) == expected


def test_split_article_fields() -> None:
    text = "RIYADH, Feb 18 (Reuters) – Talks began. Mr. Rubio spoke.\n\nMore later."
    art = article(text)
    sentences = split_article(art)
    assert [s.text for s in sentences] == [
        "RIYADH, Feb 18 (Reuters) – Talks began.",
        "Mr. Rubio spoke.",
        "More later.",
    ]
    assert all(s.article == art.id for s in sentences)
    assert sentences[1].start == text.index("Mr.")


_FUZZ_PIECES = [
    "Mr.",
    "U.S.",
    "a.m.",
    "p.m.",
    "No.",
    "10",
    "3.5%",
    "$1.2",
    "etc.",
    "J.",
    "Dr.Vance",
    "talks.The",
    "www.reuters.com",
    "“",
    "”",
    '"',
    "’",
    "(",
    ")",
    "?",
    "!",
    "…",
    "...",
    ".",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\t",
    "–",
    "—",
    "the",
    "The",
    "he",
    "He",
    "said",
    "asked",
    "Trump",
    "RIYADH,",
    "Feb",
    "Feb.",
    "18",
    "-",
    "and",
    "of",
    "I",
    "A",
    "Gov.",
    "Inc.",
    "Lavrov",
    "x",
    "é",
    "É",
    ",",
    ":",
    ";",
]


@pytest.mark.parametrize("seed", range(40))
def test_fuzz_coverage(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(_FUZZ_PIECES) for _ in range(rng.randint(1, 400)))
    check_spans(text, split_spans(text))


def test_long_token_runs_split_into_covering_spans() -> None:
    """A pathological input for backtracking patterns; its speed is measured by
    bench/segment_eval.py (`pathological input`), not asserted here."""
    text = "ab.Cd." * 20000 + " " + "x. Y " * 20000
    check_spans(text, split_spans(text))


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_sentences_are_short_and_cover(path: Path) -> None:
    text = read_seed(path)
    spans = split_spans(text)
    check_spans(text, spans)
    longest = max(spans, key=lambda s: s[1] - s[0])
    assert longest[1] - longest[0] <= 600, text[longest[0] : longest[1]]
    assert len(spans) >= 10


def test_seed_corpus_is_present() -> None:
    assert len(SEEDS) == 5


def test_seed_003_dateline_sentence_is_intact() -> None:
    [path] = [p for p in SEEDS if p.name.startswith("003_")]
    text = read_seed(path)
    # compared with whitespace folded: the seed has no-break spaces
    sentences = [" ".join(text[s:e].split()) for s, e in split_spans(text)]
    dateline = [s for s in sentences if s.startswith("RIYADH, Feb 18 (Reuters)")]
    assert dateline == [
        "RIYADH, Feb 18 (Reuters) – U.S. President Donald Trump’s administration said on"
        " Tuesday it had agreed to hold more talks with Russia on ending the war in Ukraine"
        " after an initial meeting that excluded Kyiv, a departure from Washington’s previous"
        " approach that rallied U.S. allies to isolate Russian President Vladimir Putin."
    ]
    assert "“How should we give in – with Russian people or with rare earth metals?” Lavrov said." in sentences
    assert "US and Russia forge ahead on peace talks, without Ukraine" in sentences


def test_seed_002_line_wrap_and_headlines() -> None:
    [path] = [p for p in SEEDS if p.name.startswith("002_")]
    text = read_seed(path)
    sentences = [text[s:e] for s, e in split_spans(text)]
    wrapped = [s for s in sentences if "deception in the West\nwhen defining" in s]
    assert len(wrapped) == 1
    assert "Restoring Diplomatic Ties: Addressing Practical Obstacles" in sentences
    assert "Key Takeaways:" in sentences
    assert "Time.news: Dr.Vance, what is the biggest “red flag” to watch for as these talks progress?" in sentences


def _basil_paragraphs() -> list[list[list[str]]]:
    """Each article's paragraphs, each a list of gold sentences (blank ones dropped)."""
    articles: list[list[list[str]]] = []
    for path in sorted(BASIL.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs: list[list[str]] = [[s.strip() for s in p if s and s.strip()] for p in data["body-paragraphs"]]
        articles.append([p for p in paragraphs if p])
    return articles


def _solid_offsets(text: str, offsets: set[int]) -> set[int]:
    """Offsets as counts of non-whitespace characters before them: the same in every layout."""
    result = set()
    solid = 0
    for i, char in enumerate(text):
        if i in offsets:
            result.add(solid)
        if not char.isspace():
            solid += 1
    return result


@pytest.mark.parametrize("layout", ["blank-line paragraphs", "one-line paragraphs", "hard-wrapped at 72"])
def test_basil_boundary_f1(layout: str) -> None:
    """Boundary F1 against BASIL's gold sentences (sentences joined with a space), in three
    layouts of the same text. Boundaries are sentence starts after the first."""
    if not BASIL.is_dir() or not any(BASIL.glob("*.json")):
        pytest.skip(f"BASIL dev set not found at {BASIL} (needs ../shared beside the repo)")
    totals = {"all": [0, 0, 0], "in-paragraph": [0, 0, 0]}
    for paragraphs in _basil_paragraphs():
        flat = [" ".join(p) for p in paragraphs]
        gold_text = "\n\n".join(flat)
        gold: set[int] = set()
        paragraph_starts: set[int] = set()
        pos = 0
        for paragraph in paragraphs:
            paragraph_starts.add(pos)
            for sentence in paragraph:
                gold.add(pos)
                pos += len(sentence) + 1
            pos += 1  # "\n\n" instead of the last " "
        gold = _solid_offsets(gold_text, gold - {0})
        paragraph_starts = _solid_offsets(gold_text, paragraph_starts)
        if layout == "blank-line paragraphs":
            text = gold_text
        elif layout == "one-line paragraphs":
            text = "\n".join(flat)
        else:
            text = "\n\n".join(textwrap.fill(p, 72, break_long_words=False) for p in flat)
        spans = split_spans(text)
        check_spans(text, spans)
        pred = _solid_offsets(text, {s for s, _ in spans[1:]})
        for key, (p, g) in {
            "all": (pred, gold),
            "in-paragraph": (pred - paragraph_starts, gold - paragraph_starts),
        }.items():
            totals[key][0] += len(p & g)
            totals[key][1] += len(p)
            totals[key][2] += len(g)
    for key, (hit, npred, ngold) in totals.items():
        precision, recall = hit / npred, hit / ngold
        f1 = 2 * precision * recall / (precision + recall)
        assert f1 >= 0.95, (key, precision, recall, f1)


def test_bench_script_skips_without_shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = _load("segment_eval", ROOT / "bench" / "segment_eval.py")
    monkeypatch.setattr(module, "BASIL", tmp_path / "absent")
    monkeypatch.setattr("sys.argv", ["segment_eval.py", "--only", "checker", "--repeat", "1"])
    assert module.main() == 0
    out = capsys.readouterr().out
    assert "skip BASIL" in out
    assert "synthetic hard cases" in out
