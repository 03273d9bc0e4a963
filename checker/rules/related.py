"""Rules across related stories: the pairs of stories of one topic that grouping linked
(`checker.stories.related_pairs`), each checked with the rules that compare two stories rather
than one (`TOPIC_RULES`), when their reference times lie close enough.

A run's driver does this (`checker.pipeline`): each pair as soon as both its stories are checked,
while the workers check the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.knowledge import KnowledgeBase
from checker.model import Article, Finding, Story
from checker.rules import run_rules
from checker.rules.base import RuleConfig, StoryContext

if TYPE_CHECKING:
    from checker.pipeline import RunResult

TOPIC_WINDOW_DAYS = 120
TOPIC_RULES = {"QTY002"}  # rules that compare two related stories rather than one


class RelatedPairs:
    """Rules that compare related stories of one topic (QTY002), over each linked pair, each pair
    checked as soon as both its stories are (their reference times are known then): the driver
    does it while the workers check the other stories. The findings come out in link order."""

    def __init__(self, result: RunResult, articles: dict[str, Article], kb: KnowledgeBase, config: RuleConfig) -> None:
        self.result, self.articles, self.kb, self.config = result, articles, kb, config
        self.stories = {s.id: s for s in result.stories}
        self.waiting: dict[str, list[int]] = {}  # story id -> links waiting for it
        self.missing = [2] * len(result.topic_links)  # stories each link still waits for
        for n, (first, second, _) in enumerate(result.topic_links):
            self.waiting.setdefault(first, []).append(n)
            self.waiting.setdefault(second, []).append(n)
        self.found: dict[int, list[tuple[Finding, str]]] = {}

    def stories_checked(self, story_ids: Iterable[str]) -> None:
        for story_id in story_ids:
            for n in self.waiting.pop(story_id, []):
                self.missing[n] -= 1
                if self.missing[n] == 0:
                    self.found[n] = self._check(*self.result.topic_links[n][:2])

    def findings(self) -> list[Finding]:
        """Every link's findings, in link order (checking any link not checked yet)."""
        out = []
        for n, (first, second, _) in enumerate(self.result.topic_links):
            found = self.found.pop(n) if n in self.found else self._check(first, second)
            for finding, story_id in found:
                self.result.story_of_finding[finding.id] = story_id
                out.append(finding)
        return out

    def _check(self, first: str, second: str) -> list[tuple[Finding, str]]:
        result = self.result
        a, b = self.stories[first], self.stories[second]
        if not close_in_time(result, a, b):
            return []
        members = [self.articles[i] for i in [*a.articles, *b.articles]]
        topic = Story(id=f"{a.id}+{b.id}", title=a.title, articles=[m.id for m in members])
        ctx = StoryContext(
            story=topic,
            articles={m.id: m for m in members},
            sentences={m.id: result.sentences[m.id] for m in members},
            claims={m.id: result.claims[m.id] for m in members},
            alignments=[],
            reftimes={m.id: result.reftimes[m.id] for m in members},
            kb=self.kb,
            config=self.config,
            story_of={**dict.fromkeys(a.articles, a.id), **dict.fromkeys(b.articles, b.id)},
        )
        found = []
        for finding in run_rules(ctx, only=TOPIC_RULES):
            flagged = finding.flagged[0].article if finding.flagged else ""
            found.append((finding, ctx.story_of.get(flagged, a.id)))
        return found


def close_in_time(result: RunResult, a: Story, b: Story) -> bool:
    """Whether the two stories' reference times lie within TOPIC_WINDOW_DAYS of each other."""

    def span(story: Story) -> tuple[dt.date, dt.date] | None:
        known = [result.reftimes[i] for i in story.articles if result.reftimes[i].source != "unknown"]
        if not known:
            return None
        return min(r.earliest for r in known), max(r.latest for r in known)

    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return False
    gap = max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days, 0)
    return gap <= TOPIC_WINDOW_DAYS
