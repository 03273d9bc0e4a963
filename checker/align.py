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

Cost: vectors for all sentences of all stories are built at once; stories are stacked into one
sparse product in which each story has its own copy of every feature column, so sentences of
different stories never meet (cost linear in the number of stories, no corpus all-pairs).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from checker.model import Alignment, Sentence, Story
from checker.textsim import NAME_MARK, SentenceToken, proper_nouns, sentence_tokens, word_ngrams

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
    """Sentences of all stories, one row each, stories contiguous."""

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
    vectors, words = _vectors(rows, settings)
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


# --------------------------------------------------------------------------------- vectors


def _vectors(rows: _Rows, settings: AlignSettings) -> tuple[sp.csr_matrix, IntArray]:
    """Unit-length rows: sqrt(word_share) * word TF-IDF ++ sqrt(1 - word_share) * char TF-IDF,
    IDF per story, columns private to each story; and the number of content words per row.

    Character n-grams are generated once per distinct word: a sentence's character counts are
    its word counts times the words' n-gram counts (one sparse product)."""
    # grey-zone evidence stacks the same article's sentences once per candidate: tokenise each text once
    known: dict[str, list[SentenceToken]] = {}
    tokens = [known[text] if text in known else known.setdefault(text, sentence_tokens(text)) for text in rows.texts]
    names_of = _story_names(rows, tokens)
    word_feats: list[list[str]] = []
    char_words: list[list[str]] = []
    content = np.zeros(len(tokens), dtype=np.int64)
    for r, sentence in enumerate(tokens):
        names = names_of[int(rows.story[r])]
        stems = [(NAME_MARK + st if w in names else st) for w, st, _ in sentence if st]
        content[r] = len(stems)
        bigrams = [
            (NAME_MARK if a.startswith(NAME_MARK) or b.startswith(NAME_MARK) else "")
            + a.removeprefix(NAME_MARK)
            + " "
            + b.removeprefix(NAME_MARK)
            for a, b in itertools.pairwise(stems)
        ]
        word_feats.append(stems + bigrams)
        char_words.append([(NAME_MARK + w if w in names else w) for w, _, _ in sentence])
    words, word_names = _count(word_feats)
    per_word, vocabulary = _count(char_words)
    grams, gram_names = _count(
        [
            [NAME_MARK + g if w.startswith(NAME_MARK) else g for g in word_ngrams(w.removeprefix(NAME_MARK))]
            for w in vocabulary
        ]
    )
    chars = sp.csr_matrix(per_word @ grams)
    parts = []
    for share, counts, feature_names in (
        (settings.word_share, words, word_names),
        (1.0 - settings.word_share, chars, gram_names),
    ):
        is_name = np.array([f.startswith(NAME_MARK) for f in feature_names], dtype=bool)
        column_weight = np.where(is_name, settings.name_weight, 1.0)
        parts.append(_story_tfidf(counts, rows.story, column_weight) * np.sqrt(share))
    return _normalise(sp.hstack(parts, format="csr")), content


def _count(docs: list[list[str]]) -> tuple[sp.csr_matrix, list[str]]:
    """Count matrix of feature lists (rows = docs) and the feature names by column."""
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for doc in docs:
        for feature in doc:
            column = vocabulary.setdefault(feature, len(vocabulary))
            indices.append(column)
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
        shape=(len(docs), len(vocabulary)),
    )
    matrix.sum_duplicates()
    return matrix, list(vocabulary)


def _story_names(rows: _Rows, tokens: list[list[SentenceToken]]) -> list[frozenset[str]]:
    """Each story's proper nouns."""
    per_story: list[list[list[SentenceToken]]] = [[] for _ in rows.story_ids]
    for s, sentence in zip(rows.story.tolist(), tokens, strict=True):
        per_story[s].append(sentence)
    return [proper_nouns(t) for t in per_story]


def _story_tfidf(counts: sp.csr_matrix, story: IntArray, column_weight: FloatArray) -> sp.csr_matrix:
    """(1 + ln tf) * (ln((1 + n) / (1 + df)) + 1) * column weight, with n and df counted within
    each row's story; rows scaled to unit length. The columns of the result are private to a
    story (one per story and feature), so that a product of these rows never pairs sentences
    of different stories, and a column's df is simply how many rows use it."""
    coo = counts.tocoo()
    r, c = coo.row.astype(np.int64), coo.col.astype(np.int64)
    unique_keys, private = np.unique(story[r] * counts.shape[1] + c, return_inverse=True)
    df = np.bincount(private)[private]
    n_rows = np.bincount(story)[story[r]]
    weight = (1.0 + np.log(coo.data)) * (np.log((1.0 + n_rows) / (1.0 + df)) + 1.0) * column_weight[c]
    out = sp.csr_matrix((weight, (r, private)), shape=(counts.shape[0], len(unique_keys)))
    return _normalise(out)


