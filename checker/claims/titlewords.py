"""Title words of general English: the offices, ranks and posts news writes before a name.

The knowledge base knows a few offices and who held them when (`checker/data/titles.csv`); news
gives people many more titles: "Sen.", "Rep.", "Gov.", "Mayor", "Judge", "Speaker", "Attorney
General", "Lt. Gen.", "Chairman". `checker/data/title_words.csv` lists them, one written form a
row, with what the rules need to compare two titles of one person:

- `office`: the office the words name, one name for its spellings and abbreviations ("Sen." and
  "Senator" are "senator"; "Congressman" and "Rep." are "representative");
- `group`: offices nobody holds two of at once ("office": senator, representative, governor,
  mayor, cabinet posts; "leader": the legislative leaders; "court"; "rank"). Offices of different
  groups, or of none, are held together ("Speaker" and "Rep.", "Gen." and "Chairman"), so only two
  different offices of one group contradict each other;
- `head`: the general title a more specific one is a case of ("secretary" for "Secretary of
  State", "general" for "Lt. Gen."), which a title may be shortened to;
- `case`: "cap" when the words are a title only capitalised ("Justice Kagan", not "justice for
  ..."; "Sen.", "Director"), "any" when news also writes them in lower case ("senator John Roe").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checker.names import fold

TITLE_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "title_words.csv"

# The qualifiers news puts before a title, and what each says of it.
QUALIFIERS = {
    "then": "then",
    "former": "former",
    "ex": "former",
    "outgoing": "outgoing",
    "incoming": "incoming",
    "acting": "acting",
    "interim": "acting",
    "late": "late",
    "current": "current",
    "sitting": "current",
    "future": "incoming",
    "the late": "late",
    "onetime": "former",
    "one-time": "former",
    "erstwhile": "former",
    # Out of office by now, though perhaps only just (the KB may still count the last days as in office):
    # a past title is right, but "former" is not claimed.
    "ousted": "ousted",
    "deposed": "ousted",
    "toppled": "ousted",
    "fired": "ousted",
    "sacked": "ousted",
    # Not yet in office: "would-be Prime Minister", "potential President".
    "would-be": "incoming",
    "potential": "incoming",
    "prospective": "incoming",
}
# A qualifier before a title's place and title words ("former", "then-", "ex-", "the late"); they stack,
# the first saying when: "then-acting Attorney General", "former interim President".
_ONE_QUAL = (
    r"\b(?i:then[- ]|former\s+|ex-|outgoing\s+|incoming\s+|acting\s+|interim\s+|the\s+late\s+|late\s+|"
    r"current\s+|sitting\s+|future[- ]\s*|onetime\s+|one-time\s+|erstwhile\s+|ousted\s+|deposed\s+|toppled\s+|"
    r"fired\s+|sacked\s+|would-be\s+|potential\s+|prospective\s+)"
)
QUAL = rf"(?P<qual>(?:{_ONE_QUAL})+)"
_EACH_QUAL = re.compile(_ONE_QUAL)


def qualifier(text: str | None) -> str:
    """'former ' -> 'former'; 'ex-' -> 'former'; 'none' for words that are no qualifier. Of stacked
    ones, one that puts the person out of the office wins ('then-incoming' -> 'incoming', 'former
    acting' -> 'former'), else the first ('then-acting' -> 'then')."""
    if not text:
        return "none"
    found = [_one_qualifier(m.group()) for m in _EACH_QUAL.finditer(text)] or [_one_qualifier(text)]
    out = [q for q in found if q in PAST_QUALIFIERS or q in FUTURE_QUALIFIERS]
    return (out or found)[0]


def _one_qualifier(text: str) -> str:
    word = fold(text).strip(" -")
    if not word:
        return "none"
    return QUALIFIERS.get(word, QUALIFIERS.get(word.split()[-1], "none"))


# Titles American usage keeps for life as a form of address ("Governor Romney" years after he left
# office, "Speaker Gingrich"): written bare before a name, without the place or chamber that makes them
# a statement of the office held ("Massachusetts Gov.", "House Speaker"), they say nothing of today.
COURTESY_TITLES = frozenset({"governor", "gov.", "speaker"})

# The time a qualifier puts the title in: out of it by now, in it, or not yet in it.
PAST_QUALIFIERS = frozenset({"former", "late", "ousted"})
FUTURE_QUALIFIERS = frozenset({"incoming"})


@dataclass(frozen=True)
class TitleWord:
    office: str
    group: str  # "" when the office may be held together with any other
    head: str  # "" when there is no more general title
    capitalised: bool  # a title only when written with a capital


@lru_cache(maxsize=1)
def title_words() -> dict[str, TitleWord]:
    """Written form (folded, single spaces) -> what it names."""
    words = {}
    with TITLE_WORDS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words[_key(row["title"])] = TitleWord(row["office"], row["group"], row["head"], row["case"] == "cap")
    return words


@lru_cache(maxsize=1)
def _by_office() -> dict[str, TitleWord]:
    offices: dict[str, TitleWord] = {}
    for word in title_words().values():
        offices.setdefault(word.office, word)
    return offices


def _key(words: str) -> str:
    return " ".join(fold(words).split())


def title_word(words: str) -> TitleWord | None:
    """'Sen.' -> senator; None for words that are no title of the list."""
    return title_words().get(_key(words))


def describe(title: str, office: str) -> TitleWord:
    """What a title as written names, for an office the knowledge base or the list gave it."""
    found = title_word(title)
    if found is not None and found.office == office:
        return found
    return _by_office().get(office, TitleWord(office, "", "", False))


# Nouns that end the name of an institution, not of a person: "Justice Department", "Mayor Hall".
_INSTITUTION_WORDS = frozenset(
    """administration agency association authority board bureau caucus center centre commission committee
    council court department division foundation fund hall house institute ministry office panel party
    program programme school service university""".split()
)


def names_an_institution(name: str) -> bool:
    """Whether the words after a title name an institution the title is part of, not a person."""
    return fold(name.split()[-1]) in _INSTITUTION_WORDS


def same_office(a: TitleWord, b: TitleWord) -> bool:
    """The same office, or one title a shortening of the other ("Secretary" of "Secretary of State")."""
    return a.office == b.office or a.head == b.office or b.head == a.office


def rival_offices(a: TitleWord, b: TitleWord) -> bool:
    """Two offices one person cannot hold at once: different offices of one group."""
    return bool(a.group) and a.group == b.group and not same_office(a, b)


def status(qualifier: str) -> str:
    """Whether a qualified title says the person is out of the office ('past'), in it ('present') or
    not yet in it ('future'). "then-" and "acting" say the person holds it (then, or now)."""
    if qualifier in PAST_QUALIFIERS:
        return "past"
    if qualifier in FUTURE_QUALIFIERS:
        return "future"
    return "present"
