"""Small text helpers of the report (`checker.report.text`)."""

from __future__ import annotations

import re

import pytest

from checker.report.text import explain_line, paragraphs, safe_url, slugify, split_span, story_slug, truncate


@pytest.mark.parametrize("url", ["https://example.com/a?b=1#c", "http://example.com", "HTTPS://EXAMPLE.COM/x"])
def test_safe_url_keeps_plain_web_addresses(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>1</script>",
        "vbscript:x",
        "//evil.example/x",
        "/relative",
        "https://",
        "https://a b.example",
        'https://x.example/"onmouseover="1',
        "http://x.example/\u0000",
        "ftp://x.example",
    ],
)
def test_safe_url_refuses_everything_else(url: str | None) -> None:
    assert safe_url(url) is None


def test_slugs_are_file_safe_and_unique() -> None:
    taken: set[str] = set()
    assert slugify("The Straits Times", taken) == "the-straits-times"
    assert slugify("the straits times!", taken) == "the-straits-times-2"
    assert slugify("../../etc/passwd", taken) == "etc-passwd"
    assert slugify("«»", taken) == "outlet"
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in taken)


def test_story_slugs_fall_back_to_story() -> None:
    taken: set[str] = set()
    assert story_slug("3f9a0c", taken) == "3f9a0c"
    assert story_slug("***", taken) == "story"
    assert story_slug("3F9A0C", taken) == "3f9a0c-2"


def test_a_docstring_becomes_paragraphs_with_wraps_joined() -> None:
    doc = """First line
    wrapped here.

        Second paragraph.
    """
    assert paragraphs(doc) == ["First line wrapped here.", "Second paragraph."]


@pytest.mark.parametrize(
    ("sentence", "span", "parts"),
    [
        ("Russia holds 18% of Ukraine.", "18%", ("Russia holds ", "18%", " of Ukraine.")),
        ("Russia holds 18% of Ukraine.", "20%", ("Russia holds 18% of Ukraine.", "", "")),
        ("No span given.", "", ("No span given.", "", "")),
        ("5 and 5 again", "5", ("", "5", " and 5 again")),
    ],
)
def test_split_span_cuts_around_the_first_occurrence(sentence: str, span: str, parts: tuple[str, str, str]) -> None:
    assert split_span(sentence, span) == parts


@pytest.mark.parametrize(("text", "limit", "out"), [("short", 10, "short"), ("a long title here", 8, "a long…")])
def test_truncate_keeps_the_limit(text: str, limit: int, out: str) -> None:
    assert truncate(text, limit) == out and len(truncate(text, limit)) <= limit


@pytest.mark.parametrize(
    ("line", "points", "kind", "verify"),
    [
        ("-15.0 role error finding (ROL001): x", "-15.0", "lost", False),
        ("+2.5 corroborated claims", "+2.5", "gained", False),
        ("-0 a finding to check (to verify)", "-0", "zero", True),
        ("= 72.5 score", None, "total", False),
        ("based on 3 articles", None, "note", False),
    ],
)
def test_explain_lines_show_their_points(line: str, points: str | None, kind: str, verify: bool) -> None:
    shown = explain_line(line)
    assert (shown["points"], shown["kind"], shown["verify"]) == (points, kind, verify)
    assert "(to verify)" not in shown["text"]
