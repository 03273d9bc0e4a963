"""The HTML report for editors: static, self-contained pages rendered with Jinja2 (autoescaped).

`write_html(result, directory)` writes

    index.html               counts, stories, the outlet scorecard (inline SVG), why the outlets rank as
                             they do (line by line), copies, the score history (inline SVG), the run
    findings.html            every finding: sortable, filterable, searchable (state in the URL)
    rules.html               every rule's explanation (the text of `checker explain CODE`)
    stories/<story-id>.html  the story's articles side by side, divergences highlighted
    outlets/<slug>.html      an outlet's articles, the findings against it, its score breakdown, each
                             article's score explained, its copies and its score history
    static/report.css, static/report.js

Article text and metadata are untrusted: every value reaches the page through Jinja2's
autoescaping, no template marks anything `|safe`, URLs become links only when they are plain
http(s), and scripts read their data from the DOM. Pages work from file:// and without
JavaScript (scripts only filter, sort and handle keys); nothing is fetched from the network.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from checker.engine import Engine, LocalEngine, Pending, batches, take_last
from checker.model import (
    CATEGORIES,
    SEVERITIES,
    SEVERITY_RANK,
    Alignment,
    Article,
    ArticleScore,
    Finding,
    OutletScore,
)
from checker.pipeline import RunResult
from checker.report import fragments, storypage
from checker.report.forked import run_shared
from checker.report.grid import piece_html
from checker.report.jsonreport import error_dicts
from checker.scoring import LOW_CONFIDENCE, NEWSGUARD, SIGNALS
from checker.scoring.weights import (
    CONFIDENCE_HALF_AT,
    CORROBORATION_FULL_AT,
    CORROBORATION_POINTS,
    FINDING_POINTS,
    UNRESOLVED_FACTOR,
)

if TYPE_CHECKING:
    from checker.report.ahead import StoryPagesAhead

HISTORY_SERIES = 12  # outlets drawn in the history chart (the table lists them all)
HISTORY_COLUMNS = 10  # most recent runs in the history table
STATIC_FILES = ("report.css", "report.js")
KB_OUTLET = "knowledge base"


# --- small helpers ---------------------------------------------------------------------------


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """Jinja's environment with a faster `x.name` for plain dicts, which most page data is.

    Jinja tries `getattr(x, "name")` first and `x["name"]` only after the AttributeError: an
    exception per lookup. For a dict whose type has no attribute `name` the first try can only
    fail, so this goes straight to the item: the same value, or the same undefined."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


@functools.cache
def environment() -> Environment:
    """The templates, compiled once per process (the packaged templates do not change under us)."""
    env = _Environment(
        loader=PackageLoader("checker.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.globals.update(fragments.GLOBALS, piece=piece_html)
    return env


_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\\<>\"'`]")


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain absolute http(s) URL, else None (then it is shown as text only)."""
    if not url or url != url.strip() or len(url) > 2048:
        return None
    if _URL_UNSAFE.search(url):
        return None
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def slugify(name: str, taken: set[str], fallback: str = "outlet") -> str:
    """A file-name-safe, unique slug: lowercase ASCII letters, digits and hyphens."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].strip("-") or fallback
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def story_slug(story_id: str, taken: set[str]) -> str:
    return slugify(story_id, taken, fallback="story")


def paragraphs(doc: str) -> list[str]:
    """A docstring as paragraphs: blank lines separate them, hard line wraps are joined."""
    blocks = re.split(r"\n\s*\n", doc.strip())
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks if block.strip()]


def split_span(sentence: str, span: str) -> tuple[str, str, str]:
    """(before, span, after) around the first occurrence of `span` in `sentence`."""
    at = sentence.find(span) if span else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], span, sentence[at + len(span) :]


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- building the pages ----------------------------------------------------------------------


