"""Reference time: the date an article speaks from, and how it was found.

Titles and tenses are judged against it ("former President X" is wrong while X is in office).
In order: the published date, unless the article's own evidence contradicts it (people named
with present-tense titles they could not hold then, sister articles of the same story dated
far away, dated events after publication); the dates of sister articles in the story; the
interval in which the office holders the article names were all in office, narrowed by the
latest full date the text mentions; else unknown. An undated article's dateline comes first when
it gives a single day.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from checker.claims.dates import extract_dates, resolve, whole_years_apart
from checker.knowledge import LEADER_OFFICES, KnowledgeBase
from checker.model import Article, Claim, ReferenceTime

FAR_PAST = date(1900, 1, 1)
STORY_SLACK_DAYS = 30  # an undated article may date an event this long after its story's articles
PRESENT_QUALIFIERS = ("none", "current")


@dataclass
class DateConflict:
    """Why an article's published date cannot be right."""

    article: str
    published: date
    corrected: ReferenceTime
    office_claims: list[Claim] = field(default_factory=list)  # present titles impossible at `published`
    siblings: list[str] = field(default_factory=list)  # sister articles dated elsewhere
    later_dates: list[Claim] = field(default_factory=list)  # events the text dates after publication


def _valid_ranges(claim: Claim, kb: KnowledgeBase) -> list[tuple[date, date]]:
    value = claim.value
    terms = kb.terms_of(value["person_key"], value["office"], value.get("jurisdiction") or None)
    return [(t.start, t.end or date.max) for t in terms if t.certain]


# A title that says nothing of the time of writing: a quotation's, one of a past time the sentence
# speaks of, one with no holder ("a President Jones") or a future one ("would be president"), and a
# courtesy title kept for life ("Governor Romney").
_NOT_OF_THE_PRESENT = ("quoted", "historical", "hypothetical", "prospective", "courtesy")


def office_claims(claims: Sequence[Claim], kb: KnowledgeBase) -> list[Claim]:
    """Role claims that pin a time: a known person with a present-tense title the KB knows, in a
    sentence that speaks of the time of writing (not dated to another time in its own words)."""
    return [
        c
        for c in claims
        if c.kind == "role"
        and c.value.get("known")
        and c.value["qualifier"] in PRESENT_QUALIFIERS
        and not any(c.value.get(k) for k in _NOT_OF_THE_PRESENT)
        and not c.value.get("when")
        and _valid_ranges(c, kb)
    ]


def _within(lo: date, hi: date, term: tuple[date, date]) -> bool:
    """[lo, hi] lies inside the term [start, end); end date.max means still in office."""
    start, end = term
    return start <= lo and (hi < end or end == date.max)


def office_interval(
    claims: Sequence[Claim], kb: KnowledgeBase, not_before: date = FAR_PAST
) -> tuple[date, date, list[Claim]] | None:
    """The interval in which the most distinct people were all in the offices the article gives them.

    Adjacent stretches with the same supporters are one interval; among equally supported
    intervals the latest wins (a present-tense title is likelier recent than decades old), and
    intervals that end before `not_before` (the text's own dates) are ruled out.
    """
    by_person: dict[str, list[tuple[date, date]]] = {}
    for claim in office_claims(claims, kb):
        by_person.setdefault(claim.value["person_key"], _valid_ranges(claim, kb))
    if not by_person:
        return None
    cuts = sorted({d for ranges in by_person.values() for r in ranges for d in r if d != date.max})
    slices: list[tuple[date, date, frozenset[str]]] = []
    for i, lo in enumerate(cuts):
        hi = cuts[i + 1] - timedelta(days=1) if i + 1 < len(cuts) else date.max
        if hi < not_before:
            continue
        support = frozenset(p for p, ranges in by_person.items() if any(_within(lo, hi, r) for r in ranges))
        if slices and slices[-1][2] == support and slices[-1][1] + timedelta(days=1) == lo:
            slices[-1] = (slices[-1][0], hi, support)
        else:
            slices.append((lo, hi, support))
    if not slices:
        return None
    best = max(len(s[2]) for s in slices)
    if best == 0:
        return None
    lo, hi, support = [s for s in slices if len(s[2]) == best][-1]
    supporting = [c for c in office_claims(claims, kb) if c.value["person_key"] in support]
    return max(lo, not_before), hi, supporting


