"""Quote extraction: what is a quotation of someone's words, and where it ends."""

from __future__ import annotations

import pytest

from checker.claims.people import PeopleContext
from checker.claims.quotes import extract_quotes, is_title
from checker.knowledge import default_kb


def _quotes(sentence: str) -> list[str]:
    return [str(value["words"]) for _, _, value in extract_quotes(sentence, PeopleContext(default_kb()))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor told “Sunday Morning Report” that the budget was balanced.",
        "The senator said on “Face the Voters,” that she would run again.",
        'The mayor appeared on "Good Evening Harbourtown" on Sunday.',
        "Her memoir, “The Long Road Home: A Life in Politics,” sold well.",
    ],
)
def test_titles_in_quotation_marks_are_not_quotes(sentence: str) -> None:
    assert _quotes(sentence) == []


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("Meet the Voters", True),
        ("State of the Union,", True),
        ("Harbour & Friends at Noon", True),
        ("We will not back down,", False),
        ("WE WILL NOT BACK DOWN", False),
        ("We Will Win!", False),
        ("the plan is dead", False),
    ],
)
def test_is_title(words: str, title: bool) -> None:
    assert is_title(words) is title


@pytest.mark.parametrize(
    ("sentence", "quotes"),
    [
        # a curly opening mark closed by a straight one does not run on into the next quotation
        (
            '“We will rebuild the bridge," the mayor said, and the council called it “a costly promise.”',
            ["We will rebuild the bridge,", "a costly promise."],
        ),
        (
            '"The port will reopen in May,” the minister said.',
            ["The port will reopen in May,"],
        ),
    ],
)
def test_mixed_quotation_marks(sentence: str, quotes: list[str]) -> None:
    assert _quotes(sentence) == quotes


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the speaker after the quote, an apposition between name and verb
        ("“The river is running dry,” Jane Roe, a senior attorney with the Rivers Trust, said.", "Jane Roe"),
        ("“We are ready to sail,” Karl Fuchs, who leads the crew, told reporters.", "Karl Fuchs"),
        # "told X" after a quote names who heard it
        ("Jane Roe said the crew had served “with honour and courage in every port,” told NTV on Monday.", "Jane Roe"),
        # a day is not a speaker
        ("Jane Roe, who on Sunday said the crew served “with honour and courage in every port,” left.", ""),
        # an abbreviated title after the verb is not the name: "said Gov. Perry"
        ("“The harbour wall will hold for a decade,” said Gov. Fuchs.", "Fuchs"),
        ("“We keep talking in good faith,” said Sen. Jane Maria Roe, the Ohio Republican.", "Jane Maria Roe"),
        # an adverb between the name and the verb
        ("“I am not for the new bridge,” Jane Roe reportedly said.", "Jane Roe"),
        ("“It was only part of a wider effort we are making,” Fuchs commented by email.", "Fuchs"),
    ],
)
def test_speaker(sentence: str, speaker: str) -> None:
    ((_, _, value),) = extract_quotes(sentence, PeopleContext(default_kb()))
    assert value["speaker"] == speaker
