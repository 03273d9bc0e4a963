"""Term weights and the vector helpers of story grouping (`checker.stories.weights`)."""

from __future__ import annotations

import numpy as np
import pytest

from checker.stories.weights import FlatWeights, idf, term_weights, top_k


def test_idf_falls_as_a_term_gets_common() -> None:
    values = idf(np.array([1, 10, 100, 1000], dtype=np.int64), 1000).tolist()
    assert values == sorted(values, reverse=True) and values[-1] > 0


def test_a_name_counts_more_the_rarer_it_is() -> None:
    """A boosted term (a name, a number) gets its full boost when it is as rare as can be, and
    little more than a common word when most articles share it."""
    n_docs, boost = 1000, 3.0
    logtf = np.ones(2)
    rare = term_weights(np.array([1, 1], dtype=np.int64), np.array([1.0, boost]), logtf, n_docs)
    common = term_weights(np.array([900, 900], dtype=np.int64), np.array([1.0, boost]), logtf, n_docs)
    assert rare[1] == pytest.approx(boost * rare[0])
    assert common[1] < 1.2 * common[0]


def test_weights_grow_with_the_log_of_the_count() -> None:
    df, boost = np.array([5, 5], dtype=np.int64), np.ones(2)
    once, often = term_weights(df, boost, 1.0 + np.log(np.array([1.0, 8.0])), 100).tolist()
    assert often == pytest.approx(once * (1.0 + np.log(8.0)))


def test_flat_weights_gather_each_doc_as_weighed_on_its_own() -> None:
    rng = np.random.default_rng(1)
    tids = [np.sort(rng.choice(50, size=n, replace=False)).astype(np.int64) for n in (3, 7, 1, 5)]
    logtf = [1.0 + np.log(rng.integers(1, 4, size=len(t)).astype(float)) for t in tids]
    df, boost = rng.integers(1, 9, size=50).astype(np.int64), np.ones(50)

    def weigh(ids: np.ndarray, tf: np.ndarray) -> np.ndarray:
        return term_weights(df[ids], boost[ids], tf, 10)

    flat = FlatWeights()
    flat.gather(np.array([2, 0]), tids, logtf, weigh)  # weighed in two goes: the rest later
    docs = np.array([3, 0, 1])
    ids, weights, starts, norms = flat.gather(docs, tids, logtf, weigh)
    for k, d in enumerate(docs.tolist()):
        own = weigh(tids[d], logtf[d])
        end = starts[k] + len(tids[d])
        assert ids[starts[k] : end].tolist() == tids[d].tolist()
        assert weights[starts[k] : end].tolist() == own.tolist()
        assert norms[k] == pytest.approx(float(np.sqrt(own @ own)))


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("order", ["ascending", "shuffled"])
def test_top_candidates_by_partition_equal_a_full_sort(seed: int, order: str) -> None:
    rng = np.random.default_rng(seed)
    docs = np.sort(rng.choice(5000, size=400, replace=False))
    if order == "shuffled":  # as `_candidates` gives them: in the order of their slots
        docs = rng.permutation(docs)
    values = rng.integers(0, 12, size=400).astype(float)  # many ties, at the cut too
    for k in (1, 64, 399, 400, 500):
        by_sort = sorted(docs[np.lexsort((docs, -values))][:k].tolist())
        assert top_k(docs, values, k) == by_sort
