"""Story grouping's tunable constants, and how far apart two publication dates may be."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from checker.claims.dates import whole_years_apart


@dataclass(frozen=True)
class StorySettings:
    """Tunable constants of story grouping (persisted with the state)."""

    threshold: float = 0.16  # join the best story when its score is at least this
    name_weight: float = 3.0  # extra factor on proper-noun and number terms
    title_weight: int = 2  # title words count this many times
    top_terms: int = 20  # terms per article in the inverted index (and per query)
    max_candidates: int = 64  # articles re-scored exactly per query
    max_postings: int = 2000  # per query term, only the most recent articles indexed under it are looked up
    brute_force_below: int = 256  # compare with every article while the archive is smaller
    evidence_floor: float = 0.09  # grey zone: below the threshold, from this score up
    related_floor: float = 0.09  # near misses from this score up link two stories of one topic
    evidence_weight: float = 0.015  # score added per statement shared with the story
    evidence_cap: int = 5  # at most this many statements counted
    evidence_articles: int = 3  # closest articles of a story whose statements are compared
    evidence_stories: int = 2  # grey-zone stories examined per article
    defer_passes: int = 2  # batch: retries of articles set aside
    prior_docs: int = 3  # pseudo-articles sharing no term, added to N in the IDF
    date_grace_days: int = 3  # no date penalty up to this gap
    date_full_days: int = 10  # full penalty from this gap on: a story is one event, reported within days
    date_floor: float = 0.2  # score factor at the full penalty
    date_far_days: int = 90  # from this gap on, a season apart: almost always another event
    date_far_floor: float = 0.15  # score factor then
    year_slip_factor: float = 0.85  # score factor for dates a whole number of years apart
    story_sample: int = 24  # a story's score is the mean over its most recent members, at most this many

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StorySettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def date_factor(a: date | None, b: date | None, settings: StorySettings) -> float:
    """How much the publication dates of two articles let their content score count.

    1.0 when either is undated or they are at most `date_grace_days` apart, falling
    log-linearly to `date_floor` at `date_full_days` apart, and to `date_far_floor` from
    `date_far_days` on (the same central bank's governor a year later is another event). A "year slip" -
    the same day of the year, give or take the grace, one to three years apart - gets
    `year_slip_factor` instead: a wrong year is a common dating error (templates, re-posts,
    "Published" headers), but the same calendar days of another year also hold genuinely
    different events (shutdown deals of January 2018 and January 2019), so it still costs.
    """
    if a is None or b is None:
        return 1.0
    gap = abs((a - b).days)
    if gap > 300 and gap > settings.date_grace_days and whole_years_apart(a, b, settings.date_grace_days):
        return settings.year_slip_factor
    return gap_factor(gap, settings)


def gap_factor(gap: int, settings: StorySettings) -> float:
    """`date_factor` of two dates `gap` days apart that are not a year slip."""
    grace = settings.date_grace_days
    if gap <= grace:
        return 1.0
    if gap >= settings.date_far_days:
        return settings.date_far_floor
    if gap >= settings.date_full_days:
        return settings.date_floor
    part = math.log(gap / grace) / math.log(settings.date_full_days / grace)
    return 1.0 - (1.0 - settings.date_floor) * part
