"""ROL001-ROL004 on the office families the knowledge base holds beyond heads of state and government:
one wrong and one right holder per family, and the uses of their titles that name other offices."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import RunRule

ROLE_CODES = ["ROL001", "ROL002", "ROL003", "ROL004"]
MID_2012 = date(2012, 6, 12)


def _serious(run_rule: RunRule, published: date, text: str) -> list[str]:
    return [
        f.rule for code in ROLE_CODES for f in run_rule(code, [("Outlet", published, text)]) if f.severity != "info"
    ]


@pytest.mark.parametrize(
    ("code", "published", "text"),
    [
        # US Congress
        ("ROL001", MID_2012, "House Speaker Nancy Pelosi scheduled a vote."),
        ("ROL002", MID_2012, "Senate Majority Leader Mitch McConnell scheduled a vote."),
        ("ROL001", date(2022, 3, 1), "Majority Leader Mitch McConnell scheduled a vote."),
        ("ROL003", MID_2012, "Former House Minority Leader Nancy Pelosi spoke."),
        # US cabinet
        ("ROL002", MID_2012, "Attorney General Jeff Sessions announced the charges."),
        ("ROL001", date(2016, 3, 1), "Attorney General Eric Holder announced the charges."),
        ("ROL001", date(2019, 5, 1), "Treasury Secretary Timothy Geithner met bankers."),
        ("ROL002", MID_2012, "Homeland Security Secretary Kristi Noem visited the border."),
        # the White House staff
        ("ROL001", date(2019, 5, 1), "White House press secretary Sean Spicer took questions."),
        ("ROL002", MID_2012, "White House Chief of Staff Ron Klain called governors."),
        # central banks
        ("ROL001", date(2019, 5, 1), "Fed Chair Janet Yellen kept rates on hold."),
        ("ROL002", MID_2012, "Bank of England Governor Andrew Bailey kept rates on hold."),
        ("ROL002", MID_2012, "Russia's central bank governor Elvira Nabiullina spoke."),
        # governors of the US states
        ("ROL001", date(2023, 5, 1), "New York Gov. Andrew Cuomo signed the bill."),
        ("ROL002", MID_2012, "Gov. Ron DeSantis signed the bill."),
        ("ROL003", MID_2012, "Former Texas Gov. Rick Perry signed the bill."),
        # G7 cabinets
        ("ROL001", date(2023, 5, 1), "Chancellor Rishi Sunak presented the budget."),
        ("ROL002", MID_2012, "Home Secretary Priti Patel announced the plan."),
        ("ROL001", date(2019, 5, 1), "German Finance Minister Wolfgang Schäuble presented the budget."),
        ("ROL001", date(2023, 5, 1), "Japanese Finance Minister Taro Aso presented the budget."),
        ("ROL002", MID_2012, "Canadian Defence Minister Anita Anand met troops."),
        # international bodies
        ("ROL001", date(2019, 5, 1), "WHO Director-General Margaret Chan warned of the outbreak."),
        ("ROL001", date(2019, 5, 1), "UN High Commissioner for Refugees António Guterres visited the camp."),
        ("ROL001", date(2019, 5, 1), "IAEA Director General Mohamed ElBaradei visited Tehran."),
    ],
)
def test_wrong_holders_are_flagged(run_rule: RunRule, code: str, published: date, text: str) -> None:
    findings = [f for f in run_rule(code, [("Outlet", published, text)]) if f.severity != "info"]
    assert len(findings) == 1, text
    assert any(e.outlet == "knowledge base" for e in findings[0].evidence)


@pytest.mark.parametrize(
    ("published", "text"),
    [
        (MID_2012, "House Speaker John Boehner scheduled a vote."),
        (MID_2012, "Speaker of the House John Boehner scheduled a vote."),
        (MID_2012, "Senate Majority Leader Harry Reid scheduled a vote."),
        (MID_2012, "Majority Leader Eric Cantor scheduled a vote."),
        (MID_2012, "Senate Minority Leader Mitch McConnell objected."),
        (MID_2012, "House Minority Leader Nancy Pelosi objected."),
        (date(2019, 5, 1), "U.S. House Speaker Nancy Pelosi objected."),
        (MID_2012, "Attorney General Eric Holder announced the charges."),
        (date(2018, 5, 1), "Attorney General Jeff Sessions announced the charges."),
        (MID_2012, "Treasury Secretary Timothy Geithner met bankers."),
        (date(2018, 5, 1), "White House press secretary Sarah Sanders took questions."),
        (date(2021, 5, 1), "White House Chief of Staff Ron Klain called governors."),
        (MID_2012, "Former Speaker Dennis Hastert spoke."),
        (MID_2012, "Texas Gov. Rick Perry signed the bill."),
        (date(2019, 5, 1), "Washington Gov. Jay Inslee signed the bill."),
        (date(2019, 5, 1), "Former Texas Gov. Rick Perry, the energy secretary, spoke."),
        (MID_2012, "Chancellor George Osborne presented the budget."),
        (date(2015, 5, 1), "Chancellor Angela Merkel met Chancellor of the Exchequer George Osborne."),
        (MID_2012, "Defence Secretary Philip Hammond met troops."),
        (date(2016, 5, 1), "British Home Secretary Theresa May announced the plan."),
        (MID_2012, "French Interior Minister Manuel Valls announced the plan."),
        (date(2019, 5, 1), "Italian Interior Minister Matteo Salvini announced the plan."),
        (date(2015, 5, 1), "Japanese Finance Minister Taro Aso presented the budget."),
        (MID_2012, "Fed Chairman Ben Bernanke kept rates on hold."),
        (date(2019, 5, 1), "Federal Reserve Chair Jerome Powell kept rates on hold."),
        (MID_2012, "BOJ Governor Masaaki Shirakawa kept rates on hold."),
        (date(2021, 5, 1), "WHO chief Tedros Adhanom Ghebreyesus warned of new variants."),
        (MID_2012, "U.N. High Commissioner for Refugees António Guterres visited the camp."),
        (date(2019, 5, 1), "OPEC Secretary General Mohammad Barkindo met ministers."),
    ],
)
def test_right_holders_stay_silent(run_rule: RunRule, published: date, text: str) -> None:
    assert _serious(run_rule, published, text) == []


@pytest.mark.parametrize(
    ("published", "text"),
    [
        # the same title of a state office the person held
        (date(2015, 6, 1), "Florida Attorney General Pam Bondi joined the suit."),
        (date(2015, 6, 1), "Attorney General Pam Bondi joined the suit."),
        (date(2019, 6, 1), "California Attorney General Xavier Becerra joined the suit."),
        # "chief of staff" and "press secretary" of someone other than the President
        (date(2010, 6, 1), "Vice President Biden's chief of staff Ron Klain met them."),
        (date(2024, 6, 1), "Trump campaign press secretary Karoline Leavitt said so."),
        (date(2019, 6, 1), "Press secretary Kayleigh McEnany spoke for the campaign."),
        # a Federal Reserve governor is a board member, not its chair
        (date(2015, 6, 1), "Fed Governor Jerome Powell spoke on bank rules."),
    ],
)
def test_titles_of_other_offices_stay_silent(run_rule: RunRule, published: date, text: str) -> None:
    assert _serious(run_rule, published, text) == []


@pytest.mark.parametrize(
    ("published", "text"),
    [
        # a list's heading: the post the list is about (a nominee's), not one held
        (date(2016, 11, 18), "Tom Price, Health and Human Services secretary"),
        # qualifiers stacked: the first says when
        (date(2017, 12, 4), "The tweet referred to then-acting Attorney General Sally Yates telling the counsel."),
        (date(2020, 5, 11), "Then-incoming White House chief of staff Mark Meadows left a meeting on March 24."),
        # a future holder, hyphenated
        (date(2016, 11, 12), "It won an endorsement from likely future-Senate Minority Leader Chuck Schumer."),
        # the one a successor follows, and one said to have been forced out
        (date(2018, 12, 7), "Barr would succeed Attorney General Jeff Sessions in the post."),
        (date(2018, 12, 7), "The post went to Attorney General Jeff Sessions, who was forced out in November."),
        (date(2018, 11, 21), "Attorney General Jeff Sessions was the latest to be forced out of the cabinet."),
        (date(2018, 8, 22), "House Majority Leader Tom DeLay, R-Texas, faced a charge and was forced to step aside."),
        (date(2017, 9, 28), "He probed Alabama Gov. Robert Bentley, who named him not long before Bentley resigned."),
        # a past narration marked by its future-in-the-past
        (date(2017, 11, 15), "Senate Majority Leader Harry Reid, busy with what would become the health law, waited."),
    ],
)
def test_titles_of_lists_successions_and_past_narrations_stay_silent(
    run_rule: RunRule, published: date, text: str
) -> None:
    assert _serious(run_rule, published, text) == []


@pytest.mark.parametrize(
    ("published", "text"),
    [
        # a courtesy title kept for life
        (date(2012, 9, 5), "Governor Romney opposed the plan to save the automakers."),
        (date(2016, 2, 21), "Gov. Jeb Bush bowed out with grace tonight."),
        (date(2016, 1, 26), "The caucus drove out Speaker John Boehner."),
        # it does not date an undated article either
        (None, "Gov. Mitt Romney and President Barack Obama will debate on Wednesday."),
        # a site's link card inside the sentence: its headlines are no part of it
        (
            date(2017, 3, 22),
            "The bill was advanced by Speaker Jane Roe Jane Ann RoeRetirees say no to the plan California "
            "Governor Newsom and family dress up for Halloween MORE (R-Ohio), who met donors.",
        ),
    ],
)
def test_courtesy_titles_and_link_cards_stay_silent(run_rule: RunRule, published: date | None, text: str) -> None:
    assert [
        f.rule for code in ROLE_CODES for f in run_rule(code, [("Outlet", published, text)]) if f.severity != "info"
    ] == []


@pytest.mark.parametrize(
    ("published", "text"),
    [
        (date(2016, 2, 21), "Florida Gov. Jeb Bush bowed out with grace tonight."),
        (date(2014, 4, 23), "He is not as well known as House Speaker Nancy Pelosi."),
    ],
)
def test_titles_with_their_place_are_no_courtesy(run_rule: RunRule, published: date, text: str) -> None:
    assert [f.severity for f in run_rule("ROL001", [("Outlet", published, text)])] in (["error"], ["warning"])
