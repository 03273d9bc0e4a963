"""Stitched pages built here: other outlets, separators, date formats and layouts than the seeds."""

# ruff: noqa: E501 - fixtures hold news paragraphs, which are single long lines

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.ingest import load_file
from checker.model import Article

WIRE_PAGE = """\
Markets rally as central bank holds rates
By Jane Okafor | Continental Wire | March 5, 2024
FRANKFURT, March 5 (Continental Wire) - European shares rose on Tuesday after the central bank kept interest rates unchanged, with banks leading gains.
The benchmark index closed 1.2% higher, its best day in three weeks.
Analysts said the decision had been widely expected by investors.
Continue reading

Read the original at www.continentalwire.test

Oil slips on demand worries
Weak factory data from Asia weighed on crude for a second session.
NORDIC LEDGER • Published 6 March 2024
OSLO – Oil prices fell for a second day on Wednesday as weak factory data from Asia raised fears of slowing demand.
Brent crude settled down 80 cents at 81.20 dollars a barrel, traders said.
More from Nordic Ledger:
Shipping rates climb in the Baltic
Ferry operators report record bookings

Port strike ends after two days
ROTTERDAM (Harbour Daily) – Dock workers returned to work on Thursday after unions accepted a revised pay offer.
The strike had left dozens of container ships waiting at anchor off the coast.
Source: www.harbourdaily.test
12 Comments
I think this is great news for everyone.
Totally agree with the above, finally.
"""

# pieces separated only by their header lines: no end markers at all
HEADERS_ONLY_PAGE = """\
Glacier retreat speeds up in the Alps

By Tomas Weber | Alpine Courier | 2024-08-14

Swiss glaciers lost 4% of their volume this year, the second-worst loss on record, scientists said on Wednesday.

The monitoring network measured record melt at several sites above 3,000 metres.

Researchers warned that smaller glaciers could vanish within two decades.

Vineyards brace for an early harvest
A hot summer has pushed grapes to ripen weeks ahead of schedule.
VALLEY GAZETTE · Published: 15 August 2024
Growers in the region began picking white grapes on Thursday, the earliest start in forty years.
Winemakers said yields were lower but quality looked promising after the dry weeks.
"""

# a headline followed by a dash lede starts a piece of the same site; a stray comment form ends
SAME_SITE_PAGE = """\
City council approves new cycle lanes
| metro.example
LYON – The city council on Monday approved 40 kilometres of new protected cycle lanes, to be built over the next three years.
The plan passed by 38 votes to 21 after a four-hour debate.
Opponents argued that the lanes would worsen congestion for delivery vans.
Tram extension delayed until spring
– Work on the northern tram extension will not resume before April, the transport authority said on Tuesday, citing supplier delays.
The authority said the delay would add about 12 million euros to the cost of the project.
Leave a Reply
Your email address will not be published. Required fields are marked *
"""

# three outlets; the last piece names none of them, so it must stay unknown
MIXED_PAGE = """\
Drought cuts hydropower output
ANDES TRIBUNE | Published Jan. 9, 2025
LIMA – Hydropower output fell by a fifth in December as reservoirs dropped to their lowest level in a decade.
Officials said thermal plants would cover the shortfall for now.
READ FULL ARTICLE
SOURCE: www.andestribune.test

Copper exports hit record
PACIFIC REVIEW | Published Jan. 10, 2025
SANTIAGO – Copper exports reached a record 51 billion dollars last year, the central bank said.
Mining companies credited new projects in the north for the rise.
READ FULL ARTICLE

Fishermen protest new quotas
Hundreds of fishermen blocked the port on Friday to protest against new catch quotas, which they said would ruin small crews.
The ministry said the quotas were needed to let stocks recover after years of overfishing.
"""


def _load(tmp_path: Path, text: str, name: str = "page.txt") -> list[Article]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path)
    assert loaded.errors == []
    return loaded.articles


def _line(article: Article, sentence: str) -> int:
    return article.line_of(article.text.index(sentence))


def test_wire_page_three_pieces(tmp_path: Path) -> None:
    wire, ledger, harbour = _load(tmp_path, WIRE_PAGE)
    assert (wire.outlet, wire.published, wire.author) == (
        "Continental Wire",
        date(2024, 3, 5),
        "Jane Okafor",
    )
    assert wire.dateline == "FRANKFURT, March 5 (Continental Wire)"
    assert wire.title == "Markets rally as central bank holds rates"
    assert (ledger.outlet, ledger.published, ledger.dateline) == (
        "Nordic Ledger",
        date(2024, 3, 6),
        "OSLO",
    )
    assert ledger.title == "Oil slips on demand worries"
    assert ledger.text.startswith("Weak factory data from Asia")  # the standfirst is text
    assert harbour.title == "Port strike ends after two days"
    assert harbour.outlet == "Harbour Daily"  # the dateline name spells the unknown host
    assert harbour.dateline == "ROTTERDAM (Harbour Daily)"
    everything = "\n".join(a.text for a in (wire, ledger, harbour))
    for furniture in (
        "Continue reading",
        "Read the original",
        "More from",
        "Shipping rates",
        "Comments",
        "great news",
    ):
        assert furniture not in everything
    assert _line(wire, "The benchmark index closed") == 4
    assert _line(ledger, "Brent crude settled") == 14
    assert _line(harbour, "The strike had left") == 21


