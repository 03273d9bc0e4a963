"""Date claims: absolute dates, weekdays and relative expressions, resolved against a reference date.

Claims keep what the text says ("Feb 18", "on Tuesday", "six days ago"); `resolve` turns that into
a day, month or year once the article's reference time is known, so the same claim can be judged
against a corrected reference time without being extracted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from checker.claims.hints import AnyOf, CaselessPattern
from checker.claims.text import content_stems
from checker.names import fold

MONTH_NUMBERS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
NUMBER_WORDS.update({"a": 1, "an": 1, "a few": 3, "several": 3, "couple of": 2, "a couple of": 2})
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# Python's look-behind needs a fixed width: one per preposition that makes a bare year a date.
_YEAR_PREPOSITION = (
    "(?:"
    + "|".join(
        rf"(?<=\b{word}\s)" for word in ("in", "since", "by", "until", "from", "of", "during", "before", "after")
    )
    + ")"
)
# Each look-ahead below only restates what must follow at that point (the first letter of a weekday
# or month, or a digit; a year's first digits): `re` then drops most positions of a sentence at once
# instead of trying every alternative, and nine look-behinds, at each of them.
_ABSOLUTE = CaselessPattern(
    rf"""(?=[\dmtwfsjaond])(?:{_WEEKDAY},?\s+)?
    (?:
        {_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?
      | (?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|
            june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?
            (?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?
      | (?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)
      | (?P<month3>january|february|march|april|june|july|august|september|october|november|december)
            \s+(?P<year3>(?:19|20)\d\d)\b
      | (?=(?:19|20)\d){_YEAR_PREPOSITION}(?P<year4>(?:19|20)\d\d)\b(?![-–]\d|\s*%)
    )""",
    re.VERBOSE,
)
ABSOLUTE = _ABSOLUTE.pattern
WEEKDAY_ALONE = re.compile(rf"\b(?:on\s+|last\s+|next\s+|this\s+|since\s+|by\s+)?{_WEEKDAY}\b", re.IGNORECASE)
_RELATIVE = CaselessPattern(
    r"""\b(?:(?P<hedge>nearly|almost|about|some|more\s+than|over|around|roughly)\s+)?
    (?P<count>\d+|a\s+few|a\s+couple\s+of|couple\s+of|several|an?|zero|one|two|three|four|five|six|seven|
       eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|later|before|from\s+now)\b
    | \b(?P<which>last|next|this|earlier\s+this|later\s+this|past|coming)\s+(?P<unit2>week|month|year|weekend)\b
    | \b(?P<word>yesterday|today|tomorrow|tonight)\b""",
    re.VERBOSE,
)
RELATIVE = _RELATIVE.pattern
_DIGIT = re.compile(r"\d")
_RELATIVE_HINT = CaselessPattern(
    r"\b(?:ago|earlier|later|before|from\s+now|last|next|this|past|coming|yesterday|today|tomorrow|tonight)\b"
)
_FUTURE = CaselessPattern(r"\b(?:will|would|shall|to\s+be|plans?\s+to|planned|scheduled|expected\s+to|next)\b")
FUTURE = _FUTURE.pattern
# Every absolute date names a month (all month words start with one of these) or a year 19xx/20xx.
_MONTH_HINT = AnyOf(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), caseless=True)
_WEEKDAY_HINT = AnyOf(WEEKDAYS, caseless=True)
_CENTURY_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: dict[str, Any]


def _month(text: str | None) -> int | None:
    return MONTH_NUMBERS.get(fold(text).rstrip(".")) if text else None


def _absolute(m: re.Match[str]) -> dict[str, Any] | None:
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = (int(x) for x in g["iso"].split("-"))
        return {"year": y, "month": mo, "day": d, "granularity": "day"}
    if g["year3"]:
        return {"year": int(g["year3"]), "month": _month(g["month3"]), "day": None, "granularity": "month"}
    if g["year4"]:
        return {"year": int(g["year4"]), "month": None, "day": None, "granularity": "year"}
    month = _month(g["month"] or g["month2"])
    day = int(g["day"] or g["day2"])
    year = g["year"] or g["year2"]
    if not month or not 1 <= day <= 31:
        return None
    if fold(g["month"] or "") == "may" and not year and not g["weekday"]:
        return None  # "may 5" is far more often the verb than the month without a year
    return {"year": int(year) if year else None, "month": month, "day": day, "granularity": "day"}


def extract_dates(sentence: str) -> list[DateMention]:
    """Every date expression in a sentence, with offsets relative to the sentence."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in _ABSOLUTE.finditer(sentence) if _may_hold_absolute(sentence) else ():
        value = _absolute(m)
        if value is None:
            continue
        weekday = fold(m.group("weekday")) if m.group("weekday") else None
        value.update(relative=False, weekday=weekday, expr=m.group(), future=False)
        found.append(DateMention(m.start(), m.end(), value))
        taken.append((m.start(), m.end()))
    for m in WEEKDAY_ALONE.finditer(sentence) if _WEEKDAY_HINT.search(sentence) else ():
        if any(s <= m.start("weekday") < e for s, e in taken):
            continue
        which = fold(m.group().split()[0]) if " " in m.group() else "on"
        value = {
            "year": None,
            "month": None,
            "day": None,
            "granularity": "day",
            "relative": True,
            "weekday": fold(m.group("weekday")),
            "expr": m.group(),
            "which": which,
            "future": which == "next",
        }
        found.append(DateMention(m.start("weekday"), m.end(), value))
    for m in _RELATIVE.finditer(sentence) if _RELATIVE_HINT.search(sentence) else ():
        value = _relative(m)
        if value is not None:
            value["future"] = False
            found.append(DateMention(m.start(), m.end(), value))
    if not found:
        return found
    if _FUTURE.search(sentence):  # only now: most sentences hold no date, and the test is not free
        for mention in found:
            mention.value["future"] = True
    found.sort(key=lambda d: d.start)
    _add_context(sentence, found)
    return found


def _may_hold_absolute(sentence: str) -> bool:
    """False when the sentence cannot hold an absolute date: no digit, or neither a month word nor a year."""
    if _DIGIT.search(sentence) is None:  # every absolute date has a day or a year
        return False
    return _MONTH_HINT.search(sentence) or _CENTURY_YEAR.search(sentence) is not None


def _add_context(sentence: str, found: list[DateMention]) -> None:
    """The content words of the event each date belongs to, and those nearest it."""
    context = content_stems(sentence)
    for mention in found:
        expr = fold(mention.value["expr"])
        mention.value["event"] = [w for w in context if w not in expr][:8]
        before = content_stems(sentence[max(0, mention.start - 60) : mention.start])[-4:]
        after = content_stems(sentence[mention.end : mention.end + 60])[:4]
        mention.value["near"] = before + after


def _relative(m: re.Match[str]) -> dict[str, Any] | None:
    base = {"year": None, "month": None, "day": None, "relative": True, "weekday": None, "expr": m.group()}
    if m.group("word"):
        word = fold(m.group("word"))
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return {**base, "granularity": "day", "offset_days": offset}
    if m.group("unit2"):
        unit = fold(m.group("unit2"))
        which = fold(m.group("which")).split()[-1]
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
        unit = "week" if unit == "weekend" else unit
        return {**base, "granularity": unit, "offset_units": step, "unit": unit}
    count_text = " ".join(fold(m.group("count")).split())
    count = int(count_text) if count_text.isdigit() else NUMBER_WORDS.get(count_text)
    if count is None:
        return None
    unit = fold(m.group("unit"))
    sign = 1 if fold(m.group("dir")) in ("later", "from now") else -1
    granularity = "day" if unit in ("day", "week") else unit
    return {
        **base,
        "granularity": granularity,
        "offset_days": sign * count * UNIT_DAYS[unit],
        "hedged": bool(m.group("hedge")),
    }


def resolve(value: dict[str, Any], ref: date) -> tuple[date, date] | None:
    """The interval [first, last] of days a date claim denotes, judged from reference date `ref`."""
    if not value.get("relative"):
        year, month, day = value.get("year"), value.get("month"), value.get("day")
        if year is None and month and day:
            year = _nearest_year(month, day, ref)
        if year is None:
            return None
        try:
            if day and month:
                d = date(year, month, day)
                return d, d
            if month:
                first = date(year, month, 1)
                return first, first + relativedelta(months=1) - timedelta(days=1)
            return date(year, 1, 1), date(year, 12, 31)
        except ValueError:
            return None
    if value.get("weekday") and value.get("offset_days") is None:
        target = WEEKDAYS.index(value["weekday"])
        if value.get("future"):
            delta = (target - ref.weekday()) % 7
            d = ref + timedelta(days=delta)
        else:
            delta = (ref.weekday() - target) % 7
            if value.get("which") == "last" and delta == 0:
                delta = 7
            d = ref - timedelta(days=delta)
        return d, d
    if value.get("offset_days") is not None:
        d = ref + timedelta(days=value["offset_days"])
        slack = abs(value["offset_days"]) // 10 if value.get("hedged") else 0
        return d - timedelta(days=slack), d + timedelta(days=slack)
    if value.get("offset_units") is not None:
        unit, step = value["unit"], value["offset_units"]
        if unit == "week":
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
            return monday, monday + timedelta(days=6)
        if unit == "month":
            first = date(ref.year, ref.month, 1) + relativedelta(months=step)
            return first, first + relativedelta(months=1) - timedelta(days=1)
        return date(ref.year + step, 1, 1), date(ref.year + step, 12, 31)
    return None


def _nearest_year(month: int, day: int, ref: date) -> int:
    """The year that puts a month and day nearest to the reference date."""
    best = ref.year
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            if abs((date(year, month, day) - ref).days) < abs((date(best, month, day) - ref).days):
                best = year
        except ValueError:
            continue
    return best


def whole_years_apart(a: date, b: date, grace: int = 3) -> bool:
    """The same calendar day (give or take `grace` days) one to three years apart: the signature of a
    wrong year in a date line, and of annual events that are not the same event."""
    for years in (1, 2, 3):
        for sign in (1, -1):
            try:
                shifted = b.replace(year=b.year + sign * years)
            except ValueError:  # 29 February
                shifted = b.replace(year=b.year + sign * years, day=28)
            if abs((a - shifted).days) <= grace:
                return True
    return False
