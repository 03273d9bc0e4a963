"""Same-fact evidence shared by the rules: how alike two claims' sentences are, beyond alignment.

The aligner links a sentence to one counterpart per article, its mutual best above a floor: a
paraphrase whose best match in the other article is another sentence ("Data released Thursday by
the Labor Department showed 373,000 ..." and "... rose to 373,000, the Labor Department said
Thursday", each with a closer sentence elsewhere) is left unlinked, and the facts the two state
were never compared. `sentence_cosine` gives any two sentences of a story the aligner's own
similarity (TF-IDF over words and character n-grams, IDF within the story), so a rule can pair
claims in sentences the aligner left apart when the claims' own slots agree as well.

Measured on real reporting (docs/accuracy.md): cross-outlet sentences stating one fact mostly
score 0.15 and up, while sentences sharing only the story's subject mostly score below.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from checker.align import AlignSettings
from checker.align.vectors import sentence_vectors
from checker.model import Claim
from checker.rules.base import StoryContext

SIMILAR_SENTENCES = 0.15  # cosine from which two sentences may state one fact (see the module doc)

_Vectors = tuple[dict[tuple[str, int], int], sp.csr_matrix]


def _story_vectors(ctx: StoryContext) -> _Vectors:
    """One row per sentence of the story's articles, as the aligner builds them (once per story)."""
    cached: _Vectors | None = ctx.cache.get("sentence vectors")
    if cached is None:
        keys = [(article, s.index) for article in ctx.story.articles for s in ctx.sentences.get(article, [])]
        texts = [ctx.sentences[article][index].text for article, index in keys]
        if texts:
            settings = AlignSettings()
            matrix, _ = sentence_vectors(
                texts, np.zeros(len(texts), dtype=np.int64), settings.word_share, settings.name_weight
            )
        else:
            matrix = sp.csr_matrix((0, 0))
        cached = ctx.cache["sentence vectors"] = ({key: row for row, key in enumerate(keys)}, matrix)
    return cached


def sentence_cosine(ctx: StoryContext, a: Claim, b: Claim) -> float:
    """The aligner's similarity of the two claims' sentences, in [0, 1]."""
    rows, matrix = _story_vectors(ctx)
    ra, rb = rows.get((a.article, a.sentence)), rows.get((b.article, b.sentence))
    if ra is None or rb is None:
        return 0.0
    return float(matrix[ra].multiply(matrix[rb]).sum())


def _best_in(ctx: StoryContext, article: str, sentence: int, other: str) -> int | None:
    """The sentence of `other` most like the given one (the lowest index on a tie)."""
    memo: dict[tuple[str, int, str], int | None] = ctx.cache.setdefault("best sentence", {})
    key = (article, sentence, other)
    if key not in memo:
        rows, matrix = _story_vectors(ctx)
        row = rows.get((article, sentence))
        others = [(s.index, rows[(other, s.index)]) for s in ctx.sentences.get(other, [])]
        if row is None or not others:
            memo[key] = None
        else:
            scores = (matrix[[r for _, r in others]] @ matrix[row].T).toarray().ravel()
            memo[key] = others[int(np.argmax(scores))][0]
    return memo[key]


def mutual_best(ctx: StoryContext, a: Claim, b: Claim) -> bool:
    """Each claim's sentence is the other article's sentence most like the other's: the aligner's
    own pairing, without its score floor (a paraphrase scores low but still finds its counterpart)."""
    return _best_in(ctx, a.article, a.sentence, b.article) == b.sentence and (
        _best_in(ctx, b.article, b.sentence, a.article) == a.sentence
    )
