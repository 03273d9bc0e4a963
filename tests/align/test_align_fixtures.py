"""ALIGN on small constructed stories: reordered, merged (many-to-one), paraphrased and translated
sentences are grouped; sentences that only share a name with another are not."""

from __future__ import annotations

import random

import pytest

from checker.align import AlignSettings, align_all, align_story, shared_statements
from checker.model import Alignment, Sentence, Story

# One event (a port strike), three outlets. Outlet B reorders, paraphrases and splits; outlet C
# is a loose translation. "bio" sentences share names with others but state something else.
WIRE = [
    "Dock workers at the port of Rotterdam began a 48-hour strike on Monday over pay and "
    "automation, halting container traffic at Europe's largest harbour.",
    "The FNV union said 3,000 members walked out after talks with employers collapsed on Sunday night.",
    "Union leader Niek Stam said the employers' offer of a 2% raise was an insult to workers "
    "who kept the port running during the pandemic.",
    "Port authority chief Boudewijn Siemons warned that 40 ships were already waiting at anchor "
    "and that the backlog would take a week to clear.",
    "Employers said they would return to the table only if the union called off a second strike planned for next week.",
    "Niek Stam, a former crane driver, has led the dockers' section of FNV since 2004.",
    "Shares in the terminal operator fell 3% in Amsterdam.",
]
REWRITE = [
    "Some 3,000 FNV members stopped work after negotiations with the employers broke down late "
    "on Sunday, the union said.",
    "The employers' 2% pay offer insulted workers who kept the harbour going through the "
    "pandemic, union leader Niek Stam said.",
    "Rotterdam dockers started a two-day strike on Monday.",
    "The walkout, over wages and automation, stopped container traffic in Europe's biggest port.",
    "According to port authority head Boudewijn Siemons, 40 vessels were waiting at anchor.",
    "He said clearing the backlog would take a week.",
    "Stam told reporters in Rotterdam that the union would not back down.",
]
TRANSLATED = [
    "In the port of Rotterdam, the largest of Europe, the dockers have started on Monday a "
    "strike of 48 hours for the wages and the automation, and the container traffic is "
    "stopped.",
    "According to the union FNV, 3,000 members have left the work after the failure of the "
    "negotiations with the employers in the night of Sunday.",
    "The employers declared that they would come back to the negotiation table only if the "
    "union cancels a second strike foreseen for next week.",
    "Siemons, director of the port authority, warned that 40 ships already wait at anchor and "
    "that one week will be necessary to absorb the delay.",
    "The weather in Rotterdam was rainy.",
]


def sentences(article: str, texts: list[str]) -> list[Sentence]:
    out, start = [], 0
    for index, text in enumerate(texts):
        out.append(Sentence(article, index, start, start + len(text), text))
        start += len(text) + 1
    return out


STORY = {
    "wire": sentences("wire", WIRE),
    "rewrite": sentences("rewrite", REWRITE),
    "translated": sentences("translated", TRANSLATED),
}


def groups(alignments: list[Alignment]) -> list[set[tuple[str, int]]]:
    return [set(a.sentences) for a in alignments]


def group_of(alignments: list[Alignment], member: tuple[str, int]) -> set[tuple[str, int]]:
    for group in groups(alignments):
        if member in group:
            return group
    return {member}


@pytest.fixture(scope="module")
def aligned() -> list[Alignment]:
    return align_story(STORY, "port-strike")


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        # reordered and paraphrased: wire 1 is rewrite 0 and translated 1
        (("wire", 1), {("wire", 1), ("rewrite", 0), ("translated", 1)}),
        (("wire", 2), {("wire", 2), ("rewrite", 1)}),
        (("wire", 4), {("wire", 4), ("translated", 2)}),
    ],
)
def test_reordered_paraphrased_and_translated(
    aligned: list[Alignment], member: tuple[str, int], expected: set[tuple[str, int]]
) -> None:
    assert group_of(aligned, member) == expected


@pytest.mark.parametrize(
    ("whole", "parts"),
    [
        (("wire", 0), {("rewrite", 2), ("rewrite", 3)}),  # strike began / what it stopped
        (("wire", 3), {("rewrite", 4), ("rewrite", 5)}),  # ships waiting / a week to clear
    ],
)
def test_many_to_one(aligned: list[Alignment], whole: tuple[str, int], parts: set[tuple[str, int]]) -> None:
    assert parts <= group_of(aligned, whole)


