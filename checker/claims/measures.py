"""What a quantity measures: the head words it attaches to and the words around it
(`measure_words`), the proper names of its clause (`names_near`), and for a share, the whole it
is part of and who holds it (`share_words`). Paraphrases of one figure share these words, so
that rules can pair "18% of Ukrainian territory" with "20% of its territory now under Russian
control" and keep "eight dead" apart from "seventy injured".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from checker.claims.quantity_words import DIRECTIONS, HEDGES, MONTHS, POSSESSION
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


@lru_cache(maxsize=65536)
def _word(word: str) -> _Word:
    # Sentences repeat their words: fold and stem each distinct word once.
    low = fold(word)
    return _Word(low in STOPWORDS, low in _NOT_HEAD, stem(word), _context_word(word))


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
        head = [w for w in around if w not in ("up", "down")][:1]  # "injuries to more than seventy"
    around += [w.context for w in after if not w.stop and not w.not_head]
    return " ".join(head), around


_PROPER = re.compile(r"\b[A-Z][\w&'’-]*[\w]")
# Generic institution words say what kind of body, not which one: they do not tell two subjects apart.
_GENERIC = (
    "department ministry office agency bureau committee council commission court party state states "
    "united national federal government administration university fund bank group association "
    "institute capital city province region county district house senate parliament"
).split()
_NOT_NAMES = frozenset(["percent", "per", "the", "a", "an", "and", "but", "in", "on", "at", *_NOT_HEAD, *_GENERIC])


def names_near(sentence: str, start: int, end: int, lo: int, hi: int, window: int = 60) -> list[str]:
    """Stems of the proper names in a quantity's own clause: whose votes, whose money, which place."""
    left, right = clause(sentence, start, end, max(lo, start - window), min(hi, end + window))
    names = set()
    for part, offset in ((left, start - len(left)), (right, end)):
        for m in _PROPER.finditer(part):
            position = offset + m.start()
            if position == 0 or sentence[:position].rstrip().endswith((".", "!", "?")):
                continue  # a sentence's first word is capitalised anyway
            if fold(m.group()) not in _NOT_NAMES:
                names.add(stem(m.group()))
    return sorted(names)


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