class ReportData:
    """Everything the templates need, computed once from a RunResult."""

    def __init__(self, result: RunResult) -> None:
        from checker.rules import REGISTRY

        self.result = result
        self._views: dict[str, dict[str, Any]] = {}
        self._copies: list[dict[str, Any]] | None = None
        self._outlet_members: tuple[dict[str, list[Article]], dict[str, list[ArticleScore]]] | None = None
        self.articles: dict[str, Article] = {a.id: a for a in result.articles}
        self.findings: list[Finding] = list(result.findings)
        self.rules = {
            code: {
                "code": code,
                "name": r.name,
                "category": r.category,
                "severity": r.severity,
                "summary": r.summary,
                "paragraphs": paragraphs(r.doc),
            }
            for code, r in sorted(REGISTRY.items())
        }
        taken: set[str] = set()
        self.outlet_slug = {name: slugify(name, taken) for name in self.outlet_names(result)}
        taken = set()
        self.story_slug = {s.id: story_slug(s.id, taken) for s in result.stories}
        self.story_title = {s.id: s.title for s in result.stories}
        self.stories = {s.id: s for s in result.stories}
        self.alignments_of: dict[str, list[Alignment]] = defaultdict(list)
        for alignment in result.alignments:
            self.alignments_of[alignment.story].append(alignment)
        self.story_of_article = {a: s.id for s in result.stories for a in s.articles}
        self.story_of_finding: dict[str, str] = {}
        for finding in self.findings:
            story = result.story_of_finding.get(finding.id) or next(
                (self.story_of_article[e.article] for e in finding.evidence if e.article in self.story_of_article),
                "",
            )
            self.story_of_finding[finding.id] = story
        self.findings_of_story: dict[str, list[Finding]] = defaultdict(list)
        self.findings_of_outlet: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            self.findings_of_story[self.story_of_finding[finding.id]].append(finding)
            for outlet in dict.fromkeys(e.outlet for e in finding.evidence):
                self.findings_of_outlet[outlet].append(finding)
        self.cards = {f.id: self.card(f) for f in self.findings}

    @staticmethod
    def outlet_names(result: RunResult) -> list[str]:
        """Every outlet a page may name, sorted (the order their slugs are given in)."""
        return sorted(
            {a.outlet for a in result.articles}
            | {o.outlet for o in result.outlets}
            | {e.outlet for f in result.findings for e in f.evidence if e.article}
        )

    # findings as the templates show them

    def card(self, finding: Finding) -> dict[str, Any]:
        story = self.story_of_finding[finding.id]
        flagged = sorted({e.outlet for e in finding.evidence if e.role == "flagged" and e.outlet != KB_OUTLET})
        evidence = []
        for index, e in enumerate(finding.evidence):
            before, span, after = split_span(e.sentence, e.span)
            evidence.append(
                {
                    "key": f"{finding.id}-{index}",
                    "role": e.role,
                    "outlet": e.outlet,
                    "outlet_slug": self.outlet_slug.get(e.outlet) if e.article else None,
                    "path": e.path,
                    "line": e.line,
                    "sentence": e.sentence,
                    "span": e.span,
                    "before": before,
                    "marked": span,
                    "after": after,
                    "in_text": e.start >= 0 and e.article in self.articles,
                    "metadata": e.start < 0 and bool(e.article),
                    "kb": not e.article,
                }
            )
        return {
            "id": finding.id,
            "rule": finding.rule,
            "category": finding.category,
            "severity": finding.severity,
            "rank": SEVERITY_RANK[finding.severity],
            "message": finding.message,
            "values": finding.values,
            "story": story,
            "story_slug": self.story_slug.get(story),
            "story_title": self.story_title.get(story, ""),
            "flagged_outlets": [{"name": o, "slug": self.outlet_slug.get(o, "")} for o in flagged],
            "outlet_slugs": " ".join(self.outlet_slug.get(o, "") for o in flagged),
            "evidence": evidence,
        }

    def counts(self) -> dict[str, Any]:
        by_severity = Counter(f.severity for f in self.findings)
        by_category: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
        by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
        for f in self.findings:
            by_category[f.category][f.severity] += 1
            for outlet in {e.outlet for e in f.flagged if e.outlet != KB_OUTLET}:
                by_outlet[outlet][f.severity] += 1
        return {
            "severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
            "category": [(c, by_category[c]) for c in CATEGORIES if by_category[c]],
            "outlet": sorted(by_outlet.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])),
        }

    def story_summaries(self) -> list[dict[str, Any]]:
        per_story: dict[str, Counter[str]] = defaultdict(Counter)
        for f in self.findings:
            per_story[self.story_of_finding[f.id]][f.severity] += 1
        out = []
        for story in self.result.stories:
            members = [self.articles[a] for a in story.articles if a in self.articles]
            out.append(
                {
                    "id": story.id,
                    "slug": self.story_slug[story.id],
                    "title": story.title,
                    "articles": len(members),
                    "counts": per_story.get(story.id, Counter()),
                    "outlets": [
                        {"name": o, "slug": self.outlet_slug[o]} for o in dict.fromkeys(a.outlet for a in members)
                    ],
                }
            )
        return out

    def scorecard(self) -> dict[str, Any]:
        rows = []
        for o in self.result.outlets:
            rows.append(
                {
                    "outlet": o.outlet,
                    "slug": self.outlet_slug.get(o.outlet, ""),
                    "score": o.score,
                    "confidence": o.confidence,
                    "articles": o.articles,
                    "findings": o.findings,
                    "low": o.confidence < LOW_CONFIDENCE,
                    "short": truncate(o.outlet, 26),
                    "breakdown": o.breakdown,
                }
            )
        row_height, top = 34, 8
        return {
            "rows": rows,
            "row_height": row_height,
            "top": top,
            "label_width": 200,
            "bar_width": 300,
            "height": top * 2 + row_height * len(rows) + 20,
            "low_threshold": LOW_CONFIDENCE,
        }

    # source credibility: the ranking explained, copies, the history

    def ranking(self) -> list[dict[str, Any]]:
        """Every outlet, best first, with its explanation line by line."""
        return [
            {
                "rank": rank,
                "outlet": o.outlet,
                "slug": self.outlet_slug.get(o.outlet, ""),
                "score": o.score,
                "confidence": o.confidence,
                "articles": o.articles,
                "low": o.confidence < LOW_CONFIDENCE,
                "lines": [explain_line(line) for line in o.explanation],
            }
            for rank, o in enumerate(self.result.outlets, start=1)
        ]

    def copies(self, outlet: str | None = None) -> list[dict[str, Any]]:
        """Articles that copy another outlet's text or republish a wire (those touching `outlet`)."""
        if self._copies is None:
            self._copies = self._all_copies()
        if outlet is None:
            return self._copies
        return [row for row in self._copies if outlet in (row["copied"]["outlet"], row["original_outlet"])]

    def _all_copies(self) -> list[dict[str, Any]]:
        rows = []
        for s in sorted(self.result.article_scores, key=lambda s: (s.outlet, s.article)):
            if not s.copy_of_outlet or s.article not in self.articles:
                continue
            original = self.articles.get(s.copy_of or "")
            rows.append(
                {
                    "copied": self.article_view(self.articles[s.article]),
                    "original": self.article_view(original) if original else None,
                    "original_outlet": s.copy_of_outlet,
                    "original_slug": self.outlet_slug.get(s.copy_of_outlet) if original else None,
                    "basis": s.copy_basis,
                    "similarity": s.copy_similarity,
                }
            )
        return rows

    def scoring_rules(self) -> dict[str, Any]:
        """The documented weights, as the index prints them."""
        return {
            "findings": FINDING_POINTS,
            "unresolved": UNRESOLVED_FACTOR,
            "signals": SIGNALS,
            "newsguard": NEWSGUARD,
            "half_at": CONFIDENCE_HALF_AT,
            "corroboration": CORROBORATION_POINTS,
            "full_at": CORROBORATION_FULL_AT,
            "low": LOW_CONFIDENCE,
        }

    def history(self, outlet: str | None = None) -> dict[str, Any]:
        """The outlet scores of every stored run (and this one) as an inline SVG line chart and a table."""
        rows = [r for r in self.result.score_history if outlet is None or r["outlet"] == outlet]
        return history_chart(rows, [o.outlet for o in self.result.outlets], self.outlet_slug)

    def _by_outlet(self) -> tuple[dict[str, list[Article]], dict[str, list[ArticleScore]]]:
        """Each outlet's articles (by path, then id) and article scores (in the run's order):
        sorted and grouped once for all the outlet pages, not once per page."""
        if self._outlet_members is None:
            articles: dict[str, list[Article]] = defaultdict(list)
            scores: dict[str, list[ArticleScore]] = defaultdict(list)
            for a in sorted(self.result.articles, key=lambda a: (a.path, a.id)):
                articles[a.outlet].append(a)
            for s in self.result.article_scores:
                scores[s.outlet].append(s)
            self._outlet_members = (articles, scores)
        return self._outlet_members

    def article_scores(self, outlet: str) -> list[dict[str, Any]]:
        out = []
        for s in self._by_outlet()[1].get(outlet, []):
            if s.article not in self.articles:
                continue
            out.append(
                {
                    "article": self.article_view(self.articles[s.article]),
                    "score": s.score,
                    "copy_of": s.copy_of_outlet,
                    "lines": [explain_line(line) for line in s.explanation],
                }
            )
        return sorted(out, key=lambda a: (a["score"], a["article"]["path"], a["article"]["id"]))

    def signal_rows(self, score: OutletScore, members: list[ArticleScore]) -> list[dict[str, Any]]:
        """The outlet's points per signal other than findings, with what was counted."""
        by_key = {s.key: s for s in SIGNALS}
        rows = []
        for key, points in score.signals.items():
            signal = by_key.get(key)
            rows.append(
                {
                    "key": key,
                    "label": signal.label if signal else key,
                    "verdict": signal.verdict if signal else True,
                    "count": sum(int(m.measured.get(key, 0)) for m in members) if key != "corroboration" else None,
                    "points": points,
                }
            )
        return sorted(rows, key=lambda r: (r["points"] > 0, r["points"], r["label"]))

    def reftime(self, article_id: str) -> dict[str, Any] | None:
        rt = self.result.reftimes.get(article_id)
        if rt is None:
            return None
        return {
            "earliest": rt.earliest.isoformat(),
            "latest": rt.latest.isoformat(),
            "source": rt.source,
            "detail": rt.detail,
            "same": rt.earliest == rt.latest,
        }

    def article_view(self, article: Article) -> dict[str, Any]:
        """What the templates show of an article (computed once per article: outlet pages, story
        pages and copies all list it; the templates only read it)."""
        view = self._views.get(article.id)
        if view is None:
            view = self._views[article.id] = self._article_view(article)
        return view

    def _article_view(self, article: Article) -> dict[str, Any]:
        return {
            "id": article.id,
            "outlet": article.outlet,
            "outlet_slug": self.outlet_slug.get(article.outlet),
            "title": article.title,
            "path": article.path,
            "url": article.url,
            "href": safe_url(article.url),
            "published": article.published.isoformat() if article.published else None,
            "author": article.author,
            "dateline": article.dateline,
            "reftime": self.reftime(article.id),
            "story": self.story_of_article.get(article.id),
            "story_slug": self.story_slug.get(self.story_of_article.get(article.id, "")),
        }

    # the story page

    def story_page(self, story_id: str) -> dict[str, Any]:
        return storypage.story_page(self.story_input(story_id))

    def story_input(self, story_id: str) -> storypage.StoryPage:
        """Everything the story's page needs (see `checker.report.storypage`)."""
        story = self.stories[story_id]
        members = [self.articles[a] for a in story.articles if a in self.articles]
        findings = self.findings_of_story.get(story_id, [])
        return storypage.StoryPage(
            story=story,
            slug=self.story_slug[story_id],
            members=members,
            sentences={a.id: self.result.sentences.get(a.id, []) for a in members},
            alignments=self.alignments_of.get(story_id, []),
            findings=findings,
            cards={f.id: self.cards[f.id] for f in findings},
            views={a.id: self.article_view(a) for a in members},
            rules={f.rule: self.rules[f.rule] for f in findings if f.rule in self.rules},
        )

    # the outlet page

    def outlet_page(self, outlet: str) -> dict[str, Any]:
        score = next((o for o in self.result.outlets if o.outlet == outlet), None)
        by_outlet, scores_by_outlet = self._by_outlet()
        articles = [self.article_view(a) for a in by_outlet.get(outlet, [])]
        flagged = [
            self.cards[f.id]
            for f in self.findings_of_outlet.get(outlet, [])
            if any(e.role == "flagged" and e.outlet == outlet for e in f.evidence)
        ]
        referenced = [
            self.cards[f.id]
            for f in self.findings_of_outlet.get(outlet, [])
            if all(not (e.role == "flagged" and e.outlet == outlet) for e in f.evidence)
            and any(e.outlet == outlet for e in f.evidence)
        ]
        breakdown: list[dict[str, Any]] = []
        if score is not None:
            for key, points in score.breakdown.items():
                category, _, severity = key.partition(" ")
                breakdown.append({"category": category, "severity": severity, "points": points})
        members = scores_by_outlet.get(outlet, [])
        return {
            "outlet": outlet,
            "slug": self.outlet_slug[outlet],
            "score": score,
            "low": score is not None and score.confidence < LOW_CONFIDENCE,
            "articles": articles,
            "flagged": flagged,
            "referenced": referenced,
            "breakdown": breakdown,
            "lost": round(-sum(float(b["points"]) for b in breakdown), 1),
            "signals": self.signal_rows(score, members) if score is not None else [],
            "signal_points": round(sum(score.signals.values()), 1) if score is not None else 0.0,
            "why": [explain_line(line) for line in score.explanation] if score is not None else [],
            "article_scores": self.article_scores(outlet),
            "copies": self.copies(outlet),
            "history": self.history(outlet),
        }

    def filters(self) -> dict[str, Any]:
        present = {f.rule for f in self.findings}
        outlets = sorted({o["name"] for c in self.cards.values() for o in c["flagged_outlets"]})
        with_findings = set(self.story_of_finding.values())
        stories = [s for s in self.result.stories if s.id in with_findings]
        return {
            "severities": list(SEVERITIES),
            "categories": [c for c in CATEGORIES if any(f.category == c for f in self.findings)],
            "outlets": [{"name": o, "slug": self.outlet_slug[o]} for o in outlets],
            "stories": [{"id": s.id, "title": truncate(s.title, 70)} for s in stories],
            "rules": sorted(present),
        }


