"""Small text helpers of the report: slugs, safe links, truncation, docstring paragraphs and
score-explanation lines."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\\<>\"'`]")


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain absolute http(s) URL, else None (then it is shown as text only)."""
    if not url or url != url.strip() or len(url) > 2048:
        return None
    if _URL_UNSAFE.search(url):
        return None
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def slugify(name: str, taken: set[str], fallback: str = "outlet") -> str:
    """A file-name-safe, unique slug: lowercase ASCII letters, digits and hyphens."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].strip("-") or fallback
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def story_slug(story_id: str, taken: set[str]) -> str:
    return slugify(story_id, taken, fallback="story")


def paragraphs(doc: str) -> list[str]:
    """A docstring as paragraphs: blank lines separate them, hard line wraps are joined."""
    blocks = re.split(r"\n\s*\n", doc.strip())
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks if block.strip()]


def split_span(sentence: str, span: str) -> tuple[str, str, str]:
    """(before, span, after) around the first occurrence of `span` in `sentence`."""
    at = sentence.find(span) if span else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], span, sentence[at + len(span) :]


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_POINTS = re.compile(r"^(?P<points>[+-]\d+(?:\.\d+)?) (?P<text>.*)$", re.DOTALL)


def explain_line(line: str) -> dict[str, Any]:
    """'-15.0 role error finding (ROL001): ...' -> points, text and how to show it."""
    m = _POINTS.match(line)
    if m is None:
        return {"points": None, "text": line, "kind": "total" if line.startswith("=") else "note", "verify": False}
    value = float(m.group("points"))
    kind = "lost" if value < 0 else "gained" if value > 0 else "zero"
    text = m.group("text")
    return {
        "points": m.group("points"),
        "text": text.replace(" (to verify)", ""),
        "kind": kind,
        "verify": "(to verify)" in text,
    }
