"""What a quantity measures: the head words it attaches to and the words around it
(`measure_words`), the proper names of its clause (`names_near`) or, when it names none, of the
sentence before it (`subject_names`), and for a share, the whole it is part of and who holds it
(`share_words`). Paraphrases of one figure share these words, so that rules can pair "18% of
Ukrainian territory" with "20% of its territory now under Russian control" and keep "eight dead"
apart from "seventy injured".

More slots say which value of a thing a figure is: its `role` ("from 62.7 percent" is the old
value, "by 25 basis points" a change, "to 62.9 percent" a level), whether it is tied to an earlier
time (`other_time`: "six years ago", "the previous record"), whether it is a rate (`per_unit`:
"232,000 jobs a month", "three in each district") and, for money, what it is for (`purpose`: "$38
million for the spending plan" is not the $37 million for the damage assessment).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from checker.claims.quantity_words import DIRECTIONS, HEDGES, LEVEL_VERBS, MONTHS, OTHER_TIME, PER_UNIT, POSSESSION
from checker.claims.text import STOPWORDS, WORD, stem
from checker.names import fold

_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|while|but|whereas|compared\s+with|against|versus|vs)\b")
PERCENT_OF = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?", re.IGNORECASE)

_NOT_HEAD = frozenset([*MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def clause(sentence: str, start: int, end: int, lo: int, hi: int) -> tuple[str, str]:
    """The text before and after a quantity, cut at the clause breaks around it."""
    left = sentence[lo:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end() :]
    return left, _to_break(sentence[end:hi])


def _to_break(text: str) -> str:
    """`text` up to its first clause break."""
    return _CLAUSE_BREAK.split(text, maxsplit=1)[0]


def _context_word(word: str) -> str:
    return DIRECTIONS.get(fold(word), "") or stem(word)


class _Word(NamedTuple):
    """What the measure of a quantity needs to know of a word."""

    stop: bool
    not_head: bool  # a month or weekday: it ends a head, but is no head itself
    stem: str
    context: str
    subject: bool  # may name what a figure before which it stands measures (no verb, adverb, number)


@lru_cache(maxsize=65536)
def _word(word: str) -> _Word:
    # Sentences repeat their words: fold and stem each distinct word once.
    low = fold(word)
    stop, not_head, context = low in STOPWORDS, low in _NOT_HEAD, _context_word(word)
    verb_like = low in LEVEL_VERBS or low.endswith("ly") or context in ("up", "down") or low in DIRECTIONS
    return _Word(stop, not_head, stem(word), context, not (stop or not_head or verb_like or low[:1].isdigit()))


def measure_words(
    sentence: str, start: int, end: int, window: int = 6, lo: int = 0, hi: int | None = None
) -> tuple[str, list[str]]:
    """The head words a quantity attaches to, and the content stems around it (nearest first).

    Only words of the quantity's own clause, between its neighbouring quantities, count: in "eight
    dead and seventy injured" the eight measures the dead and the seventy the injured. Direction
    verbs fold together ("fell", "plunged", "lost" -> "down") so paraphrases share their words.
    """
    left, right = clause(sentence, start, end, lo, len(sentence) if hi is None else hi)
    after = [_word(w) for w in WORD.findall(right)[:window]]
    before = [_word(w) for w in WORD.findall(left)[-window:]]
    head: list[str] = []
    for word in after:
        if (word.stop or word.not_head) and head:
            break
        if not word.stop and not word.not_head:
            head.append(word.stem)
        if len(head) == 2:
            break
    around = [w.context for w in reversed(before) if not w.stop]
    if not head:
        # no noun after it: the figure measures the nearest noun before it ("injuries to more than
        # seventy", "cut interest rates by 25 basis points"), past the verbs and adverbs that say
        # what happened to it ("the unemployment rate stood at 5.9%", "slightly increased to 8.9%")
        head = [w.stem for w in reversed(before) if w.subject][:1]
    around += [w.context for w in after if not w.stop and not w.not_head]
    return " ".join(head), around


_PROPER = re.compile(r"\b[A-Z][\w&'’-]*[\w]")
# Generic institution words say what kind of body (or index), not which one: they do not tell two
# subjects apart.
_GENERIC = (
    "department ministry office agency bureau committee council commission court party state states "
    "united national federal government administration university fund bank group association "
    "institute capital city province region county district house senate parliament "
    "board authority service company corporation operator index composite average exchange market"
).split()
_NOT_NAMES = frozenset(["percent", "per", "the", "a", "an", "and", "but", "in", "on", "at", *_NOT_HEAD, *_GENERIC])


def names_near(sentence: str, start: int, end: int, lo: int, hi: int, window: int = 60) -> list[str]:
    """Stems of the proper names in a quantity's own clause: whose votes, whose money, which place."""
    left, right = clause(sentence, start, end, max(lo, start - window), min(hi, end + window))
    names: set[str] = set()
    for part, offset in ((left, start - len(left)), (right, end)):
        names.update(_names(sentence, part, offset))
    return sorted(names)


