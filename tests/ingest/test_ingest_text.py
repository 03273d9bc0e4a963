"""Plain text and Markdown: front matter, inferred metadata with provenance, page furniture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.ingest import load_file
from checker.ingest.furniture import classify
from checker.model import Article

BODY = (
    "The regional government announced on Monday a plan to plant two million trees by 2030.\n"
    "Officials said the first saplings would go into the ground this autumn.\n"
)


def _one(tmp_path: Path, text: str, name: str = "story.txt") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.errors == []
    (article,) = loaded.articles
    return article


def test_front_matter_sets_every_field(tmp_path: Path) -> None:
    text = (
        "---\n"
        "title: Two million trees by 2030\n"
        "outlet: REUTERS\n"
        "published: 2024-03-05\n"
        "url: https://example.test/trees\n"
        'author: "Lena Park"\n'
        "---\n"
        "Trees for the valley\n" + BODY
    )
    article = _one(tmp_path, text)
    assert article.title == "Two million trees by 2030"
    assert article.outlet == "Reuters"
    assert article.published == date(2024, 3, 5)
    assert article.url == "https://example.test/trees"
    assert article.author == "Lena Park"
    assert article.provenance["outlet"] == "front matter line 3"
    assert article.provenance["published"] == "front matter line 4"
    assert article.text.startswith("The regional government")
    assert article.line_of(article.text.index("Officials said")) == 10


def test_front_matter_with_a_bad_date_reports_it(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Trees\ndate: soon\n---\n" + BODY, encoding="utf-8")
    loaded = load_file(path)
    (article,) = loaded.articles
    assert article.published is None
    (error,) = loaded.errors
    assert error.path == path.as_posix() and "line 3" in error.message and "'soon'" in error.message


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    text = (
        "# Planting **two million** trees\n\n"
        "![a sapling](img/sapling.jpg)\n\n"
        "The regional government [announced](https://example.test/a) on Monday a plan to plant two "
        "million trees by *2030*.\n\n"
        "---\n\n"
        "> Officials said the first saplings would go into the ground this autumn.\n"
    )
    article = _one(tmp_path, text, "trees.md")
    assert article.title == "Planting two million trees"
    assert article.text == (
        "The regional government announced on Monday a plan to plant two million trees by 2030.\n\n"
        "Officials said the first saplings would go into the ground this autumn."
    )
    assert article.line_map == [5, 9, 9]


@pytest.mark.parametrize(
    ("first_line", "outlet", "published", "author"),
    [
        ("GULF MONITOR | Published February 19, 2023", "Gulf Monitor", date(2023, 2, 19), None),
        (
            "By Jane Doe | Continental Wire | March 5, 2024",
            "Continental Wire",
            date(2024, 3, 5),
            "Jane Doe",
        ),
        ("| daily.example", "daily.example", None, None),
        ("Nordic Ledger • Updated 6 March 2024 10:32 CET", "Nordic Ledger", date(2024, 3, 6), None),
        ("By KARL BERG, Associated Press", "Associated Press", None, "Karl Berg"),
        ("Published: 2024-11-02", "unknown", date(2024, 11, 2), None),
    ],
)
def test_bylines_and_headers(
    tmp_path: Path, first_line: str, outlet: str, published: date | None, author: str | None
) -> None:
    article = _one(tmp_path, f"Trees for the valley\n{first_line}\n{BODY}")
    assert (article.outlet, article.published, article.author) == (outlet, published, author)
    for field in ("outlet", "published", "author"):
        if getattr(article, field) not in (None, "unknown"):
            assert article.provenance[field].startswith("byline line 2"), field
    assert first_line not in article.text


@pytest.mark.parametrize(
    ("lines", "outlet", "how"),
    [
        ("SOURCE: www.reuters.com", "Reuters", "source line 4"),
        ("Source\nwww.straitstimes.com", "The Straits Times", "source line 4"),
        ("Sources:\n\nhttps://www.breitbart.com/europe/2025/x", "Breitbart", "source line 4"),
        ("Photo credit: www.cbsnews.com", "CBS News", "photo credit line 4"),
        ("Source: www.unlisted-news.test", "unlisted-news.test", "source line 4"),
        ("Read the original at Reuters.com", "Reuters", "source line 4"),
    ],
)
def test_source_lines_give_the_outlet(tmp_path: Path, lines: str, outlet: str, how: str) -> None:
    article = _one(tmp_path, f"Trees for the valley\n{BODY}{lines}\n")
    assert article.outlet == outlet
    assert article.provenance["outlet"].startswith(how)
    assert "www." not in article.text and "Source" not in article.text


def test_photo_credit_at_the_top_and_source_at_the_end(tmp_path: Path) -> None:
    article = _one(
        tmp_path,
        f"Photo credit: www.cbsnews.com\nTrees for the valley\n{BODY}Source: www.reuters.com\n",
    )
    assert article.outlet == "Reuters"  # a source line outranks a photo credit
    assert article.title == "Trees for the valley"


@pytest.mark.parametrize(
    ("lede", "dateline", "outlet"),
    [
        (
            "RIYADH, Feb 18 (Gulf Wire) – Talks began on Tuesday in the Saudi capital.",
            "RIYADH, Feb 18 (Gulf Wire)",
            "Gulf Wire",
        ),
        (
            "FRANKFURT, March 5 (Continental Wire) - Shares rose on Tuesday across Europe.",
            "FRANKFURT, March 5 (Continental Wire)",
            "Continental Wire",
        ),
        (
            "NEW YORK (AP) — Stocks fell sharply on Wall Street on Friday afternoon.",
            "NEW YORK (AP)",
            "Associated Press",
        ),
        (
            "MOSCOW – The foreign ministry summoned the envoy on Monday morning.",
            "MOSCOW",
            "unknown",
        ),
        (
            "Nairobi, 4 June (East Africa Desk) - Rains returned to the region this week.",
            "Nairobi, 4 June (East Africa Desk)",
            "East Africa Desk",
        ),
    ],
)
def test_datelines(tmp_path: Path, lede: str, dateline: str, outlet: str) -> None:
    article = _one(
        tmp_path,
        f"Talks open in the capital\n{lede}\nMore meetings are planned for next week, officials said.\n",
    )
    assert article.dateline == dateline
    assert article.outlet == outlet
    assert article.provenance["dateline"].startswith("lede line 2")
    if outlet != "unknown":
        assert article.provenance["outlet"].startswith("dateline line 2")
    assert article.text.startswith(lede)  # the dateline stays in the text


def test_no_headline_falls_back_to_the_first_sentence(tmp_path: Path) -> None:
    article = _one(tmp_path, BODY)
    assert article.title == "The regional government announced on Monday a plan to plant two million trees by 2030."
    assert article.provenance["title"].startswith("first sentence")
    assert article.outlet == "unknown" and article.provenance["outlet"].startswith("no outlet found")


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path: Path) -> None:
    text = (
        "Harbour plan approved\n\n"
        "The port authority approved on Tuesday a plan to deepen the main\n"
        "channel so that larger container ships can dock, after two years of\n"
        "studies and a public consultation that drew 3,000 responses.\n\n"
        "Work is due to start next spring and should last about eighteen\n"
        "months, the authority said in a statement on its website today.\n"
    )
    article = _one(tmp_path, text)
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 2
    assert article.line_of(article.text.index("studies and a public")) == 5
    assert article.line_of(article.text.index("months, the authority")) == 8


# furniture worded differently from the seeds
FURNITURE_PAGE = """\
Start › Science › Space probe reaches asteroid
Space probe reaches asteroid
Skip to main content
Share this article
Facebook Twitter LinkedIn Email
Listen to this article
The probe entered orbit around the asteroid on Sunday after a journey of four years, mission control said.
Advertisement
Scientists hope to collect samples from the surface next year.
The craft carries three cameras and a drill built by a team of engineers in Bremen. (Photo: Jan Holm/Getty Images)
Tags: space, asteroid, probes
Story continues below advertisement
Engineers will spend the coming weeks mapping possible landing sites.
Related Stories
Rocket test delayed by weather
Moon base design unveiled
© 2024 Orbit Times. All rights reserved.
Join the discussion
Amazing achievement, well done to the team!
"""


def test_furniture_of_other_wording_is_removed(tmp_path: Path) -> None:
    article = _one(tmp_path, FURNITURE_PAGE)
    assert article.title == "Space probe reaches asteroid"
    assert article.text.split("\n\n") == [
        "The probe entered orbit around the asteroid on Sunday after a journey of four years, mission control said.",
        "Scientists hope to collect samples from the surface next year.",
        "Engineers will spend the coming weeks mapping possible landing sites.",
    ]
    assert article.line_map == [7, 9, 9, 13, 13]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Home / News / Politics", "drop"),
        ("Inicio » Mundo » Europa", "drop"),
        ("Contents", "drop"),
        ("Share on WhatsApp", "drop"),
        ("We use cookies to personalise content. Accept all or manage preferences.", "drop"),
        ("Sign up for our daily newsletter", "drop"),
        ("Keywords: budget, parliament", "drop"),
        ("— Maria Lopez (@mlopez) March 3, 2024", "drop"),
        ("Watch: pic.twitter.com/AbC123", "drop"),
        (
            "A protester holds a flag outside parliament. REUTERS/Anna Berg Purchase Licensing Rights",
            "caption",
        ),
        (
            "Firefighters work at the scene in Athens, Greece, July 2, 2024. REUTERS/Nikos Papadopoulos",
            "caption",
        ),
        ("Continue reading »", "end"),
        ("Read the original at the Valley Gazette", "end"),
        ("Read full story", "end"),
        ("You might also like", "list"),
        ("More from Orbit Times:", "list"),
        ("Most read", "list"),
        ("Comments are closed.", "tail"),
        ("27 comments", "tail"),
        ("Post a comment", "tail"),
        ("See also: Rocket test delayed by weather", "related"),
        # captions and forms as crawlers leave them in a record's text
        ("FILE PHOTO: The finance minister speaks in Lisbon, Portugal, May 3, 2021. REUTERS/Ana Sousa", "caption"),
        ("Enlarge this image toggle caption Ana Sousa/AP Ana Sousa/AP", "caption"),
        ("Image copyright Agency Image caption Crowds gathered in the square on Sunday", "caption"),
        ('Media playback is unsupported on your device Media caption The mayor: "We will rebuild"', "caption"),
        ("The harbour at dawn on Tuesday, when the ships left. Photo: Ana Sousa/Port Authority", "caption"),
        ("(PHOTOS: The candidates over the years)", "caption"),
        ("PHOTOS: Ten bridges worth a visit", "caption"),
        (
            "Harbour Daily newsletter Get the week's shipping news in your inbox. Email Sign Up By signing up"
            " you agree to receive email newsletters from Harbour Daily.",
            "drop",
        ),
    ],
)
def test_furniture_patterns(line: str, kind: str) -> None:
    found = classify(line)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "Share prices rose 3% on Tuesday after the results.",
        "The comments were made at a press conference in Rome.",
        "Related talks will continue in Geneva next month, the ministry said.",
        "Sources said the minister would resign.",
        "Copyright law was reformed in 2019 after years of debate.",
        "RUSSIA OFFERS NO CONCESSIONS",
        "Key Takeaways:",
        "The photo: a crowd in the square was shared widely on Tuesday, the agency said.",
        "Signing up, you agree, is the easy part, the minister said of the new scheme.",
        "The caption was changed after readers complained about the wording.",
        "Peers persuade us more than experts do (for example, by the choice of a profile photo).",
    ],
)
def test_text_that_is_not_furniture(line: str) -> None:
    assert classify(line) is None


def test_published_wins_over_updated(tmp_path: Path) -> None:
    text = f"Trees for the valley\nNordic Ledger • Updated 7 March 2024 09:10 CET\nPublished: 6 March 2024\n{BODY}"
    article = _one(tmp_path, text)
    assert (article.outlet, article.published) == ("Nordic Ledger", date(2024, 3, 6))
    assert article.provenance["published"].startswith("byline line 3")
