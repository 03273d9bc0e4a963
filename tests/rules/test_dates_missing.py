"""DAT001-DAT003 and MIS001."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import RunRule


def test_weekday_that_does_not_match_its_date(run_rule: RunRule) -> None:
    (finding,) = run_rule("DAT003", [("A", date(2024, 3, 6), "The bank met on Monday, March 5, 2024.")])
    assert "Tuesday" in finding.message
    assert finding.flagged[0].span == "Monday, March 5, 2024"


def test_matching_weekday_is_silent(run_rule: RunRule) -> None:
    assert run_rule("DAT003", [("A", date(2024, 3, 6), "The bank met on Tuesday, March 5, 2024.")]) == []


def test_published_date_contradicted_by_sisters_and_office_holders(run_rule: RunRule) -> None:
    wrong = (
        "RIYADH, Feb 18 (Wire) - U.S. Secretary of State Marco Rubio and U.S. National Security Adviser "
        "Mike Waltz met Russian officials on Tuesday."
    )
    findings = run_rule(
        "DAT001",
        [
            ("Wire", date(2023, 2, 19), wrong),
            ("Daily", date(2025, 2, 18), "Secretary of State Marco Rubio met Russian officials in Riyadh on Tuesday."),
            ("Times", date(2025, 2, 18), "Rubio and Lavrov met in Riyadh."),
        ],
    )
    (finding,) = findings
    assert finding.flagged[0].sentence == "published: 2023-02-19"
    assert finding.flagged[0].outlet == "Wire"
    assert {e.outlet for e in finding.evidence if e.role == "reference"} >= {"Daily", "Times"}


def test_sister_articles_a_day_apart_are_not_a_conflict(run_rule: RunRule) -> None:
    assert (
        run_rule(
            "DAT001",
            [
                ("Wire", date(2025, 2, 19), "Secretary of State Marco Rubio met Russian officials."),
                ("Daily", date(2025, 2, 18), "Secretary of State Marco Rubio met Russian officials in Riyadh."),
            ],
        )
        == []
    )


def test_event_date_mismatch_across_outlets(run_rule: RunRule) -> None:
    findings = run_rule(
        "DAT002",
        [
            ("A", date(2024, 6, 10), "The summit opened on June 9 in Lucerne."),
            ("B", date(2024, 6, 10), "The summit opened on June 9 in Lucerne, officials said."),
            ("C", date(2024, 6, 10), "The summit opened on June 8 in Lucerne."),
        ],
    )
    assert [e.outlet for f in findings for e in f.flagged] == ["C"]


def test_blank_values_are_flagged(run_rule: RunRule) -> None:
    findings = run_rule("MIS001", [("A", None, "Lavrov spoke in an interview on , and met officials in .")])
    assert sorted(f.flagged[0].span for f in findings) == ["in .", "on ,"]


def test_the_same_date_words_resolved_from_other_publication_days_agree(run_rule: RunRule) -> None:
    # the later piece still says "on Wednesday" of the same statement; its own date resolves it a week on
    findings = run_rule(
        "DAT002",
        [
            ("A", date(2018, 1, 4), "The president wrote on Wednesday that the court system was broken and unfair."),
            ("B", date(2018, 1, 11), "The president wrote on Wednesday that the court system was broken and unfair."),
        ],
    )
    assert findings == []


def test_other_date_words_for_the_same_event_still_differ(run_rule: RunRule) -> None:
    findings = run_rule(
        "DAT002",
        [
            ("A", date(2018, 1, 5), "The president wrote on Wednesday that the court system was broken and unfair."),
            ("B", date(2018, 1, 5), "The president wrote on Thursday that the court system was broken and unfair."),
        ],
    )
    assert len(findings) == 1


ANNUAL = "The agency released its yearly holiday travel forecast, expecting record numbers on the roads."


def test_sisters_a_year_away_do_not_overrule_a_date_its_own_text_keeps_to(run_rule: RunRule) -> None:
    # an annual event grouped with last year's: the article's own dates are in its published year
    text = ANNUAL + " The 2017 forecast covers December 2017."
    findings = run_rule(
        "DAT001",
        [("A", date(2017, 12, 20), text), ("B", date(2018, 12, 21), ANNUAL), ("C", date(2018, 12, 21), ANNUAL)],
    )
    assert findings == []


@pytest.mark.parametrize("text", [ANNUAL, ANNUAL + " The forecast covers December 2018."])
def test_sisters_a_year_away_overrule_a_date_its_text_does_not_keep_to(run_rule: RunRule, text: str) -> None:
    findings = run_rule(
        "DAT001",
        [("A", date(2017, 12, 20), text), ("B", date(2018, 12, 21), ANNUAL), ("C", date(2018, 12, 21), ANNUAL)],
    )
    assert [f.flagged[0].span for f in findings] == ["2017-12-20"]


def test_one_sister_a_year_away_is_a_tie_not_a_wrong_year(run_rule: RunRule) -> None:
    findings = run_rule("DAT001", [("A", date(2017, 12, 20), ANNUAL), ("B", date(2018, 12, 21), ANNUAL)])
    assert findings == []


# Dates in sentences the aligner left apart (`aligned=False`): each article holds a second sentence,
# so the paraphrases must find each other as each one's closest counterpart.
LABOR = "The Labor Department said the report was delayed by a storm in the capital."


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # one release told in other words, its weekday changed: compared
        (
            "Data released Thursday by the Labor Department showed 373,000 Americans filed new jobless claims.",
            "New jobless claims rose to 373,000, data released Friday by the Labor Department showed.",
            1,
        ),
        # the same weekday in other words: agree
        (
            "Data released Thursday by the Labor Department showed 373,000 Americans filed new jobless claims.",
            "New jobless claims rose to 373,000, data released Thursday by the Labor Department showed.",
            0,
        ),
        # a weekday against a calendar date: another way of writing, possibly another thing
        (
            "Data released Thursday by the Labor Department showed 373,000 Americans filed new jobless claims.",
            "New jobless claims rose to 373,000, data released July 9 by the Labor Department showed.",
            0,
        ),
        # possessive dates name two occasions: "Tuesday's primary" and "Saturday's debate"
        (
            "Rubio's uneven debate performance just days before Tuesday's primary worried his donors.",
            "Donors wondered how far Rubio would fall after last Saturday's debate and his uneven performance.",
            0,
        ),
    ],
)
def test_event_dates_in_sentences_the_aligner_left_apart(run_rule: RunRule, a: str, b: str, expected: int) -> None:
    findings = run_rule(
        "DAT002", [("A", date(2021, 7, 9), f"{a} {LABOR}"), ("B", date(2021, 7, 9), f"{LABOR} {b}")], aligned=False
    )
    assert len(findings) == expected


def test_dates_apart_compared_only_between_outlets_reporting_within_a_day(run_rule: RunRule) -> None:
    # a story that runs for days: the later piece's "Friday" is another day's news
    a = "Data released Thursday by the Labor Department showed 373,000 Americans filed new jobless claims."
    b = "New jobless claims rose to 373,000, data released Friday by the Labor Department showed."
    findings = run_rule(
        "DAT002", [("A", date(2021, 7, 9), f"{a} {LABOR}"), ("B", date(2021, 7, 16), f"{LABOR} {b}")], aligned=False
    )
    assert findings == []