_POINTS = re.compile(r"^(?P<points>[+-]\d+(?:\.\d+)?) (?P<text>.*)$", re.DOTALL)


def explain_line(line: str) -> dict[str, Any]:
    """'-15.0 role error finding (ROL001): ...' -> points, text and how to show it."""
    m = _POINTS.match(line)
    if m is None:
        return {"points": None, "text": line, "kind": "total" if line.startswith("=") else "note", "verify": False}
    value = float(m.group("points"))
    kind = "lost" if value < 0 else "gained" if value > 0 else "zero"
    text = m.group("text")
    return {
        "points": m.group("points"),
        "text": text.replace(" (to verify)", ""),
        "kind": kind,
        "verify": "(to verify)" in text,
    }


def history_chart(rows: Sequence[dict[str, Any]], order: Sequence[str], slugs: dict[str, str]) -> dict[str, Any]:
    """Coordinates for an inline SVG line chart of outlet scores over runs, and the table beside it.

    x: runs in order (the current run last), y: score 0-100. `order` ranks the outlets (the current
    run's ranking); the chart draws the first HISTORY_SERIES of them, the table lists all.
    """
    runs: list[tuple[int, str]] = []
    for row in rows:
        key = (row["run"] if row["run"] is not None else 10**9, row["started_at"])
        if key not in runs:
            runs.append(key)
    runs.sort()
    column = {run: i for i, run in enumerate(runs)}
    width, height, left, right, top, bottom = 640, 260, 40, 190, 12, 34
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return round(left + (plot_w / 2 if len(runs) == 1 else i * plot_w / (len(runs) - 1)), 1)

    def y(score: float) -> float:
        return round(top + (100 - score) * plot_h / 100, 1)

    names = [o for o in order if any(r["outlet"] == o for r in rows)]
    names += sorted({r["outlet"] for r in rows} - set(names))
    series = []
    for number, name in enumerate(names):
        mine = sorted(
            (r for r in rows if r["outlet"] == name),
            key=lambda r: column[(r["run"] if r["run"] is not None else 10**9, r["started_at"])],
        )
        points = []
        for r in mine:
            i = column[(r["run"] if r["run"] is not None else 10**9, r["started_at"])]
            points.append(
                {
                    "x": x(i),
                    "y": y(r["score"]),
                    "score": r["score"],
                    "run": r["run"],
                    "when": str(r["started_at"]).replace("T", " ").replace("+00:00", " UTC"),
                    "low": r["confidence"] < LOW_CONFIDENCE,
                    "column": i,
                }
            )
        cells: list[Any] = [None] * len(runs)
        for point in points:
            cells[point["column"]] = point
        series.append(
            {
                "outlet": name,
                "slug": slugs.get(name, ""),
                "short": truncate(name, 24),
                "colour": number % HISTORY_SERIES,
                "drawn": number < HISTORY_SERIES,
                "points": points,
                "path": " ".join(f"{p['x']},{p['y']}" for p in points),
                "cells": cells[-HISTORY_COLUMNS:],
                "first": points[0]["score"] if points else None,
                "last": points[-1]["score"] if points else None,
                "legend_y": top + 6 + number * 18,
            }
        )
    labels = [
        {"x": x(i), "label": "this run" if run >= 10**9 else f"run {run}", "when": when[:10]}
        for i, (run, when) in enumerate(runs)
    ]
    step = max(1, len(labels) // 8)
    return {
        "runs": len(runs),
        "series": series,
        "drawn": [s for s in series if s["drawn"]],
        "labels": [label for i, label in enumerate(labels) if i % step == 0 or i == len(labels) - 1],
        "columns": labels[-HISTORY_COLUMNS:],
        "width": width,
        "height": height,
        "left": left,
        "plot_right": left + plot_w,
        "top": top,
        "bottom": top + plot_h,
        "legend_x": left + plot_w + 16,
        "ticks": [{"value": v, "y": y(v)} for v in (0, 25, 50, 75, 100)],
        "more": max(0, len(series) - HISTORY_SERIES),
    }


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic garbage collection off for the duration (then as it was).

    The run's result is a large heap of long-lived objects, and every full collection that the
    report's many short-lived strings and dicts trigger walks all of it (15% of the report's time
    at 1k articles, more on bigger runs). The report makes no reference cycles (a collection
    after it finds nothing), so nothing waits for the collector meanwhile; children forked
    meanwhile do not collect either, which also keeps them from touching every shared page."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Pages:
    """Renders pages of one report into its directory."""

    def __init__(self, result: RunResult, directory: Path) -> None:
        self.env = environment()
        self.directory = directory
        self.result = result
        self.data = data = ReportData(result)
        self.common = {
            "finding_total": len(data.findings),
            "paths": result.paths,
            "generated_at": result.started_at,
            "outlet_slug": data.outlet_slug,
            "story_slug": data.story_slug,
            "low_threshold": LOW_CONFIDENCE,
        }

    def render(self, template: str, target: Path, root: str, page: str, **values: Any) -> None:
        _write_page(self.env, template, target, root, page, {**self.common, **values})

    def prepare(self) -> None:
        """The static files, and no pages of an earlier run into the same directory."""
        static = self.directory / "static"
        static.mkdir(exist_ok=True)
        source = resources.files("checker.report") / "static"
        for name in STATIC_FILES:
            (static / name).write_bytes((source / name).read_bytes())
        for sub in ("stories", "outlets"):
            folder = self.directory / sub
            if folder.is_dir():
                for old in folder.glob("*.html"):
                    old.unlink()

    def overview(self) -> Path:
        """index.html, findings.html and rules.html; returns the path of index.html."""
        data, index = self.data, self.directory / "index.html"
        self.render(
            "index.html",
            index,
            "",
            "index",
            counts=data.counts(),
            stories=data.story_summaries(),
            scorecard=data.scorecard(),
            ranking=data.ranking(),
            copies=data.copies(),
            history=data.history(),
            scoring=data.scoring_rules(),
            errors=error_dicts(self.result),
            total=len(data.findings),
            articles=len(self.result.articles),
        )
        self.render(
            "findings.html",
            self.directory / "findings.html",
            "",
            "findings",
            cards=[data.cards[f.id] for f in data.findings],
            filters=data.filters(),
        )
        self.render(
            "rules.html",
            self.directory / "rules.html",
            "",
            "rules",
            all_rules=list(data.rules.values()),
            used=Counter(f.rule for f in data.findings),
        )
        return index

    def items(self) -> list[tuple[str, str]]:
        """The pages, as (kind, story id or outlet name): the overview pages, then the story and
        outlet pages, in a fixed order."""
        outlets = sorted({a.outlet for a in self.result.articles} | {o.outlet for o in self.result.outlets})
        stories = [("story", s.id) for s in self.result.stories]
        return [("overview", ""), *stories, *[("outlet", o) for o in outlets]]

    def item(self, item: tuple[str, str]) -> None:
        kind, key = item
        if kind == "overview":
            self.overview()
        elif kind == "story":
            _write_story_page(self.env, self.directory, self.data.story_input(key), self.common)
        else:
            target = self.directory / "outlets" / f"{self.data.outlet_slug[key]}.html"
            self.render("outlet.html", target, "../", "outlet", **self.data.outlet_page(key))


