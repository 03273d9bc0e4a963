"""Claim pairing: word weights, overlaps and how surely two quantities measure the same thing."""

from __future__ import annotations

import math
from datetime import date

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
