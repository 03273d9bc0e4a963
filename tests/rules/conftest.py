"""Build a story context by hand: sentence i of every article is aligned with sentence i of the others."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from checker import claims, segment
from checker.claims.reftime import reference_times
from checker.knowledge import default_kb
from checker.model import Alignment, Article, Finding, Story, article_id
from checker.rules import REGISTRY, RuleConfig, StoryContext

TODAY = date(2026, 11, 22)
Piece = tuple[str, date | None, str]  # outlet, published, text
BuildContext = Callable[..., StoryContext]
RunRule = Callable[..., list[Finding]]


def build_context(
    pieces: list[Piece], aligned: bool = True, config: RuleConfig | None = None, stories: list[str] | None = None
) -> StoryContext:
    """A story of the pieces; with `stories` (one label per piece), a topic spanning those stories."""
    kb = default_kb()
    articles = [
        Article(
            id=article_id(text, outlet),
            path=f"{outlet}.txt",
            outlet=outlet,
            title=text[:40],
            text=text,
            published=published,
        )
        for outlet, published, text in pieces
    ]
    sentences = {a.id: segment.split_article(a) for a in articles}
    found = {a.id: claims.extract(a, sentences[a.id], kb) for a in articles}
    story = Story(id="s1", title="test", articles=[a.id for a in articles])
    alignments = []
    if aligned:
        longest = max(len(s) for s in sentences.values())
        for index in range(longest):
            members = [(a.id, index) for a in articles if index < len(sentences[a.id])]
            if len(members) >= 2:
                alignments.append(Alignment("s1", 0.9, members))
    times, conflicts = reference_times(articles, found, kb, TODAY)
    story_of = {a.id: label for a, label in zip(articles, stories, strict=True)} if stories else {}
    return StoryContext(
        story=story,
        articles={a.id: a for a in articles},
        sentences=sentences,
        claims=found,
        alignments=alignments,
        reftimes=times,
        kb=kb,
        config=config or RuleConfig(),
        date_conflicts=conflicts,
        story_of=story_of,
    )


@pytest.fixture
def context() -> BuildContext:
    return build_context


@pytest.fixture
def run_rule() -> RunRule:
    """run_rule("QTY001", pieces) -> that rule's findings."""

    def run(code: str, pieces: list[Piece], aligned: bool = True, stories: list[str] | None = None) -> list[Finding]:
        return list(REGISTRY[code].findings(build_context(pieces, aligned, stories=stories)))

    return run
