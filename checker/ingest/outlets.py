"""Outlet names: hosts, short codes and spelling variants mapped to one display name.

The table is `checker/data/outlets.csv` (`key,outlet`). `canonical_outlet` is the one entry point
the rest of ingest uses; names not in the table are tidied (ALL CAPS -> Title Case), not
guessed.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

UNKNOWN = "unknown"

# words kept lower-case inside a title-cased name (never the first word)
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "de",
        "del",
        "der",
        "des",
        "di",
        "du",
        "for",
        "from",
        "in",
        "la",
        "le",
        "of",
        "on",
        "or",
        "the",
        "to",
        "und",
        "van",
        "von",
    ]
)
_HOST_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]+)\.?$", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.", "edition.")
_VOWELS = frozenset("AEIOUaeiou")


def _key(raw: str) -> str:
    return " ".join(raw.replace("\u00a0", " ").split()).strip(" .,:;|-–—").casefold()


@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    """key (case-folded) -> display name, from checker/data/outlets.csv."""
    table: dict[str, str] = {}
    source = resources.files("checker").joinpath("data", "outlets.csv")
    with source.open(encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if line.strip() and not line.startswith("#"))
        header = next(rows, None)
        if header != ["key", "outlet"]:
            raise ValueError(f"outlets.csv: expected header 'key,outlet', found {header}")
        for row in rows:
            if len(row) != 2 or not row[0].strip() or not row[1].strip():
                raise ValueError(f"outlets.csv: malformed row {row}")
            name = row[1].strip()
            table[_key(row[0])] = name
            table.setdefault(_key(name), name)
    return table


def looks_like_host(text: str) -> bool:
    """`www.reuters.com`, `time.news`, `reuters.com/world/...` (no spaces, a dotted host first)."""
    text = text.strip()
    if not text or " " in text:
        return False
    if _SCHEME_RE.match(text):
        return bool(urlsplit(text).hostname)
    return bool(_HOST_RE.match(text.split("/", 1)[0]))


def host_of(url_or_host: str) -> str | None:
    """The bare host (lower-case, no `www.`) of a URL or host, or None."""
    text = url_or_host.strip()
    if not text:
        return None
    if not _SCHEME_RE.match(text):
        text = "http://" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.rstrip(".").lower()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host


def outlet_for_host(host: str) -> str | None:
    """The display name for a host or any parent domain in the table, else None."""
    table = outlet_table()
    labels = host.lower().split(".")
    for start in range(len(labels) - 1):
        found = table.get(".".join(labels[start:]))
        if found:
            return found
    return None


@lru_cache(maxsize=4096)  # a corpus names few outlets, over and over
def lookup_outlet(raw: str) -> str | None:
    """The display name when `raw` (name, code, host or URL) is in the table, else None."""
    key = _key(raw)
    if not key:
        return None
    table = outlet_table()
    if key in table:
        return table[key]
    if key.startswith("the ") and key[4:] in table:
        return table[key[4:]]
    if looks_like_host(raw):
        host = host_of(raw)
        if host:
            return outlet_for_host(host)
    return None


def _tidy_word(word: str, first: bool) -> str:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return word
    if len(letters) <= 4 and not any(c in _VOWELS for c in letters):
        return word  # an acronym: CBS, NBC, WSJ
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    return "-".join(part[:1].upper() + part[1:] for part in lower.split("-"))


def tidy_name(raw: str) -> str:
    """Whitespace folded; ALL-CAPS names title-cased with small words lower-case (except first)."""
    name = " ".join(raw.replace("\u00a0", " ").split()).strip(" ,:;|-–—")
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        words = name.split(" ")
        if len(words) == 1 and len(letters) <= 3:
            return name  # a lone short acronym: ABC, AFP
        name = " ".join(_tidy_word(word, index == 0) for index, word in enumerate(words))
    return name


@lru_cache(maxsize=4096)
def canonical_outlet(raw: str) -> str:
    """One display name for any spelling of an outlet: 'REUTERS', 'Reuters.com', 'www.reuters.com',
    'https://www.reuters.com/world/x' -> 'Reuters'; unknown hosts -> the host without 'www.';
    unknown names -> tidied ('CONTINENTAL WIRE' -> 'Continental Wire'); empty -> 'unknown'."""
    known = lookup_outlet(raw)
    if known:
        return known
    if looks_like_host(raw):
        host = host_of(raw)
        if host:
            return host
    name = tidy_name(raw)
    return name or UNKNOWN
