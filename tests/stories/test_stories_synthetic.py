"""STORIES at scale on generated text: planted stories among distractors, grouped right with the
inverted index. (Speed is measured by `make bench` on the same kind of generated text, never
asserted here.)"""

from __future__ import annotations

import itertools
import random
import string
from datetime import date, timedelta

from checker.model import Article, article_id
from checker.stories import StoryIndex, StorySettings, group_articles


def _word(rng: random.Random, low: int = 4, high: int = 9) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(low, high)))


def synthetic_corpus(n_stories: int, per_story: int = 3, seed: int = 0) -> tuple[list[Article], dict[str, int]]:
    """`n_stories` events, each reported by `per_story` outlets: every event has its own names,
    numbers and topic words; all text also draws on a shared Zipf-like general vocabulary and a
    pool of famous names that appear in many unrelated events."""
    rng = random.Random(seed)
    general = [_word(rng) for _ in range(3000)]
    weights = [1.0 / (rank + 1) for rank in range(len(general))]
    famous = [_word(rng).capitalize() for _ in range(40)]
    articles: list[Article] = []
    truth: dict[str, int] = {}
    start = date(2020, 1, 1)
    for story in range(n_stories):
        names = [_word(rng).capitalize() for _ in range(5)] + rng.sample(famous, 2)
        topic = [_word(rng) for _ in range(25)]
        numbers = [str(rng.randint(10, 9999)) for _ in range(3)]
        day = start + timedelta(days=rng.randint(0, 1500))
        for outlet in range(per_story):
            sentences = []
            for _ in range(rng.randint(12, 20)):
                words = rng.choices(general, weights, k=rng.randint(10, 18))
                words += rng.sample(topic, 3)
                rng.shuffle(words)
                words.insert(rng.randrange(len(words)), rng.choice(names))
                if rng.random() < 0.3:
                    words.append(rng.choice(numbers))
                sentences.append(" ".join(words).capitalize() + ".")
            text = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
            title = " ".join([rng.choice(names), *rng.sample(topic, 3)])
            published = None if rng.random() < 0.2 else day + timedelta(days=rng.randint(0, 2))
            article = Article(
                id=article_id(text, f"outlet{outlet}"),
                path="",
                outlet=f"outlet{outlet}",
                title=title,
                text=text,
                published=published,
            )
            articles.append(article)
            truth[article.id] = story
    return articles, truth


def pair_f1(groups: list[list[str]], truth: dict[str, int]) -> float:
    found = {p for g in groups for p in itertools.combinations(sorted(g), 2)}
    gold = {(a, b) for a, b in itertools.combinations(sorted(truth), 2) if truth[a] == truth[b]}
    hits = len(found & gold)
    return 2 * hits / (len(found) + len(gold)) if hits else 0.0


def test_synthetic_corpus_with_the_inverted_index() -> None:
    articles, truth = synthetic_corpus(200)  # 600 articles, past the brute-force size
    stories = group_articles(articles, StorySettings(brute_force_below=64))
    assert pair_f1([s.articles for s in stories], truth) >= 0.97


def test_synthetic_incremental_equals_batch_partition() -> None:
    articles, truth = synthetic_corpus(60, seed=1)
    index = StoryIndex(StorySettings(brute_force_below=32))
    for article in sorted(articles, key=lambda a: (a.published is None, a.published, a.id)):
        index.add(article)
    incremental = {frozenset(s.articles) for s in index.stories()}
    batch = {frozenset(s.articles) for s in group_articles(articles)}
    assert incremental == batch
    assert pair_f1([list(g) for g in batch], truth) >= 0.97


def test_top_terms_are_current_after_a_batch_without_recomputing_them_all(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A primed batch moves no document frequency while it is placed: each article is indexed
    under the top terms a recomputation would give it, and the doublings after the first do not
    recompute them (they would only find the same terms)."""
    articles, _ = synthetic_corpus(60)  # 180 articles: doublings at 32, 64 and 128
    index = StoryIndex()
    computed = 0
    top_terms = index._top_terms

    def counted(*args):  # type: ignore[no-untyped-def]
        nonlocal computed
        computed += 1
        return top_terms(*args)

    monkeypatch.setattr(index, "_top_terms", counted)
    index.add_all(articles)
    # one per placement (below `brute_force_below` no candidate search takes any), plus the 32 of
    # the first doubling: the doublings at 64 and 128 (192 more) recompute nothing
    assert len(articles) < index.settings.brute_force_below
    assert computed == len(articles) + 32
    for i in range(len(index)):
        fresh = top_terms(index._tids[i], index._weights(index._tids[i], index._logtf[i]))
        assert fresh.tolist() == index._indexed[i].tolist()
