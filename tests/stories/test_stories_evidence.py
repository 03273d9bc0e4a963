"""Shared-statement evidence (`checker.stories.evidence`)."""

from __future__ import annotations

from checker.stories.evidence import SharedEvidence

MINE = [
    "The harbour master said the northern terminal would reopen on Monday.",
    "Three cranes were damaged when the storm reached the coast on Thursday night.",
    "Shipping companies were told to expect delays of up to a week.",
]
RETOLD = (
    "The northern terminal will reopen on Monday, the harbour master said.\n"
    "Three cranes were damaged as the storm reached the coast on Thursday night."
)
UNRELATED = (
    "The city council approved a new budget for public libraries.\n"
    "Voting was delayed by an hour because of a fire alarm."
)


def test_statements_told_again_count_and_unrelated_ones_do_not() -> None:
    shared = SharedEvidence()
    shared.remember("retold", RETOLD)
    shared.remember("other", UNRELATED)
    totals = shared.shared("new", MINE, [7, 8], {7: [0], 8: [1]}, ["retold", "other"])
    assert totals[0] >= 2 and totals[1] == 0


def test_texts_come_from_text_of_when_given() -> None:
    texts = {"retold": RETOLD}
    looked_up: list[str] = []

    def text_of(article_id: str) -> str | None:
        looked_up.append(article_id)
        return texts.get(article_id)

    shared = SharedEvidence(text_of)
    shared.remember("retold", "not kept: text_of can look it up")
    assert shared.shared("new", MINE, [0], {0: [0]}, ["retold"])[0] >= 2
    assert looked_up == ["retold"]


def test_an_article_is_aligned_once_with_each_stored_article_until_placed(pairs: list[int]) -> None:
    shared = SharedEvidence()
    shared.remember("retold", RETOLD)
    first = shared.shared("new", MINE, [0], {0: [0]}, ["retold"])
    assert shared.shared("new", MINE, [0], {0: [0]}, ["retold"]) == first  # a deferred pass
    assert pairs == [1, 0]
    shared.placed("new")
    shared.shared("new", MINE, [0], {0: [0]}, ["retold"])
    assert pairs == [1, 0, 1]


def test_a_story_sums_its_closest_articles_and_no_sentences_share_nothing() -> None:
    shared = SharedEvidence()
    for name in ("a", "b"):
        shared.remember(name, RETOLD)
    one = shared.shared("new", MINE, [0], {0: [0]}, ["a", "b"])[0]
    assert shared.shared("new", MINE, [0], {0: [0, 1]}, ["a", "b"]) == [2 * one]
    assert shared.shared("empty", [], [0, 1], {0: [0], 1: [1]}, ["a", "b"]) == [0, 0]
