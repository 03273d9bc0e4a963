"""Title rule: one person given different titles, or a title and its "former", by different outlets.

The knowledge base knows who held a few offices when (ROL001-ROL004 judge those titles); news
gives people many more ("Sen.", "Rep.", "Gov.", "Mayor", "Judge", "Speaker", "Chairman"). Within
a story the outlets write about one time, so where most of them call someone "Rep. Jane Roe" and
one calls her "Sen. Jane Roe" or "former Rep. Jane Roe", that one is likely wrong, whatever the
knowledge base knows of the office.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache

from checker.claims.titlewords import TitleWord, describe, rival_offices, same_office, status
from checker.model import Claim
from checker.names import middles_agree, name_key
from checker.rules.base import Flag, StoryContext, claim_evidence, outlets_phrase
from checker.rules.pairing import consensus
from checker.rules.registry import rule

_INFORMATIVE_SOURCES = ("published", "story", "office holders", "text dates")
WINDOW_DAYS = 30  # titles of articles written further apart are not compared: offices change
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# "former Sen. Roe" against "Sen. Roe" is a contradiction; "the late Sen. Roe" against "Sen. Roe, who
# died on Monday" and "ousted President Roe" against "President Roe" are common usage at the time of
# the news, and "incoming" against the office may be the days of a handover: those only as info.
_SURE_PAST = frozenset({"former"})
# Words of taking or leaving an office, looked for within the title's clause: CHANGE_BEFORE characters
# before it ("Trump's nominee, Judge Roe"), CHANGE_AFTER after it ("Gov. Roe, who resigned on Monday").
_CHANGE = re.compile(
    r"\b(?:sworn|swearing|confirmation|confirmed\s+(?:as|to|by)|elected|appoint(?:ed|ment)|nominat(?:ed|ion)|"
    r"nominee|inaugurat(?:ed|ion)|(?:takes?|took|taking)\s+office|resign(?:s|ed|ing|ation)?|"
    r"step(?:s|ped|ping)?\s+down|retir(?:es|ed|ing|ement)|impeach(?:ed|ment)|ousted|fired|successor|"
    r"succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing)|promot(?:ed|ion)|elevated)\b",
    re.IGNORECASE,
)
CHANGE_BEFORE, CHANGE_AFTER = 40, 60


def _person_words(claim: Claim) -> list[str]:
    """The words of the person's name as a key, without suffixes ("Jr."); [] when not a full name."""
    return list(_name_words(claim.value.get("person") or ""))


@lru_cache(maxsize=65536)
def _name_words(person: str) -> tuple[str, ...]:
    # cached: a story compares each name with many others, and folding a name is most of the cost
    words = tuple(w for w in name_key(person).split() if w not in _SUFFIXES)
    return words if len(words) >= 2 else ()


def _same_person(a: Claim, b: Claim) -> bool:
    """Two full names of one person: the same knowledge-base person, or the same surname with first
    names that fit ("J. Roe" and "Jane Roe") and middle names that do not contradict each other."""
    if a.value.get("known") and b.value.get("known"):
        return bool(a.value["person_key"] == b.value["person_key"])
    wa, wb = _name_words(a.value.get("person") or ""), _name_words(b.value.get("person") or "")
    if wa[-1] != wb[-1]:
        return False
    fa, fb = wa[0], wb[0]
    first_fits = fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))
    return first_fits and middles_agree(tuple(wa[1:-1]), tuple(wb[1:-1]))


def _judged_by_kb(ctx: StoryContext, claim: Claim) -> bool:
    """The knowledge base knows when this person held this office: ROL001-ROL004 judge the title."""
    value = claim.value
    if not value.get("known"):
        return False
    return bool(ctx.kb.terms_of(value["person_key"], value["office"], value.get("jurisdiction") or None))


def _of_now(ctx: StoryContext, claim: Claim) -> bool:
    """The title describes the person when the article was written: the outlet's own words, not a
    hypothesis or a future, not a past time the sentence tells of ("then-", "at the time", "in 2010")."""
    value = claim.value
    if any(value.get(k) for k in ("quoted", "hypothetical", "prospective", "historical")):
        return False
    if value.get("qualifier") == "then":
        return False
    rt = ctx.reftimes.get(claim.article)
    if rt is None or rt.source not in _INFORMATIVE_SOURCES:
        return not value.get("when") and not value.get("other_years")
    if any(date.fromisoformat(end) < rt.earliest for _, end, _ in value.get("when", [])):
        return False
    return not any(year < rt.earliest.year for year in value.get("other_years", []))


def _word(claim: Claim) -> TitleWord:
    return describe(claim.value.get("title") or "", claim.value["office"])


def _contradict(a: Claim, b: Claim) -> bool:
    """Whether two titles of one person at one time cannot both be right: rival offices held now
    ("Sen." and "Rep."), or one office said to be held and to be left ("former Gov." and "Gov.")."""
    sa, sb = status(a.value["qualifier"]), status(b.value["qualifier"])
    same = same_office(_word(a), _word(b))
    if sa != sb:
        return same  # "former Gov." and "Gov."; "former Rep." and "Sen." are both right
    return sa != "past" and rival_offices(_word(a), _word(b))  # a person holds many offices in turn


