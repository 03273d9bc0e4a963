"""Date rules: published dates, event dates and weekdays that do not add up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from checker.claims.dates import WEEKDAYS, resolve
from checker.model import Claim
from checker.rules.base import Flag, StoryContext, claim_evidence, metadata_evidence, outlets_phrase
from checker.rules.pairing import aligned, claim_words, consensus, overlap, pair_claims, reported_apart
from checker.rules.registry import rule
from checker.rules.samefact import SIMILAR_SENTENCES, mutual_best, sentence_cosine


@rule("DAT001", "published-date-conflict", "date", "error")
def published_date_conflict(ctx: StoryContext) -> Iterator[Flag]:
    """An article's published date is contradicted by its own text and its sister articles.

    At least two independent kinds of evidence must disagree with the date: the other outlets'
    articles of the same story are all dated far from it; people are named with present-tense
    titles they could not hold on that date; the text dates events after it. Sister articles alone
    suffice when they all sit on the same calendar day one to three years away (a wrong year), are
    from two outlets at least (one outlet against another is a tie: either date may be the wrong
    one) and the article's own full dates do not keep to its published year.

    Example: a Reuters piece headed "Published February 19, 2023" reports talks in Riyadh on
    Tuesday, February 18; its sister articles are dated 2025-02-18, and it names Marco Rubio as
    Secretary of State and Mike Waltz as National Security Adviser, offices they took in January
    2025. The published date is flagged; the checker judges the article from 2025-02-18 instead.
    """
    for article_id, conflict in sorted(ctx.date_conflicts.items()):
        article = ctx.articles[article_id]
        published = conflict.published.isoformat()
        evidence = [metadata_evidence(article, "published", published, "flagged")]
        reasons = []
        if conflict.siblings:
            sisters = [ctx.articles[s] for s in conflict.siblings]
            evidence += [
                metadata_evidence(s, "published", s.published.isoformat(), "reference") for s in sisters if s.published
            ]
            dates = sorted({s.published.isoformat() for s in sisters if s.published})
            reasons.append(
                f"its sister articles ({outlets_phrase(s.outlet for s in sisters)}) are dated {', '.join(dates)}"
            )
        if conflict.office_claims:
            evidence += [claim_evidence(ctx, c, "reference") for c in conflict.office_claims]
            people = ", ".join(f"{c.value['person']} as {c.value['office']}" for c in conflict.office_claims)
            reasons.append(f"it names {people}, which they were not on that date")
        if conflict.later_dates:
            evidence += [claim_evidence(ctx, c, "reference") for c in conflict.later_dates]
            reasons.append("its text dates events after it (" + ", ".join(c.text for c in conflict.later_dates) + ")")
        rt = conflict.corrected
        message = (
            f"{article.outlet} is dated {published}, but "
            + "; ".join(reasons)
            + f". It is judged from {rt.earliest.isoformat()} to {rt.latest.isoformat()} instead."
        )
        yield Flag(
            message,
            evidence,
            {"published": published, "reference_time": [rt.earliest.isoformat(), rt.latest.isoformat()]},
        )


def _resolved(ctx: StoryContext, claim: Claim) -> tuple[date, date] | None:
    rt = ctx.reftimes.get(claim.article)
    if rt is None or rt.source == "unknown":
        return None
    if claim.value.get("relative") and rt.source not in ("published", "story"):
        return None
    return resolve(claim.value, rt.latest)


def _same_event(ctx: StoryContext, a: Claim, b: Claim) -> float:
    """Dates of one event: alike sentences, and the words right next to both dates agree.

    Aligned sentences are alike; so are sentences the aligner left apart that still score as
    alike (`sentence_cosine`) when both dates are written the same way, weekday against weekday or
    month and day against month and day: an outlet changing "Thursday" to "Friday" keeps the form,
    while "on Friday" against "the Jan. 6 attack" is a date of another thing. A date whose very
    words the other sentence also holds has its counterpart there: the other sentence's second
    date is about something else ("on Friday blocked a bill on the Jan. 6 riot")."""
    if a.value["granularity"] != "day" or b.value["granularity"] != "day":
        return 0.0
    if not aligned(ctx, a, b) and not _alike_apart(ctx, a, b):
        return 0.0
    if _stated_in(a, ctx.sentence_of(b).text) or _stated_in(b, ctx.sentence_of(a).text):
        return 0.0
    if _occasion(ctx, a) != _occasion(ctx, b):
        return 0.0
    return overlap(ctx, claim_words(ctx, a, "near"), claim_words(ctx, b, "near"))


def _alike_apart(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Dates in sentences the aligner left apart that may still tell one event: written the same way,
    by two outlets reporting within a day of each other (a story that runs for days holds a vote
    "on Tuesday" and a hearing "on Thursday"), in sentences that score as alike and are each other's
    closest counterpart in the other article."""
    form = _form(a.value)
    return (
        form is not None
        and form == _form(b.value)
        and ctx.outlet(a.article) != ctx.outlet(b.article)
        and not reported_apart(ctx, a, b)
        and sentence_cosine(ctx, a, b) >= SIMILAR_SENTENCES
        and mutual_best(ctx, a, b)
    )


