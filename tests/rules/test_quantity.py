"""QTY001: different numbers for the same measured thing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import RunRule

D = date(2024, 6, 6)


def flagged_outlets(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted({e.outlet for f in findings for e in f.flagged})


def test_minority_is_flagged_and_majority_is_reference(run_rule: RunRule) -> None:
    findings = run_rule(
        "QTY001",
        [
            ("A", D, "The earthquake killed 12 people in the province."),
            ("B", D, "The earthquake killed 21 people in the province."),
            ("C", D, "The earthquake killed 21 people in the province, officials said."),
        ],
    )
    (finding,) = findings
    assert flagged_outlets(findings) == ["A"]
    assert {e.outlet for e in finding.evidence if e.role == "reference"} == {"B", "C"}
    assert finding.severity == "warning"
    assert finding.values["flagged"] == [12.0] and finding.values["reference"] == [21.0]
    assert "12 people" in finding.message and "21 people" in finding.message


def test_no_majority_flags_every_side(run_rule: RunRule) -> None:
    findings = run_rule(
        "QTY001",
        [
            ("A", D, "Turnout was 61% in the capital."),
            ("B", D, "Turnout was 67% in the capital."),
        ],
    )
    assert flagged_outlets(findings) == ["A", "B"]
    assert [f.severity for f in findings] == ["warning"]  # the same sentence, but for the figure


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # aligned, the same head noun, but little else in common and nobody named
        (
            "Employers added 195,000 jobs in June, the department said on Friday.",
            "Since the crisis, the economy has added about 6.2 million jobs back.",
        ),
        # different sources' polls of one candidate: the holder agrees, the sentences barely do
        (
            "In this poll, Jill Stein stands at 7 percent among independents and young voters.",
            "(Johnson takes 9 percent, and Stein 5 percent.)",
        ),
    ],
)
def test_a_tie_on_an_uncertain_pairing_is_info(run_rule: RunRule, a: str, b: str) -> None:
    findings = run_rule("QTY001", [("A", D, a), ("B", D, b)])
    assert findings and all(f.severity == "info" for f in findings)
    assert all("not certain" in f.message for f in findings)


def test_a_tie_stated_clearly_by_two_outlets_is_a_warning(run_rule: RunRule) -> None:
    findings = run_rule(
        "QTY001",
        [
            ("A", D, "FRANKFURT (Wire) - The European Central Bank cut interest rates by 25 basis points on Thursday."),
            ("B", D, "The European Central Bank cut its key interest rates by 50 basis points on Thursday."),
        ],
    )
    assert [f.severity for f in findings] == ["warning"]
    assert flagged_outlets(findings) == ["A", "B"]


def test_an_outlet_against_its_own_other_article_is_not_a_warning(run_rule: RunRule) -> None:
    findings = run_rule(
        "QTY001",
        [
            ("A", D, "Turnout was 61% in the capital."),
            ("A", D, "Turnout was 67% in the capital, officials said."),
        ],
    )
    assert findings and all(f.severity == "info" for f in findings)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the old and the new value are different facts; each pairs with the same role elsewhere
        (
            "The participation rate rose to 62.9 percent from 62.7 percent.",
            "The participation rate climbed to 62.9 percent, up from 62.7 percent in May.",
        ),
        ("Monthly pay doubles from $1,000 to $2,000 under the plan.", "Under the plan, pay doubles to $2,000."),
    ],
)
def test_before_and_after_values_pair_by_role(run_rule: RunRule, a: str, b: str) -> None:
    assert [f for f in run_rule("QTY001", [("A", D, a), ("B", D, b)]) if f.severity != "info"] == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The bank raised rates by 50 basis points.", "The bank raised rates by half a percentage point."),
        ("Inflation rose to 3% in May.", "Inflation rose to 3.0 percent in May."),
        ("Nearly 300 homes were destroyed by the flood.", "The flood destroyed 298 homes."),
        ("The fund received 1.2 million euros.", "The fund received 1,200,000 euros."),
    ],
)
def test_equal_values_in_other_words_stay_silent(run_rule: RunRule, a: str, b: str) -> None:
    assert run_rule("QTY001", [("A", D, a), ("B", D, b)]) == []


def test_rounding_is_info_at_most(run_rule: RunRule) -> None:
    findings = run_rule(
        "QTY001",
        [
            ("A", D, "The party won 41.2% of the vote."),
            ("B", D, "The party won 41.3% of the vote."),
        ],
    )
    assert findings and all(f.severity == "info" for f in findings)


def test_numbers_about_different_things_are_not_paired(run_rule: RunRule) -> None:
    assert (
        run_rule(
            "QTY001",
            [
                ("A", D, "The strike killed 8 people and injured 70."),
                ("B", D, "The strike injured 70 people and killed 8."),
            ],
        )
        == []
    )


def test_unaligned_sentences_pair_on_what_they_measure(run_rule: RunRule) -> None:
    findings = run_rule(
        "QTY001",
        [
            ("A", D, "Analysts estimate that Russia possesses approximately 18% of Ukrainian territory."),
            ("B", D, "Kyiv hopes to win back the 20% of its territory now under Russian control."),
            ("C", D, "Ukraine, around 20% of which is controlled by Russian forces, wants talks."),
        ],
        aligned=False,
    )
    assert flagged_outlets(findings) == ["A"]
