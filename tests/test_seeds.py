"""The seeds end to end: what the issues say must and must not be flagged at warning or above."""

from __future__ import annotations

import json

import pytest

from checker.model import Finding
from checker.pipeline import RunResult, check
from tests.conftest import ROOT, SEEDS

# shared with `make eval` (bench/accuracy)
EXPECTED = json.loads((ROOT / "tests" / "data" / "seeds-expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result() -> RunResult:
    return check([SEEDS])


def serious(result: RunResult) -> list[Finding]:
    return [f for f in result.findings if f.severity in ("error", "warning")]


def flagged_spans(result: RunResult, seed: str, rule_prefix: str = "") -> list[str]:
    return [
        e.span
        for f in serious(result)
        if f.rule.startswith(rule_prefix)
        for e in f.flagged
        if e.path.endswith(seed) or seed in e.path
    ]


def test_territory_share_18_against_20(result: RunResult) -> None:
    findings = [f for f in serious(result) if f.category == "quantity" and any("18%" in e.span for e in f.flagged)]
    assert len(findings) == 1
    (finding,) = findings
    assert {e.outlet for e in finding.evidence if e.role == "reference"} == {"Reuters", "The Straits Times"}
    assert all("20%" in e.span for e in finding.evidence if e.role == "reference")
    assert not any("20%" in e.span for e in finding.flagged)


def test_both_biden_administration_sentences_of_001(result: RunResult) -> None:
    spans = flagged_spans(result, "001_", "ROL005")
    assert spans.count("Biden administration") == 2


def test_reuters_2023_published_date(result: RunResult) -> None:
    (finding,) = [f for f in serious(result) if f.rule == "DAT001"]
    assert finding.flagged[0].outlet == "Reuters"
    assert finding.flagged[0].sentence == "published: 2023-02-19"


@pytest.mark.parametrize("span", ["former President Trump", "Finnish Prime Minister Sanna Marin"])
def test_roles_in_002(result: RunResult, span: str) -> None:
    assert any(span in s for s in flagged_spans(result, "002_", "ROL"))


def test_three_blanks_in_000(result: RunResult) -> None:
    assert sorted(flagged_spans(result, "000_", "MIS")) == ["by ,", "in .", "on ,"]


@pytest.mark.parametrize("words", EXPECTED["correct_titles"])
def test_correct_titles_stay_silent(result: RunResult, words: str) -> None:
    assert not [f for f in serious(result) for e in f.flagged if words in e.span]


def test_the_20_percent_statements_stay_silent(result: RunResult) -> None:
    assert not [e for f in serious(result) for e in f.flagged if "20%" in e.span]


def test_stitched_pages_are_split(result: RunResult) -> None:
    outlets = sorted(a.outlet for a in result.articles if "003_" in a.path)
    assert outlets == ["Breitbart", "Reuters", "The Straits Times"]
