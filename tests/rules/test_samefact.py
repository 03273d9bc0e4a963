"""Same-fact evidence beyond alignment: the aligner's similarity for any two sentences of a story."""

from __future__ import annotations

from datetime import date

import pytest

from checker.rules.samefact import mutual_best, sentence_cosine
from tests.rules.conftest import BuildContext

DAY = date(2021, 7, 9)
RELEASE_A = "Data released Thursday by the Labor Department showed 373,000 Americans filed new jobless claims."
RELEASE_B = "New jobless claims rose to 373,000, data released Thursday by the Labor Department showed."
OTHER = "A storm closed schools across the capital on Thursday, officials said."


def _dates(context: BuildContext, a: str, b: str) -> list:
    ctx = context([("A", DAY, a), ("B", DAY, b)], aligned=False)
    return [ctx, *ctx.claims_of("date")]


def test_cosine_of_a_sentence_with_itself_is_one(context: BuildContext) -> None:
    ctx, x, y = _dates(context, RELEASE_A, RELEASE_A)
    assert sentence_cosine(ctx, x, y) == pytest.approx(1.0)


def test_a_paraphrase_scores_above_a_sentence_on_another_thing(context: BuildContext) -> None:
    ctx, x, y, z = _dates(context, RELEASE_A, f"{OTHER} {RELEASE_B}")
    assert sentence_cosine(ctx, x, z) > sentence_cosine(ctx, x, y)


def test_mutual_best_picks_the_paraphrase_not_the_other_sentence(context: BuildContext) -> None:
    ctx, x, storm, release = _dates(context, RELEASE_A, f"{OTHER} {RELEASE_B}")
    assert mutual_best(ctx, x, release)
    assert not mutual_best(ctx, x, storm)
