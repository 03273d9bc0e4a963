"""Quantity claims: numbers with their unit, scale, hedge and the thing they measure.

"Russia possesses approximately 18% of Ukrainian territory" yields value 18, unit "percent",
hedge "approximately", and a measure of the words around it ("russia possess ukraine territory"),
so that another outlet's "20% of its territory now under Russian control" can be paired with it
and "at least eight individuals" dead is not paired with "more than seventy" injured.

This module finds the numbers; `quantity_words` holds the vocabulary (units, scales, hedges) and
`measures` works out what each number measures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from checker.claims.hints import AnyOf, CaselessPattern
from checker.claims.measures import (
    PERCENT_OF,
    clause,
    measure_words,
    names_near,
    other_time,
    per_unit,
    purpose,
    role,
    share_words,
    subject_names,
)
from checker.claims.quantity_words import (
    CURRENCIES,
    HEDGE_SPAN,
    HEDGES,
    MEASURE_UNITS,
    MONTHS,
    ORDINALS,
    SCALES,
    SMALL,
    TENS,
    UNITS,
)
from checker.names import fold

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
# "Slideshow (6 Images)", "14 of 26 Photos:": a gallery's page counter, not a figure of the story
_COUNTER_AFTER = re.compile(r"^(?:\s+of\s+\d+)?\s+(?:photos?|images?|pictures?|slides?|videos?)\s*[):]", re.IGNORECASE)
# "the 737 Max", "737 8 Max": a model number names a thing, it does not count one
_MODEL_AFTER = re.compile(r"^\s(?P<word>[A-Z][a-z]+)\b")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])\d+\s$")
_FROM_BETWEEN = re.compile(r"[\s,]*(?:(?:up|down)\s+)?from\s+(?:the\s+)?(?:previous\s+)?", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s+to\s+", re.IGNORECASE)
_MEASURE_AFTER = re.compile(r"^[\s-]?(?:(?P<square>square)\s+)?(?P<word>[A-Za-z]+)\b")
# "15 of the 19 hijackers", "five of the last six primaries", "eight out of nine", "three of the state's 42"
_PARTITIVE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+['’]s\s+)?(?:(?:last|first|past|next|remaining)\s+)?",
    re.IGNORECASE,
)


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
    if bare and (_is_model(m.group("num"), after) or _NUMBER_BEFORE.search(before)):
        return True
    if _COUNTER_AFTER.match(after):
        return True
    raw = m.group("num")
    plain_year = "," not in raw and "." not in raw and len(raw) == 4 and 1800 <= int(raw) <= 2100
    return plain_year and not (m.group("unit") or m.group("cur") or m.group("scale"))


@lru_cache(maxsize=1)
def _places() -> Callable[[str], str | None]:
    from checker.knowledge import default_kb  # on first use: the knowledge base imports the claims

    return default_kb().place


def place_of(word: str) -> str | None:
    return _places()(word)


def _is_model(number: str, after: str) -> bool:
    """A number of three or more digits before a capitalised word that is neither a plural nor a
    place ("737 Max", not "100 Americans" or "1,095 Iraqi soldiers") is part of a model's name."""
    model = _MODEL_AFTER.match(after)
    if model is None or len(number) < 3 or not number.isdigit():
        return False
    word = model.group("word")
    return not word.endswith("s") and place_of(word) is None


def _measure_unit(after: str) -> str:
    """The unit of measure written after a number ("580 miles", "2,802km", "5 square miles"), or ""."""
    found = _MEASURE_AFTER.match(after)
    if found is None:
        return ""
    unit = MEASURE_UNITS.get(fold(found.group("word")), "")
    return f"square {unit}" if unit and found.group("square") else unit


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
        if not (unit or currency):
            unit = _measure_unit(sentence[end:])
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
        if q.value["unit"] == "percent" and PERCENT_OF.match(sentence[q.end :]):
            head = f"share {head}".strip()
        q.value["measure"], q.value["context"] = head, around
        q.value["names"] = names_near(sentence, q.start, q.end, lo, hi)
    for q, following in pairwise(found):
        if _PARTITIVE.fullmatch(sentence[q.end : following.start]):
            q.value["measure"] = following.value["measure"]  # "Fifteen of the 19 hijackers"
            q.value["context"] = q.value["context"][:3] + following.value["context"]
            q.value["of_total"] = following.value["value"]  # five of six is not five of nine
    for i, q in enumerate(found):
        left, right = clause(sentence, q.start, q.end, max(0, q.start - 40), min(len(sentence), q.end + 40))
        q.value["years"] = sorted({int(y) for y in _YEAR.findall(left + " " + right)})
        if q.value["measure"].startswith("share"):
            q.value["share_of"] = share_words(sentence, q.start, q.end)
        lo = found[i - 1].end if i else 0
        hi = found[i + 1].start if i + 1 < len(found) else len(sentence)
        _slots(sentence, q, lo, hi)
    for q, following in pairwise(found):
        _share_a_change(sentence, q, following)
    return found


def _share_a_change(sentence: str, q: Quantity, following: Quantity) -> None:
    """The old value of a change measures what the new one does ("rose to 62.9 percent from 62.7
    percent", "from 35 percent to 15 percent"), though its own clause, cut at its neighbour, names
    nothing."""
    between = sentence[q.end : following.start]
    if following.value["role"] == "from" and _FROM_BETWEEN.fullmatch(between):
        old, new = following, q
    elif q.value["role"] == "from" and _TO_BETWEEN.fullmatch(between):
        old, new = q, following
    else:
        return
    if not old.value["measure"]:
        old.value["measure"], old.value["context"] = new.value["measure"], new.value["context"][:]


def _slots(sentence: str, q: Quantity, lo: int, hi: int) -> None:
    """Which value of what a quantity is, beyond the words it measures: its role ("from", "by",
    "to"), whether an earlier time is named with it, whether it is a rate, what a sum is for, and
    whose it is when its clause names nobody."""
    q.value["role"] = role(sentence, q.start)
    q.value["past"] = other_time(sentence, q.start, q.end, lo, hi)
    q.value["per_unit"] = per_unit(sentence, q.end, hi)
    if q.value["unit"] in CURRENCIES.values():
        q.value["purpose"] = purpose(sentence, q.end, hi)
    q.value["subject"] = [] if q.value["names"] else subject_names(sentence, q.start)
