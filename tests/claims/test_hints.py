"""The extractors' pre-checks: they may only rule out sentences that the regexes could not match."""

from __future__ import annotations

import re

import pytest

from checker.claims.dates import extract_dates
from checker.claims.hints import AnyOf, CaselessPattern, lowered
from checker.claims.people import PeopleContext, extract_roles
from checker.claims.quantities import extract_quantities
from checker.knowledge import default_kb

RELATIVE_SOURCE = r"\b(?P<count>\d+|a\s+few|six)\s+(?P<unit>day|week)s?\s+(?P<dir>ago|later)\b|\b(?P<word>today)\b"
TEXTS = [
    "Six days ago, and TODAY, and 3 Weeks Later.",
    "six DAYS AGO in Kyiv; a few weeks later today",
    "ſix days ago",  # re.IGNORECASE matches the long s to 's'
    "Sıx days ago, İn three weeks today",
    "nothing here",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_caseless_pattern_finds_what_ignorecase_finds(text: str) -> None:
    caseless = CaselessPattern(RELATIVE_SOURCE)
    reference = re.compile(RELATIVE_SOURCE, re.IGNORECASE)
    assert caseless.fast
    assert caseless.search(text) == (reference.search(text) is not None)
    found = [(m.span(), m.groupdict()) for m in caseless.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in reference.finditer(text)]


@pytest.mark.parametrize("source", [r"\bUSD\s?\d+", r"\bus(?-i:d)\s?\d+", r"\bus\x44\s?\d+", r"\bus[\x44]\s?\d+"])
def test_caseless_pattern_with_capitals_in_its_source_stays_case_insensitive(source: str) -> None:
    pattern = CaselessPattern(source)
    assert not pattern.fast
    reference = re.compile(source, re.IGNORECASE)
    for text in ("paid usd 5", "paid USD5", "paid UsD 5"):
        assert pattern.search(text) == (reference.search(text) is not None)


def test_caseless_pattern_accepts_signs_without_case() -> None:
    pattern = CaselessPattern(r"(?P<cur>€|\$|\busd\s?)\d+(?![-–]\d)\W")
    assert pattern.fast
    assert [m.group("cur") for m in pattern.finditer("USD 5, €3 and 4–5 or $7.")] == ["USD ", "€", "$"]


def test_any_of_rules_out_only_what_cannot_match() -> None:
    months = AnyOf(("sep", "oct"), caseless=True)
    assert months.search("On SEPTEMBER 5") and months.search("in Oct.")
    assert not months.search("On Monday")
    assert months.search("On ſeptember 5")  # lowering would hide this match: it must not be ruled out
    assert lowered("ſeptember") is None
    marks = AnyOf(("“", '"'))
    assert marks.search('He said "yes"') and not marks.search("He said yes")
    with pytest.raises(ValueError):
        AnyOf(("Sep",), caseless=True)


MANY = tuple(f"w{n:02d}" for n in range(40))  # more than AnyOf tests one by one: one regex scan


@pytest.mark.parametrize("strings", [("said", "ask"), MANY], ids=["few", "many"])
@pytest.mark.parametrize("text", ["", "she said so", "w07 and w39", "w7 w-07 W07", "asked"])
def test_any_of_is_a_substring_test_with_few_strings_or_many(strings: tuple[str, ...], text: str) -> None:
    assert AnyOf(strings).search(text) == any(s in text for s in strings)


@pytest.mark.parametrize(
    ("sentence", "expr"),
    [
        ("The talks ended on ſeptember 5.", "ſeptember 5"),
        ("THE TALKS ENDED ON SEPTEMBER 5, 2021.", "SEPTEMBER 5, 2021"),
        ("They met ſix days ago.", "ſix days ago"),
        ("They met on ſunday.", "on ſunday"),
    ],
)
def test_dates_survive_the_prechecks(sentence: str, expr: str) -> None:
    assert [d.value["expr"] for d in extract_dates(sentence)] == [expr]


def test_quantities_and_roles_survive_the_prechecks() -> None:
    quantities = extract_quantities("ſix people and the ſixth man, score 2-1 in the final.")
    assert [(q.value["value"], q.value["unit"]) for q in quantities] == [
        (6.0, "count"),
        (6.0, "ordinal"),
        (2001.0, "score"),
    ]
    found = extract_roles("FOREIGN MINISTER Sergey Lavrov arrived.", PeopleContext(default_kb()))
    assert [value["person"] for _, _, value in found] == ["Sergey Lavrov"]
