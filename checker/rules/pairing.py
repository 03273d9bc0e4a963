"""Claim alignment: which claims in different articles of a story speak of the same thing.

Claims are paired when their sentences were aligned or their nearby words overlap, with each
word weighted by how rare it is in the story (the story's subject, "Russia" in a story about
Russia, says little; "territory" next to both numbers says a lot). Groups hold at most one claim
per article, so a repeated figure in one article never outvotes another outlet.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import TypeVar

from checker.claims.text import content_stems
from checker.model import Claim
from checker.rules.base import StoryContext

Similarity = Callable[[StoryContext, Claim, Claim], float]
PAIR_THRESHOLD = 0.5
SHARE_THRESHOLD = 0.5


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


def names_differ(na: frozenset[str], nb: frozenset[str]) -> bool:
    """Both quantities name whose they are, and the names disagree: Gingrich's 11% is not Palin's 10%.

    Measured against the shorter list, so an outlet that names more (the scorer as well as the team)
    is not taken to speak of something else.
    """
    return bool(na and nb) and len(na & nb) / min(len(na), len(nb)) < 0.34


def other_years(ctx: StoryContext, claim: Claim) -> set[int]:
    """Years a quantity is tied to other than the one its article speaks from ("won in 2021")."""
    rt = ctx.reftimes.get(claim.article)
    own = {rt.earliest.year, rt.latest.year} if rt is not None and rt.source != "unknown" else set()
    return {y for y in claim.value.get("years", []) if y not in own}


@dataclass(frozen=True, slots=True)
class _Measure:
    """What `same_measure` compares of one quantity, worked out once per claim and story."""

    names: frozenset[str]
    years: frozenset[int]
    share: Weighed | None  # the words of "share_of", when the quantity is a share of something
    head_words: list[str]  # the counted noun's words, in order
    head: Weighed
    tight: Weighed  # the four nearest context words
    near: list[str]  # the six nearest
    wide: Weighed  # all the context words


def _measure(ctx: StoryContext, claim: Claim) -> _Measure:
    return _per_claim(ctx, "measure", claim, lambda: _new_measure(ctx, claim))


def _new_measure(ctx: StoryContext, claim: Claim) -> _Measure:
    value = claim.value
    head_words = value["measure"].split()
    context = value.get("context", [])
    return _Measure(
        names=frozenset(value.get("names", [])),
        years=frozenset(other_years(ctx, claim)),
        share=weighed(ctx, value["share_of"]) if "share_of" in value else None,
        head_words=head_words,
        head=weighed(ctx, head_words),
        tight=weighed(ctx, context[:4]),
        near=context[:6],
        wide=weighed(ctx, context),
    )


def same_measure(ctx: StoryContext, a: Claim, b: Claim) -> float:
    """How surely two quantities measure the same thing, in [0, 1]; 0 when units or names differ.

    In aligned sentences a shared head word or close context is enough; elsewhere the words around
    both numbers must share more than the counted noun ("pages" of documents are not "pages" of
    e-mails), since a story holds many numbers of the same unit.
    """
    unit = a.value["unit"]
    if unit != b.value["unit"]:
        return 0.0
    ma, mb = _measure(ctx, a), _measure(ctx, b)
    if unit == "score":  # a result names both sides: teams, or ayes and noes
        return 0.9 if aligned(ctx, a, b) or ma.names & mb.names else 0.0
    if names_differ(ma.names, mb.names):
        return 0.0
    if ma.years != mb.years:
        return 0.0  # "the 17 seats it won in 2021" is not this election's count
    if ma.share is not None and mb.share is not None:
        # Shares ("18% of Ukrainian territory"): who holds which part of what, across the sentence.
        share = overlap(ctx, ma.share, mb.share)
        return share if share >= SHARE_THRESHOLD or aligned(ctx, a, b) else 0.0
    head = overlap(ctx, ma.head, mb.head)
    if unit == "ordinal":  # "first", "third": only the same rank of the same thing
        return 1.0 if aligned(ctx, a, b) and ma.head_words and ma.head_words == mb.head_words else 0.0
    if aligned(ctx, a, b):
        return 0.3 + 0.7 * max(head, overlap(ctx, ma.tight, mb.tight))
    if head == 0.0:
        return 0.0
    heads = ma.head[0] | mb.head[0]
    beyond_head = weighted_overlap(ctx, [w for w in ma.near if w not in heads], [w for w in mb.near if w not in heads])
    if beyond_head < 0.3:
        return 0.0
    return 0.35 * head + 0.35 * beyond_head + 0.3 * overlap(ctx, ma.wide, mb.wide)


def pair_claims(
    ctx: StoryContext,
    claims: Sequence[Claim],
    similarity: Similarity,
    threshold: float = PAIR_THRESHOLD,
    bucket: Callable[[Claim], Hashable | None] | None = None,
) -> list[list[Claim]]:
    """Groups of claims about the same thing from at least two articles, best pairs first.

    `bucket`: where `similarity` is below the threshold for any two claims whose buckets differ
    (or are None), only claims of one bucket are compared: the same groups from a fraction of
    the comparisons, which otherwise grow with the square of a story's claims."""
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
    group_of: dict[str, int] = {}
    groups: list[list[Claim]] = []
    for _, id_a, id_b, a, b in scored:
        ga, gb = group_of.get(id_a), group_of.get(id_b)
        if ga is None and gb is None:
            group_of[id_a] = group_of[id_b] = len(groups)
            groups.append([a, b])
        elif ga is not None and gb is None:
            if all(c.article != b.article for c in groups[ga]):
                group_of[id_b] = ga
                groups[ga].append(b)
        elif gb is not None and ga is None and all(c.article != a.article for c in groups[gb]):
            group_of[id_a] = gb
            groups[gb].append(a)
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
