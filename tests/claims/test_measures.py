"""What a quantity measures (`checker.claims.measures`), read through `extract_quantities`, which
gives each number its clause (between its neighbours) as the rules see it."""

from __future__ import annotations

from typing import Any

import pytest

from checker.claims.measures import measure_words, share_words
from checker.claims.quantities import extract_quantities


def quantity(sentence: str, text: str) -> dict[str, Any]:
    (found,) = [q.value for q in extract_quantities(sentence) if sentence[q.start : q.end].endswith(text)]
    return found


def test_each_number_measures_the_words_of_its_own_clause() -> None:
    sentence = "The strike killed at least eight people and injured more than seventy in the city."
    assert quantity(sentence, "eight")["measure"] == "people"
    assert "injur" in quantity(sentence, "seventy")["context"]
    assert "injur" not in quantity(sentence, "eight")["context"]


@pytest.mark.parametrize(
    ("sentence", "figure", "names", "whole"),
    [
        ("In Iowa, Gingrich won 11% of the vote while Palin took 10%.", "11%", ["gingrich"], ["vote"]),
        ("Gingrich won 11% of the vote, and Palin took 10%.", "11%", [], ["vote"]),
        ("The state takes 40% of oil and gas revenue.", "40%", [], ["oil"]),
    ],
)
def test_a_shares_names_and_whole_stop_at_the_clause_break(
    sentence: str, figure: str, names: list[str], whole: list[str]
) -> None:
    value = quantity(sentence, figure)
    assert value["names"] == names  # Palin's is the other figure: "Gingrich's 11% is not Palin's 10%"
    assert value["share_of"] == whole


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        (
            "Russia possesses approximately 18% of Ukrainian territory.",
            "approximately 18%",
            "control russia territori ukraine",
        ),
        ("Ukraine, around 20% of which is controlled by Russian forces.", "around 20%", "control forc russia ukraine"),
    ],
)
def test_a_share_names_its_whole_and_who_holds_it(sentence: str, figure: str, expected: str) -> None:
    start = sentence.index(figure)
    assert share_words(sentence, start, start + len(figure)) == expected.split()


def test_direction_verbs_fold_together() -> None:
    fell = measure_words("Shares fell 5% on Monday.", 12, 14)
    plunged = measure_words("Shares plunged 5% on Monday.", 15, 17)
    assert fell == plunged == ("shar", ["down", "shar"])


@pytest.mark.parametrize(
    ("sentence", "figure", "head"),
    [
        ("The jobless rate stood at 5.9%.", "5.9%", "rate"),
        ("The jobless rate slightly increased to 8.9%, officials said.", "8.9%", "rate"),
        ("Turnout was 61%, officials said.", "61%", "turnout"),
        ("The bank cut its key interest rates by 50 basis points on Thursday.", "50", "basi point"),
        ("The quake killed 12 people.", "12", "people"),
    ],
)
def test_a_figure_without_a_noun_after_it_measures_the_noun_before(sentence: str, figure: str, head: str) -> None:
    start = sentence.index(figure)
    assert measure_words(sentence, start, start + len(figure))[0] == head
