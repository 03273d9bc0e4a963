"""The pipeline: ingest -> segment -> claims -> stories -> align -> rules -> scores.

`check(paths)` runs it and returns a `RunResult`; reports are written from that result by
`checker.report`. Per-article stages (segment, claims) are cached in the store by article
identity, so a second run over the same corpus re-extracts nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import __version__, align, claims, segment, stories
from checker.claims.reftime import reference_times
from checker.ingest import LoadedFile, iter_corpus
from checker.knowledge import KnowledgeBase, default_kb
from checker.model import (
    Alignment,
    Article,
    ArticleScore,
    Claim,
    Finding,
    InputError,
    OutletScore,
    ReferenceTime,
    Sentence,
    Story,
)
from checker.rules import RuleConfig, StoryContext, run_rules, sort_findings
from checker.scoring import score_outlets
from checker.store import Store

# Bump when segmentation or claim extraction changes, so stored claims are extracted again.
CLAIMS_VERSION = f"{__version__}-1"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class RunResult:
    """Everything one run produced, in deterministic order."""

    started_at: str
    paths: list[str]
    articles: list[Article] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    claims: dict[str, list[Claim]] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    topic_links: list[tuple[str, str, float]] = field(default_factory=list)  # related stories (see stories.py)
    alignments: list[Alignment] = field(default_factory=list)
    reftimes: dict[str, ReferenceTime] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    story_of_finding: dict[str, str] = field(default_factory=dict)
    outlets: list[OutletScore] = field(default_factory=list)
    article_scores: list[ArticleScore] = field(default_factory=list)  # one per article; copies marked (scoring)
    score_history: list[dict[str, Any]] = field(default_factory=list)  # earlier runs' outlet scores, and this one's
    errors: list[InputError] = field(default_factory=list)
    run_id: int | None = None

    def story_of(self, article_id: str) -> str | None:
        for story in self.stories:
            if article_id in story.articles:
                return story.id
        return None


def check(
    paths: Sequence[str | Path],
    *,
    db: Path | None = None,
    config: RuleConfig | None = None,
    kb: KnowledgeBase | None = None,
    today: dt.date | None = None,
    max_bytes: int = 20_000_000,
    progress: Progress | None = None,
) -> RunResult:
    """Check the articles under `paths`; store everything in `db` when given."""
    kb = kb or default_kb()
    config = config or RuleConfig()
    today = today or dt.date.today()
    started = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    result = RunResult(started_at=started, paths=[str(p) for p in paths])
    store = Store(db) if db else None
    try:
        if store:
            result.run_id = store.start_run(started, result.paths, __version__)
        _ingest(paths, result, store, kb, max_bytes, progress)
        _stories_and_alignments(result, progress)
        _rules(result, kb, config, today, progress)
        result.outlets = score_outlets(result, store, kb)
        if store and result.run_id is not None:
            pairs = [(result.story_of_finding[f.id], f) for f in result.findings]
            store.save_results(
                result.run_id, result.stories, result.alignments, result.reftimes, pairs, result.outlets, result.errors
            )
    finally:
        if store:
            store.close()
    return result


def finish(result: RunResult, db: Path | None, exit_code: int) -> None:
    """Record the run's totals and exit code in the store."""
    if db is None or result.run_id is None:
        return
    with Store(db) as store:
        finished = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        store.finish_run(
            result.run_id, finished, len(result.articles), len(result.findings), len(result.errors), exit_code
        )


def analyse_article(article: Article, kb: KnowledgeBase) -> tuple[list[Sentence], list[Claim]]:
    """The per-article stages: sentences, then claims."""
    sentences = segment.split_article(article)
    return sentences, claims.extract(article, sentences, kb)


def _ingest(
    paths: Sequence[str | Path],
    result: RunResult,
    store: Store | None,
    kb: KnowledgeBase,
    max_bytes: int,
    progress: Progress | None,
) -> None:
    seen: set[str] = set()
    done = 0
    for item in iter_corpus(paths, max_bytes=max_bytes):
        done += 1
        if progress:
            progress("ingest", done, 0)
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        result.errors.extend(getattr(item, "errors", []))
        _ingest_file(item, result, store, kb, seen)


