"""Small text helpers shared by the claim extractors: word tokens, stems and stop words."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from checker.names import fold

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*[\w]|[A-Za-zÀ-ÖØ-öø-ÿ]")

STOPWORDS = frozenset(
    (
        "a an the and or but of to in on at by for from with without into onto over under about as "
        "than that this these those which who whom whose what when where why how it its it's is are "
        "was were be been being has have had do does did will would shall should can could may might "
        "must not no nor so such he she they them their his her him we us our you your i me my mine "
        "there here then also just only very more most less least some any each every all both either "
        "neither other another same own per said says say told tell according while after before "
        "since until during between among against up down out off again further once now new one two "
        "three four five six seven eight nine ten mr mrs ms dr year years month months week weeks day "
        "days time times"
    ).split()
)


@lru_cache(maxsize=1)
def _places() -> Callable[[str], str | None]:
    from checker.knowledge import default_kb

    return default_kb().place


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A light English stem: enough to pair 'controlled'/'control', 'deaths'/'death'.

    Place adjectives fold onto the place ('Ukrainian' -> 'ukraine') so that "Ukrainian
    territory" and "Ukraine's territory" share their words.
    """
    if word[:1].isupper():
        place = _places()(word)
        if place:
            return fold(place).replace(" ", "_")
    w = fold(word).strip("'’.-")
    if len(w) <= 3:
        return w
    for suffix in (
        "ational",
        "ization",
        "ations",
        "ation",
        "ments",
        "ment",
        "ness",
        "ities",
        "ity",
        "ingly",
        "edly",
        "ings",
        "ing",
        "ies",
        "ied",
        "ed",
        "es",
        "ly",
        "s",
        "al",
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("y") and len(w) > 4:
        w = w[:-1] + "i"  # territory / territorial
    if w.endswith(("ll", "ss")):
        w = w[:-1]
    return w


@lru_cache(maxsize=131072)
def content_stem(word: str) -> str | None:
    """The stem of a content word, None for a stop word: one cached look-up per word of a text."""
    return None if fold(word) in STOPWORDS else stem(word)


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return [found for word in WORD.findall(text) if (found := content_stem(word)) is not None]


# A scraped page may carry a site's link card inside a sentence: a person's name, their full name
# again, the headlines of stories about them run together, then "MORE (" and their party and state
# ("... said Speaker Jane Roe Jane Ann RoeSenate passes bill | Roe hits back MORE (R-Ohio) on
# Monday"). The headlines are no part of the sentence.
_CARD_END = re.compile(r"\bMORE(?:['’]s)?(?=\s*\()")  # "MORE (R-Ohio)", "MORE’s (R-Ohio) district"
# A name word said again within a few words, perhaps glued to the next headline: "Roe Jane Ann RoeSenate".
_DOUBLED = re.compile(r"(?=(?P<all>\b(?P<word>[A-Z][\w'’-]{2,})\s+(?:\(?[A-Z][\w.'’-]*\)?\s+){0,3}(?P=word)))")
CARD_REACH = 700  # characters a card's headlines run to at most


def blank_link_cards(sentence: str) -> str:
    """The sentence with link cards blanked out (spaces of the same length: offsets stay right). A
    card runs from the name said the second time, the latest such repetition before "MORE (", to MORE."""
    if "MORE" not in sentence:
        return sentence
    for end in _CARD_END.finditer(sentence):
        doubled = list(_DOUBLED.finditer(sentence, max(0, end.start() - CARD_REACH), end.start()))
        if doubled:
            cut = max(doubled, key=lambda m: m.end("all")).end("word")
            sentence = sentence[:cut] + " " * (end.end() - cut) + sentence[end.end() :]
    return sentence
