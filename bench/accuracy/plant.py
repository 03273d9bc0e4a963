"""Plant divergences into real multi-outlet articles: one outlet's fact changed where a sibling states it.

A planted divergence is only fair when another outlet of the same event states the same fact, so the
generator edits an article only at a fact (a number with the word it counts, a date or weekday, a
place after a preposition, the speaker of a quote, a title before a name, the published date) whose
exact words also occur in a sibling article of the event. Every choice is made by hashing the event,
the category and the candidate, so the same input always gives the same edits.

Input: a folder of BASIL-shaped JSON articles (`triplet-uuid`, `body-paragraphs`, `date`, `source`).
Output: for each category, a copy of the folder with at most one edit per event, and the key.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

CATEGORIES = ("quantity", "date", "weekday", "place", "speaker", "title", "published")

# the checker's finding category that should report each planted kind
EXPECTED_CATEGORY = {
    "quantity": "quantity",
    "date": "date",
    "weekday": "date",
    "place": "entity",
    "speaker": "attribution",
    "title": "role",
    "published": "date",
}

Article = dict[str, Any]


@dataclass(frozen=True)
class Planted:
    """One edit: in `file`, sentence `old` became `new`; `flagged` is the changed words in `new`."""

    category: str
    event: str
    file: str
    outlet: str
    old: str
    new: str
    flagged: str
    original: str  # the words before the edit
    sibling: str  # the file whose article states the same fact
    fact: str  # the words of the fact as the sibling states them ("12 people", "President Obama")


@dataclass(frozen=True)
class Candidate:
    paragraph: int
    sentence: int
    start: int
    end: int
    replacement: str
    key: str  # what a sibling must contain for the fact to be stated there too


def _rank(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _sentences(article: Article) -> Iterator[tuple[int, int, str]]:
    for p, paragraph in enumerate(article.get("body-paragraphs", [])):
        for s, sentence in enumerate(paragraph):
            if isinstance(sentence, str):
                yield p, s, sentence


def _text(article: Article) -> str:
    return "\n".join(sentence for _, _, sentence in _sentences(article))


# --- quantities ------------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?<![\w.,$/:-])(?P<cur>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<scale>\s(?:million|billion|trillion))?(?P<unit>%|\s(?:percent|[a-z][a-z-]{2,}))(?![\w-])"
)
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_NOT_COUNTED = {"a.m", "p.m", "am", "pm", "years", "year", "st", "nd", "rd", "th", "o'clock"}


def _new_number(text: str, salt: str) -> str:
    """A clearly different value in the same notation: 1,200 -> 1,560; 4.5 -> 5.9; 3 -> 5."""
    value = float(text.replace(",", ""))
    decimals = len(text.split(".")[1]) if "." in text else 0
    bump = 1 + (int(_rank(salt)[:4], 16) % 3) * 0.1  # 30%, 40% or 50% more
    new = value * (1 + bump * 0.3) if value >= 10 else value + 2 + int(_rank(salt)[4], 16) % 3
    if decimals:
        return f"{new:.{decimals}f}"
    rounded = round(new)
    return f"{rounded:,}" if "," in text else str(rounded)


def _quantities(article: Article) -> Iterator[Candidate]:
    for p, s, sentence in _sentences(article):
        for m in _NUMBER.finditer(sentence):
            num, unit = m.group("num"), m.group("unit").strip()
            if unit.casefold() in _NOT_COUNTED or unit in _MONTHS:
                continue
            before = sentence[max(0, m.start() - 12) : m.start()]
            if re.search(r"(?:" + "|".join(_MONTHS) + r")\.?\s*$", before):
                continue  # "March 5 vote": a date, not a count
            if not m.group("cur") and re.fullmatch(r"(?:19|20)\d\d", num):
                continue  # a year
            new = _new_number(num, sentence + num)
            yield Candidate(p, s, m.start("num"), m.end("num"), new, quantity_key(m))


def quantity_key(m: re.Match[str]) -> str:
    """ "21 percent" and "21%" state the same number of the same unit."""
    unit = m.group("unit").strip().casefold()
    unit = "%" if unit in ("%", "percent") else unit.rstrip("s")
    return f"{m.group('cur') or ''}{m.group('num')}{(m.group('scale') or '').strip()} {unit}"


# --- dates and weekdays ----------------------------------------------------------------------------

_MONTH_DAY = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)\s(?P<day>\d{1,2})\b(?!,?\s?\d{3})"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b(?:on |last |this |next |late |early )?(?P<day>" + "|".join(_WEEKDAYS) + r")\b")


def _dates(article: Article) -> Iterator[Candidate]:
    for p, s, sentence in _sentences(article):
        for m in _MONTH_DAY.finditer(sentence):
            day = int(m.group("day"))
            if not 1 <= day <= 31:
                continue
            new_day = day + 3 if day <= 25 else day - 3
            yield Candidate(p, s, m.start("day"), m.end("day"), str(new_day), m.group(0))


def _weekdays(article: Article) -> Iterator[Candidate]:
    for p, s, sentence in _sentences(article):
        for m in _WEEKDAY.finditer(sentence):
            day = m.group("day")
            new = _WEEKDAYS[(_WEEKDAYS.index(day) + 2) % 7]
            yield Candidate(p, s, m.start("day"), m.end("day"), new, day)


# --- places --------------------------------------------------------------------------------------

# Swaps stay within a kind (a state for a state, a country for a country) so the edit reads as news.
US_STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Wisconsin Wyoming"
).split()
US_STATES += [
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
]  # not Washington: city or state?
_SLOT = r"\b(?:in|at|from|near|to)\s"
_PLACE = re.compile(_SLOT + r"(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


def place_kinds(countries: list[str]) -> dict[str, list[str]]:
    """place -> the places of its kind a swap may put in its stead."""
    kinds: dict[str, list[str]] = {}
    for group in (sorted(US_STATES), sorted(countries)):
        for place in group:
            kinds[place] = group
    return kinds


def _places(article: Article, event_text: str, kinds: dict[str, list[str]]) -> Iterator[Candidate]:
    for p, s, sentence in _sentences(article):
        for m in _PLACE.finditer(sentence):
            place = m.group("place")
            if place not in kinds:
                place = place.split()[0]  # "in Texas Monday": the name is the first word
            others = [x for x in kinds.get(place, []) if x not in event_text]
            if not others:
                continue
            new = others[int(_rank(sentence, place)[:8], 16) % len(others)]
            yield Candidate(p, s, m.start("place"), m.start("place") + len(place), new, place)


# --- speakers --------------------------------------------------------------------------------------

_NAME = r"(?:Mr\.|Ms\.|Mrs\.|Dr\.)?\s?(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
_SAID_AFTER = re.compile(r"[”\"],?\s(?:said|says)\s" + _NAME)
_SAID_BEFORE = re.compile(r"[”\"],?\s" + _NAME + r"\s(?:said|says|added|told)\b")
_PEOPLE = re.compile(
    r"\b(?:Mr\.|Ms\.|Mrs\.|Sen\.|Rep\.|Gov\.|President|Senator|Secretary)\s(?:[A-Z][a-z]+\s)?(?P<name>[A-Z][a-z]{2,})\b"
)
_NOT_NAMES = {"He", "She", "They", "It", "The", "This", "That", "We", "I", "But", "And", "In", "On"}


def _speakers(article: Article, siblings_text: str) -> Iterator[Candidate]:
    text = _text(article)
    people = sorted({m.group("name") for m in _PEOPLE.finditer(text)} - _NOT_NAMES)
    for p, s, sentence in _sentences(article):
        for pattern in (_SAID_AFTER, _SAID_BEFORE):
            for m in pattern.finditer(sentence):
                name = m.group("name")
                last = name.split()[-1]
                if name.split()[0] in _NOT_NAMES:
                    continue
                others = [x for x in people if x != last and x not in name]
                if not others:
                    continue
                new = others[int(_rank(sentence, name)[:8], 16) % len(others)]
                quote = _quote_before(sentence, m.start())
                if len(quote.split()) < 4:
                    continue  # "fake news," alone is too short to be one quote told twice
                # the sibling must give the same quote to the same speaker (`_states`)
                yield Candidate(p, s, m.start("name"), m.end("name"), new, last + _QUOTE_SEP + quote)


_QUOTE_SEP = "\x1f"
_OPENING = re.compile(r"[“\"]")
_QUOTES_IN = re.compile(r"[“\"]([^“”\"]{3,})[”\"]")


def _quote_before(sentence: str, closing: int) -> str:
    """The quoted words that end at the closing mark at `closing`."""
    opening = max((m.start() for m in _OPENING.finditer(sentence, 0, closing)), default=-1)
    return sentence[opening + 1 : closing].strip(" ,") if opening >= 0 else ""


def _same_quote(a: str, b: str) -> bool:
    """One quote, as a reader would judge it: the same words in the same order (an excerpt of
    six words or more counts)."""
    if fuzz.token_sort_ratio(a, b) >= 80:
        return True
    return len(min(a, b, key=len).split()) >= 6 and fuzz.partial_ratio(a.casefold(), b.casefold()) >= 90


# --- titles ----------------------------------------------------------------------------------------

_TITLES = (
    "President",
    "Vice President",
    "Secretary of State",
    "Sen.",
    "Senator",
    "Rep.",
    "Gov.",
    "Governor",
    "Speaker",
    "Mayor",
    "Attorney General",
    "Justice",
    "Prime Minister",
)
_SWAP = {
    "Sen.": "Rep.",
    "Senator": "Representative",
    "Rep.": "Sen.",
    "Gov.": "Sen.",
    "Governor": "Senator",
    "Mayor": "Governor",
    "Justice": "Judge",
}
_TITLE = re.compile(
    r"\b(?P<former>former |then-|ex-)?(?P<title>"
    + "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))
    + r")\s(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.)?(?:\s[A-Z][a-z]+)?)"
)


def _titles(article: Article) -> Iterator[Candidate]:
    for p, s, sentence in _sentences(article):
        for m in _TITLE.finditer(sentence):
            title, name, former = m.group("title"), m.group("name"), m.group("former")
            if name.split()[0] in _NOT_NAMES:
                continue
            if former:  # "former President Bush" -> "President Bush"
                yield Candidate(p, s, m.start("former"), m.end("title"), title, f"{former}{title} {name}")
            elif title in _SWAP and int(_rank(sentence, name)[:2], 16) % 2:
                yield Candidate(p, s, m.start("title"), m.end("title"), _SWAP[title], f"{title} {name}")
            else:
                yield Candidate(p, s, m.start("title"), m.start("title"), "former ", f"{title} {name}")


# --- the generator ---------------------------------------------------------------------------------


def _candidates(
    category: str, article: Article, siblings_text: str, kinds: dict[str, list[str]]
) -> Iterator[Candidate]:
    if category == "quantity":
        return _quantities(article)
    if category == "date":
        return _dates(article)
    if category == "weekday":
        return _weekdays(article)
    if category == "place":
        return _places(article, siblings_text + _text(article), kinds)
    if category == "speaker":
        return _speakers(article, siblings_text)
    if category == "title":
        return _titles(article)
    raise ValueError(f"unknown category {category}")


_CONTENT = re.compile(r"[A-Za-z][a-z]{4,}")


def _content(text: str) -> set[str]:
    return {w.casefold() for w in _CONTENT.findall(text)}


def _states(key: str, category: str, sentence: str) -> bool:
    """Whether `sentence` holds the fact's words in the same slot."""
    if category == "speaker":
        surname, quote = key.split(_QUOTE_SEP)
        return surname in sentence and any(_same_quote(quote, m.group(1)) for m in _QUOTES_IN.finditer(sentence))
    if category == "quantity":
        return key in {quantity_key(m) for m in _NUMBER.finditer(sentence)}
    if category == "place":
        return re.search(_SLOT + re.escape(key) + r"\b", sentence) is not None
    return re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", sentence) is not None


