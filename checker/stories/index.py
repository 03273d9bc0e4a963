"""The story index: articles placed one at a time into stories (see `checker.stories`)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from checker.model import Article, Story, short_hash
from checker.stories.dating import DateFactors
from checker.stories.evidence import SharedEvidence
from checker.stories.settings import StorySettings
from checker.stories.weights import FlatWeights, FloatArray, IntArray, term_weights, top_k
from checker.textsim import NAME_PREFIX, NUMBER_PREFIX, article_terms, rough_sentences

STATE_FORMAT = "checker.stories/1"


@dataclass
class Query:
    """An article being placed: its terms are registered and counted in df (as pending)."""

    article_id: str
    title: str
    published: date | None
    tids: IntArray
    raw: FloatArray
    logtf: FloatArray
    text: str | None  # for shared-statement evidence
    sentences: list[str] | None = None  # rough sentences of the text, once needed
    # its term weights and top terms, and the count of frequency changes they were computed at
    # (an article is weighed to search candidates, again if deferred, and again to be indexed)
    weights: FloatArray | None = None
    top: IntArray | None = None
    weighed_at: int = -1


class StoryIndex:
    """Incremental story index: add articles one at a time or in a batch; an article joins the best
    existing story or starts a new one, without regrouping the archive. Serializable so the store
    can persist it.

    `text_of` looks up the text of an already indexed article by id (for shared-statement
    evidence). Without it the index keeps the texts of the articles it was given in memory; an
    index rebuilt with `from_state` has no texts unless `text_of` is passed."""

    def __init__(
        self,
        settings: StorySettings | None = None,
        text_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self.settings = settings or StorySettings()
        self._evidence = SharedEvidence(text_of)
        self._dating = DateFactors(self.settings)
        # vocabulary
        self._term_id: dict[str, int] = {}
        self._terms: list[str] = []
        self._df = np.zeros(1024, dtype=np.int64)
        self._boost = np.ones(1024, dtype=np.float64)
        # articles, in insertion order
        self._ids: list[str] = []
        self._titles: list[str] = []
        self._dates: list[date | None] = []
        self._days: list[int] = []  # publication date as an ordinal, 0 when undated
        self._tids: list[IntArray] = []
        self._counts: list[FloatArray] = []  # raw term counts, aligned with _tids
        self._logtf: list[FloatArray] = []
        self._index_of: dict[str, int] = {}
        # every article's term weights, valid while the document frequencies stay as they are (a
        # batch primes every article before placing the first, so each is weighed once)
        self._flat = FlatWeights()
        self._dense = np.zeros(0)  # scratch: a query's weights by term id (zero elsewhere)
        self._slot_scratch = np.zeros(0, dtype=np.int64)  # scratch: `_candidates`' slot by article
        # counted in df, not yet placed: term ids and counts (arrays: a batch primes every article
        # before placing the first, and dicts of terms cost ~20 KB an article)
        self._pending: dict[str, tuple[IntArray, FloatArray]] = {}
        # stories
        self._story_of: list[int] = []
        self._story_ids: list[str] = []
        self._members: list[list[int]] = []
        self._story_dates: list[set[date]] = []  # each story's distinct publication dates
        self._story_by_id: dict[str, int] = {}
        # inverted index over each article's top terms (typed arrays: read as numpy without a copy per item)
        self._postings: dict[int, array[int]] = {}
        self._indexed: list[IntArray] = []
        self._indexed_at = 0  # archive size when the top terms were last recomputed
        # document frequencies changed this many times (each change may move every article's top
        # terms); and how many times when they were last recomputed
        self._df_changes = 0
        self._df_changes_indexed = 0
        # the candidate stories at the last placement and their scores, best first (for explanations)
        self._ranked: tuple[IntArray, FloatArray] | None = None
        # article id -> (best other story, its score) at placement: the stories it nearly joined
        self.near_misses: dict[str, tuple[str, float]] = {}

    # ----------------------------------------------------------------------------- public API

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._index_of

    @property
    def last_scores(self) -> list[tuple[str, float]]:
        """Scores of the candidate stories at the last decision not yet committed, best first."""
        if self._ranked is None:
            return []
        stories, scores = self._ranked
        ranked = zip(stories.tolist(), scores.tolist(), strict=True)
        return [(self._story_ids[s], round(score, 6)) for s, score in ranked]

    def add(self, article: Article) -> str:
        """Place one article; returns the id of the story it joined or started."""
        known = self._index_of.get(article.id)
        if known is not None:
            return self._story_ids[self._story_of[known]]
        query = self._query(article)
        story, score = self._decide(query)
        return self._commit(query, story if score >= self.settings.threshold else -1)

    def prime(self, articles: Iterable[Article]) -> None:
        """Count the terms of articles about to be added into the document frequencies now, so
        that the first of them are judged with the statistics of the whole batch."""
        for article in articles:
            if article.id not in self._pending:
                self.prime_terms(article.id, self._count(article))

    def prime_terms(self, article_id: str, counts: dict[str, int]) -> None:
        """`prime` with the article's terms already counted (`checker.textsim.article_terms`
        with this index's `title_weight`), as the per-article stage does in parallel."""
        if article_id not in self._index_of and article_id not in self._pending:
            self._pending[article_id] = self._count_df(counts)

    def add_all(self, articles: Iterable[Article]) -> list[str]:
        """Add a batch: prime with all of it, then place the articles in the order given; those
        in the grey zone that would start a story are retried after the others."""
        batch = list(articles)
        self.prime(batch)
        threshold = self.settings.threshold
        waiting: list[Query] = []
        seen: set[str] = set()
        for article in batch:
            if article.id in self._index_of or article.id in seen:
                continue
            seen.add(article.id)
            query = self._query(article)
            deferrable = self.settings.defer_passes > 0
            story, score = self._decide(query, only_to_join=deferrable)
            if score >= threshold:
                self._commit(query, story)
            elif score >= self.settings.evidence_floor and deferrable:
                waiting.append(query)
            else:
                self._commit(query, -1)
        for _ in range(self.settings.defer_passes):
            still: list[Query] = []
            for query in waiting:
                story, score = self._decide(query, only_to_join=True)
                if score >= threshold:
                    self._commit(query, story)
                else:
                    still.append(query)
            if len(still) == len(waiting):
                break
            waiting = still
        for query in waiting:
            story, score = self._decide(query)
            self._commit(query, story if score >= threshold else -1)
        self._flat.clear()  # ~1.3 KB an article, and the next batch primes new frequencies
        return [self._story_ids[self._story_of[self._index_of[a.id]]] for a in batch]

    def story_of(self, article_id: str) -> str | None:
        index = self._index_of.get(article_id)
        return None if index is None else self._story_ids[self._story_of[index]]

    def stories(self) -> list[Story]:
        """All stories ordered by id; articles in the order they joined."""
        out = [
            Story(
                id=self._story_ids[s],
                title=self._titles[members[0]],
                articles=[self._ids[m] for m in members],
            )
            for s, members in enumerate(self._members)
        ]
        return sorted(out, key=lambda story: story.id)

    def assignments(self) -> dict[str, str]:
        """Article id -> story id."""
        return {self._ids[i]: self._story_ids[s] for i, s in enumerate(self._story_of)}

    def to_state(self) -> dict[str, Any]:
        """JSON-serializable state: settings, and per article (in insertion order) its id, title,
        date, story, term counts and the terms it is indexed under; primed articles not yet
        placed with their term counts. Texts are not included (see `text_of`)."""
        articles = []
        for i, article_id in enumerate(self._ids):
            published = self._dates[i]
            articles.append(
                {
                    "id": article_id,
                    "title": self._titles[i],
                    "published": published.isoformat() if published else None,
                    "story": self._story_ids[self._story_of[i]],
                    "terms": {
                        self._terms[t]: int(c)
                        for t, c in zip(self._tids[i].tolist(), self._counts[i].tolist(), strict=True)
                    },
                    "indexed": [self._terms[t] for t in self._indexed[i].tolist()],
                }
            )
        return {
            "format": STATE_FORMAT,
            "settings": self.settings.to_dict(),
            "indexed_at": self._indexed_at,
            "articles": articles,
            "pending": [
                {"id": k, "terms": {self._terms[t]: int(c) for t, c in zip(tids.tolist(), raw.tolist(), strict=True)}}
                for k, (tids, raw) in self._pending.items()
            ],
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], text_of: Callable[[str], str | None] | None = None) -> StoryIndex:
        """Rebuild an index from `to_state()` output. With `text_of` (or when the texts do not
        matter) it places new articles exactly as the original would have."""
        if state.get("format") != STATE_FORMAT:
            raise ValueError(f"not a story index state: format {state.get('format')!r}")
        index = cls(StorySettings.from_dict(state.get("settings", {})), text_of)
        for entry in state["articles"]:
            published = entry.get("published")
            terms = {str(k): int(v) for k, v in entry["terms"].items()}
            index._pending[str(entry["id"])] = index._count_df(terms)
            query = index._make_query(
                str(entry["id"]),
                str(entry.get("title", "")),
                date.fromisoformat(published) if published else None,
                None,
            )
            story_id = str(entry["story"])
            indexed = np.array(
                sorted(index._term_id[t] for t in entry.get("indexed", []) if t in index._term_id),
                dtype=np.int64,
            )
            index._commit(query, index._story_by_id.get(story_id, -1), story_id, indexed, False)
        for entry in state.get("pending", []):
            terms = {str(k): int(v) for k, v in entry["terms"].items()}
            index._pending[str(entry["id"])] = index._count_df(terms)
        index._indexed_at = int(state.get("indexed_at", len(index)))
        return index

    # ----------------------------------------------------------------------------- internals

    def _count(self, article: Article) -> dict[str, int]:
        return dict(article_terms(article.title, article.text, self.settings.title_weight))

    def _query(self, article: Article) -> Query:
        if article.id not in self._pending:
            self._pending[article.id] = self._count_df(self._count(article))
        return self._make_query(article.id, article.title, article.published, article.text)

    def _make_query(self, article_id: str, title: str, published: date | None, text: str | None) -> Query:
        tids, raw = self._pending[article_id]
        logtf = 1.0 + np.log(np.maximum(raw, 1.0))
        return Query(article_id, title, published, tids, raw, logtf, text)

    def _commit(
        self,
        query: Query,
        story: int,
        new_story_id: str | None = None,
        indexed: IntArray | None = None,
        refresh: bool = True,
    ) -> str:
        """Store the article in `story` (-1: a new story) and index it."""
        if indexed is None:
            indexed = self._query_top(query)
        del self._pending[query.article_id]
        self._evidence.placed(query.article_id)
        i = len(self._ids)
        self._ids.append(query.article_id)
        self._titles.append(query.title)
        self._dates.append(query.published)
        self._days.append(query.published.toordinal() if query.published else 0)
        self._tids.append(query.tids)
        self._counts.append(query.raw)
        self._logtf.append(query.logtf)
        self._index_of[query.article_id] = i
        if query.text is not None and self.settings.evidence_weight:
            self._evidence.remember(query.article_id, query.text)
        if story < 0:
            story = len(self._story_ids)
            sid = new_story_id or short_hash(query.article_id)
            self._story_ids.append(sid)
            self._story_by_id[sid] = story
            self._members.append([])
            self._story_dates.append(set())
        self._story_of.append(story)
        self._members[story].append(i)
        if query.published is not None:
            self._story_dates[story].add(query.published)
        self._indexed.append(indexed)
        for t in indexed.tolist():
            self._postings.setdefault(t, array("q")).append(i)
        chosen = self._story_ids[story]
        miss = self._near_miss(story)
        if miss is not None:
            self.near_misses[query.article_id] = miss
        self._ranked = None
        if refresh:
            self._maybe_refresh()
        return chosen

    def _register(self, counts: dict[str, int]) -> tuple[IntArray, FloatArray]:
        ids = np.empty(len(counts), dtype=np.int64)
        for k, term in enumerate(counts):
            tid = self._term_id.get(term)
            if tid is None:
                tid = len(self._terms)
                self._term_id[term] = tid
                self._terms.append(term)
                if tid >= len(self._df):
                    self._grow()
                if term.startswith((NAME_PREFIX, NUMBER_PREFIX)):
                    self._boost[tid] = self.settings.name_weight
            ids[k] = tid
        return ids, np.fromiter(counts.values(), dtype=np.float64, count=len(counts))

    def _count_df(self, counts: dict[str, int]) -> tuple[IntArray, FloatArray]:
        """Register the terms and count them in df; their ids and counts."""
        ids, raw = self._register(counts)  # may grow the arrays: index them after
        self._df[ids] += 1
        self._df_changes += 1
        return ids, raw

    def _grow(self) -> None:
        size = len(self._df) * 2
        df = np.zeros(size, dtype=np.int64)
        df[: len(self._df)] = self._df
        boost = np.ones(size, dtype=np.float64)
        boost[: len(self._boost)] = self._boost
        self._df, self._boost = df, boost

    def _weights(self, tids: IntArray, logtf: FloatArray) -> FloatArray:
        n_docs = len(self._ids) + len(self._pending) + self.settings.prior_docs
        return term_weights(self._df[tids], self._boost[tids], logtf, n_docs)

    def _top_terms(self, tids: IntArray, weights: FloatArray) -> IntArray:
        k = self.settings.top_terms
        # highest weight first, ties by term id: deterministic
        order = np.lexsort((tids, -weights))[:k]
        return np.sort(tids[order])

    def _maybe_refresh(self) -> None:
        """Recompute every article's indexed top terms when the archive has doubled since the
        last time (document frequencies move as it grows); amortised linear cost."""
        n = len(self._ids)
        if n < 2 * max(self._indexed_at, 16):
            return
        if self._df_changes == self._df_changes_indexed:
            # no frequency has moved since the last recomputation, and every article placed since
            # was indexed with these: each would get the top terms it has (a primed batch, from
            # its second doubling on; ~0.5 s of a 10k run)
            self._indexed_at = n
            return
        self._postings = {}
        for i in range(n):
            top = self._top_terms(self._tids[i], self._weights(self._tids[i], self._logtf[i]))
            self._indexed[i] = top
            for t in top.tolist():
                self._postings.setdefault(t, array("q")).append(i)
        self._indexed_at = n
        self._df_changes_indexed = self._df_changes

    def _query_weights(self, query: Query) -> FloatArray:
        if query.weights is None or query.weighed_at != self._df_changes:
            query.weights = self._weights(query.tids, query.logtf)
            query.top, query.weighed_at = None, self._df_changes
        return query.weights

    def _query_top(self, query: Query) -> IntArray:
        weights = self._query_weights(query)
        if query.top is None:
            query.top = self._top_terms(query.tids, weights)
        return query.top

    def _candidates(self, query: Query) -> list[int]:
        """Stored articles worth scoring exactly, by index."""
        n = len(self._ids)
        if n <= self.settings.brute_force_below:
            return [d for d in range(n) if len(self._tids[d])]
        tids, weights, top = query.tids, self._query_weights(query), self._query_top(query)
        # a common term's list grows with the archive; its most recent articles are the ones a new
        # article may join (older ones still come through the rarer terms they share)
        cap = self.settings.max_postings
        term_weight = self._scatter(tids, weights)[top]
        self._dense[tids] = 0.0
        parts: list[IntArray] = []
        gains: list[float] = []
        for t, gain in zip(top.tolist(), term_weight.tolist(), strict=True):
            posted = self._postings.get(t)
            if posted:
                # a slice is a copy: no view keeps the growing array from being appended to
                parts.append(np.frombuffer(posted[-cap:], dtype=np.int64))
                gains.append(gain)
        if not parts:
            return []
        posted_docs = np.concatenate(parts)
        posted_gain = np.repeat(gains, [len(p) for p in parts])
        # each posted article's gains summed in the order posted (a bincount), over slots numbered
        # within this query: a bincount over the whole archive cost ~200 us a query at 50k
        # articles (most of it zeroing and scanning the archive-sized array) against ~50 at 10k,
        # so grouping grew faster than the archive. An article's slot is its last position here.
        slot = self._slots(n)
        slot[posted_docs] = np.arange(len(posted_docs))
        summed: FloatArray = np.bincount(slot[posted_docs], weights=posted_gain, minlength=len(posted_docs)).astype(
            np.float64, copy=False
        )
        used = np.flatnonzero(summed)  # every gain is positive (a weight): the slots in use have a sum
        return top_k(posted_docs[used], summed[used], self.settings.max_candidates)

    def _slots(self, n: int) -> IntArray:
        """Scratch space of at least `n` entries for `_candidates` (what it holds is never read
        before being written)."""
        if len(self._slot_scratch) < n:
            self._slot_scratch = np.zeros(max(n, 2 * len(self._slot_scratch)), dtype=np.int64)
        return self._slot_scratch

    def _decide(self, query: Query, only_to_join: bool = False) -> tuple[int, float]:
        """The best story for the article and its score (-1, 0.0 when nothing compares).

        `only_to_join`: the caller acts only on a score that reaches the threshold (otherwise the
        article waits for a later pass, which decides again), so grey-zone evidence is looked for
        only where it could lift a story to the threshold. A story's bonus is at most
        `evidence_weight * evidence_cap` times its date factor, and most grey-zone stories are
        weeks away: ~95% of the evidence was for stories it could not lift (10k articles)."""
        self._ranked = None
        weights = self._query_weights(query)
        norm = float(np.sqrt(np.dot(weights, weights)))
        candidates = self._candidates(query) if norm > 0 else []
        if not candidates:
            return -1, 0.0
        docs = np.array(candidates, dtype=np.int64)
        story = np.array([self._story_of[d] for d in candidates], dtype=np.int64)
        scores = self._cosines(query.tids, weights / norm, docs) * self._factors(query.published, candidates, story)
        # each story's candidates, closest first (ties by article index); the first is its closest
        order = np.lexsort((docs, -scores, story))
        first = np.ones(len(order), dtype=bool)
        first[1:] = story[order][1:] != story[order][:-1]
        heads = order[first]
        by_story, best = self._linkage(query, weights / norm, story[heads], scores[heads])
        if best[0] < self.settings.threshold and self.settings.evidence_weight > 0:
            grey = by_story[best >= self.settings.evidence_floor][: self.settings.evidence_stories].tolist()
            if grey and only_to_join and not self._could_join(grey, best, query.published):
                grey = []
            if grey:
                # a story's candidates are contiguous in `order`, from its head on
                ordered, nearest = docs[order].tolist(), self.settings.evidence_articles
                head_of = dict(zip(story[heads].tolist(), np.flatnonzero(first).tolist(), strict=True))
                closest = {s: [d for d in ordered[head_of[s] :][:nearest] if self._story_of[d] == s] for s in grey}
                boosted = dict(zip(by_story.tolist(), best.tolist(), strict=True))
                for s, shared in zip(grey, self._shared(query, grey, closest), strict=True):
                    bonus = self.settings.evidence_weight * min(shared, self.settings.evidence_cap)
                    boosted[s] += bonus * self._dating.story(s, self._story_dates[s], query.published)
                ranked = sorted(boosted.items(), key=lambda kv: (-kv[1], kv[0]))
                by_story = np.array([s for s, _ in ranked], dtype=np.int64)
                best = np.array([score for _, score in ranked])
        self._ranked = (by_story, best)
        return int(by_story[0]), float(best[0])

    def _linkage(
        self, query: Query, unit: FloatArray, stories: IntArray, closest: FloatArray
    ) -> tuple[IntArray, FloatArray]:
        """Each candidate story's score, best first: the mean over its members (the most recent
        `story_sample`) of their date-weighed cosine with the article (average linkage).

        An article joins a story that it matches as a whole, not one member that matches
        something else, so a topic cannot chain its events into one story (the best-member score
        put 78 articles of four months in one story of a real news stream). A mean is never
        above the closest member's score, so stories whose closest candidate is below every
        floor a score is compared with keep that score, uncounted."""
        floor = min(self.settings.threshold, self.settings.evidence_floor, self.settings.related_floor)
        scores = closest.copy()
        for k in np.flatnonzero(closest >= floor).tolist():
            s = int(stories[k])
            members = self._members[s][-self.settings.story_sample :]
            docs = np.array(members, dtype=np.int64)
            factors = self._factors(query.published, members, np.full(len(members), s, dtype=np.int64))
            scores[k] = float(np.mean(self._cosines(query.tids, unit, docs) * factors))
        rank = np.lexsort((stories, -scores))
        return stories[rank], scores[rank]

    def _could_join(self, grey: list[int], best: FloatArray, published: date | None) -> bool:
        """Whether the largest evidence bonus would lift one of the grey-zone stories (the first
        `len(grey)` of the ranking, whose scores are `best`) to the threshold."""
        most = self.settings.evidence_weight * self.settings.evidence_cap
        return any(
            score + most * self._dating.story(s, self._story_dates[s], published) >= self.settings.threshold
            for s, score in zip(grey, best.tolist(), strict=False)
        )

    def _factors(self, published: date | None, candidates: list[int], story: IntArray) -> FloatArray:
        """Each candidate's date factor; an undated article stands for its story's time."""
        days = np.array([self._days[d] for d in candidates], dtype=np.int64)
        return self._dating.candidates(published, days, story, self._story_dates)

    def _near_miss(self, chosen: int) -> tuple[str, float] | None:
        """The best-scored story of the last decision other than the one chosen (ties on the
        rounded score: the largest id)."""
        if self._ranked is None:
            return None
        stories, scores = self._ranked
        others = [(s, score) for s, score in zip(stories.tolist(), scores.tolist(), strict=True) if s != chosen]
        if not others:
            return None
        # scores are in descending order, so their rounded values too: the ties are a prefix
        top = round(others[0][1], 6)
        tied = [self._story_ids[s] for s, score in others if round(score, 6) == top]
        return max(tied), top

    def _shared(self, query: Query, stories: list[int], closest: dict[int, list[int]]) -> list[int]:
        """Statements the article shares with each story's closest articles (summed)."""
        if query.sentences is None:
            query.sentences = rough_sentences(query.text) if query.text else []
        return self._evidence.shared(query.article_id, query.sentences, stories, closest, self._ids)

    def _scatter(self, ids: IntArray, values: FloatArray) -> FloatArray:
        """The scratch vector over the vocabulary holding `values` at `ids` (zero elsewhere); the
        caller sets those back to zero."""
        if len(self._dense) < len(self._df):
            self._dense = np.zeros(len(self._df))
        self._dense[ids] = values
        return self._dense

    def _cosines(self, q_ids: IntArray, q_w: FloatArray, docs: IntArray) -> FloatArray:
        """Cosine of the (unit) query with each doc, all in one vectorised pass."""
        if self._flat.at != self._df_changes:
            self._flat.reset(self._df_changes)
        ids, w, starts, norms = self._flat.gather(docs, self._tids, self._logtf, self._weights)
        # the query's weights scattered over the vocabulary: each doc term's weight is one gather
        dots = np.add.reduceat(w * self._scatter(q_ids, q_w)[ids], starts)
        self._dense[q_ids] = 0.0
        out: FloatArray = np.where(norms > 0, dots / np.where(norms > 0, norms, 1.0), 0.0)
        return out