def _changed_between(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """The knowledge base knows the person took or left an office between the two articles' times:
    each outlet may be right for its own day."""
    ra, rb = ctx.reftimes.get(a.article), ctx.reftimes.get(b.article)
    key = a.value["person_key"] if a.value.get("known") else b.value["person_key"] if b.value.get("known") else None
    if key is None or ra is None or rb is None or "unknown" in (ra.source, rb.source):
        return False
    first, last = min(ra.earliest, rb.earliest), max(ra.latest, rb.latest)
    for term in ctx.kb.terms_of(key):
        if first < term.start <= last or (term.end is not None and first < term.end <= last):
            return True
    return False


def _people(ctx: StoryContext) -> list[list[Claim]]:
    """The story's titles of the time of writing, one list per person. Titles the knowledge base
    judges take part as the other outlets' account ("Gov. Roe" against "Sen. Roe"), but are never
    flagged here (see `_flag`)."""
    people: list[list[Claim]] = []
    # A claim can join only a person one of whose claims has its surname or, known to the knowledge
    # base, its key (`_same_person`): an index of those keys keeps a story of thousands of names
    # linear, and the candidates are tried in the order a scan of every person would try them.
    index: dict[str, list[int]] = {}
    for claim in ctx.claims_of("role"):
        words = _person_words(claim)
        if not words or ctx.is_heading(claim) or not _of_now(ctx, claim):
            continue
        keys = _index_keys(claim, words)
        candidates = sorted({n for key in keys for n in index.get(key, [])})
        chosen = next((n for n in candidates if all(_same_person(claim, other) for other in people[n])), None)
        if chosen is None:
            chosen = len(people)
            people.append([])
        people[chosen].append(claim)
        for key in keys:
            if chosen not in index.setdefault(key, []):
                index[key].append(chosen)
    return [p for p in people if len({ctx.outlet(c.article) for c in p}) >= 2]


def _index_keys(claim: Claim, words: list[str]) -> list[str]:
    """Where `_people` files a claim: its surname, and its knowledge-base key when it is known."""
    keys = ["surname " + words[-1]]
    if claim.value.get("known"):
        keys.append("person " + str(claim.value["person_key"]))
    return keys


def _by_article(ctx: StoryContext, person: list[Claim]) -> dict[str, list[Claim]]:
    """Each article's titles of the person. An article that gives them rival offices is left out: two
    people of one name, or an office held besides the one the list knows of. One that gives an office
    both with and without "former" stays, and its other outlets tell which is right."""
    articles: dict[str, list[Claim]] = {}
    for claim in person:
        articles.setdefault(claim.article, []).append(claim)
    return {
        article: claims
        for article, claims in articles.items()
        if not any(rival_offices(_word(a), _word(b)) for a in claims for b in claims if _now(a) and _now(b))
    }


def _now(claim: Claim) -> bool:
    return status(claim.value["qualifier"]) == "present"


def _days(ctx: StoryContext, claim: Claim) -> tuple[date, date] | None:
    """The days an article was written on: its own date when it has one (a story's dates may be of
    another year's events), else its reference time."""
    article, rt = ctx.articles[claim.article], ctx.reftimes.get(claim.article)
    if article.published is not None:
        return article.published, article.published
    if rt is None or rt.source not in _INFORMATIVE_SOURCES:
        return None
    return rt.earliest, rt.latest


def _written_apart(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Whether the two articles were written more than WINDOW_DAYS apart: a person may have taken or
    left an office in between that the knowledge base does not know of."""
    da, db = _days(ctx, a), _days(ctx, b)
    return da is not None and db is not None and max((da[0] - db[1]).days, (db[0] - da[1]).days) > WINDOW_DAYS


def _disagreeing(ctx: StoryContext, side: Sequence[Claim], other: Sequence[Claim]) -> list[Claim]:
    """The titles of `side` that contradict a title of `other` written at the same time."""
    return [
        a
        for a in side
        if any(_contradict(a, b) and not _changed_between(ctx, a, b) and not _written_apart(ctx, a, b) for b in other)
    ]


def _titled(claim: Claim) -> str:
    qualifier = claim.value["qualifier"]
    written = claim.value.get("title") or claim.value["office"]
    return written if qualifier == "none" else f"{qualifier} {written}"


@rule("ROL006", "title-divergence", "role", "warning")
def title_divergence(ctx: StoryContext) -> Iterator[Flag]:
    """Outlets give one person different titles, or one of them says "former".

    Every title an outlet writes before or beside a name counts ("Sen.", "Rep.", "Gov.", "Mayor",
    "Judge", "Speaker", "Lt. Gen.", "Secretary of State", in `checker/data/title_words.csv`), with
    its qualifier ("former", "then-", "the late", "acting"), for the person the article names (a
    surname stands for the article's own full name). Within one story the outlets describe the same
    days, so one person should carry one title: the side most outlets agree on is the reference,
    the others are flagged. Equivalent titles agree ("Sen."/"Senator", "Rep."/"Congressman"), and
    so does a title with a more specific one ("Senator"/"Republican Senator", "Secretary"/"Secretary
    of State"); offices one person holds together ("Speaker" and "Rep.", "Gen." and "Chairman"), or
    one held before another ("former Rep." and "Sen."), never disagree.

    Only titles of the time of writing are compared: a quotation, "then-", a past or dated sentence
    ("In 2011, Gov. ..."; "for firing Director ...") is left out, and so is a pair of articles
    written more than 30 days apart, or on either side of an office change the knowledge base
    knows. A title whose dates the knowledge base knows is never flagged here (ROL001-ROL004 judge
    it) but counts as its outlet's account of the person. Reported as info: one
    outlet against one (either may be wrong), usage of the moment ("the late", "ousted",
    "incoming" against the office), and titles whose clause tells of a change ("was sworn in",
    "who resigned", "the nominee").

    Why it matters: a wrong title ("Sen." for a congressman, "former" for an incumbent) misinforms
    about who holds power, and the knowledge base cannot know every office.

    Example: two outlets write "Rep. Jane Roe (R-Ohio)", a third "Sen. Jane Roe"; or two write
    "Gov. Tom Hale" and a third "former Gov. Tom Hale" on the same day.
    """
    for person in _people(ctx):
        yield from _person_flags(ctx, _by_article(ctx, person))


def _person_flags(ctx: StoryContext, titles: dict[str, list[Claim]]) -> Iterator[Flag]:
    """Sides of articles that agree on the person's titles, each minority side against the majority."""
    firsts = [claims[0] for claims in titles.values()]
    sides = consensus(ctx, firsts, lambda a, b: not _disagreeing(ctx, titles[a.article], titles[b.article]))
    majority = [c for first in sides[0] for c in titles[first.article]] if sides else []
    for side in sides[1:]:
        flag = _flag(ctx, majority, [c for first in side for c in titles[first.article]])
        if flag is not None:
            yield flag


def _flag(ctx: StoryContext, majority: list[Claim], minority: list[Claim]) -> Flag | None:
    flagged = [c for c in _disagreeing(ctx, minority, majority) if not _judged_by_kb(ctx, c)]
    reference = _disagreeing(ctx, majority, minority)
    if not flagged or not reference:
        return None
    flagged_outlets = {ctx.outlet(c.article) for c in flagged}
    reference_outlets = {ctx.outlet(c.article) for c in reference} - flagged_outlets
    if not reference_outlets:
        return None  # an outlet against its own other article: its update, not another outlet's account
    tie = len(reference_outlets) <= len(flagged_outlets)
    unsure = tie or not any(_sure(a, b) for a in flagged for b in reference) or _changing(ctx, flagged + reference)
    person = max((c.value["person"] for c in [*reference, *flagged]), key=len)
    message = (
        f"{_call(flagged_outlets)} {person} {_titles(flagged)}; {_call(reference_outlets)} them {_titles(reference)}"
    )
    if tie:
        message += " (no majority: either may be wrong)"
    evidence = [claim_evidence(ctx, c, "flagged") for c in (flagged + reference if tie else flagged)]
    evidence += [claim_evidence(ctx, c, "reference") for c in reference if not tie]
    values = {"person": person, "flagged": _title_list(flagged), "reference": _title_list(reference)}
    return Flag(message, evidence, values, "info" if unsure else None)


def _changing(ctx: StoryContext, claims: list[Claim]) -> bool:
    """Whether the words around a title tell of the person taking or leaving an office ("was sworn in",
    "who resigned", "the nominee"): on such days outlets rightly differ on which title to use."""
    for claim in claims:
        sentence = ctx.sentence_of(claim)
        start, end = claim.start - sentence.start, claim.end - sentence.start
        if _CHANGE.search(sentence.text, max(0, start - CHANGE_BEFORE), end + CHANGE_AFTER):
            return True
    return False


def _sure(a: Claim, b: Claim) -> bool:
    """A contradiction no usage of the time explains: rival offices, or "former" against the office."""
    qualifiers = {status(a.value["qualifier"]), status(b.value["qualifier"])}
    if qualifiers == {"present"}:
        return _contradict(a, b)
    return _contradict(a, b) and (a.value["qualifier"] in _SURE_PAST or b.value["qualifier"] in _SURE_PAST)


def _call(outlets: set[str]) -> str:
    return f"{outlets_phrase(outlets)} {'calls' if len(outlets) == 1 else 'call'}"


def _title_list(claims: list[Claim]) -> list[str]:
    return sorted({_titled(c) for c in claims})


def _titles(claims: list[Claim]) -> str:
    return " / ".join(f'"{t}"' for t in _title_list(claims))