def lower_bound(claims: Sequence[Claim], kb: KnowledgeBase, today: date) -> date:
    """The earliest an article can be from: its latest dated event, any administration it names."""
    bound = FAR_PAST
    for claim in claims:
        if (
            claim.kind == "date"
            and not claim.value.get("relative")
            and claim.value.get("year") is not None
            and not claim.value.get("future")
        ):
            span = resolve(claim.value, today)
            if span and span[0] <= today:
                bound = max(bound, span[0])
        elif claim.kind == "administration":
            starts = [t.start for t in kb.terms_of(claim.value["leader_key"]) if t.office in LEADER_OFFICES]
            if starts:
                bound = max(bound, min(starts))
    return bound


def _impossible_at(day: date, claims: Sequence[Claim], kb: KnowledgeBase) -> list[Claim]:
    """Present-title claims that no term covers on `day`, one per person."""
    seen: set[str] = set()
    impossible = []
    for claim in office_claims(claims, kb):
        key = claim.value["person_key"]
        if key in seen:
            continue
        seen.add(key)
        if not any(a <= day < b for a, b in _valid_ranges(claim, kb)):
            impossible.append(claim)
    return impossible


def _later_dates(claims: Sequence[Claim], published: date) -> list[Claim]:
    """Absolute, fully dated events in the text more than a week after publication."""
    later = []
    for claim in claims:
        if claim.kind != "date" or claim.value.get("relative") or claim.value.get("future"):
            continue
        if claim.value.get("granularity") != "day" or claim.value.get("year") is None:
            continue
        span = resolve(claim.value, published)
        if span and span[0] > published + timedelta(days=7):
            later.append(claim)
    return later


def reference_times(
    articles: Sequence[Article],
    claims: dict[str, list[Claim]],
    kb: KnowledgeBase,
    today: date,
    tolerance_days: int = 30,
    shared: Mapping[str, int] | None = None,
) -> tuple[dict[str, ReferenceTime], dict[str, DateConflict]]:
    """Reference times for the articles of one story, and the published dates they overrule.

    `shared`: article id -> statements it shares with the other articles of its story (alignment
    groups), which tell that an undated article reports the story's event (`_agrees_with`)."""
    times: dict[str, ReferenceTime] = {}
    conflicts: dict[str, DateConflict] = {}
    for article in articles:
        own = claims.get(article.id, [])
        siblings = [a for a in articles if a.id != article.id and a.published and a.outlet != article.outlet]
        sibling_day = _median([a.published for a in siblings if a.published])
        if article.published:
            conflict = _published_conflict(article, own, siblings, sibling_day, kb, today, tolerance_days)
            if conflict is None:
                times[article.id] = ReferenceTime(
                    article.published - timedelta(days=2),
                    article.published,
                    "published",
                    article.provenance.get("published", ""),
                )
                continue
            conflicts[article.id] = conflict
            times[article.id] = conflict.corrected
            continue
        told = (shared or {}).get(article.id, 0) >= SHARED_STATEMENTS
        times[article.id] = _from_dateline(article, own, sibling_day, kb, today) or _inferred(
            own, sibling_day, kb, today, told
        )
    return times, conflicts


