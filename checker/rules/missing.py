"""Missing-value rule: blanks and placeholders left by broken templates."""

from __future__ import annotations

from collections.abc import Iterator

from checker.ingest.outlets import UNKNOWN
from checker.rules.base import Flag, StoryContext, claim_evidence
from checker.rules.registry import rule


@rule("MIS001", "blank-value", "missing", "warning")
def blank_value(ctx: StoryContext) -> Iterator[Flag]:
    """A value is missing: a template or scraper left a blank or a placeholder.

    A word that needs an object followed straight by punctuation ("in an interview with TV
    BRICS on , center on", "a meeting in Anchorage, Alaska, in .", "a resolution by , according
    to") and unfilled slots ("{{date}}", "[DATE]", "%s", "on undefined") mean the date, place or
    name the sentence needs was never filled in. The outlet should be asked what it meant.

    Example: "The accusations, leveled in an interview with TV BRICS on , center on trade" is
    flagged at "on ,": the date of the interview is missing.
    """
    for claim in ctx.claims_of("missing"):
        sentence = ctx.sentence_of(claim).text
        outlet = ctx.outlet(claim.article)
        message = (
            f"{'An article of unknown outlet' if outlet == UNKNOWN else outlet} leaves a value blank: '{claim.text}' "
            f'({claim.value["pattern"]}) in "{_excerpt(sentence, claim.start - ctx.sentence_of(claim).start)}"'
        )
        yield Flag(message, [claim_evidence(ctx, claim, "flagged")], {"pattern": claim.value["pattern"]})


def _excerpt(sentence: str, offset: int, width: int = 40) -> str:
    start = max(0, offset - width)
    end = min(len(sentence), offset + width)
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")