def _stated_in(key: str, category: str, sibling: Article, sentence: str) -> bool:
    """A sibling states the same fact: a sentence of it holds the fact's words in the same slot and
    shares at least two other content words with the edited sentence (the same weekday in a sentence
    about something else is not the same fact)."""
    if category == "speaker":  # the same quote is the shared fact; no other words are needed
        return any(_states(key, category, other) for _, _, other in _sentences(sibling))
    words = _content(sentence) - _content(key)
    return any(
        _states(key, category, other) and len(words & _content(other)) >= 2 for _, _, other in _sentences(sibling)
    )


def _apply(article: Article, c: Candidate) -> tuple[Article, str, str, str]:
    edited = copy.deepcopy(article)
    old = edited["body-paragraphs"][c.paragraph][c.sentence]
    new = old[: c.start] + c.replacement + old[c.end :]
    edited["body-paragraphs"][c.paragraph][c.sentence] = new
    return edited, old, new, old[c.start : c.end]


def _shift_published(article: Article) -> tuple[Article, str, str] | None:
    raw = article.get("date")
    try:
        day = date.fromisoformat(str(raw))
    except ValueError:
        return None
    shifted = day.replace(year=day.year - 2, day=min(day.day, 28))
    edited = copy.deepcopy(article)
    edited["date"] = shifted.isoformat()
    return edited, str(raw), shifted.isoformat()


