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
