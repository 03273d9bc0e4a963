"""Copies and syndication: which articles repeat another outlet's text, and who is independent of whom.

Two articles of different outlets in one story are compared by their long sentences (six words or
more, case and punctuation folded): when the words of the sentences they share make up at least
COPY_SHARE of one article's long-sentence words (and at least MIN_SHARED_WORDS words), one is a
copy of the other. The copy is the one published later; with the same date or no dates, the one
whose text is contained in the other's; failing that, the one that credits the other's outlet,
and last the later one in input order. An article whose dateline credits a wire ("RIYADH, Feb 18
(Reuters) -") that is not its own outlet republishes that wire's piece.

The comparison runs story by story (through an index of sentences in a story of many articles),
so it grows with the number of articles, not with its square. Independence follows: articles of
the same outlet, an article and its copies, and the articles crediting the same wire are one
voice; agreement within a voice is not corroboration.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.ingest.metadata import parse_dateline
from checker.model import Article, Sentence, Story

COPY_SHARE = 0.7
MIN_SHARED_WORDS = 30
MIN_SENTENCE_WORDS = 6
MAX_POSTINGS = 64  # a sentence in more articles than this is boilerplate, not evidence of copying

_QUOTES = ('"', "'", "“", "”", "‘", "’", "«", "»")  # quotation marks differ between outlets' typesetting
_ASCII_QUOTES = tuple(mark for mark in _QUOTES if mark.isascii())  # all an ASCII text can hold
_CREDIT_AT_END = re.compile(r"\((?P<wire>[A-Z][\w .&'’/-]{1,40})\)\s*$")
_ALIASES = {"ap": "associatedpress", "afp": "agencefrancepresse", "upi": "unitedpressinternational"}
_TLD = re.compile(r"(?:com|org|net|news|test|co|uk|de|fr|it|info|eu)$")


@dataclass(frozen=True)
class CopyLink:
    """`copy` repeats `original` (an article id, or None when only the wire it credits is known)."""

    copy: str
    original: str | None
    original_outlet: str
    basis: str
    similarity: float  # share of the copy's long-sentence words found in the original


@lru_cache(maxsize=4096)  # asked of every article: a run has few outlets
def outlet_key(name: str) -> str:
    """'The Straits Times' -> 'straitstimes', 'reuters.com' -> 'reuters', 'AP' -> 'associatedpress'."""
    key = re.sub(r"[^a-z0-9.]", "", name.casefold())
    key = key.removeprefix("the").removeprefix("www.")
    if "." in key:
        host, _, tld = key.rpartition(".")
        key = host if _TLD.fullmatch(tld) else key
    key = key.replace(".", "")
    return _ALIASES.get(key, key)


def wire_credit(article: Article) -> str | None:
    """The wire an article's dateline credits when that is not the article's own outlet."""
    m = _CREDIT_AT_END.search(article.dateline or "")
    wire = m.group("wire") if m else None
    if wire is None:
        lede = article.text.lstrip().split("\n", 1)[0][:300]
        found = parse_dateline(lede)
        wire = found.agency if found else None
    if not wire or any(ch.isdigit() for ch in wire) or outlet_key(wire) == outlet_key(article.outlet):
        return None
    return wire.strip()


def _fingerprint(sentences: Sequence[Sentence]) -> dict[str, int]:
    """Folded long sentences (case, spacing and quotation marks) -> their number of words."""
    prints: dict[str, int] = {}
    for sentence in sentences:
        if sentence.text.count(" ") < MIN_SENTENCE_WORDS - 1:
            continue
        folded = sentence.text.casefold()
        for mark in _QUOTES if not folded.isascii() else _ASCII_QUOTES:
            if mark in folded:
                folded = folded.replace(mark, "")
        words = folded.split()
        if len(words) >= MIN_SENTENCE_WORDS:
            prints[" ".join(words)] = len(words)
    return prints


def _order(article: Article) -> tuple[str, str, int, str]:
    return (article.published.isoformat() if article.published else "9999", article.path, article.part, article.id)


def _direction(a: Article, b: Article, share_a: float, share_b: float) -> tuple[Article, Article, str]:
    """(copy, original, why) for two articles that share most of their text."""
    if a.published and b.published and a.published != b.published:
        copy, original = (a, b) if a.published > b.published else (b, a)
        assert copy.published and original.published
        return copy, original, f"published later ({copy.published.isoformat()}, not {original.published.isoformat()})"
    if abs(share_a - share_b) >= 0.05:
        copy, original = (a, b) if share_a > share_b else (b, a)
        return copy, original, f"its text is contained in {original.outlet}'s"
    for first, second in ((a, b), (b, a)):
        credit = wire_credit(first)
        if credit and outlet_key(credit) == outlet_key(second.outlet):
            return first, second, f"it credits {second.outlet}"
    copy, original = (a, b) if _order(a) > _order(b) else (b, a)
    return (
        copy,
        original,
        "the same text with no date to tell which came first: the later one in the input is taken as the copy",
    )


def find_copies(
    stories: Iterable[Story], articles: dict[str, Article], sentences: dict[str, list[Sentence]]
) -> dict[str, CopyLink]:
    """article id -> how it copies; at most one original per copy (the one it shares most with)."""
    links: dict[str, CopyLink] = {}
    for story in stories:
        members = [articles[a] for a in story.articles if a in articles]
        if len({m.outlet for m in members}) > 1:
            for link in _story_copies(members, sentences):
                best = links.get(link.copy)
                if best is None or (link.similarity, best.original or "") > (best.similarity, link.original or ""):
                    links[link.copy] = link
        for member in members:
            credit = wire_credit(member)
            if credit and member.id not in links:
                links[member.id] = CopyLink(
                    member.id, None, credit, f"its dateline credits {credit}: a republished wire piece", 0.0
                )
    return links


def _story_copies(members: Sequence[Article], sentences: dict[str, list[Sentence]]) -> list[CopyLink]:
    prints = {m.id: _fingerprint(sentences.get(m.id, [])) for m in members}
    total = {a: sum(p.values()) for a, p in prints.items()}
    by_pairs = len(members) <= MAX_POSTINGS
    shared = _shared_by_pairs(members, prints) if by_pairs else _shared_by_index(members, prints)
    by_id = {m.id: m for m in members}
    found = []
    for (a, b), words in sorted(shared.items()):
        share_a, share_b = words / max(total[a], 1), words / max(total[b], 1)
        if words < MIN_SHARED_WORDS or max(share_a, share_b) < COPY_SHARE:
            continue
        copy, original, why = _direction(by_id[a], by_id[b], share_a, share_b)
        similarity = share_a if copy.id == a else share_b
        found.append(CopyLink(copy.id, original.id, original.outlet, why, round(similarity, 2)))
    return found


SharedWords = dict[tuple[str, str], int]  # (a, b), a < b -> words of the long sentences they share


def _shared_by_index(members: Sequence[Article], prints: dict[str, dict[str, int]]) -> SharedWords:
    """Through an index of sentences: grows with the number of articles, not with its square;
    a sentence in more than MAX_POSTINGS articles is boilerplate and left out."""
    postings: dict[str, list[str]] = defaultdict(list)
    for member in members:
        for key in prints[member.id]:
            postings[key].append(member.id)
    outlet = {m.id: m.outlet for m in members}
    shared: SharedWords = defaultdict(int)
    for key, ids in postings.items():
        if len(ids) < 2 or len(ids) > MAX_POSTINGS:
            continue
        weight = prints[ids[0]][key]  # its number of words
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if outlet[a] != outlet[b]:
                    shared[(a, b) if a < b else (b, a)] += weight
    return shared


def _shared_by_pairs(members: Sequence[Article], prints: dict[str, dict[str, int]]) -> SharedWords:
    """The same as `_shared_by_index` for a story of at most MAX_POSTINGS articles (so no sentence
    is boilerplate), cheaper there: each pair's common sentences by one set intersection."""
    shared: SharedWords = defaultdict(int)
    for i, first in enumerate(members):
        mine = prints[first.id]
        for second in members[i + 1 :]:
            if first.outlet == second.outlet:
                continue
            theirs = prints[second.id]
            common = mine.keys() & theirs.keys()
            if common:
                a, b = sorted((first.id, second.id))
                shared[(a, b)] += sum(mine[key] for key in common)
    return shared


class Voices:
    """Which articles speak with one voice: the same outlet, copies of each other, the same wire."""

    def __init__(self, articles: Sequence[Article], links: dict[str, CopyLink]) -> None:
        self.parent: dict[str, str] = {}
        by_outlet: dict[str, str] = {}
        for article in articles:
            self._join(article.id, by_outlet.setdefault("outlet:" + outlet_key(article.outlet), article.id))
        for link in links.values():
            if link.original:
                self._join(link.copy, link.original)
            wire = "outlet:" + outlet_key(link.original_outlet)
            self._join(link.copy, by_outlet.setdefault(wire, link.copy))

    def _find(self, item: str) -> str:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(item, item) != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def _join(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low

    def of(self, article: str) -> str:
        """The voice an article belongs to (a stable id: the smallest article id in it)."""
        return self._find(article)
