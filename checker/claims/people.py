"""Role and administration claims: people with the offices news gives them.

Forms handled: "[then-|former|...] [Russian|Russia's|U.S.] Foreign Minister Sergey Lavrov",
"Lavrov, Russia's foreign minister", "Boris Johnson, the former British prime minister",
"the Biden administration has delivered", "Trump's administration said on Tuesday",
"the administration of U.S. president Joe Biden". Names resolve through the knowledge base and,
for surnames, through the people the article already named.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from checker.claims.hints import AnyOf, CaselessPattern, alternation
from checker.claims.roletime import SPEECH_VERBS, clause_head, title_time
from checker.claims.text import STOPWORDS, blank_link_cards
from checker.claims.titlewords import COURTESY_TITLES, names_an_institution, title_word, title_words
from checker.claims.titlewords import QUAL as _QUAL
from checker.claims.titlewords import qualifier as _qualifier
from checker.knowledge import KnowledgeBase
from checker.names import fold, name_key, surname_key

_PARTICLE = r"(?:bin|ibn|al|el|von|der|van|de|la|le|da|del|di|dos|du|af)"
# A capital inside a name after a short prefix: McConnell, MacKay, O'Malley, DeSantis, LaHood, ElBaradei.
_NAME_WORD = (
    r"(?:[A-Z]{2,3}\b(?!\.)|(?:[A-Z][a-z]{1,2}|O['’])[A-Z][a-zà-öø-ÿ'’]+|[A-Z]\.(?:\s?[A-Z]\.)*|"
    r"[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z]?[a-zà-öø-ÿ]+)*)"
)
NAME = rf"(?:{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,4}})"
_JURIS = r"(?P<juris>(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}?[A-Z][\w.’'-]*(?:’s|'s)?\s+)"
ADMIN_WORDS = r"(?:administration|presidency|government|White\s+House)(?!s)"
_ADMIN_HINT = AnyOf(("administration", "presidency", "government", "White"))  # as case-sensitive as ADMIN_WORDS
# The verb must attach to the administration itself: "the Biden administration has delivered",
# "the administration, which is", "Trump's administration said on Tuesday" - not a later clause's verb.
_ATTACHED = r"^\s*(?:,?\s*(?:which|that|who)\s+)?(?:(?:also|now|still|already|not|reportedly|officially)\s+)*"
# "is"/"are" before a noun phrase describe rather than act: "The Obama administration is an example of it".
ACTING_AFTER = re.compile(
    _ATTACHED + r"(?:has|have|(?:is|are)(?!\s+(?:a|an|the|case|example|proof|evidence|part|one|another)\b)|"
    r"plans|says|wants|continues|remains|keeps|needs|hasn't|haven't|isn't|aren't)\b",
    re.IGNORECASE,
)
FUTURE_AFTER = re.compile(
    _ATTACHED + r"(?:will|won't|’ll|'ll|(?:is|are)\s+(?:going|expected|set|due|about)\s+to|(?:is|are)\s+to)\b",
    re.IGNORECASE,
)
_ADMIN_FUTURE_BEFORE = re.compile(r"\b(?i:incoming|next|future|new|prospective|potential|would-be)\s+$")
_CONDITION = re.compile(r"\b(?i:if|unless|whether)\b")
_ADMIN_HYPOTHETICAL_BEFORE = re.compile(
    r"(?:\b(?i:a|an)\s+|\b(?i:prospect|thought|idea|possibility|fears?)\s+(?i:of|about)\s+(?:(?i:a|an)\s+)?)$"
)
RECENT_PAST = re.compile(
    _ATTACHED + r"(?:said|announced|confirmed|agreed|unveiled|delivered|told|signed|imposed|"
    r"proposed|rejected|approved|ordered)\b[^.;]{0,40}?\b(?:on\s+(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|yesterday|today|this\s+week|last\s+week|earlier\s+this)",
    re.IGNORECASE,
)
# Another office named after a title's words: "Deputy Secretary of State", "Vice Chancellor", "Under-Secretary-General".
_SUBORDINATE_BEFORE = re.compile(r"\b(?i:deputy|vice|assistant|under|associate|shadow|junior)[\s-]+$")
_RACE_BEFORE = re.compile(
    r"\b(?i:nominee|candidate|candidacy|run|running|ran|bid|race|campaign|vote|voting|voted)\s+for\s+$"
)
# "the first President Bush", "the elder President Bush": one of namesakes, maybe one the KB does not know.
_NAMESAKE_BEFORE = re.compile(r"\b(?i:first|second|elder|younger|senior|junior)\s+$")
# "former first lady and secretary of State Hillary Clinton": the "former" may cover the title too.
_FORMER_LIST = re.compile(r"\b(?i:former|ex-|onetime)\s+(?:[\w-]+\s+){1,4}(?:and|&)\s+$")
# "former Springfield, Ill., Mayor Jane Roe": a qualifier before place words the title pattern stops short of
_QUAL_BEFORE_PLACE = re.compile(_QUAL + r"(?P<place>(?:[A-Z][\w.’'-]*(?<![’']s),?\s+){1,5})$")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_ADJECTIVE_BEFORE = re.compile(r"(?:^|[,;:(\[—–“\"]\s*|\b(?i:the|a|an|his|her|their|its|of|for|with|by|and)\s+)$")
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})
_INSIDE_ADMINISTRATION = re.compile(r"\b(?:administration|government|presidency)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
PAST_BEFORE = re.compile(
    r"\b(?:under|during|since|of|from|by|before|after|throughout|to|in|predecessor|"
    r"previous|former|then|(?:years|time|days|tenure|stint|career)\s+(?:in|with|at))\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass
class PeopleContext:
    """People the article has named so far, so 'Lavrov' and 'he' can be resolved."""

    kb: KnowledgeBase
    by_surname: dict[str, list[str]] = field(default_factory=dict)  # surname key -> full names, latest last
    last_person: str = ""

    def note(self, name: str) -> None:
        if len(name.split()) >= 2:
            names = self.by_surname.setdefault(surname_key(name), [])
            if name in names:
                names.remove(name)
            names.append(name)
        self.last_person = self.full(name)

    def full(self, name: str) -> str:
        """The fullest form of a name the article has used (the latest, when several people share it)."""
        if len(name.split()) == 1:
            names = self.by_surname.get(surname_key(name))
            return names[-1] if names else name
        return name

    def named(self, surname: str) -> list[str]:
        """The people the article has named with this surname, one name each (the latest form)."""
        people: dict[str, str] = {}
        for name in self.by_surname.get(surname_key(surname), []):
            people[self.kb.person(name) or name_key(name)] = name
        return list(people.values())

    def resolve(self, name: str, office: str = "") -> tuple[str, str | None]:
        """(display name, KB person key or None)."""
        if len(name.split()) == 1 and fold(name) in STOPWORDS:
            return name, None  # "President In 2016": a capitalised word, not a name
        if len(name.split()) > 1:
            return name, self.kb.person(name)
        named = self.named(name)
        if not office:
            return (named[0], self.kb.person(named[0])) if len(named) == 1 else (self.full(name), None)
        return self._holder(name, named, office)

    def _holder(self, surname: str, named: list[str], office: str) -> tuple[str, str | None]:
        """'President Bush': the one person of that surname who held the office, among those the article
        named or, if it named none of them, in the KB. Unresolved when that is not a single person, or
        when the article also names a namesake the KB does not know (George H. W. and George W. Bush)."""
        known = {name: self.kb.person(name) for name in named}
        holders = {key for key in known.values() if key and self.kb.terms_of(key, office)}
        if not holders:
            holders = {key for key in self.kb.people_with_surname(surname) if self.kb.terms_of(key, office)}
        if len(holders) != 1:
            return (named[0] if len(named) == 1 else surname), None
        key = next(iter(holders))
        first = name_key(self.kb.display_name(key)).split()[0]
        if any(k is None and name_key(name).split()[0] == first for name, k in known.items()):
            return surname, None
        return next((name for name, k in known.items() if k == key), self.kb.display_name(key)), key


def _title_alternation(titles: list[str]) -> str:
    return alternation(t.lower() for t in titles).replace(r"\ ", r"\s+")


def _cased_titles(titles: tuple[str, ...]) -> str:
    """The titles as a regex: in any case ("Foreign Minister", "foreign minister"), but for those that are
    titles only when capitalised ("Justice Kagan", not "justice for all")."""
    capitalised: dict[str, list[str]] = {}
    any_case = []
    for title in titles:
        word = title_word(title)
        if word is not None and word.capitalised and title[0].isalpha():
            capitalised.setdefault(title[0].upper(), []).append(title[1:])
        else:
            any_case.append(title)
    cased = [f"{re.escape(first)}(?i:{_title_alternation(rests)})" for first, rests in sorted(capitalised.items())]
    return "|".join([f"(?i:{_title_alternation(any_case)})", *cased])


@lru_cache(maxsize=4)
def _patterns(titles: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    title = _title_alternation(list(titles))
    # Names must be capitalised.
    cased = _cased_titles(titles)
    before = re.compile(rf"{_QUAL}?{_JURIS}??(?P<title>\b(?:{cased}))\s+(?P<name>{NAME})")
    after = re.compile(
        rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+|who\s+is\s+(?:the\s+)?|now\s+)?{_QUAL}?"
        rf"(?P<juris>(?:[A-Z][\w.’'-]*(?:’s|'s)?\s+){{0,2}}?)(?P<title>(?i:{title}))\b"
        rf"(?:\s+of\s+(?P<juris2>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?))?"
    )
    admin = re.compile(
        rf"(?:(?i:the)\s+{ADMIN_WORDS}\s+of\s+(?:(?:the\s+)?[A-Z][\w.’'-]*\s+)?(?i:president|prime\s+minister|"
        rf"chancellor)\s+(?P<name2>{NAME})"
        rf"|(?P<name>{NAME})(?:’s|'s)?\s+{ADMIN_WORDS})"
    )
    return before, after, admin


@lru_cache(maxsize=4)
def _title_pattern_source(kb: KnowledgeBase) -> tuple[str, ...]:
    """The knowledge base's titles and the title words of general English ("Sen.", "Mayor")."""
    # "PM", "VP" and other abbreviations are too ambiguous before names.
    return tuple(sorted(title for title in {*kb.titles, *title_words()} if len(title) > 2))


