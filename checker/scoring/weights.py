"""The documented weights: how many points each measured signal costs or earns an article.

Everything the score does is in these tables; docs/scoring.md ("Source credibility") and the
HTML report print them. Change a weight here and every explanation follows.
"""

from __future__ import annotations

from dataclasses import dataclass

START = 100.0

# Findings where the article is the flagged side, once per finding and article.
FINDING_POINTS: dict[str, float] = {"error": 15.0, "warning": 7.0, "info": 1.0}
# A cross-outlet finding without an independent majority (every side flagged, or the majority only
# exists thanks to copies) says the outlets disagree, not who is wrong: it costs half.
UNRESOLVED_FACTOR = 0.5

# Corroboration: up to this many points back, in proportion to the share of the article's checkable
# claims that other, independent outlets state too; scaled down below CORROBORATION_FULL_AT
# checkable claims, and never above START.
CORROBORATION_POINTS = 3.0
CORROBORATION_FULL_AT = 8

# Outlet confidence = n / (n + CONFIDENCE_HALF_AT) for n articles; below LOW_CONFIDENCE it is marked.
CONFIDENCE_HALF_AT = 3.0
LOW_CONFIDENCE = 0.6  # reached at 5 articles


@dataclass(frozen=True)
class Signal:
    """A measured property of an article other than a finding, with its weight."""

    key: str  # the name in breakdowns and the store
    label: str  # what the report calls it
    points: float  # per instance: negative costs, positive earns
    cap: float  # the most the signal can move one article's score
    verdict: bool  # False: a reason to verify, never a verdict on the article
    measures: str  # what is counted, in one line
    newsguard: str  # the NewsGuard criterion it stands in for


SIGNALS: tuple[Signal, ...] = (
    Signal(
        "no date",
        "no published date",
        -3.0,
        3.0,
        True,
        "the article carries no publication date, so readers cannot tell when it speaks from",
        "gathers and presents information responsibly",
    ),
    Signal(
        "no byline",
        "no byline",
        -2.0,
        2.0,
        True,
        "no author is named",
        "provides names of content creators",
    ),
    Signal(
        "no dateline",
        "no dateline",
        -1.0,
        1.0,
        True,
        "no dateline says where the report was filed",
        "gathers and presents information responsibly",
    ),
    Signal(
        "broken casing",
        "broken casing",
        -1.0,
        3.0,
        True,
        'a name the article itself capitalises written in lower case ("sergey Lavrov"), or a sentence '
        "starting in lower case",
        "gathers and presents information responsibly",
    ),
    Signal(
        "missing space",
        "missing space after punctuation",
        -1.0,
        3.0,
        True,
        'words run together after punctuation ("hypocrisy,accusing", "talks.The")',
        "gathers and presents information responsibly",
    ),
    Signal(
        "truncated text",
        "truncated sentence",
        -1.0,
        3.0,
        True,
        "a paragraph of eight words or more that stops without punctuation, at the end of the text "
        "or before a line that goes on in lower case",
        "gathers and presents information responsibly",
    ),
    Signal(
        "anonymous sourcing",
        "anonymous sourcing",
        -0.5,
        2.0,
        False,
        'sentences that rest on unnamed sources ("sources said", "reportedly", "on condition of anonymity")',
        "gathers and presents information responsibly",
    ),
    Signal(
        "unattributed quote",
        "quote without a named speaker",
        -0.5,
        2.0,
        False,
        "a quotation of five words or more with no speaker in its sentence or the sentences around it",
        "gathers and presents information responsibly",
    ),
    Signal(
        "unknown expert",
        "expert nobody else knows",
        -0.5,
        1.5,
        False,
        "a named person quoted whom no other, independent outlet mentions and the knowledge base does not know",
        "gathers and presents information responsibly",
    ),
    Signal(
        "corroboration",
        "corroborated by independent outlets",
        CORROBORATION_POINTS,
        CORROBORATION_POINTS,
        True,
        "share of the article's checkable claims (figures, dates, titles, quotes) that another, "
        "independent outlet in the same story states too; copies do not count",
        "does not repeatedly publish false content",
    ),
)
SIGNAL = {s.key: s for s in SIGNALS}
FLOOR = "floor at 0"  # breakdown key of the points given back when an article would fall below 0

# NewsGuard's nine criteria (points of 100) and what this tool measures for each: the model of a
# transparent scheme, kept to what can be measured from the articles themselves.
NEWSGUARD: tuple[tuple[str, float, str], ...] = (
    (
        "does not repeatedly publish false content",
        22.0,
        "findings where the article is the flagged side; corroboration by independent outlets",
    ),
    (
        "gathers and presents information responsibly",
        18.0,
        "dates, datelines, sourcing, quotes, experts, text quality",
    ),
    ("regularly corrects or clarifies errors", 12.5, "not measured (needs the outlet's history of corrections)"),
    ("handles the difference between news and opinion responsibly", 12.5, "not measured"),
    ("avoids deceptive headlines", 10.0, "not measured"),
    ("website discloses ownership and financing", 7.5, "not measured (not in the article text)"),
    ("clearly labels advertising", 7.5, "not measured"),
    ("reveals who's in charge, including possible conflicts of interest", 5.0, "not measured"),
    ("provides the names of content creators", 5.0, "bylines"),
)


def confidence(articles: int) -> float:
    """How much an outlet's score says, from its number of articles: n / (n + 3), two decimals."""
    return round(articles / (articles + CONFIDENCE_HALF_AT), 2) if articles > 0 else 0.0


def finding_key(category: str, severity: str) -> str:
    return f"{category} {severity}"
