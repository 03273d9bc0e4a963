"""Blanks and placeholders: what a broken template leaves, and what only looks like it."""

from __future__ import annotations

import pytest

from checker.claims.missing import extract_missing


@pytest.mark.parametrize(
    ("sentence", "blank"),
    [
        ("The envoy gave an interview to the station on , and then left.", "on ,"),
        ("The talks were held in Oslo, Norway, in .", "in ."),
        ("Turnout was about a : The figures were published later.", "a :"),
        ('The minister spoke on " " about the plan.', '" "'),
        ("The report names “ ” as its author.", "“ ”"),
    ],
)
def test_blanks_still_found(sentence: str, blank: str) -> None:
    assert [sentence[s:e] for s, e, _ in extract_missing(sentence)] == [blank]


@pytest.mark.parametrize(
    "sentence",
    [
        # an ellipsis marks words left out of a quotation
        "He lost because of ... a small clerical error.",
        "“Since the passage of the ... bill, sales have fallen,” she said.",
        "The reform was, she wrote, a matter of . . . basic fairness.",
        "Voters turned on him because of .?.?. a minor filing dispute.",
        "They talked for .. I think it was an hour.",
        "And that brings us to . . .",
        "While I am not obliged to .... I will.",
        # a quoted list: one item's closing mark, a space, the next item's opening mark
        'Critics called the plan "reckless," "costly" and "unworkable."',
        'Shows such as "Harbor Watch," "Night Desk" and "Fieldwork" lead the ratings.',
        # a doubled closing or opening mark
        'The mayor said she wants the council to "come to the table.""',
        '""Nobody was hurt," the chief said.',
    ],
)
def test_not_blanks(sentence: str) -> None:
    assert extract_missing(sentence) == []
