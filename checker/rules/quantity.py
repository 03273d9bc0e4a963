"""Quantity rules: outlets giving different numbers for the same measured thing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.claims.text import STOPWORDS
from checker.model import Claim
from checker.rules import rule
from checker.rules.base import Flag, StoryContext, claim_evidence, outlets_phrase
from checker.rules.pairing import consensus, pair_claims, same_measure


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
    sentence_end = ctx.sentence_of(claim).end
    words = re.findall(r"[\w’'%$€£-]+|[^\w\s]", text[claim.end : sentence_end])
    phrase: list[str] = []
    for word in words[:6]:
        if not re.match(r"\w", word):
            break
        low = word.casefold()
        if low in STOPWORDS and low != "of" and phrase:
            break
        phrase.append(word)
        if low not in STOPWORDS and len(phrase) >= (3 if "of" in phrase else 1):
            break
    return " ".join([claim.text.strip(), *phrase]).strip()


@rule("QTY001", "quantity-mismatch", "quantity", "warning")
def quantity_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets give different numbers for the same measured thing.

    Quantities are paired across outlets when they measure the same thing: the same unit
    (percent, percentage points, a currency, a count of the same noun) and the same words around
    them, in sentences the aligner put together or with strongly overlapping context. Hedges
    widen a value ("approximately 18%" admits 17.1 to 18.9; "more than seventy" anything above
    70), so "nearly 300" and "298" agree. Basis points are read as hundredths of a percentage
    point, so "50 basis points" equals "half a percentage point".

    The side most outlets agree on is the reference; the minority is flagged. With no majority,
    every side is flagged.

    Example: one outlet writes "Russia possesses approximately 18% of Ukrainian territory",
    two others "the 20% of its territory now under Russian control" and "around 20% of which
    is controlled by Russian forces": the 18% is flagged, the two 20% statements are the
    reference. Differences within rounding ("41.2%" against "41.3%") are reported as info.
    """
    claims = [c for c in ctx.claims_of("quantity") if c.value["unit"] != "ordinal" or c.value["measure"]]
    tolerance = ctx.config.quantity_tolerance

    def similarity(c: StoryContext, a: Claim, b: Claim) -> float:
        # Where two pairings are otherwise equally good, pair the values that agree: "Fifteen of the
        # 19 hijackers" in two outlets is 15/15 and 19/19, not a 15 against 19 divergence.
        score = same_measure(c, a, b)
        return score + 0.05 if score and _compatible(a, b, tolerance) else score

    for group in pair_claims(ctx, claims, similarity):
        yield from _judge(ctx, group, tolerance)


def _judge(ctx: StoryContext, group: list[Claim], tolerance: float) -> Iterator[Flag]:
    sides = consensus(ctx, group, lambda a, b: _compatible(a, b, tolerance))
    if len(sides) < 2:
        return
    majority, minorities, tie = sides[0], sides[1:], False
    outlets = [len({ctx.outlet(c.article) for c in side}) for side in sides]
    if outlets[0] == outlets[1]:
        tie = True
    for minority in minorities:
        flagged = [*majority, *minority] if tie else minority
        rounding = all(_rounding(a, b) for a in minority for b in majority)
        flagged_outlets = outlets_phrase(ctx.outlet(c.article) for c in minority)
        reference_outlets = outlets_phrase(ctx.outlet(c.article) for c in majority)
        measure = minority[0].value["measure"] or "the same thing"
        verb = "says" if len({ctx.outlet(c.article) for c in minority}) == 1 else "say"
        message = (
            f"{flagged_outlets} {verb} {_say(ctx, minority[0])}; "
            f"{reference_outlets} {'say' if len(majority) > 1 else 'says'} {_say(ctx, majority[0])}"
        )
        if rounding:
            message += " (within rounding)"
        elif tie:
            message += "; no majority, so every side is flagged"
        evidence = [claim_evidence(ctx, c, "flagged") for c in flagged]
        evidence += [claim_evidence(ctx, c, "reference") for c in majority if c not in flagged]
        values = {
            "flagged": sorted({c.value["value"] for c in minority}),
            "reference": sorted({c.value["value"] for c in majority}),
            "unit": minority[0].value["unit"],
            "measure": measure,
        }
        yield Flag(message, evidence, values, "info" if rounding else None)
