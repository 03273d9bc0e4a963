"""Kept source lines -> `Article.text` ("\n\n" between paragraphs) and its `line_map`."""

from __future__ import annotations

import re
import statistics

from checker.ingest.metadata import title_cased

_TERMINAL = (".", "!", "?", "…", ":", ";", '"', "”", "’", "'", ")", "]", "»")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[A-Z“\"‘])")
_LIST_ITEM = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")


def is_hard_wrapped(lines: list[str]) -> bool:
    """Text cut into short lines inside paragraphs (as e-mail and some archives store it)."""
    texts = [t.strip() for t in lines if t.strip()]
    if len(texts) < 5:
        return False
    lengths = [len(t) for t in texts]
    open_ends = sum(1 for t in texts if not t.endswith(_TERMINAL))
    return max(lengths) <= 120 and 40 <= statistics.median(lengths) <= 100 and open_ends >= len(texts) * 0.4


def continues(previous: str, line: str, *, wrapped: bool = False) -> bool:
    """Whether `line` carries on the paragraph of `previous` (directly below it in the source)."""
    prev = previous.rstrip()
    text = line.lstrip()
    if not prev or not text or _LIST_ITEM.match(text) or title_cased(prev):
        return False
    if wrapped:
        return True
    return not prev.endswith(_TERMINAL) and text[0].islower()


def build_text(lines: list[tuple[int, str]], *, wrapped: bool = False) -> tuple[str, list[int]]:
    """Join (source line, text) pairs. A line directly below its predecessor that carries on the
    sentence stays in the paragraph after "\n"; otherwise a new paragraph starts after "\n\n".
    line_map gives the source line of every text line (the empty line between paragraphs maps to
    the line of the paragraph that follows)."""
    parts: list[str] = []
    line_map: list[int] = []
    previous = ""
    previous_number = -1
    for number, raw in lines:
        text = " ".join(raw.replace("\u00a0", " ").split())
        if not text:
            continue
        if parts:
            if number == previous_number + 1 and continues(previous, text, wrapped=wrapped):
                parts.append("\n")
            else:
                parts.append("\n\n")
                line_map.append(number)
        parts.append(text)
        line_map.append(number)
        previous, previous_number = text, number
    return "".join(parts), line_map


def paragraphs_text(paragraphs: list[str], numbers: list[int]) -> tuple[str, list[int]]:
    """Paragraphs joined by a blank line; every text line maps to its paragraph's source line."""
    line_map: list[int] = []
    for index, number in enumerate(numbers):
        line_map.extend([number] if index == 0 else [number, number])
    return "\n\n".join(paragraphs), line_map


def first_sentence(text: str, limit: int = 120) -> str:
    """The first sentence of `text`, cut at a word boundary to at most `limit` characters."""
    paragraph = text.strip().split("\n\n", 1)[0].replace("\n", " ")
    sentence = _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
