"""Incremental checks: new articles placed in the story index of a stored archive.

`checker.pipeline.check(paths, db=..., against_store=True)` reads and analyses the new articles,
then calls `place_in_archive`: the store keeps its archive's story index (tables
`index_articles`, `index_terms`, `index_postings`: each article's term counts, document
frequencies, and each article listed under its top terms); each new article is placed against it
reading only the rows its terms and candidates need, and the run's stories become those the new
articles joined (and nearly joined, for rules across related stories), with every stored member
loaded from the store. See docs/architecture.md, "Running at scale".
"""

from __future__ import annotations

import time
from typing import cast

import numpy as np

from checker import stories
from checker.engine import Engine, batches
from checker.knowledge import KnowledgeBase
from checker.model import Story
from checker.pipeline import ARTICLES_PER_TASK, CLAIMS_VERSION, Progress, RunResult, analyse_batch
from checker.store import Store
from checker.stories.index import Query
from checker.stories.weights import FloatArray, IntArray, term_weights
from checker.textsim import NAME_PREFIX, NUMBER_PREFIX, article_terms


class _ArchiveView(stories.StoryIndex):
    """A story index over a few archived articles (the candidates of one new article and the
    members of their stories) that weighs terms with the whole archive's document frequencies,
    so that it places the new article as an index of the whole archive would."""

    def use_archive(self, df: dict[str, int], n_docs: int, candidates: set[str]) -> None:
        self._archive_df = df
        self._archive_n = n_docs
        self._allowed = candidates
        for term, tid in self._term_id.items():
            self._df[tid] = df.get(term, 0)
        self._df_changes += 1  # weights worked out before are stale

    def _count_df(self, counts: dict[str, int]) -> tuple[IntArray, FloatArray]:
        ids, raw = self._register(counts)
        archive = getattr(self, "_archive_df", {})
        for tid, term in zip(ids.tolist(), counts, strict=True):
            self._df[tid] = archive.get(term, 0)
        self._df_changes += 1
        return ids, raw

    def _weights(self, tids: IntArray, logtf: FloatArray) -> FloatArray:
        n_docs = getattr(self, "_archive_n", 0) + self.settings.prior_docs
        return term_weights(self._df[tids], self._boost[tids], logtf, n_docs)

    def _candidates(self, query: Query) -> list[int]:
        allowed: set[str] = getattr(self, "_allowed", set())
        return [d for d, aid in enumerate(self._ids) if aid in allowed and len(self._tids[d])]

    def _maybe_refresh(self) -> None:
        return  # the archive's postings are not recomputed here


def _candidates_in_archive(
    store: Store, settings: stories.StorySettings, terms: dict[str, int], df: dict[str, int], n_docs: int
) -> set[str]:
    """Archived articles worth scoring exactly: every one while the archive is small, else those
    indexed under the new article's top terms with the largest summed weights (as StoryIndex)."""
    if n_docs - 1 <= settings.brute_force_below:
        return {e["id"] for e in store.index_entries()}
    keys = list(terms)
    df_arr = np.array([df.get(t, 0) for t in keys], dtype=np.int64)
    logtf = 1.0 + np.log(np.maximum(np.array([terms[t] for t in keys], dtype=np.float64), 1.0))
    boost = np.array([settings.name_weight if t.startswith(_BOOSTED) else 1.0 for t in keys])
    weights = term_weights(df_arr, boost, logtf, n_docs + settings.prior_docs)
    order = sorted(range(len(keys)), key=lambda k: (-weights[k], keys[k]))[: settings.top_terms]
    gain = {keys[k]: float(weights[k]) for k in order}
    partial: dict[int, float] = {}
    for term, seq in store.index_postings(sorted(gain), settings.max_postings):  # in a fixed order: the same sums
        partial[seq] = partial.get(seq, 0.0) + gain[term]
    if len(partial) > settings.max_candidates:
        cutoff = sorted(partial.values(), reverse=True)[settings.max_candidates - 1]
        partial = {seq: value for seq, value in partial.items() if value >= cutoff}  # ties kept for the id order
    ids = store.index_ids(partial)
    best = sorted(((ids[seq], value) for seq, value in partial.items()), key=lambda kv: (-kv[1], kv[0]))
    return {article_id for article_id, _ in best[: settings.max_candidates]}