def _write_page(env: Environment, template: str, target: Path, root: str, page: str, values: dict[str, Any]) -> None:
    html = env.get_template(template).render(root=root, page=page, **values)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def _write_story_page(env: Environment, directory: Path, page: storypage.StoryPage, common: dict[str, Any]) -> None:
    target = directory / "stories" / f"{page.slug}.html"
    _write_page(env, "story.html", target, "../", "story", {**common, **storypage.story_page(page)})


def write_story_pages(pages: Sequence[storypage.StoryPage], directory: str, common: dict[str, Any]) -> int:
    """Task: write a batch of story pages (in an engine's worker process); returns how many."""
    env = environment()
    with collector_paused():  # as in this process: collections made pages take 75% longer, found nothing
        for page in pages:
            _write_story_page(env, Path(directory), page, common)
    return len(pages)


STORY_PAGES_PER_TASK = 32


def write_html(
    result: RunResult,
    directory: Path,
    workers: int = 1,
    also: Sequence[Callable[[], object]] = (),
    engine: Engine | None = None,
    ahead: StoryPagesAhead | None = None,
) -> Path:
    """Write the report into `directory`; returns the path of index.html. The same files with the
    same bytes however they are shared:

    - `engine`, a local engine with worker processes: they write the story pages (a batch of
      `StoryPage`s per task) while this process writes `also` and the other pages, then the
      story pages no worker has started. No process holds a copy of the run for it (see
      `pages_in_workers`). `ahead`: the story pages were started before the scores
      (`checker.report.ahead`); they are kept when they hold for this result.
    - otherwise `workers` > 1: the pages are shared among that many processes, this one and
      forked children (see `forked.run_shared`); one process where fork is not available.

    `also`: more work for this process, or to share among the forked ones (the JSON report)."""
    with collector_paused():
        started = ahead.adopt(result, directory) if ahead is not None else None
        if started is None:
            pages = prepared_pages(result, directory)
            if engine is None or not pages_in_workers(engine):
                tasks: list[Callable[[], object] | tuple[str, str]] = [*also, *pages.items()]
                run_shared(tasks, lambda task: task() if callable(task) else pages.item(task), workers)
                return directory / "index.html"
            started = start_story_pages(pages, engine)
        pages, folder = started.pages, str(directory)
        # the other pages draw on the whole run (an outlet's articles, copies, history): here
        for task in also:
            task()
        for item in pages.items():
            if item[0] != "story":
                pages.item(item)
        # then help with the story pages no worker has started yet, from the last one back
        while (k := take_last(started.pending)) is not None:
            write_story_pages(started.batches[k], folder, pages.common)
        for _ in started.pending():  # the workers' errors are raised here
            pass
    return directory / "index.html"


