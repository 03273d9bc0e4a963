"""Quantity claims: numbers with their unit, scale, hedge and the thing they measure.

"Russia possesses approximately 18% of Ukrainian territory" yields value 18, unit "percent",
hedge "approximately", and a measure of the words around it ("russia possess ukraine territory"),
so that another outlet's "20% of its territory now under Russian control" can be paired with it
and "at least eight individuals" dead is not paired with "more than seventy" injured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

from checker.claims.hints import AnyOf, CaselessPattern
from checker.claims.text import STOPWORDS, WORD, stem
from checker.names import fold

UNITS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage point": "point",
    "percentage points": "point",
    "points": "point",
    "point": "point",
    "basis point": "basis point",
    "basis points": "basis point",
    "bps": "basis point",
    "bp": "basis point",
}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "rubles": "RUB",
    "roubles": "RUB",
}
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
SMALL = {
    w: i
    for i, w in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen"
        ).split()
    )
}
TENS = {
    w: 10 * i for i, w in enumerate(("_ _ twenty thirty forty fifty sixty seventy eighty ninety").split()) if w != "_"
}
ORDINALS = {
    w: i
    for i, w in enumerate(
        ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
    )
}
ORDINALS.pop("second")  # "a second", "seconds": too often not an ordinal
ORDINALS.pop("zeroth")
FRACTIONS = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25}
HEDGES = [
    "approximately",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "close to",
    "an estimated",
    "estimated",
    "just over",
    "just under",
    "under",
    "upwards of",
    "in excess of",
    "below",
    "above",
    "only",
    "exactly",
    "precisely",
]
# Relative width of the interval a hedge admits around the stated value.
HEDGE_SPAN = {
    "": (0.0, 0.0),
    "exactly": (0.0, 0.0),
    "precisely": (0.0, 0.0),
    "only": (0.0, 0.0),
    "approximately": (-0.05, 0.05),
    "about": (-0.05, 0.05),
    "around": (-0.05, 0.05),
    "roughly": (-0.05, 0.05),
    "some": (-0.05, 0.05),
    "an estimated": (-0.05, 0.05),
    "estimated": (-0.05, 0.05),
    "close to": (-0.05, 0.0),
    "nearly": (-0.1, 0.0),
    "almost": (-0.1, 0.0),
    "just under": (-0.05, 0.0),
    "just over": (0.0, 0.05),
    "more than": (0.0, 1.0),
    "over": (0.0, 1.0),
    "at least": (0.0, 1.0),
    "upwards of": (0.0, 1.0),
    "in excess of": (0.0, 1.0),
    "above": (0.0, 1.0),
    "less than": (-1.0, 0.0),
    "fewer than": (-1.0, 0.0),
    "under": (-1.0, 0.0),
    "below": (-1.0, 0.0),
    "at most": (-1.0, 0.0),
    "up to": (-1.0, 0.0),
    "as many as": (-0.1, 0.0),
    "as much as": (-0.1, 0.0),
}

_NUMWORD = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_HEDGE = "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True))
# The look-ahead restates where a match can start (a digit, a currency sign, "US$", or the start of a
# word: hedges, number words and currency codes all begin at a word boundary), so that `re` drops the
# other positions of a sentence at once instead of trying every alternative there.
_QUANTITY = CaselessPattern(
    rf"""(?=[\d$€£¥₹]|\b[^\W\d_]|us\$)
    (?:(?P<hedge>\b(?:{_HEDGE}))\s+(?:the\s+)?)?
    (?P<cur>us\$|\$|€|£|¥|₹|\b(?:usd|eur|gbp)\s?)?
    (?:
        (?P<num>(?<![\w.,/:–-])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|(?<![\w.,/:–-])\d+(?:\.\d+)?(?![\d/]))
        (?:[-\s](?P<frac>[1-9])/(?P<den>[2-9]))?
        (?(frac)|(?![-–]\d))  # "2-1", "2023-24", "4–5" are scores and ranges; "4-1/2" is four and a half
      | (?P<word>\b(?:{_NUMWORD})(?:-(?:{"|".join(SMALL)}))?\b)
      | (?P<halfa>\b(?:half|a\s+quarter)\s+a)(?=\s+(?:percentage\s+)?point)
    )
    (?P<ord>st|nd|rd|th)?
    (?:[\s-]?(?P<scale>thousand|million|billion|trillion|mln|bn|mn|tn|[mkb])\b)?
    (?:\s?(?P<unit>%|per\s?cent\b|pct\b|percentage\s+points?\b|basis\s+points?\b|bps\b|points?\b)
      |[\s-](?P<dur>years?|months?|weeks?|days?|hours?|minutes?)\b(?!-old))?
    """,
    re.VERBOSE,
)
QUANTITY = _QUANTITY.pattern
_ORDINAL_WORD = CaselessPattern(rf"\b(?:the\s+)?(?P<word>{'|'.join(ORDINALS)})\b(?:[\s-](?P<head>[a-z]+))?")
ORDINAL_WORD = _ORDINAL_WORD.pattern
_ORDINAL_HINT = AnyOf(ORDINALS, caseless=True)
MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s*$", re.IGNORECASE)
# "19 Sept." is a date, but in "the 19 Sept. 11 hijackers" the month has its own day number.
_MONTH_AFTER = re.compile(rf"^\s*(?:{'|'.join(MONTHS)})\b(?!\.?\s+\d{{1,2}}\b)", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|o'clock))", re.IGNORECASE)
_IDENT_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Article|Section|Resolution|Flight|Route|Highway|Chapter|"
    r"Rule|Title|Act|Room|Gate|Lot|Case|Apollo|Windows|iPhone|COVID|Covid)\.?\s*|[A-Za-z]-?)$"
)
_NAMED_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][a-z]+|[A-Z]&[A-Z]|[A-Z]{2,})\s$")
_CURRENCY_AFTER = re.compile(r"^\s?(?P<cur>dollars?|euros?|pounds|yen|yuan|rupees|r[ou]+bles)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PARTITIVE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
_PERCENT_OF = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: dict[str, Any]


def _number(m: re.Match[str]) -> float | None:
    if m.group("halfa"):
        return 0.5 if fold(m.group("halfa")).startswith("half") else 0.25
    if m.group("num"):
        value = float(m.group("num").replace(",", ""))
        if m.group("frac"):
            value += int(m.group("frac")) / int(m.group("den"))
        return value
    word = fold(m.group("word") or "")
    if "-" in word:
        tens, unit = word.split("-", 1)
        return float(TENS.get(tens, 0) + SMALL.get(unit, 0))
    if word in SMALL:
        return float(SMALL[word])
    if word in TENS:
        return float(TENS[word])
    return None


def _is_date_or_identifier(sentence: str, m: re.Match[str]) -> bool:
    before, after = sentence[: m.start("num")], sentence[m.end("num") :]
    # Both look-behind patterns end the text after a word of at most ten letters, a dot and spaces
    # (\s is str.isspace): starting the search there finds the same matches without scanning the rest.
    word_end = len(before.rstrip())
    month_before = _MONTH_BEFORE.search(before, max(0, word_end - 10)) is not None
    if month_before or _MONTH_AFTER.match(after) or _TIME_AFTER.match(after):
        return True
    if _IDENT_BEFORE.search(before, max(0, word_end - 11)):
        return True
    bare = not (m.group("unit") or m.group("cur") or m.group("scale") or m.group("hedge") or m.group("dur"))
    if bare and _NAMED_BEFORE.search(before) and not month_before:
        return True  # "Nikkei 225", "S&P 500", "Boeing 737": part of a name
    raw = m.group("num")
    plain_year = "," not in raw and "." not in raw and len(raw) == 4 and 1800 <= int(raw) <= 2100
    return plain_year and not (m.group("unit") or m.group("cur") or m.group("scale"))


DIRECTIONS = {
    w: "down"
    for w in (
        "fell",
        "fall",
        "falls",
        "falling",
        "drop",
        "dropped",
        "drops",
        "plunged",
        "plunge",
        "slid",
        "slide",
        "lost",
        "lose",
        "declined",
        "decline",
        "tumbled",
        "sank",
        "sink",
        "slumped",
        "shed",
        "cut",
        "cuts",
        "lowered",
        "reduced",
    )
}
DIRECTIONS.update(
    {
        w: "up"
        for w in (
            "rose",
            "rise",
            "rises",
            "rising",
            "gained",
            "gain",
            "jumped",
            "climbed",
            "surged",
            "soared",
            "increased",
            "raised",
            "raise",
            "hiked",
            "grew",
            "added",
        )
    }
)
_NOT_HEAD = frozenset([*MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _clause(sentence: str, start: int, end: int, lo: int, hi: int) -> tuple[str, str]:
    """The text before and after a quantity, cut at the clause breaks around it."""
    left = sentence[lo:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end() :]
    right = sentence[end:hi]
    first = _CLAUSE_BREAK.search(right)
    if first and not _PERCENT_OF.match(right):
        right = right[: first.start()]
    return left, right


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
    left, right = _clause(sentence, start, end, lo, len(sentence) if hi is None else hi)
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


_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|while|but|whereas|compared\s+with|against|versus|vs)\b")


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
    left, right = _clause(sentence, start, end, max(lo, start - window), min(hi, end + window))
    names = set()
    for part, offset in ((left, start - len(left)), (right, end)):
        for m in _PROPER.finditer(part):
            position = offset + m.start()
            if position == 0 or sentence[:position].rstrip().endswith((".", "!", "?")):
                continue  # a sentence's first word is capitalised anyway
            if fold(m.group()) not in _NOT_NAMES:
                names.add(stem(m.group()))
    return sorted(names)


def _interval(value: float, hedge: str) -> tuple[float, float]:
    low, high = HEDGE_SPAN.get(hedge, (-0.05, 0.05))
    return value * (1 + low), value * (1 + high) if high < 1.0 else float("inf")


SCORE = re.compile(r"(?<![\w.,/:–-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w%/.,]?\d|[-–]\d)")
SCORE_WORDS = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beaten|beating|lost|lose|loses|losing|victory|defeat|draw|drew|tied|"
    r"score|scored|final|match|game|vote|votes|voted|tally|margin|passed|rejected|approved|majority)\b",
    re.IGNORECASE,
)


def _scores(sentence: str) -> list[Quantity]:
    """Match scores and vote tallies ("won 2-1", "passed 396-9"), compared as a whole."""
    found = []
    for m in SCORE.finditer(sentence) if "-" in sentence or "–" in sentence else ():
        if _MONTH_BEFORE.search(sentence[: m.start()]) or _MONTH_AFTER.match(sentence[m.end() :]):
            continue  # "December 4-5": a date range
        clause = sentence[max(0, m.start() - 40) : m.end() + 40]
        if not SCORE_WORDS.search(clause):
            continue  # "2023-24", "pages 10-12": not a score
        a, b = int(m.group("a")), int(m.group("b"))
        value = float(a * 1000 + b)
        found.append(
            Quantity(
                m.start(),
                m.end(),
                {
                    "value": value,
                    "unit": "score",
                    "hedge": "",
                    "measure": "",
                    "context": [],
                    "low": value,
                    "high": value,
                    "precision": 0,
                },
            )
        )
    return found


def extract_quantities(sentence: str) -> list[Quantity]:
    """Every quantity in a sentence, with offsets relative to the sentence."""
    found: list[Quantity] = _scores(sentence)
    for m in _QUANTITY.finditer(sentence):
        number = _number(m)
        if number is None:
            continue
        if m.group("num") and _is_date_or_identifier(sentence, m):
            continue
        if any(q.value["unit"] == "score" and q.start <= m.start() < q.end for q in found):
            continue
        word = fold(m.group("word") or "")
        unit_raw = fold(m.group("unit") or "").replace("  ", " ")
        scale_raw = fold(m.group("scale") or "")
        if word in ("one",) and not (unit_raw or scale_raw):
            continue  # "one of the", "the one who": a pronoun far more often than a count
        if scale_raw in ("m", "k", "b") and not m.group("cur"):
            continue  # "5 m" is metres, "k" a letter: only scale money
        unit = UNITS.get(re.sub(r"\s+", " ", unit_raw), "")
        if unit == "point" and "percentage" not in unit_raw and not m.group("halfa"):
            unit = "index point"
        currency = CURRENCIES.get(fold(m.group("cur") or "").strip(), "")
        end = m.end()
        after_currency = _CURRENCY_AFTER.match(sentence[end:])
        if not currency and after_currency:
            currency = CURRENCIES.get(fold(after_currency.group("cur")), "")
            end += after_currency.end()
        value = number * SCALES.get(scale_raw, 1.0)
        if unit == "basis point":
            value, unit = value / 100.0, "point"  # 50 basis points == half a percentage point
        if m.group("ord"):
            unit = "ordinal"
        if m.group("dur"):
            unit = fold(m.group("dur")).rstrip("s")  # a duration: "4-1/2-hour", "34 years"
        hedge = fold(m.group("hedge") or "")
        start = m.start("hedge") if m.group("hedge") else m.start("cur") if m.group("cur") else m.start()
        start = m.start() if start < 0 else start
        low, high = _interval(value, hedge)
        decimals = len(m.group("num").split(".")[1]) if m.group("num") and "." in m.group("num") else 0
        found.append(
            Quantity(
                start,
                end,
                {
                    "value": value,
                    "unit": currency or unit or "count",
                    "hedge": hedge,
                    "measure": "",
                    "context": [],
                    "low": low,
                    "high": high,
                    "precision": decimals,
                },
            )
        )
    for m in _ORDINAL_WORD.finditer(sentence) if _ORDINAL_HINT.search(sentence) else ():
        if any(q.start <= m.start("word") < q.end for q in found):
            continue
        value = float(ORDINALS[fold(m.group("word"))])
        found.append(
            Quantity(
                m.start("word"),
                m.end("word"),
                {
                    "value": value,
                    "unit": "ordinal",
                    "hedge": "",
                    "measure": "",
                    "context": [],
                    "low": value,
                    "high": value,
                    "precision": 0,
                },
            )
        )
    found.sort(key=lambda q: q.start)
    for i, q in enumerate(found):
        lo = found[i - 1].end if i else 0
        hi = found[i + 1].start if i + 1 < len(found) else len(sentence)
        head, around = measure_words(sentence, q.start, q.end, lo=lo, hi=hi)
        if q.value["unit"] == "percent" and _PERCENT_OF.match(sentence[q.end :]):
            head = f"share {head}".strip()
        q.value["measure"], q.value["context"] = head, around
        q.value["names"] = names_near(sentence, q.start, q.end, lo, hi)
    for q, following in pairwise(found):
        if _PARTITIVE.fullmatch(sentence[q.end : following.start]):
            q.value["measure"] = following.value["measure"]  # "Fifteen of the 19 hijackers"
            q.value["context"] = q.value["context"][:3] + following.value["context"]
    for q in found:
        left, right = _clause(sentence, q.start, q.end, max(0, q.start - 40), min(len(sentence), q.end + 40))
        q.value["years"] = sorted({int(y) for y in _YEAR.findall(left + " " + right)})
        if q.value["measure"].startswith("share"):
            q.value["share_of"] = share_words(sentence, q.start, q.end)
    return found


POSSESSION = {
    w: "control"
    for w in (
        "possess",
        "possesses",
        "possessed",
        "control",
        "controls",
        "controlled",
        "controlling",
        "hold",
        "holds",
        "held",
        "occupy",
        "occupies",
        "occupied",
        "under",
        "own",
        "owns",
        "owned",
        "seized",
    )
}


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
        content = [m.group() for m in WORD.finditer(whole.group("whole")) if fold(m.group()) not in STOPWORDS]
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
