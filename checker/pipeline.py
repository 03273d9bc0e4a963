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

from checker import __version__, align, claims, segment, stories
from checker.claims.reftime import reference_times
from checker.ingest import LoadedFile, iter_corpus
from checker.knowledge import KnowledgeBase, default_kb
from checker.model import (
    Alignment,
    Article,
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
    alignments: list[Alignment] = field(default_factory=list)
    reftimes: dict[str, ReferenceTime] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    story_of_finding: dict[str, str] = field(default_factory=dict)
    outlets: list[OutletScore] = field(default_factory=list)
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
        result.outlets = score_outlets(result.articles, result.findings, result.claims)
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
    result.stories = stories.group_articles(result.articles)
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
    result.findings = sort_findings(findings)
