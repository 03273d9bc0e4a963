"""The claims stage's entry point: every extractor over an article's sentences, in text order."""

from __future__ import annotations

from checker import claims, segment
from checker.model import Claim
from tests.conftest import MakeArticle

COPIED = "Officials said 4,200 people left the city on 3 March, up 12% from a week earlier."


def _claims(make_article: MakeArticle, text: str, outlet: str) -> list[Claim]:
    article = make_article(text, outlet=outlet)
    return claims.extract(article, segment.split_article(article))


def test_a_sentence_copied_word_for_word_gets_the_same_claims_in_each_article(make_article: MakeArticle) -> None:
    first = _claims(make_article, f"The river rose overnight. {COPIED}", "First Wire")
    second = _claims(make_article, f"{COPIED} Roads were closed.", "Second Wire")
    shift = len("The river rose overnight. ")

    def text_only(found: list[Claim], offset: int) -> list[tuple[str, int, str, dict[str, object]]]:
        return [(c.kind, c.start - offset, c.text, c.value) for c in found if c.kind in ("quantity", "date")]

    assert text_only(first, shift) == text_only(second, 0)
    assert {c.kind for c in first} >= {"quantity", "date"}
    assert all(c.article == second[0].article for c in second)


def test_each_claim_owns_its_values_when_a_sentence_repeats(make_article: MakeArticle) -> None:
    # the extraction of a repeated sentence is reused: changing one article's claim must not
    # change another's
    first = _claims(make_article, COPIED, "First Wire")
    second = _claims(make_article, COPIED, "Second Wire")
    listed = [(a, b) for a, b in zip(first, second, strict=True) for key in a.value if isinstance(a.value[key], list)]
    assert listed, "the sentence's claims carry lists (context words, names)"
    for a, b in listed:
        assert a.value == b.value
        assert a.value is not b.value
        for key, value in a.value.items():
            if isinstance(value, list):
                assert value is not b.value[key]
