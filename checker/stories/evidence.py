"""Shared statements: the evidence that lifts a grey-zone score (see `checker.stories`)."""

from __future__ import annotations

from collections.abc import Callable

from checker.align import shared_statements
from checker.textsim import rough_sentences


class SharedEvidence:
    """Counts the statements an article being placed shares with stored articles.

    `text_of` looks up a stored article's text by id; without it the texts given to `remember`
    are kept in memory."""

    def __init__(self, text_of: Callable[[str], str | None] | None = None) -> None:
        self.text_of = text_of
        self._texts: dict[str, str] = {}
        self._sentences: dict[int, list[str]] = {}  # cache of rough sentences by article index
        # article being placed -> {other article's index: statements they share}: an article in the
        # grey zone is retried (deferred passes) against mostly the same articles
        self._memo: dict[str, dict[int, int]] = {}

    def remember(self, article_id: str, text: str) -> None:
        """Keep a stored article's text, unless `text_of` can look it up."""
        if self.text_of is None:
            self._texts[article_id] = text

    def placed(self, article_id: str) -> None:
        """The article is placed: its counts will not be asked for again."""
        self._memo.pop(article_id, None)

    def shared(
        self, article_id: str, sentences: list[str], stories: list[int], closest: dict[int, list[int]], ids: list[str]
    ) -> list[int]:
        """Statements the article (its rough `sentences`) shares with each story's closest
        articles (indexes into `ids`), summed by story."""
        if not sentences:
            return [0] * len(stories)
        memo = self._memo.setdefault(article_id, {})
        pairs = [(k, d) for k, s in enumerate(stories) for d in closest[s]]
        todo = sorted({d for _, d in pairs if d not in memo})
        texts = [self._article_sentences(d, ids[d]) for d in todo]
        counts = shared_statements(sentences, [t for t in texts if t])
        it = iter(counts)
        for d, t in zip(todo, texts, strict=True):
            memo[d] = next(it) if t else 0
        totals = [0] * len(stories)
        for k, d in pairs:
            totals[k] += memo[d]
        return totals

    def _article_sentences(self, i: int, article_id: str) -> list[str]:
        cached = self._sentences.get(i)
        if cached is None:
            text = self.text_of(article_id) if self.text_of else self._texts.get(article_id)
            cached = rough_sentences(text) if text else []
            if len(self._sentences) > 4096:
                self._sentences.clear()
            self._sentences[i] = cached
        return cached
