"""Date factors kept per index (`checker.stories.dating`)."""

from __future__ import annotations

from datetime import date

import numpy as np

from checker.model import Article
from checker.stories import StoryIndex, StorySettings, date_factor
from checker.stories.dating import DateFactors


def test_candidate_factors_equal_date_factor_pair_by_pair() -> None:
    """The vectorised factors (a table by gap, the calendar only near whole years) equal
    `date_factor` of each pair, across leap days and year slips; an undated candidate takes
    its story's factor."""
    settings = StorySettings()
    start = date(2023, 1, 1).toordinal()
    days = [date.fromordinal(start + k) for k in range(0, 1400, 3)]
    days += [date(2024, 2, 29), date(2023, 2, 28), date(2025, 3, 1), date(2027, 2, 27)]
    ordinals = np.array([d.toordinal() for d in days] + [0], dtype=np.int64)
    story = np.arange(len(ordinals), dtype=np.int64)
    story_dates = [{d} for d in days] + [{date(2024, 3, 1), date(2024, 3, 20)}]
    for published in (date(2024, 2, 29), date(2025, 2, 28), date(2026, 3, 1), date(2023, 6, 15)):
        factors = DateFactors(settings).candidates(published, ordinals, story, story_dates).tolist()
        expected = [date_factor(published, d, settings) for d in days]
        expected.append(max(date_factor(published, d, settings) for d in story_dates[-1]))
        assert factors == expected
        assert settings.year_slip_factor in factors  # the calendar path was taken


def test_an_undated_article_compares_with_everything_in_full() -> None:
    factors = DateFactors(StorySettings()).candidates(None, np.array([0, 738000]), np.array([0, 1]), [set(), set()])
    assert factors.tolist() == [1.0, 1.0]


def test_a_story_factor_follows_the_story_as_it_gains_dates() -> None:
    """The factor is kept while the story's dates stay the same, and worked out again when it
    gains one (a nearer date lifts it)."""
    settings = StorySettings()
    dating = DateFactors(settings)
    published, dates = date(2025, 4, 30), {date(2025, 2, 1)}
    far = dating.story(0, dates, published)
    assert far == date_factor(published, date(2025, 2, 1), settings) < 1.0
    dates.add(date(2025, 4, 29))
    assert dating.story(0, dates, published) == 1.0
    assert dating.story(0, set(), published) == 1.0  # no dated article: no penalty


def test_the_index_weighs_undated_candidates_by_their_story() -> None:
    index = StoryIndex()
    text = "The port authority of Kestrel Bay reopened the northern terminal after the storm."
    for n, day in enumerate([date(2024, 6, 1), None]):
        index.add(Article(id=f"a{n}", path=f"{n}.txt", outlet=f"o{n}", title="Kestrel Bay", text=text, published=day))
    assert index.story_of("a0") == index.story_of("a1")
    later = date(2024, 9, 30)
    factors = index._factors(later, [0, 1], np.array([index._story_of[0], index._story_of[1]]))
    assert factors.tolist() == [date_factor(later, date(2024, 6, 1), index.settings)] * 2
