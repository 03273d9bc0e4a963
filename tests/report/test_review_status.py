"""Review status in the reports: with a baseline or a change, findings.json and the pages say which
findings are new, which were accepted (with the reason) and which lie outside the change, and the
index's headline says what needs attention now."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from checker import ci
from checker.cli import main
from checker.pipeline import RunResult
from checker.report.html import write_html
from checker.report.jsonreport import SCHEMA_FILE, build_document
from tests.conftest import check_args
from tests.report.conftest import BRIDGE, write_corpus

REASON = "the council's own release gives both figures"


def invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def text_of(path: Path, xpath: str) -> str:
    nodes = lxml_html.fromstring(path.read_text(encoding="utf-8")).xpath(xpath)
    return " ".join(" ".join(n.text_content().split()) for n in nodes)


@pytest.fixture
def baselined(tmp_path: Path) -> Path:
    """The bridge corpus checked with a baseline that accepts its first finding, with a reason."""
    corpus = write_corpus(tmp_path / "corpus", BRIDGE)
    baseline = tmp_path / "baseline.json"
    assert invoke(check_args(tmp_path, corpus, "--write-baseline", str(baseline)))[0] == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert len(data["findings"]) >= 2
    data["findings"] = data["findings"][:1]
    data["findings"][0]["reason"] = REASON
    baseline.write_text(json.dumps(data), encoding="utf-8")
    invoke(check_args(tmp_path, corpus, "--baseline", str(baseline)))
    return tmp_path


def test_findings_json_carries_each_findings_review(baselined: Path) -> None:
    folder = baselined
    report = json.loads((folder / "f.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    reviews = [f["review"] for f in report["findings"]]
    assert {"status": "baselined", "reason": REASON} in reviews
    assert {r["status"] for r in reviews} == {"baselined", "new"}
    assert all(r["reason"] is None for r in reviews if r["status"] == "new")


def test_the_index_headline_says_what_needs_review_now(baselined: Path) -> None:
    folder = baselined
    report = json.loads((folder / "f.json").read_text(encoding="utf-8"))
    new = sum(f["review"]["status"] == "new" for f in report["findings"])
    headline = text_of(folder / "html" / "index.html", "//p[@id='headline']")
    finding = "finding needs" if new == 1 else "findings need"
    assert headline == f"{new} new {finding} review; 1 accepted in the baseline."
    tiles = text_of(folder / "html" / "index.html", "//ul[@class='tiles']")
    assert "1 ✓ accepted" in tiles


def test_pages_show_accepted_findings_as_reviewed_with_the_reason(baselined: Path) -> None:
    folder = baselined
    story_pages = list((folder / "html" / "stories").glob("*.html"))
    reviewed = [text_of(p, "//article[contains(@class, 'reviewed')]") for p in story_pages]
    assert sum(REASON in text for text in reviewed) == 1
    summary = " ".join(text_of(p, "//p[@class='story-summary']") for p in story_pages)
    assert re.search(r"; 1 reviewed already", summary)
    findings = folder / "html" / "findings.html"
    assert text_of(findings, "//tr[contains(@class, 'reviewed')]//p[@class='review-reason']") == f"Accepted: {REASON}"
    assert text_of(findings, "//select[@id='f-review']/option") == "all new accepted in the baseline outside the change"


def test_without_a_baseline_or_change_nothing_is_marked(bridge_result: RunResult, tmp_path: Path) -> None:
    assert bridge_result.review is None
    assert all("review" not in f for f in build_document(bridge_result)["findings"])
    write_html(bridge_result, tmp_path)
    count = len(bridge_result.findings)
    assert text_of(tmp_path / "index.html", "//p[@id='headline']") == f"{count} findings need review."
    assert not text_of(tmp_path / "findings.html", "//select[@id='f-review']")
    assert "review-mark" not in (tmp_path / "findings.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("changed", "status"), [("none", "outside"), ("gazette.txt", "new")])
def test_findings_outside_the_change_are_counted_apart(
    bridge_result: RunResult, tmp_path: Path, changed: str, status: str
) -> None:
    files = {Path(a.path).resolve() for a in bridge_result.articles if Path(a.path).name == changed}
    review = ci.reviews(bridge_result, changed=files)
    assert {r.status for r in review.values()} == {status}
    result = RunResult(**{**bridge_result.__dict__, "review": review})
    write_html(result, tmp_path)
    headline = text_of(tmp_path / "index.html", "//p[@id='headline']")
    count = len(result.findings)
    if status == "outside":
        assert headline == f"0 new findings need review; {count} outside the change."
    else:
        assert headline == f"{count} new findings need review."
