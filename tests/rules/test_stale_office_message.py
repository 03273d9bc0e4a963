"""ROL001 says who held the office at the article's time, and says so when it is a warning because
the person had left less than a year before (and `checker explain ROL001` says it too)."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.rules.conftest import RunRule

SENTENCE = "Finnish Prime Minister Sanna Marin spoke in Helsinki on Monday."


@pytest.mark.parametrize(
    ("published", "severity", "recent"),
    [(date(2025, 2, 25), "error", False), (date(2024, 1, 15), "warning", True)],
)
def test_stale_office_names_the_holder_then(run_rule: RunRule, published: date, severity: str, recent: bool) -> None:
    (finding,) = run_rule("ROL001", [("Nordic Post", published, SENTENCE)])
    assert finding.severity == severity
    assert "; Petteri Orpo held it then" in finding.message
    assert finding.message.endswith("(a warning: they left less than a year before)") is recent


def test_explain_says_when_it_is_a_warning() -> None:
    out = CliRunner().invoke(main, ["explain", "ROL001"]).stdout
    assert "warning, not an error, when they had left less than a year before" in " ".join(out.split())
    assert "names who held it then" in out
