"""Rules across related stories: each linked pair checked once both its stories are, when close in time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from checker.claims.reftime import reference_times
from checker.knowledge import default_kb
from checker.model import Article, Story
from checker.pipeline import RunResult
from checker.rules import RuleConfig
from checker.rules.related import TOPIC_WINDOW_DAYS, RelatedPairs, close_in_time
from tests.rules.conftest import TODAY, build_context
from tests.rules.test_topic_quantity import APR, SHARES


def _result(days_apart: int) -> tuple[RunResult, dict[str, Article]]:
    """Story "a": the first of SHARES, on APR; story "b": the others, `days_apart` days before it."""
    earlier = APR - timedelta(days=days_apart)
    pieces = [(outlet, APR if k == 0 else earlier, text) for k, (outlet, _, text) in enumerate(SHARES)]
    labels = ["a"] + ["b"] * (len(pieces) - 1)
    ctx = build_context(pieces, aligned=False, stories=labels)
    result = RunResult(started_at="2026-11-22T00:00:00+00:00", paths=[])
    result.articles = list(ctx.articles.values())
    result.sentences, result.claims, result.reftimes = ctx.sentences, ctx.claims, ctx.reftimes
    ids = [a.id for a in result.articles]
    result.stories = [Story(id="a", title="a", articles=ids[:1]), Story(id="b", title="b", articles=ids[1:])]
    result.topic_links = [("a", "b", 0.4)]
    return result, ctx.articles


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
