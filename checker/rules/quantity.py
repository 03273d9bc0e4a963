"""Quantity rules: outlets giving different numbers for the same measured thing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from checker.claims.text import STOPWORDS
from checker.model import Claim
from checker.rules.base import Flag, StoryContext, claim_evidence, outlets_phrase
from checker.rules.pairing import clearly_same, consensus, lasting_state, pair_claims, same_measure
from checker.rules.registry import rule


def _compatible(a: Claim, b: Claim, tolerance: float) -> bool:
    """Equal once hedges, rounding and the configured tolerance are allowed for."""
    va, vb = a.value, b.value
    if va["low"] <= vb["high"] and vb["low"] <= va["high"]:
        return True
    scale = max(abs(va["value"]), abs(vb["value"]), 1e-9)
    return abs(va["value"] - vb["value"]) / scale <= tolerance


def _rounding(a: Claim, b: Claim) -> bool:
    """41.2% against 41.3%: within one unit of the last digit the less precise one gives."""
    step = 10.0 ** -min(a.value["precision"], b.value["precision"])
    return abs(a.value["value"] - b.value["value"]) <= step + 1e-9 and (
        a.value["precision"] > 0 or b.value["precision"] > 0
    )


def _say(ctx: StoryContext, claim: Claim) -> str:
    """The number with the words it counts: '12 people', 'approximately 18% of Ukrainian territory'."""
    text = ctx.articles[claim.article].text
    words = re.findall(r"[\w’'%$€£-]+|[^\w\s]", text[claim.end : ctx.sentence_of(claim).end])
    phrase: list[str] = []
    for word in words[:6]:
        if not re.match(r"\w", word):
            break
        low = word.casefold()
        content = low not in STOPWORDS
        if not content and phrase and phrase[-1].casefold() != "of" and low != "of" and "of" not in phrase:
            break
        phrase.append(word)
        if content and ("of" not in phrase or len(phrase) >= 3):
            break
    while phrase and phrase[-1].casefold() in STOPWORDS:
        phrase.pop()
    return " ".join([claim.text.strip(), *phrase]).strip()


@rule("QTY001", "quantity-mismatch", "quantity", "warning")
def quantity_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets give different numbers for the same measured thing.

    Whether two quantities measure the same thing is one decision (`pairing.same_measure`): the
    same unit (percent, percentage points, a currency, miles, a count) and slots that agree -
    whose figure it is (the names of its clause, else of the sentence before it: one candidate's
    11% is not another's 10%), the year it is tied to ("the 17 seats it won in 2021"), an earlier
    time ("six years ago"), its role (the old value "from 62.7 percent", a change "by 25 basis
    points", a level "to 62.9 percent"), whether it is a rate ("a month"), what a sum is for, and
    the day its article reports from (a toll or a tally a few days later may have changed). Then
    the sentences must be aligned and share the counted noun or the nearest words, or, when the
    aligner left them apart, share the noun, the named holder, more of the clause than the noun
    and much of their words (or be shares of one whole in one holder's hands). A group holds only
    figures that each pair with every other. Hedges widen a value ("approximately 18%" admits
    17.1 to 18.9; "more than seventy" anything above 70), so "nearly 300" and "298" agree. Basis
    points are read as hundredths of a percentage point, so "50 basis points" equals "half a
    percentage point".

    The side most outlets agree on is the reference; the minority is flagged. With no majority,
    every side is flagged, and nothing says which is wrong: that is a warning only when the
    pairing is beyond doubt - different outlets, aligned sentences, the same counted noun, and
    sentences that share most of their words, or many of them and the same named holder ("The
    European Central Bank cut rates by 25 basis points" against "... by 50"). Any other tie is
    info: in real reporting two figures with one noun in loosely aligned sentences are far more
    often two facts (approval and disapproval, two polls, two programmes) than one fact told two
    ways, and an outlet's own later article is an update, not a second account. Differences within
    rounding ("41.2%" against "41.3%") are info.

    Example: one outlet writes "the quake killed 12 people", two others "killed 21 people": the
    12 is flagged, the two 21s are the reference.
    """
    if ctx.is_topic:
        return
    yield from _mismatches(ctx, _similarity(ctx), "")


