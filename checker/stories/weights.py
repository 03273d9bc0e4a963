"""Term weights of story grouping, and the vector arithmetic over them.

Weights: (1 + ln tf) * idf, idf = ln(1 + (N - df + 0.5) / (df + 0.5)); names and numbers get up to
`StorySettings.name_weight` times more, in proportion to their rarity.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def idf(df: IntArray, n_docs: int) -> FloatArray:
    """Inverse document frequency of terms found in `df` of `n_docs` articles."""
    df_f = np.asarray(df, dtype=np.float64)
    return np.log1p((n_docs - df_f + 0.5) / (df_f + 0.5))


def term_weights(df: IntArray, boost: FloatArray, logtf: FloatArray, n_docs: int) -> FloatArray:
    """Weights of an article's terms, given each term's document frequency, name boost and
    1 + ln(count), among `n_docs` articles."""
    inverse = idf(df, n_docs)
    # names and numbers weigh more the rarer they are: a name most articles share
    # ("Russia", "NATO") is no better evidence than a common word
    rarity = inverse / float(idf(np.array([1], dtype=np.int64), n_docs)[0])
    w: FloatArray = logtf * inverse * (1.0 + (boost - 1.0) * rarity)
    return w


class FlatWeights:
    """Articles' term ids, weights and norms, computed once per article while the document
    frequencies stay as they are, in flat arrays: a query's ~64 candidates are gathered with one
    indexing instead of being concatenated article by article (a third of the cosines' cost)."""

    def __init__(self) -> None:
        self.at = -1  # the count of frequency changes the weights hold for
        self.start = np.zeros(0, dtype=np.int64)  # article index -> offset in ids/weights, -1: not yet
        self.length = np.zeros(0, dtype=np.int64)
        self.norm = np.zeros(0)
        self.ids = np.zeros(0, dtype=np.int32)  # a vocabulary index: 4 bytes are plenty
        self.weights = np.zeros(0)
        self.used = 0

    def reset(self, at: int) -> None:
        self.__init__()  # type: ignore[misc]
        self.at = at

    def clear(self) -> None:
        self.reset(-1)

    def gather(
        self,
        docs: IntArray,
        tids: list[IntArray],
        logtf: list[FloatArray],
        weigh: Callable[[IntArray, FloatArray], FloatArray],
    ) -> tuple[npt.NDArray[np.int32], FloatArray, IntArray, FloatArray]:
        """The docs' term ids and weights end to end, where each doc starts in them, and each
        doc's norm."""
        if len(self.start) < len(tids):
            grown = max(len(tids), 2 * len(self.start), 1024)
            self.start = np.concatenate([self.start, np.full(grown - len(self.start), -1, dtype=np.int64)])
            self.length = np.concatenate([self.length, np.zeros(grown - len(self.length), dtype=np.int64)])
            self.norm = np.concatenate([self.norm, np.zeros(grown - len(self.norm))])
        self._weigh(docs[self.start[docs] < 0].tolist(), tids, logtf, weigh)
        first, lengths = self.start[docs], self.length[docs]
        ends = np.cumsum(lengths)
        starts = ends - lengths
        positions = np.arange(int(ends[-1]), dtype=np.int64) + np.repeat(first - starts, lengths)
        return self.ids[positions], self.weights[positions], starts, self.norm[docs]

    def _weigh(
        self,
        docs: list[int],
        tids: list[IntArray],
        logtf: list[FloatArray],
        weigh: Callable[[IntArray, FloatArray], FloatArray],
    ) -> None:
        if not docs:
            return
        lengths = np.array([len(tids[d]) for d in docs], dtype=np.int64)
        ids = np.concatenate([tids[d] for d in docs])
        # element by element: the same weights as each doc weighed on its own
        weights = weigh(ids, np.concatenate([logtf[d] for d in docs]))
        starts = np.cumsum(lengths) - lengths
        norms = np.sqrt(np.add.reduceat(weights * weights, starts))
        need = self.used + len(ids)
        if need > len(self.ids):
            grown = max(need, 2 * len(self.ids), 1 << 16)
            self.ids = np.concatenate([self.ids[: self.used], np.zeros(grown - self.used, dtype=np.int32)])
            self.weights = np.concatenate([self.weights[: self.used], np.zeros(grown - self.used)])
        at = np.array(docs, dtype=np.int64)
        self.start[at], self.length[at], self.norm[at] = self.used + starts, lengths, norms
        self.ids[self.used : need], self.weights[self.used : need] = ids, weights
        self.used = need


def top_k(docs: IntArray, values: FloatArray, k: int) -> list[int]:
    """The `k` docs of the highest values (ties: the lower docs), ascending: the first `k` of a
    sort by (-value, doc) found by partition, which costs a fraction of the sort. `docs` are
    distinct, in any order."""
    if len(docs) <= k:
        return sorted(docs.tolist())
    kth = np.partition(values, len(values) - k)[len(values) - k]  # the k-th highest value
    above = docs[values > kth]
    tied = np.sort(docs[values == kth])[: k - len(above)]
    return sorted([*above.tolist(), *tied.tolist()])