@lru_cache(maxsize=4)
def _title_hint(kb: KnowledgeBase) -> CaselessPattern:
    """A cheap test for any whole title in any case: most sentences have none, and the role patterns,
    which try place words and qualifiers before every title, cost far more."""
    return CaselessPattern(r"\b(?:" + _title_alternation(list(_title_pattern_source(kb))) + ")")


def _places(kb: KnowledgeBase, words: str | None) -> list[str]:
    """The places the words before or after a title may name ("Russian", "the U.S.", "Washington")."""
    if not words:
        return []
    words = re.sub(r"^the\s+", "", words.strip())
    for candidate in [words, *words.split()[::-1]]:
        if places := kb.places_named(candidate):
            return places
    return []


def inside_quote(sentence: str, position: int) -> bool:
    """Whether `position` lies inside quotation marks: the speaker's words, not the outlet's."""
    before = sentence[:position]
    curly = before.count("“") - before.count("”")
    straight = before.count('"') % 2
    return curly > 0 or straight == 1


def clean_name(name: str) -> str:
    name = re.sub(r"(?:’s|'s|(?<=s)[’'])$", "", name.strip())  # "Obama's", "Guterres'"
    return name.rstrip(".")


def extract_roles(sentence: str, people: PeopleContext) -> list[tuple[int, int, dict[str, Any]]]:
    """Role claims in a sentence: (start, end, value) with offsets relative to the sentence."""
    kb = people.kb
    if not _title_hint(kb).search(sentence):
        return []
    sentence = blank_link_cards(sentence)
    before, after, _ = _patterns(_title_pattern_source(kb))
    found: list[tuple[int, int, dict[str, Any]]] = []
    for pattern in (before, after):
        for m in pattern.finditer(sentence):
            if any(s <= m.start("title") < e for s, e, _ in found):
                continue
            role = _role(sentence, m, people, apposition=pattern is after)
            if role is not None:
                found.append(role)
    found.sort(key=lambda item: item[0])
    for (_, end, previous), (start, _, value) in itertools.pairwise(found):
        if previous["qualifier"] in ("former", "then") and _LIST_JOIN.match(sentence[end:start]):
            value["historical"] = True  # "former Secretary A and Secretary B": "former" may cover both
    return found


