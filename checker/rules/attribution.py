"""Quote rules: the same words given to different speakers, or worded differently."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from checker.model import Claim
from checker.names import surname_key
from checker.rules.base import Flag, StoryContext, claim_evidence, outlets_phrase
from checker.rules.pairing import aligned, consensus, pair_claims
from checker.rules.registry import rule

SAME_QUOTE = 80.0  # rapidfuzz token_set_ratio for the same words
VERBATIM = 92.0  # above this the wording is the same
ONE_QUOTE = 35.0  # below this two renderings are different quotes the aligner happened to pair
EXCERPT = 90.0  # rapidfuzz partial_ratio: the shorter quote is a cut of the longer
TRANSLATION = 65.0  # rapidfuzz token_sort_ratio of two renderings of one remark in aligned sentences


def quote_similarity(a: str, b: str) -> float:
    """Same words in the same order; an excerpt of a longer quote counts when it is 6+ words."""
    ratio = fuzz.token_sort_ratio(a, b)
    shorter = min(a, b, key=len)
    if len(shorter.split()) >= 6:
        ratio = max(ratio, fuzz.partial_ratio(a.casefold(), b.casefold()))
    return float(ratio)


def _same_quote(ctx: StoryContext, a: Claim, b: Claim) -> float:
    ratio = quote_similarity(a.value["words"], b.value["words"])
    if ratio >= SAME_QUOTE:
        return ratio / 100.0
    if aligned(ctx, a, b) and ratio >= 45.0:
        return 0.5 + ratio / 400.0  # translations: the aligner vouches, the words differ
    return 0.0


def _same_speaker(a: Claim, b: Claim) -> bool:
    sa, sb = a.value["speaker_key"], b.value["speaker_key"]
    if not sa or not sb or sa == sb or surname_key(sa) == surname_key(sb):
        return True
    # a name cut short ("White House Press Secretary Josh" for "Josh Earnest"): one name's last
    # word is a word of the other's; "John Kerry" and "John Kirby" share only a first name
    return surname_key(sa) in sb.split() or surname_key(sb) in sa.split()


# Words that end the name of an institution, not of a person: "the Justice Department said" and
# "spokesman Ames said" do not contradict each other, an institution speaks through its people.
_INSTITUTION_WORDS = frozenset(
    """administration agency army association bank board bureau campaign center centre chamber club
    commission committee company congress corporation council court department embassy foundation
    fund government group house institute journal ministry network news office organisation
    organization parliament party police post senate service team times union university""".split()
)


def _names_a_person(ctx: StoryContext, claim: Claim) -> bool:
    """The quote's speaker is a person the sentence names: not a pronoun resolved by guesswork,
    a place ("Illinois", "the U.S.") or an institution ("CNN", "the Justice Department"), which a
    speaker-finder takes for the speaker when they are the one spoken to or for."""
    speaker = claim.value["speaker"]
    if not claim.value["speaker_key"] or not claim.value.get("speaker_named"):
        return False
    words = speaker.replace(".", "").split()
    if not words or ctx.kb.place(speaker) is not None:
        return False
    return not (len(words) == 1 and words[0].isupper()) and words[-1].casefold() not in _INSTITUTION_WORDS


def _one_quote(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Whether two quotes are the same words, closely enough to say that one of two speakers is
    wrong: verbatim, an excerpt of the other, or a translation the aligner vouches for. Grouping
    for QUO001 is looser, and a group may chain two different remarks of one exchange."""
    wa, wb = a.value["words"], b.value["words"]
    ratio = fuzz.token_sort_ratio(wa, wb)
    if ratio >= SAME_QUOTE:
        return True
    if len(min(wa, wb, key=len).split()) >= 6 and fuzz.partial_ratio(wa.casefold(), wb.casefold()) >= EXCERPT:
        return True
    return aligned(ctx, a, b) and ratio >= TRANSLATION


