"""Claim pairing: word weights, overlaps and how surely two quantities measure the same thing."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from checker.model import Claim
from checker.rules.base import StoryContext
from checker.rules.pairing import (
    Similarity,
    claim_words,
    overlap,
    pair_claims,
    same_measure,
    story_idf,
    weighed,
    weighted_overlap,
)
from tests.rules.conftest import BuildContext

D = date(2024, 6, 6)


@pytest.fixture
def quake(context: BuildContext) -> StoryContext:
    return context(
        [
            ("A", D, "The earthquake killed 12 people in the province. Rescuers pulled 40 survivors out."),
            ("B", D, "The earthquake killed 21 people in the province. Rescuers pulled 40 survivors out."),
        ]
    )


def quantities(ctx: StoryContext, outlet: str) -> list[Claim]:
    return [c for c in ctx.claims_of("quantity") if ctx.outlet(c.article) == outlet]


def test_rare_words_weigh_more(context: BuildContext) -> None:
    ctx = context(
        [
            ("A", D, "The earthquake killed 12 people. The earthquake left 40 survivors."),
            ("B", D, "The earthquake killed 21 people. The earthquake shook the coast."),
        ]
    )
    idf = story_idf(ctx)
    assert idf["earthquake"] < idf["people"] < idf["survivor"]  # in 4, 2 and 1 of the 4 sentences
    # the story's subject shared, nothing else: a small part of either side's weight
    assert weighted_overlap(ctx, ["earthquake", "survivor"], ["earthquake", "people"]) < 0.4
    assert weighted_overlap(ctx, ["earthquake", "survivor"], ["survivor"]) == 1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([], ["earthquake"], 0.0),
        (["earthquake"], ["earthquake"], 1.0),
        (["earthquake", "unseen"], ["unseen", "earthquake"], 1.0),
        (["unseen"], ["other"], 0.0),
    ],
)
def test_weighted_overlap(quake: StoryContext, a: list[str], b: list[str], expected: float) -> None:
    assert weighted_overlap(quake, a, b) == expected


def test_weighed_totals_the_distinct_words(quake: StoryContext) -> None:
    words, total = weighed(quake, ["earthquake", "earthquake", "unseen"])
    assert words == {"earthquake", "unseen"}
    assert total == math.fsum([story_idf(quake)["earthquake"], 3.0])  # an unknown word weighs 3.0
    assert overlap(quake, (words, total), weighed(quake, ["unseen"])) == 3.0 / 3.0


def test_claim_words_are_worked_out_once(quake: StoryContext) -> None:
    claim = quantities(quake, "A")[0]
    first = claim_words(quake, claim, "context")
    assert claim_words(quake, claim, "context") is first
    assert first == weighed(quake, claim.value["context"])


def test_same_measure_pairs_the_same_count(quake: StoryContext) -> None:
    (killed_a, pulled_a), (killed_b, pulled_b) = quantities(quake, "A"), quantities(quake, "B")
    assert same_measure(quake, killed_a, killed_b) > 0.5
    assert same_measure(quake, pulled_a, pulled_b) > 0.5
    assert same_measure(quake, killed_a, pulled_b) < 0.5  # people killed are not survivors pulled out
    groups = pair_claims(quake, [killed_a, pulled_a, killed_b, pulled_b], same_measure)
    assert sorted([c.value["value"] for c in g] for g in groups) == [[12.0, 21.0], [40.0, 40.0]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Turnout was 61% in the capital.", "Turnout was 61 people in the capital."),  # units differ
        ("Newt Gingrich won 11% of the vote, polls said.", "Sarah Palin won 11% of the vote, polls said."),  # names
        ("The party won 17 seats in 2021.", "The party won 17 seats."),  # one is tied to another year
    ],
)
def test_same_measure_rules_out(context: BuildContext, a: str, b: str) -> None:
    ctx = context([("A", D, a), ("B", D, b)])
    (qa,), (qb,) = quantities(ctx, "A"), quantities(ctx, "B")
    assert same_measure(ctx, qa, qb) == 0.0


def figure(ctx: StoryContext, outlet: str, text: str) -> Claim:
    (found,) = [c for c in quantities(ctx, outlet) if c.text == text]
    return found


@pytest.mark.parametrize(
    ("a", "b", "figures"),
    [
        # whose: the second figure of each sentence is its subject's, Kasich's or Paul's
        (
            "Favorite son Kasich stands at 47% favorable and 29% unfavorable.",
            "Overall, Paul stands at 23% favorable and 25% unfavorable.",
            ("29%", "25%"),
        ),
        # the old value of one outlet is not the new value of another
        (
            "Participation rose to 62.9 percent from 62.7 percent.",
            "Participation rose to 62.8 percent from 62.7 percent.",
            ("62.7 percent", "62.8 percent"),
        ),
        # a level is not a change
        ("The rate fell to 4.7%, the department said.", "The rate fell by 0.2%, the department said.", None),
        # a figure of six years ago is not today's
        (
            "Six years ago, the unemployment rate was at 4.5%.",
            "Today, the unemployment rate was at 7.6%.",
            None,
        ),
        # a monthly average is not one month's gain
        ("Employers added 232,000 jobs a month in the year.", "Employers added 34,000 jobs in the year.", None),
        # sums for different purposes
        (
            "The Rail Company set aside $38 million for the spending plan.",
            "The Rail Company set aside $37 million for the damage assessment.",
            None,
        ),
        # a part of one whole is not a part of another
        (
            "Sanders has won five of the last six primaries, aides said.",
            "Sanders has won eight out of the last nine primaries, aides said.",
            ("five", "eight"),
        ),
        # miles are not kilometres
        ("The missile flew 2,802 km before it fell.", "The missile flew 1,741 miles before it fell.", None),
    ],
)
def test_same_measure_tells_the_slots_apart(
    context: BuildContext, a: str, b: str, figures: tuple[str, str] | None
) -> None:
    ctx = context([("A", D, a), ("B", D, b)])
    if figures is None:
        (qa,), (qb,) = quantities(ctx, "A"), quantities(ctx, "B")
    else:
        qa, qb = figure(ctx, "A", figures[0]), figure(ctx, "B", figures[1])
    assert same_measure(ctx, qa, qb) == 0.0


def test_same_measure_pairs_the_same_slots(context: BuildContext) -> None:
    ctx = context(
        [
            ("A", D, "Participation rose to 62.9 percent from 62.7 percent."),
            ("B", D, "Participation climbed to 62.9 percent, up from 62.7 percent."),
        ]
    )
    assert same_measure(ctx, figure(ctx, "A", "62.7 percent"), figure(ctx, "B", "62.7 percent")) > 0.5
    assert same_measure(ctx, figure(ctx, "A", "62.9 percent"), figure(ctx, "B", "62.9 percent")) > 0.5


@pytest.mark.parametrize(("days", "paired"), [(0, True), (1, True), (5, False)])
def test_figures_reported_days_apart_are_not_one_fact(context: BuildContext, days: int, paired: bool) -> None:
    ctx = context(
        [
            ("A", D, "The storm killed 12 people in the province."),
            ("B", D + timedelta(days=days), "The storm killed 21 people in the province."),
        ]
    )
    (qa,), (qb,) = quantities(ctx, "A"), quantities(ctx, "B")
    assert (same_measure(ctx, qa, qb) > 0.5) is paired


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a shared counted noun in different events
        ("Ten Israeli soldiers were killed on Monday.", "Police confirmed the killing of three Israeli teens."),
        # bare shares of one whole that say different things of it
        (
            "Nationally, 90 percent of Republicans approve of the president.",
            "That included 45 percent of Republicans, the survey found.",
        ),
    ],
)
def test_unaligned_sentences_need_more_than_a_shared_noun(context: BuildContext, a: str, b: str) -> None:
    ctx = context([("A", D, a), ("B", D, b)], aligned=False)
    (qa,), (qb,) = quantities(ctx, "A"), quantities(ctx, "B")
    assert same_measure(ctx, qa, qb) == 0.0


def test_complete_groups_never_join_a_chain(quake: StoryContext) -> None:
    (a, _), (b, _) = quantities(quake, "A"), quantities(quake, "B")
    c = Claim("other-article", 0, "quantity", 0, 2, "12", dict(a.value))
    scores = {frozenset((a.id, b.id)): 0.9, frozenset((b.id, c.id)): 0.8}

    def chained(ctx: StoryContext, x: Claim, y: Claim) -> float:
        return scores.get(frozenset((x.id, y.id)), 0.0)  # a like b, b like c, but a unlike c

    assert [len(g) for g in pair_claims(quake, [a, b, c], chained)] == [3]
    assert [len(g) for g in pair_claims(quake, [a, b, c], chained, complete=True)] == [2]


def _counting(similarity: Similarity) -> tuple[Similarity, list[tuple[Claim, Claim]]]:
    compared: list[tuple[Claim, Claim]] = []

    def counted(ctx: StoryContext, a: Claim, b: Claim) -> float:
        compared.append((a, b))
        return similarity(ctx, a, b)

    return counted, compared


def test_buckets_give_the_same_groups_from_fewer_comparisons(quake: StoryContext) -> None:
    claims = quantities(quake, "A") + quantities(quake, "B")
    everything, all_pairs = _counting(same_measure)
    bucketed, compared = _counting(same_measure)
    expected = pair_claims(quake, claims, everything)
    # by the counted noun: the killed and the survivors are never compared with each other
    assert pair_claims(quake, claims, bucketed, bucket=lambda c: c.value["measure"]) == expected
    assert len(all_pairs) == 4 and len(compared) == 2
    assert all(a.value["measure"] == b.value["measure"] for a, b in compared)


def test_claims_without_a_bucket_are_not_compared(quake: StoryContext) -> None:
    claims = quantities(quake, "A") + quantities(quake, "B")
    bucketed, compared = _counting(same_measure)
    groups = pair_claims(quake, claims, bucketed, bucket=lambda c: "dead" if c.value["value"] in (12, 21) else None)
    assert [[c.value["value"] for c in g] for g in groups] == [[12.0, 21.0]]
    assert len(compared) == 1