def _role(
    sentence: str, m: re.Match[str], people: PeopleContext, apposition: bool
) -> tuple[int, int, dict[str, Any]] | None:
    """The role claim of one title match, or None when the match is no title of that person."""
    kb = people.kb
    options = kb.title_options(m.group("title"))
    kb_office = bool(options)
    if not options and (word := title_word(m.group("title"))) is not None:
        options = [(word.office, "")]  # an office the knowledge base does not know: compared across outlets only
    if not options or not _is_title(sentence, m, apposition):
        return None
    name, name_end = _name(m, apposition)
    if name is None or (names_an_institution(name) and (not kb_office or kb.person(name) is None)):
        return None  # "Governor Mansion", "Speaker Hall": no person's title
    qualifier, juris_words, qualifier_start = _qualifier_and_place(m)
    far = None if apposition or qualifier != "none" else _far_qualifier(sentence, m.start("title"), kb)
    places = _places(kb, juris_words) or _places(kb, m.groupdict().get("juris2"))
    word = title_word(m.group("title")) if len(options) > 1 else None
    office, juris, full, key = _office_of(options, name, places, people, word.office if word else "")
    if key and len(name.split()) == 1 and _NAMESAKE_BEFORE.search(sentence[: m.start("title")]):
        full, key = name, None  # "the first President Bush": which of the namesakes the KB may not know
    if key and not juris:
        held = {t.jurisdiction for t in kb.terms_of(key, office)}
        juris = held.pop() if len(held) == 1 else ""
    people.note(full)
    start = m.start() if apposition else min(_phrase_start(sentence, m, kb), qualifier_start)
    if far is not None:
        qualifier, start = _qualifier(far.group("qual")), min(start, far.start())
    shared_former = not apposition and qualifier == "none" and _FORMER_LIST.search(sentence[:start]) is not None
    # The title's time is told around the whole phrase: after the name, or after an apposition's title.
    told_until = m.end() if apposition else len(clean_name(sentence[m.start("name") : name_end])) + m.start("name")
    value = {
        "person": full,
        "person_key": key or name_key(full),
        "known": key is not None,
        "office": office,
        "kb_office": kb_office,
        "jurisdiction": juris,
        "qualifier": qualifier,
        "title": m.group("title"),
        "courtesy": not apposition and not places and fold(m.group("title")) in COURTESY_TITLES,
        "quoted": inside_quote(sentence, m.start()),
        **title_time(sentence, start, told_until, may_be_hypothetical=not apposition and qualifier == "none"),
    }
    value["historical"] = value["historical"] or shared_former
    return start, (m.end() if apposition else name_end), value