def _quote_groups(ctx: StoryContext) -> list[list[Claim]]:
    cached = ctx.cache.get("quote_groups")
    if cached is None:
        cached = ctx.cache["quote_groups"] = pair_claims(ctx, list(ctx.claims_of("quote")), _same_quote)
    return cached


@rule("ATT001", "quote-attribution-mismatch", "attribution", "warning")
def attribution_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets give the same quote to different speakers.

    Quotes are paired across outlets by their words (or, for translations, by the aligner); each
    quote's speaker comes from "X said", "said X", "according to X" or, for "he said", the last
    person the article named. Where the speakers differ, the side most outlets agree on is the
    reference.

    Example: two outlets quote "There must be no decision over the heads of Ukraine" from German
    Chancellor Olaf Scholz, a third gives the same words to the French president.
    """
    for group in _quote_groups(ctx):
        # Only people the sentence names: "he added" resolves through guesswork, not evidence.
        named = [c for c in group if _names_a_person(ctx, c)]
        sides = consensus(ctx, named, _same_speaker)
        if len(sides) < 2:
            continue
        majority = sides[0]
        minority = [c for c in sides[1] if any(_one_quote(ctx, c, m) for m in majority)]
        if not minority:
            continue
        tie = len({ctx.outlet(c.article) for c in majority}) == len({ctx.outlet(c.article) for c in minority})
        flagged = [*majority, *minority] if tie else minority
        evidence = [claim_evidence(ctx, c, "flagged") for c in flagged]
        evidence += [claim_evidence(ctx, c, "reference") for c in majority if c not in flagged]
        few = {ctx.outlet(c.article) for c in minority}
        message = (
            f"{outlets_phrase(few)} {'attributes' if len(few) == 1 else 'attribute'} "
            f'"{_short(minority[0].value["words"])}" to {minority[0].value["speaker"]}; '
            f"{outlets_phrase(ctx.outlet(c.article) for c in majority)} to {majority[0].value['speaker']}"
        )
        yield Flag(
            message, evidence, {"flagged": minority[0].value["speaker"], "reference": majority[0].value["speaker"]}
        )


@rule("QUO001", "quote-wording-differs", "quote", "info")
def quote_wording(ctx: StoryContext) -> Iterator[Flag]:
    """The same quote is worded differently across outlets (often a translation): info only.

    Outlets translating one statement rarely agree word for word; this is worth knowing when
    quoting, never an error. Example: "then why should we invite them at all?" against "then why
    invite them?" and "then why were they invited?" for one remark by the same speaker.
    """
    for group in _quote_groups(ctx):
        if not all(_same_speaker(a, b) for a in group for b in group):
            continue
        wordings = {c.value["words"] for c in group}
        if len(wordings) < 2:
            continue
        lowest = min(_wording_similarity(a.value["words"], b.value["words"]) for a in group for b in group)
        if lowest >= VERBATIM or lowest < ONE_QUOTE:
            continue  # the same words, or renderings too unlike to be one quote
        evidence = [claim_evidence(ctx, c, "flagged") for c in group]
        message = (
            f"{outlets_phrase(ctx.outlet(c.article) for c in group)} word the same quote "
            f"differently ({len(wordings)} versions); quote the original where it matters"
        )
        yield Flag(message, evidence, {"versions": sorted(wordings), "lowest_similarity": round(lowest, 1)})


def _wording_similarity(a: str, b: str) -> float:
    """How alike two renderings are; an excerpt of the other's fuller quote counts as the same wording."""
    na, nb = (" ".join(re.findall(r"[\w']+", x.casefold().replace("’", "'"))) for x in (a, b))
    if not na or not nb:
        return 100.0
    shorter, longer = sorted((na, nb), key=len)
    if shorter in longer:
        return 100.0  # "I am not pro-gay marriage" within "I am strongly pro-life and I am not pro-gay marriage"
    return float(fuzz.ratio(na, nb))


def _short(words: str, limit: int = 80) -> str:
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
