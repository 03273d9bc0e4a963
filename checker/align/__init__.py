"""ALIGN: group sentences from different articles of one story that say the same thing.

Similarity of two sentences is the cosine of TF-IDF vectors that stack two views, equally
weighted: word features (light stems of content words plus bigrams of adjacent stems) and
character 3-5-grams inside words (robust to inflection, transliteration and the odd typo).
IDF is computed per story, so names every outlet of the story repeats ("Lavrov", "Ukraine")
weigh little and what is specific to a statement weighs much; features of the story's proper
nouns are further weighted by `name_weight` (a shared name alone does not make two statements
one). Sentences with fewer than `min_words` content words ("Lavrov said.") are left out.

Linking is by best match, not by a flat threshold: for each sentence and each other article,
the best-scoring sentence of that article is its candidate. Two sentences are linked when each
is the other's best (mutual best), the score clears `link`, and either it beats both sentences'
runner-up in the other article by `margin` or it is high enough (`sure`) not to need to. A
sentence that only shares a name with another therefore loses to any better counterpart.

Many-to-one: when outlet B splits into two adjacent sentences what outlet A says in one, A's
sentence is the best match of both, but only one of them can be its best in B. The other is
attached to the group when A's sentence matches the two B sentences together (the sum of their
vectors) clearly better than either alone; such a neighbour is then no rival for the margin.

Groups are built greedily from the strongest links down, never joining two groups that already
hold sentences of the same article (only the many-to-one step puts several sentences of one
article in a group). Sentences of one article are never compared with each other.

Cost: vectors for all sentences of all stories are built at once (`checker.align.vectors`);
stories are stacked into one sparse product in which each story has its own copy of every
feature column, so sentences of different stories never meet (cost linear in the number of
stories, no corpus all-pairs).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from checker.align.vectors import sentence_vectors
from checker.model import Alignment, Sentence, Story

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class AlignSettings:
    word_share: float = 0.5  # weight of the word view in the cosine (the rest: characters)
    name_weight: float = 0.5  # factor on features of proper nouns
    link: float = 0.25  # a mutual best link needs at least this score
    margin: float = 0.05  # ... and to beat the runner-ups by this much
    sure: float = 0.45  # ... unless it scores at least this
    split_gain: float = 0.02  # many-to-one: the pair must match this much better than one
    split_floor: float = 0.15  # ... and each piece must match at least this well on its own
    floor: float = 0.1  # similarities below this are not kept at all
    min_words: int = 3  # sentences with fewer content words ("Lavrov said.") are not aligned


@dataclass
class _Rows:
    """Sentences of all stories, one row each, in (story, article, sentence index) order."""

    story: IntArray  # story number per row
    article: IntArray  # article number per row (unique across stories)
    index: IntArray  # Sentence.index per row
    texts: list[str]
    article_ids: list[str]  # article number -> id
    story_ids: list[str]  # story number -> id


def align_story(
    sentences: Mapping[str, Sequence[Sentence]],
    story_id: str,
    settings: AlignSettings | None = None,
) -> list[Alignment]:
    """Group sentences from different articles (keys = article ids) that say the same thing.

    A group may hold several sentences of one article when one outlet splits what another says
    in one sentence (many-to-one). Non-monotone (outlets reorder). Groups ordered by their
    first member, members by (article id, sentence index); score in [0, 1]."""
    story = Story(id=story_id, title="", articles=list(sentences))
    return align_all([story], sentences, settings)


def align_all(
    stories: Sequence[Story],
    sentences_by_article: Mapping[str, Sequence[Sentence]],
    settings: AlignSettings | None = None,
) -> list[Alignment]:
    """Align every story, all stories stacked into one vectorised pass. Output ordered by story
    (in the order given), then as in `align_story`."""
    settings = settings or AlignSettings()
    rows = _collect(stories, sentences_by_article)
    if len(rows.texts) < 2:
        return []
    vectors, words = sentence_vectors(rows.texts, rows.story, settings.word_share, settings.name_weight)
    pairs = _pairs(vectors, rows, settings.floor, words >= settings.min_words)
    links, splits = _links(pairs, rows, vectors, settings)
    return _groups(links, splits, rows)


# --------------------------------------------------------------------------------- rows


def _collect(stories: Sequence[Story], sentences_by_article: Mapping[str, Sequence[Sentence]]) -> _Rows:
    story_no: list[int] = []
    article_no: list[int] = []
    index: list[int] = []
    texts: list[str] = []
    article_ids: list[str] = []
    story_ids: list[str] = []
    for story in stories:
        present = sorted({a for a in story.articles if sentences_by_article.get(a)})
        if len(present) < 2:
            continue
        s = len(story_ids)
        story_ids.append(story.id)
        for article_id in present:
            a = len(article_ids)
            article_ids.append(article_id)
            for sentence in sorted(sentences_by_article[article_id], key=lambda x: x.index):
                story_no.append(s)
                article_no.append(a)
                index.append(sentence.index)
                texts.append(sentence.text)
    return _Rows(
        story=np.array(story_no, dtype=np.int64),
        article=np.array(article_no, dtype=np.int64),
        index=np.array(index, dtype=np.int64),
        texts=texts,
        article_ids=article_ids,
        story_ids=story_ids,
    )


# --------------------------------------------------------------------------------- pairs


@dataclass
class _Pairs:
    """Similarities of sentence pairs from different articles of one story, both directions."""

    a: IntArray  # row
    b: IntArray  # row
    score: FloatArray


def _pairs(vectors: sp.csr_matrix, rows: _Rows, floor: float, usable: npt.NDArray[np.bool_]) -> _Pairs:
    # a product entry is summed over its own two rows only: leaving unusable rows out of the
    # product changes none of the other entries
    kept = np.flatnonzero(usable)
    part = vectors[kept]
    product = (part @ part.T).tocoo()
    a, b = kept[product.row], kept[product.col]
    score = np.minimum(product.data, 1.0)
    keep = (rows.article[a] != rows.article[b]) & (score >= floor)
    return _Pairs(a=a[keep], b=b[keep], score=score[keep])


# --------------------------------------------------------------------------------- links


@dataclass
class _Best:
    """Best and runner-up match of every (row, other article) that has one, sorted by key."""

    key: IntArray  # row * number of articles + other article
    row: IntArray
    score: FloatArray
    second_row: IntArray  # -1: none
    second: FloatArray
    n_articles: int

    def lookup(self, row: IntArray, article: IntArray) -> IntArray:
        """Entry of each (row, article), -1 where there is none."""
        keys = row * self.n_articles + article
        pos = np.minimum(np.searchsorted(self.key, keys), len(self.key) - 1)
        found: IntArray = np.where(self.key[pos] == keys, pos, -1)
        return found


def _best(pairs: _Pairs, rows: _Rows) -> _Best:
    n_articles = len(rows.article_ids)
    other = rows.article[pairs.b]
    # ties broken by row number
    order = np.lexsort((pairs.b, -pairs.score, other, pairs.a))
    b, s = pairs.b[order], pairs.score[order]
    group = pairs.a[order] * n_articles + other[order]
    first = np.ones(len(group), dtype=bool)
    first[1:] = group[1:] != group[:-1]
    key = group[first]
    has_second = np.zeros(len(group), dtype=bool)
    has_second[1:] = first[:-1] & ~first[1:]  # the entry right after a group's first
    second_pos = np.searchsorted(key, group[has_second])
    second = np.zeros(len(key))
    second[second_pos] = s[has_second]
    second_row = np.full(len(key), -1, dtype=np.int64)
    second_row[second_pos] = b[has_second]
    return _Best(key, b[first], s[first], second_row, second, n_articles)


class _Dots:
    """Dot products of rows of a sparse matrix, summed over shared columns in column order."""

    def __init__(self, matrix: sp.csr_matrix) -> None:
        self.matrix = matrix
        self.rows: dict[int, tuple[IntArray, FloatArray]] = {}

    def row(self, r: int) -> tuple[IntArray, FloatArray]:
        known = self.rows.get(r)
        if known is None:
            start, end = self.matrix.indptr[r], self.matrix.indptr[r + 1]
            indices, data = self.matrix.indices[start:end], self.matrix.data[start:end]
            order = np.argsort(indices)
            known = self.rows[r] = (indices[order], data[order])
        return known

    def __call__(self, x: int, y: int) -> float:
        (xi, xd), (yi, yd) = self.row(x), self.row(y)
        if len(xi) == 0 or len(yi) == 0:
            return 0.0
        pos = np.minimum(np.searchsorted(yi, xi), len(yi) - 1)
        hit = yi[pos] == xi
        return float(np.dot(xd[hit], yd[pos[hit]]))


def _links(
    pairs: _Pairs, rows: _Rows, vectors: sp.csr_matrix, settings: AlignSettings, from_parts: bool = True
) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int, int]]]:
    """Mutual-best links (score, row, row), strongest first (ties by rows), and many-to-one
    attachments (score, row of the whole sentence, row of its partner, row of the attached part);
    without `from_parts`, only those found while judging the links' margins."""
    if len(pairs.score) == 0:
        return [], []
    best = _best(pairs, rows)
    src = best.key // best.n_articles
    back = best.lookup(best.row, rows.article[src])  # the partner's best in the source article
    mutual = (back >= 0) & (best.row[np.maximum(back, 0)] == src)
    dot = _Dots(vectors)

    def split(whole: int, first: int, second: int) -> bool:
        """`whole` matches the two (adjacent) sentences together clearly better than either."""
        with_f, with_g, f_g = dot(whole, first), dot(whole, second), dot(first, second)
        norm = math.sqrt(max(2.0 + 2.0 * f_g, 1e-12))  # |f + g| for unit rows
        return (with_f + with_g) / norm >= max(with_f, with_g) + settings.split_gain

    def adjacent(x: IntArray, y: IntArray) -> npt.NDArray[np.bool_]:
        return np.abs(rows.index[x] - rows.index[y]) == 1

    k = np.flatnonzero(mutual & (best.score >= settings.link) & (src < best.row))
    i, j, kb, score = src[k], best.row[k], back[k], best.score[k]
    margins_ok = np.ones(len(k), dtype=bool)
    attach: list[tuple[int, tuple[float, int, int, int]]] = []  # (candidate, split)
    # runner-ups on either side: a rival, unless it is the other half of a split sentence
    for entry, whole, partner in ((k, i, j), (kb, j, i)):
        rival, rival_score = best.second_row[entry], best.second[entry]
        is_split = (rival >= 0) & (rival_score >= settings.split_floor) & adjacent(np.maximum(rival, 0), partner)
        for n in np.flatnonzero(is_split).tolist():
            w, p, r = int(whole[n]), int(partner[n]), int(rival[n])
            is_split[n] = split(w, p, r)
            if is_split[n]:
                attach.append((n, (float(rival_score[n]), w, p, r)))
        margins_ok &= (rival < 0) | is_split | (score - rival_score >= settings.margin)
    accepted = (score >= settings.sure) | margins_ok
    order = np.lexsort((j, i, -score))
    order = order[accepted[order]]
    links = list(zip(score[order].tolist(), i[order].tolist(), j[order].tolist(), strict=True))
    splits = [one for n, one in attach if accepted[n]]
    if not from_parts:
        return links, splits
    linked = set(k[accepted].tolist()) | set(kb[accepted].tolist())  # best-match entries of links

    # many-to-one, seen from the part: its best match is a sentence whose own best is the
    # part's neighbour, linked above
    index, best_row = rows.index.tolist(), best.row.tolist()
    parts = np.flatnonzero(~mutual & (best.score >= settings.split_floor))
    wholes = best.lookup(best.row[parts], rows.article[src[parts]])
    for n, part, w in zip(parts.tolist(), src[parts].tolist(), wholes.tolist(), strict=True):
        if w < 0 or w not in linked:
            continue
        whole, partner = best_row[n], best_row[w]
        if abs(index[partner] - index[part]) == 1 and split(whole, partner, part):
            splits.append((float(best.score[n]), whole, partner, part))
    return links, sorted(set(splits))