def _office_of(
    options: list[tuple[str, str]], name: str, places: list[str], people: PeopleContext, general: str
) -> tuple[str, str, str, str | None]:
    """(office, jurisdiction, name, KB key) of a title: the first office it may name that the person
    held ("Chancellor Rishi Sunak" is Britain's finance minister, "Chancellor Olaf Scholz" Germany's
    head of government), in a place the words may name ("Washington Gov.": the state) or else the one
    the title implies ("U.N. High Commissioner for Refugees" is of the UNHCR). When the person held
    none of them, the title's usual office in the words' usual place, or the `general` office of a
    title of several ("Majority Leader": of either chamber)."""
    chosen: tuple[str, str, str, str | None] | None = None
    for office, implied in options:
        full, key = people.resolve(name, office)
        for juris in dict.fromkeys(j for j in (*(places or [implied]), implied) if j) or [""]:
            if key and people.kb.terms_of(key, office, juris or None):
                return office, juris, full, key
        chosen = chosen or (general or office, places[0] if places else implied, full, key)
    assert chosen is not None
    return chosen


def _far_qualifier(sentence: str, title_start: int, kb: KnowledgeBase) -> re.Match[str] | None:
    """A qualifier before place words the title pattern stops short of ("former Springfield, Ill., Mayor
    Jane Roe"); not one of another title ("former Gov. Jane Roe, Ohio Sen. John Doe") nor a time ("Late
    Tuesday, Chicago Mayor Jane Roe")."""
    far = _QUAL_BEFORE_PLACE.search(sentence, 0, title_start)
    if far is None or (_qualifier(far.group("qual")) == "late" and not far.group("qual").lower().startswith("the")):
        return None
    words = re.findall(r"[^\s,]+", far.group("place"))
    if any(kb.title(w) or title_word(w) or fold(w) in _CALENDAR for w in words):
        return None
    return far


