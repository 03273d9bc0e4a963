"""No sentence longer than MAX_SENTENCE_CHARS reaches the claim extractors: a run without a
sentence end (a flattened table, a flood of numbers) is cut at spaces, and the spans keep every
promise of split_spans (ordered, stripped, covering every non-space character once)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.segment import MAX_SENTENCE_CHARS, split_spans


def check(text: str, spans: list[tuple[int, int]]) -> None:
    position = 0
    for start, end in spans:
        assert text[position:start].strip() == "" and start < end
        assert text[start:end] == text[start:end].strip()
        assert end - start <= MAX_SENTENCE_CHARS
        position = end
    assert text[position:].strip() == ""
    assert sum(len("".join(text[s:e].split())) for s, e in spans) == len("".join(text.split()))


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("12 people " * 1_000, 10),  # 10,000 characters, no sentence end: cut at spaces
        ("x" * 2_500, 3),  # one token longer than the limit: cut inside it
        ("on March 5, 2020 " * 300 + "\n\nA short one.", 7),
        ("A sentence that ends. " * 100, 100),  # real sentences are never cut
    ],
)
def test_long_runs_are_cut(text: str, pieces: int) -> None:
    spans = split_spans(text)
    check(text, spans)
    assert len(spans) == pieces


def test_a_cut_falls_at_the_last_space_before_the_limit() -> None:
    text = "word " * 500
    (first, second, _third) = split_spans(text)
    assert text[first[0] : first[1]] == " ".join(["word"] * 200)[: MAX_SENTENCE_CHARS - 1]
    assert first[1] - first[0] == 999 and second[0] == 1_000


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.sampled_from(["word", " ", "\n", "x" * 700, "Dr.", ". ", "\u00a0", "12,000", "\n\n"]), max_size=60))
def test_spans_keep_their_promises(parts: list[str]) -> None:
    text = "".join(parts)
    check(text, split_spans(text))
