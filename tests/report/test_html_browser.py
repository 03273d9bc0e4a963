"""The HTML report in headless Chromium (Debian's package, driven by Playwright).

Gated: without /usr/bin/chromium, or when Playwright cannot launch it, these tests skip. They
check that pages load from file:// cleanly, filters/sorting/keys work and live in the URL, a
highlight explains itself, attack strings run nothing, and phones get no sideways scrolling.
Screenshots land in tests/artifacts/ (gitignored); CHECKER_DOCS_SCREENSHOT=1 also refreshes
docs/story-page.png for the README.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from checker.pipeline import RunResult
from checker.report.data import ReportData

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
DOCS_SHOT = ROOT / "docs" / "story-page.png"


@dataclass
class Watch:
    """What a page did besides rendering: console errors, script errors, requests, dialogs."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not (self.errors or self.failed or self.dialogs) and all(
            url.startswith(("file://", "data:")) for url in self.requests
        )


def open_page(
    browser: Any, width: int = 1280, height: int = 900, javascript: bool = True, csp: bool = False
) -> tuple[Any, Watch]:
    """A fresh page. The pages' Content-Security-Policy is bypassed unless `csp`: Playwright's own
    polling needs eval, and the XSS probe must hold by escaping alone, without the CSP's help."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        java_script_enabled=javascript,
        bypass_csp=not csp,
    )
    page = context.new_page()
    watch = Watch()
    page.on(
        "console",
        lambda m: watch.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: watch.errors.append(f"page error: {e}"))
    page.on("request", lambda r: watch.requests.append(r.url))
    page.on("requestfailed", lambda r: watch.failed.append(f"{r.url}: {r.failure}"))

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page, watch


@pytest.fixture
def page_watch(browser: Any) -> Iterator[tuple[Any, Watch]]:
    page, watch = open_page(browser)
    yield page, watch
    page.context.close()


def url(path: Path, query: str = "") -> str:
    return path.resolve().as_uri() + query


def busiest_story(result: RunResult) -> str:
    """The story to show off: several outlets side by side first, then the most findings."""
    return max(
        result.stories,
        key=lambda s: (len(s.articles) > 1, findings_in(result, s.id), len(s.articles), s.id),
    ).id


def most_findings(result: RunResult) -> str:
    return max(result.stories, key=lambda s: (findings_in(result, s.id), s.id)).id


def findings_in(result: RunResult, story_id: str) -> int:
    return sum(result.story_of_finding[f.id] == story_id for f in result.findings)


def story_file(report: Path, result: RunResult, story_id: str) -> Path:
    return report / "stories" / f"{ReportData(result).story_slug[story_id]}.html"


def visible_ids(page: Any) -> list[str]:
    ids: list[str] = page.eval_on_selector_all("#findings tbody tr:not([hidden])", "rows => rows.map(r => r.id)")
    return ids


# --- loading --------------------------------------------------------------------------------


def test_every_page_loads_from_file_without_errors_or_network(
    browser: Any, seed_report: Path, bridge_report: Path
) -> None:
    for report in (seed_report, bridge_report):
        for path in sorted(report.rglob("*.html")):
            page, watch = open_page(browser, csp=True)  # the report's own files obey its CSP
            page.goto(url(path))
            page.wait_for_load_state("load")
            assert page.evaluate("document.documentElement.classList.contains('js')"), path  # the script ran
            assert watch.clean(), (path, watch)
            assert any(r.endswith("/static/report.css") for r in watch.requests)
            page.context.close()


def test_pages_are_complete_without_javascript(browser: Any, seed_result: RunResult, seed_report: Path) -> None:
    page, watch = open_page(browser, javascript=False, csp=True)
    page.goto(url(seed_report / "findings.html", "?severity=error"))
    assert len(visible_ids(page)) == len(seed_result.findings)  # filters need scripts; nothing is hidden
    story = busiest_story(seed_result)
    page.goto(url(story_file(seed_report, seed_result, story)))
    assert page.locator("a.hl mark").count() > 0
    assert page.locator("details.rule-details").count() > 0
    assert watch.clean(), watch
    page.context.close()


# --- the findings table -----------------------------------------------------------------------


def test_filters_change_the_rows_and_the_url_and_reload_restores_them(
    page_watch: tuple[Any, Watch], seed_result: RunResult, seed_report: Path
) -> None:
    page, watch = page_watch
    findings = seed_result.findings
    page.goto(url(seed_report / "findings.html"))
    assert visible_ids(page) == [f"f-{f.id}" for f in findings]

    page.select_option("#f-severity", "error")
    errors = [f"f-{f.id}" for f in findings if f.severity == "error"]
    assert visible_ids(page) == errors and 0 < len(errors) < len(findings)
    assert "severity=error" in page.url

    outlet = next(e.outlet for f in findings if f.severity == "error" for e in f.flagged if e.article)
    slug = ReportData(seed_result).outlet_slug[outlet]
    page.select_option("#f-outlet", slug)
    expected = [f"f-{f.id}" for f in findings if f.severity == "error" and any(e.outlet == outlet for e in f.flagged)]
    assert visible_ids(page) == expected
    assert f"outlet={slug}" in page.url

    category = next(f.category for f in findings if f"f-{f.id}" in expected)
    page.select_option("#f-category", category)
    story = seed_result.story_of_finding[next(f.id for f in findings if f"f-{f.id}" in expected)]
    page.select_option("#f-story", story)
    word = next(f for f in findings if f"f-{f.id}" in expected).message.split()[0]
    page.fill("#q", word)
    page.wait_for_function("location.search.includes('q=')")
    narrowed = visible_ids(page)
    assert narrowed and set(narrowed) <= set(expected)
    assert page.locator("#shown").inner_text().startswith(f"{len(narrowed)} of {len(findings)}")
    shared = page.url

    page.reload()
    assert page.url == shared
    assert visible_ids(page) == narrowed
    assert page.input_value("#q") == word and page.input_value("#f-severity") == "error"
    assert page.input_value("#f-outlet") == slug and page.input_value("#f-story") == story

    other, _ = open_page(page.context.browser)  # a shared link opens on the same rows
    other.goto(shared)
    assert visible_ids(other) == narrowed
    other.context.close()

    page.fill("#q", "no finding says this zzqx")
    page.wait_for_function("document.querySelector('#none-shown') && !document.querySelector('#none-shown').hidden")
    assert visible_ids(page) == []
    page.click("#f-reset")
    page.wait_for_function("location.search === ''")
    assert len(visible_ids(page)) == len(findings)
    assert watch.clean(), watch


def test_sorting_by_column_and_direction(
    page_watch: tuple[Any, Watch], bridge_result: RunResult, seed_report: Path
) -> None:
    page, watch = page_watch
    page.goto(url(seed_report / "findings.html"))

    def column(attribute: str) -> list[str]:
        values: list[str] = page.eval_on_selector_all(
            "#findings tbody tr:not([hidden])",
            f"rows => rows.map(r => r.getAttribute('data-{attribute}'))",
        )
        return values

    page.click("th[data-sort=rule] button")
    assert column("rule") == sorted(column("rule"))
    assert page.get_attribute("th[data-sort=rule]", "aria-sort") == "ascending"
    assert "sort=rule" in page.url and "dir=asc" in page.url
    page.click("th[data-sort=rule] button")
    assert column("rule") == sorted(column("rule"), reverse=True)
    assert page.get_attribute("th[data-sort=rule]", "aria-sort") == "descending"

    page.click("th[data-sort=severity] button")  # most severe first on the first click
    ranks = [int(r) for r in column("rank")]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) > 1
    assert page.get_attribute("th[data-sort=rule]", "aria-sort") == "none"

    page.click("th[data-sort=outlet] button")
    outlets = page.eval_on_selector_all(
        "#findings tbody tr:not([hidden]) .k-outlet",
        "cells => cells.map(c => c.textContent.trim().toLowerCase())",
    )
    assert outlets == sorted(outlets)
    page.reload()
    assert page.get_attribute("th[data-sort=outlet]", "aria-sort") == "ascending"
    assert (
        page.eval_on_selector_all(
            "#findings tbody tr:not([hidden]) .k-outlet",
            "cells => cells.map(c => c.textContent.trim().toLowerCase())",
        )
        == outlets
    )
    assert watch.clean(), watch


# --- keys -----------------------------------------------------------------------------------


def focused(page: Any) -> str:
    value: str = page.evaluate("document.activeElement ? document.activeElement.id : ''")
    return value


def test_keys_on_the_findings_page(page_watch: tuple[Any, Watch], seed_result: RunResult, seed_report: Path) -> None:
    page, watch = page_watch
    ids = [f"f-{f.id}" for f in seed_result.findings]
    page.goto(url(seed_report / "findings.html"))
    page.keyboard.press("j")
    assert focused(page) == ids[0]
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert focused(page) == ids[2]
    assert page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; })()"
    )  # scrolled into view
    page.keyboard.press("k")
    assert focused(page) == ids[1]

    page.select_option("#f-severity", "error")  # j/k skip rows the filters hide
    page.focus("body")
    page.evaluate("document.querySelectorAll('.current').forEach(n => n.classList.remove('current'))")
    page.keyboard.press("j")
    assert focused(page) == f"f-{next(f.id for f in seed_result.findings if f.severity == 'error')}"

    page.keyboard.press("/")
    assert focused(page) == "q"
    page.keyboard.type("jk?")  # typing is typing: no navigation, no help
    assert page.input_value("#q") == "jk?" and focused(page) == "q"
    assert page.is_hidden("#help")
    page.fill("#q", "")
    page.keyboard.press("Escape")
    page.focus("#f-reset") if page.is_visible("#f-reset") else page.focus("th[data-sort=rule] button")
    page.keyboard.press("?")
    assert page.is_visible("#help")
    assert "next finding" in page.inner_text("#help")
    page.keyboard.press("?")
    assert page.is_hidden("#help")
    page.keyboard.press("?")
    page.keyboard.press("Escape")
    assert page.is_hidden("#help")
    assert watch.clean(), watch


def test_slash_and_help_work_on_every_kind_of_page(
    page_watch: tuple[Any, Watch], seed_result: RunResult, seed_report: Path
) -> None:
    page, watch = page_watch
    outlet = ReportData(seed_result).outlet_slug[seed_result.outlets[-1].outlet]
    story = story_file(seed_report, seed_result, busiest_story(seed_result))
    for path in (
        seed_report / "index.html",
        seed_report / "rules.html",
        story,
        seed_report / "outlets" / f"{outlet}.html",
    ):
        page.goto(url(path))
        page.keyboard.press("/")
        assert focused(page) == "q", path
        page.keyboard.type("Biden")
        page.keyboard.press("Enter")  # the header search opens the findings table, filtered
        page.wait_for_url("**/findings.html?q=Biden")
        assert page.input_value("#q") == "Biden"
        assert visible_ids(page) == [
            f"f-{f.id}" for f in seed_result.findings if "biden" in page.inner_text(f"#f-{f.id}").lower()
        ]
        page.goto(url(path))
        page.click("button.help-toggle")
        assert page.is_visible("#help") and page.get_attribute("button.help-toggle", "aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert page.is_hidden("#help")
    assert watch.clean(), watch


def test_j_and_k_step_through_flagged_words_on_a_story_page(
    page_watch: tuple[Any, Watch], seed_result: RunResult, seed_report: Path
) -> None:
    page, watch = page_watch
    page.goto(url(story_file(seed_report, seed_result, most_findings(seed_result))))
    stops = page.locator("a.hl[data-nav]").count()
    assert stops >= 2
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.getAttribute('data-findings')")
    assert page.evaluate("document.activeElement.matches('a.hl-flagged[data-nav]')")
    assert page.is_visible("#inspector")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.matches('a.hl[data-nav]')")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.getAttribute('data-findings')") == first
    assert watch.clean(), watch


# --- highlights -----------------------------------------------------------------------------


def test_clicking_or_focusing_a_highlight_shows_the_rule_and_the_reason(
    page_watch: tuple[Any, Watch], bridge_result: RunResult, bridge_report: Path
) -> None:
    from checker.rules import REGISTRY

    page, watch = page_watch
    qty = next(f for f in bridge_result.findings if f.rule == "QTY001")
    blank = next(f for f in bridge_result.findings if f.rule == "MIS001")
    page.goto(url(story_file(bridge_report, bridge_result, bridge_result.story_of_finding[qty.id])))
    assert page.is_hidden("#inspector")

    page.click(f"a.hl-flagged[data-findings~='{qty.id}']")
    inspector = page.locator("#inspector")
    assert inspector.is_visible()
    shown = " ".join(inspector.inner_text().split())
    assert "QTY001" in shown and "flagged here" in shown and "warning" in shown
    assert " ".join(qty.message.split()) in shown
    assert REGISTRY["QTY001"].summary in shown  # the text of `checker explain QTY001`
    assert "48 million euros" in shown
    assert page.get_attribute("#inspector a.rule", "href") == "../rules.html#QTY001"
    assert page.evaluate(f"document.activeElement.matches(\"a.hl[data-findings~='{qty.id}']\")")
    box = inspector.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280

    page.keyboard.press("Escape")
    assert inspector.is_hidden()

    page.focus(f"a.hl-reference[data-findings~='{qty.id}']")  # keyboard focus works like a click
    assert inspector.is_visible() and "reference here" in inspector.inner_text()

    page.focus(f"a.hl[data-findings~='{blank.id}']")
    shown = " ".join(inspector.inner_text().split())
    assert "MIS001" in shown and REGISTRY["MIS001"].summary in shown and "QTY001" not in shown

    page.click("h1")  # a click elsewhere closes it
    assert inspector.is_hidden()
    page.click(f"a.hl-flagged[data-findings~='{qty.id}']")
    page.click("#inspector a[href^='#f-']")
    assert page.url.endswith(f"#f-{qty.id}") and inspector.is_hidden()
    assert watch.clean(), watch


def test_links_to_evidence_focus_the_highlight(
    page_watch: tuple[Any, Watch], bridge_result: RunResult, bridge_report: Path
) -> None:
    page, watch = page_watch
    qty = next(f for f in bridge_result.findings if f.rule == "QTY001")
    page.goto(url(bridge_report / "findings.html"))
    page.click(f"#f-{qty.id} summary")
    page.click(f"#f-{qty.id} .ev-flagged a.goto")
    page.wait_for_url(f"**#e-{qty.id}-0")
    assert page.evaluate(f"document.activeElement.matches(\"a.hl-flagged[data-findings~='{qty.id}']\")")
    assert page.is_visible("#inspector")
    assert watch.clean(), watch


# --- untrusted input --------------------------------------------------------------------------


def test_an_xss_probe_runs_nothing(browser: Any, xss_result: RunResult, xss_report: Path) -> None:
    evil = next(a for a in xss_result.articles if "<script>" in a.outlet)
    for path in sorted(xss_report.rglob("*.html")):
        page, watch = open_page(browser)
        page.goto(url(path))
        page.wait_for_load_state("load")
        for selector in (
            "a.hl",
            "th[data-sort] button",
            "button.help-toggle",
        ):  # poke what scripts handle
            if page.locator(selector).count():
                page.locator(selector).first.click()
        if page.locator("#f-outlet").count():
            page.select_option("#f-outlet", ReportData(xss_result).outlet_slug[evil.outlet])
            page.fill("#q", "<script>")
        page.wait_for_timeout(150)
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.evaluate("document.querySelectorAll('img, svg[onload], script:not([src])').length") == 0, path
        hrefs: list[str] = page.eval_on_selector_all("[href]", "nodes => nodes.map(n => n.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "vbscript:", "data:text"))]
        assert watch.clean(), (path, watch)  # no dialog, no request for "x"
        if path.parent.name in ("stories", "outlets"):
            body = page.inner_text("main")
            assert evil.outlet in body, path
        if path.parent.name == "stories":
            assert "<script>window.__xss=1</script>" in body and '<img src=x onerror="window.__xss=1">' in body
            assert "javascript:alert(1)" in body
        page.context.close()


# --- accessibility ------------------------------------------------------------------------------

CONTRAST_JS = """() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = el => { let layers = [];
    for (let n = el; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let rgb = [255, 255, 255];
    for (const c of layers.reverse()) rgb = rgb.map((v, i) => c[i] * c[3] + v * (1 - c[3]));
    return rgb; };
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg, .vh, [hidden]') || !el.getClientRects().length) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) < 1) continue;
    const fg = parse(style.color), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) bad.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} < ${need}`);
  }
  return bad;
}"""


def test_text_contrast_meets_wcag_aa(
    browser: Any,
    seed_result: RunResult,
    seed_report: Path,
    bridge_result: RunResult,
    bridge_report: Path,
) -> None:
    page, watch = open_page(browser)
    for report in (seed_report, bridge_report):
        for path in sorted(report.rglob("*.html")):
            page.goto(url(path))
            assert page.evaluate(CONTRAST_JS) == [], path
    qty = next(f for f in bridge_result.findings if f.rule == "QTY001")
    page.goto(url(story_file(bridge_report, bridge_result, bridge_result.story_of_finding[qty.id])))
    page.keyboard.press("j")
    page.keyboard.press("?")
    assert page.is_visible("#inspector") and page.is_visible("#help")
    assert page.evaluate(CONTRAST_JS) == []
    page.evaluate("document.querySelector('h1').style.color = '#999'")  # the check itself works
    assert [bad.split(":")[0] for bad in page.evaluate(CONTRAST_JS)] == ["H1."]
    assert watch.clean(), watch
    page.context.close()


def test_keyboard_focus_is_visible(
    page_watch: tuple[Any, Watch], bridge_result: RunResult, bridge_report: Path
) -> None:
    page, watch = page_watch

    def outline(selector: str) -> float:
        width: float = page.evaluate(
            f"parseFloat(getComputedStyle(document.querySelector({selector!r})).outlineWidth) || 0"
        )
        return width

    page.goto(url(bridge_report / "findings.html"))
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.is_visible("a.skip")
    for selector in ("#q", "#f-severity", "th[data-sort=rule] button", "header nav a"):
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        assert outline(selector) >= 2, selector
    page.keyboard.press("Escape")
    page.focus("body")
    page.keyboard.press("j")
    assert outline("#findings tbody tr.current") >= 2
    page.goto(url(story_file(bridge_report, bridge_result, bridge_result.stories[0].id)))
    page.keyboard.press("j")
    assert outline("a.hl.active mark") >= 2
    assert watch.clean(), watch


# --- layout -----------------------------------------------------------------------------------


def test_no_sideways_scrolling_at_phone_width(
    browser: Any, seed_report: Path, bridge_report: Path, bridge_result: RunResult
) -> None:
    page, watch = open_page(browser, width=375, height=740)
    for report in (seed_report, bridge_report):
        for path in sorted(report.rglob("*.html")):
            page.goto(url(path))
            widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1], (path, widths)
    qty = next(f for f in bridge_result.findings if f.rule == "QTY001")
    page.goto(url(story_file(bridge_report, bridge_result, bridge_result.story_of_finding[qty.id])))
    page.keyboard.press("j")
    assert page.is_visible("#inspector")
    box = page.locator("#inspector").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]
    assert page.evaluate("getComputedStyle(document.querySelector('.grid-scroll')).overflowX") == "auto"
    assert watch.clean(), watch
    page.context.close()


def test_print_hides_the_chrome_and_unrolls_the_grid(
    page_watch: tuple[Any, Watch], seed_result: RunResult, seed_report: Path
) -> None:
    page, _ = page_watch
    page.goto(url(story_file(seed_report, seed_result, busiest_story(seed_result))))
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('header.top')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.grid-scroll')).overflowX") == "visible"
    assert page.evaluate("getComputedStyle(document.querySelector('a.hl mark')).printColorAdjust") == "exact"


def test_screenshots(
    browser: Any,
    seed_result: RunResult,
    seed_report: Path,
    bridge_result: RunResult,
    bridge_report: Path,
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    data = ReportData(seed_result)
    story = story_file(seed_report, seed_result, busiest_story(seed_result))
    worst = min(seed_result.outlets, key=lambda o: (o.score, o.outlet)).outlet
    shots = {
        "index.png": (seed_report / "index.html", 1280, True),
        "story.png": (story, 1440, False),
        "outlet.png": (seed_report / "outlets" / f"{data.outlet_slug[worst]}.html", 1280, True),
        "findings.png": (seed_report / "findings.html", 1280, False),
        "story-phone.png": (story, 375, False),
        "bridge-story.png": (
            story_file(bridge_report, bridge_result, bridge_result.stories[0].id),
            1280,
            True,
        ),
    }
    for name, (path, width, full) in shots.items():
        page, watch = open_page(browser, width=width, height=900)
        page.goto(url(path))
        page.screenshot(path=str(ARTIFACTS / name), full_page=full)
        assert (ARTIFACTS / name).stat().st_size > 5_000
        assert watch.clean(), watch
        page.context.close()


def test_readme_screenshot(browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README picture: a seed story side by side, its first flagged words explained.

    Checked from the repository root with a relative path, as `make check` does, so the page
    shows `corpora/seeds/...`. Set CHECKER_DOCS_SCREENSHOT=1 to copy it to docs/story-page.png.
    """
    from checker.pipeline import check
    from checker.report.html import write_html

    monkeypatch.chdir(ROOT)
    result = check([Path("corpora/seeds")])
    write_html(result, tmp_path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page, watch = open_page(browser, width=1440, height=960, csp=True)
    page.goto(url(story_file(tmp_path, result, busiest_story(result))))
    page.keyboard.press("j")
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("k")  # the only or first stop again: places the explanation after the scroll
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(100)
    page.screenshot(path=str(ARTIFACTS / "story-page.png"))
    assert page.is_visible("#inspector")
    assert watch.clean(), watch
    page.context.close()
    if os.environ.get("CHECKER_DOCS_SCREENSHOT") == "1":
        DOCS_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ARTIFACTS / "story-page.png", DOCS_SHOT)