_BOOSTED = (NAME_PREFIX, NUMBER_PREFIX)


def place_in_archive(
    result: RunResult, store: Store, progress: Progress | None, kb: KnowledgeBase, engine: Engine
) -> None:
    """Place the run's articles in the archive's story index one by one; then make the run's
    stories those they joined or nearly joined, with all their archived members."""
    clock = time.perf_counter()
    settings = stories.StorySettings()
    joined: list[str] = []
    links: dict[tuple[str, str], float] = {}
    known = {e["id"]: e["story"] for e in store.index_entries(ids=[a.id for a in result.articles])}
    for done, article in enumerate(stories.batch_order(result.articles), start=1):
        if progress:
            progress("stories", done, len(result.articles))
        if article.id in known:  # already in the archive: checked again with its story
            joined.append(known[article.id])
            continue
        terms = dict(article_terms(article.title, article.text, settings.title_weight))
        df = store.index_df(terms)
        for term in terms:
            df[term] = df.get(term, 0) + 1  # the new article counts in the frequencies
        n_docs = store.index_size() + 1
        candidates = _candidates_in_archive(store, settings, terms, df, n_docs)
        entries = store.index_entries(ids=sorted(candidates))
        entries = store.index_entries(stories=sorted({e["story"] for e in entries}))
        state = {"format": stories.STATE_FORMAT, "settings": settings.to_dict(), "articles": entries, "pending": []}
        view = cast(_ArchiveView, _ArchiveView.from_state(state, text_of=store.article_text))
        view.use_archive({**store.index_df({t for e in entries for t in e["terms"]}), **df}, n_docs, candidates)
        story = view.add(article)
        joined.append(story)
        miss = view.near_misses.get(article.id)
        if miss and miss[0] != story and miss[1] >= settings.related_floor:
            key = (min(story, miss[0]), max(story, miss[0]))
            links[key] = max(links.get(key, 0.0), miss[1])
        entry = view.to_state()["articles"][-1]
        store.index_add([entry])
        known[article.id] = story
    result.new_articles = [a.id for a in result.articles]
    affected = sorted({*joined, *(s for pair in links for s in pair)})
    members = store.index_entries(stories=affected)
    have = {a.id for a in result.articles}
    missing = [e["id"] for e in members if e["id"] not in have]
    loaded = store.load_articles(missing)
    analysed = store.cached_articles(missing, CLAIMS_VERSION)
    stale = [loaded[i] for i in missing if i in loaded and i not in analysed]
    if stale:  # archived by an older extractor: analysed again (and stored) rather than left out
        chunks = batches(stale, ARTICLES_PER_TASK)
        for chunk, (out, *_) in zip(chunks, engine.map(analyse_batch, chunks, kb=kb), strict=True):
            analysed.update((a.id, analysis) for a, analysis in zip(chunk, out, strict=True))
        store.save_analysis([(a, *analysed[a.id]) for a in stale], CLAIMS_VERSION)
    for article_id in missing:
        if article_id in loaded and article_id in analysed:
            result.articles.append(loaded[article_id])
            result.sentences[article_id], result.claims[article_id] = analysed[article_id]
    present = {a.id for a in result.articles}
    grouped: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for entry in members:
        if entry["id"] in present:
            grouped.setdefault(entry["story"], []).append(entry["id"])
            titles.setdefault(entry["story"], entry["title"])
    result.stories = [Story(id=s, title=titles[s], articles=grouped[s]) for s in sorted(grouped)]
    result.topic_links = sorted((a, b, score) for (a, b), score in links.items() if a in grouped and b in grouped)
    result.add_time("stories", time.perf_counter() - clock)
