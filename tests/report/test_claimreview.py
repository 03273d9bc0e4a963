"""ClaimReview JSON-LD: one review per flagged evidence, valid against claimreview.schema.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.pipeline import RunResult
from checker.report.claimreview import SCHEMA_FILE, VERDICTS, build_claimreviews, write_claimreview
from checker.rules import REGISTRY


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def written(result: RunResult, tmp_path: Path) -> list[dict[str, Any]]:
    path = write_claimreview(result, tmp_path / "out" / "claimreview.jsonld")
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("fixture", ["seed_result", "bridge_result", "xss_result"])
def test_output_matches_the_schema(fixture: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    result: RunResult = request.getfixturevalue(fixture)
    reviews = written(result, tmp_path)
    assert reviews
    validator().validate(reviews)


def test_one_review_per_flagged_evidence_of_errors_and_warnings(seed_result: RunResult) -> None:
    reviews = build_claimreviews(seed_result)
    expected = [
        (f, i, e)
        for f in seed_result.findings
        if f.severity in ("error", "warning")
        for i, e in enumerate(f.evidence)
        if e.role == "flagged" and e.article
    ]
    assert [r["identifier"] for r in reviews] == [f"{f.id}-{i}" for f, i, _ in expected]
    articles = {a.id: a for a in seed_result.articles}
    for review, (finding, _, evidence) in zip(reviews, expected, strict=True):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == evidence.sentence
        assert review["itemReviewed"]["author"] == {
            "@type": "Organization",
            "name": evidence.outlet,
        }
        appearance = review["itemReviewed"]["appearance"][0]
        assert appearance["headline"] == (articles[evidence.article].title or evidence.path)
        assert review["reviewRating"]["ratingExplanation"] == finding.message
        assert review["reviewRating"]["alternateName"] == VERDICTS[finding.rule]
        assert review["author"] == {"@type": "Organization", "name": "checker"}
        assert review["datePublished"] == seed_result.started_at[:10]


def test_info_findings_and_knowledge_base_evidence_are_left_out(seed_result: RunResult) -> None:
    ids = {r["identifier"].rsplit("-", 1)[0] for r in build_claimreviews(seed_result)}
    for finding in seed_result.findings:
        assert (finding.id in ids) == (finding.severity != "info" and any(e.article for e in finding.flagged))


def test_verdicts_cover_every_rule() -> None:
    assert set(VERDICTS) == set(REGISTRY)
    assert VERDICTS["QTY001"] == "Inconsistent with other outlets"
    assert VERDICTS["ROL002"] == "Title not held at the time"


def test_articles_appear_by_web_address_or_by_name(bridge_result: RunResult) -> None:
    by_outlet = {
        r["itemReviewed"]["author"]["name"]: r["itemReviewed"]["appearance"][0]
        for r in build_claimreviews(bridge_result)
    }
    gazette = by_outlet["Harbour Gazette"]  # its url is javascript:alert(1): never a url here
    assert "url" not in gazette and gazette["name"].endswith("gazette.txt")
    assert gazette["headline"] == "Bridge reopening ends months of detours"
    assert gazette["datePublished"] == "2024-03-14"


def test_the_file_can_sit_inside_an_html_script_block(xss_result: RunResult, tmp_path: Path) -> None:
    path = write_claimreview(xss_result, tmp_path / "c.jsonld")
    raw = path.read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw
    reviews = json.loads(raw)
    assert any("<script>window.__xss=1</script>" in r["itemReviewed"]["author"]["name"] for r in reviews)
    assert all(
        "url" not in r["itemReviewed"]["appearance"][0]
        or r["itemReviewed"]["appearance"][0]["url"].startswith("https://")
        for r in reviews
    )


def test_the_schema_rejects_what_it_should() -> None:
    good = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "It cost 48 million.",
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [{"@type": "CreativeWork", "name": "a.txt", "headline": "Bridge"}],
            "author": {"@type": "Organization", "name": "Gazette"},
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "Inconsistent with other outlets",
            "ratingExplanation": "Gazette says 48; two others say 42",
        },
        "author": {"@type": "Organization", "name": "checker"},
        "datePublished": "2026-01-02",
    }
    check = validator()
    check.validate([good])
    broken: list[dict[str, Any]] = [
        {**good, "claimReviewed": ""},
        {**good, "datePublished": "2 January 2026"},
        {**good, "author": {"@type": "Organization", "name": "someone else"}},
        {**good, "reviewRating": {"@type": "Rating", "ratingExplanation": "x"}},
        {**good, "itemReviewed": {**good["itemReviewed"], "appearance": []}},
        {
            **good,
            "itemReviewed": {
                **good["itemReviewed"],
                "appearance": [{"@type": "CreativeWork", "headline": "x"}],
            },
        },
        {
            **good,
            "itemReviewed": {
                **good["itemReviewed"],
                "appearance": [{"@type": "CreativeWork", "url": "javascript:alert(1)", "headline": "x"}],
            },
        },
    ]
    for item in broken:
        assert not check.is_valid([item]), item
