"""The per-article signals one by one: what counts, and the look-alikes that must not."""

from __future__ import annotations

from datetime import date

import pytest

from checker import claims, segment
from checker.knowledge import default_kb
from checker.model import Article, ArticleScore, article_id
from checker.scoring import confidence, textsignals
from checker.scoring.copies import outlet_key, wire_credit
from checker.scoring.weights import LOW_CONFIDENCE


def article(text: str, outlet: str = "Test Outlet", **meta: object) -> Article:
    return Article(id=article_id(text, outlet), path=f"{outlet}.txt", outlet=outlet, title="t", text=text, **meta)  # type: ignore[arg-type]


def signals(text: str, names: tuple[str, ...] = ()) -> dict[str, list[str]]:
    a = article(text)
    sentences = segment.split_article(a)
    found = textsignals.text_quality(a, sentences, names)
    found["anonymous sourcing"] = textsignals.anonymous_sourcing(a.text, sentences)
    found["unattributed quote"] = textsignals.unattributed_quotes(sentences, claims.extract(a, sentences, default_kb()))
    return {k: v for k, v in found.items() if v}


def test_metadata_signals() -> None:
    bare = article("Some text here.")
    assert set(textsignals.metadata(bare)) == {"no date", "no byline", "no dateline"}
    full = article("Some text here.", published=date(2024, 6, 6), author="Mara Lind", dateline="PORT ALDER")
    assert textsignals.metadata(full) == {}


def test_broken_casing_in_names_and_sentence_starts() -> None:
    found = signals(
        "Russia's Foreign Minister sergey Lavrov spoke on Monday. lavrov also criticised the West. "
        "He met Sergey Lavrov's deputy later.",
        names=("Sergey Lavrov",),
    )
    assert len(found["broken casing"]) == 2
    assert any("sergey Lavrov" in e for e in found["broken casing"])


@pytest.mark.parametrize(
    "text",
    [
        "The talks went on. iPhone sales rose in May, the company said.",
        "time.news: The article highlights the talks.",
        "Foreign Minister Sergey Lavrov spoke on Monday.",
    ],
)
def test_casing_that_is_fine(text: str) -> None:
    assert "broken casing" not in signals(text, names=("Sergey Lavrov",))


def test_missing_spaces_after_punctuation() -> None:
    found = signals(
        "Lavrov criticised Western hypocrisy,accusing the West of lies. The talks ended.The next round is due."
    )
    assert len(found["missing space"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials met 3,000 people in St.Petersburg on Monday.",
        "Read more at www.example.com/news,today or time.news for details.",
        "The ratio was 3:1, officials said.",
    ],
)
def test_punctuation_that_is_fine(text: str) -> None:
    assert "missing space" not in signals(text)


def test_truncated_sentences() -> None:
    text = (
        "Kremlin spokesperson Dmitry Peskov confirmed the plan to factor in what he termed the deception in the West\n"
        "when defining future negotiating positions.\n"
        "US-Russia Summit on the Horizon? Lavrov and Rubio Pave the Way for Diplomatic Dialogue\n"
        "The situation also highlights the challenges of navigating complex geopolitical relationships in a world"
    )
    found = signals(text)
    assert len(found["truncated text"]) == 2  # the broken line and the cut-off end; not the heading


def test_anonymous_sourcing_counts_sentences() -> None:
    found = signals(
        "The repairs cost 42 million euros, a council source said. "
        "One official, speaking on condition of anonymity, said the talks were reportedly close. "
        "Mayor Lena Vos said the bridge was safe. The official said more work was needed."
    )
    assert len(found["anonymous sourcing"]) == 2


def test_quotes_without_a_named_speaker() -> None:
    found = signals(
        'The minister arrived late. "We will not give up an inch of our land to anyone," a farmer said loudly. '
        'Prices rose again. "This is the worst harvest we have seen in a generation of farming."'
    )
    assert found["unattributed quote"] == ["“This is the worst harvest we have seen…”"]


def test_confidence_grows_with_articles_and_marks_low() -> None:
    assert [confidence(n) for n in (1, 2, 4, 5, 10, 30)] == [0.25, 0.4, 0.57, 0.62, 0.77, 0.91]
    assert confidence(4) < LOW_CONFIDENCE <= confidence(5)


def test_outlet_score_is_the_mean_of_its_articles() -> None:
    from checker.scoring import outlet_scores

    scores = [
        ArticleScore("a1", "Paper", 80.0, {"role error": -15.0, "no byline": -2.0, "corroboration": 2.0}, {}),
        ArticleScore("a2", "Paper", 100.0, {}, {}),
        ArticleScore("b1", "Wire", 93.0, {"quantity warning": -7.0}, {}),
    ]
    wire, paper = outlet_scores(scores, [])  # best first
    assert (paper.outlet, paper.score, paper.articles, paper.low_confidence) == ("Paper", 90.0, 2, True)
    assert paper.breakdown == {"role error": -7.5}
    assert paper.signals == {"corroboration": 1.0, "no byline": -1.0}
    assert paper.explanation[0] == "90.0 is the mean of its 2 article scores (80.0, 100.0)"
    assert wire.breakdown == {"quantity warning": -7.0}


def test_wire_credits_and_outlet_names() -> None:
    piece = article("RIYADH, Feb 18 (Reuters) - Talks began on Tuesday.", outlet="The Straits Times")
    assert wire_credit(piece) == "Reuters"
    own = article("RIYADH, Feb 18 (Reuters) - Talks began on Tuesday.", outlet="Reuters")
    assert wire_credit(own) is None
    same = article("VILNIUS, July 11 (Continental Wire) - Leaders met.", outlet="continentalwire.test")
    assert wire_credit(same) is None
    assert outlet_key("The Straits Times") == outlet_key("straitstimes.com") == "straitstimes"
    assert outlet_key("AP") == outlet_key("Associated Press")


def test_unknown_experts_tolerates_a_known_role_without_a_person() -> None:
    from checker.model import Claim, Story
    from checker.scoring.crosscheck import unknown_experts

    a = article('"We will rebuild," said Ilse Varga. The minister spoke.')
    quote = Claim(
        a.id,
        0,
        "quote",
        0,
        10,
        '"We will rebuild,"',
        {"words": "We will rebuild", "speaker": "Ilse Varga", "speaker_named": True},
    )
    nameless = Claim(a.id, 1, "role", 0, 12, "The minister", {"person": "", "office": "minister", "known": True})
    found = unknown_experts([a], {a.id: [quote, nameless]}, default_kb(), [Story("s", "t", [a.id])], {})
    assert found == {a.id: ["Ilse Varga"]}