def _normalise(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


# --------------------------------------------------------------------------------- pairs


@dataclass
class _Pairs:
    """Similarities of sentence pairs from different articles of one story, both directions."""

    a: IntArray  # row
    b: IntArray  # row
    score: FloatArray


def _pairs(vectors: sp.csr_matrix, rows: _Rows, floor: float, usable: npt.NDArray[np.bool_]) -> _Pairs:
    product = (vectors @ vectors.T).tocoo()
    a, b = product.row.astype(np.int64), product.col.astype(np.int64)
    score = np.minimum(product.data, 1.0)
    keep = (rows.article[a] != rows.article[b]) & (score >= floor) & usable[a] & usable[b]
    return _Pairs(a=a[keep], b=b[keep], score=score[keep])


# --------------------------------------------------------------------------------- links


def _links(
    pairs: _Pairs, rows: _Rows, vectors: sp.csr_matrix, settings: AlignSettings
) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int, int]]]:
    """Mutual-best links (score, row, row) and many-to-one attachments
    (score, row of the whole sentence, row of its partner, row of the attached part)."""
    if len(pairs.score) == 0:
        return [], []
    n_articles = len(rows.article_ids)
    other = rows.article[pairs.b]
    # best and runner-up of every (row, other article), ties broken by row number
    order = np.lexsort((pairs.b, -pairs.score, other, pairs.a))
    a, b, s, o = pairs.a[order], pairs.b[order], pairs.score[order], other[order]
    group = a * n_articles + o
    first = np.ones(len(group), dtype=bool)
    first[1:] = group[1:] != group[:-1]
    best_key = group[first]
    best_row = b[first]
    best_score = s[first]
    second = np.zeros(len(best_key))
    has_second = np.zeros(len(group), dtype=bool)
    has_second[1:] = first[:-1] & ~first[1:]  # the entry right after a group's first
    second_pos = np.searchsorted(best_key, group[has_second])
    second[second_pos] = s[has_second]

    def lookup(row: IntArray, article: IntArray) -> IntArray:
        keys = row * n_articles + article
        pos = np.minimum(np.searchsorted(best_key, keys), len(best_key) - 1)
        found: IntArray = np.where(best_key[pos] == keys, pos, -1)
        return found

    second_row = np.full(len(best_key), -1, dtype=np.int64)
    second_row[second_pos] = b[has_second]
    src = best_key // n_articles
    back = lookup(best_row, rows.article[src])  # the partner's best in the source article
    mutual = (back >= 0) & (best_row[np.maximum(back, 0)] == src)

    def adjacent(x: int, y: int) -> bool:
        return abs(int(rows.index[x]) - int(rows.index[y])) == 1

    def split(whole: int, first: int, second: int) -> bool:
        """`whole` matches the two (adjacent) sentences together clearly better than either."""
        w, f, g = _row(vectors, whole), _row(vectors, first), _row(vectors, second)
        with_f, with_g, f_g = _dot(w, f), _dot(w, g), _dot(f, g)
        norm = np.sqrt(max(2.0 + 2.0 * f_g, 1e-12))  # |f + g| for unit rows
        return (with_f + with_g) / norm >= max(with_f, with_g) + settings.split_gain

    links: list[tuple[float, int, int]] = []
    splits: list[tuple[float, int, int, int]] = []
    linked: set[int] = set()  # best-match entries (k) whose pair was linked
    for k in np.flatnonzero(mutual & (best_score >= settings.link) & (src < best_row)):
        i, j, score, kb = int(src[k]), int(best_row[k]), float(best_score[k]), int(back[k])
        margins: list[float] = []
        attach: list[tuple[float, int, int, int]] = []
        # runner-ups on either side: a rival, unless it is the other half of a split sentence
        for entry, whole, partner in ((k, i, j), (kb, j, i)):
            rival = int(second_row[entry])
            if rival < 0:
                continue
            rival_score = float(second[entry])
            if rival_score >= settings.split_floor and adjacent(rival, partner) and split(whole, partner, rival):
                attach.append((rival_score, whole, partner, rival))
            else:
                margins.append(score - rival_score)
        if score >= settings.sure or all(m >= settings.margin for m in margins):
            links.append((score, i, j))
            splits.extend(attach)
            linked.update((int(k), kb))

    # many-to-one, seen from the part: its best match is a sentence whose own best is the
    # part's neighbour, linked above
    for k in np.flatnonzero(~mutual & (best_score >= settings.split_floor)):
        part, whole = int(src[k]), int(best_row[k])
        w = int(lookup(np.array([whole]), np.array([rows.article[part]]))[0])
        if w < 0 or w not in linked:
            continue
        partner = int(best_row[w])
        if adjacent(partner, part) and split(whole, partner, part):
            splits.append((float(best_score[k]), whole, partner, part))
    return links, sorted(set(splits))


