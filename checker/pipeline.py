"""The pipeline: ingest -> segment -> claims -> stories -> align -> rules -> scores.

`check(paths)` runs it and returns a `RunResult`; reports are written from that result by
`checker.report`. Per-article stages (segment, claims) are cached in the store by article
identity, so a second run over the same corpus re-extracts nothing.

Where the work runs (`checker.engine`): files are read and articles analysed in batches, and
stories aligned and checked in batches, each batch a task of the engine (in this process by
default, worker processes, or Dask tasks); grouping into stories, rules across related stories,
scores and the store stay here. The same batches are cut whatever the engine, so every engine
gives the same output. With workers, this process does its own sequential work while they run:
it groups the articles into stories while they segment and extract claims (grouping needs only
each article's terms, counted when the file is read), and writes the store while they align.

Incremental (`check(paths, db=..., against_store=True)`): the new articles are read and
analysed as in a batch, then placed in the story index the store keeps of its archive, and only
the stories they joined are loaded, aligned and checked (`checker.archive`).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import gc
import hashlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import __version__, align, claims, scoring, segment, stories
from checker.claims.reftime import reference_times
from checker.engine import Engine, LocalEngine, Pending, batches, release_freed_memory
from checker.ingest import IngestError, LoadedFile
from checker.ingest import _load as load_entry
from checker.ingest.common import plain_reason
from checker.ingest.walk import Entry, discover
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
    Review,
    Sentence,
    SourceFile,
    Story,
)
from checker.rules import RuleConfig, StoryContext, run_rules, sort_findings
from checker.rules.related import RelatedPairs
from checker.store import Store
from checker.textsim import article_terms


def _claims_version() -> str:
    """A fingerprint of everything that shapes stored sentences and claims: the splitter, the claim
    extractors, name folding and the knowledge base. Any edit to them re-extracts cached articles, so
    no store ever serves claims an older extractor made (a hand-bumped number gets forgotten)."""
    package = Path(__file__).parent
    sources = [
        package / "segment.py",
        package / "names.py",
        *sorted((package / "claims").glob("*.py")),
        *sorted((package / "data").glob("title*.csv")),  # titles.csv and title_words.csv
        *sorted((package / "data" / "kb").glob("*.csv")),
    ]
    digest = hashlib.sha256(__version__.encode())
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:12]}"


CLAIMS_VERSION = _claims_version()

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
    # articles met again (the same outlet and text) and left out: (where, where first read)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    # files passed over in the input folders, by reason (hidden, unsupported type, ...)
    skipped: collections.Counter[str] = field(default_factory=collections.Counter)
    run_id: int | None = None
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (see bench/speed.py)
    new_articles: list[str] = field(default_factory=list)  # incremental runs: the articles checked
    # finding id -> its review, when the run is compared with a baseline or a change (checker.ci.reviews)
    review: dict[str, Review] | None = None

    def add_time(self, stage: str, seconds: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + seconds

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
    engine: Engine | None = None,
    against_store: bool = False,
    on_findings: Callable[[RunResult], None] | None = None,
) -> RunResult:
    """Check the articles under `paths`; store everything in `db` when given.

    `engine` runs the per-file, per-article and per-story batches (default: this process).
    `against_store` checks the articles under `paths` against the archive in `db` (incremental):
    the result holds the stories they joined, with every stored member.
    `on_findings(result)` is called once the stories, alignments, findings and reference times
    are final, before the scores: work that needs only those (the report's story pages) can start
    on the engine's workers while this process scores and stores."""
    if against_store and db is None:
        raise ValueError("against_store needs a store (db)")
    kb = kb or default_kb()
    config = config or RuleConfig()
    today = today or dt.date.today()
    engine = engine or LocalEngine()
    started = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    result = RunResult(started_at=started, paths=[str(p) for p in paths])
    store = Store(db) if db else None
    with _collector_at_stage_ends():
        try:
            if store:
                result.run_id = store.start_run(started, result.paths, __version__)
            _run(paths, result, store, kb, config, today, max_bytes, progress, engine, against_store, on_findings)
            release_freed_memory()  # before the report's processes fork from this one
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


def _run(
    paths: Sequence[str | Path],
    result: RunResult,
    store: Store | None,
    kb: KnowledgeBase,
    config: RuleConfig,
    today: dt.date,
    max_bytes: int,
    progress: Progress | None,
    engine: Engine,
    against_store: bool,
    on_findings: Callable[[RunResult], None] | None = None,
) -> None:
    """The stages, in the order that keeps the driver and the workers busy at once."""
    prepared: list[scoring.Prepared] = []

    def prepare_scores() -> None:
        clock = time.perf_counter()
        prepared.append(scoring.prepare(result, kb))
        result.add_time("scores", time.perf_counter() - clock)

    if against_store and store is not None:
        rounds = _read(paths, result, store, kb, max_bytes, progress, engine)
        _analyses(rounds, result)
        _write(rounds, result, store)
        from checker.archive import place_in_archive  # it builds on this module's tasks

        place_in_archive(result, store, progress, kb, engine)
        _align_and_rules(result, kb, config, today, progress, engine, meanwhile=prepare_scores)
    else:
        # grouping (here) runs while the workers analyse; storing and what scoring can measure
        # before the findings (here) while they align and check
        index = stories.StoryIndex()
        rounds = _read(paths, result, store, kb, max_bytes, progress, engine, index)
        _stories(result, progress, index)
        _analyses(rounds, result)
        # held only until it is stored: the largest thing the driver lets go of in a run
        unstored = [index]
        del index

        def write_and_prepare() -> None:
            with store.transaction() if store else contextlib.nullcontext():
                _write(rounds, result, store)
                _write_index(result, store, unstored.pop())
            release_freed_memory()
            prepare_scores()

        _align_and_rules(result, kb, config, today, progress, engine, meanwhile=write_and_prepare)
    if on_findings is not None:
        on_findings(result)
    clock = time.perf_counter()
    result.outlets = scoring.score_outlets(result, store, kb, prepared[0])
    if store and result.run_id is not None:
        pairs = [(result.story_of_finding[f.id], f) for f in result.findings]
        store.save_results(
            result.run_id, result.stories, result.alignments, result.reftimes, pairs, result.outlets, result.errors
        )
    result.add_time("scores", time.perf_counter() - clock)


def analyse_article(article: Article, kb: KnowledgeBase) -> tuple[list[Sentence], list[Claim]]:
    """The per-article stages: sentences, then claims."""
    sentences = segment.split_article(article)
    return sentences, claims.extract(article, sentences, kb)


FILES_PER_TASK = 32  # files read per task
ARTICLES_PER_TASK = 64  # articles analysed per task
FILES_PER_ROUND = 1024  # files in memory at once before their articles are stored
STORIES_PER_TASK = 64  # stories aligned and checked per task


def _load_batch(
    entries: Sequence[Entry], max_bytes: int, title_weight: int | None
) -> tuple[list[tuple[LoadedFile | InputError, list[dict[str, int]]]], float, float]:
    """Task: read files (ingest); with `title_weight`, also count each article's story-grouping
    terms (`checker.textsim.article_terms`). With the seconds spent reading and counting."""
    out: list[tuple[LoadedFile | InputError, list[dict[str, int]]]] = []
    read = count = 0.0
    for entry in entries:
        t0 = time.perf_counter()
        if entry.error is not None:
            out.append((InputError(entry.display, entry.error), []))
            continue
        try:
            loaded = load_entry(entry.path, entry.display, max_bytes)
        except IngestError as err:
            out.append((err.as_input_error(), []))
            continue
        t1 = time.perf_counter()
        terms = []
        try:
            if title_weight is not None:
                terms = [dict(article_terms(a.title, a.text, title_weight)) for a in loaded.articles]
        except Exception as err:  # a bug met on one file costs that file, not the run
            out.append((InputError(entry.display, plain_reason(err)), []))
            continue
        out.append((loaded, terms))
        read, count = read + t1 - t0, count + time.perf_counter() - t1
    return out, read, count


Analysis = tuple[list[Sentence], list[Claim]]


def analyse_batch(articles: Sequence[Article], kb: KnowledgeBase) -> tuple[list[Analysis], float, float]:
    """Task: the per-article stages of a batch, sentences then claims; with the seconds spent
    segmenting and extracting."""
    out: list[Analysis] = []
    seg = ext = 0.0
    for article in articles:
        t0 = time.perf_counter()
        sentences = segment.split_article(article)
        t1 = time.perf_counter()
        out.append((sentences, claims.extract(article, sentences, kb)))
        seg, ext = seg + t1 - t0, ext + time.perf_counter() - t1
    return out, seg, ext


@dataclass
class _Round:
    """A round of files read: each file with its articles new to the run (input order), the
    analyses the store already holds, and the analysis of the others, running on the engine."""

    files: list[tuple[SourceFile, list[Article]]]
    cached: dict[str, Analysis]
    todo: list[list[Article]]
    pending: Pending[tuple[list[Analysis], float, float]]


def _read(
    paths: Sequence[str | Path],
    result: RunResult,
    store: Store | None,
    kb: KnowledgeBase,
    max_bytes: int,
    progress: Progress | None,
    engine: Engine,
    index: stories.StoryIndex | None = None,
) -> list[_Round]:
    """Read every file as tasks, a round of files at a time, and start analysing each round's new
    articles (tasks in the background; `_analyses` collects them). With `index`, the read tasks
    count each article's grouping terms and they are primed into it here, so that grouping can
    start as soon as the last file is read, while the workers are still analysing."""
    first: dict[str, Article] = {}
    done = 0
    clock = time.perf_counter()
    entries = discover(paths, result.skipped)
    title_weight = index.settings.title_weight if index is not None else None
    # every read task first: the analyses queue behind them, and grouping needs all the terms
    reads = collections.deque(
        engine.submit(_load_batch, batches(round_, FILES_PER_TASK), max_bytes=max_bytes, title_weight=title_weight)
        for round_ in batches(entries, FILES_PER_ROUND)
    )
    rounds: list[_Round] = []
    read_cpu = count_cpu = 0.0
    while reads:
        files: list[tuple[SourceFile, list[Article]]] = []
        # each round's results let go of once primed: their term counts took ~15 KB an article
        for part, read_s, count_s in reads.popleft()():
            read_cpu, count_cpu = read_cpu + read_s, count_cpu + count_s
            for item, terms in part:
                done += 1
                if progress:
                    progress("ingest", done, len(entries))
                if isinstance(item, InputError):
                    result.errors.append(item)
                    continue
                result.errors.extend(item.errors)
                fresh = []
                for k, article in enumerate(item.articles):
                    if article.id in first:  # the same words from the same outlet, met again
                        result.duplicates.append((_where(article), _where(first[article.id])))
                        continue
                    first[article.id] = article
                    fresh.append(article)
                    if index is not None:
                        index.prime_terms(article.id, terms[k])
                files.append((item.source, fresh))
                result.articles.extend(fresh)
        ids = [a.id for _, fresh in files for a in fresh]
        cached = store.cached_articles(ids, CLAIMS_VERSION) if store else {}
        todo = batches([a for a in _fresh_articles(files) if a.id not in cached], ARTICLES_PER_TASK)
        rounds.append(_Round(files, cached, todo, engine.submit(analyse_batch, todo, kb=kb)))
        _settled()
    wall = time.perf_counter() - clock
    # tasks run in parallel: split the wall time in proportion to their CPU time
    share = wall / (read_cpu + count_cpu) if read_cpu + count_cpu > 0 else 1.0
    result.add_time("ingest", wall - count_cpu * share)
    result.add_time("stories", count_cpu * share)
    return rounds


def _where(article: Article) -> str:
    """An article's place for a person: its file, and the line it starts on when known."""
    return f"{article.path}:{article.line_map[0]}" if article.line_map else article.path


@contextlib.contextmanager
def _collector_at_stage_ends() -> Iterator[None]:
    """Cyclic garbage collection at the ends of stages (`_settled`), not automatically.

    A run's result grows to millions of long-lived objects (articles, sentences, claims, the
    story index), and each automatic full collection walks all of them again: ~4 s of a 10k
    run's sequential driver (19 full collections). The pipeline makes little cyclic garbage;
    what it makes is collected young at each stage end. Worker processes collect as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def _settled() -> None:
    """A stage ended: collect the young generations, then exempt everything alive now (it stays
    alive to the end of the run) from later collections."""
    gc.collect(1)
    gc.freeze()


def _fresh_articles(files: Sequence[tuple[SourceFile, list[Article]]]) -> list[Article]:
    """The round's articles new to the run, in input order."""
    return [a for _, fresh in files for a in fresh]


def _analyses(rounds: Sequence[_Round], result: RunResult) -> None:
    """Wait for the rounds' analyses and file them (and the cached ones) under each article."""
    clock = time.perf_counter()
    seg = ext = 0.0
    for round_ in rounds:
        analysed = dict(round_.cached)
        for chunk, (out, s_time, c_time) in zip(round_.todo, round_.pending(), strict=True):
            analysed.update((a.id, analysis) for a, analysis in zip(chunk, out, strict=True))
            seg, ext = seg + s_time, ext + c_time
        for article in _fresh_articles(round_.files):
            result.sentences[article.id], result.claims[article.id] = analysed[article.id]
        _settled()
    wall = time.perf_counter() - clock
    share = wall / (seg + ext) if seg + ext > 0 else 0.0  # what was left when the run waited for it
    result.add_time("segment", seg * share)
    result.add_time("claims", ext * share)


def _write(rounds: Sequence[_Round], result: RunResult, store: Store | None) -> None:
    """Store each round's files with their articles, sentences and claims (a transaction a round,
    unless the caller holds one open: `Store.transaction`)."""
    if store is None:
        return
    clock = time.perf_counter()
    for round_ in rounds:
        written = [
            (source, [(a, result.sentences[a.id], result.claims[a.id]) for a in fresh])
            for source, fresh in round_.files
        ]
        store.save_files(written, result.run_id, CLAIMS_VERSION)
    result.add_time("store", time.perf_counter() - clock)


def _stories(result: RunResult, progress: Progress | None, index: stories.StoryIndex) -> None:
    """Group the run's articles into stories (a batch) with the index their terms were primed into."""
    if progress:
        progress("stories", 0, len(result.articles))
    clock = time.perf_counter()
    index.add_all(stories.batch_order(result.articles))
    result.stories, result.topic_links = index.stories(), stories.related_pairs(index)
    if progress:
        progress("stories", len(result.articles), len(result.articles))
    _settled()
    result.add_time("stories", time.perf_counter() - clock)


def _write_index(result: RunResult, store: Store | None, index: stories.StoryIndex) -> None:
    """Persist the story index, for incremental checks against this store."""
    if store is not None:
        clock = time.perf_counter()
        store.index_add(index.to_state()["articles"])
        result.add_time("store", time.perf_counter() - clock)


def _align_and_rules(
    result: RunResult,
    kb: KnowledgeBase,
    config: RuleConfig,
    today: dt.date,
    progress: Progress | None,
    engine: Engine,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """The per-story stages as tasks of `STORIES_PER_TASK` stories, then rules across stories;
    `meanwhile` runs here while the tasks run."""
    if progress:
        progress("align", 0, len(result.stories))
    by_id = {a.id: a for a in result.articles}
    tasks = []
    for chunk in batches(result.stories, STORIES_PER_TASK):
        members = {i: by_id[i] for story in chunk for i in story.articles}
        tasks.append(
            (
                chunk,
                members,
                {i: result.sentences[i] for i in members},
                {i: result.claims[i] for i in members},
            )
        )
    clock = time.perf_counter()
    findings: list[Finding] = []
    align_time = rules_time = 0.0
    pending = engine.submit(_story_batch, tasks, kb=kb, config=config, today=today)
    if meanwhile is not None:
        meanwhile()
        clock = time.perf_counter()  # the time spent in `meanwhile` is its own
    topics = RelatedPairs(result, by_id, kb, config)
    topic_time = 0.0
    checked_stories = 0
    for alignments, checked, a_time, r_time in pending():
        checked_stories += len(checked)
        if progress:  # stories aligned and checked, as each batch comes back
            progress("align", checked_stories, len(result.stories))
        result.alignments.extend(alignments)
        for story_id, times, story_findings in checked:
            result.reftimes.update(times)
            for finding in story_findings:
                result.story_of_finding[finding.id] = story_id
                findings.append(finding)
        align_time, rules_time = align_time + a_time, rules_time + r_time
        # the related pairs whose stories are both checked now, while the workers go on
        topic_clock = time.perf_counter()
        topics.stories_checked([story_id for story_id, _, _ in checked])
        topic_time += time.perf_counter() - topic_clock
    wall = time.perf_counter() - clock - topic_time
    share = wall / (align_time + rules_time) if align_time + rules_time > 0 else 0.0
    result.add_time("align", align_time * share)
    clock = time.perf_counter()
    findings.extend(topics.findings())
    result.findings = sort_findings(findings)
    result.add_time("rules", rules_time * share + topic_time + time.perf_counter() - clock)


def _story_batch(
    task: tuple[list[Story], dict[str, Article], dict[str, list[Sentence]], dict[str, list[Claim]]],
    kb: KnowledgeBase,
    config: RuleConfig,
    today: dt.date,
) -> tuple[list[Alignment], list[tuple[str, dict[str, ReferenceTime], list[Finding]]], float, float]:
    """Task: align a batch of stories (one stacked pass), then check each; with the seconds each took."""
    chunk, members, sentences, claims_of = task
    t0 = time.perf_counter()
    alignments = align.align_all(chunk, sentences)
    t1 = time.perf_counter()
    alignments_of: dict[str, list[Alignment]] = {}
    for alignment in alignments:
        alignments_of.setdefault(alignment.story, []).append(alignment)
    checked = []
    for story in chunk:
        times, story_findings = check_story(
            story,
            [members[a] for a in story.articles],
            sentences,
            claims_of,
            alignments_of.get(story.id, []),
            kb,
            config,
            today,
        )
        checked.append((story.id, times, story_findings))
    return alignments, checked, t1 - t0, time.perf_counter() - t1


def statements_per_article(alignments: Sequence[Alignment]) -> dict[str, int]:
    """Article id -> the alignment groups (statements) it shares with other articles of its story."""
    counts: dict[str, int] = {}
    for alignment in alignments:
        members = {article for article, _ in alignment.sentences}
        if len(members) > 1:
            for article in members:
                counts[article] = counts.get(article, 0) + 1
    return counts


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
    times, conflicts = reference_times(
        members, story_claims, kb, today, config.published_tolerance_days, statements_per_article(alignments)
    )
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
