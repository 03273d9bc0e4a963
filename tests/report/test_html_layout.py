"""The pages in a real browser (Debian's chromium through Playwright, gated as in
test_html_browser.py): a four-outlet story page and the index fit desktop and phone widths
without sideways scrolling, story pages lead to their neighbours, controls that need scripts are
hidden without them, and the review filter works. Screenshots are kept in tests/artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker import ci
from checker.ci.baseline import BaselineEntry
from checker.pipeline import RunResult, check
from checker.report.html import write_html
from tests.report.test_html_browser import ARTIFACTS, ROOT, open_page, story_file, url, visible_ids

pytestmark = pytest.mark.browser

CORPORA = ROOT / "tests" / "data" / "corpora"
FOUR_OUTLETS = CORPORA / "ecb-rate-decision-2024"  # one story, four outlets
OTHERS = CORPORA / "netherlands-election-2023"
DESKTOP, NARROW_DESKTOP, PHONE = 1280, 1024, 375


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunResult, Path]]:
    result = check([FOUR_OUTLETS, OTHERS])
    report = tmp_path_factory.mktemp("four-report")
    write_html(result, report)
    yield result, report


def four_outlet_story(result: RunResult, report: Path) -> Path:
    story = next(s for s in result.stories if len(s.articles) == 4)
    return story_file(report, result, story.id)


def widths(page: Any, selector: str = "") -> list[int]:
    node = f"document.querySelector({selector!r})" if selector else "document.documentElement"
    return list(page.evaluate(f"[{node}.scrollWidth, {node}.clientWidth]"))


@pytest.mark.parametrize("width", [DESKTOP, NARROW_DESKTOP, PHONE])
def test_a_four_outlet_story_page_never_scrolls_sideways(
    browser: Any, four: tuple[RunResult, Path], width: int
) -> None:
    result, report = four
    page, watch = open_page(browser, width=width, height=900)
    page.goto(url(four_outlet_story(result, report)))
    assert page.locator("table.grid th.col-head").count() == 4
    page_width, view = widths(page)
    assert page_width <= view, (width, page_width, view)
    grid, frame = widths(page, ".grid-scroll")
    if width >= NARROW_DESKTOP:  # the four columns share the desktop's width: nothing hides to the right
        assert grid <= frame, (width, grid, frame)
        columns = page.eval_on_selector_all("th.col-head", "cells => cells.map(c => c.getBoundingClientRect().width)")
        assert min(columns) >= 200 and max(columns) - min(columns) < 2
    else:  # a phone scrolls the grid inside its frame, never the page
        assert page.evaluate("getComputedStyle(document.querySelector('.grid-scroll')).overflowX") == "auto"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"story-four-{width}.png"))
    assert watch.clean(), watch
    page.context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_index_fits_and_lists_the_findings(browser: Any, four: tuple[RunResult, Path], width: int) -> None:
    result, report = four
    page, watch = open_page(browser, width=width, height=900)
    page.goto(url(report / "index.html"))
    page_width, view = widths(page)
    assert page_width <= view, (width, page_width, view)
    assert page.locator("#headline").is_visible()
    assert page.locator("table.index-findings tbody tr").count() == min(len(result.findings), 50)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"index-{width}.png"), full_page=True)
    assert watch.clean(), watch
    page.context.close()


def test_brackets_and_links_lead_to_the_next_and_previous_story(browser: Any, four: tuple[RunResult, Path]) -> None:
    result, report = four
    assert len(result.stories) >= 2
    first, second = (story_file(report, result, s.id) for s in result.stories[:2])
    page, watch = open_page(browser)
    page.goto(url(first))
    assert page.locator("a[rel='prev']").count() == 0
    page.keyboard.press("]")
    page.wait_for_url(url(second))
    page.keyboard.press("[")
    page.wait_for_url(url(first))
    page.click("a[rel='next']")
    page.wait_for_url(url(second))
    assert watch.clean(), watch
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_filter_controls_show_only_with_javascript(browser: Any, seed_report: Path, javascript: bool) -> None:
    page, watch = open_page(browser, javascript=javascript, csp=True)
    page.goto(url(seed_report / "findings.html"))
    assert page.locator("#filters").is_visible() is javascript
    page.goto(url(seed_report / "index.html"))
    assert page.locator("form.quick-search").is_visible() is javascript
    assert watch.clean(), watch
    page.context.close()


def test_the_review_filter_shows_accepted_findings_apart(
    browser: Any, bridge_result: RunResult, tmp_path: Path
) -> None:
    accepted = ci.assess(bridge_result).rows[0]
    entry = BaselineEntry(accepted.fingerprint, accepted.finding.rule, "", "", "", 1, "", "", "", "known")
    result = RunResult(
        **{**bridge_result.__dict__, "review": ci.reviews(bridge_result, baseline={entry.fingerprint: entry})}
    )
    write_html(result, tmp_path)
    page, watch = open_page(browser)
    page.goto(url(tmp_path / "findings.html", "?review=baselined"))
    assert visible_ids(page) == [f"f-{accepted.finding.id}"]
    page.select_option("#f-review", "new")
    assert len(visible_ids(page)) == len(result.findings) - 1
    assert "review=new" in page.url
    assert watch.clean(), watch
    page.context.close()