def _published_conflict(
    article: Article,
    own: list[Claim],
    siblings: list[Article],
    sibling_day: date | None,
    kb: KnowledgeBase,
    today: date,
    tolerance: int,
) -> DateConflict | None:
    published = article.published
    assert published is not None
    impossible = _impossible_at(published, own, kb)
    interval = office_interval(own, kb)
    office_says_elsewhere = (
        len(impossible) >= 2 and interval is not None and not interval[0] <= published <= interval[1]
    )
    far_siblings = [a.id for a in siblings if a.published and abs((a.published - published).days) > tolerance]
    siblings_say_elsewhere = bool(siblings) and len(far_siblings) == len(siblings) and sibling_day is not None
    later = _later_dates(own, published)
    kinds = sum([office_says_elsewhere, siblings_say_elsewhere, bool(later)])
    # a wrong year on the sisters' word alone: two outlets at least, since one against one is a tie
    sister_outlets = {a.outlet for a in siblings if a.id in far_siblings}
    year_slip = (
        siblings_say_elsewhere
        and sibling_day is not None
        and whole_years_apart(published, sibling_day)
        and _text_backs(own, impossible, later, published, sibling_day)
        and (len(sister_outlets) >= 2 or bool(impossible or later))
    )
    if kinds < 2 and not year_slip:
        return None
    if siblings_say_elsewhere and sibling_day is not None:
        corrected = ReferenceTime(
            sibling_day - timedelta(days=2),
            sibling_day,
            "story",
            f"published date {published.isoformat()} contradicted; sister articles",
        )
    elif interval is not None:
        corrected = ReferenceTime(
            interval[0],
            min(interval[1], today),
            "office holders",
            f"published date {published.isoformat()} contradicted",
        )
    else:
        return None
    return DateConflict(
        article.id,
        published,
        corrected,
        impossible if office_says_elsewhere else [],
        far_siblings if siblings_say_elsewhere else [],
        later,
    )


def _text_backs(own: list[Claim], impossible: list[Claim], later: list[Claim], published: date, day: date) -> bool:
    """The article's own text does not side with its published year: it has a title impossible at its
    published date or an event dated after it, or at least no more full dates in its own year than in
    the sister articles' year.

    Sister articles a whole year away are the mark of a wrong year in a date line, but also of an
    annual event (a holiday, a yearly report) that the story grouping put together; an article whose
    own dates keep to its published year is the second kind."""
    if impossible or later:
        return True
    years = [c.value["year"] for c in own if c.kind == "date" and c.value.get("year") and not c.value.get("relative")]
    return years.count(published.year) <= years.count(day.year)


def _from_dateline(
    article: Article, own: list[Claim], sibling_day: date | None, kb: KnowledgeBase, today: date
) -> ReferenceTime | None:
    """An undated article's dateline ("FRANKFURT, March 5 (Wire) -"), when it gives one day.

    Datelines rarely carry a year: it comes from the story's dates, else from when the people the
    article names held their offices together - but only when that leaves a single day.
    """
    if not article.dateline:
        return None
    days = [m.value for m in extract_dates(article.dateline) if not m.value.get("relative") and m.value.get("day")]
    if not days:
        return None
    value = days[0]
    if value.get("year") is not None:
        span = resolve(value, today)
        how = "its dateline"
    elif sibling_day is not None:
        span = resolve(value, sibling_day)
        how = "its dateline, in the year of its story"
    else:
        interval = office_interval(own, kb, lower_bound(own, kb, today))
        if interval is None:
            return None
        lo, hi = interval[0], min(interval[1], today)
        candidates = [
            span
            for year in range(lo.year, hi.year + 1)
            if (span := resolve({**value, "year": year}, today)) and lo <= span[0] <= hi
        ]
        if len(candidates) != 1:
            return None  # "March 5" in several years the named office holders share
        span = candidates[0]
        how = "its dateline, in the only year its office holders allow"
    if span is None or span[0] > today:
        return None
    return ReferenceTime(span[0] - timedelta(days=1), span[0], "dateline", f"{how}: '{article.dateline}'")


