"""Line-level readers: outlet names, dates, header and byline lines, source lines, datelines."""

from __future__ import annotations

from datetime import date

import pytest

from checker.ingest.dates import coerce_date, parse_date_field
from checker.ingest.metadata import (
    looks_like_headline,
    parse_byline,
    parse_dateline,
    parse_header,
    parse_source_line,
)
from checker.ingest.outlets import canonical_outlet


@pytest.mark.parametrize(
    ("raw", "outlet"),
    [
        ("REUTERS", "Reuters"),
        ("Reuters.com", "Reuters"),
        ("www.reuters.com", "Reuters"),
        ("https://www.reuters.com/world/europe/story-2025-02-18/", "Reuters"),
        ("THE STRAITS TIMES", "The Straits Times"),
        ("Straits Times", "The Straits Times"),
        ("straitstimes.com", "The Straits Times"),
        ("www.cbsnews.com", "CBS News"),
        ("breitbart.com", "Breitbart"),
        ("time.news", "time.news"),
        ("nyt", "The New York Times"),
        ("FOX", "Fox News"),
        ("hpo", "HuffPost"),
        ("thecaucus.blogs.nytimes.com", "The New York Times"),
        ("edition.cnn.com", "CNN"),
        ("www.unlisted-paper.test", "unlisted-paper.test"),
        ("CONTINENTAL WIRE", "Continental Wire"),
        ("THE VOICE OF THE VALLEY", "The Voice of the Valley"),
        ("NBC", "NBC"),
        ("Harbour Daily", "Harbour Daily"),
        ("  ", "unknown"),
    ],
)
def test_canonical_outlet(raw: str, outlet: str) -> None:
    assert canonical_outlet(raw) == outlet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published February 19, 2023", date(2023, 2, 19)),
        ("Feb. 18, 2025", date(2025, 2, 18)),
        ("Tuesday 5 March 2024 10:32 GMT", date(2024, 3, 5)),
        ("Updated: 6 Mar 2024, 10:32 a.m. ET", date(2024, 3, 6)),
        ("2024-08-14", date(2024, 8, 14)),
        ("2023-02-19T10:00:00Z", date(2023, 2, 19)),
        ("14.08.2024", date(2024, 8, 14)),
        ("March 5", None),  # no year: not a full date
        ("February 30, 2024", None),
        ("said on March 5, 2024 that", None),
    ],
)
def test_parse_date_field(text: str, expected: date | None) -> None:
    assert parse_date_field(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-06-01 08:15:00", date(2019, 6, 1)),
        ("2020-01-31T23:59:00+01:00", date(2020, 1, 31)),
        ("5 March 2024", date(2024, 3, 5)),
        (1709630000, date(2024, 3, 5)),
        ("next week", None),
        ("March", None),
        (None, None),
    ],
)
def test_coerce_date(value: object, expected: date | None) -> None:
    assert coerce_date(value) == expected


@pytest.mark.parametrize(
    ("line", "outlet", "published", "author"),
    [
        ("REUTERS | Published February 19, 2023", "REUTERS", date(2023, 2, 19), None),
        (
            "By Jane Doe | Continental Wire | March 5, 2024",
            "Continental Wire",
            date(2024, 3, 5),
            "Jane Doe",
        ),
        ("| time.news", "time.news", None, None),
        ("Valley Gazette · Published: 15 August 2024", "Valley Gazette", date(2024, 8, 15), None),
        ("By Ana Costa | World | 12/03/2024", None, None, "Ana Costa"),  # section; ambiguous date
    ],
)
def test_parse_header(line: str, outlet: str | None, published: date | None, author: str | None) -> None:
    found = parse_header(line)
    assert found is not None
    assert (found.outlet, found.published, found.author) == (outlet, published, author)


@pytest.mark.parametrize(
    "line",
    [
        "World | Politics | Sport",
        "Q1 | Q2 | Q3",
        "Prices rose | officials said on Monday that it was over.",
        "a | b",
    ],
)
def test_not_headers(line: str) -> None:
    assert parse_header(line) is None


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("by Ahmed Hassan - World News Editor", "Ahmed Hassan", None),
        ("By JANE DOE, Associated Press", "Jane Doe", "Associated Press"),
        ("By Maria de la Cruz and Tom Berg", "Maria de la Cruz and Tom Berg", None),
        ("Written by Li Wei for Reuters", "Li Wei", "Reuters"),
    ],
)
def test_parse_byline(line: str, author: str, outlet: str | None) -> None:
    found = parse_byline(line)
    assert found is not None and (found.author, found.outlet) == (author, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the ministry said little.",
        "By Monday, officials had left the city.",
        "by the numbers",
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "target", "strong"),
    [
        ("SOURCE: www.reuters.com", "www.reuters.com", True),
        ("Source: www.x.test", "www.x.test", True),
        ("Read the original at www.valleygazette.test", "www.valleygazette.test", True),
        ("Photo credit: www.cbsnews.com", "www.cbsnews.com", False),
        ("Sources: Reuters", "Reuters", True),
        ("Source: officials familiar with the matter", None, None),
    ],
)
def test_parse_source_line(line: str, target: str | None, strong: bool | None) -> None:
    found = parse_source_line(line)
    assert (found.raw, found.strong) == (target, strong) if found else target is None


@pytest.mark.parametrize(
    ("line", "dateline", "agency"),
    [
        (
            "RIYADH, Feb 18 (Reuters) – U.S. President Donald Trump said",
            "RIYADH, Feb 18 (Reuters)",
            "Reuters",
        ),
        ("MOSCOW – Russian Foreign Minister Sergei Lavrov", "MOSCOW", None),
        (
            "FRANKFURT, March 5 (Continental Wire) - European shares",
            "FRANKFURT, March 5 (Continental Wire)",
            "Continental Wire",
        ),
        ("WASHINGTON, D.C. — The Senate voted", "WASHINGTON, D.C.", None),
        ("London (AP) — Britain's economy grew", "London (AP)", "AP"),
        ("(Reuters) - Oil prices rose", "(Reuters)", "Reuters"),
        ("– In a significant diplomatic growth", None, None),
    ],
)
def test_parse_dateline(line: str, dateline: str | None, agency: str | None) -> None:
    found = parse_dateline(line)
    assert found is not None and (found.text, found.agency) == (dateline, agency)


@pytest.mark.parametrize(
    "line",
    [
        "US-Russia Talks in Saudi Arabia",
        "US–Russia talks resume",
        "BREAKING – Hundreds evacuated",
        "Time.news: Dr. Vance, thank you",
    ],
)
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("US and Russia forge ahead on peace talks, without Ukraine", True),
        ("US-Russia Summit on the Horizon? Lavrov and Rubio Pave the Way", True),
        ("Kremlin pushes for US cooperation on its terms – ISW", True),
        ("The probe entered orbit on Sunday, mission control said.", False),
        ("Key Takeaways:", False),
        ("Lavrov said. Then he left", False),
        ("MOSCOW – The ministry summoned the envoy", False),
    ],
)
def test_looks_like_headline(line: str, headline: bool) -> None:
    assert looks_like_headline(line) is headline
