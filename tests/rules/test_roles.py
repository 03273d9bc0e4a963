"""ROL001-ROL005: offices people did not hold at the time the article speaks from."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import RunRule

FEB_2025 = date(2025, 2, 18)


@pytest.mark.parametrize(
    ("code", "published", "text"),
    [
        ("ROL001", FEB_2025, "Finnish Prime Minister Sanna Marin spoke in Munich."),
        ("ROL001", date(2024, 3, 1), "German Chancellor Angela Merkel opened the fair."),
        ("ROL002", date(2023, 5, 1), "Chancellor Friedrich Merz met the press in Berlin."),
        ("ROL003", FEB_2025, "The envoy met former President Donald Trump's son-in-law."),
        ("ROL003", date(2024, 4, 1), "Former President Emmanuel Macron of France spoke."),
        ("ROL005", date(2025, 4, 26), "He said the Biden administration has delivered a clear proposal."),
        ("ROL005", date(2023, 7, 11), "The Trump administration said on Tuesday it would attend."),
    ],
)
def test_wrong_offices_are_flagged(run_rule: RunRule, code: str, published: date, text: str) -> None:
    findings = run_rule(code, [("Outlet", published, text)])
    assert len(findings) == 1
    assert findings[0].severity in ("error", "warning")
    assert any(e.outlet == "knowledge base" for e in findings[0].evidence)


@pytest.mark.parametrize(
    ("published", "text"),
    [
        (FEB_2025, "Zelenskiy shared a statement from then-Secretary of State Mike Pompeo."),
        (FEB_2025, "McFaul served as ambassador under former President Barack Obama."),
        (FEB_2025, "British Prime Minister Keir Starmer said he was ready."),
        (FEB_2025, "German Chancellor Olaf Scholz reiterated his view."),
        (FEB_2025, "Vice President JD Vance spoke in Munich."),
        (FEB_2025, "The Obama administration had long resisted the plan."),
        (FEB_2025, "Sanctions imposed under the Biden administration remain in force."),
        (date(2024, 3, 1), "then-Chancellor Angela Merkel opened the border in 2015."),
        (date(2024, 3, 1), "Boris Johnson, the former British prime minister, wrote a column."),
    ],
)
def test_correct_uses_stay_silent(run_rule: RunRule, published: date, text: str) -> None:
    codes = ["ROL001", "ROL002", "ROL003", "ROL004", "ROL005"]
    assert [f for code in codes for f in run_rule(code, [("Outlet", published, text)]) if f.severity != "info"] == []


def test_then_for_a_current_office_holder_is_a_warning(run_rule: RunRule) -> None:
    findings = run_rule(
        "ROL004", [("Outlet", date(2024, 3, 1), "The deal was struck by then-Chancellor Olaf Scholz last year.")]
    )
    assert [f.severity for f in findings] == ["warning"]


def test_undated_article_is_judged_from_the_people_it_names(run_rule: RunRule) -> None:
    text = (
        "Vice President JD Vance and Secretary of State Marco Rubio met allies. "
        "He said the Biden administration has delivered a clear proposal."
    )
    findings = run_rule("ROL005", [("Outlet", None, text)])
    assert len(findings) == 1
    assert "held their offices together" in findings[0].message


ROLE_CODES = ["ROL001", "ROL002", "ROL003", "ROL004", "ROL005"]


def _serious(run_rule: RunRule, published: date | None, text: str) -> list[str]:
    return [
        f.rule for code in ROLE_CODES for f in run_rule(code, [("Outlet", published, text)]) if f.severity != "info"
    ]


@pytest.mark.parametrize(
    ("published", "text"),
    [
        # titles for the time of a past event
        (date(2015, 6, 7), "Tom Hale, a former adviser to President George W. Bush, wrote the memo."),
        (date(2015, 6, 7), "The law was signed by President Bill Clinton after a long fight."),
        (date(2015, 6, 7), "Tom Hale was appointed by President George H. W. Bush in 1991."),
        (date(2018, 8, 20), "The seat went to a judge President Obama had hoped to promote."),
        (date(2016, 3, 6), "The tax was introduced in the 1990s, while President Clinton was in office."),
        (date(2018, 1, 5), "President Obama committed the country to cuts below 2005 levels."),
        (date(2013, 6, 1), "Defense Secretary Leon Panetta testified this year that the attack was brief."),
        (
            date(2015, 3, 1),
            "The George W. Bush administration relied on Secretary of State Condoleezza Rice for that message.",
        ),
        (date(2019, 3, 1), "Defense Secretary Jim Mattis resigned in protest."),
        # hypothetical and future holders
        (date(2016, 2, 29), "Some voters dread the prospect of President Trump."),
        (date(2016, 12, 1), "President Trump might choose a running mate."),
        (date(2016, 5, 17), "Fear of a Donald Trump presidency will mobilize voters."),
        (date(2016, 11, 29), "The incoming Trump administration has picked its trade team."),
        (date(2016, 11, 21), "Critics worry the Trump administration will cut the agency's budget."),
        # administrations described, or of a past time
        (date(2020, 4, 14), "The Obama administration is an example."),
        (date(2018, 8, 20), "Critics will study his years with the Bush White House, which is where he learned."),
        (date(2018, 8, 20), "He wanted tougher measures than the Obama White House would accept."),
        # no title of the named person
        (date(2014, 1, 8), "Deputy Secretary of State William Burns flew to Cairo."),
        (date(2016, 4, 1), "Robert Allen King III had a front row seat."),
    ],
)
def test_titles_of_other_times_stay_silent(run_rule: RunRule, published: date, text: str) -> None:
    assert _serious(run_rule, published, text) == []


@pytest.mark.parametrize(
    ("code", "published", "text"),
    [
        ("ROL001", FEB_2025, "He met Finnish Prime Minister Sanna Marin on Monday."),
        ("ROL001", FEB_2025, "An aide to Finnish Prime Minister Sanna Marin said on Monday that talks would resume."),
        ("ROL001", FEB_2025, "Finnish Prime Minister Sanna Marin said Russia had violated the treaty."),
        ("ROL003", FEB_2025, "Senators will vote on former President Trump's Supreme Court nominee."),
        ("ROL002", date(2023, 5, 1), "Chancellor Friedrich Merz will meet the French president on Monday."),
        ("ROL002", date(2023, 6, 1), "In May, Chancellor Friedrich Merz opened the fair."),
        ("ROL005", date(2025, 4, 26), "The Biden administration will lift the sanctions."),
    ],
)
def test_titles_of_the_time_of_writing_are_still_flagged(
    run_rule: RunRule, code: str, published: date, text: str
) -> None:
    findings = run_rule(code, [("Outlet", published, text)])
    assert [f.severity for f in findings] in (["error"], ["warning"])


def test_an_administration_before_its_first_term_is_dated_by_that_term(run_rule: RunRule) -> None:
    (finding,) = run_rule(
        "ROL005", [("Outlet", date(2016, 6, 1), "The Trump administration said on Tuesday it agreed.")]
    )
    assert "began only on 2017-01-20" in finding.message


@pytest.mark.parametrize(
    ("undated", "severity"),
    [
        # its time is its story's, and nothing of its own agrees: the grouping alone dates it
        ("Finnish Prime Minister Sanna Marin urged more aid for Ukraine.", "info"),
        # one title held on the story's day against the one it rules out: still the grouping's word
        (
            "Finnish Prime Minister Sanna Marin urged more aid, and Secretary of State Marco Rubio listened.",
            "info",
        ),
        # more people in offices they held that day than not: the text agrees with its story
        (
            "Finnish Prime Minister Sanna Marin urged more aid; Secretary of State Marco Rubio and "
            "Russian Foreign Minister Sergey Lavrov listened.",
            "error",
        ),
    ],
)
def test_a_stale_title_judged_from_a_borrowed_time(run_rule: RunRule, undated: str, severity: str) -> None:
    pieces = [
        ("Alpha", date(2025, 2, 18), "Talks opened in Riyadh on Tuesday between the two delegations."),
        ("Beta", date(2025, 2, 18), "The delegations met in Riyadh for talks on Tuesday."),
        ("Gamma", None, undated),
    ]
    findings = run_rule("ROL001", pieces, aligned=False)
    assert [f.severity for f in findings] == [severity]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # what the president-elect will do in the office: spoken of his coming term
        ("President Trump will have to decide whether to keep the agency's director.", False),
        ("President Trump’s challenge will be to keep the coalition together.", False),
        # a present act before he took office: premature
        ("President Trump met the agency's director at his tower on Tuesday.", True),
    ],
)
def test_a_title_with_what_the_person_will_do_is_not_premature(run_rule: RunRule, text: str, flagged: bool) -> None:
    findings = run_rule("ROL002", [("A", date(2016, 12, 5), text)])
    assert bool(findings) is flagged
