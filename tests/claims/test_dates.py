"""Date claims: absolute, weekday and relative expressions, resolved against a reference date."""

from __future__ import annotations

from datetime import date

import pytest

from checker.claims.dates import extract_dates, resolve

REF = date(2025, 2, 18)  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The court ruled on February 19, 2023.", date(2023, 2, 19)),
        ("RIYADH, Feb 18 (Reuters) - Talks began.", date(2025, 2, 18)),
        ("Ministers met on 5 March 2024 in Brussels.", date(2024, 3, 5)),
        ("The rate decision came on Jan. 5.", date(2025, 1, 5)),
        ("The summit opened on Tuesday.", date(2025, 2, 18)),
        ("The storm hit on Sunday.", date(2025, 2, 16)),
        ("The call came six days ago.", date(2025, 2, 12)),
        ("Results were published yesterday.", date(2025, 2, 17)),
        ("The vote will take place on Friday.", date(2025, 2, 21)),
    ],
)
def test_resolves_to_a_day(sentence: str, expected: date) -> None:
    mentions = extract_dates(sentence)
    assert mentions, sentence
    span = resolve(mentions[0].value, REF)
    assert span == (expected, expected)


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        ("Inflation eased last week.", date(2025, 2, 10), date(2025, 2, 16)),
        ("The election is due next month.", date(2025, 3, 1), date(2025, 3, 31)),
        ("The party was founded in 2014.", date(2014, 1, 1), date(2014, 12, 31)),
        ("The reform passed in March 2024.", date(2024, 3, 1), date(2024, 3, 31)),
    ],
)
def test_resolves_to_an_interval(sentence: str, first: date, last: date) -> None:
    assert resolve(extract_dates(sentence)[0].value, REF) == (first, last)


def test_weekday_written_with_a_date_is_kept() -> None:
    (mention,) = extract_dates("The bank met on Monday, March 5, 2024.")
    assert mention.value["weekday"] == "monday"
    assert resolve(mention.value, REF) == (date(2024, 3, 5), date(2024, 3, 5))


def test_hedged_relative_dates_are_intervals() -> None:
    (mention,) = extract_dates("Moscow launched the invasion nearly three years ago.")
    first, last = resolve(mention.value, REF)  # type: ignore[misc]
    assert first < date(2022, 2, 24) < last


@pytest.mark.parametrize("sentence", ["The minister may 5 times repeat it.", "Durations such as 34 years stay apart."])
def test_not_dates(sentence: str) -> None:
    assert extract_dates(sentence) == []
