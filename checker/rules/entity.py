"""Entity rule: the same slot filled by a different place, organisation or person across outlets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.claims.text import stem
from checker.model import Evidence, EvidenceRole
from checker.names import fold, name_key
from checker.rules import rule
from checker.rules.base import Flag, StoryContext, outlets_phrase

# "held in Geneva", "met at Camp David", "flew to Vienna": a verb or noun, a preposition, a name.
SLOT = re.compile(
    r"\b(?P<verb>[a-z]{3,})\s+(?P<prep>in|at|to|from|near)\s+(?P<filler>(?:the\s+)?[A-Z][\w’'-]+"
    r"(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,2})"
)
MIN_ALIGNMENT = 0.45


@dataclass(frozen=True)
class Slot:
    article: str
    sentence: int
    key: tuple[str, str]
    words: str  # the slot as written: "held in"
    filler: str
    start: int  # offset in the article text
    end: int


def _slots(ctx: StoryContext, article: str, index: int) -> list[Slot]:
    sentence = ctx.sentences[article][index]
    found = []
    for m in SLOT.finditer(sentence.text):
        filler = re.sub(r"^the\s+", "", m.group("filler"))
        start = sentence.start + m.start("filler")
        found.append(
            Slot(
                article,
                index,
                (stem(m.group("verb")), m.group("prep")),
                f"{m.group('verb')} {m.group('prep')}",
                filler,
                start,
                sentence.start + m.end("filler"),
            )
        )
    return found


def _variants(ctx: StoryContext, a: str, b: str) -> bool:
    """Spellings of one name: Kyiv/Kiev through the knowledge base, Al Diriyah/Diriyah by words."""
    place = ctx.kb.place(a)
    if place is not None and place == ctx.kb.place(b):
        return True
    ka, kb = name_key(a), name_key(b)
    return ka == kb or ka in kb or kb in ka or fuzz.ratio(ka, kb) >= 80


def _mentions(ctx: StoryContext, article: str, filler: str) -> bool:
    return fold(filler) in fold(ctx.articles[article].text)


@rule("ENT001", "entity-slot-mismatch", "entity", "warning")
def entity_slot_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets name a different place, organisation or person in the same slot of the same statement.

    Within sentences the aligner put together, a slot is a word, a preposition and a capitalised
    name after it ("held in Geneva", "met at Camp David"). When two outlets fill the same slot
    with different names, and neither name appears anywhere in the other's article, one of them
    is wrong. Spelling variants (Kyiv/Kiev) are the same name. The side more outlets agree on is
    the reference.

    Example: "the talks, held in Geneva on Monday" against "the talks, held in Vienna on Monday".
    """
    for alignment in ctx.alignments:
        if alignment.score < MIN_ALIGNMENT:
            continue
        slots: dict[tuple[str, str], list[Slot]] = {}
        for article, index in alignment.sentences:
            for slot in _slots(ctx, article, index):
                slots.setdefault(slot.key, []).append(slot)
        for key, filled in sorted(slots.items()):
            yield from _judge(ctx, key, filled)


def _judge(ctx: StoryContext, key: tuple[str, str], filled: list[Slot]) -> Iterator[Flag]:
    sides: list[list[Slot]] = []
    for slot in filled:
        for side in sides:
            if _variants(ctx, slot.filler, side[0].filler):
                side.append(slot)
                break
        else:
            sides.append([slot])
    if len(sides) < 2 or len({s.article for s in filled}) < 2:
        return
    sides.sort(key=lambda side: (-len({ctx.outlet(s.article) for s in side}), side[0].filler))
    majority = sides[0]
    for minority in sides[1:]:
        if any(_mentions(ctx, m.article, s.filler) for m in minority for s in majority):
            continue  # the other outlet names both: a different detail, not a different fact
        if any(_mentions(ctx, s.article, m.filler) for m in minority for s in majority):
            continue
        tie = len({ctx.outlet(s.article) for s in majority}) == len({ctx.outlet(s.article) for s in minority})
        flagged = [*majority, *minority] if tie else minority
        evidence = [_evidence(ctx, s, "flagged") for s in flagged]
        evidence += [_evidence(ctx, s, "reference") for s in majority if s not in flagged]
        message = (
            f"{outlets_phrase(ctx.outlet(s.article) for s in minority)}: '{minority[0].words} "
            f"{minority[0].filler}'; {outlets_phrase(ctx.outlet(s.article) for s in majority)}: "
            f"'{majority[0].words} {majority[0].filler}'"
        )
        yield Flag(
            message,
            evidence,
            {"flagged": minority[0].filler, "reference": majority[0].filler, "slot": minority[0].words},
        )


def _evidence(ctx: StoryContext, slot: Slot, role: EvidenceRole) -> Evidence:
    article = ctx.articles[slot.article]
    return Evidence(
        article=article.id,
        outlet=article.outlet,
        path=article.path,
        sentence=ctx.sentences[slot.article][slot.sentence].text,
        span=article.text[slot.start : slot.end],
        role=role,
        start=slot.start,
        end=slot.end,
        line=article.line_of(slot.start),
    )
