"""ROL006: one person given different titles, or "former", by different outlets of one story."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import Piece, RunRule

DAY = date(2019, 5, 14)


def _story(flagged: str, *others: str, day: date = DAY) -> list[Piece]:
    """The first outlet writes `flagged`, the others their sentences, all on one day."""
    return [("Outlet A", day, flagged), *((f"Outlet {chr(66 + n)}", day, text) for n, text in enumerate(others))]


@pytest.mark.parametrize(
    ("pieces", "flagged"),
    [
        # a swapped office
        (
            _story(
                "Party leaders asked Sen. Jane Roe (R-Ohio) to leave the race.",
                "Party leaders asked Rep. Jane Roe (R-Ohio) to quit the race.",
                "Rep. Jane Roe refused to leave the race on Monday.",
            ),
            "Sen.",
        ),
        (
            _story(
                "Springfield Governor Tom Hale said the water was safe.",
                "Springfield Mayor Tom Hale said the water was safe to drink.",
                "Mayor Tom Hale told residents the water was safe.",
            ),
            "Governor",
        ),
        # an added "former"
        (
            _story(
                "Former Gov. Tom Hale declared his candidacy on Tuesday.",
                "Gov. Tom Hale declared his candidacy on Tuesday in Ohio.",
                "Ohio Gov. Tom Hale entered the race on Tuesday.",
            ),
            "Former",
        ),
        # a removed "former": most outlets say it
        (
            _story(
                "Rep. Jane Roe will lead the new advocacy group.",
                "Former Rep. Jane Roe will lead the new group.",
                "The group will be led by former Rep. Jane Roe, its founders said.",
            ),
            "Rep. Jane Roe",
        ),
    ],
)
def test_divergent_titles_are_flagged(run_rule: RunRule, pieces: list[Piece], flagged: str) -> None:
    (finding,) = run_rule("ROL006", pieces)
    assert finding.severity == "warning"
    assert [e.outlet for e in finding.flagged] == ["Outlet A"]
    assert flagged in finding.flagged[0].span
    assert {e.outlet for e in finding.evidence if e.role == "reference"} == {"Outlet B", "Outlet C"}


@pytest.mark.parametrize(
    "pieces",
    [
        # equivalent and more specific titles
        _story("Sen. Jane Roe spoke first.", "Senator Jane Roe spoke first.", "Jane Roe, a Republican senator, spoke."),
        _story("Rep. Tom Hale voted no.", "Congressman Tom Hale voted no.", "Republican Rep. Tom Hale voted no."),
        _story(
            "Secretary Ana Ruiz flew to Kyiv.",
            "Secretary of State Ana Ruiz flew to Kyiv.",
            "U.S. Secretary of State Ana Ruiz flew to Kyiv.",
        ),
        # offices held together, or one held before the other
        _story("House Speaker Tom Hale set the vote.", "Rep. Tom Hale set the vote.", "Speaker Tom Hale set it."),
        _story("Gen. Ana Ruiz testified.", "Chairman Ana Ruiz testified.", "Lt. Gen. Ana Ruiz testified."),
        _story("Sen. Jane Roe, a former Rep., spoke.", "Former Rep. Jane Roe spoke.", "Sen. Jane Roe spoke."),
        # a past time: "then-", a dated sentence, an act that ended the tenure, a quotation
        _story(
            "The law was signed by then-Gov. Tom Hale.",
            "Gov. Tom Hale said it was wrong.",
            "Gov. Tom Hale repeated it on Monday.",
        ),
        _story(
            "In 2011, Gov. Tom Hale signed the law.",
            "Former Gov. Tom Hale said it was wrong.",
            "Former Gov. Tom Hale repeated it on Monday.",
        ),
        _story(
            "He sued after voters defeated Sen. Jane Roe.",
            "Former Sen. Jane Roe sued on Monday.",
            "Former Sen. Jane Roe filed the suit.",
        ),
        _story(
            "“Gov. Tom Hale is a friend,” she said.",
            "Former Gov. Tom Hale is a friend of hers.",
            "She called former Gov. Tom Hale a friend.",
        ),
        # two people of one surname
        _story("Sen. Jane Roe spoke.", "Rep. Tom Roe spoke.", "Rep. Tom Roe spoke again."),
        # a list's heading names the post, not one held
        _story("Jane Roe, attorney general", "Sen. Jane Roe is the pick.", "Sen. Jane Roe was chosen."),
    ],
)
def test_agreeing_titles_stay_silent(run_rule: RunRule, pieces: list[Piece]) -> None:
    assert run_rule("ROL006", pieces) == []


def test_one_outlet_against_one_is_info(run_rule: RunRule) -> None:
    (finding,) = run_rule("ROL006", _story("Rep. Jane Roe spoke.", "Sen. Jane Roe spoke."))
    assert finding.severity == "info"
    assert {e.outlet for e in finding.flagged} == {"Outlet A", "Outlet B"}


@pytest.mark.parametrize(
    ("flagged", "other"),
    [
        ("The late Sen. Jane Roe was remembered on Sunday.", "Sen. Jane Roe was remembered on Sunday."),
        ("Ousted President Tom Hale spoke from exile.", "President Tom Hale spoke from exile."),
    ],
)
def test_usage_of_the_time_is_only_info(run_rule: RunRule, flagged: str, other: str) -> None:
    findings = run_rule("ROL006", _story(flagged, other, other.replace("Sunday", "Monday")))
    assert [f.severity for f in findings] == ["info"]


def test_a_change_of_office_told_in_the_sentences_is_only_info(run_rule: RunRule) -> None:
    pieces = _story(
        "Judge Ana Ruiz was sworn in on Monday.",
        "Justice Ana Ruiz joined the court on Monday.",
        "Justice Ana Ruiz heard her first case.",
    )
    assert [f.severity for f in run_rule("ROL006", pieces)] == ["info"]


def test_articles_written_far_apart_are_not_compared(run_rule: RunRule) -> None:
    pieces = [
        ("Outlet A", date(2018, 12, 10), "House Minority Leader Jane Roe spoke."),
        ("Outlet B", date(2019, 12, 10), "House Speaker Jane Roe spoke."),
        ("Outlet C", date(2019, 12, 11), "Speaker Jane Roe spoke."),
    ]
    assert run_rule("ROL006", pieces) == []


def test_an_office_change_the_knowledge_base_knows_is_not_flagged(run_rule: RunRule) -> None:
    # He became secretary of state on 2025-01-21: the senator of the 15th is the former senator of the 25th.
    pieces = [
        ("Outlet A", date(2025, 1, 15), "Sen. Marco Rubio met the committee."),
        ("Outlet B", date(2025, 1, 25), "Former Sen. Marco Rubio met the committee."),
        ("Outlet C", date(2025, 1, 26), "Former Sen. Marco Rubio met them again."),
    ]
    assert run_rule("ROL006", pieces) == []


def test_titles_the_knowledge_base_judges_are_left_to_the_role_rules(run_rule: RunRule) -> None:
    day = date(2025, 2, 18)
    pieces = _story(
        "Former President Donald Trump spoke.", "President Donald Trump spoke.", "President Donald Trump left.", day=day
    )
    assert run_rule("ROL006", pieces) == []
    assert [f.rule for f in run_rule("ROL003", pieces)] == ["ROL003"]


def test_titles_the_knowledge_base_judges_count_as_the_other_outlets_account(run_rule: RunRule) -> None:
    # Jay Inslee was governor of Washington: two outlets say so, the third makes him a senator.
    pieces = _story(
        "Sen. Jay Inslee signed the budget on Tuesday.",
        "Gov. Jay Inslee signed the budget on Tuesday.",
        "Washington Gov. Jay Inslee signed the state budget.",
    )
    (finding,) = run_rule("ROL006", pieces)
    assert [e.span for e in finding.evidence if e.role == "flagged"] == ["Sen. Jay Inslee"]
    assert finding.severity == "warning"
