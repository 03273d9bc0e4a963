"""Source credibility: a 0-100 score per article and outlet from what the checker measured.

Every point lost is explained in the breakdown: findings where the article is the flagged side,
weighted by severity. The outlet's score is the mean of its articles' scores; its confidence
grows with the number of articles (one article says little about an outlet).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from checker.model import Article, Claim, Finding, OutletScore

PENALTY = {"error": 15.0, "warning": 7.0, "info": 1.0}
CONFIDENT_AT = 10  # articles for a confidence of ~0.9


def article_penalties(findings: Sequence[Finding]) -> dict[str, dict[str, float]]:
    """article id -> {"<category> <severity>": points lost}."""
    lost: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for finding in findings:
        flagged = {e.article for e in finding.flagged if e.article}
        for article in flagged:
            lost[article][f"{finding.category} {finding.severity}"] += PENALTY[finding.severity]
    return lost


def score_outlets(
    articles: Sequence[Article], findings: Sequence[Finding], claims: dict[str, list[Claim]]
) -> list[OutletScore]:
    lost = article_penalties(findings)
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_outlet[article.outlet].append(article)
    flagged_count: dict[str, int] = defaultdict(int)
    for finding in findings:
        for outlet in {e.outlet for e in finding.flagged}:
            flagged_count[outlet] += 1
    scores = []
    for outlet, members in sorted(by_outlet.items()):
        per_article = [max(0.0, 100.0 - sum(lost.get(a.id, {}).values())) for a in members]
        breakdown: dict[str, float] = defaultdict(float)
        for article in members:
            for reason, points in lost.get(article.id, {}).items():
                breakdown[reason] -= points / len(members)
        n = len(members)
        scores.append(
            OutletScore(
                outlet=outlet,
                score=round(sum(per_article) / n, 1),
                articles=n,
                findings=flagged_count[outlet],
                confidence=round(n / (n + CONFIDENT_AT / 9), 2),
                breakdown={k: round(v, 1) for k, v in sorted(breakdown.items())},
            )
        )
    return sorted(scores, key=lambda s: (-s.score, s.outlet))
