"""The five real seed documents in corpora/seeds/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.ingest import iter_corpus, load_file
from checker.model import Article, article_id

SEEDS = Path(__file__).resolve().parents[2] / "corpora" / "seeds"
S000 = "000_72e6989c01709c06.txt"
S001 = "001_9185052ef5ee903c.txt"
S002 = "002_ea8af5ad2eda1e38.txt"
S003 = "003_697425ad9d472758.txt"
S004 = "004_e5d57251645b5567.txt"

FURNITURE = (
    "Home »",
    "Table of Contents",
    "| time.news",
    "You may also like",
    "Leave a Comment",
    "Leave a Reply",
    "Be the first to comment",
    "Akismet",
    "READ FULL ARTICLE",
    "Purchase Licensing Rights",
    "pic.twitter.com",
    "Keywords:",
    "SOURCE:",
    "RELATED:",
    "Photo credit",
    "www.cbsnews.com",
    "REUTERS | Published",
    "FILE PHOTO",
    "Pool Photo via AP",
)


def articles(name: str) -> list[Article]:
    loaded = load_file(SEEDS / name)
    assert loaded.errors == []
    return loaded.articles


@pytest.mark.parametrize(("name", "count"), [(S000, 1), (S001, 1), (S002, 2), (S003, 3), (S004, 1)])
def test_seed_piece_count(name: str, count: int) -> None:
    found = articles(name)
    assert len(found) == count
    assert [a.part for a in found] == list(range(count))


def test_seed_003_three_outlets_with_their_own_metadata() -> None:
    reuters, breitbart, straits = articles(S003)
    assert (reuters.outlet, reuters.published) == ("Reuters", date(2023, 2, 19))  # as printed
    assert (breitbart.outlet, breitbart.published) == ("Breitbart", date(2025, 2, 18))
    assert (straits.outlet, straits.published) == ("The Straits Times", date(2025, 2, 18))
    assert reuters.title == "US and Russia forge ahead on peace talks, without Ukraine"
    assert breitbart.title.startswith("U.S.-Russia Talks Begin: Moscow Pours Cold Water")
    assert straits.title == "Russia rules out territorial concessions on eve of talks with Trump team"
    assert reuters.dateline == "RIYADH, Feb 18 (Reuters)"
    assert straits.dateline == "MOSCOW"
    assert breitbart.dateline is None
    assert reuters.text.startswith("RIYADH, Feb 18 (Reuters) – U.S. President")
    assert reuters.text.endswith("they gave up nothing to get that.”")
    assert breitbart.text.startswith("Marco Rubio and Sergei Lavrov meet for talks on Ukraine")
    assert breitbart.text.endswith("bids to gain early leverage awaits.")
    assert straits.text.endswith("to discuss Europe’s role in a ceasefire.")
    assert "byline line 4" in reuters.provenance["outlet"]
    assert "line 54" in breitbart.provenance["title"]


def test_seed_002_two_time_news_pieces() -> None:
    first, second = articles(S002)
    assert first.outlet == second.outlet == "time.news"
    assert first.title == "US-Russia Talks in Saudi Arabia: A Glimmer of Hope for Ukraine Peace?"
    assert second.title.startswith("US-Russia Summit on the Horizon?")
    assert first.dateline == "RIYADH"
    assert second.text.startswith("– In a significant diplomatic growth")
    assert "inherited from part 0" in second.provenance["outlet"]
    # the trailing interview belongs to the second piece
    assert "Dr. Vance: From my personal perspective" in second.text
    assert "Dr. Vance" not in first.text
    # a sentence broken over two lines stays one paragraph
    assert "deception in the West\nwhen defining future negotiating positions." in first.text


@pytest.mark.parametrize(
    ("name", "outlet", "title"),
    [
        (S000, "unknown", "Lavrov Accuses US of Breaking Ukraine War Negotiation Promises"),
        (S001, "CBS News", "Potential Negotiations Between Russia and the U.S. on Ukraine"),
        (S004, "unknown", "Kremlin pushes for US cooperation on its terms – ISW"),
    ],
)
def test_single_piece_seeds(name: str, outlet: str, title: str) -> None:
    (article,) = articles(name)
    assert (article.outlet, article.title) == (outlet, title)
    assert article.published is None
    assert "outlet" in article.provenance


def test_seed_000_byline_is_an_author_not_an_outlet() -> None:
    (article,) = articles(S000)
    assert article.author == "Ahmed Hassan"
    assert article.provenance["author"].startswith("byline line 5")
    assert article.provenance["outlet"].startswith("no outlet found")


def test_seed_001_outlet_from_the_source_lines() -> None:
    (article,) = articles(S001)
    assert "source line 17" in article.provenance["outlet"]
    assert article.text.endswith("in light of the missile strikes.")


@pytest.mark.parametrize(
    ("name", "part", "sentence", "line"),
    [
        (S000, 0, "Kremlin spokesman Dmitry Peskov echoed", 11),
        (S001, 0, "Vice President JD Vance recently underscored", 11),
        (S002, 0, "Kremlin spokesperson Dmitry Peskov confirmed", 12),
        (S002, 0, "when defining future negotiating positions", 13),
        (S002, 1, "Adding intrigue to the situation", 33),
        (S002, 1, "Dr. Vance: From my personal perspective", 56),
        (S003, 0, "As the 4-1/2-hour meeting in the Saudi capital", 6),
        (S003, 0, "“Russia has won Round One,”", 45),
        (S003, 1, "It is the first high-level talks between the U.S. and Russia", 64),
        (S003, 2, "Lavrov said there would be no talk of territorial concessions", 98),
        (S004, 0, "Norwegian Foreign Minister Anniken Huitfeldt", 10),
    ],
)
def test_seed_line_numbers(name: str, part: int, sentence: str, line: int) -> None:
    article = articles(name)[part]
    offset = article.text.index(sentence)
    assert article.line_of(offset) == line
    assert article.line_of(offset + len(sentence) - 1) == line
    source_lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    assert sentence in source_lines[line - 1]


@pytest.mark.parametrize("name", [S000, S001, S002, S003, S004])
def test_seed_text_has_no_furniture(name: str) -> None:
    for article in articles(name):
        for marker in FURNITURE:
            assert marker not in article.text, marker
        assert article.title not in article.text.split("\n\n")[0]


@pytest.mark.parametrize("name", [S000, S001, S002, S003, S004])
def test_seed_every_field_has_provenance(name: str) -> None:
    for article in articles(name):
        for field in ("outlet", "title", "published", "author", "dateline", "url"):
            if getattr(article, field):
                assert article.provenance.get(field), field
        assert article.id == article_id(article.text, article.outlet)
        assert len(article.line_map) == article.text.count("\n") + 1


def test_seed_folder_through_iter_corpus() -> None:
    loaded = list(iter_corpus([SEEDS]))
    paths = [item.source.path for item in loaded if hasattr(item, "source")]
    assert paths == sorted(paths) and len(paths) == 5
    assert all(p.startswith(SEEDS.as_posix() + "/") for p in paths)
    outlets = [a.outlet for item in loaded if hasattr(item, "articles") for a in item.articles]
    assert outlets == [
        "unknown",
        "CBS News",
        "time.news",
        "time.news",
        "Reuters",
        "Breitbart",
        "The Straits Times",
        "unknown",
    ]