def subject_names(sentence: str, start: int) -> list[str]:
    """Stems of the proper names in the sentence before a quantity: whose figure it is when its own
    clause names nobody ("Kasich stands at 47% favorable and 29% unfavorable": the 29% is Kasich's)."""
    return sorted(set(_names(sentence, sentence[:start], 0)))


def _names(sentence: str, part: str, offset: int) -> Iterator[str]:
    """The name stems in `part`, which starts at `offset` in `sentence`."""
    for m in _PROPER.finditer(part):
        position = offset + m.start()
        if position == 0 or sentence[:position].rstrip().endswith((".", "!", "?")):
            continue  # a sentence's first word is capitalised anyway
        if fold(m.group()) not in _NOT_NAMES:
            yield stem(m.group())


_FROM = re.compile(
    r"\b(?:from|compared\s+(?:with|to))\s+(?:(?:the|a|an|its|their)\s+)?(?:current\s+|previous\s+)?$", re.I
)
_BY = re.compile(r"\bby\s+(?:(?:a|an|the)\s+)?$", re.I)
_TO = re.compile(r"\b(?:to|at)\s+(?:(?:a|an|the)\s+)?(?:new\s+|record\s+)?$", re.I)


def role(sentence: str, start: int) -> str:
    """Which value of a changing thing a figure is, from the words just before it: "from" (the old
    value: "up from 62.7 percent"), "by" (the change: "cut by 25 basis points"), "to" (the level:
    "rose to 62.9 percent", "stood at 77.7%"), or "" when the sentence does not say."""
    before = sentence[max(0, start - 40) : start]
    for name, pattern in (("from", _FROM), ("by", _BY), ("to", _TO)):
        if pattern.search(before):
            return name
    return ""


_OTHER_TIME = re.compile(OTHER_TIME, re.I)
_OPENING = re.compile(r"^[^,;:]{1,60},")


def other_time(sentence: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the figure is tied to an earlier time than its article reports on: by words of its own
    clause ("the previous record of 5,809", "4.5% six years ago") or the sentence's opening phrase
    ("A week ago, 51% of voters approved")."""
    left, right = clause(sentence, start, end, lo, hi)
    if _OTHER_TIME.search(left) or _OTHER_TIME.search(right):
        return True
    opening = _OPENING.match(sentence)
    return opening is not None and opening.end() <= start and _OTHER_TIME.search(opening.group()) is not None


_HEDGE_WORDS = frozenset(w for hedge in HEDGES for w in hedge.split())
_OF_WHICH = re.compile(r"^\s*of\s+(?:which|whom)\b", re.IGNORECASE)
_OF_WHOLE = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?P<whole>[^,.;:()]{1,60})", re.IGNORECASE)


def share_words(sentence: str, start: int, end: int) -> list[str]:
    """A share's measure: which whole it is a part of, and who holds it.

    "Russia possesses 18% of Ukrainian territory" -> {control, russia, territory, ukraine};
    "Ukraine, around 20% of which is controlled by Russian forces" -> {control, force, russia, ukraine}:
    the whole is the phrase after "of" (or what "of which" refers to), the holder the words around a
    possession verb ("possesses", "controlled", "under ... control"), which fold together.
    """
    words: set[str] = set()
    after = sentence[end:]
    if _OF_WHICH.match(after):
        before = [m.group() for m in WORD.finditer(sentence[:start])]
        words.update(stem(w) for w in before[-2:] if fold(w) not in STOPWORDS)
    elif (whole := _OF_WHOLE.match(after)) is not None:
        phrase = _to_break(whole.group("whole"))  # not "of the vote while Palin took"
        content = [m.group() for m in WORD.finditer(phrase) if fold(m.group()) not in STOPWORDS]
        words.update(stem(w) for w in content[:2])
    tokens = [(m.start(), m.group()) for m in WORD.finditer(sentence)]
    verbs = [i for i, (_, token) in enumerate(tokens) if fold(token) in POSSESSION]
    if verbs:  # the possession verb nearest the number says who holds this share
        i = min(verbs, key=lambda k: abs(tokens[k][0] - start))
        words.add("control")
        near = [t for _, t in tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 4]]
        words.update(
            stem(w)
            for w in near
            if fold(w) not in STOPWORDS and fold(w) not in POSSESSION and fold(w) not in _HEDGE_WORDS
        )
    return sorted(words)


_PER_UNIT = re.compile(PER_UNIT, re.I)


def per_unit(sentence: str, end: int, hi: int) -> bool:
    """Whether the words after a figure, in its clause, make it a rate: "jobs a month", "in each"."""
    return _PER_UNIT.search(_to_break(sentence[end:hi])) is not None


_FOR = re.compile(r"^\W*(?:[\w'’-]+\s+){0,3}?for\s+(?P<what>.*)$", re.IGNORECASE | re.DOTALL)


def purpose(sentence: str, end: int, hi: int) -> list[str]:
    """What a sum is for: the first two content words after "for" in its clause, close after it
    ("$1.3 billion for border fencing", "$2.8 billion in funding for fencing"), or none."""
    found = _FOR.match(_to_break(sentence[end:hi]))
    if found is None:
        return []
    words = [m.group() for m in WORD.finditer(found.group("what")) if fold(m.group()) not in STOPWORDS]
    return sorted({stem(w) for w in words[:2]})