def test_pieces_separated_only_by_headers(tmp_path: Path) -> None:
    alpine, valley = _load(tmp_path, HEADERS_ONLY_PAGE)
    assert (alpine.outlet, alpine.published, alpine.author) == (
        "Alpine Courier",
        date(2024, 8, 14),
        "Tomas Weber",
    )
    assert alpine.title == "Glacier retreat speeds up in the Alps"
    assert alpine.text.endswith("could vanish within two decades.")
    assert (valley.outlet, valley.published) == ("Valley Gazette", date(2024, 8, 15))
    assert valley.title == "Vineyards brace for an early harvest"
    assert valley.text.startswith("A hot summer has pushed grapes")
    assert _line(alpine, "Researchers warned") == 9
    assert _line(valley, "Winemakers said") == 15


def test_headline_and_dash_lede_start_a_piece_of_the_same_site(tmp_path: Path) -> None:
    council, tram = _load(tmp_path, SAME_SITE_PAGE)
    assert council.outlet == tram.outlet == "metro.example"
    assert tram.provenance["outlet"].startswith("inherited from part 0")
    assert council.dateline == "LYON" and tram.dateline is None
    assert tram.title == "Tram extension delayed until spring"
    assert "Your email address" not in tram.text and "Leave a Reply" not in tram.text
    assert _line(tram, "The authority said the delay") == 8


def test_piece_without_outlet_on_a_mixed_page_stays_unknown(tmp_path: Path) -> None:
    andes, pacific, fishermen = _load(tmp_path, MIXED_PAGE)
    assert (andes.outlet, andes.published) == ("Andes Tribune", date(2025, 1, 9))
    assert (pacific.outlet, pacific.published) == ("Pacific Review", date(2025, 1, 10))
    assert fishermen.outlet == "unknown"
    assert fishermen.title == "Fishermen protest new quotas"
    assert _line(fishermen, "The ministry said") == 16


@pytest.mark.parametrize(
    "separator",
    [
        "Continue reading »",
        "Read the original at www.firstpaper.test",
        "Read the full story",
        "Source: www.firstpaper.test",
    ],
)
def test_end_markers_split_pieces(tmp_path: Path, separator: str) -> None:
    page = (
        "Bridge reopens after repairs\n"
        "The Harbour bridge reopened to traffic on Tuesday after eleven months of repairs, officials said.\n"
        "Tolls will not rise this year, the mayor added during the ceremony.\n"
        f"{separator}\n"
        "\n"
        "Ferry strike ends\n"
        "Ferry crews returned to work on Wednesday after a two-day strike over rosters.\n"
        "The operator said all routes would run normally by the weekend.\n"
    )
    bridge, ferry = _load(tmp_path, page)
    assert (bridge.title, ferry.title) == ("Bridge reopens after repairs", "Ferry strike ends")
    assert separator.split()[0] not in bridge.text + ferry.text
    assert _line(ferry, "The operator said") == 8


def test_single_article_with_subheads_and_inline_links_is_not_split(tmp_path: Path) -> None:
    page = (
        "Parliament passes budget after marathon session\n"
        "By Ana Costa | Lisbon Herald | 12/03/2024\n"
        "LISBON – Parliament approved the 2025 budget early on Wednesday after a session lasting nineteen hours.\n"
        "The vote was 116 to 114, with two abstentions.\n"
        "Read more: Opposition walks out of budget debate\n"
        "What happens next\n"
        "The president has twenty days to sign the budget or send it back to parliament.\n"
        "Economists said the deficit target of 0.3% of output looked achievable.\n"
    )
    (article,) = _load(tmp_path, page)
    assert article.outlet == "Lisbon Herald"
    assert "What happens next" in article.text
    assert "Opposition walks out" not in article.text
    assert _line(article, "Economists said") == 8


def test_comment_section_between_pieces_is_dropped(tmp_path: Path) -> None:
    page = (
        "Library to open on Sundays\n"
        "By Mia Lund | Town Crier | 2 May 2024\n"
        "The central library will open on Sundays from June, the council said, after a petition gathered 4,000 names.\n"
        "Opening hours will be 11:00 to 17:00.\n"
        "3 Comments\n"
        "Finally some good news for students here.\n"
        "About time, the old hours were useless.\n"
        "Pool closes for renovation\n"
        "By Mia Lund | Town Crier | 3 May 2024\n"
        "The municipal pool will close for six months from July for a full renovation costing 8 million crowns.\n"
        "Swimmers will be able to use the school pool on weekday evenings.\n"
    )
    library, pool = _load(tmp_path, page)
    assert (library.published, pool.published) == (date(2024, 5, 2), date(2024, 5, 3))
    assert pool.title == "Pool closes for renovation"
    assert "good news" not in library.text + pool.text and "useless" not in library.text + pool.text
    assert _line(pool, "Swimmers will be able") == 11


def test_stitched_ids_are_distinct_and_stable(tmp_path: Path) -> None:
    first = _load(tmp_path, WIRE_PAGE)
    second = _load(tmp_path, WIRE_PAGE, "copy.txt")
    assert [a.id for a in first] == [a.id for a in second]
    assert len({a.id for a in first}) == 3
