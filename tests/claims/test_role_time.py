"""The time a title describes its holder at: the time of writing, a past time, or none."""

from __future__ import annotations

from typing import Any

import pytest

from checker.claims.people import PeopleContext, extract_roles
from checker.knowledge import default_kb


def role(sentence: str) -> dict[str, Any]:
    (found,) = [value for _, _, value in extract_roles(sentence, PeopleContext(default_kb()))]
    return found


@pytest.mark.parametrize(
    "sentence",
    [
        # a relation with the holder that is over, or whose time is that of the relation
        "Tom Hale was a press aide to President Bill Clinton.",
        "Tom Hale is a former speechwriter for President George W. Bush.",
        "Tom Hale, a former top economist for President Barack Obama who is now at Harvard, wrote it.",
        "Tom Hale, who served as President George W. Bush's first press secretary, said it was over.",
        "Ms. Ruiz was President Obama’s national-security adviser.",
        "Judge Ana Ruiz, President Barack Obama's pick for the court, never got a hearing.",
        "Emails from his time as a White House counsel for President George W. Bush were released.",
        "The movement began in opposition to the policies of President George W. Bush.",
        # a past agent
        "The act was signed by President Bill Clinton and adopted by many states.",
        "Judge Ana Ruiz, named to the bench by President Clinton, jumped in.",
        # the sentence's own time words
        "The idea was championed by President Barack Obama in years past.",
        "Russian Prime Minister Vladimir Putin said at the time that he was ready.",
        "The mission was then led by Secretary of State Hillary Clinton.",
        "And then came President Obama, who spoke before Congress.",
        "The deal was enacted when President Clinton was in office.",
        # perfect tenses in the title's clause
        "The justice filled the vacancy in which President Obama had hoped to install his pick.",
        "The ad said the senator had opposed President Bush's security proposal.",
        "President Bush is said to have remarked that she had no idea.",
        "Vice President Joe Biden would have been drafted to run.",
        # the past event the clause tells
        "When President Obama left, the economy was growing.",
        "Before Vice President Biden formally entered the race, he met donors.",
        "Defense Secretary Jim Mattis quit.",
        "The firing of national security adviser Michael Flynn shook the White House.",
        "FILE PHOTO: National Security Advisor Michael Flynn speaks at the White House.",
        # a "former" that may cover a list
        "He was joined by former first lady and secretary of State Hillary Clinton.",
        "Former Secretary of State John Kerry and Secretary of State Hillary Clinton attended.",
    ],
)
def test_past_contexts(sentence: str) -> None:
    found = [value for _, _, value in extract_roles(sentence, PeopleContext(default_kb()))]
    assert found[-1]["historical"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Finnish Prime Minister Sanna Marin spoke in Munich.",
        "Finnish Prime Minister Sanna Marin said Russia had violated the treaty.",
        "Responding to Finnish Prime Minister Sanna Marin’s comments at the conference, Lavrov spoke.",
        "He met with Finnish Prime Minister Sanna Marin on Monday.",
        "An aide to Finnish Prime Minister Sanna Marin said on Monday that talks would resume.",
        "Polish Prime Minister Mateusz Morawiecki said the deal proved that Poland could stand by Ukraine.",
        "Japanese Prime Minister Shigeru Ishiba's government said it was monitoring markets.",
        "Former Secretary of State John Kerry met Secretary of State Antony Blinken, who said so.",
    ],
)
def test_present_contexts(sentence: str) -> None:
    roles = [value for _, _, value in extract_roles(sentence, PeopleContext(default_kb()))]
    assert roles[-1]["historical"] is False


@pytest.mark.parametrize(
    ("sentence", "hypothetical", "prospective"),
    [
        ("A test is coming when a President Trump will send his nominee to the Senate.", True, True),
        ("Many are aghast at the prospect of President Trump.", True, False),
        ("President Trump will have to make a decision.", False, True),
        ("President Trump’s challenge will be implementing it.", False, True),
        ("Even if President Trump spends his capital, he cannot win.", False, True),
        ("The states can give direction to President Trump.", False, True),
        ("President Trump signed the order on Friday.", False, False),
    ],
)
def test_possible_holders(sentence: str, hypothetical: bool, prospective: bool) -> None:
    found = role(sentence)
    assert (found["hypothetical"], found["prospective"]) == (hypothetical, prospective)


@pytest.mark.parametrize(
    ("sentence", "when", "other_years"),
    [
        (
            "Italian Prime Minister Mario Draghi last cut rates in September 2019, when inflation was low.",
            [["2019-09-01", "2019-09-30", "September 2019"]],
            [],
        ),
        ("The deal was done in the 1990s by President Bill Clinton.", [["1990-01-01", "1999-12-31", "the 1990s"]], []),
        ("President Obama pledged cuts below 2005 levels.", [], [2005]),
        ("President Obama spoke of the 2008 campaign.", [], [2008]),
    ],
)
def test_times_the_sentence_speaks_of(sentence: str, when: list[list[str]], other_years: list[int]) -> None:
    found = role(sentence)
    assert (found["when"], found["other_years"]) == (when, other_years)


def test_times_placed_from_the_reference_time_are_kept() -> None:
    found = role("Defense Secretary Leon Panetta told Congress this year.")
    assert [value["expr"] for value in found["when_relative"]] == ["this year"]
