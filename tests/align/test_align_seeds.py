"""ALIGN on the seed coverage of the February 2025 US-Russia talks in Riyadh: seed 003's Reuters,
Breitbart and Straits Times pieces (cut at their `OUTLET | Published` lines) and the first
time.news piece of seed 002, split into sentences here (the splitter is another stage)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.align import align_story
from checker.model import Alignment, Sentence
from checker.textsim import rough_sentences

SEEDS = Path(__file__).resolve().parents[2] / "corpora" / "seeds"
HEADER = re.compile(r"^([A-Z][A-Z .&'-]+) \| Published ")


def _lines(number: int) -> list[str]:
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()


def _sentences(article: str, lines: list[str]) -> list[Sentence]:
    text = "\n\n".join(line.strip() for line in lines if line.strip())
    out: list[Sentence] = []
    position = 0
    for piece in rough_sentences(text, min_words=1):
        start = text.index(piece, position)
        out.append(Sentence(article, len(out), start, start + len(piece), piece))
        position = start + len(piece)
    return out


def riyadh_story() -> dict[str, list[Sentence]]:
    story: dict[str, list[Sentence]] = {}
    lines = _lines(3)
    for i, line in enumerate(lines):
        match = HEADER.match(line)
        if match:
            end = next(k for k in range(i, len(lines)) if lines[k].startswith("READ FULL"))
            outlet = match.group(1).strip().lower().replace(" ", "-")
            story[outlet] = _sentences(outlet, lines[i + 1 : end])
    lines = _lines(2)
    start = next(i for i, x in enumerate(lines) if x.startswith("RIYADH"))
    cut = next(i for i, x in enumerate(lines) if x.startswith("US-Russia Summit on the Horizon?"))
    story["time.news"] = _sentences("time.news", lines[start:cut])
    return story


def find(story: dict[str, list[Sentence]], article: str, words: str) -> tuple[str, int]:
    (hit,) = [s for s in story[article] if words in s.text]
    return article, hit.index


def group_of(aligned: list[Alignment], member: tuple[str, int]) -> set[tuple[str, int]]:
    return next((set(a.sentences) for a in aligned if member in a.sentences), {member})


@pytest.fixture(scope="module")
def story() -> dict[str, list[Sentence]]:
    return riyadh_story()


@pytest.fixture(scope="module")
def aligned(story: dict[str, list[Sentence]]) -> list[Alignment]:
    return align_story(story, "riyadh")


def test_three_renderings_of_one_russian_quote_are_one_group(
    story: dict[str, list[Sentence]], aligned: list[Alignment]
) -> None:
    renderings = {
        find(story, "breitbart", "weasel out some cunning ideas"),
        find(story, "the-straits-times", "come up with some crafty ideas"),
        find(story, "time.news", "appoint some tricks on the freezing"),
    }
    assert group_of(aligned, next(iter(renderings))) == renderings


def test_a_shared_name_is_not_a_shared_statement(story: dict[str, list[Sentence]], aligned: list[Alignment]) -> None:
    nato = find(story, "reuters", "would not accept deployment of NATO troops")
    survivor = find(story, "breitbart", "a political survivor")
    assert survivor not in group_of(aligned, nato)
    assert nato not in group_of(aligned, survivor)


def test_every_group_spans_outlets(aligned: list[Alignment]) -> None:
    assert aligned
    for alignment in aligned:
        assert len({article for article, _ in alignment.sentences}) >= 2
        assert 0.0 <= alignment.score <= 1.0
