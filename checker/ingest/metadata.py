"""Reading metadata out of lines of text: bylines, header lines, source lines, datelines,
headlines and front matter.

Every parser works on the general shape of a line (separators, labels, capitalisation), never on
particular outlets; outlet names are then canonicalised through `outlets.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from checker.ingest.dates import DATE_LABEL, MONTH, parse_date_field
from checker.ingest.outlets import looks_like_host, lookup_outlet, tidy_name

_I = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# header segments that are neither outlet, author nor date
_SECTION_WORDS = _words(
    "world politics business opinion sport sports news tech technology science health "
    "culture entertainment europe us u.s. uk asia africa americas middle-east analysis "
    "exclusive breaking live local national international economy markets home latest "
    "video audio podcast lifestyle travel features commentary editorial"
)
_JUNK_SEGMENT = re.compile(r"\d+\s*min(?:ute)?s?(?: read)?|updated|\d+ comments?|share|print", _I)


@dataclass(frozen=True)
class Byline:
    """What a byline or header line says. `outlet` is raw (not yet canonical)."""

    outlet: str | None = None
    published: date | None = None
    author: str | None = None
    kind: str = "byline"  # "header" (names an outlet), "byline" (author), "date"


_HEADER_SEP = re.compile(r"\s*(?:\||•|·|//)\s*")
_HEADER_SEP_CORE = re.compile(r"[|•·]|//")  # what every _HEADER_SEP match holds: a cheaper search
_AUTHOR_LABEL = re.compile(r"^(?:by|written by|words by|reporting by|text by|author:?)\s+(?P<rest>.+)$", _I)
_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|de|van|von|der|den|al|el|bin|ibn|la|le|da|dos|du)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:and\s+|&\s+)?{_NAME_WORD}){{0,7}}$")
_ROLE = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|staff|contributor|columnist|bureau|chief|"
    r"analyst|producer|desk|team)\b",
    _I,
)


def _clean_name(raw: str) -> str | None:
    name = raw.strip(" ,;:-–—|")
    if not name or len(name) > 80 or not _NAME.match(name):
        return None
    return tidy_name(name)


def _is_outlet_candidate(segment: str) -> bool:
    words = segment.split()
    if not words or len(words) > 6 or len(segment) > 60:
        return False
    if segment.casefold().replace(" ", "-") in _SECTION_WORDS or _JUNK_SEGMENT.fullmatch(segment):
        return False
    return segment[0].isupper() or looks_like_host(segment)


def parse_header(line: str) -> Byline | None:
    """`OUTLET | Published Month D, YYYY`, `By Name | Outlet | March 5, 2024`, `| time.news`."""
    text = line.strip()
    if len(text) > 160 or not _HEADER_SEP_CORE.search(text):
        return None
    segments = [part.strip() for part in _HEADER_SEP.split(text)]
    leading = segments[0] == ""
    segments = [part for part in segments if part]
    if not segments or any(len(s) > 80 or len(s.split()) > 10 for s in segments):
        return None
    outlets: list[str] = []
    published: date | None = None
    author: str | None = None
    for segment in segments:
        labelled = _AUTHOR_LABEL.match(segment)
        if labelled:
            author = author or _clean_name(labelled.group("rest"))
            continue
        found = parse_date_field(segment)
        if found:
            if published is None or not segment.lower().startswith(("updated", "last")):
                published = found
            continue
        if segment.endswith(".") and len(segment.split()) > 3:
            return None  # a sentence: not a header
        if _is_outlet_candidate(segment):
            outlets.append(segment)
    known = [s for s in outlets if lookup_outlet(s) or looks_like_host(s)]
    outlet = known[0] if known else (outlets[0] if outlets and (published or author) else None)
    if outlet and (published or author or leading or known):
        return Byline(outlet, published, author, "header")
    if author:
        return Byline(None, published, author, "byline")
    return None


_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|text by|author:)\s+(?P<name>.+?)"
    r"(?:\s*(?:,|\s-|–|—|\||\bfor\b)\s*(?P<rest>.{1,80}))?$",
    _I,
)


def parse_byline(line: str) -> Byline | None:
    """`By Jane Doe`, `by Ahmed Hassan - World News Editor`, `By JANE DOE, Reuters`, and date
    lines: `Published: 5 March 2024`, `Updated March 5, 2024 10:32 AM ET`."""
    text = line.strip()
    if not text or len(text) > 120:
        return None
    match = _BYLINE.match(text)
    if match:
        name = _clean_name(match.group("name"))
        if not name:
            return None
        rest = (match.group("rest") or "").strip()
        outlet = rest if rest and lookup_outlet(rest) else None
        published = parse_date_field(rest) if rest else None
        if rest and not (outlet or published or _ROLE.search(rest) or _clean_name(rest)):
            return None
        return Byline(outlet, published, name, "byline")
    if DATE_LABEL.match(text) or len(text) <= 60:
        published = parse_date_field(text)
        if published:
            return Byline(None, published, None, "date")
    return None


@dataclass(frozen=True)
class SourceRef:
    raw: str  # the host, URL or name as written
    strong: bool  # "Source: x" is about the article; "Photo credit: x" only about a photo
    ends_piece: bool


_SOURCE_LABELS = (
    (r"sources|source|via|from", True, True),
    (
        r"read (?:the )?(?:original|full (?:article|story)|more|rest)"
        r"(?: (?:article|story))? (?:at|on)",
        True,
        True,
    ),
    (r"(?:originally|first) (?:published|appeared) (?:at|on|in|by)", True, True),
    (r"photo credit|image credit|photo|image|picture|credit|courtesy(?: of)?", False, False),
)
_SOURCE_LINE_RE = r"^(?:{})(?:\s*:\s*|\s+)(?P<target>\S(?:.*\S)?)\s*$"
_SOURCE_ALONE_RE = r"^(?:{})\s*:?\s*$"
_SOURCE_LINE = tuple(
    (re.compile(_SOURCE_LINE_RE.format(label), _I), strong, ends) for label, strong, ends in _SOURCE_LABELS
)
_SOURCE_ALONE = tuple(
    (re.compile(_SOURCE_ALONE_RE.format(label), _I), strong, ends) for label, strong, ends in _SOURCE_LABELS
)
# Most lines are text: one pattern with all the labels in it matches exactly when one of the
# patterns above does, and rules them all out in one try.
_ALL_LABELS = "|".join(f"(?:{label})" for label, _, _ in _SOURCE_LABELS)
_ANY_SOURCE_LINE = re.compile(_SOURCE_LINE_RE.format(_ALL_LABELS), _I)
_ANY_SOURCE_ALONE = re.compile(_SOURCE_ALONE_RE.format(_ALL_LABELS), _I)


def _source_target(target: str) -> bool:
    target = target.strip(" .")
    return looks_like_host(target) or bool(lookup_outlet(target) and len(target.split()) <= 5)


def parse_source_line(line: str) -> SourceRef | None:
    """`SOURCE: www.reuters.com`, `Photo credit: www.cbsnews.com`, `Read the original at x.test`."""
    text = line.strip()
    if len(text) > 200 or not _ANY_SOURCE_LINE.match(text):
        return None
    for regex, strong, ends in _SOURCE_LINE:
        match = regex.match(text)
        if match and _source_target(match.group("target")):
            return SourceRef(match.group("target").strip(" ."), strong, ends)
    return None


def parse_source_label(line: str) -> tuple[bool, bool] | None:
    """A bare `Source` / `Photo credit:` line whose host is on the next line: (strong, ends)."""
    text = line.strip()
    if not _ANY_SOURCE_ALONE.match(text):
        return None
    for regex, strong, ends in _SOURCE_ALONE:
        if regex.match(text):
            return strong, ends
    return None


def host_line(line: str) -> str | None:
    text = line.strip().strip(" .")
    return text if text and looks_like_host(text) else None


@dataclass(frozen=True)
class Dateline:
    text: str | None  # "RIYADH, Feb 18 (Reuters)"; None for a bare leading dash
    agency: str | None  # "Reuters" from the parenthesis
    end: int  # where the lede proper starts in the line


_NOT_PLACES = _words(
    "BREAKING UPDATE UPDATED EXCLUSIVE WATCH LIVE OPINION ANALYSIS EDITORIAL VIDEO PHOTOS "
    "PHOTO NOTE WARNING ALERT NEW FACT CHECK REVIEW INTERVIEW Q&A"
)
_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_TITLE_WORD = r"[A-Z][a-z.'’\-]+"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+)?)?"
_DL_DATE = rf"(?:,?\s*(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}))"


def _agency(name: str) -> str:
    return rf"(?:\s*\((?P<{name}>[A-Z][\w .&'’/-]{{1,40}})\))"


_DASH = r"(?:\s+(?:[–—]|--?)\s*|\s*[–—]\s+)"
_LEDE = r"(?=[A-Z0-9“\"‘'(])"
_DATELINE = re.compile(
    rf"^(?P<dl>"
    rf"(?P<caps>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}){_REGION}(?:(?i:{_DL_DATE}))?{_agency('agency')}?"
    rf"|{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}}{_REGION}(?:(?i:{_DL_DATE}){_agency('agency1')}?|{_agency('agency2')})"
    rf"|\((?P<agency3>[A-Z][\w .&'’/-]{{1,40}})\)"
    rf"){_DASH}{_LEDE}"
)
_BARE_DASH = re.compile(r"^[–—]\s*(?=[A-Za-z“\"‘'])")


@lru_cache(maxsize=8192)
def parse_dateline(line: str) -> Dateline | None:
    """`RIYADH, Feb 18 (Reuters) – ...`, `MOSCOW – ...`, `Frankfurt, March 5 (Wire) - ...`,
    and a lede that starts with a bare dash: `– In a significant ...` (no dateline text)."""
    text = line.lstrip()
    bare = _BARE_DASH.match(text)
    if bare:
        return Dateline(None, None, bare.end())
    match = _DATELINE.match(text)
    if not match:
        return None
    caps = match.group("caps")
    if caps and (caps in _NOT_PLACES or len(caps.replace(".", "")) < 2):
        return None
    dateline = match.group("dl").strip()
    agency = next((a for a in match.group("agency", "agency1", "agency2", "agency3") if a), None)
    if dateline.endswith(")") and "(" not in dateline:
        dateline = dateline[:-1].rstrip()
    return Dateline(dateline, agency.strip() if agency else None, match.end())


_SENTENCE_BREAK = re.compile(r"[a-z]{2}\.[\"”’]?\s+[A-Z]")


@lru_cache(maxsize=8192)
def looks_like_headline(line: str) -> bool:
    """A short line without a final full stop that starts like a title."""
    text = line.strip()
    if len(text) > 220:  # before splitting: `is_prose` asks this of whole article texts too
        return False
    words = text.split()
    if not 2 <= len(words) <= 30:
        return False
    core = text.rstrip("\"'”’»)]")
    if not core or core[-1] in ".,;:" or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'"):
        return False
    return not _SENTENCE_BREAK.search(text) and parse_dateline(text) is None


@lru_cache(maxsize=8192)
def is_prose(line: str) -> bool:
    """Reads as running text: a sentence, not a label or a title."""
    text = line.strip()
    if looks_like_headline(text) and title_cased(text):
        return False
    # counting words without splitting all of a long text: split(None, n - 1) gives n parts
    # exactly when there are n words or more
    if len(text.split(None, 7)) >= 8 and not looks_like_headline(text):
        return True
    return text.rstrip("\"'”’)»]").endswith((".", "!", "?", "…")) and len(text.split(None, 3)) >= 4


_FRONT_KEYS = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "published_at": "published",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "dateline": "dateline",
}
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


def parse_front_matter(
    lines: list[str],
) -> tuple[dict[str, tuple[str, int]], int, list[str]] | None:
    """`---` / `key: value` lines / `---` at the top.

    Returns ({field: (value, line)}, number of lines used, problems) or None."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        return None
    fields: dict[str, tuple[str, int]] = {}
    problems: list[str] = []
    for index in range(start + 1, min(len(lines), start + 60)):
        text = lines[index].strip()
        if text in ("---", "..."):
            return fields, index + 1, problems
        if not text or text.startswith("#"):
            continue
        match = _FRONT_LINE.match(text)
        if not match:
            return None  # not front matter after all: a rule line above text
        key = match.group("key").lower().replace("-", "_")
        value = match.group("value").strip().strip("\"'").strip()
        target = _FRONT_KEYS.get(key)
        if target is None:
            continue
        if target in fields:
            problems.append(f"line {index + 1}: front matter repeats '{target}' ('{key}'), first kept")
            continue
        if value:
            fields[target] = (value, index + 1)
    return None


@lru_cache(maxsize=8192)
def title_cased(line: str) -> bool:
    """Most longer words capitalised, as in 'Restoring Diplomatic Ties: Addressing Obstacles'."""
    words = [w.strip("\"'“”‘’()[],:;") for w in line.split()[1:]]
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    if len(long_words) < 2:
        return False
    return sum(1 for w in long_words if w[0].isupper()) / len(long_words) >= 0.6
