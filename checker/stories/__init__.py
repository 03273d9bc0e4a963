"""STORIES: group articles from many outlets into stories, one article at a time.

An article is described by TF-IDF weights over the stems of its title and text plus its
proper-noun words and numbers (see `checker.textsim.article_terms`). A new article is compared
with the stories it could belong to and joins the best one when the score clears a threshold,
otherwise it starts a story of its own. Nothing already grouped is ever regrouped, so story ids
(a hash of the founding article's id) stay stable as an archive grows.

Weights: (1 + ln tf) * idf, idf = ln(1 + (N - df + 0.5) / (df + 0.5)) over the articles known so
far (plus `prior_docs` pseudo-articles, so that a tiny corpus does not call everything common).
Names and numbers get up to `name_weight` times more, in proportion to their rarity: a rare name
(a spokesperson, a village, "Kestrel-2") is strong evidence; a name most articles share
("Russia", "NATO", "Lavrov" in a Russia-heavy archive) counts like a common word.

Score of a story: the best cosine between the new article and one of its articles, times a date
factor when both are dated (1 within a few days, falling to a floor three weeks apart: weeks
apart about the same people is usually another event). An undated article stands for its
story's dates. Dates only ever lower a score, never veto it: many articles are undated and some
are misdated (see `date_factor` for wrong years).

Shared statements: when the best score falls short of the threshold but is in the grey zone
above `evidence_floor`, sentences of the new article are aligned with those of the story's
closest articles (`checker.align.shared_statements`). Each statement both tell (a quote in two
translations, the same fact reworded) adds `evidence_weight`: articles about one event repeat
its statements, articles that only share its actors and topic do not.

Batches (`add_all`, `group_articles`): all articles are counted into the document frequencies
first (`prime`), then placed one by one; an article in the grey zone that would start a story is
set aside and retried after the others (a story it belongs to may form meanwhile), then placed
for good.

Cost (see shared/notes/performance-measurements.md): candidates come from an inverted index that
lists each stored article under its ~20 highest-weight terms; the new article's own top terms are
looked up there (the most recent `max_postings` articles of each, so that a look-up costs the
same in an archive of any size) and the best candidates re-scored exactly (cosine with current
document frequencies), vectorised. Archives smaller than `brute_force_below` are compared in full.

Layout: `settings` (the constants, `date_factor`), `weights` (term weights, vectors), `dating`
(date factors kept per index), `evidence` (shared statements), `index` (`StoryIndex`); this
module places a batch and links related stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from checker.model import Article, Story
from checker.stories.index import STATE_FORMAT, StoryIndex
from checker.stories.settings import StorySettings, date_factor, gap_factor

__all__ = [
    "STATE_FORMAT",
    "StoryIndex",
    "StorySettings",
    "batch_order",
    "date_factor",
    "gap_factor",
    "group_articles",
    "group_with_links",
    "related_pairs",
]


def batch_order(articles: Sequence[Article]) -> list[Article]:
    """Published date, then id; undated last."""
    return sorted(
        articles,
        key=lambda a: (a.published is None, a.published or date.min, a.id),
    )


def group_articles(articles: Sequence[Article], settings: StorySettings | None = None) -> list[Story]:
    """Batch: sort deterministically (published date, then id; undated last) and add one by one."""
    return group_with_links(articles, settings)[0]


def group_with_links(
    articles: Sequence[Article], settings: StorySettings | None = None
) -> tuple[list[Story], list[tuple[str, str, float]]]:
    """Stories, and the pairs of stories that nearly merged: (story, story, best score), sorted.

    A near miss above `related_floor` links two stories of one developing topic (talks in Riyadh
    in February, the same negotiations in April): different events, but what they say about a
    lasting state (the share of a territory held) should still agree.
    """
    index = StoryIndex(settings)
    index.add_all(batch_order(articles))
    return index.stories(), related_pairs(index)


def related_pairs(index: StoryIndex) -> list[tuple[str, str, float]]:
    best: dict[tuple[str, str], float] = {}
    for article, (other, score) in index.near_misses.items():
        own = index.story_of(article)
        if own is None or own == other or score < index.settings.related_floor:
            continue
        key = (min(own, other), max(own, other))
        best[key] = max(best.get(key, 0.0), score)
    return sorted((a, b, score) for (a, b), score in best.items())
