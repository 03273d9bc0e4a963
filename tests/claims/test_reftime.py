"""Reference time: published date, dateline, story, office holders."""

from __future__ import annotations

from datetime import date

import pytest

from checker import claims, segment
from checker.claims.reftime import reference_times
from checker.knowledge import default_kb
from checker.model import Article, article_id

TODAY = date(2026, 11, 22)


def article(text: str, published: date | None = None, dateline: str | None = None, outlet: str = "Wire") -> Article:
    return Article(
        id=article_id(text, outlet),
        path=f"{outlet}.txt",
        outlet=outlet,
        title="t",
        text=text,
        published=published,
        dateline=dateline,
    )


def reftime(*articles: Article):  # type: ignore[no-untyped-def]
    kb = default_kb()
    found = {a.id: claims.extract(a, segment.split_article(a), kb) for a in articles}
    return reference_times(list(articles), found, kb, TODAY)[0]


def test_published_date_comes_first() -> None:
    a = article("Secretary of State Marco Rubio spoke.", published=date(2025, 3, 1), dateline="WASHINGTON, Feb 27")
    rt = reftime(a)[a.id]
    assert (rt.source, rt.latest) == ("published", date(2025, 3, 1))


def test_dateline_with_a_year() -> None:
    a = article("The bank met on Thursday.", dateline="FRANKFURT, June 6, 2024")
    rt = reftime(a)[a.id]
    assert (rt.source, rt.latest) == ("dateline", date(2024, 6, 6))


def test_yearless_dateline_takes_the_only_year_the_office_holders_allow() -> None:
    text = "FRANKFURT, June 6 (Wire) - Chancellor Friedrich Merz and Secretary of State Antony Blinken met."
    a = article(text, dateline="FRANKFURT, June 6 (Wire)")
    rt = reftime(a)[a.id]  # Merz took office in May 2025, Blinken left in January 2025: no year fits both
    assert rt.source != "dateline"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Vice President JD Vance and Chancellor Olaf Scholz met in Munich.", date(2025, 2, 14))],
)
def test_yearless_dateline_in_a_single_shared_year(text: str, expected: date) -> None:
    a = article(f"MUNICH, Feb 14 (Wire) - {text}", dateline="MUNICH, Feb 14 (Wire)")
    rt = reftime(a)[a.id]  # Vance from 2025-01-20, Scholz until 2025-05-06: only February 2025 fits
    assert (rt.source, rt.latest) == ("dateline", expected)


def test_undated_article_takes_its_story_dates() -> None:
    dated = article("Ministers met in Vienna.", published=date(2024, 5, 2), outlet="Post")
    undated = article("Ministers met in Vienna on Thursday.")
    rt = reftime(dated, undated)[undated.id]
    assert rt.source == "story" and rt.earliest <= date(2024, 5, 2) <= rt.latest



@pytest.mark.parametrize(
    ("text", "source"),
    [
        # two present titles its story's dates rule out: the article's own words say when it was written
        ("Secretary of State Marco Rubio and National Security Adviser Mike Waltz met on Tuesday.", "office holders"),
        # one alone may be the article's own error, which the role rules are there to report
        ("Secretary of State Marco Rubio met officials on Tuesday.", "story"),
    ],
)
def test_an_undated_article_whose_titles_rule_out_its_story_date(text: str, source: str) -> None:
    undated = article(text, outlet="Undated")
    sisters = [article("Officials met on Tuesday.", date(2014, 5, 6), outlet=name) for name in ("A", "B")]
    assert reftime(undated, *sisters)[undated.id].source == source


def test_an_undated_article_that_dates_events_after_its_story_is_not_of_its_story() -> None:
    # it cannot be written before the events it reports: its story (by words alone) is another event
    undated = article("The wall was funded on March 4, 2019, after weeks of talks.", outlet="Undated")
    sisters = [article("The wall was debated after weeks of talks.", date(2012, 5, 6), outlet=n) for n in ("A", "B")]
    rt = reftime(undated, *sisters)[undated.id]
    assert rt.source == "text dates" and rt.earliest >= date(2019, 3, 4)


def test_a_title_of_a_past_time_does_not_date_the_article() -> None:
    # "then" and "at the time" put the title in the past: it pins no time of writing
    text = "At the time, Secretary of State John Kerry and Defense Secretary Chuck Hagel opposed the plan."
    times = reftime(article(text))
    assert next(iter(times.values())).source != "office holders"


def test_titles_alone_never_overrule_a_published_date() -> None:
    # a retrospective names past office holders in the present form; with nothing else against its
    # date (no sister articles, no later events) the published date stands
    text = (
        "President Barack Obama, Vice President Joe Biden and Secretary of State Hillary Clinton all "
        "spoke. Defense Secretary Robert Gates listened."
    )
    times = reftime(article(text, date(2019, 2, 5)))
    assert next(iter(times.values())).source == "published"


# An undated article's borrowed time is corroborated by its own text, or by statements it repeats.
UNDATED_SISTERS = [
    ("Alpha", date(2025, 2, 18), "Talks opened in Riyadh on Tuesday between the two delegations."),
    ("Beta", date(2025, 2, 18), "The delegations met in Riyadh for talks on Tuesday."),
]


@pytest.mark.parametrize(
    ("text", "shared", "corroborated"),
    [
        # a present title its holder held on the story's day
        ("U.S. Secretary of State Marco Rubio led the American side.", 0, True),
        # ... outweighed by one its holder no longer held
        ("Secretary of State Marco Rubio met Finnish Prime Minister Sanna Marin.", 0, False),
        # an event dated in full shortly before the story's day
        ("The envoys first spoke by phone on February 12, 2025.", 0, True),
        # nothing of its own: the story grouping alone dates it
        ("The envoys spoke about the war for hours.", 0, False),
        # ... unless it repeats three statements of its story
        ("The envoys spoke about the war for hours.", 3, True),
    ],
)
def test_a_borrowed_story_time_is_corroborated(text: str, shared: int, corroborated: bool) -> None:
    kb = default_kb()
    articles = [Article(id=o, path=f"{o}.txt", outlet=o, title=t, text=t, published=d) for o, d, t in UNDATED_SISTERS]
    undated = Article(id="u", path="u.txt", outlet="Gamma", title=text, text=text)
    found = {a.id: claims.extract(a, segment.split_article(a), kb) for a in [*articles, undated]}
    times, _ = reference_times([*articles, undated], found, kb, TODAY, shared={"u": shared})
    assert times["u"].source == "story"
    assert times["u"].corroborated is corroborated
