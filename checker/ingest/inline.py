"""Page furniture inside paragraphs: photo galleries and embedded-post signatures.

`furniture.py` judges whole lines. Some furniture is glued into the running text instead, so a
line-level rule would lose the article sentence beside it or keep the furniture:
  - a photo gallery flattened into the text: "Photos: <gallery title> <caption> Hide Caption 1
    of 19 Photos: <gallery title> <caption> Hide Caption 2 of 19 ...". Its captions carry their
    own dates and numbers, and a chain of such markers may run across paragraph breaks or start
    right after an article sentence;
  - the signature under an embedded post: "<post text> — Name (@handle) October 14, 2017". The
    date is when the post was written, not when the reported event happened; the post's words
    stay (an article quotes them), the signature goes.

`split_paragraphs` cuts these spans out and returns the pieces of text around them, each with
the index of the paragraph it comes from, so a caller can keep its line map.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# "Hide Caption 3 of 19": the button under each picture of a flattened gallery
_GALLERY_MARK = re.compile(r"\bHide Caption (?P<k>\d{1,3}) of (?P<n>\d{1,3})\b", re.IGNORECASE)
# the gallery's title line, which opens the first caption (often twice: "Photos: X Photos: X")
_GALLERY_OPENER = re.compile(r"(?:^|(?<=[.!?\"”’)]\s))(?:Photos?|PHOTOS?|Gallery|GALLERY):\s", re.MULTILINE)
# "— Jane Roe (@jroe) October 14, 2017", with an optional "Report" button after it; the name may
# hold one parenthesis of its own ("TGFT (Thank God For Trump) (@handle)")
_SIGNATURE = re.compile(
    r"\s*[—–]{1,2}\s*[^()\n—–@]{1,60}?(?:\([^()\n]{1,40}\)[^()\n—–@]{0,30})?\s*\(@\w{1,30}\)\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}(?:\s+Report\b)?"
)
_SEPARATOR = "\n\n"
_NEXT_CAPTION = re.compile(r"\s*(?:Photos?|PHOTOS?|Gallery|GALLERY):")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    k: int
    n: int


def _marks(text: str) -> list[_Mark]:
    return [
        _Mark(m.start(), m.end(), int(m.group("k")), int(m.group("n")))
        for m in _GALLERY_MARK.finditer(text)
        if 1 <= int(m.group("k")) <= int(m.group("n"))
    ]


def _chains(marks: list[_Mark]) -> list[list[_Mark]]:
    """Markers of one gallery: the same count, numbered upwards, one after another."""
    chains: list[list[_Mark]] = []
    for mark in marks:
        last = chains[-1][-1] if chains else None
        if last is not None and last.n == mark.n and last.k < mark.k:
            chains[-1].append(mark)
        else:
            chains.append([mark])
    return chains


def _gallery_spans(text: str, paragraph_starts: list[int]) -> list[tuple[int, int]]:
    spans = []
    # the first gallery title of each paragraph, looked for once: a search from the paragraph's
    # start for every chain was quadratic in a paragraph of thousands of markers
    openers: dict[int, re.Match[str] | None] = {}
    for chain in _chains(_marks(text)):
        first, last = chain[0], chain[-1]
        # the first caption: from the gallery title when it follows an article sentence, from
        # the start of its paragraph otherwise
        at = bisect_right(paragraph_starts, first.start)
        para_start = paragraph_starts[at - 1] if at else 0
        if para_start not in openers:
            para_end = paragraph_starts[at] if at < len(paragraph_starts) else len(text)
            openers[para_start] = _GALLERY_OPENER.search(text, para_start, para_end)
        opener = openers[para_start]
        start = opener.start() if opener and opener.end() <= first.start else para_start
        end = last.end
        if last.k < last.n:
            # the gallery goes on: "... Hide Caption 2 of 10 Photos: <title> <caption>" up to the
            # end of the paragraph is the next caption
            after = bisect_right(paragraph_starts, end)  # (paragraphs hold no blank line)
            para_end = paragraph_starts[after] - len(_SEPARATOR) if after < len(paragraph_starts) else len(text)
            if _NEXT_CAPTION.match(text, end, para_end):
                end = para_end
        spans.append((start, end))
    return spans


def _signature_spans(text: str) -> list[tuple[int, int]]:
    if "(@" not in text:
        return []
    return [(m.start(), m.end()) for m in _SIGNATURE.finditer(text)]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def split_paragraphs(paragraphs: list[str]) -> list[tuple[int, str]]:
    """(index of the source paragraph, text) for each piece of text left once the furniture
    spans are cut out. A paragraph without furniture comes back as it was; one with a span inside
    it comes back as the pieces around the span; one that is all furniture does not come back."""
    if not any("(@" in p or "aption" in p for p in paragraphs):
        return list(enumerate(paragraphs))  # (nearly every article: nothing to cut)
    starts: list[int] = []
    position = 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + len(_SEPARATOR)
    text = _SEPARATOR.join(paragraphs)
    spans = _merged(_gallery_spans(text, starts) + _signature_spans(text))
    pieces: list[tuple[int, str]] = []
    first = 0  # the spans are sorted and apart: those ending before a paragraph are done with
    for index, (paragraph, start) in enumerate(zip(paragraphs, starts, strict=True)):
        end = start + len(paragraph)
        while first < len(spans) and spans[first][1] <= start:
            first += 1
        inside = []
        for s, e in spans[first:]:
            if s >= end:
                break
            inside.append((max(s, start), min(e, end)))
        if not inside:
            pieces.append((index, paragraph))
            continue
        bounds = [start] + [b for span in inside for b in span] + [end]
        kept = (text[bounds[i] : bounds[i + 1]].strip() for i in range(0, len(bounds), 2))
        pieces.extend((index, piece) for piece in kept if piece)
    return pieces


def split_numbered(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`split_paragraphs` for (source line, paragraph) pairs: each piece keeps its line."""
    pieces = split_paragraphs([text for _, text in numbered])
    return [(numbered[index][0], text) for index, text in pieces]
