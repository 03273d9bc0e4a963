"""What every page says about the run and where it leads: the tool and knowledge-base versions,
the index's list of findings, the story pages' previous/next links, and controls that need
scripts marked so (they stay hidden without JavaScript)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

from checker import __version__
from checker.knowledge import kb_metadata
from checker.pipeline import RunResult
from checker.report.data import ReportData
from checker.report.html import INDEX_FINDINGS


def parse(path: Path) -> HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def words(node: HtmlElement) -> str:
    return " ".join(node.text_content().split())


@pytest.mark.parametrize("page", ["index.html", "findings.html", "rules.html"])
def test_every_page_names_the_tool_and_knowledge_base_versions(seed_report: Path, page: str) -> None:
    footer = words(parse(seed_report / page).xpath("//footer")[0])
    meta = kb_metadata()
    assert f"checker {__version__}" in footer
    assert f"knowledge base of {meta['version']} (reliable through {meta['reliable_through']})" in footer


def test_the_index_lists_the_findings_most_severe_first(seed_result: RunResult, seed_report: Path) -> None:
    rows = parse(seed_report / "index.html").xpath("//table[@class='index-findings']/tbody/tr")
    expected = seed_result.findings[:INDEX_FINDINGS]
    assert len(rows) == len(expected)
    for row, finding in zip(rows, expected, strict=True):
        assert row.xpath(".//a[starts-with(@href, 'findings.html#f-')]/@href") == [f"findings.html#f-{finding.id}"]
        assert finding.message in words(row)


def test_story_pages_link_their_neighbours_in_the_index_order(seed_result: RunResult, seed_report: Path) -> None:
    slugs = [ReportData(seed_result).story_slug[s.id] for s in seed_result.stories]
    assert len(slugs) > 2
    for n, slug in enumerate(slugs):
        page = parse(seed_report / "stories" / f"{slug}.html")
        previous, following = page.xpath("//a[@rel='prev']/@href"), page.xpath("//a[@rel='next']/@href")
        assert previous == ([f"{slugs[n - 1]}.html"] if n else [])
        assert following == ([f"{slugs[n + 1]}.html"] if n + 1 < len(slugs) else [])


@pytest.mark.parametrize(("page", "xpath"), [("findings.html", "//form[@id='filters']"), ("index.html", "//form")])
def test_controls_that_need_scripts_are_marked_so(seed_report: Path, page: str, xpath: str) -> None:
    (form,) = parse(seed_report / page).xpath(xpath)
    assert "js-only" in form.get("class").split()
