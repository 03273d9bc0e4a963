"""What the report's pages show, computed once from a run's result (`ReportData`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

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
from checker.report import storypage
from checker.report.history import history_chart
from checker.report.jsonreport import reftime_dict
from checker.report.text import explain_line, paragraphs, safe_url, slugify, split_span, story_slug, truncate
from checker.scoring import LOW_CONFIDENCE, NEWSGUARD, SIGNALS
from checker.scoring.weights import (
    CONFIDENCE_HALF_AT,
    CORROBORATION_FULL_AT,
    CORROBORATION_POINTS,
    FINDING_POINTS,
    UNRESOLVED_FACTOR,
)

KB_OUTLET = "knowledge base"
# what each review status (checker.ci) says on the pages
REVIEW_LABELS = {"new": "new", "baselined": "accepted in the baseline", "outside": "outside the change"}


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
        self.comparing = result.review is not None  # a baseline or a change was given
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
        self.story_order = {s.id: n for n, s in enumerate(result.stories)}
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
            "review": self.review_of(finding),
        }

    def review_of(self, finding: Finding) -> dict[str, Any] | None:
        """The finding's review as the pages show it; None when the run was compared with nothing."""
        review = self.result.review.get(finding.id) if self.result.review is not None else None
        if review is None:
            return None
        return {"status": review.status, "reason": review.reason, "label": REVIEW_LABELS[review.status]}

    def needs_review(self, finding: Finding) -> bool:
        """Whether a finding needs attention now: every finding, unless a baseline accepted it or it
        lies outside the change."""
        review = self.result.review.get(finding.id) if self.result.review is not None else None
        return review is None or review.status == "new"

    def to_review(self) -> list[dict[str, Any]]:
        """The cards of the findings that need review, in report order (most severe first)."""
        return [self.cards[f.id] for f in self.findings if self.needs_review(f)]

    def headline(self) -> dict[str, Any]:
        """What needs attention now, for the top of the index: the findings to review, and those
        reviewed already (accepted in the baseline, or outside the change), counted apart."""
        reviewed = Counter(r.status for r in (self.result.review or {}).values() if r.status != "new")
        new = sum(self.needs_review(f) for f in self.findings)
        return {
            "new": new,
            "comparing": self.comparing,
            "baselined": reviewed["baselined"],
            "outside": reviewed["outside"],
            "no_reason": sum(
                1 for r in (self.result.review or {}).values() if r.status == "baselined" and not r.reason
            ),
        }

    def counts(self) -> dict[str, Any]:
        """Counts of the findings that need review (every finding when the run was compared with
        nothing); those already reviewed are counted apart, in `reviewed`."""
        attention = [f for f in self.findings if self.needs_review(f)]
        by_severity = Counter(f.severity for f in attention)
        by_category: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
        by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
        for f in attention:
            by_category[f.category][f.severity] += 1
            for outlet in {e.outlet for e in f.flagged if e.outlet != KB_OUTLET}:
                by_outlet[outlet][f.severity] += 1
        return {
            "severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
            "category": [(c, by_category[c]) for c in CATEGORIES if by_category[c]],
            "outlet": sorted(by_outlet.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])),
            "reviewed": len(self.findings) - len(attention),
        }

    def story_summaries(self) -> list[dict[str, Any]]:
        per_story: dict[str, Counter[str]] = defaultdict(Counter)
        reviewed: Counter[str] = Counter()
        for f in self.findings:
            if self.needs_review(f):
                per_story[self.story_of_finding[f.id]][f.severity] += 1
            else:
                reviewed[self.story_of_finding[f.id]] += 1
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
                    "reviewed": reviewed.get(story.id, 0),
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
        shown = reftime_dict(self.result, article_id)
        return None if shown is None else {**shown, "same": shown["earliest"] == shown["latest"]}

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
        at = self.story_order[story_id]
        return storypage.StoryPage(
            previous=self._story_link(at - 1),
            following=self._story_link(at + 1),
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

    def _story_link(self, at: int) -> dict[str, str] | None:
        """The story at position `at` of the report (the index's order), as a neighbour's link."""
        if not 0 <= at < len(self.result.stories):
            return None
        story = self.result.stories[at]
        return {"slug": self.story_slug[story.id], "title": story.title or "(untitled)"}

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
            "reviews": [(status, label) for status, label in REVIEW_LABELS.items()] if self.comparing else [],
        }