def prepared_pages(result: RunResult, directory: Path) -> _Pages:
    """The pages of a report into `directory`, with its static files in place, no pages of an
    earlier run left and the templates compiled (once, before any process forks)."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = _Pages(result, directory)
    pages.prepare()
    for template in TEMPLATES:
        pages.env.get_template(template)
    return pages


@dataclass
class StartedPages:
    """Story pages given to an engine's workers: the batches, and the map that writes them."""

    pages: _Pages
    batches: list[list[storypage.StoryPage]]
    pending: Pending[int]


def start_story_pages(pages: _Pages, engine: Engine) -> StartedPages:
    """Give the story pages to the engine, in batches of `STORY_PAGES_PER_TASK`."""
    stories = [pages.data.story_input(story.id) for story in pages.result.stories]
    story_batches = batches(stories, STORY_PAGES_PER_TASK)
    folder = str(pages.directory)
    return StartedPages(
        pages, story_batches, engine.submit(write_story_pages, story_batches, directory=folder, common=pages.common)
    )


def pages_in_workers(engine: Engine) -> bool:
    """Whether `write_html` gives the story pages to the engine: a local engine with worker
    processes (forked when the run began, so small; on this machine, so they write the files).

    Forking page writers from the driver at the end of a run costs memory: every object a forked
    process reads has its reference count written, so the page it sits on is copied, and two
    processes sharing a 50k run's report held 2.8 GB where the driver alone held 1.5 GB."""
    return isinstance(engine, LocalEngine) and engine.workers > 1


TEMPLATES = ("index.html", "findings.html", "rules.html", "story.html", "outlet.html")
