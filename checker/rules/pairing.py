"""Claim alignment: which claims in different articles of a story speak of the same thing.

Claims are paired when their sentences were aligned or their nearby words overlap, with each
word weighted by how rare it is in the story (the story's subject, "Russia" in a story about
Russia, says little; "territory" next to both numbers says a lot). Groups hold at most one claim
per article, so a repeated figure in one article never outvotes another outlet.

For quantities the pairing is one decision (`same_measure`) from the sentences' alignment and
shared words, the words around each number, and the slots the extractor fills: whose figure it
is, when (years, earlier times, the day its article reports from), its role in a change, whether
it is a rate, what a sum is for. `clearly_same` says when a pairing is beyond doubt, and
`lasting_state` which figures related stories of one topic should still agree on.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import TypeVar

from checker.claims.text import content_stems
from checker.model import Claim, ReferenceTime
from checker.rules.base import StoryContext

Similarity = Callable[[StoryContext, Claim, Claim], float]
PAIR_THRESHOLD = 0.5
SHARE_THRESHOLD = 0.5
HOLDER_WORD = "control"  # what `share_words` adds for a possession verb ("possesses", "under ... control")


def story_idf(ctx: StoryContext) -> dict[str, float]:
    """Inverse sentence frequency of each stem within the story (cached on the context)."""
    cached = ctx.cache.get("idf")
    if cached is None:
        stem_sets = [
            _stem_set(sentence.text) for article in ctx.story.articles for sentence in ctx.sentences.get(article, [])
        ]
        # one count over every set (a call per sentence cost more than the counting)
        counts = Counter(chain.from_iterable(stem_sets))
        total = len(stem_sets)
        cached = {word: math.log((1 + total) / (1 + n)) + 1.0 for word, n in counts.items()}
        ctx.cache["idf"] = cached
    return cached


@lru_cache(maxsize=4096)
def _stem_set(text: str) -> frozenset[str]:
    """A sentence's distinct content stems: outlets of one story repeat each other's sentences
    word for word, and stemming every sentence of every story took about a fifth of the rules' time."""
    return frozenset(content_stems(text))


Weighed = tuple[frozenset[str], float]  # a set of stems and its total weight in the story


def weighed(ctx: StoryContext, words: Iterable[str]) -> Weighed:
    """The distinct words and their total weight (unknown words weigh 3.0)."""
    distinct = frozenset(words)
    # fsum: a set's order follows the string hash seed of the process, and a plain sum's last bit
    # with it, which flipped ties between pairs from one run to the next; fsum is exact
    return distinct, math.fsum(map(story_idf(ctx).get, distinct, repeat(3.0)))


def overlap(ctx: StoryContext, a: Weighed, b: Weighed) -> float:
    """Shared words' weight over the lighter side's weight, in [0, 1]."""
    (sa, wa), (sb, wb) = a, b
    if not sa or not sb:
        return 0.0
    return math.fsum(map(story_idf(ctx).get, sa & sb, repeat(3.0))) / min(wa, wb)


def weighted_overlap(ctx: StoryContext, a: Iterable[str], b: Iterable[str]) -> float:
    """Shared words' weight over the lighter side's weight, in [0, 1]."""
    return overlap(ctx, weighed(ctx, a), weighed(ctx, b))


T = TypeVar("T")


def _per_claim(ctx: StoryContext, what: str, claim: Claim, make: Callable[[], T]) -> T:
    """`make()`, once per claim and story for `what` (memoized on the context: a story's claims
    are compared pair by pair, each claim with every other)."""
    memo: dict[tuple[int, str], T] = ctx.cache.setdefault("per claim", {})
    found = memo.get((id(claim), what))  # the context holds the claim: its id is not reused meanwhile
    if found is None:
        found = memo[(id(claim), what)] = make()
    return found


def claim_words(ctx: StoryContext, claim: Claim, key: str) -> Weighed:
    """`weighed` of the words a claim's value holds under `key`, once per claim and story."""
    return _per_claim(ctx, "words of " + key, claim, lambda: weighed(ctx, claim.value.get(key, [])))


def alignment_group(ctx: StoryContext, claim: Claim) -> int | None:
    """The alignment group of the claim's sentence; None when the aligner left it alone."""
    groups = ctx.cache.get("groups")
    if groups is None:
        groups = ctx.cache["groups"] = ctx.aligned_groups()
    return groups.get((claim.article, claim.sentence))