def _is_title(sentence: str, m: re.Match[str], apposition: bool) -> bool:
    """Whether the matched words are a title of the named person at all."""
    head = sentence[: m.start("title")]
    if _INSIDE_ADMINISTRATION.search(sentence[: m.start()]):
        return False  # "the administration of U.S. president Joe Biden": judged as an administration
    if _SUBORDINATE_BEFORE.search(head):
        return False  # "Deputy Secretary of State Jane Roe" holds another office
    if not apposition:
        # "the nominee for president Jane Roe": a race, not an office held
        return not (m.group("title").islower() and _RACE_BEFORE.search(head))
    after = sentence[m.end() :]
    # "Princess Ana, the monarch's daughter": the title belongs to someone else; "Roe, the prime
    # minister said": the title is the next clause's subject, not an apposition of the name.
    return not re.match(rf"^(?:’s|'s)\b|^\s+{SPEECH_VERBS}\b", after)


def _name(m: re.Match[str], apposition: bool) -> tuple[str | None, int]:
    """The person's name and where it ends: at its first possessive word ("former President Trump's
    Supreme Court nominee" names Trump). None when the words are no name."""
    text, end = m.group("name"), m.end("name")
    if not apposition:
        for word in re.finditer(r"\S+", text):
            if word.group().endswith(("’s", "'s", "s’", "s'")):
                text, end = text[: word.end()], m.start("name") + word.end()
                break
    elif text.endswith(("’s", "'s")):
        return None, end  # "Obama's, the former president": the apposition is not about the name
    name = clean_name(text)
    words = name.split()
    if fold(words[0]) in ("the", "a", "an", "he", "she", "it", "they") or all(fold(w) in _SUFFIXES for w in words):
        return None, end  # "King III" in "Robert Allen King III" is no king
    return name, end


def _qualifier_and_place(m: re.Match[str]) -> tuple[str, str | None, int]:
    """The qualifier, the place words of a match and where the qualifier starts (the title's start when
    there is none); a qualifier inside the place words counts too ("Photos: The Convention Former U.S.
    secretary of state": the place is U.S.)."""
    qualifier, juris = _qualifier(m.group("qual")), m.group("juris")
    if qualifier != "none" and _acted(m.string, m.start("qual"), qualifier):
        qualifier = "none"
    at = m.start("qual") if qualifier != "none" else m.start("title")
    if juris:
        words = list(re.finditer(r"\S+", juris))
        for i in range(len(words) - 1, -1, -1):
            if _qualifier(words[i].group()) != "none":
                if qualifier == "none":
                    qualifier, at = _qualifier(words[i].group()), m.start("juris") + words[i].start()
                juris = " ".join(w.group() for w in words[i + 1 :])
                break
    return qualifier, juris, at


