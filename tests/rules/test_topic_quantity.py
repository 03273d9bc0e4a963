"""QTY002: a lasting state given different values in related stories of one topic."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import RunRule

FEB, APR = date(2025, 2, 18), date(2025, 4, 27)
SHARES = [
    ("Ledger", APR, "Analysts estimate that Russia possesses approximately 18% of Ukrainian territory."),
    ("Wire", FEB, "Kyiv hopes to win back the 20% of its territory now under Russian control."),
    ("Times", FEB, "Lavrov ruled out concessions to Ukraine, around 20% of which is controlled by Russian forces."),
]


def test_a_share_that_disagrees_across_related_stories(run_rule: RunRule) -> None:
    (finding,) = run_rule("QTY002", SHARES, aligned=False, stories=["april", "february", "february"])
    assert [e.outlet for e in finding.flagged] == ["Ledger"]
    assert {e.outlet for e in finding.evidence if e.role == "reference"} == {"Wire", "Times"}
    assert "related story" in finding.message


def test_disagreements_inside_one_story_are_left_to_qty001(run_rule: RunRule) -> None:
    assert run_rule("QTY002", SHARES, aligned=False, stories=["april", "april", "february"]) == []


def test_outside_a_topic_the_rule_is_silent(run_rule: RunRule) -> None:
    assert run_rule("QTY002", SHARES, aligned=False) == []


def test_event_counts_of_different_events_do_not_pair(run_rule: RunRule) -> None:
    assert (
        run_rule(
            "QTY002",
            [
                ("Ledger", APR, "A missile strike on Kyiv killed at least eight people on Thursday."),
                ("Wire", FEB, "Russian drones hit Odesa overnight, officials said, naming the 20 people injured."),
            ],
            aligned=False,
            stories=["april", "february"],
        )
        == []
    )


def test_values_tied_to_another_year_do_not_pair(run_rule: RunRule) -> None:
    assert (
        run_rule(
            "QTY002",
            [
                ("Ledger", APR, "The party took 37 of the 150 seats, up from the 17 seats it won in 2021."),
                ("Wire", FEB, "The party won 37 seats in the lower house."),
            ],
            aligned=False,
            stories=["april", "february"],
        )
        == []
    )


@pytest.mark.parametrize(
    ("april", "february"),
    [
        # polls of one group: a share of a named whole, but nobody holds it, and polls move
        (
            "About 41 percent of Americans approve of the job the president is doing.",
            "Some 35 percent of Americans approve of the job the president is doing.",
        ),
        # what a vote needs in one bill is not what it needs in another
        ("The Senate needs 60 votes to pass the spending bill.", "The Senate needs 50 votes to pass the health bill."),
        # a model number is nobody's count
        ("The 737 Max was grounded in March.", "The 747 Classic returned to service."),
    ],
)
def test_only_lasting_states_are_compared_across_stories(run_rule: RunRule, april: str, february: str) -> None:
    pieces = [("Ledger", APR, april), ("Wire", FEB, february)]
    assert run_rule("QTY002", pieces, aligned=False, stories=["april", "february"]) == []
