"""Date factors of story grouping, worked out once and kept: an article meets the same few
dates and stories again and again (candidates, deferred passes)."""

from __future__ import annotations

from datetime import date

import numpy as np

from checker.stories.settings import StorySettings, date_factor, gap_factor
from checker.stories.weights import FloatArray, IntArray


class DateFactors:
    """`date_factor` for one index's settings: by candidate, by story, by pair of dates."""

    def __init__(self, settings: StorySettings) -> None:
        self.settings = settings
        # (date, date) -> date_factor, where the gap table does not settle it: a possible year slip,
        # a story's dates (an article meets the same few again and again)
        self._pairs: dict[tuple[date, date], float] = {}
        self._gaps: FloatArray | None = None  # date factor by gap in days (`_gap_table`)
        # story -> (its number of distinct dates then, story date factor), for one date
        self._stories: dict[int, tuple[int, float]] = {}
        self._stories_for: date | None = None

    def candidates(
        self, published: date | None, days: IntArray, story: IntArray, story_dates: list[set[date]]
    ) -> FloatArray:
        """Each candidate's date factor, given its publication day as an ordinal (0: undated) and
        its story; an undated article stands for its story's time."""
        if published is None:
            return np.ones(len(days))
        gaps = np.abs(days - published.toordinal())
        table = self._gap_table()
        factors: FloatArray = table[np.minimum(gaps, len(table) - 1)]
        # a year slip is the same calendar day 1-3 years apart: only gaps near 365, 730 or 1095
        # days can be one (leap days and 29 February move it by a day), and only those need dates
        near = np.zeros(len(gaps), dtype=bool)
        for years in (1, 2, 3):
            near |= np.abs(gaps - 365 * years) <= self.settings.date_grace_days + 2
        for k in np.flatnonzero(near & (gaps > 300) & (days > 0)).tolist():
            factors[k] = self.pair(published, date.fromordinal(int(days[k])))
        for k in np.flatnonzero(days == 0).tolist():
            s = int(story[k])
            factors[k] = self.story(s, story_dates[s], published)
        return factors

    def story(self, story: int, dates: set[date], published: date | None) -> float:
        """The date factor of the story's dated article nearest in time (1.0 when none)."""
        if published is None:
            return 1.0
        # A story's articles share few distinct dates: one factor per date, not per member; and an
        # article meets the same story again and again (candidates, deferred passes) while its
        # dates stay the same, so the factor is kept until the story gains a date.
        if published != self._stories_for:  # a batch places articles in date order
            self._stories, self._stories_for = {}, published
        known = self._stories.get(story)
        if known is not None and known[0] == len(dates):
            return known[1]
        factor = max((self.pair(published, d) for d in dates), default=1.0)
        self._stories[story] = (len(dates), factor)
        return factor

    def pair(self, a: date | None, b: date | None) -> float:
        if a is None or b is None:
            return 1.0
        factor = self._pairs.get((a, b))
        if factor is None:
            factor = self._pairs[(a, b)] = date_factor(a, b, self.settings)
        return factor

    def _gap_table(self) -> FloatArray:
        """`gap_factor` by gap in days; the last entry holds for every longer gap."""
        if self._gaps is None:
            longest = max(301, self.settings.date_far_days, self.settings.date_full_days) + 1
            self._gaps = np.array([gap_factor(gap, self.settings) for gap in range(longest + 1)])
        return self._gaps