def aligned(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    ga = alignment_group(ctx, a)
    return ga is not None and ga == alignment_group(ctx, b)


HOLDER_OVERLAP = 0.5


def names_differ(ctx: StoryContext, na: Weighed, nb: Weighed) -> bool:
    """Both quantities name whose they are, and the names disagree: Gingrich's 11% is not Palin's 10%.

    Measured against the lighter list, so an outlet that names more (the scorer as well as the team)
    is not taken to speak of something else; and weighted by rarity in the story, so that a name
    every sentence repeats ("Housing Fund", the story's subject) does not make "the Falsel Housing
    Fund" and "the Taul Housing Fund" one holder.
    """
    return bool(na[0] and nb[0]) and overlap(ctx, na, nb) < HOLDER_OVERLAP


def other_years(ctx: StoryContext, claim: Claim) -> set[int]:
    """Years a quantity is tied to other than the one its article speaks from ("won in 2021")."""
    rt = ctx.reftimes.get(claim.article)
    own = {rt.earliest.year, rt.latest.year} if rt is not None and rt.source != "unknown" else set()
    return {y for y in claim.value.get("years", []) if y not in own}


REPORTED_APART_DAYS = 1  # a day either way: outlets in other time zones date the same news a day apart


def reported_apart(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Whether the two claims' articles speak from days more than a day apart: a tally, a toll or a
    poll reported days apart may have changed in between, and a story that runs for weeks holds many
    events of one kind ("killed 14 people" in one attack, "133 people" in a year's attacks). A dated
    article speaks from its day; one dated otherwise (by its story, its office holders) from anywhere
    in its interval; an undated one says nothing."""
    ra, rb = ctx.reftimes.get(a.article), ctx.reftimes.get(b.article)
    if ra is None or rb is None or "unknown" in (ra.source, rb.source):
        return False
    (a0, a1), (b0, b1) = _days(ra), _days(rb)
    return max((a0 - b1).days, (b0 - a1).days) > REPORTED_APART_DAYS


def _days(rt: ReferenceTime) -> tuple[dt.date, dt.date]:
    """The days an article speaks from: its own day when it is dated, else its whole interval."""
    return (rt.latest, rt.latest) if rt.source in _DATED else (rt.earliest, rt.latest)


_DATED = frozenset(["published", "dateline"])  # the interval ends on the article's own day


@dataclass(frozen=True, slots=True)
class _Measure:
    """What `same_measure` compares of one quantity, worked out once per claim and story."""

    holder: Weighed  # the names of its clause, or of the sentence before it when the clause has none
    years: frozenset[int]
    role: str  # "from" (an old value), "by" (a change), "to" (a level), "" (not said)
    past: bool  # tied to an earlier time ("six years ago", "the previous record")
    per_unit: bool  # a rate ("232,000 jobs a month", "three in each"), not a total
    purpose: frozenset[str]  # what a sum is for ("for the spending plan")
    of_total: float | None  # the whole a part is counted out of ("five of the last six")
    share: Weighed | None  # the words of "share_of", when the quantity is a share of something
    head_words: list[str]  # the counted noun's words, in order
    head: Weighed
    tight: Weighed  # the four nearest context words
    near: list[str]  # the six nearest
    wide: Weighed  # all the context words
    sentence: Weighed  # the content words of its sentence


def _measure(ctx: StoryContext, claim: Claim) -> _Measure:
    return _per_claim(ctx, "measure", claim, lambda: _new_measure(ctx, claim))


def _new_measure(ctx: StoryContext, claim: Claim) -> _Measure:
    value = claim.value
    head_words = value["measure"].split()
    context = value.get("context", [])
    return _Measure(
        holder=weighed(ctx, value.get("names") or value.get("subject", [])),
        years=frozenset(other_years(ctx, claim)),
        role=value.get("role", ""),
        past=bool(value.get("past", False)),
        per_unit=bool(value.get("per_unit", False)),
        purpose=frozenset(value.get("purpose", [])),
        of_total=value.get("of_total"),
        share=weighed(ctx, value["share_of"]) if "share_of" in value else None,
        head_words=head_words,
        head=weighed(ctx, head_words),
        tight=weighed(ctx, context[:4]),
        near=context[:6],
        wide=weighed(ctx, context),
        sentence=weighed(ctx, _stem_set(ctx.sentence_of(claim).text)),
    )


def _roles_agree(a: str, b: str) -> bool:
    """An old value ("from") pairs only with an old value; a change ("by") never with a level ("to")."""
    if "from" in (a, b):
        return a == b
    return {a, b} != {"by", "to"}


def same_slots(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Whether nothing the two quantities say of themselves sets them apart: whose they are (the
    holder), the years and the earlier times they are tied to, their role (an old value, a change, a
    level), whether they are rates, what a sum is for, the whole a part is counted out of and,
    within one story, when their articles were written."""
    ma, mb = _measure(ctx, a), _measure(ctx, b)
    # a score's names are its sides, and one outlet may name only the winner, another only the loser
    return (
        (a.value["unit"] == "score" or not names_differ(ctx, ma.holder, mb.holder))
        and ma.years == mb.years  # "the 17 seats it won in 2021" is not this election's count
        and ma.past == mb.past
        and ma.per_unit == mb.per_unit
        and not (ma.purpose and mb.purpose and not ma.purpose & mb.purpose)
        and (ma.of_total is None or mb.of_total is None or ma.of_total == mb.of_total)
        and _roles_agree(ma.role, mb.role)
        and (ctx.is_topic or not reported_apart(ctx, a, b))  # related stories are compared across time
    )


def sentence_similarity(ctx: StoryContext, a: Claim, b: Claim) -> float:
    """How much of their sentences two claims share: the shared words' weight over the heavier
    sentence's, so that a sentence sharing only its subject with a longer one scores low."""
    (sa, wa), (sb, wb) = _measure(ctx, a).sentence, _measure(ctx, b).sentence
    if not sa or not sb:
        return 0.0
    return math.fsum(map(story_idf(ctx).get, sa & sb, repeat(3.0))) / max(wa, wb)


def same_measure(ctx: StoryContext, a: Claim, b: Claim) -> float:
    """How surely two quantities measure the same thing, in [0, 1]; 0 when units or slots differ.

    One decision from every clue: the slots must agree (`same_slots`: holder, years, role, time);
    in aligned sentences a shared head word or close context is then enough. Elsewhere a story holds
    many numbers of one unit about different things, so the pairing must be near certain: a share
    of the same whole held by the same holder, or the same counted noun of the same named holder
    with more of the clause shared than the noun, in sentences that share much of their words.
    """
    unit = a.value["unit"]
    if unit != b.value["unit"] or not same_slots(ctx, a, b):
        return 0.0
    ma, mb = _measure(ctx, a), _measure(ctx, b)
    together = aligned(ctx, a, b)
    if unit == "score":  # a result names both sides: teams, or ayes and noes
        return 0.9 if together or len(ma.holder[0] & mb.holder[0]) >= 2 else 0.0
    head = overlap(ctx, ma.head, mb.head)
    if ma.share is not None and mb.share is not None:
        # Shares ("18% of Ukrainian territory"): who holds which part of what, across the sentence.
        share = overlap(ctx, ma.share, mb.share)
        if together or (share >= SHARE_THRESHOLD and held(ma.share) and held(mb.share)):
            return share
        # a bare share ("62 percent of Democrats") names its whole, not what they said or did
        return _unaligned(ctx, a, b, head) if share >= SHARE_THRESHOLD else 0.0
    if unit == "ordinal":  # "first", "third": only the same rank of the same thing
        return 1.0 if together and ma.head_words and ma.head_words == mb.head_words else 0.0
    if together:
        return 0.3 + 0.7 * max(head, overlap(ctx, ma.tight, mb.tight))
    return _unaligned(ctx, a, b, head)


def held(share: Weighed) -> bool:
    """Whether a share names who holds it ("Russia controls 18% of ...", "20% ... under Russian
    control"): a part of a whole in someone's hands, a lasting state rather than a passing count."""
    return HOLDER_WORD in share[0]


def lasting_state(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Whether two quantities describe one lasting state, which related stories days or weeks apart
    should still agree on: shares of the same whole held by the same holder. Counts of events ("8
    killed", "20 injured"), tallies and polls change from one event to the next, and a shared unit
    and counted noun do not make two of them one thing."""
    ma, mb = _measure(ctx, a), _measure(ctx, b)
    if ma.share is None or mb.share is None or not (held(ma.share) and held(mb.share)):
        return False
    return overlap(ctx, ma.share, mb.share) >= SHARE_THRESHOLD and same_slots(ctx, a, b)


CLEAR_SENTENCE = 0.3  # the sentences' shared words (`sentence_similarity`) when both name the holder
SAME_SENTENCE = 0.6  # ... when neither needs to: nearly the same sentence


def clearly_same(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Whether two paired quantities are near-certainly one fact stated twice, so that a difference
    between them is a divergence even with no majority to say which is right: different outlets,
    sentences the aligner put together, the same counted thing (the same head noun; for a score,
    the same sides), and sentences that share much of their words, or enough of them and the same
    named holder ("The European Central Bank cut rates by 25 basis points" against "... by 50")."""
    if ctx.outlet(a.article) == ctx.outlet(b.article) or not aligned(ctx, a, b):
        return False  # an outlet's own later article is its update, not another outlet's account
    ma, mb = _measure(ctx, a), _measure(ctx, b)
    named = bool(ma.holder[0] and mb.holder[0]) and not names_differ(ctx, ma.holder, mb.holder)
    if a.value["unit"] == "score":
        same_thing = bool(ma.holder[0] & mb.holder[0])
    else:
        same_thing = bool(ma.head[0] and mb.head[0]) and overlap(ctx, ma.head, mb.head) == 1.0
    similar = sentence_similarity(ctx, a, b)
    return same_thing and (similar >= SAME_SENTENCE or (named and similar >= CLEAR_SENTENCE))


UNALIGNED_CONTEXT = 0.5  # share of the nearest words beyond the counted noun
UNALIGNED_SENTENCE = 0.3  # share of the sentences' words (`sentence_similarity`)


def _unaligned(ctx: StoryContext, a: Claim, b: Claim, head: float) -> float:
    """Quantities in sentences the aligner left apart: the same counted noun of the same named
    holder, more of the clause shared than the noun, and sentences that share much of their words."""
    ma, mb = _measure(ctx, a), _measure(ctx, b)
    if head < 1.0 or not (ma.holder[0] and mb.holder[0]):
        return 0.0
    heads = ma.head[0] | mb.head[0]
    beyond_head = weighted_overlap(ctx, [w for w in ma.near if w not in heads], [w for w in mb.near if w not in heads])
    if beyond_head < UNALIGNED_CONTEXT or sentence_similarity(ctx, a, b) < UNALIGNED_SENTENCE:
        return 0.0
    return 0.35 * head + 0.35 * beyond_head + 0.3 * overlap(ctx, ma.wide, mb.wide)


def pair_claims(
    ctx: StoryContext,
    claims: Sequence[Claim],
    similarity: Similarity,
    threshold: float = PAIR_THRESHOLD,
    bucket: Callable[[Claim], Hashable | None] | None = None,
    complete: bool = False,
) -> list[list[Claim]]:
    """Groups of claims about the same thing from at least two articles, best pairs first.

    `bucket`: where `similarity` is below the threshold for any two claims whose buckets differ
    (or are None), only claims of one bucket are compared: the same groups from a fraction of
    the comparisons, which otherwise grow with the square of a story's claims.
    `complete`: a claim joins a group only if it pairs with every member, not just with one, so
    that a chain (A like B, B like C) never makes A and C one thing."""
    if bucket is None:
        candidates: Iterable[list[int]] = [list(range(len(claims)))]
    else:
        by_bucket: dict[Hashable, list[int]] = {}
        for n, claim in enumerate(claims):
            key = bucket(claim)
            if key is not None:
                by_bucket.setdefault(key, []).append(n)
        candidates = by_bucket.values()
    ids: dict[int, str] = {}  # a claim's id is a hash: computed once, and only for claims that pair

    def id_of(n: int) -> str:
        found = ids.get(n)
        if found is None:
            found = ids[n] = claims[n].id
        return found

    scored = []
    for members in candidates:
        for x, i in enumerate(members):
            a = claims[i]
            for k in members[x + 1 :]:
                b = claims[k]
                if a.article == b.article:
                    continue
                score = similarity(ctx, a, b)
                if score >= threshold:
                    scored.append((-score, id_of(i), id_of(k), a, b))
    scored.sort(key=lambda item: item[:3])
    paired = {(id_a, id_b) for _, id_a, id_b, _, _ in scored} if complete else set()

    def joins(group: list[str], new: str) -> bool:
        return not complete or all((old, new) in paired or (new, old) in paired for old in group)

    group_of: dict[str, int] = {}
    groups: list[list[Claim]] = []
    group_ids: list[list[str]] = []
    for _, id_a, id_b, a, b in scored:
        ga, gb = group_of.get(id_a), group_of.get(id_b)
        if ga is None and gb is None:
            group_of[id_a] = group_of[id_b] = len(groups)
            groups.append([a, b])
            group_ids.append([id_a, id_b])
            continue
        if ga is not None and gb is None:
            joined, new_id, new_claim = ga, id_b, b
        elif gb is not None and ga is None:
            joined, new_id, new_claim = gb, id_a, a
        else:
            continue
        if all(c.article != new_claim.article for c in groups[joined]) and joins(group_ids[joined], new_id):
            group_of[new_id] = joined
            groups[joined].append(new_claim)
            group_ids[joined].append(new_id)
    return [sorted(g, key=lambda c: (c.article, c.start)) for g in groups if len(g) >= 2]


def consensus(ctx: StoryContext, group: Sequence[Claim], agree: Callable[[Claim, Claim], bool]) -> list[list[Claim]]:
    """Split a group into sides that agree, the side with the most outlets first."""
    sides: list[list[Claim]] = []
    for claim in group:
        for side in sides:
            if all(agree(claim, other) for other in side):
                side.append(claim)
                break
        else:
            sides.append([claim])

    def weight(side: list[Claim]) -> tuple[int, int, str]:
        return (-len({ctx.outlet(c.article) for c in side}), -len(side), side[0].id)

    return sorted(sides, key=weight)
