"""Role, administration and quote claims on sentences about many subjects."""

from __future__ import annotations

from typing import Any

import pytest

from checker.claims.missing import extract_missing
from checker.claims.people import PeopleContext, extract_administrations, extract_roles
from checker.claims.quotes import extract_quotes
from checker.knowledge import default_kb


def roles(sentence: str) -> list[dict[str, Any]]:
    return [value for _, _, value in extract_roles(sentence, PeopleContext(default_kb()))]


@pytest.mark.parametrize(
    ("sentence", "person", "office", "jurisdiction", "qualifier"),
    [
        (
            "Russian Foreign Minister Sergey Lavrov arrived on Monday.",
            "Sergey Lavrov",
            "foreign minister",
            "Russia",
            "none",
        ),
        ("Lavrov, Russia's foreign minister, spoke first.", "Sergey Lavrov", "foreign minister", "Russia", "none"),
        (
            "Boris Johnson, the former British prime minister, wrote a column.",
            "Boris Johnson",
            "prime minister",
            "United Kingdom",
            "former",
        ),
        (
            "Secretary of State Marco Rubio met his counterpart.",
            "Marco Rubio",
            "secretary of state",
            "United States",
            "none",
        ),
        (
            "It quoted then-Secretary of State Mike Pompeo.",
            "Mike Pompeo",
            "secretary of state",
            "United States",
            "then",
        ),
        ("German Chancellor Angela Merkel opened the fair.", "Angela Merkel", "chancellor", "Germany", "none"),
        (
            "ECB President Christine Lagarde kept rates on hold.",
            "Christine Lagarde",
            "president",
            "European Central Bank",
            "none",
        ),
        ("Vice President JD Vance spoke in Munich.", "JD Vance", "vice president", "United States", "none"),
        (
            "UN Secretary-General António Guterres called for calm.",
            "António Guterres",
            "secretary-general",
            "United Nations",
            "none",
        ),
        ("Japanese Prime Minister Fumio Kishida visited Kyiv.", "Fumio Kishida", "prime minister", "Japan", "none"),
    ],
)
def test_role_forms(sentence: str, person: str, office: str, jurisdiction: str, qualifier: str) -> None:
    (found,) = roles(sentence)
    assert found["person"] == person
    assert (found["office"], found["jurisdiction"], found["qualifier"]) == (office, jurisdiction, qualifier)


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Education Secretary Betsy DeVos spoke.", "Betsy DeVos"),
        ("Defense Minister Peter MacKay spoke.", "Peter MacKay"),
        ("Mayor Jane O'Malley spoke.", "Jane O'Malley"),
        ("IAEA Director General Mohamed ElBaradei spoke.", "Mohamed ElBaradei"),
        ("Senator Jane McAllister spoke.", "Jane McAllister"),
    ],
)
def test_names_with_a_capital_inside(sentence: str, person: str) -> None:
    (found,) = roles(sentence)
    assert found["person"] == person


def test_known_people_resolve_to_the_knowledge_base() -> None:
    (found,) = roles("Ukrainian President Volodymyr Zelenskiy thanked allies.")
    assert found["known"] is True
    assert found["person_key"] == default_kb().person("Volodymyr Zelenskyy")


def test_surname_resolves_to_the_person_the_article_named() -> None:
    people = PeopleContext(default_kb())
    extract_roles("Russian Foreign Minister Sergei Lavrov arrived.", people)
    assert people.full("Lavrov") == "Sergei Lavrov"


def test_explicit_jurisdiction_wins_over_the_title_default() -> None:
    (found,) = roles("Saudi National Security Advisor Mosaad bin Mohammad Al-Aiban attended.")
    assert found["jurisdiction"] == "Saudi Arabia"
    assert found["known"] is False


def test_words_ending_like_a_qualifier_are_not_qualifiers() -> None:
    (found,) = roles("Allies tried to isolate Russian President Vladimir Putin.")
    assert found["qualifier"] == "none"


@pytest.mark.parametrize(
    ("sentence", "leader", "acting"),
    [
        ("He said the Biden administration has delivered a clear proposal.", "Joe Biden", True),
        ("Sanctions were not lifted, as the Biden administration has not enacted new ones.", "Joe Biden", True),
        ("U.S. President Donald Trump's administration said on Tuesday it agreed.", "Donald Trump", True),
        ("The Obama administration had long resisted the plan.", "Barack Obama", False),
        ("Sanctions imposed under the Biden administration remain.", "Joe Biden", False),
        ("The territory was lost during the Obama administration.", "Barack Obama", False),
        ("The administration of U.S. president Joe Biden cast the war as a land grab.", "Joe Biden", False),
    ],
)
def test_administrations(sentence: str, leader: str, acting: bool) -> None:
    (found,) = [v for _, _, v in extract_administrations(sentence, PeopleContext(default_kb()))]
    assert (found["leader"], found["acting"]) == (leader, acting)


def test_role_inside_an_administration_phrase_is_not_a_present_title() -> None:
    assert roles("The administration of U.S. president Joe Biden cast the war as a land grab.") == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“Of course, this is unacceptable to us,” said Sergei Lavrov.", "Sergei Lavrov"),
        ("“Russia wants to do something,” Trump told reporters in Palm Beach.", "Trump"),
        ("Central bank governor Ana Ruiz said: “We will act if inflation persists.”", "Ana Ruiz"),
        ("According to Mayor Tom Hale, “the levees held better than expected.”", "Tom Hale"),
    ],
)
def test_quote_speakers(sentence: str, speaker: str) -> None:
    (found,) = [v for _, _, v in extract_quotes(sentence, PeopleContext(default_kb()))]
    assert found["speaker"].endswith(speaker)


