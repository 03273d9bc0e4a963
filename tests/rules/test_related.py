"""Rules across related stories: each linked pair checked once both its stories are, when close in time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checker import claims, segment
from checker.claims.reftime import reference_times
from checker.knowledge import default_kb
from checker.model import Article, Story, article_id
from checker.pipeline import RunResult
from checker.rules import RuleConfig
from checker.rules.related import TOPIC_WINDOW_DAYS, RelatedPairs, close_in_time

TODAY = date(2026, 11, 22)
APRIL = date(2025, 4, 27)
LATER = "Analysts estimate that Russia possesses approximately 18% of Ukrainian territory."
EARLIER = [
    ("Wire", "Kyiv hopes to win back the 20% of its territory now under Russian control."),
    ("Times", "Lavrov ruled out concessions to Ukraine, around 20% of which is controlled by Russian forces."),
]


def _result(days_apart: int) -> tuple[RunResult, dict[str, Article]]:
    """Story "a": one article on APRIL; story "b": two articles `days_apart` days before it."""
    kb = default_kb()
    earlier = APRIL - timedelta(days=days_apart)
    pieces = [("a", "Ledger", APRIL, LATER), *[("b", outlet, earlier, text) for outlet, text in EARLIER]]
    result = RunResult(started_at="2026-11-22T00:00:00+00:00", paths=[])
    members: dict[str, list[str]] = {"a": [], "b": []}
    for story, outlet, published, text in pieces:
        article = Article(
            id=article_id(text, outlet),
            path=f"{outlet}.txt",
            outlet=outlet,
            title=text[:40],
            text=text,
            published=published,
        )
        result.articles.append(article)
        result.sentences[article.id] = segment.split_article(article)
        result.claims[article.id] = claims.extract(article, result.sentences[article.id], kb)
        members[story].append(article.id)
    times, _ = reference_times(result.articles, result.claims, kb, TODAY)
    result.reftimes = times
    result.stories = [Story(id=key, title=key, articles=ids) for key, ids in members.items()]
    result.topic_links = [("a", "b", 0.4)]
    return result, {a.id: a for a in result.articles}


def test_a_pair_is_checked_once_both_stories_are() -> None:
    result, articles = _result(days_apart=60)
    pairs = RelatedPairs(result, articles, default_kb(), RuleConfig())
    pairs.stories_checked(["a"])
    assert pairs.found == {}  # "b" is not checked yet: its reference times are not known
    pairs.stories_checked(["b"])
    assert list(pairs.found) == [0]
    (finding,) = pairs.findings()
    assert finding.rule == "QTY002"
    assert [e.outlet for e in finding.flagged] == ["Ledger"]
    assert result.story_of_finding[finding.id] == "a"  # the story of the flagged article


def test_a_pair_never_reported_checked_is_checked_at_the_end() -> None:
    result, articles = _result(days_apart=60)
    (finding,) = RelatedPairs(result, articles, default_kb(), RuleConfig()).findings()
    assert finding.rule == "QTY002"


@pytest.mark.parametrize(
    ("days_apart", "close"), [(60, True), (TOPIC_WINDOW_DAYS, True), (TOPIC_WINDOW_DAYS + 30, False)]
)
def test_only_stories_close_in_time_are_compared(days_apart: int, close: bool) -> None:
    result, articles = _result(days_apart)
    a, b = result.stories
    assert close_in_time(result, a, b) is close
    assert bool(RelatedPairs(result, articles, default_kb(), RuleConfig()).findings()) is close


def test_a_story_without_known_dates_is_not_close_to_any() -> None:
    result, _ = _result(days_apart=60)
    undated = [Article(id="u", path="u.txt", outlet="Blog", title="u", text="No date here at all.", published=None)]
    times, _ = reference_times(undated, {"u": []}, default_kb(), TODAY)
    result.reftimes.update(times)
    assert times["u"].source == "unknown"
    assert not close_in_time(result, result.stories[0], Story(id="u", title="u", articles=["u"]))
