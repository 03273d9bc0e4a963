"""Markdown lines as text, in time linear in the line: the same text as the regular expressions
the reader used before on every line they could read, and hostile lines read at all."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest.markdown import markdown_line

# the rules the reader used before (each left unclosed mark made them try the rest of the line)
_OLD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$"), ""),
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?"), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)


def old_markdown_line(line: str) -> str:
    for pattern, replacement in _OLD_RULES:
        line = pattern.sub(replacement, line)
    return line


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("## The **new** rules ##", "The new rules"),
        ("# C#", "C"),
        ("> quoted *words* here", "quoted words here"),
        ("---", ""),
        (" * * *", ""),
        ("See [the report](https://example.test/r) and ![a chart](c.png).", "See the report and ."),
        ("***bold italic***", "bold italic"),
        ("__under__ and **bold** and `code`", "under and bold and code"),
        ("2 * 3 * 4 and a ** b", "2 * 3 * 4 and a ** b"),
        ("snake_case_name and __init__", "snake_case_name and init"),
    ],
)
def test_markdown_line(line: str, text: str) -> None:
    assert markdown_line(line) == text
    assert old_markdown_line(line) == text


def pieces(*parts: str, max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(parts), max_size=max_size).map("".join)


def test_a_link_target_may_hold_parentheses() -> None:
    line = "A [wiki link](https://en.wikipedia.test/wiki/Bridge_(Oslo)) here"
    assert markdown_line(line) == "A wiki link here"  # (the old rule left "A wiki link) here")


@settings(max_examples=300, deadline=None, database=None)
@given(pieces(*"*_ #>`-ab.\t", "**", "__", "ab ", "\u00a0", max_size=20))
def test_emphasis_headings_and_rules_as_before(line: str) -> None:
    assert markdown_line(line) == old_markdown_line(line)


@settings(max_examples=300, deadline=None, database=None)
@given(pieces(*"[]()!a x/:", "](", "![", max_size=16))
def test_links_as_before_unless_brackets_nest(line: str) -> None:
    # a link's text may no longer hold "[" nor its target a second "(" (it stopped the rescans)
    if re.search(r"\[[^\]]*\[|\([^)]*\(", line) is None:
        assert markdown_line(line) == old_markdown_line(line)


@pytest.mark.parametrize(
    ("unit", "kept"),
    [("**a ", "**a "), ("__a ", "__a "), ("[a](", "[a]("), ("![a](", "![a]("), ("[a ", "[a "), ("*a ", "*a ")],
)
def test_unclosed_marks_over_a_long_line(unit: str, kept: str) -> None:
    # 160 kB of marks that never close: the old rules took minutes on this line
    line = unit * 40_000
    assert markdown_line(line) == kept * 40_000
    assert old_markdown_line(unit * 20) == kept * 20


def test_a_heading_with_a_long_run_of_spaces() -> None:
    assert markdown_line("# Title" + " " * 100_000 + "x ##") == "Title" + " " * 100_000 + "x"