def test_he_said_resolves_to_the_last_person_named() -> None:
    people = PeopleContext(default_kb())
    extract_roles("U.S. National Security Adviser Mike Waltz told reporters the war must end.", people)
    (found,) = [
        v for _, _, v in extract_quotes("“There is going to be some discussion of territory,” he said.", people)
    ]
    assert found["speaker"] == "Mike Waltz"


def test_scare_quotes_are_not_quotes() -> None:
    assert extract_quotes("They wanted to avoid giving “legitimacy” to the talks.", PeopleContext(default_kb())) == []


@pytest.mark.parametrize(
    ("sentence", "blank"),
    [
        ("The accusations, leveled in an interview with TV BRICS on , center on trade.", "on ,"),
        ("They met in Anchorage, Alaska, in .", "in ."),
        ("The US is seeking a resolution by , according to the Independent.", "by ,"),
        ("The vote is scheduled for {{date}} in the capital.", "{{date}}"),
        ("The minister will speak on [DATE] at the forum.", "[DATE]"),
        ("Results are expected on undefined, officials said.", "on undefined"),
    ],
)
def test_blanks(sentence: str, blank: str) -> None:
    found = extract_missing(sentence)
    assert [sentence[s:e] for s, e, _ in found] == [blank]


@pytest.mark.parametrize("sentence", ["That is what it came to.", "Prices rose 3.5% in May.", "He said: “No.”"])
def test_no_blanks_in_ordinary_text(sentence: str) -> None:
    assert extract_missing(sentence) == []


@pytest.mark.parametrize(
    ("named", "sentence", "person"),
    [
        # Of the article's Clintons, the one who held the office.
        ("Hillary Clinton", "She thanked President Clinton.", "Bill Clinton"),
        # The article names no Obama who was president: the one the KB knows.
        ("Michelle Obama", "She thanked President Obama.", "Barack Obama"),
        ("Sergei Lavrov", "Foreign Minister Lavrov spoke.", "Sergei Lavrov"),
    ],
)
def test_surname_resolves_to_the_one_holder_the_article_names(named: str, sentence: str, person: str) -> None:
    people = PeopleContext(default_kb())
    people.note(named)  # as a quote's speaker or an earlier title would
    (found,) = [v for _, _, v in extract_roles(sentence, people)]
    assert found["person_key"] == default_kb().person(person)
    assert found["known"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "President Bush signed it.",  # father and son both named: which one?
        "It was the first President Bush who signed it.",
    ],
)
def test_surname_shared_by_namesakes_stays_unresolved(sentence: str) -> None:
    people = PeopleContext(default_kb())
    for name in ("George H.W. Bush", "George W. Bush"):
        people.note(name)
    (found,) = [v for _, _, v in extract_roles(sentence, people)]
    assert found["known"] is False


def test_a_namesake_the_kb_lacks_is_not_the_one_it_knows() -> None:
    (found,) = roles("Tom Hale was a budget aide to President George H. W. Bush.")
    assert found["known"] is False


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Senators will vote on former President Obama's Supreme Court nominee.", "Barack Obama"),
        ("The President Obama’s White House staff left.", "Barack Obama"),
        ("Delegates praised Secretary-General António Guterres' opening speech.", "António Guterres"),
    ],
)
def test_a_possessive_name_is_the_person(sentence: str, person: str) -> None:
    (found,) = roles(sentence)
    assert (found["person"], found["known"]) == (person, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Deputy Secretary of State Jane Roe testified on Tuesday.",
        "Former Deputy Defense Secretary Jane Roe testified.",
        "Under-Secretary-General Jane Roe spoke.",
        "Vice Chancellor Jane Roe opened the term.",
        "Robert Allen King III spoke at the rally.",
        "Princess Ana, the monarch's daughter, opened the fair.",
        "In a letter to the commission's president, Jane Roe, the prime minister said she would stay.",
        "The presumptive nominee for president Joe Biden said so.",
    ],
)
def test_words_that_are_no_title_of_the_name(sentence: str) -> None:
    assert roles(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "qualifier", "jurisdiction"),
    [
        (
            "Photos: The Convention Former U.S. secretary of state Madeleine Albright smiles.",
            "former",
            "United States",
        ),
        ("It backed the ousted Ukrainian President Viktor Yanukovych.", "ousted", "Ukraine"),
        ("The onetime Secretary of State John Kerry spoke.", "former", "United States"),
        ("The would-be Chancellor Friedrich Merz spoke.", "incoming", "Germany"),
    ],
)
def test_qualifiers(sentence: str, qualifier: str, jurisdiction: str) -> None:
    (found,) = roles(sentence)
    assert (found["qualifier"], found["jurisdiction"]) == (qualifier, jurisdiction)


def test_link_cards_are_no_part_of_the_sentence() -> None:
    sentence = (
        "Both Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators balk at "
        "a trial | Graham: Senate trial must expose the whistleblower MORE (R-Ky.) and Gov. Jane Roe said no."
    )
    found = roles(sentence)
    assert [(f["person"], f["office"]) for f in found] == [
        ("Mitch McConnell", "senate majority leader"),
        ("Jane Roe", "governor"),
    ]


def test_a_possessive_link_card_is_no_part_of_the_sentence() -> None:
    sentence = (
        "It is made outside Speaker Jane Roe Jane Ann RoeRetirees say no California Governor Newsom and "
        "family dress up MORE’s (R-Ohio) district."
    )
    assert [(f["person"], f["office"]) for f in roles(sentence)] == [("Jane Roe", "speaker")]