_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*)")


def _occasion(ctx: StoryContext, claim: Claim) -> str | None:
    """What a possessive date names ("Tuesday's New Hampshire primary": primary), else None.

    Such a date is the date of that occasion, not of what the sentence tells: "days before Tuesday's
    primary" and "following last Saturday's debate" date two occasions, however alike the rest."""
    sentence = ctx.sentence_of(claim)
    end = claim.end - sentence.start
    match = _POSSESSIVE.match(sentence.text, end)
    return match.group(1).casefold() if match else None


def _form(value: dict[str, Any]) -> str | None:
    """How a day date is written: a weekday alone ("on Tuesday"), a month and day ("June 9", with or
    without its weekday), or neither ("today", "a week earlier": None)."""
    if value.get("month") and value.get("day"):
        return "calendar"
    if value.get("weekday") and value.get("relative"):
        return "weekday"
    return None


def _stated_in(claim: Claim, sentence: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(claim.text.casefold()) + r"(?!\w)", sentence.casefold()) is not None


@rule("DAT002", "event-date-mismatch", "date", "warning")
def event_date_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets give the same event different dates.

    Dates of one event (`_same_event`: alike sentences, written the same way, with the same words
    around them) are resolved against each article's reference time ("on Tuesday", "six days ago",
    "March 5") and compared by day; the minority is flagged.
    Outlets that write the very same date words ("on Wednesday", "today") agree, even when their
    publication dates make the words resolve to different days: the words do not diverge.

    Example: two outlets say the summit opened "on Monday, June 9", a third "on June 10".
    """
    claims = [c for c in ctx.claims_of("date") if _resolved(ctx, c)]
    for group in pair_claims(ctx, claims, _same_event, threshold=0.5):
        days = {c.id: _resolved(ctx, c) for c in group}

        def same_day(a: Claim, b: Claim, days: dict[str, tuple[date, date] | None] = days) -> bool:
            return _same_words(a, b) or _overlaps(days[a.id], days[b.id])

        sides = consensus(ctx, group, same_day)
        if len(sides) < 2:
            continue
        majority, minority = sides[0], sides[1]
        tie = len({ctx.outlet(c.article) for c in majority}) == len({ctx.outlet(c.article) for c in minority})
        flagged = [*majority, *minority] if tie else minority
        evidence = [claim_evidence(ctx, c, "flagged") for c in flagged]
        evidence += [claim_evidence(ctx, c, "reference") for c in majority if c not in flagged]
        first_minority, first_majority = days[minority[0].id], days[majority[0].id]
        assert first_minority and first_majority
        few = {ctx.outlet(c.article) for c in minority}
        message = (
            f"{outlets_phrase(few)} {'dates' if len(few) == 1 else 'date'} this to "
            f"{first_minority[0].isoformat()} ('{minority[0].text}'); "
            f"{outlets_phrase(ctx.outlet(c.article) for c in majority)} to "
            f"{first_majority[0].isoformat()} ('{majority[0].text}')"
        )
        yield Flag(
            message, evidence, {"flagged": first_minority[0].isoformat(), "reference": first_majority[0].isoformat()}
        )


def _same_words(a: Claim, b: Claim) -> bool:
    """Both outlets write the same date words ("on Wednesday", "today"): they agree, whatever days their
    own publication dates resolve the words to. A piece published a week later that still says "on
    Wednesday" of the same tweet is read against its own date; that is no divergence between outlets."""
    return " ".join(a.text.casefold().split()) == " ".join(b.text.casefold().split())


def _fits_nearby_year(day: date, weekday: str) -> bool:
    for year in (day.year - 1, day.year + 1):
        try:
            if WEEKDAYS[day.replace(year=year).weekday()] == weekday:
                return True
        except ValueError:
            continue
    return False


def _overlaps(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


@rule("DAT003", "weekday-mismatch", "date", "error")
def weekday_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """A weekday does not match the date it is written with.

    Example: "on Monday, March 5, 2024" - March 5, 2024 was a Tuesday. Dates without a year take
    the year nearest the article's reference time.
    """
    for claim in ctx.claims_of("date"):
        weekday = claim.value.get("weekday")
        if not weekday or claim.value.get("relative"):
            continue
        span = _resolved(ctx, claim)
        if span is None or span[0] != span[1]:
            continue
        actual = WEEKDAYS[span[0].weekday()]
        if claim.value.get("year") is None and _fits_nearby_year(span[0], weekday):
            continue  # "Friday, Sept. 14" without a year: the weekday tells which year is meant
        if actual != weekday:
            message = (
                f"'{claim.text}': {span[0].strftime('%B')} {span[0].day}, {span[0].year} was a "
                f"{actual.title()}, not a {weekday.title()}"
            )
            yield Flag(
                message,
                [claim_evidence(ctx, claim, "flagged")],
                {"date": span[0].isoformat(), "weekday": weekday, "actual": actual},
            )
