"""A Markdown line as plain text: rules, heading marks, quote marks, images, links, bold, italic
and code marks removed, in time linear in the line.

Written as the obvious regular expressions (`(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1` for bold,
`\\[([^\\]]+)\\]\\([^)]*\\)` for a link), each mark left unclosed made the engine try the rest of
the line again: 80 kB of `**a ` took 53 s. Here a bold mark's closer is looked up among the
marks found in one pass, a link's text and target cannot hold the bracket or parenthesis that
opens another (one level of parentheses is allowed in a target, as in Wikipedia's), and a
heading's closing marks are stripped from the end.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_RULE = re.compile(r"\s{0,3}(?:[-*_]\s*){3,}")  # a horizontal rule: the whole line
_HEADING = re.compile(r"\s{0,3}#{1,6}\s+")
_QUOTE = re.compile(r"\s{0,3}>\s?")
_TARGET = r"\((?:[^()]++|\([^()]*+\))*+\)"
_IMAGE = re.compile(rf"!\[[^\][]*\]{_TARGET}")
_LINK = re.compile(rf"\[([^\][]+)\]{_TARGET}")
_BOLD_MARK = re.compile(r"(?=(\*\*|__))")  # every position, overlapping: "***" holds two
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")  # stops at the next "*"
_CODE = re.compile(r"`([^`]+)`")


def markdown_line(line: str) -> str:
    """The text of one Markdown line."""
    if _RULE.fullmatch(line):
        return ""
    heading = _HEADING.match(line)
    if heading:  # "## Title ##": the marks on both sides
        line = line[heading.end() :].rstrip().rstrip("#").rstrip()
    quote = _QUOTE.match(line)
    if quote:
        line = line[quote.end() :]
    if "](" in line:
        line = _LINK.sub(r"\1", _IMAGE.sub("", line))
    if "**" in line or "__" in line:
        line = _unbold(line)
    if "*" in line:
        line = _ITALIC.sub(r"\1", line)
    if "`" in line:
        line = _CODE.sub(r"\1", line)
    return line


def _unbold(line: str) -> str:
    """`**text**` and `__text__` as text: an opening mark before a non-space, closed by the first
    same mark after a non-space, at least one character on; left to right, as a regex would."""
    marks = [(m.start(), m.group(1)) for m in _BOLD_MARK.finditer(line)]
    closers: dict[str, list[int]] = {"**": [], "__": []}
    for at, mark in marks:
        if at > 0 and not line[at - 1].isspace():
            closers[mark].append(at)
    parts: list[str] = []
    done = 0
    for at, mark in marks:
        if at < done or at + 2 >= len(line) or line[at + 2].isspace():
            continue
        ends = closers[mark]
        index = bisect_left(ends, at + 3)
        if index == len(ends):
            continue
        end = ends[index]
        parts += (line[done:at], line[at + 2 : end])
        done = end + 2
    parts.append(line[done:])
    return "".join(parts)