def _inferred(
    own: list[Claim], sibling_day: date | None, kb: KnowledgeBase, today: date, told: bool = False
) -> ReferenceTime:
    """An undated article's time: its story's, unless its own words rule that out; `told`: it repeats
    statements of its story (the story's event is its own)."""
    if sibling_day is not None:
        story = ReferenceTime(
            sibling_day - timedelta(days=7),
            sibling_day + timedelta(days=7),
            "story",
            "dates of the other articles in its story",
            corroborated=told or _agrees_with(own, sibling_day, kb),
        )
        # An undated article is in its story by its words alone, and a story may be wrong. Its own
        # words overrule its sisters' dates when it dates an event after them (it cannot be written
        # before what it reports) or when two of its present titles rule those dates out, as they
        # would overrule a published date (one alone may be the article's error, which the role
        # rules report).
        reported_after = _reported_after(own, kb, today)
        after_story = reported_after > sibling_day + timedelta(days=STORY_SLACK_DAYS)
        if not after_story and len(_impossible_at(sibling_day, own, kb)) < 2:
            return story  # the common case: the interval below is not worked out
        interval = office_interval(own, kb, lower_bound(own, kb, today))
        if interval is None and not after_story:
            return story
        contradicted = f" (its story's date {sibling_day.isoformat()} contradicted)"
        if interval is not None:
            return _office_holders(interval, today, contradicted)
        detail = f"the latest event the text dates{contradicted}"
        return ReferenceTime(reported_after, today, "text dates", detail, True)
    bound = lower_bound(own, kb, today)
    interval = office_interval(own, kb, bound)
    if interval is not None:
        return _office_holders(interval, today)
    if bound > FAR_PAST:
        return ReferenceTime(bound, today, "text dates", "the latest date the text mentions", True)
    return ReferenceTime(FAR_PAST, today, "unknown", "no date, dateline or dated evidence")


CORROBORATING_DAYS = 30  # an event the text dates in full this close before the story's day
# Statements an undated article shares with its story's other articles (aligned sentences) from which
# it reports the story's event: one or two shared sentences are often background that articles of
# one topic repeat, three or more are the event told again (measured in docs/accuracy.md).
SHARED_STATEMENTS = 3


def _agrees_with(own: list[Claim], day: date, kb: KnowledgeBase) -> bool:
    """Whether an undated article's own text agrees with the day its story lends it: more of the people
    it gives present titles held them that day than did not, or the text dates an event in full
    within a month before it. Without either, the day rests on the story grouping alone (a long
    tenure, "President Obama", agrees with years of stories, and does not outweigh a title that
    rules the day out)."""
    held = {c.value["person_key"] for c in office_claims(own, kb) if any(a <= day < b for a, b in _valid_ranges(c, kb))}
    if len(held) > len(_impossible_at(day, own, kb)):
        return True
    for claim in own:
        if claim.kind != "date" or claim.value.get("relative") or claim.value.get("year") is None:
            continue
        span = resolve(claim.value, day)
        if span and timedelta(0) <= day - span[0] <= timedelta(days=CORROBORATING_DAYS):
            return True
    return False


def _office_holders(interval: tuple[date, date, list[Claim]], today: date, note: str = "") -> ReferenceTime:
    lo, hi, supporting = interval
    names = ", ".join(sorted({c.value["person"] for c in supporting}))
    return ReferenceTime(lo, min(hi, today), "office holders", f"in office together: {names}{note}", hi >= today)


def _reported_after(claims: Sequence[Claim], kb: KnowledgeBase, today: date) -> date:
    """The earliest an article can be from by what it reports: the latest day it dates an event to in
    full ("March 4, 2019": a year or a season alone may be a plan, "until next summer"), and the start
    of any administration it names as acting (`lower_bound` without bare years)."""
    full = [
        c
        for c in claims
        if c.kind == "administration" or (c.kind == "date" and c.value.get("granularity") == "day")
    ]
    return lower_bound(full, kb, today)


def _median(days: list[date]) -> date | None:
    if not days:
        return None
    ordinals = sorted(d.toordinal() for d in days)
    return date.fromordinal(int(statistics.median_low(ordinals)))
