"""Signals read from one article alone: metadata, text quality, anonymous sourcing, unattributed quotes.

Each detector returns the instances it found as short excerpts, so the report can show what was
counted. They are plain string searches and regular expressions; the costly expressions only run
where a cheap substring test found a candidate, so the stage stays a small part of a run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from checker.claims.people import SPEECH_VERBS
from checker.model import Article, Claim, Sentence

Instances = dict[str, list[str]]  # signal key -> excerpts, one per instance

# Anonymous sourcing, matched in lower-cased text. A sentence is only tried when it holds a trigger.
_ANONYMOUS = re.compile(
    r"""\b(?:
    reportedly
    |(?:sources?|people|persons|officials?|diplomats?|insiders?)\s+(?:close\s+to|familiar\s+with
        |with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|who\s+(?:spoke|asked|requested|declined))
    |(?:a|an|one|two|three|several|some|many|other)\s+(?:[\w.’'-]+\s+){0,3}?
        (?:sources?|officials?|diplomats?|insiders?)\s+(?:said|say|says|told|suggest(?:ed)?|indicated)
    |sources\s+(?:said|say|says|told|suggest(?:ed)?|indicate(?:d)?)
    |according\s+to\s+(?:sources|reports|media\s+reports|unnamed|anonymous|people\s+familiar|a\s+source)
    |on\s+(?:the\s+)?condition\s+of\s+anonymity
    |(?:asked|requested|declined)\s+not\s+to\s+be\s+(?:named|identified)
    |declined\s+to\s+be\s+(?:named|identified)
    |it\s+is\s+(?:understood|believed|rumou?red)
    |(?:is|are|was|were)\s+rumou?red\s+to
    )\b""",
    re.VERBOSE,
)
_ANONYMOUS_TRIGGERS = (
    "reportedly",
    "source",
    "official",
    "diplomat",
    "insider",
    "familiar with",
    "knowledge of",
    "briefed on",
    "anonymity",
    "to be named",
    "to be identified",
    "it is ",
    "rumo",
    " who spoke",
    " who asked",
    " who requested",
    " who declined",
)


def _group_triggers(prefixes: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(prefix, the triggers starting with it) per prefix, then ("", all the other triggers)."""
    rest = tuple(t for t in _ANONYMOUS_TRIGGERS if not t.startswith(prefixes))
    return (*((p, tuple(t for t in _ANONYMOUS_TRIGGERS if t.startswith(p))) for p in prefixes), ("", rest))


# Each trigger is a search of the whole text; those sharing a prefix are searched for only when
# the prefix is there (most texts have neither " who " nor "to be ").
_TRIGGER_GROUPS = _group_triggers((" who ", "to be "))
_ATTRIBUTION = re.compile(
    rf"\b(?:{SPEECH_VERBS}|according\s+to|described|calls?|called|termed|dubbed|quoted|in\s+a\s+statement)\b"
    r"|:\s*$"
)
# Words run together after punctuation ("hypocrisy,accusing", "talks.The", "war?Why"): candidates
# from a cheap scan, judged on their neighbours.
_PUNCT_THEN_LETTER = re.compile(r"[,;:!?.](?=[A-Za-z])")
_URLISH = re.compile(r"www|https?:|@|/|\.(?:com|org|net|gov|edu|co|io|news)\b", re.IGNORECASE)
_LOWER_START = re.compile(r"^[\"“‘'(\[]*(?P<word>[a-z][\w’'-]*)")
_DOMAIN_NEXT = re.compile(r"\.[a-z]")
_TERMINAL = frozenset(".!?…\"”’')]:;*")
_NAME_PARTICLES = frozenset(
    [
        "bin",
        "ibn",
        "al",
        "el",
        "von",
        "der",
        "van",
        "de",
        "la",
        "le",
        "da",
        "del",
        "di",
        "dos",
        "du",
        "af",
        "den",
        "ter",
    ]
)


def _excerpt(text: str, start: int, end: int, width: int = 24) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return ("…" if lo else "") + " ".join(text[lo:hi].split()) + ("…" if hi < len(text) else "")


def metadata(article: Article) -> Instances:
    """No published date, no byline, no dateline: what the ingest stage could not find."""
    found: Instances = {}
    if article.published is None:
        found["no date"] = ["published: none"]
    if not (article.author or "").strip():
        found["no byline"] = ["author: none"]
    if not (article.dateline or "").strip():
        found["no dateline"] = ["dateline: none"]
    return found


def text_quality(article: Article, sentences: Sequence[Sentence], names: Iterable[str] = ()) -> Instances:
    """Broken casing, missing spaces after punctuation and truncated sentences.

    `names` are people's names the story's articles give (from their claims): a name written
    with a lower-case word ("sergey Lavrov") is broken casing.
    """
    text = article.text
    found: Instances = {
        "broken casing": _broken_casing(text, sentences, names),
        "missing space": _missing_spaces(text),
        "truncated text": _truncated(text),
    }
    return {key: items for key, items in found.items() if items}


def _missing_spaces(text: str) -> list[str]:
    found = []
    for m in _PUNCT_THEN_LETTER.finditer(text):
        at = m.start()
        if at < 2 or not (text[at - 1].islower() and text[at - 2].islower()):
            continue
        after = text[at + 1 : at + 3]
        if m.group(0) == "." and not (after[:1].isupper() and after[1:2].islower()):
            continue  # "time.news", "U.S.": a full stop needs a new sentence after it
        if m.group(0) != "." and not after.isalpha():
            continue
        token_start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        ends = [p for p in (text.find(" ", at), text.find("\n", at)) if p >= 0]
        if not _URLISH.search(text[token_start : min(ends, default=len(text))]):
            found.append(_excerpt(text, at, at + 1, 16))
    return found


def _broken_casing(text: str, sentences: Sequence[Sentence], names: Iterable[str]) -> list[str]:
    """Sentences that start in lower case, and names with a lower-case word ("sergey Lavrov")."""
    found: list[str] = []
    starts: set[int] = set()
    for sentence in sentences:
        m = _LOWER_START.match(sentence.text)
        if not m or any(ch.isupper() for ch in m.group("word")) or _DOMAIN_NEXT.match(sentence.text, m.end("word")):
            continue  # "iPhone", "eBay", "time.news": written that way on purpose
        starts.add(sentence.start + m.start("word"))
        found.append(" ".join(sentence.text[: len(m.group(0)) + 30].split()) + "…")
    for name in sorted(set(names)):
        words = [w for w in name.split() if w.casefold() not in _NAME_PARTICLES]
        if len(words) < 2 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
            continue
        first, last = words[0], words[-1]
        for variant in (f"{first.lower()} {last}", f"{first} {last.lower()}"):
            at = text.find(variant)
            while at >= 0:
                if at not in starts and (at == 0 or not text[at - 1].isalpha()):
                    starts.add(at)
                    found.append(_excerpt(text, at, at + len(variant), 12))
                at = text.find(variant, at + 1)
    return found


def _truncated(text: str) -> list[str]:
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    found = []
    for i, line in enumerate(lines):
        if line[-1] in _TERMINAL:  # most lines: no need to count their words
            continue
        words = line.split()
        if len(words) < 8:
            continue
        if sum(w[:1].isupper() for w in words) / len(words) > 0.6:
            continue  # a heading: "US-Russia Summit on the Horizon? Lavrov and Rubio Pave the Way"
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not following or following[:1].islower():
            found.append("…" + " ".join(words[-6:]))
    return found


def anonymous_sourcing(text: str, sentences: Sequence[Sentence]) -> list[str]:
    """One excerpt per sentence that rests on unnamed sources."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased: search sentence by sentence
        candidates = list(range(len(sentences)))
    else:
        starts = [s.start for s in sentences]
        hits: set[int] = set()
        for prefix, group in _TRIGGER_GROUPS:
            if prefix not in low:
                continue
            for trigger in group:
                at = low.find(trigger)
                while at >= 0:
                    hits.add(bisect.bisect_right(starts, at) - 1)
                    at = low.find(trigger, at + 1)
        candidates = sorted(i for i in hits if i >= 0)
    found = []
    for i in candidates:
        sentence = sentences[i].text
        m = _ANONYMOUS.search(sentence.lower())
        if m:
            found.append(_excerpt(sentence, m.start(), m.end(), 20))
    return found


def unattributed_quotes(sentences: Sequence[Sentence], claims: Sequence[Claim]) -> list[str]:
    """Quotations of five words or more with no speaker in their sentence or the ones around it."""
    found = []
    by_index = {s.index: s for s in sentences}
    for claim in claims:
        if claim.kind != "quote" or claim.value.get("speaker") or len(claim.value.get("words", "").split()) < 5:
            continue
        near = [by_index[i] for i in (claim.sentence - 1, claim.sentence, claim.sentence + 1) if i in by_index]
        rest = [s.text.replace(claim.text, " ") if s.index == claim.sentence else s.text for s in near]
        if not any(_ATTRIBUTION.search(t.lower()) for t in rest):
            words = claim.value["words"].split()
            found.append("“" + " ".join(words[:8]) + ("…" if len(words) > 8 else "") + "”")
    return found


def people_named(claims: Iterable[Claim]) -> set[str]:
    """Full names the claims give people: role holders, leaders, named speakers."""
    names = set()
    for claim in claims:
        if claim.kind == "role":
            name = claim.value.get("person") or ""
        elif claim.kind == "administration":
            name = claim.value.get("leader") or ""
        elif claim.kind == "quote" and claim.value.get("speaker_named"):
            name = claim.value.get("speaker") or ""
        else:
            continue
        if len(name.split()) >= 2:
            names.add(name)
    return names
