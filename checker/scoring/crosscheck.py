"""Signals that compare an article with others: findings against it, corroboration, unknown experts.

Independence comes from `copies.Voices`: an outlet, its copies and the wire it republishes are
one voice, and only another voice can corroborate a claim or outvote it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from checker.knowledge import KnowledgeBase
from checker.model import Article, Claim, Finding, Story
from checker.scoring.weights import FINDING_POINTS, UNRESOLVED_FACTOR, finding_key

KB_OUTLET = "knowledge base"
_WORDS = re.compile(r"\w+")
_PAST = frozenset({"then", "former", "late"})
_NUMBER = (int, float)  # (`int | float` would build a new union object per claim)


@dataclass(frozen=True)
class Hit:
    """One finding where an article is the flagged side, and what it costs."""

    finding: Finding
    key: str  # "<category> <severity>"
    points: float  # points lost (positive)
    basis: str  # knowledge base | other outlets | no independent majority | its own text | blank
    resolved: bool
    against: tuple[str, ...] = ()  # outlets on the reference side


def finding_hits(findings: Iterable[Finding], voice: dict[str, str]) -> dict[str, list[Hit]]:
    """article id -> the findings that flag it, each weighed by how it was decided."""
    hits: dict[str, list[Hit]] = defaultdict(list)
    for finding in findings:
        flagged = sorted({e.article for e in finding.flagged if e.article})
        if not flagged:
            continue
        references = sorted({e.article for e in finding.evidence if e.role == "reference" and e.article} - set(flagged))
        against = tuple(
            sorted({e.outlet for e in finding.evidence if e.role == "reference" and e.article in references})
        )
        kb = any(not e.article for e in finding.evidence)
        flagged_voices = {voice.get(a, a) for a in flagged}
        if finding.category == "missing":
            basis, resolved = "blank", True
        elif kb:
            basis, resolved = "knowledge base", True
        elif references:
            resolved = len({voice.get(a, a) for a in references}) > len(flagged_voices)
            basis = "other outlets" if resolved else "no independent majority"
        elif len(flagged_voices) > 1:
            basis, resolved = "no independent majority", False
        else:
            basis, resolved = "its own text", True
        points = FINDING_POINTS[finding.severity] * (1.0 if resolved else UNRESOLVED_FACTOR)
        for article in flagged:
            hits[article].append(
                Hit(finding, finding_key(finding.category, finding.severity), points, basis, resolved, against)
            )
    return hits


# --- corroboration ---------------------------------------------------------------------------


def claim_keys(claim: Claim) -> tuple[Hashable, ...]:
    """What another outlet must state for this claim to count as corroborated; () when not checkable."""
    value = claim.value
    if claim.kind == "quantity":
        number = value.get("value")
        if value.get("unit") == "ordinal" or not isinstance(number, _NUMBER) or not math.isfinite(number):
            return ()
        head = ""
        if float(number).is_integer() and abs(number) <= 12:  # "two children" is not "two fault lines"
            head = (value.get("measure") or "").split(" ")[0]
        return (("q", value.get("unit"), round(float(number), 3), head),)
    if claim.kind == "date":
        if value.get("relative"):
            return ()
        if value.get("granularity") == "day" and value.get("month") and value.get("day"):
            return (("d", value["month"], value["day"]),)
        if value.get("granularity") == "month" and value.get("month") and value.get("year"):
            return (("m", value["year"], value["month"]),)
        return ()
    if claim.kind == "role":
        if not value.get("known") or value.get("kb_office") is False:
            return ()  # a person or an office the knowledge base does not know: no stable key
        when = "past" if value.get("qualifier") in _PAST else "now"
        return (("r", value.get("person_key"), value.get("office"), when),)
    if claim.kind == "quote":
        words = _WORDS.findall(value.get("words", "").casefold())
        if len(words) < 5:
            return ()
        return (("qs", *words[:4]), ("qe", *words[-4:]))
    return ()


@dataclass
class Corroboration:
    checkable: int = 0
    corroborated: int = 0
    independent: list[str] = field(default_factory=list)  # outlets of other voices in the story
    by: list[str] = field(default_factory=list)  # outlets that corroborated at least one claim
    excluded: list[str] = field(default_factory=list)  # outlets that agreed but are not independent

    @property
    def share(self) -> float:
        return self.corroborated / self.checkable if self.checkable else 0.0


def corroboration(
    story: Story,
    articles: dict[str, Article],
    claims: dict[str, list[Claim]],
    voice: dict[str, str],
    flagged_spans: set[tuple[str, int, int]],
) -> dict[str, Corroboration]:
    """article id -> how many of its checkable claims independent outlets in its story also state."""
    members = [a for a in story.articles if a in articles]
    keys: dict[str, list[tuple[Claim, tuple[Hashable, ...]]]] = {}
    index: dict[Hashable, set[str]] = defaultdict(set)  # key -> articles stating it
    for article in members:
        mine = [(c, found) for c in claims.get(article, []) if (found := claim_keys(c))]
        keys[article] = mine
        for _, claim_key in mine:
            for one in claim_key:
                index[one].add(article)
    outlet = {a: articles[a].outlet for a in members}
    voices: dict[str, set[str]] = defaultdict(set)  # voice -> its articles in the story
    for article in members:
        voices[voice.get(article, article)].add(article)
    independent_of: dict[str, list[str]] = {}  # voice -> outlets of the other voices (the same for its articles)
    out: dict[str, Corroboration] = {}
    for article in members:
        me = voice.get(article, article)
        if me not in independent_of:
            independent_of[me] = sorted({outlet[b] for b in members if b not in voices[me]})
        result = Corroboration(independent=list(independent_of[me]))
        by: set[str] = set()
        excluded: set[str] = set()
        for claim, claim_key in keys[article]:
            result.checkable += 1
            if (article, claim.start, claim.end) in flagged_spans:
                continue
            stating = index[claim_key[0]] if len(claim_key) == 1 else set().union(*(index[k] for k in claim_key))
            others = stating - {article}
            if not others:  # no other article states it (most claims): nothing to count
                continue
            # set operations rather than a test per article: the other voices', and its own voice's
            independent = others - voices[me]
            excluded |= {outlet[b] for b in others & voices[me] if outlet[b] != outlet[article]}
            if independent:
                result.corroborated += 1
                by |= {outlet[b] for b in independent}
        result.by, result.excluded = sorted(by), sorted(excluded)
        out[article] = result
    return out


# --- experts nobody else knows ---------------------------------------------------------------


def _speaker(claim: Claim) -> str | None:
    if claim.kind != "quote" or not claim.value.get("speaker_named"):
        return None
    words = [w.strip(".,") for w in (claim.value.get("speaker") or "").split()]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return None
    return " ".join(words)


def unknown_experts(
    articles: Sequence[Article],
    claims: dict[str, list[Claim]],
    kb: KnowledgeBase,
    stories: Sequence[Story],
    voice: dict[str, str],
) -> dict[str, list[str]]:
    """article id -> named speakers whom no other, independent outlet mentions and the KB does not know.

    Another outlet knows a person when an article of another voice in the same story mentions the
    surname, or when any article of another outlet in the run quotes or titles someone of that
    full name (its claims name them).
    """
    by_id = {a.id: a for a in articles}
    named: dict[str, set[str]] = defaultdict(set)  # folded full name -> outlets whose claims name it
    speakers: dict[str, list[str]] = {}  # article id -> its named speakers, in claim order
    for article in articles:
        mine: list[str] = []
        for claim in claims.get(article.id, []):
            speaker = _speaker(claim) if claim.kind == "quote" else None
            name = speaker if claim.kind == "quote" else (claim.value.get("person") or "")
            if name:
                named[name.casefold()].add(article.outlet)
            if speaker is not None:
                mine.append(speaker)
        speakers[article.id] = mine
    found: dict[str, list[str]] = {}
    for story in stories:
        members = [by_id[a] for a in story.articles if a in by_id]
        for article in members:
            if not speakers[article.id]:
                continue  # (most articles: no need to know whom they name)
            known = {
                words[-1].casefold()
                for c in claims.get(article.id, [])
                if c.kind == "role" and c.value.get("known") and (words := str(c.value.get("person") or "").split())
            }
            unknown: list[str] = []
            for name in speakers[article.id]:
                if name in unknown:
                    continue
                words = name.split()
                surname = words[-1]
                if surname.casefold() in known or any(kb.person(" ".join(words[i:])) for i in range(len(words) - 1)):
                    continue  # an office holder the knowledge base knows
                if named[name.casefold()] - {article.outlet}:
                    continue
                me = voice.get(article.id, article.id)
                if any(voice.get(b.id, b.id) != me and surname in b.text for b in members):
                    continue
                unknown.append(name)
            if unknown:
                found[article.id] = unknown
    return found
