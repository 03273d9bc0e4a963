"""The claims stage: typed claims from every sentence of an article.

`extract(article, sentences, kb)` runs every extractor over the sentences in order, carrying the
people the article has named so far (so "Lavrov said" and "he added" resolve to a full name).
Claims do not depend on the reference time: dates keep what the text says and are resolved by
the rules, so a corrected reference time never needs a re-extraction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from checker.claims.dates import extract_dates
from checker.claims.hints import CaselessPattern
from checker.claims.missing import extract_missing
from checker.claims.people import PeopleContext, extract_administrations, extract_roles
from checker.claims.quantities import extract_quantities
from checker.claims.quotes import extract_quotes
from checker.knowledge import KnowledgeBase, default_kb
from checker.model import Article, Claim, ClaimKind, Sentence

__all__ = ["extract"]

_HAS_NUMBER = CaselessPattern(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|third|"
    r"fourth|fifth|first|dozen)"
)
_HAS_DATE = CaselessPattern(r"\d|day\b|week|month|year|today|tonight|yesterday|tomorrow")
_AGO = re.compile(r"\s+ago\b")


def extract(article: Article, sentences: Sequence[Sentence], kb: KnowledgeBase | None = None) -> list[Claim]:
    """All claims of an article, in text order."""
    people = PeopleContext(kb or default_kb())
    claims: list[Claim] = []
    for sentence in sentences:
        claims.extend(_sentence_claims(article, sentence, people))
    return claims


def _sentence_claims(article: Article, sentence: Sentence, people: PeopleContext) -> list[Claim]:
    text, base = sentence.text, sentence.start
    found: list[Claim] = []

    def add(kind: ClaimKind, start: int, end: int, value: dict[str, object]) -> None:
        found.append(
            Claim(
                article.id,
                sentence.index,
                kind,
                base + start,
                base + end,
                text[start:end],
                # its own value and lists: the extractions of `_text_claims` are shared by its hits
                {k: v[:] if type(v) is list else v for k, v in value.items()},
            )
        )

    for role_start, role_end, value in extract_roles(text, people):
        add("role", role_start, role_end, value)
    for admin_start, admin_end, value in extract_administrations(text, people):
        add("administration", admin_start, admin_end, value)
    for quote_start, quote_end, quote in extract_quotes(text, people):
        add("quote", quote_start, quote_end, quote)
    for kind, start, end, value in _text_claims(text):
        add(kind, start, end, value)
    found.sort(key=lambda c: (c.start, c.kind))
    return found


TEXT_CLAIMS_CACHED = 8192  # sentences; a story's outlets repeat each other's within a few hundred


@functools.lru_cache(maxsize=TEXT_CLAIMS_CACHED)
def _text_claims(text: str) -> tuple[tuple[ClaimKind, int, int, dict[str, object]], ...]:
    """The claims that depend on a sentence's words alone (quantities, dates, blanks), not on the
    people named before it. Outlets copy each other word for word, so a worker meets the same
    sentence again and again (three of four sentences in the synthetic benchmark's corpus): the
    extraction runs once per distinct sentence."""
    found: list[tuple[ClaimKind, int, int, dict[str, object]]] = []
    if _HAS_NUMBER.search(text):
        for q in extract_quantities(text):
            if not _AGO.match(text, q.end):
                found.append(("quantity", q.start, q.end, q.value))
    if _HAS_DATE.search(text):
        for d in extract_dates(text):
            found.append(("date", d.start, d.end, d.value))
    for miss_start, miss_end, pattern in extract_missing(text):
        found.append(("missing", miss_start, miss_end, {"pattern": pattern}))
    return tuple(found)
