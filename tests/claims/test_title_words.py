"""Titles of general English before and beside names: offices the knowledge base does not know."""

from __future__ import annotations

import re
from typing import Any

import pytest

from checker.claims.hints import alternation
from checker.claims.people import PeopleContext, extract_roles
from checker.claims.titlewords import describe, rival_offices, same_office, title_word
from checker.knowledge import default_kb


def roles(sentence: str) -> list[tuple[str, dict[str, Any]]]:
    return [(sentence[s:e], v) for s, e, v in extract_roles(sentence, PeopleContext(default_kb()))]


@pytest.mark.parametrize(
    ("sentence", "span", "person", "office", "qualifier"),
    [
        ("Rep. Jane Roe (R-Ohio) urged a vote.", "Rep. Jane Roe", "Jane Roe", "representative", "none"),
        ("Congresswoman Jane Roe urged a vote.", "Congresswoman Jane Roe", "Jane Roe", "representative", "none"),
        ("Former Gov. Tom Hale declared a run.", "Former Gov. Tom Hale", "Tom Hale", "governor", "former"),
        ("Ohio Lt. Gov. Tom Hale spoke first.", "Lt. Gov. Tom Hale", "Tom Hale", "lieutenant governor", "none"),
        (
            "Tom Hale, a Republican senator from Ohio, said no.",
            "Tom Hale, a Republican senator",
            "Tom Hale",
            "senator",
            "none",
        ),
        # a leader of a chamber the knowledge base knows (though not this person): its office, not the word's
        (
            "Senate Majority Leader Tom Hale met them.",
            "Majority Leader Tom Hale",
            "Tom Hale",
            "senate majority leader",
            "none",
        ),
        ("Majority Leader Tom Hale met them.", "Majority Leader Tom Hale", "Tom Hale", "majority leader", "none"),
        ("U.S. District Judge Ana Ruiz ruled on Monday.", "Judge Ana Ruiz", "Ana Ruiz", "judge", "none"),
        ("Maj. Gen. Ana Ruiz led the unit.", "Maj. Gen. Ana Ruiz", "Ana Ruiz", "major general", "none"),
        # a qualifier before place words with commas, which the title's own place words stop short of
        (
            "Voters like former Springfield, Ill., Mayor Ana Ruiz.",
            "former Springfield, Ill., Mayor Ana Ruiz",
            "Ana Ruiz",
            "mayor",
            "former",
        ),
        # a title the knowledge base knows, written after the name with its place word
        (
            "Tom Hale, Defense secretary, flew in.",
            "Tom Hale, Defense secretary",
            "Tom Hale",
            "secretary of defense",
            "none",
        ),
    ],
)
def test_general_titles(sentence: str, span: str, person: str, office: str, qualifier: str) -> None:
    ((found_span, found),) = roles(sentence)
    assert found_span.endswith(span)
    assert (found["person"], found["office"], found["qualifier"]) == (person, office, qualifier)


def test_titles_the_knowledge_base_does_not_know_are_marked() -> None:
    ((_, senator), (_, president)) = roles("Sen. Tom Hale met French President Emmanuel Macron.")
    assert senator["kb_office"] is False
    assert president["kb_office"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Top Justice Department officials met.",  # an institution, not a person
        "Protesters sought justice for Tom Hale.",  # "Justice" is a title only capitalised
        "In general Americans agree.",
        "The director John Hale hired was new.",  # lower case: an occupation, not a formal title
    ],
)
def test_words_that_are_no_title_of_the_name(sentence: str) -> None:
    assert roles(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Late Tuesday, Springfield Mayor Ana Ruiz signed it.", "none"),  # a time, not "the late"
        ("Backers of former Gov. Ana Ruiz, Ohio Sen. Tom Hale and others met.", "none"),  # another title's
    ],
)
def test_far_qualifiers_that_are_not_this_titles(sentence: str, qualifier: str) -> None:
    *_, (_, last) = roles(sentence)
    assert last["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("sentence", "historical", "qualifier"),
    [
        ("He was sued for firing FBI Director Ana Ruiz.", True, "none"),  # the title when the act ended it
        ("Voters defeated Sen. Ana Ruiz in a landslide.", True, "none"),
        ("The scandal forced CIA Director Ana Ruiz to resign.", True, "none"),
        ("Gov. Ana Ruiz, who resigned on Tuesday, thanked her staff.", True, "none"),
        ("House members on Friday ousted Rep. Ana Ruiz as their chair.", True, "none"),  # a verb, no qualifier
        ("Critics want to oust Gov. Ana Ruiz.", False, "none"),  # still governor now
        ("Gov. Ana Ruiz signed the bill.", False, "none"),
        ("Ousted President Ana Ruiz spoke from exile.", False, "ousted"),
        ("He met the ousted President Ana Ruiz.", False, "ousted"),
    ],
)
def test_acts_that_end_a_tenure_date_the_title(sentence: str, historical: bool, qualifier: str) -> None:
    ((_, found),) = roles(sentence)
    assert (found["historical"], found["qualifier"]) == (historical, qualifier)


@pytest.mark.parametrize(
    ("a", "b", "same", "rivals"),
    [
        ("Sen.", "Senator", True, False),
        ("Rep.", "Congressman", True, False),
        ("Secretary", "Secretary of State", True, False),
        ("Gen.", "Lt. Gen.", True, False),
        ("Sen.", "Rep.", False, True),
        ("Mayor", "Governor", False, True),
        ("Lt. Gen.", "Maj. Gen.", False, True),
        ("Speaker", "Rep.", False, False),  # held together
        ("Chairman", "Sen.", False, False),
    ],
)
def test_offices_compared(a: str, b: str, same: bool, rivals: bool) -> None:
    wa, wb = title_word(a), title_word(b)
    assert wa is not None and wb is not None
    assert same_office(wa, wb) is same and same_office(wb, wa) is same
    assert rival_offices(wa, wb) is rivals


def test_knowledge_base_offices_are_described_by_their_title() -> None:
    assert describe("Foreign Secretary", "foreign minister").head == "secretary"
    assert describe("top diplomat", "foreign minister").office == "foreign minister"


def test_alternation_matches_exactly_the_words_longest_first() -> None:
    words = ["sen.", "senator", "secretary", "secretary of state"]
    pattern = re.compile(alternation(words))
    assert all(pattern.fullmatch(word) for word in words)
    assert [pattern.match(text).group() for text in ("secretary of state Roe", "secretary of the Navy")] == [  # type: ignore[union-attr]
        "secretary of state",
        "secretary",
    ]
    assert pattern.fullmatch("sen") is None
    assert pattern.fullmatch("senators") is None
