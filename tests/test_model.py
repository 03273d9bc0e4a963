"""The data model: what crosses process boundaries must come back the same."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from checker.model import Claim, Sentence

SENTENCE = Sentence(article="a1", index=3, start=10, end=42, text="Russia holds 18% of Ukraine.")
CLAIM = Claim(
    article="a1",
    sentence=3,
    kind="quantity",
    start=23,
    end=26,
    text="18%",
    value={"value": 18.0, "unit": "%", "hedge": "", "measure": "territory"},
)


@pytest.mark.parametrize("item", [SENTENCE, CLAIM], ids=["sentence", "claim"])
@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_pickle_round_trip(item: Sentence | Claim, protocol: int) -> None:
    back = pickle.loads(pickle.dumps(item, protocol=protocol))
    assert back == item and type(back) is type(item)


@pytest.mark.parametrize("item", [SENTENCE, CLAIM], ids=["sentence", "claim"])
def test_reduce_carries_every_field(item: Sentence | Claim) -> None:
    """A field added to the class but not to its `__reduce__` would be lost between processes."""
    _, args = item.__reduce__()
    assert args == tuple(getattr(item, f.name) for f in dataclasses.fields(item))


def test_copies_keep_the_claim_id() -> None:
    assert copy.deepcopy(CLAIM).id == CLAIM.id
    assert copy.copy(SENTENCE) == SENTENCE
