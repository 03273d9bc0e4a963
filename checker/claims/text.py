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
