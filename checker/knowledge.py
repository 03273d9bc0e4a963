"""The offline knowledge base: who held which office when, and the names of places.

Data lives in `checker/data/kb/*.csv` (see its README): plain tables people review like code.
Everything here is lookups over those rows; nothing is fetched at run time.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from checker.names import fold, middles_agree, name_key, surname_key

KB_DIR = Path(__file__).parent / "data" / "kb"
TITLES_FILE = Path(__file__).parent / "data" / "titles.csv"
OFFICE_COLUMNS = ["person", "aliases", "office", "jurisdiction", "start", "end", "qid", "certainty", "note"]
PLACE_COLUMNS = ["name", "aliases", "capital", "kind"]
OFFICES = frozenset(
    {
        "president",
        "vice president",
        "prime minister",
        "chancellor",
        "premier",
        "monarch",
        "supreme leader",
        "foreign minister",
        "secretary of state",
        "secretary of defense",
        "national security adviser",
        "secretary-general",
        "managing director",
        # the US Congress: the Speaker of the House and each chamber's party leaders and whips
        "speaker",
        "house majority leader",
        "house minority leader",
        "house majority whip",
        "house minority whip",
        "senate majority leader",
        "senate minority leader",
        "senate majority whip",
        "senate minority whip",
        # the rest of the US cabinet and the White House staff news names most
        "attorney general",
        "secretary of the treasury",
        "secretary of the interior",
        "secretary of agriculture",
        "secretary of commerce",
        "secretary of labor",
        "secretary of health",
        "secretary of housing",
        "secretary of transportation",
        "secretary of energy",
        "secretary of education",
        "secretary of veterans affairs",
        "secretary of homeland security",
        "white house chief of staff",
        "white house press secretary",
        "governor",
        # the ministers of other cabinets
        "finance minister",
        "defense minister",
        "interior minister",
        # central banks and international bodies
        "central bank governor",
        "director-general",
        "executive director",
        "high commissioner",
        "commission chair",
    }
)
# Offices whose holder gives a government its name: "the Biden administration", "the Meloni government".
LEADER_OFFICES = frozenset({"president", "prime minister", "chancellor", "premier"})


class KnowledgeError(ValueError):
    """A knowledge-base file that cannot be read; the message names the file and row."""


@dataclass(frozen=True)
class Term:
    """One person's term in one office."""

    person: str
    key: str
    office: str
    jurisdiction: str
    start: date
    end: date | None  # None: still in office as far as the knowledge base knows
    certain: bool
    qid: str = ""
    note: str = ""
    source: str = ""  # the file the row is in (checker/data/kb/<file>.csv for the shipped KB) ...
    row: int = 0  # ... and its line there: where a finding's knowledge-base evidence points

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def describe(self) -> str:
        end = self.end.isoformat() if self.end else "present"
        return f"{self.person}, {self.office} of {self.jurisdiction}, {self.start.isoformat()} to {end}"


@dataclass(frozen=True)
class Place:
    name: str
    kind: str


def parse_kb_date(text: str, *, end: bool = False) -> tuple[date | None, bool]:
    """Parse YYYY-MM-DD, YYYY-MM or YYYY; returns (date, exact). Partial dates round outward."""
    text = text.strip()
    if not text:
        return None, True
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), True
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if end:
                return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)), False
            return date(year, month, 1), False
        if len(parts) == 1:
            year = int(parts[0])
            return (date(year + 1, 1, 1) if end else date(year, 1, 1)), False
    except ValueError:
        pass
    raise ValueError(f"not a date: {text!r}")


def _read_csv(path: Path, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != columns:
            raise KnowledgeError(f"{path}: header must be {','.join(columns)}")
        for row in reader:  # the line a row ends on: the line it is on, unless a quoted value spans lines
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}


def read_terms(path: Path) -> list[tuple[Term, list[str]]]:
    """The terms in one offices CSV with their aliases; errors name the file and line."""
    terms = []
    for number, row in _read_csv(path, OFFICE_COLUMNS):
        try:
            if row["office"] not in OFFICES:
                raise ValueError(f"unknown office {row['office']!r}")
            start, exact_start = parse_kb_date(row["start"])
            end, exact_end = parse_kb_date(row["end"], end=True)
            if start is None:
                raise ValueError("start is empty")
            if end is not None and end < start:
                raise ValueError("end before start")
            if row["certainty"] not in ("sure", "uncertain"):
                raise ValueError("certainty must be 'sure' or 'uncertain'")
        except ValueError as exc:
            raise KnowledgeError(f"{path}:{number}: {exc}") from None
        term = Term(
            person=row["person"],
            key=name_key(row["person"]),
            office=row["office"],
            jurisdiction=row["jurisdiction"],
            start=start,
            end=end,
            certain=row["certainty"] == "sure" and exact_start and exact_end,
            qid=row["qid"],
            note=row["note"],
            source=_shown_path(path),
            row=number,
        )
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        terms.append((term, aliases))
    return terms


def _shown_path(path: Path) -> str:
    """A KB file as evidence names it: relative to the repository for the shipped files (the same
    on every machine), else as given."""
    if path.resolve().parent == KB_DIR.resolve():
        return f"checker/data/kb/{path.name}"
    return str(path)


