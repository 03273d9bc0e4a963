"""Entity rule: the same slot filled by a different place, organisation or person across outlets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from checker.claims.text import stem
from checker.model import Evidence, EvidenceRole
from checker.names import name_key
from checker.rules.base import Flag, StoryContext, outlets_phrase
from checker.rules.registry import rule

# "held in Geneva", "met at Camp David", "flew to Vienna": a verb or noun, a preposition, a name;
# "the province of Macerata", "the Lithuanian capital, Vilnius": a place noun and its name.
# A name word, or a place-name abbreviation with its full stop ("Ft. Lee", "St. Louis"): the
# abbreviation alone would be taken for the whole name.
_WORD = r"(?:(?:Ft|St|Mt|Pt|Ste)\.|[A-Z][\w’'-]+)"
_NAME = rf"(?P<filler>(?:the\s+)?{_WORD}(?:\s+(?:of\s+)?{_WORD}){{0,2}})"
SLOTS = [
    re.compile(rf"\b(?P<verb>[a-z]{{3,}})\s+(?P<prep>in|at|to|from|near)\s+{_NAME}"),
    re.compile(
        rf"\b(?P<verb>province|city|town|region|state|county|district|village|port|island)\s+"
        rf"(?P<prep>of)\s+{_NAME}"
    ),
    re.compile(rf"\b(?P<verb>capital|city|town|village|port)(?P<prep>,)\s+{_NAME}"),
]
# A necessary condition of each slot pattern: a cheap scan that rules out most sentences before
# the pattern itself, which tries a word at every word boundary (a 10k run's sentences: 1.3 s -> 0.9 s).
PRECHECKS = [
    re.compile(r"\s(?:in|at|to|from|near)\s+(?:the\s+)?[A-Z]"),
    re.compile(r"(?:province|city|town|region|state|county|district|village|port|island)\s+of\s"),
    re.compile(r"(?:capital|city|town|village|port),\s"),
]
_CHECKED_SLOTS = list(zip(PRECHECKS, SLOTS, strict=True))
# Not names of places, organisations or people: "the vote in December".
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# What may follow a place or organisation named in a slot; any other lower-case word after "the
# <Name>" makes the name a modifier of that noun ("from the Russia investigation", "the Mueller
# probe"), and the slot holds the noun, not the name.
_AFTER_A_NAME = frozenset(
    """a about above after against ahead along amid among an and are around as at before behind
    being below beside between but by can could did despite do does during early earlier for from
    had has have he her his in including into is it its itself last late later may might more
    must near next nor not now of off on once only onto or our out over past per said says since
    she should so than that the their them then there these they this those through throughout to today
    tomorrow tonight toward towards under until up upon via was we were when where which while who
    whose will with within without would yesterday""".split()
)
STRONG_ALIGNMENT = 0.45  # a one-against-one disagreement needs sentences aligned at least this well


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
    return [
        Slot(article, index, key, words, filler, sentence.start + start, sentence.start + end)
        for key, words, filler, start, end in _slots_in(sentence.text)
    ]


@lru_cache(maxsize=4096)
def _slots_in(text: str) -> tuple[tuple[tuple[str, str], str, str, int, int], ...]:
    """A sentence's slots: key, words, filler and the filler's offsets in the sentence (cached:
    outlets of one story repeat each other's sentences word for word)."""
    found = []
    for m in (m for check, pattern in _CHECKED_SLOTS if check.search(text) for m in pattern.finditer(text)):
        filler = re.sub(r"^the\s+", "", m.group("filler"))
        if not _names_the_slot(text, m, filler):
            continue
        key = (stem(m.group("verb")), m.group("prep"))
        found.append((key, f"{m.group('verb')} {m.group('prep')}", filler, m.start("filler"), m.end("filler")))
    return tuple(found)


def _names_the_slot(text: str, m: re.Match[str], filler: str) -> bool:
    """Whether the capitalised words fill the slot: not a month or a weekday, not a modifier of
    the noun after them."""
    if filler.casefold() in _CALENDAR:
        return False
    if not m.group("filler").startswith("the"):
        return True
    after = re.match(r"\s+([a-z][\w’'-]*)", text[m.end("filler") :])
    return after is None or after.group(1) in _AFTER_A_NAME or after.group(1).endswith("ed")


def _variants(ctx: StoryContext, a: str, b: str) -> bool:
    """Spellings of one name: Kyiv/Kiev through the knowledge base, Al Diriyah/Diriyah by words."""
    place = ctx.kb.place(a)
    if place is not None and place == ctx.kb.place(b):
        return True
    ka, kb = name_key(a), name_key(b)
    return ka == kb or ka in kb or kb in ka or fuzz.ratio(ka, kb) >= 80


@rule("ENT001", "entity-slot-mismatch", "entity", "warning")
def entity_slot_mismatch(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets name a different place, organisation or person in the same slot of the same statement.

    A slot is a word, a preposition and a capitalised name after it ("held in Geneva", "talks in
    Warsaw"), a place noun and its name ("the province of Macerata") or an appositive ("the
    Lithuanian capital, Vilnius"), in sentences the aligner put together. Each outlet's filler of
    a slot is a vote; the side more outlets agree on is the reference, and one outlet against one
    counts only in closely aligned sentences (loosely aligned ones are often two statements).
    Spelling variants (Kyiv/Kiev) are the same name, and an outlet that itself fills the slot with
    both names is giving another detail, not another fact.

    Example: "the talks, held in Geneva on Monday" against "the talks, held in Vienna on Monday".
    """
    aligned: dict[tuple[str, int], float] = {}
    for alignment in ctx.alignments:
        for member in alignment.sentences:
            aligned[member] = max(aligned.get(member, 0.0), alignment.score)
    group_of = ctx.aligned_groups()
    # Only aligned sentences vote, each with the sentences it is aligned with: the same slot in
    # two unrelated statements ("his home state of Ohio", "her home state of New York") is two
    # facts. The slots of every sentence are read only when two sides disagree and `_fills_both`
    # needs them.
    every = _EverySlot(ctx)
    voted: dict[tuple[tuple[str, str], int], list[Slot]] = {}
    for article in ctx.story.articles:
        for index in range(len(ctx.sentences.get(article, []))):
            if (article, index) in aligned:
                for slot in every.of_sentence(article, index):
                    voted.setdefault((slot.key, group_of[(article, index)]), []).append(slot)
    for (key, _), slots in sorted(voted.items()):
        yield from _judge(ctx, key, slots, every, aligned)


class _EverySlot:
    """The slots of the story's sentences, each sentence read once; by key on first use."""

    def __init__(self, ctx: StoryContext) -> None:
        self.ctx = ctx
        self.sentences: dict[tuple[str, int], list[Slot]] = {}
        self.by_key: dict[tuple[str, str], list[Slot]] | None = None

    def of_sentence(self, article: str, index: int) -> list[Slot]:
        found = self.sentences.get((article, index))
        if found is None:
            found = self.sentences[(article, index)] = _slots(self.ctx, article, index)
        return found

    def __getitem__(self, key: tuple[str, str]) -> list[Slot]:
        """Every slot of `key` in the story, in reading order."""
        if self.by_key is None:
            self.by_key = {}
            for article in self.ctx.story.articles:
                for index in range(len(self.ctx.sentences.get(article, []))):
                    for slot in self.of_sentence(article, index):
                        self.by_key.setdefault(slot.key, []).append(slot)
        return self.by_key.get(key, [])


def _judge(
    ctx: StoryContext,
    key: tuple[str, str],
    filled: list[Slot],
    every: _EverySlot,
    aligned: dict[tuple[str, int], float],
) -> Iterator[Flag]:
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
        if _fills_both(ctx, every[key], majority, minority):
            continue
        majority_outlets = {ctx.outlet(s.article) for s in majority}
        minority_outlets = {ctx.outlet(s.article) for s in minority}
        if majority_outlets & minority_outlets:
            continue
        tie = len(majority_outlets) == len(minority_outlets)
        if tie and min(aligned[(s.article, s.sentence)] for s in [*majority, *minority]) < STRONG_ALIGNMENT:
            continue  # one outlet against one in loosely aligned sentences: likely two statements
        flagged = [*majority, *minority] if tie else minority
        evidence = [_evidence(ctx, s, "flagged") for s in flagged]
        evidence += [_evidence(ctx, s, "reference") for s in majority if s not in flagged]
        message = (
            f"{outlets_phrase(minority_outlets)}: '{minority[0].words} {minority[0].filler}'; "
            f"{outlets_phrase(majority_outlets)}: '{majority[0].words} {majority[0].filler}'"
        )
        yield Flag(
            message,
            evidence,
            {"flagged": minority[0].filler, "reference": majority[0].filler, "slot": minority[0].words},
        )


def _fills_both(ctx: StoryContext, every: list[Slot], majority: list[Slot], minority: list[Slot]) -> bool:
    """Whether any of these articles fills this slot with both names somewhere in its text."""
    articles = {s.article for s in [*majority, *minority]}
    for article in articles:
        fillers = [s.filler for s in every if s.article == article]
        if any(_variants(ctx, f, majority[0].filler) for f in fillers) and any(
            _variants(ctx, f, minority[0].filler) for f in fillers
        ):
            return True
    return False


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