def test_translation_joins_the_split_statement(aligned: list[Alignment]) -> None:
    assert ("translated", 0) in group_of(aligned, ("wire", 0))
    assert ("translated", 3) in group_of(aligned, ("wire", 3))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("wire", 5), ("rewrite", 6)),  # Stam's biography vs Stam speaking in Rotterdam
        (("wire", 5), ("rewrite", 1)),  # Stam's biography vs Stam on the pay offer
        (("rewrite", 6), ("translated", 4)),  # "in Rotterdam" only
        (("wire", 6), ("translated", 4)),
    ],
)
def test_sentences_sharing_only_names_are_not_aligned(
    aligned: list[Alignment], a: tuple[str, int], b: tuple[str, int]
) -> None:
    assert b not in group_of(aligned, a)


def test_groups_are_well_formed(aligned: list[Alignment]) -> None:
    assert aligned
    for alignment in aligned:
        assert alignment.story == "port-strike"
        assert 0.0 <= alignment.score <= 1.0
        assert len(alignment.sentences) >= 2
        assert len({a for a, _ in alignment.sentences}) >= 2  # never one article alone
        assert alignment.sentences == sorted(alignment.sentences)
    members = [m for a in aligned for m in a.sentences]
    assert len(members) == len(set(members))  # a sentence is in one group at most
    assert [a.sentences[0] for a in aligned] == sorted(a.sentences[0] for a in aligned)


def test_only_split_statements_put_two_sentences_of_one_article_together(
    aligned: list[Alignment],
) -> None:
    for alignment in aligned:
        articles = [a for a, _ in alignment.sentences]
        for article in set(articles):
            indices = [i for a, i in alignment.sentences if a == article]
            if len(indices) > 1:
                assert max(indices) - min(indices) == len(indices) - 1  # adjacent pieces


def test_never_aligns_sentences_of_one_article() -> None:
    lone = {"wire": sentences("wire", WIRE + WIRE)}  # the same sentences twice, one article
    assert align_story(lone, "s") == []


def test_deterministic_whatever_the_input_order(aligned: list[Alignment]) -> None:
    rng = random.Random(3)
    for _ in range(3):
        keys = list(STORY)
        rng.shuffle(keys)
        shuffled = {k: rng.sample(STORY[k], len(STORY[k])) for k in keys}
        assert align_story(shuffled, "port-strike") == aligned


def test_align_all_equals_each_story_alone() -> None:
    other = {
        "x": sentences("x", ["The council approved the new budget of 12 million euros.", *WIRE]),
        "y": sentences("y", ["Councillors voted for the 12 million euro budget on Tuesday."]),
    }
    everything = {**STORY, **other}
    stories = [
        Story("port-strike", "", list(STORY)),
        Story("budget", "", ["x", "y"]),
        Story("empty", "", ["nobody"]),
    ]
    stacked = align_all(stories, everything)
    alone = align_story(STORY, "port-strike") + align_story(other, "budget")
    assert stacked == alone
    assert ("wire", 0) not in group_of(stacked, ("x", 1))  # stories never meet


def test_empty_inputs() -> None:
    assert align_story({}, "s") == []
    assert align_story({"a": [], "b": []}, "s") == []
    assert align_all([], {}) == []
    assert shared_statements([], [["x y z w"]]) == [0]


def test_shared_statements_counts_aligned_sentences() -> None:
    counts = shared_statements(WIRE, [REWRITE, ["Completely unrelated text about gardening."]])
    assert counts[0] >= 4
    assert counts[1] == 0


def _groups_of_pair(first: list[str], second: list[str]) -> int:
    sentences = {
        key: [Sentence(key, k, 0, len(t), t) for k, t in enumerate(texts)]
        for key, texts in (("q", first), ("o", second))
    }
    return len(align_all([Story(id="s", title="", articles=["q", "o"])], sentences))


@pytest.mark.parametrize("seed", range(6))
def test_shared_statements_equal_the_groups_align_all_makes(seed: int) -> None:
    """Counted from the links (no groups built), the same as aligning each pair in full: split
    and reordered statements, translations, unrelated sentences mixed in."""
    rng = random.Random(seed)
    pool = WIRE + REWRITE + TRANSLATED
    query = rng.sample(pool, 9)
    others = [rng.sample(pool, rng.randint(2, 10)) for _ in range(3)]
    assert shared_statements(query, others) == [_groups_of_pair(query, other) for other in others]


def test_a_stricter_link_threshold_gives_fewer_groups(aligned: list[Alignment]) -> None:
    strict = align_story(STORY, "port-strike", AlignSettings(link=0.5, sure=0.6))
    assert len(strict) < len(aligned)
