"""ATT001: only the same words given to really different people are a finding."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import Piece, RunRule

D = date(2023, 11, 15)
QUOTE = "“The ruling leaves a hole of sixty billion euros in our plans,”"


@pytest.mark.parametrize(
    "pieces",
    [
        # two remarks of one exchange in aligned sentences: different quotes, not one quote twice
        [
            ("A", D, "“We will not raise the tolls on the bridge this year,” said Mayor Jan Novak."),
            ("B", D, "“We will not raise the tolls on the bridge this year,” Mayor Jan Novak said."),
            ("C", D, "“The council has not seen the final budget for the bridge,” said councillor Eva Sander."),
        ],
        # the institution the speaker speaks for, or a place, is not another speaker
        [
            ("A", D, f"{QUOTE} said finance ministry spokesman Karl Fuchs."),
            ("B", D, f"{QUOTE} the Finance Department said in a statement."),
        ],
        [
            ("A", D, f"{QUOTE} said finance minister Karl Fuchs."),
            ("B", D, f"{QUOTE} the CBS network said."),
        ],
        # a name cut short is the same person
        [
            ("A", D, f"{QUOTE} said Karl Fuchs, the finance minister."),
            ("B", D, f"{QUOTE} Federal Finance Ministry Press Officer Karl said."),
        ],
    ],
)
def test_not_an_attribution_mismatch(run_rule: RunRule, pieces: list[Piece]) -> None:
    assert run_rule("ATT001", pieces) == []


def test_same_words_to_another_person_still_flagged(run_rule: RunRule) -> None:
    (finding,) = run_rule(
        "ATT001",
        [
            ("A", D, f"{QUOTE} said finance minister Karl Fuchs."),
            ("B", D, f"{QUOTE} Karl Fuchs, the finance minister, said."),
            ("C", D, f"{QUOTE} said opposition leader Eva Sander."),
        ],
    )
    assert [e.outlet for e in finding.flagged] == ["C"]


def test_programme_title_is_not_a_quote_to_attribute(run_rule: RunRule) -> None:
    assert (
        run_rule(
            "ATT001",
            [
                ("A", D, "Finance minister Karl Fuchs told “Sunday Morning Report” that the plan would hold."),
                ("B", D, "Opposition leader Eva Sander told “Sunday Morning Report” that the plan would fail."),
            ],
        )
        == []
    )