def load_events(folder: Path) -> dict[str, dict[str, Article]]:
    """event id -> file name -> article, for every event with at least two articles."""
    events: dict[str, dict[str, Article]] = {}
    for path in sorted(folder.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        events.setdefault(str(article.get("triplet-uuid", path.stem)), {})[path.name] = article
    return {k: v for k, v in events.items() if len(v) >= 2}


def plant_event(
    category: str,
    event: str,
    articles: dict[str, Article],
    kinds: dict[str, list[str]],
) -> tuple[str, Article, Planted] | None:
    """The one edit of `category` in this event (file, edited article, record), or None when no fact fits."""
    files = sorted(articles, key=lambda f: _rank(event, category, f))
    for file in files:
        article = articles[file]
        outlet = str(article.get("source", ""))
        if category == "published":
            shifted = _shift_published(article)
            if shifted is None:
                continue
            edited, old, new = shifted
            sibling = next(f for f in files if f != file)
            return file, edited, Planted(category, event, file, outlet, old, new, new, old, sibling, old)
        all_siblings = "\n".join(_text(articles[f]) for f in files if f != file)
        options = []
        for c in _candidates(category, article, all_siblings, kinds):
            sentence = article["body-paragraphs"][c.paragraph][c.sentence]
            stated = [f for f in files if f != file and _stated_in(c.key, category, articles[f], sentence)]
            if stated:
                options.append((_rank(event, category, file, c.key, str(c.start)), c, stated[0]))
        if not options:
            continue
        _, chosen, sibling = min(options, key=lambda o: o[0])
        edited, old, new, original = _apply(article, chosen)
        flagged = chosen.replacement.strip() or original
        fact = chosen.key.split(_QUOTE_SEP)[0]  # a speaker's key also holds the quote
        return file, edited, Planted(category, event, file, outlet, old, new, flagged, original, sibling, fact)
    return None


def load_stream(jsonl: Path, truth: Path) -> dict[str, dict[str, Article]]:
    """A JSONL stream (title, outlet, published, url, text) and its url -> event truth, as `load_events` gives."""
    events_of = json.loads(truth.read_text(encoding="utf-8"))
    events: dict[str, dict[str, Article]] = {}
    for n, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        event = str(events_of.get(row.get("url"), f"alone-{n}"))
        paragraphs = [[p.strip()] for p in str(row.get("text", "")).split("\n") if p.strip()]
        article = {
            "title": row.get("title"),
            "source": row.get("outlet"),
            "date": row.get("published"),
            "url": row.get("url"),
            "triplet-uuid": event,
            "body-paragraphs": paragraphs,
        }
        events.setdefault(event, {})[f"{n:05d}.json"] = article
    return {k: v for k, v in events.items() if len(v) >= 2}


def plant(events: dict[str, dict[str, Article]], target: Path, category: str, countries: list[str]) -> list[Planted]:
    """Write the events' articles to `target` as JSON, one `category` edit per event; return the key.

    `countries`: country names a place swap may use (the knowledge base's)."""
    target.mkdir(parents=True, exist_ok=True)
    kinds = place_kinds(countries)
    key = []
    for event, articles in events.items():
        chosen = plant_event(category, event, articles, kinds)
        edited = dict(articles)
        if chosen is not None:
            file, article, record = chosen
            edited[file] = article
            key.append(record)
        for file, article in edited.items():
            (target / file).write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    return key


def key_json(planted: list[Planted]) -> str:
    return json.dumps([asdict(p) for p in planted], indent=1, ensure_ascii=False)