# --------------------------------------------------------------------------------- groups


def _mean(values: list[float]) -> float:
    """np.mean, bit for bit (one or two values: the same sum and division without its overhead)."""
    if len(values) <= 2:
        return sum(values) / len(values)
    return float(np.mean(values))


class _Forest:
    """Union-find over rows; a group (root) knows its articles, link scores and size.

    A group's articles are bits of an int (each article numbered within its story): testing
    and merging them is one `&` or `|`, where sets cost a new set per merge and per look-up of
    a single row (313k links at 10k articles)."""

    def __init__(self, articles: list[int]) -> None:
        self.parent = list(range(len(articles)))
        self.articles = [1 << a for a in articles]  # valid at roots
        self.scores: dict[int, list[float]] = {}  # only groups of two or more
        self.sizes: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        up = parent[x]
        while up != x:
            parent[x] = x = parent[up]  # path halving
            up = parent[x]
        return x

    def disjoint(self, rx: int, ry: int) -> bool:
        """The two groups hold no article in common."""
        return not self.articles[rx] & self.articles[ry]

    def size(self, root: int) -> int:
        return self.sizes.get(root, 1)

    def union(self, rx: int, ry: int, score: float) -> None:
        """Merge two groups (the lower root stays) or, within one group, record the score."""
        if rx == ry:
            self.scores[rx].append(score)
            return
        keep, gone = (rx, ry) if rx < ry else (ry, rx)
        self.parent[gone] = keep
        self.articles[keep] |= self.articles[gone]
        self.scores[keep] = [*self.scores.get(keep, []), *self.scores.pop(gone, []), score]
        self.sizes[keep] = self.sizes.get(keep, 1) + self.sizes.pop(gone, 1)