class KnowledgeBase:
    """Office terms and place names, indexed for the lookups the claims and rules make."""

    def __init__(
        self,
        terms: Iterable[tuple[Term, list[str]]],
        places: Iterable[dict[str, str]],
        titles: dict[str, list[tuple[str, str]]],
    ) -> None:
        self.terms: list[Term] = []
        self._by_person: dict[str, list[Term]] = defaultdict(list)
        self._by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
        self._alias: dict[str, str] = {}
        self._first_last: dict[str, set[str]] = defaultdict(set)
        # (first last, person key) -> the middle words of that person's names: "George W. Bush" -> {("w",)}
        self._middles: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
        self._surname: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, str] = {}
        for term, aliases in terms:
            self.terms.append(term)
            self._by_person[term.key].append(term)
            self._by_office[(term.office, term.jurisdiction)].append(term)
            self.names.setdefault(term.key, term.person)
            for name in [term.person, *aliases]:
                self._index_name(name, term.key)
        self.places: dict[str, Place] = {}
        # word -> the places it names, the first read first ("Washington": the United States' capital,
        # then the state)
        self._place_words: dict[str, list[str]] = defaultdict(list)
        for row in places:
            place = Place(row["name"], row["kind"])
            self.places[place.name] = place
            words = [row["name"], *row["aliases"].split("|"), *row["capital"].split("|")]
            for word in words:
                named = self._place_words[_place_key(word)] if word.strip() else []
                if word.strip() and place.name not in named:
                    named.append(place.name)
        # A title may name offices of several kinds ("Chancellor": Germany's head of government or
        # Britain's finance minister); the first is the one it names when nothing tells otherwise.
        self._title_options = {title: list(options) for title, options in titles.items() if options}
        self.titles = {title: options[0] for title, options in self._title_options.items()}

    def _index_name(self, name: str, key: str) -> None:
        self._alias[name_key(name)] = key
        words = name_key(name).split()
        if len(words) >= 2:
            first_last = f"{words[0]} {words[-1]}"
            self._first_last[first_last].add(key)
            self._middles[(first_last, key)].add(tuple(words[1:-1]))
        if words:
            self._surname[words[-1]].add(key)

    # people
    def person(self, name: str) -> str | None:
        """The key of the person a full name refers to, or None if unknown or ambiguous."""
        key = name_key(name)
        if key in self._alias:
            return self._alias[key]
        words = key.split()
        if len(words) >= 2:
            first_last, middles = f"{words[0]} {words[-1]}", tuple(words[1:-1])
            # A different middle name is a different person, not a variant spelling of the known one.
            found = {
                k
                for k in self._first_last.get(first_last, set())
                if any(middles_agree(middles, known) for known in self._known_middles(first_last, k))
            }
            if len(found) == 1:
                return next(iter(found))
        return None

    def _known_middles(self, first_last: str, key: str) -> set[tuple[str, ...]]:
        """The middle words a person is known by; names without any ("William Burns") only when no
        name of theirs has one (then nothing can disagree)."""
        middles = self._middles[(first_last, key)]
        return {m for m in middles if m} or {()}

    def people_with_surname(self, name: str) -> set[str]:
        return set(self._surname.get(surname_key(name), set()))

    def terms_of(self, key: str, office: str | None = None, jurisdiction: str | None = None) -> list[Term]:
        return [
            t
            for t in self._by_person.get(key, [])
            if (office is None or t.office == office) and (not jurisdiction or t.jurisdiction == jurisdiction)
        ]

    def holders_ever(self, office: str, jurisdiction: str) -> bool:
        """Whether the KB holds any term of the office in the jurisdiction."""
        return bool(self._by_office.get((office, jurisdiction)))

    def holders(self, office: str, jurisdiction: str, on: date) -> list[Term]:
        return [t for t in self._by_office.get((office, jurisdiction), []) if t.holds_on(on)]

    def display_name(self, key: str) -> str:
        return self.names.get(key, key)

    # places and titles
    def place(self, word: str) -> str | None:
        """'Russian', "Russia's", 'U.S.', 'Kyiv' -> the jurisdiction name, or None."""
        named = self.places_named(word)
        return named[0] if named else None

    def places_named(self, word: str) -> list[str]:
        """Every jurisdiction a word may name, the usual one first: 'Washington' -> the United States,
        Washington (state)."""
        return list(self._place_words.get(_place_key(word), []))

    def title(self, words: str) -> tuple[str, str] | None:
        """'Foreign Minister' -> ('foreign minister', ''); 'Taoiseach' -> ('prime minister', 'Ireland')."""
        return self.titles.get(" ".join(fold(words).split()))

    def title_options(self, words: str) -> list[tuple[str, str]]:
        """Every (office, implied jurisdiction) a title may name, the usual one first: 'Chancellor' ->
        [('chancellor', ''), ('finance minister', 'United Kingdom')]; [] for no title of the KB."""
        return list(self._title_options.get(" ".join(fold(words).split()), []))


def _place_key(word: str) -> str:
    word = fold(word).strip()
    word = re.sub(r"^the\s+", "", word)
    word = re.sub(r"['’]s$", "", word)
    return word.replace(".", "")


def _read_titles(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Title -> the offices it may name, in the file's order (a title may have several rows)."""
    titles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            titles[" ".join(fold(row["title"]).split())].append((row["office"], row["jurisdiction"] or ""))
    return dict(titles)


def load(directory: Path | None = None) -> KnowledgeBase:
    """Read every offices_*.csv and places_*.csv in the directory (default: the shipped KB)."""
    directory = directory or KB_DIR
    terms: list[tuple[Term, list[str]]] = []
    places: list[dict[str, str]] = []
    for path in sorted(directory.glob("offices_*.csv")):
        terms.extend(read_terms(path))
    for path in sorted(directory.glob("places_*.csv")):
        places.extend(row for _, row in _read_csv(path, PLACE_COLUMNS))
    return KnowledgeBase(terms, places, _read_titles(TITLES_FILE))


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    return load()


def kb_metadata(directory: Path | None = None) -> dict[str, str]:
    """The KB's version and the date through which its entries are known to be current."""
    path = (directory or KB_DIR) / "meta.json"
    if not path.exists():
        return {}
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data