def _row(matrix: sp.csr_matrix, r: int) -> tuple[IntArray, FloatArray]:
    start, end = matrix.indptr[r], matrix.indptr[r + 1]
    return matrix.indices[start:end], matrix.data[start:end]


def _dot(x: tuple[IntArray, FloatArray], y: tuple[IntArray, FloatArray]) -> float:
    _, ix, iy = np.intersect1d(x[0], y[0], assume_unique=True, return_indices=True)
    return float(np.dot(x[1][ix], y[1][iy]))


# --------------------------------------------------------------------------------- groups


def _groups(
    links: list[tuple[float, int, int]],
    splits: list[tuple[float, int, int, int]],
    rows: _Rows,
) -> list[Alignment]:
    parent: dict[int, int] = {}
    articles: dict[int, set[int]] = {}
    scores: dict[int, list[float]] = {}
    size: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def ensure(x: int) -> int:
        root = find(x)
        articles.setdefault(root, {int(rows.article[x])})
        scores.setdefault(root, [])
        return root

    def union(x: int, y: int, score: float) -> None:
        rx, ry = ensure(x), ensure(y)
        if rx == ry:
            scores[rx].append(score)
            return
        keep, gone = (rx, ry) if rx < ry else (ry, rx)
        parent[gone] = keep
        articles[keep] |= articles.pop(gone)
        scores[keep] += [*scores.pop(gone), score]
        size[keep] = size.pop(keep, 1) + size.pop(gone, 1)

    for score, x, y in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        rx, ry = ensure(x), ensure(y)
        if rx != ry and articles[rx].isdisjoint(articles[ry]):
            union(x, y, score)
    for score, whole, partner, part in sorted(splits, key=lambda t: (-t[0], t[1], t[3])):
        if find(whole) == find(partner) and size.get(find(part), 1) == 1:
            union(whole, part, score)

    members: dict[int, list[int]] = {}
    for x in parent:
        members.setdefault(find(x), []).append(x)
    out: list[tuple[tuple[int, int, int], Alignment]] = []
    for root, rows_in in members.items():
        if len(rows_in) < 2:
            continue
        rows_in.sort(key=lambda r: (int(rows.article[r]), int(rows.index[r])))
        first = rows_in[0]
        values = scores[root]
        out.append(
            (
                (int(rows.story[first]), int(rows.article[first]), int(rows.index[first])),
                Alignment(
                    story=rows.story_ids[int(rows.story[first])],
                    score=round(float(np.clip(np.mean(values), 0.0, 1.0)), 4),
                    sentences=[(rows.article_ids[int(rows.article[r])], int(rows.index[r])) for r in rows_in],
                ),
            )
        )
    out.sort(key=lambda pair: pair[0])
    return [alignment for _, alignment in out]


def shared_statements(
    query: Sequence[str],
    others: Sequence[Sequence[str]],
    settings: AlignSettings | None = None,
) -> list[int]:
    """How many statements of `query` are aligned with statements of each text in `others`
    (sentence lists), each pair aligned on its own, all pairs in one stacked pass."""
    if not query or not others:
        return [0] * len(others)
    stories: list[Story] = []
    sentences: dict[str, list[Sentence]] = {"q": [Sentence("q", k, 0, len(t), t) for k, t in enumerate(query)]}
    for n, texts in enumerate(others):
        key = f"o{n}"
        sentences[key] = [Sentence(key, k, 0, len(t), t) for k, t in enumerate(texts)]
        stories.append(Story(id=str(n), title="", articles=["q", key]))
    counts = [0] * len(others)
    for alignment in align_all(stories, sentences, settings):
        counts[int(alignment.story)] += 1
    return counts