def _groups(
    links: list[tuple[float, int, int]],
    splits: list[tuple[float, int, int, int]],
    rows: _Rows,
) -> list[Alignment]:
    """Groups from the links taken strongest first (`links` comes sorted), then the many-to-one
    attachments of single sentences."""
    article, index, story = rows.article.tolist(), rows.index.tolist(), rows.story.tolist()
    # articles are numbered story by story (`_collect`): each row's counted from its story's first
    first_row = np.searchsorted(rows.story, rows.story)
    forest = _Forest((rows.article - rows.article[first_row]).tolist())
    find, disjoint = forest.find, forest.disjoint
    for score, x, y in links:
        rx, ry = find(x), find(y)
        if rx != ry and disjoint(rx, ry):
            forest.union(rx, ry, score)
    for score, whole, partner, part in sorted(splits, key=lambda t: (-t[0], t[1], t[3])):
        if find(whole) == find(partner) and forest.size(find(part)) == 1:
            forest.union(find(whole), find(part), score)

    members: dict[int, list[int]] = {}
    for root in forest.scores:
        members[root] = []
    for x in range(len(article)):
        group = members.get(find(x))
        if group is not None:
            group.append(x)
    # rows are numbered in (story, article, sentence index) order (`_collect`), and each group's
    # members were gathered in row order: they are sorted by (article, index) already, and groups
    # sort by (story, article, index) of their first member when they sort by its row
    out: list[tuple[int, Alignment]] = []
    for root, rows_in in members.items():
        first = rows_in[0]
        alignment = Alignment(
            story=rows.story_ids[story[first]],
            score=round(min(max(_mean(forest.scores[root]), 0.0), 1.0), 4),
            sentences=[(rows.article_ids[article[r]], index[r]) for r in rows_in],
        )
        out.append((first, alignment))
    out.sort(key=lambda pair: pair[0])
    return [alignment for _, alignment in out]


