"""ATT001, QUO001 and ENT001."""

from __future__ import annotations

from datetime import date

import pytest

from checker.model import Alignment
from checker.rules import REGISTRY
from checker.rules.entity import PRECHECKS, SLOTS
from tests.rules.conftest import BuildContext, RunRule

D = date(2023, 11, 15)


def test_same_quote_given_to_another_speaker(run_rule: RunRule) -> None:
    quote = "“The ruling leaves a hole of sixty billion euros in our plans,”"
    findings = run_rule(
        "ATT001",
        [
            ("A", D, f"{quote} said finance minister Karl Fuchs."),
            ("B", D, f"{quote} said finance minister Karl Fuchs on Wednesday."),
            ("C", D, f"{quote} said opposition leader Eva Sander."),
        ],
    )
    (finding,) = findings
    assert [e.outlet for e in finding.flagged] == ["C"]
    assert finding.values == {"flagged": "Eva Sander", "reference": "Karl Fuchs"}


def test_translations_of_one_quote_are_info(run_rule: RunRule) -> None:
    findings = run_rule(
        "QUO001",
        [
            (
                "A",
                D,
                "Lavrov said: “If they are going to weasel out cunning ideas about freezing the conflict, "
                "then why should we invite them at all?”",
            ),
            (
                "B",
                D,
                "Lavrov said: “If they're going to come up with crafty ideas about freezing the conflict, "
                "then why invite them?”",
            ),
        ],
    )
    assert [f.severity for f in findings] == ["info"]


def test_same_quote_same_speaker_same_words_is_silent(run_rule: RunRule) -> None:
    text = "“We will not accept any deal imposed on us,” said Mayor Jan Novak."
    assert run_rule("ATT001", [("A", D, text), ("B", D, text)]) == []
    assert run_rule("QUO001", [("A", D, text), ("B", D, text)]) == []


def test_different_place_in_the_same_slot(run_rule: RunRule) -> None:
    findings = run_rule(
        "ENT001",
        [
            ("A", D, "The talks were held in Geneva on Monday with both delegations."),
            ("B", D, "The talks were held in Geneva on Monday with both delegations present."),
            ("C", D, "The talks were held in Vienna on Monday with both delegations."),
        ],
    )
    (finding,) = findings
    assert [e.span for e in finding.flagged] == ["Vienna"]


def test_spelling_variants_are_the_same_place(run_rule: RunRule) -> None:
    assert (
        run_rule(
            "ENT001",
            [
                ("A", D, "The delegation arrived in Kyiv on Monday for talks."),
                ("B", D, "The delegation arrived in Kiev on Monday for talks."),
            ],
        )
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "slots"),
    [
        ("The talks, held in Geneva on Monday, ended late.", 1),
        ("They met  at\tthe White House.", 1),
        ("She flew to Vienna from Kyiv.", 1),  # "Vienna" is taken: no verb is left before "from"
        ("Protesters gathered near Al Diriyah.", 1),
        ("Floods hit the province of  Macerata.", 1),
        ("Rain fell on the Lithuanian capital, Vilnius.", 1),
        ("the port,\nOdesa, was shelled", 1),
        ("Nothing here names a place.", 0),
        ("It rained in the morning.", 0),
    ],
)
def test_slot_prechecks_never_rule_out_a_match(sentence: str, slots: int) -> None:
    """Each pre-check is a necessary condition of its pattern: the rule finds the same slots."""
    found = 0
    for check, pattern in zip(PRECHECKS, SLOTS, strict=True):
        matches = list(pattern.finditer(sentence))
        found += len(matches)
        if matches:
            assert check.search(sentence), (pattern.pattern, sentence)
    assert found == slots


def test_a_sentence_repeated_elsewhere_gets_its_own_offsets(context: BuildContext) -> None:
    """Slots are read once per distinct sentence; each article's evidence still points into
    its own text, wherever the sentence stands there."""
    repeated = "The talks were held in Vienna on Monday with both delegations."
    pieces = [
        ("A", D, "The talks were held in Geneva on Monday with both delegations."),
        ("B", D, "The talks were held in Geneva on Monday with both delegations present."),
        ("E", D, "The talks were held in Geneva on Monday, with both delegations."),
        ("C", D, repeated),
        ("D", D, "Diplomats gathered in the hall.\n\n" + repeated),
    ]
    ctx = context(pieces, aligned=False)
    ids = list(ctx.story.articles)
    ctx.alignments = [Alignment("s1", 0.9, [(ids[0], 0), (ids[1], 0), (ids[2], 0), (ids[3], 0), (ids[4], 1)])]
    findings = list(REGISTRY["ENT001"].findings(ctx))
    flagged = [e for f in findings for e in f.flagged]
    assert sorted(e.outlet for e in flagged) == ["C", "D"]
    for e in flagged:
        assert ctx.articles[e.article].text[e.start : e.end] == e.span == "Vienna"
    assert flagged[0].start != flagged[1].start


@pytest.mark.parametrize(
    "pieces",
    [
        # an abbreviation with its full stop is one name with the spelled-out one
        [
            ("A", D, "“Time for some road works in Ft. Lee,” the aide wrote."),
            ("B", D, "“Time for some road works in Fort Lee,” the aide wrote."),
        ],
        # a name used as a modifier: the slot holds the noun after it
        [
            ("A", D, "The minister refused to step aside from the Harbour inquiry, his office said."),
            ("B", D, "The minister refused to step aside from the Novak investigation, his office said."),
        ],
        # a month is not a place
        [
            ("A", D, "The council recalled the vote in December on the bridge tolls."),
            ("B", D, "The council recalled the vote in Harbourtown on the bridge tolls."),
        ],
    ],
)
def test_not_an_entity_mismatch(run_rule: RunRule, pieces: list[tuple[str, date, str]]) -> None:
    assert run_rule("ENT001", pieces) == []


def test_slots_of_unrelated_statements_are_not_compared(run_rule: RunRule) -> None:
    findings = run_rule(
        "ENT001",
        [
            ("A", D, "The governor has won only his home state of Ohio. Turnout was low across the region."),
            ("B", D, "Turnout was low across the region. The senator courted voters in her home state of New York."),
        ],
    )
    assert findings == []
