"""Dates as news pages write them: 'February 19, 2023', '5 March 2024 10:32 GMT', ISO strings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache

from dateutil import parser as dateutil_parser

_I = re.IGNORECASE
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"
_DATE_FORMS = (
    rf"{_WEEKDAY}(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>\d{{4}})",
    r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})",
    r"(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})",
    r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})",
)
_DATE_RES = tuple(re.compile(rf"\b{form}(?!\d)", _I) for form in _DATE_FORMS)
_TIME_TAIL = re.compile(
    r"(?:\s*(?:,|at|-|–|\||T)?\s*\d{1,2}(?:[:.]\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:Z|[A-Z]{2,5}|(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?)?)?\s*\)?\s*\Z",
    _I,
)
DATE_LABEL = re.compile(
    r"^(?P<label>published|updated|posted|first published|last updated|last modified|modified|"
    r"date|dated|created)(?:\s+on)?\s*:?\s*",
    _I,
)


def _make_date(year: str, month: int, day: str) -> date | None:
    try:
        found = date(int(year), month, int(day))
    except ValueError:
        return None
    return found if 1900 <= found.year <= 2100 else None


def _date_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups.get("month"):
        month = MONTHS.get(groups["month"].rstrip(".").lower()[:3]) or MONTHS.get(groups["month"].rstrip(".").lower())
    else:
        month = int(groups["mon"])
    if not month:
        return None
    return _make_date(groups["year"], month, groups["day"])


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first full date (day, month and year) written in `text`."""
    best: tuple[date, re.Match[str]] | None = None
    for regex in _DATE_RES:
        for match in regex.finditer(text):
            found = _date_of(match)
            if found and (best is None or match.start() < best[1].start()):
                best = (found, match)
                break
    return best


def parse_date_field(text: str) -> date | None:
    """A value that is a date and nothing else ('Published February 19, 2023', '2023-02-19T10:00Z',
    'Tue 5 March 2024 10:32 GMT'); None otherwise."""
    value = DATE_LABEL.sub("", text.strip()).strip(" ()[]")
    if not value:
        return None
    for regex in _DATE_RES:
        match = regex.match(value)
        if match and _TIME_TAIL.match(value, match.end()):
            return _date_of(match)
    return None


def coerce_date(value: object) -> date | None:
    """A date from a JSON value: ISO strings with or without time, other written dates, epochs."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10_000_000_000 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    return _coerce_text(value)


@lru_cache(maxsize=4096)  # a corpus writes the same few hundred dates over and over
def _coerce_text(value: str) -> date | None:
    found = parse_date_field(value)
    if found:
        return found
    try:
        return dateutil_parser.isoparse(value.strip()).date()
    except (ValueError, OverflowError):
        pass
    # written dates dateutil understands; both defaults must agree so no part was invented
    try:
        one = dateutil_parser.parse(value, default=datetime(1901, 1, 1))
        two = dateutil_parser.parse(value, default=datetime(1902, 2, 2))
    except (ValueError, OverflowError):
        return None
    return one.date() if one.date() == two.date() else None