def shared_statements(
    query: Sequence[str],
    others: Sequence[Sequence[str]],
    settings: AlignSettings | None = None,
) -> list[int]:
    """How many statements of `query` are aligned with statements of each text in `others`
    (sentence lists), each pair aligned on its own, all pairs in one stacked pass.

    The number of groups `align_all` would make of each pair, counted from its links: in a story
    of two articles a sentence is in one mutual-best link at most, so every link founds a group
    of its own, and many-to-one attachments only join groups (`test_align_shared_statements`)."""
    settings = settings or AlignSettings()
    if not query or not others:
        return [0] * len(others)
    stories: list[Story] = []
    sentences: dict[str, list[Sentence]] = {"q": [Sentence("q", k, 0, len(t), t) for k, t in enumerate(query)]}
    for n, texts in enumerate(others):
        key = f"o{n}"
        sentences[key] = [Sentence(key, k, 0, len(t), t) for k, t in enumerate(texts)]
        stories.append(Story(id=str(n), title="", articles=["q", key]))
    counts = [0] * len(others)
    rows = _collect(stories, sentences)
    if len(rows.texts) < 2:
        return counts
    vectors, words = sentence_vectors(rows.texts, rows.story, settings.word_share, settings.name_weight)
    pairs = _pairs(vectors, rows, settings.floor, words >= settings.min_words)
    links, _ = _links(pairs, rows, vectors, settings, from_parts=False)
    for _, first, _ in links:
        counts[int(rows.story_ids[int(rows.story[first])])] += 1
    return counts
