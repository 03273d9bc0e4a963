"""The time a title describes its holder at: the time of writing, a past time, or none."""

from __future__ import annotations

from typing import Any

import pytest

from checker.claims.people import PeopleContext, extract_roles
from checker.claims.roletime import past_context
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
        "Tom Hale, a former budget adviser for President Barack Obama who now teaches in Ohio, wrote it.",
        "Tom Hale, who served as President George W. Bush's last budget director, said it was over.",
        "Ms. Ruiz was President Obama’s trade envoy.",
        "Judge Ana Ruiz, President Barack Obama's pick for the court, never got a hearing.",
        "Emails from his time as a White House counsel for President George W. Bush were released.",
        "The movement began in opposition to the policies of President George W. Bush.",
        # a past agent
        "The bill, signed by President Bill Clinton, became law.",
        "Judge Ana Ruiz, named to the court by President Clinton, disagreed.",
        # the sentence's own time words
        "The idea was championed by President Barack Obama in years past.",
        "Russian Prime Minister Vladimir Putin said at the time that he was ready.",
        "The mission was then led by Secretary of State Hillary Clinton.",
        "And then came President Obama, who chose a different tone.",
        "The tax was introduced while President Clinton was in office.",
        # perfect tenses in the title's clause
        "The seat went to a judge President Obama had hoped to promote.",
        "The flyer claimed the senator had fought President Bush's tax plan.",
        "President Bush is said to have laughed at the idea.",
        "Vice President Joe Biden would have won the primary, he argued.",
        # the past event the clause tells
        "When President Obama left, unemployment was low.",
        "Before Vice President Biden officially declared, he called donors.",
        "Defense Secretary Jim Mattis resigned in protest.",
        "The firing of national security adviser Michael Flynn shook the White House.",
        "FILE PHOTO: National Security Advisor Michael Flynn listens during a briefing.",
        "The two governors worked together to help President Bill Clinton pass the budget.",
        "The panel spent two years examining the plans of President Bill Clinton.",
        "Her students would go on to advise President Obama.",
        "The senator criticized President Clinton’s bombing campaign.",
        "The inquiry focused on his national security adviser Michael Flynn.",
        # a "former" that may cover a list
        "The guests included former senator and secretary of State Hillary Clinton.",
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
        "Polish Prime Minister Mateusz Morawiecki said the deal showed Poland could help Ukraine.",
        "Japanese Prime Minister Shigeru Ishiba's government said it would watch the yen.",
        "Former Secretary of State John Kerry met Secretary of State Antony Blinken, who said so.",
        "Putin and his foreign minister Sergei Lavrov said on Tuesday that talks would go on.",
        "The summit, hosted by Finnish Prime Minister Sanna Marin, opened in Helsinki.",
        "As Finnish Prime Minister Sanna Marin said, the talks failed.",
        "Since then, Finnish Prime Minister Sanna Marin has met him twice.",
        "When Finnish Prime Minister Sanna Marin spoke on Monday, the hall was full.",
    ],
)
def test_present_contexts(sentence: str) -> None:
    roles = [value for _, _, value in extract_roles(sentence, PeopleContext(default_kb()))]
    assert roles[-1]["historical"] is False


@pytest.mark.parametrize(
    ("sentence", "hypothetical", "prospective"),
    [
        ("The real test comes when a President Trump picks a judge.", True, False),
        ("Some voters dread the prospect of President Trump.", True, False),
        ("President Trump might choose a running mate.", False, True),
        ("President Trump will meet the governors on Monday.", False, False),
        ("President Trump’s first budget could be tight.", False, False),
        ("Even if President Trump wins that fight, the courts remain.", False, True),
        ("Governors could push President Trump on trade.", False, True),
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
        ("President Obama committed the country to cuts below 2005 levels.", [], [2005]),
        ("President Obama spoke of the 2008 campaign.", [], [2008]),
        ("Polish Prime Minister Mateusz Morawiecki said the 2023 ban would end.", [], []),
    ],
)
def test_times_the_sentence_speaks_of(sentence: str, when: list[list[str]], other_years: list[int]) -> None:
    found = role(sentence)
    assert (found["when"], found["other_years"]) == (when, other_years)


def test_times_placed_from_the_reference_time_are_kept() -> None:
    found = role("Defense Secretary Leon Panetta testified this year.")
    assert [value["expr"] for value in found["when_relative"]] == ["this year"]


@pytest.mark.parametrize(
    ("sentence", "title", "past"),
    [
        # the holder after "to"/"of" is a capitalised name: "oust" is no name, the title is of today
        ("Activists began a campaign to oust Sen. Jane Roe on Monday.", "Sen. Jane Roe", False),
        ("The tariffs of President Jane Roe were lifted.", "President Jane Roe", True),
    ],
)
def test_a_tenure_word_reaches_only_a_named_holder(sentence: str, title: str, past: bool) -> None:
    start = sentence.index(title)
    assert past_context(sentence, start, start + len(title)) is past
