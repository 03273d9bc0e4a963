"""The HTML report rendered with Jinja2: every page, story, outlet and finding; exact highlights;
escaping; the helpers behind the story grid. No browser needed (see test_html_browser.py)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

from checker.model import Alignment, Sentence
from checker.pipeline import RunResult
from checker.report.data import ReportData
from checker.report.grid import EvRef, grid_rows, highlight
from checker.report.html import write_html
from checker.rules import REGISTRY

TEMPLATES = Path(__file__).resolve().parents[2] / "checker" / "report" / "templates"
STATIC = TEMPLATES.parent / "static"


def parse(path: Path) -> HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


_SIMPLE = re.compile(r'([a-z0-9]+)|#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:="([^"]*)")?\]|:not\(\[([\w-]+)\]\)')


def _xpath(selector: str) -> str:
    """XPath for a small CSS subset: tag, #id, .class, [attr], [attr="v"], :not([attr]),
    descendants and commas (lxml's cssselect needs a package this project does not install)."""
    paths = []
    for alternative in selector.split(","):
        steps = []
        for compound in alternative.split():
            tag, tests, at = "*", [], 0
            while at < len(compound):
                m = _SIMPLE.match(compound, at)
                assert m, f"unsupported selector {compound!r}"
                name, ident, cls, attr, value, missing = m.groups()
                if name:
                    tag = name
                elif ident:
                    tests.append(f'@id="{ident}"')
                elif cls:
                    tests.append(f'contains(concat(" ", normalize-space(@class), " "), " {cls} ")')
                elif attr:
                    tests.append(f'@{attr}="{value}"' if value is not None else f"@{attr}")
                else:
                    tests.append(f"not(@{missing})")
                at = m.end()
            steps.append(tag + "".join(f"[{t}]" for t in tests))
        paths.append("descendant-or-self::" + "//".join(steps))
    return " | ".join(paths)


def css(node: HtmlElement, selector: str) -> list[HtmlElement]:
    return list(node.xpath(_xpath(selector)))


def text(node: HtmlElement) -> str:
    return " ".join(node.text_content().split())


def pages(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.html"))


def story_page(report: Path, data: ReportData, story_id: str) -> Path:
    return report / "stories" / f"{data.story_slug[story_id]}.html"


RESULTS = ["seed_result", "bridge_result"]
REPORTS = {"seed_result": "seed_report", "bridge_result": "bridge_report"}


@pytest.fixture(params=RESULTS)
def case(request: pytest.FixtureRequest) -> tuple[RunResult, Path]:
    return request.getfixturevalue(request.param), request.getfixturevalue(REPORTS[request.param])


# --- pages and their contents ---------------------------------------------------------------


def test_the_pages_and_static_files_are_written(case: tuple[RunResult, Path]) -> None:
    result, report = case
    data = ReportData(result)
    for name in (
        "index.html",
        "findings.html",
        "rules.html",
        "static/report.css",
        "static/report.js",
    ):
        assert (report / name).is_file(), name
    assert {p.name for p in (report / "stories").iterdir()} == {f"{data.story_slug[s.id]}.html" for s in result.stories}
    outlets = {a.outlet for a in result.articles}
    assert {p.name for p in (report / "outlets").iterdir()} == {f"{data.outlet_slug[o]}.html" for o in outlets}


def test_write_html_returns_the_index_and_replaces_stale_pages(bridge_result: RunResult, tmp_path: Path) -> None:
    stale = tmp_path / "stories" / "gone.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    (tmp_path / "README.md").write_text("keep", encoding="utf-8")
    assert write_html(bridge_result, tmp_path) == tmp_path / "index.html"
    assert not stale.exists()
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "keep"


def test_the_index_shows_counts_stories_scorecard_and_the_run(case: tuple[RunResult, Path]) -> None:
    result, report = case
    data = ReportData(result)
    page = parse(report / "index.html")
    tiles = {t.get("class").split()[-1]: text(t) for t in css(page, ".tile")}
    for severity in ("error", "warning", "info"):
        count = sum(f.severity == severity for f in result.findings)
        assert tiles[f"tile-{severity}"].startswith(str(count)), tiles
    for category in {f.category for f in result.findings}:
        assert css(page, f'a[href="findings.html?category={category}"]')
    story_links = {a.get("href") for a in css(page, ".stories a")}
    for story in result.stories:
        assert f"stories/{data.story_slug[story.id]}.html" in story_links
    bars = css(page, "svg.scorechart a")
    assert len(bars) == len(result.outlets)
    for bar, outlet in zip(bars, result.outlets, strict=True):
        assert bar.get("href") == f"outlets/{data.outlet_slug[outlet.outlet]}.html"
        assert outlet.outlet in text(css(bar, "title")[0])
        assert ("low" in bar.get("class")) == (outlet.confidence < 0.6)
    low = [o for o in result.outlets if o.confidence < 0.6]
    assert len(css(page, ".scorecard .low-mark")) == len(low)
    run = text(css(page, ".run")[0])
    assert result.started_at.replace("T", " ").replace("+00:00", " UTC") in run
    for path in result.paths:
        assert path in run


def test_every_finding_is_in_the_table_its_story_and_its_outlets(
    case: tuple[RunResult, Path],
) -> None:
    result, report = case
    data = ReportData(result)
    assert result.findings, "the corpus is meant to produce findings"
    table = parse(report / "findings.html")
    rows = css(table, "#findings tbody tr")
    assert [r.get("id") for r in rows] == [f"f-{f.id}" for f in result.findings]
    for row, finding in zip(rows, result.findings, strict=True):
        assert row.get("data-severity") == finding.severity
        assert row.get("data-category") == finding.category
        assert row.get("data-rule") == finding.rule
        assert row.get("data-story") == result.story_of_finding[finding.id]
        flagged = {e.outlet for e in finding.flagged if e.article}
        assert set(row.get("data-outlets").split()) == {data.outlet_slug[o] for o in flagged}
        assert text(css(row, ".finding-message")[0]) == " ".join(finding.message.split())
        story = parse(story_page(report, data, result.story_of_finding[finding.id]))
        assert css(story, f"#f-{finding.id}"), finding.rule
        for outlet in flagged:
            assert css(parse(report / "outlets" / f"{data.outlet_slug[outlet]}.html"), f"#f-{finding.id}")


def test_every_outlet_page_lists_its_articles_and_breakdown(case: tuple[RunResult, Path]) -> None:
    result, report = case
    data = ReportData(result)
    for score in result.outlets:
        page = parse(report / "outlets" / f"{data.outlet_slug[score.outlet]}.html")
        assert text(css(page, "h1")[0]) == " ".join(score.outlet.split())
        titles = [text(th) for th in css(page, "table.articles tbody th")]
        assert len(titles) == sum(a.outlet == score.outlet for a in result.articles)
        rows = css(page, "table.breakdown tbody tr")
        assert len(rows) == len(score.breakdown)
        for row, (key, points) in zip(rows, score.breakdown.items(), strict=True):
            category, severity = key.split(" ")
            icon = {"error": "✖", "warning": "▲", "info": "●"}[severity]
            assert [text(cell) for cell in row] == [category, f"{icon} {severity}", str(points)]


def test_story_pages_put_each_article_in_a_column_with_its_reference_time(
    case: tuple[RunResult, Path],
) -> None:
    result, report = case
    data = ReportData(result)
    articles = {a.id: a for a in result.articles}
    for story in result.stories:
        page = parse(story_page(report, data, story.id))
        heads = css(page, "th.col-head")
        assert [h.get("id") for h in heads] == [f"col-{a}" for a in story.articles]
        for head, article_id in zip(heads, story.articles, strict=True):
            rt = result.reftimes[article_id]
            assert articles[article_id].outlet in text(head)
            assert rt.earliest.isoformat() in text(head) and rt.source in text(head)
        # every sentence of every article is shown exactly once, in its own column
        for column, article_id in enumerate(story.articles):
            cells = [css(row, "td.cell")[column] for row in css(page, "table.grid tbody tr")]
            numbers = [int(text(n)) for c in cells for n in css(c, ".sn")]
            assert sorted(numbers) == list(range(1, len(result.sentences[article_id]) + 1))


def test_highlights_cover_exactly_the_evidence_words(case: tuple[RunResult, Path]) -> None:
    result, report = case
    data = ReportData(result)
    articles = {a.id: a for a in result.articles}
    checked = 0
    for finding in result.findings:
        story_id = result.story_of_finding[finding.id]
        page = parse(story_page(report, data, story_id))
        members = next(s.articles for s in result.stories if s.id == story_id)
        for index, e in enumerate(finding.evidence):
            key = f"{finding.id}-{index}:{e.role}"
            marks = [a for a in css(page, "a.hl") if key in a.get("data-ev").split()]
            if not e.article or e.article not in members:
                assert not marks  # knowledge-base and related-story evidence is in the finding card only
                continue
            assert marks, (finding.rule, e.span)
            assert all(f"hl-{e.role}" in a.get("class") or e.role == "reference" for a in marks)
            words = "".join(css(m, "mark")[0].text_content() for m in marks)
            if e.start >= 0:
                assert words == articles[e.article].text[e.start : e.end] == e.span
                assert css(page, f"#e-{finding.id}-{index}")
                checked += 1
            else:  # a metadata field (published, reference time) in the article's column header
                assert all(m.xpath("ancestor::th[contains(@class, 'col-head')]") for m in marks)
    assert checked


def test_highlights_are_labelled_not_only_coloured(bridge_result: RunResult, bridge_report: Path) -> None:
    data = ReportData(bridge_result)
    qty = next(f for f in bridge_result.findings if f.rule == "QTY001")
    page = parse(story_page(bridge_report, data, bridge_result.story_of_finding[qty.id]))
    flagged = [a for a in css(page, "a.hl-flagged") if qty.id in a.get("data-findings").split()]
    reference = [a for a in css(page, "a.hl-reference") if qty.id in a.get("data-findings").split()]
    assert [css(m, "mark")[0].text_content() for m in flagged] == ["48 million euros"]
    assert [css(m, "mark")[0].text_content() for m in reference] == ["42 million euros"] * 2
    assert "flagged QTY001" in text(css(flagged[0], ".vh")[0])
    assert "reference QTY001" in text(css(reference[0], ".vh")[0])
    tags = [text(t) for t in css(page, "sup.tag")]
    assert "✗ QTY001" in tags and tags.count("≈ QTY001") == 2
    assert flagged[0].get("href") == f"#f-{qty.id}"  # without scripts a highlight leads to its finding
    assert flagged[0].get("aria-describedby").split() == [f"msg-{qty.id}"]
    assert css(page, f"#msg-{qty.id}")
    assert flagged[0].get("data-nav") is not None and reference[0].get("data-nav") is None


def test_rule_explanations_are_in_the_pages(case: tuple[RunResult, Path]) -> None:
    result, report = case
    data = ReportData(result)
    rules = parse(report / "rules.html")
    for code, rule in REGISTRY.items():
        section = css(rules, f"section#{code}")[0]
        assert rule.name in text(section)
        body = text(css(section, ".rule-doc")[0])
        assert " ".join(rule.doc.split()) == body
    for story in result.stories:
        page = parse(story_page(report, data, story.id))
        used = {f.rule for f in result.findings if result.story_of_finding[f.id] == story.id}
        assert {d.get("id") for d in css(page, "details.rule-details")} == {f"rule-{c}" for c in used}
        for code in used:
            assert css(page, f'a[href="../rules.html#{code}"]')


def test_filter_controls_are_labelled_and_list_what_there_is(bridge_result: RunResult, bridge_report: Path) -> None:
    page = parse(bridge_report / "findings.html")
    for control in css(page, '#filters select, #filters input[type="search"]'):
        assert css(page, f'label[for="{control.get("id")}"]'), control.get("name")
    outlets = [o.text_content() for o in css(page, "#f-outlet option")][1:]
    assert outlets == ["Harbour Gazette"]
    assert [o.get("value") for o in css(page, "#f-rule option")][1:] == sorted({f.rule for f in bridge_result.findings})


def test_pages_have_landmarks_and_no_external_resources(seed_report: Path) -> None:
    for path in pages(seed_report):
        page = parse(path)
        assert page.get("lang") == "en"
        assert css(page, "main#main") and css(page, "header") and css(page, "nav")
        assert css(page, 'meta[http-equiv="Content-Security-Policy"]')
        assert len(css(page, "h1")) == 1, path
        for node in css(page, "[src], link[href]"):
            ref = node.get("src") or node.get("href")
            assert not re.match(r"^[a-z]+:", ref) or ref == "data:,", (path, ref)
        for link in css(page, "a[href]"):
            href = link.get("href")
            if href.startswith(("http://", "https://")):
                assert "url" in link.get("class", ""), (path, href)  # only an article's own address
        for node in page.iter():
            assert not any(name.startswith("on") for name in node.attrib), (path, node.tag)
        assert not css(page, "script:not([src])")  # no inline scripts (the CSP forbids them)
        assert not css(page, "[style]")


def test_templates_never_mark_data_safe() -> None:
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", ""), template.name
        assert "autoescape false" not in source, template.name
    assert "innerHTML" not in (STATIC / "report.js").read_text(encoding="utf-8")
    assert "insertAdjacentHTML" not in (STATIC / "report.js").read_text(encoding="utf-8")


# --- untrusted input --------------------------------------------------------------------------


def test_attack_strings_are_escaped_everywhere(xss_result: RunResult, xss_report: Path) -> None:
    evil = next(a for a in xss_result.articles if "<script>" in a.outlet)
    assert any(e.outlet == evil.outlet for f in xss_result.findings for e in f.flagged)
    for path in pages(xss_report):
        raw = path.read_text(encoding="utf-8")
        assert "<script>window" not in raw and "<img src=x" not in raw and "<svg onload" not in raw, path
        page = parse(path)
        assert not css(page, "img, svg[onload]")
        for link in css(page, "[href]"):
            assert not link.get("href").strip().lower().startswith(("javascript:", "data:text", "vbscript:")), path
    data = ReportData(xss_result)
    story = parse(story_page(xss_report, data, xss_result.story_of(evil.id) or ""))
    column = css(story, f"#col-{evil.id}")[0]
    assert evil.outlet in column.text_content() and evil.title in column.text_content()
    assert "javascript:alert(1)" in text(css(column, "code.url")[0])
    assert "<script>window.__xss=1</script>" in css(story, "table.grid")[0].text_content()
    outlet = parse(xss_report / "outlets" / f"{data.outlet_slug[evil.outlet]}.html")
    assert text(css(outlet, "h1")[0]) == evil.outlet
    # its rows are written in Python (checker.report.fragments), escaped as Jinja escapes
    assert any(evil.title in row.text_content() for row in css(outlet, "table.articles tbody th"))
    assert any(evil.title in s.text_content() for s in css(outlet, "details.article-score summary"))
    assert data.outlet_slug[evil.outlet] == "script-window-xss-1-script-img-src-x-onerror-window-xss-1"


# --- the helpers behind the story grid ---------------------------------------------------------


def ref(finding: str, role: str = "flagged") -> EvRef:
    return EvRef(finding, 0, role, "QTY001", "warning")


def test_highlight_cuts_at_every_boundary_of_overlapping_spans() -> None:
    text_ = "The bridge cost 42 million euros to repair."
    a, b = ref("a"), ref("b", "reference")
    pieces = highlight(text_, 0, len(text_), [(16, 32, a), (19, 26, b)])
    assert [(p.text, [r.finding for r in p.refs]) for p in pieces] == [
        ("The bridge cost ", []),
        ("42 ", ["a"]),
        ("million", ["a", "b"]),
        (" euros", ["a"]),
        (" to repair.", []),
    ]
    assert pieces[1].anchors == ["a-0"] and pieces[2].anchors == ["b-0"]
    assert [r.finding for r in pieces[2].tags] == ["b"] and [r.finding for r in pieces[3].tags] == ["a"]
    assert pieces[2].role == "flagged" and pieces[1].nav and not pieces[2].nav


def test_highlight_clips_spans_to_the_sentence() -> None:
    text_ = "One two. Three four."
    pieces = highlight(text_, 9, 20, [(4, 14, ref("x"))])
    assert [(p.text, bool(p.refs)) for p in pieces] == [("Three", True), (" four.", False)]
    assert pieces[0].anchors == []  # the span starts in the sentence before


def sentences(article: str, n: int) -> list[Sentence]:
    return [Sentence(article, i, i * 10, i * 10 + 9, f"s{i}") for i in range(n)]


def test_grid_rows_keep_each_article_in_order_between_aligned_rows() -> None:
    sents = {"A": sentences("A", 4), "B": sentences("B", 3)}
    rows = grid_rows(["A", "B"], sents, [(0.9, [("A", 1), ("B", 0)]), (0.7, [("A", 3), ("B", 2)])])
    assert rows == [
        ("unaligned", None, {"A": [0]}),
        ("aligned", 0.9, {"A": [1], "B": [0]}),
        ("unaligned", None, {"A": [2], "B": [1]}),
        ("aligned", 0.7, {"A": [3], "B": [2]}),
    ]


def test_grid_rows_show_every_sentence_once_when_alignments_cross() -> None:
    sents = {"A": sentences("A", 3), "B": sentences("B", 3)}
    rows = grid_rows(["A", "B"], sents, [(0.9, [("A", 0), ("B", 2)]), (0.8, [("A", 2), ("B", 0)])])
    shown = sorted((a, i) for _, _, cells in rows for a, idx in cells.items() for i in idx)
    assert shown == [(a, i) for a in "AB" for i in range(3)]
    assert sum(kind == "aligned" for kind, _, _ in rows) == 2


def test_story_page_marks_sentences_pulled_out_of_order(bridge_result: RunResult) -> None:
    story = bridge_result.stories[0]
    a, b = story.articles[0], story.articles[1]
    crossed = RunResult(
        **{
            **bridge_result.__dict__,
            "alignments": [
                Alignment(story.id, 0.9, [(a, 0), (b, 3)]),
                Alignment(story.id, 0.8, [(a, 3), (b, 0)]),
            ],
        }
    )
    view = ReportData(crossed).story_page(story.id)
    moved = [(row.kind, col) for row in view["rows"] for col, block in enumerate(row.cells) if block and block.moved]
    assert moved == [("aligned", 1)]  # B's last sentence, pulled up beside A's first


def test_an_empty_run_and_a_clean_run_render(tmp_path: Path) -> None:
    from checker.pipeline import check

    empty = tmp_path / "empty"
    empty.mkdir()
    write_html(check([empty]), tmp_path / "r1")
    page = parse(tmp_path / "r1" / "index.html")
    assert "No stories" in text(page) and "No outlets" in text(page)
    assert "No findings" in text(parse(tmp_path / "r1" / "findings.html"))

    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text(
        "---\ntitle: Rates\noutlet: Daily\npublished: 2024-06-06\n---\nThe bank kept rates at 4% on Thursday.\n",
        encoding="utf-8",
    )
    (clean / "broken.json").write_text("{not json", encoding="utf-8")
    result = check([clean])
    write_html(result, tmp_path / "r2")
    index = parse(tmp_path / "r2" / "index.html")
    errors = [text(li) for li in css(index, "ul.errors li")]
    assert len(errors) == 1 and errors[0].endswith(" ".join(result.errors[0].message.split()))
    slug = ReportData(result).story_slug[result.stories[0].id]
    story = parse(tmp_path / "r2" / "stories" / f"{slug}.html")
    assert "No findings in this story" in text(story)
    assert text(css(story, "table.grid tbody")[0]).endswith("The bank kept rates at 4% on Thursday.")
