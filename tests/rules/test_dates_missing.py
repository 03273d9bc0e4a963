"""DAT001-DAT003 and MIS001."""

from __future__ import annotations

from datetime import date

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