def _acted(sentence: str, at: int, qualifier: str) -> bool:
    """Whether an "ousted", "fired" before a title is the verb of a clause ("Republicans ousted Rep. Roe"),
    whose object's title is of the time of the act, rather than the title's qualifier ("the ousted
    president", "Ousted President Roe said")."""
    return qualifier == "ousted" and not _ADJECTIVE_BEFORE.search(sentence, 0, at)


def _phrase_start(sentence: str, m: re.Match[str], kb: KnowledgeBase) -> int:
    """Where the title phrase begins: its qualifier and place words ("European Council", "U.S."), not
    a capitalised word the pattern took along ("Before Vice President Biden", "As President Trump")."""
    start = m.start("title")
    while True:
        words = list(re.finditer(r"\S+", sentence[max(0, start - 60) : start]))[-3:]
        for n in range(len(words), 0, -1):
            phrase = " ".join(w.group() for w in words[-n:])
            at = max(0, start - 60) + words[-n].start()
            if kb.place(phrase) or (
                n == 1 and _qualifier(phrase) != "none" and not _acted(sentence, at, _qualifier(phrase))
            ):
                start = at
                break
        else:
            return start


def extract_administrations(sentence: str, people: PeopleContext) -> list[tuple[int, int, dict[str, Any]]]:
    """'the Biden administration has delivered' -> leader Biden, acting at the reference time."""
    if not _ADMIN_HINT.search(sentence):
        return []
    sentence = blank_link_cards(sentence)
    _, _, admin = _patterns(_title_pattern_source(people.kb))
    found = []
    for m in admin.finditer(sentence):
        name = clean_name(m.group("name") or m.group("name2") or "")
        if not name or fold(name) in ("the", "white house"):
            continue
        full, key = _resolve_leader(name, people)
        if key is None:
            continue  # "the Kremlin administration", an unknown leader: nothing to check against
        tense = administration_tense(sentence, m.start(), m.end())
        found.append(
            (
                m.start(),
                m.end(),
                {
                    "leader": full,
                    "leader_key": key,
                    "acting": tense in ("acting", "future"),
                    "tense": tense,
                },
            )
        )
    return found


def _resolve_leader(name: str, people: PeopleContext) -> tuple[str, str | None]:
    """'U.S. President Donald Trump' -> Donald Trump: drop leading words until a leader resolves."""
    words = name.split()
    for i in range(len(words)):
        candidate = " ".join(words[i:])
        for office in ("president", "prime minister", "chancellor", "premier"):
            _, key = people.resolve(candidate, office)
            if key is not None:
                return people.kb.display_name(key), key
    return name, None


def administration_tense(sentence: str, start: int, end: int) -> str:
    """When the sentence has the administration act: 'acting' (at the reference time), 'future' ("...
    will"), 'incoming' ("the incoming Trump administration"), 'hypothetical' ("a Biden administration",
    "if the Obama White House wants to last") or 'past'."""
    head, tail = sentence[:start], sentence[end:]
    if PAST_BEFORE.search(head) or re.match(r"^(?:-era\b|s\b)", tail):
        return "past"  # "during the Obama administration", "Obama-era", "the Bush administrations"
    if _ADMIN_HYPOTHETICAL_BEFORE.search(head) or re.search(
        r"\b(?i:if|unless|whether)\b", clause_head(sentence, start)
    ):
        return "hypothetical"
    if re.match(r"^\s*(?:had|was|were)\b", tail, re.IGNORECASE):
        return "past"
    if _ADMIN_FUTURE_BEFORE.search(head):
        return "incoming"  # "the incoming Obama administration has named": not yet in office
    if FUTURE_AFTER.match(tail):
        return "future"
    if ACTING_AFTER.match(tail) or RECENT_PAST.match(tail):
        return "acting"
    return "past"
