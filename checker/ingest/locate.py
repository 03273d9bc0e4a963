"""The source line of a piece of an HTML page's text, in time linear in the page.

trafilatura hands back the page's text without saying where each line stood in the file; the
line is found again in the page's visible text (tags, comments and hidden blocks removed, their
line breaks kept). Both steps are bounded, whatever the page:
  - the markup is removed in one pass of `str.find`: the regular expression it replaces tried
    the rest of the page again at every `<script`, `<!--` or `<` left unclosed (80 kB of them
    took 3 s, and the time grew with the square of the page);
  - a line not found after the last one found is looked for from the page's start, a scan of
    the whole page; the scans of all lines together may cover `SCAN_BUDGET` times the page, and
    after that a line not found where it is expected gets the line of the one before it. On a
    page of 16,000 list items, whose text trafilatura writes "- item", every line missed and
    every miss scanned the page twice: 8 s of a 10 s read.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

_SPACE = re.compile(r"\s+")
# elements whose content is never visible text (the regex only finds where one opens)
_HIDDEN_OPEN = re.compile(r"<(script|style|noscript|template|svg)\b", re.IGNORECASE)
_HIDDEN_CLOSE = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript", "template", "svg")
}
# trafilatura writes a list item as "- item"; the page has no such dash
_LIST_MARK = re.compile(r"^\s*-\s+")
SCAN_BUDGET = 64  # times the page's visible text that the searches of its lines may scan


class _Finder:
    """`find` of one fixed target, for positions that only grow: a search that found the target
    at f answers every later question from a position up to f, and one that found nothing
    answers every later question; so the page is scanned once per target."""

    def __init__(self, source: str, target: str | re.Pattern[str]) -> None:
        self.source, self.target = source, target
        self.start, self.found, self.end = -1, -1, -1

    def find(self, position: int) -> tuple[int, int]:
        """(start, end) of the first target at or after `position`, or (-1, -1)."""
        if self.start < 0 or (self.found >= 0 and self.found < position):
            self.start = position
            if isinstance(self.target, str):
                self.found = self.source.find(self.target, position)
                self.end = self.found + len(self.target) if self.found >= 0 else -1
            else:
                match = self.target.search(self.source, position)
                self.found, self.end = (match.start(), match.end()) if match else (-1, -1)
        return self.found, self.end


def visible_text(source: str) -> str:
    """The page without tags, comments and hidden blocks, each replaced by its line breaks, so
    every line stays where it was. A `<` that opens nothing (no `>` after it) is text."""
    comment_end = _Finder(source, "-->")
    tag_end = _Finder(source, ">")
    closers = {name: _Finder(source, pattern) for name, pattern in _HIDDEN_CLOSE.items()}
    parts: list[str] = []
    position = 0
    while (opening := source.find("<", position)) >= 0:
        end = -1
        if source.startswith("<!--", opening):
            end = comment_end.find(opening + 4)[1]
        if end < 0 and (hidden := _HIDDEN_OPEN.match(source, opening)):
            end = closers[hidden.group(1).lower()].find(hidden.end())[1]
        if end < 0:
            found = tag_end.find(opening + 1)[0]
            end = found + 1 if found >= 0 else -1
        if end < 0:  # no `>` anywhere after it: the rest of the page is text
            break
        parts += (source[position:opening], "\n" * source.count("\n", opening, end))
        position = end
    parts.append(source[position:])
    return "".join(parts)


class Locator:
    """Finds the source line of a piece of page text: the visible text of the raw HTML with the
    line of every character, whitespace removed so that tags inside a sentence do not matter."""

    def __init__(self, source: str) -> None:
        chunks: list[str] = []
        self.starts: list[int] = []  # offset in self.text where each non-empty line starts
        self.numbers: list[int] = []  # ... and that line's number
        size = 0
        for number, line in enumerate(visible_text(source).split("\n"), start=1):
            text = _SPACE.sub("", html.unescape(line))
            if text:
                chunks.append(text)
                self.starts.append(size)
                self.numbers.append(number)
                size += len(text)
        self.text = "".join(chunks)
        self.cursor = 0
        self.budget = SCAN_BUDGET * len(self.text) + 100_000
        self.scanned = 0  # characters the searches went over, found or not

    def line_of(self, text: str, fallback: int) -> int:
        key = _SPACE.sub("", _LIST_MARK.sub("", text, count=1))
        for size in (40, 16):
            probe = key[:size]
            if not probe:
                break
            found = self._find(probe)
            if found >= 0:
                self.cursor = found + len(probe)
                return self.numbers[bisect_right(self.starts, found) - 1]
        return fallback

    def _find(self, probe: str) -> int:
        """Forward from the last line found, then from the start (trafilatura may move a block,
        a title above the text), while the budget lasts."""
        for start in (self.cursor, 0):
            if self.scanned + len(self.text) - start > self.budget:  # what a miss would cost
                return -1
            found = self.text.find(probe, start)
            self.scanned += (found + len(probe) if found >= 0 else len(self.text)) - start
            if found >= 0:
                return found
        return -1
