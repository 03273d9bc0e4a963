"""Source credibility: a 0-100 score per article and per outlet, from what the checker measured.

No list of good and bad outlets: every point is tied to something the run found and shows. Each
article starts at 100 and loses points per signal (gains for corroboration); the outlet's score
is the mean of its articles' scores. The weights (also in `weights.py` and the README):

    signal (per article)                              points              kind
    finding flagging it, error                        -15 each            measured
    finding flagging it, warning                       -7 each            measured
    finding flagging it, info                          -1 each            measured
      ... without an independent majority              half of the above  (every side flagged, or
                                                                           the majority rests on copies)
    no published date                                  -3                 measured
    no byline                                          -2                 measured
    no dateline                                        -1                 measured
    broken casing ("sergey Lavrov")                    -1 each, max -3    measured
    missing space after punctuation ("talks.The")      -1 each, max -3    measured
    truncated sentence                                 -1 each, max -3    measured
    anonymous sourcing ("sources said", "reportedly")  -0.5 each, max -2  to verify
    quote without a named speaker                      -0.5 each, max -2  to verify
    named expert nobody else knows                     -0.5 each, max -1.5 to verify
    corroboration by independent outlets               up to +3           measured: +3 x share of
                                                                           checkable claims, x n/8
                                                                           below 8 claims; only
                                                                           points lost come back

Findings are the rules' findings where the article is the flagged side, weighed by severity
(knowledge-base errors, contradictions with other outlets or with the article's own text, and
blanks are all findings). "To verify" signals are reasons to look, never a verdict: they weigh
little. Confidence = n / (n + 3) for an outlet with n articles; below 0.6 (fewer than 5
articles) the score is marked low confidence.

Copies (`copies.py`): an article that repeats another outlet's text, or republishes a wire, is
one voice with its original; its agreement corroborates nothing and it does not make a majority.

`score_outlets(result, store)` is the stage the pipeline calls: it sets `result.article_scores`
and `result.score_history`, stores the article scores and copies of the run, and returns the
outlet scores, best first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.knowledge import KnowledgeBase, default_kb
from checker.model import Article, ArticleScore, Finding, OutletScore
from checker.scoring import textsignals
from checker.scoring.copies import CopyLink, Voices, find_copies
from checker.scoring.crosscheck import Corroboration, Hit, corroboration, finding_hits, unknown_experts
from checker.scoring.explain import article_lines, outlet_lines
from checker.scoring.weights import (
    CORROBORATION_FULL_AT,
    CORROBORATION_POINTS,
    FLOOR,
    LOW_CONFIDENCE,
    NEWSGUARD,
    SIGNAL,
    SIGNALS,
    START,
    confidence,
)

if TYPE_CHECKING:
    from checker.pipeline import RunResult
    from checker.store import Store

__all__ = [
    "LOW_CONFIDENCE",
    "NEWSGUARD",
    "SIGNALS",
    "Prepared",
    "confidence",
    "prepare",
    "score_articles",
    "score_outlets",
]


def score_outlets(
    result: RunResult,
    store: Store | None = None,
    kb: KnowledgeBase | None = None,
    prepared: Prepared | None = None,
) -> list[OutletScore]:
    """Score every article and outlet of a run; record the article scores and copies in `store`.
    `prepared`: `prepare(result, kb)`, when it was worked out already."""
    result.article_scores = score_articles(result, kb, prepared)
    outlets = outlet_scores(result.article_scores, result.findings)
    current = [
        {
            "run": result.run_id,
            "started_at": result.started_at,
            "outlet": o.outlet,
            "score": o.score,
            "confidence": o.confidence,
            "articles": o.articles,
            "findings": o.findings,
        }
        for o in sorted(outlets, key=lambda o: o.outlet)
    ]
    earlier: list[dict[str, Any]] = []
    if store is not None and result.run_id is not None:
        store.save_article_scores(result.run_id, result.article_scores)
        earlier = [row for row in store.outlet_history() if row["run"] != result.run_id]
    result.score_history = earlier + current
    return outlets


@dataclass
class Prepared:
    """What scoring measures before the findings are known: copies, each article's voice (its
    story and the outlets it copies or is copied by) and its text signals."""

    links: dict[str, CopyLink]
    voice: dict[str, str]
    instances: dict[str, dict[str, list[str]]]  # article id -> signal -> instances


def prepare(result: RunResult, kb: KnowledgeBase | None = None) -> Prepared:
    """The findings-independent part of `score_articles`: the pipeline works it out while the
    stories are being checked."""
    articles = {a.id: a for a in result.articles}
    links = find_copies(result.stories, articles, result.sentences)
    voice: dict[str, str] = {}
    for story in result.stories:
        members = [articles[a] for a in story.articles if a in articles]
        voices = Voices(members, {a.id: links[a.id] for a in members if a.id in links})
        for member in members:
            voice[member.id] = f"{story.id}:{voices.of(member.id)}"
    experts = unknown_experts(result.articles, result.claims, kb or default_kb(), result.stories, voice)
    names: dict[str, set[str]] = {}  # article id -> people the claims of its story name
    for story in result.stories:
        story_names = set().union(*(textsignals.people_named(result.claims.get(a, [])) for a in story.articles))
        names.update(dict.fromkeys(story.articles, story_names))
    instances = {
        article.id: _instances(article, result, experts.get(article.id, []), names.get(article.id, set()))
        for article in result.articles
    }
    return Prepared(links, voice, instances)


def _instances(article: Article, result: RunResult, experts: list[str], names: set[str]) -> dict[str, list[str]]:
    sentences = result.sentences.get(article.id, [])
    return {
        **textsignals.metadata(article),
        **textsignals.text_quality(article, sentences, names),
        "anonymous sourcing": textsignals.anonymous_sourcing(article.text, sentences),
        "unattributed quote": textsignals.unattributed_quotes(sentences, result.claims.get(article.id, [])),
        "unknown expert": experts,
    }


def score_articles(
    result: RunResult, kb: KnowledgeBase | None = None, prepared: Prepared | None = None
) -> list[ArticleScore]:
    """One score per article, in the order of `result.articles`."""
    prepared = prepared or prepare(result, kb)
    articles = {a.id: a for a in result.articles}
    links, voice = prepared.links, prepared.voice
    hits = finding_hits(result.findings, voice)
    flagged_spans = {(e.article, e.start, e.end) for f in result.findings for e in f.flagged if e.article}
    corroborated: dict[str, Corroboration] = {}
    for story in result.stories:
        corroborated.update(corroboration(story, articles, result.claims, voice, flagged_spans))
    copied_by: dict[str, list[CopyLink]] = defaultdict(list)
    for link in links.values():
        if link.original:
            copied_by[link.original].append(link)
    return [
        _score(
            article,
            hits.get(article.id, []),
            corroborated.get(article.id, Corroboration()),
            prepared.instances[article.id],
            links.get(article.id),
            sorted(copied_by.get(article.id, []), key=lambda link: link.copy),
            articles,
        )
        for article in result.articles
    ]


def _score(
    article: Article,
    hits: list[Hit],
    corroborated: Corroboration,
    instances: dict[str, list[str]],
    link: CopyLink | None,
    copies: list[CopyLink],
    articles: dict[str, Article],
) -> ArticleScore:
    breakdown: dict[str, float] = defaultdict(float)
    for hit in hits:
        breakdown[hit.key] -= hit.points
    measured = _finding_counts(hits)
    for key, items in instances.items():
        measured[key] = len(items)
        if items:
            signal = SIGNAL[key]
            breakdown[key] = max(signal.points * len(items), -signal.cap)
    lost = -sum(breakdown.values())
    bonus = 0.0
    if corroborated.checkable and corroborated.independent:
        scale = min(1.0, corroborated.checkable / CORROBORATION_FULL_AT)
        bonus = min(CORROBORATION_POINTS * corroborated.share * scale, lost)
        if bonus > 0:
            breakdown["corroboration"] = round(bonus, 2)
    measured.update(
        {
            "checkable claims": corroborated.checkable,
            "corroborated claims": corroborated.corroborated,
            "corroboration share": round(corroborated.share, 2),
            "independent outlets": len(corroborated.independent),
        }
    )
    total = START + sum(breakdown.values())
    if total < 0:
        breakdown[FLOOR] = -total
    breakdown = {k: round(v, 2) for k, v in sorted(breakdown.items()) if v}
    score = round(min(START, max(0.0, total)), 1)
    lines = article_lines(article, score, breakdown, hits, instances, corroborated, link, copies, articles)
    return ArticleScore(
        article=article.id,
        outlet=article.outlet,
        score=score,
        breakdown=breakdown,
        measured=measured,
        explanation=lines,
        copy_of=link.original if link else None,
        copy_of_outlet=link.original_outlet if link else None,
        copy_basis=link.basis if link else "",
        copy_similarity=link.similarity if link else 0.0,
    )


_BASIS_COUNTS = {  # measured key -> the basis of the hits it counts
    "knowledge-base errors": "knowledge base",
    "contradicted by other outlets": "other outlets",
    "internal contradictions": "its own text",
    "blanks": "blank",
}


def _finding_counts(hits: list[Hit]) -> dict[str, float]:
    """How many findings flag the article, by basis and by key (zeros at once when none does, as
    for most articles)."""
    measured: dict[str, float] = {"findings": len(hits), **dict.fromkeys(_BASIS_COUNTS, 0)}
    measured["without an independent majority"] = 0
    if not hits:  # most articles
        return measured
    for key, basis in _BASIS_COUNTS.items():
        measured[key] = sum(h.basis == basis for h in hits)
    measured["without an independent majority"] = sum(not h.resolved for h in hits)
    for hit in hits:
        measured[hit.key] = measured.get(hit.key, 0) + 1
    return measured


def outlet_scores(scores: Sequence[ArticleScore], findings: Sequence[Finding]) -> list[OutletScore]:
    """The mean of each outlet's article scores, with its confidence and explanation; best first."""
    by_outlet: dict[str, list[ArticleScore]] = defaultdict(list)
    for score in scores:
        by_outlet[score.outlet].append(score)
    flagging: dict[str, int] = defaultdict(int)
    for finding in findings:
        for outlet in {e.outlet for e in finding.flagged if e.article}:
            flagging[outlet] += 1
    out = []
    for outlet, members in sorted(by_outlet.items()):
        n = len(members)
        totals: dict[str, float] = defaultdict(float)
        for member in members:
            for key, points in member.breakdown.items():
                totals[key] += points
        findings_part = {k: round(v / n, 2) for k, v in sorted(totals.items()) if k not in SIGNAL and k != FLOOR}
        signals = {k: round(v / n, 2) for k, v in sorted(totals.items()) if k in SIGNAL or k == FLOOR}
        value = round(sum(m.score for m in members) / n, 1)
        conf = confidence(n)
        outlet_score = OutletScore(
            outlet=outlet,
            score=value,
            articles=n,
            findings=flagging[outlet],
            confidence=conf,
            breakdown=findings_part,
            low_confidence=conf < LOW_CONFIDENCE,
            signals=signals,
        )
        outlet_score.explanation = outlet_lines(outlet_score, members)
        out.append(outlet_score)
    return sorted(out, key=lambda o: (-o.score, o.outlet))