def _ingest_file(item: LoadedFile, result: RunResult, store: Store | None, kb: KnowledgeBase, seen: set[str]) -> None:
    analysed = []
    for article in item.articles:
        if article.id in seen:
            continue  # the same words from the same outlet, met again in another file
        seen.add(article.id)
        cached = store.cached_article(article.id, CLAIMS_VERSION) if store else None
        sentences, found = cached if cached else analyse_article(article, kb)
        analysed.append((article, sentences, found))
        result.articles.append(article)
        result.sentences[article.id] = sentences
        result.claims[article.id] = found
    if store:
        store.save_file(item.source, result.run_id, analysed, CLAIMS_VERSION)


def _stories_and_alignments(result: RunResult, progress: Progress | None) -> None:
    if progress:
        progress("stories", 0, len(result.articles))
    result.stories, result.topic_links = stories.group_with_links(result.articles)
    if progress:
        progress("align", 0, len(result.stories))
    result.alignments = align.align_all(result.stories, result.sentences)


def check_story(
    story: Story,
    members: Sequence[Article],
    sentences: dict[str, list[Sentence]],
    claims_of: dict[str, list[Claim]],
    alignments: Sequence[Alignment],
    kb: KnowledgeBase,
    config: RuleConfig,
    today: dt.date,
) -> tuple[dict[str, ReferenceTime], list[Finding]]:
    """The per-story stages: reference times, then every rule. Pure: the same input, the same output."""
    story_claims = {a.id: claims_of[a.id] for a in members}
    times, conflicts = reference_times(members, story_claims, kb, today, config.published_tolerance_days)
    ctx = StoryContext(
        story=story,
        articles={a.id: a for a in members},
        sentences={a.id: sentences[a.id] for a in members},
        claims=story_claims,
        alignments=list(alignments),
        reftimes=times,
        kb=kb,
        config=config,
        date_conflicts=conflicts,
    )
    return times, run_rules(ctx)


def _rules(result: RunResult, kb: KnowledgeBase, config: RuleConfig, today: dt.date, progress: Progress | None) -> None:
    by_id = {a.id: a for a in result.articles}
    alignments_of: dict[str, list[Alignment]] = {}
    for alignment in result.alignments:
        alignments_of.setdefault(alignment.story, []).append(alignment)
    findings: list[Finding] = []
    for done, story in enumerate(result.stories, start=1):
        if progress:
            progress("rules", done, len(result.stories))
        members = [by_id[a] for a in story.articles]
        times, story_findings = check_story(
            story, members, result.sentences, result.claims, alignments_of.get(story.id, []), kb, config, today
        )
        result.reftimes.update(times)
        for finding in story_findings:
            result.story_of_finding[finding.id] = story.id
            findings.append(finding)
    findings.extend(_topic_findings(result, kb, config))
    result.findings = sort_findings(findings)


TOPIC_WINDOW_DAYS = 120
TOPIC_RULES = {"QTY002"}  # rules that compare two related stories rather than one


def _topic_findings(result: RunResult, kb: KnowledgeBase, config: RuleConfig) -> list[Finding]:
    """Rules that compare related stories of one topic (QTY002), over each linked pair."""
    by_story = {s.id: s for s in result.stories}
    by_id = {a.id: a for a in result.articles}
    findings = []
    for first, second, _ in result.topic_links:
        a, b = by_story[first], by_story[second]
        if not _close_in_time(result, a, b):
            continue
        members = [by_id[i] for i in [*a.articles, *b.articles]]
        topic = Story(id=f"{a.id}+{b.id}", title=a.title, articles=[m.id for m in members])
        ctx = StoryContext(
            story=topic,
            articles={m.id: m for m in members},
            sentences={m.id: result.sentences[m.id] for m in members},
            claims={m.id: result.claims[m.id] for m in members},
            alignments=[],
            reftimes={m.id: result.reftimes[m.id] for m in members},
            kb=kb,
            config=config,
            story_of={**dict.fromkeys(a.articles, a.id), **dict.fromkeys(b.articles, b.id)},
        )
        for finding in run_rules(ctx, only=TOPIC_RULES):
            flagged = finding.flagged[0].article if finding.flagged else ""
            result.story_of_finding[finding.id] = ctx.story_of.get(flagged, a.id)
            findings.append(finding)
    return findings


def _close_in_time(result: RunResult, a: Story, b: Story) -> bool:
    """Whether the two stories' reference times lie within TOPIC_WINDOW_DAYS of each other."""

    def span(story: Story) -> tuple[dt.date, dt.date] | None:
        known = [result.reftimes[i] for i in story.articles if result.reftimes[i].source != "unknown"]
        if not known:
            return None
        return min(r.earliest for r in known), max(r.latest for r in known)

    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return False
    gap = max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days, 0)
    return gap <= TOPIC_WINDOW_DAYS