@rule("QTY002", "topic-quantity-mismatch", "quantity", "warning")
def topic_quantity_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets covering related stories of one topic give different numbers for the same lasting state.

    Two stories are related when the story grouping nearly merged them and their articles date
    from within 120 days of each other: talks in Riyadh in February and the same negotiations in
    April are different events, but what they say about a lasting state should still agree. A
    lasting state is a share of a named whole in a named holder's hands ("possesses 18% of
    Ukrainian territory", "20% of its territory now under Russian control"), with the slots of
    QTY001 agreeing (holder, years, role). Counts, tallies, polls and sums are not compared across
    stories: they belong to one event each, and a shared unit and counted noun ("votes", "people")
    do not make the 60 votes one bill needs and the 50 another needs one thing.

    Example: an April article says Russia "possesses approximately 18% of Ukrainian territory";
    two February articles about the Riyadh talks say "the 20% of its territory now under Russian
    control" and "around 20% of which is controlled by Russian forces": the 18% is flagged.
    """
    if not ctx.is_topic:
        return
    note = " (in a related story of the same topic)"
    yield from _mismatches(ctx, _similarity(ctx, lasting=True), note, between_stories=True)


def _similarity(ctx: StoryContext, lasting: bool = False) -> Callable[[StoryContext, Claim, Claim], float]:
    tolerance = ctx.config.quantity_tolerance

    def similarity(c: StoryContext, a: Claim, b: Claim) -> float:
        if lasting and not lasting_state(c, a, b):
            return 0.0
        # Where two pairings are otherwise equally good, pair the values that agree: "Fifteen of the
        # 19 hijackers" in two outlets is 15/15 and 19/19, not a 15 against 19 divergence.
        score = same_measure(c, a, b)
        return score + 0.05 if score and _compatible(a, b, tolerance) else score

    return similarity


def _mismatches(
    ctx: StoryContext,
    similarity: Callable[[StoryContext, Claim, Claim], float],
    note: str,
    between_stories: bool = False,
) -> Iterator[Flag]:
    claims = [c for c in ctx.claims_of("quantity") if c.value["unit"] != "ordinal" or c.value["measure"]]
    # quantities of different units never measure the same thing (`same_measure`)
    # complete: every figure of a group measures the same thing as every other, not just as one
    for group in pair_claims(ctx, claims, similarity, bucket=_unit, complete=True):
        yield from _judge(ctx, group, ctx.config.quantity_tolerance, note, between_stories)


def _unit(claim: Claim) -> str:
    return str(claim.value["unit"])


def _judge(
    ctx: StoryContext, group: list[Claim], tolerance: float, note: str, between_stories: bool = False
) -> Iterator[Flag]:
    sides = consensus(ctx, group, lambda a, b: _compatible(a, b, tolerance))
    if len(sides) < 2:
        return
    majority, minorities = sides[0], sides[1:]
    outlets = [len({ctx.outlet(c.article) for c in side}) for side in sides]
    tie = outlets[0] == outlets[1]
    # With no majority nothing says which side is wrong: only a pairing beyond doubt makes a warning.
    certain = not tie or all(clearly_same(ctx, a, b) for a in majority for b in sides[1])
    for minority in minorities:
        if between_stories and {ctx.story_of[c.article] for c in minority} & {
            ctx.story_of[c.article] for c in majority
        }:
            continue  # a disagreement inside one story is QTY001's, not a topic's
        flagged = [*majority, *minority] if tie else minority
        rounding = all(_rounding(a, b) for a in minority for b in majority)
        flagged_outlets = outlets_phrase(ctx.outlet(c.article) for c in minority)
        reference_outlets = outlets_phrase(ctx.outlet(c.article) for c in majority)
        verb = "says" if len({ctx.outlet(c.article) for c in minority}) == 1 else "say"
        message = (
            f"{flagged_outlets} {verb} {_say(ctx, minority[0])}; "
            f"{reference_outlets} {'say' if len(majority) > 1 else 'says'} {_say(ctx, majority[0])}{note}"
        )
        if rounding:
            message += " (within rounding)"
        elif tie and certain:
            message += "; no majority, so every side is flagged"
        elif tie:
            message += "; no majority, and the pairing is not certain enough to say that either is wrong"
        evidence = [claim_evidence(ctx, c, "flagged") for c in flagged]
        evidence += [claim_evidence(ctx, c, "reference") for c in majority if c not in flagged]
        values = {
            "flagged": sorted({c.value["value"] for c in minority}),
            "reference": sorted({c.value["value"] for c in majority}),
            "unit": minority[0].value["unit"],
            "measure": minority[0].value["measure"] or "the same thing",
        }
        yield Flag(message, evidence, values, "info" if rounding or not certain else None)
