"""Findings as schema.org ClaimReview JSON-LD, for fact-check aggregators and search engines.

`write_claimreview(result, path)` writes a JSON list with one ClaimReview per flagged piece of
evidence of every error or warning finding (info findings are not verdicts). The structure is
pinned by `claimreview.schema.json`, next to this module:

    {"@context": "https://schema.org", "@type": "ClaimReview",
     "claimReviewed": "<the flagged sentence>",
     "itemReviewed": {"@type": "Claim",
                      "appearance": [{"@type": "CreativeWork", "url" | "name": ...,
                                      "headline": ...}],
                      "author": {"@type": "Organization", "name": "<outlet>"}},
     "reviewRating": {"@type": "Rating", "alternateName": "<short verdict>",
                      "ratingExplanation": "<the finding's message>"},
     "author": {"@type": "Organization", "name": "checker"},
     "datePublished": "<run date, YYYY-MM-DD>"}

The file is safe to paste into an HTML <script type="application/ld+json"> block: `<`, `>` and
`&` are written as JSON escapes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.model import Article, Finding
from checker.pipeline import RunResult
from checker.report.text import safe_url

SCHEMA_FILE = Path(__file__).with_name("claimreview.schema.json")
AUTHOR = "checker"
REVIEWED_SEVERITIES = ("error", "warning")

# rule -> the short verdict shown as the rating ("alternateName")
VERDICTS: dict[str, str] = {
    "ATT001": "Quote attributed to another speaker than in other outlets",
    "DAT001": "Publication date contradicted by the text and other outlets",
    "DAT002": "Date inconsistent with other outlets",
    "DAT003": "Weekday does not match the date",
    "ENT001": "Inconsistent with other outlets",
    "MIS001": "Value missing",
    "QTY001": "Inconsistent with other outlets",
    "QTY002": "Inconsistent with related coverage",
    "QUO001": "Quote worded differently from other outlets",
    "ROL001": "Title no longer held at the time",
    "ROL002": "Title not held at the time",
    "ROL003": "Called former while in office",
    "ROL004": "Called then- while still in office",
    "ROL005": "Administration not in power at the time",
    "ROL006": "Title inconsistent with other outlets",
}
CATEGORY_VERDICTS: dict[str, str] = {
    "quantity": "Inconsistent with other outlets",
    "date": "Date inconsistent",
    "role": "Title not held at the time",
    "attribution": "Attribution inconsistent with other outlets",
    "quote": "Quote inconsistent with other outlets",
    "entity": "Inconsistent with other outlets",
    "missing": "Value missing",
}


def verdict(finding: Finding) -> str:
    return VERDICTS.get(finding.rule) or CATEGORY_VERDICTS.get(finding.category, "Inconsistent")


def _appearance(article: Article | None, path: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = safe_url(article.url) if article else None
    if url:
        work["url"] = url
    else:
        work["name"] = article.path if article else path
    work["headline"] = (article.title if article else "") or (article.path if article else path)
    if article and article.published:
        work["datePublished"] = article.published.isoformat()
    return work


def build_claimreviews(result: RunResult) -> list[dict[str, Any]]:
    """One ClaimReview per flagged evidence of the error and warning findings, in finding order."""
    articles = {a.id: a for a in result.articles}
    run_date = result.started_at[:10]
    reviews: list[dict[str, Any]] = []
    for finding in result.findings:
        if finding.severity not in REVIEWED_SEVERITIES:
            continue
        for index, evidence in enumerate(finding.evidence):
            if evidence.role != "flagged" or not evidence.article:
                continue
            article = articles.get(evidence.article)
            reviews.append(
                {
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "identifier": f"{finding.id}-{index}",
                    "claimReviewed": evidence.sentence or evidence.span,
                    "itemReviewed": {
                        "@type": "Claim",
                        "appearance": [_appearance(article, evidence.path)],
                        "author": {"@type": "Organization", "name": evidence.outlet},
                    },
                    "reviewRating": {
                        "@type": "Rating",
                        "alternateName": verdict(finding),
                        "ratingExplanation": finding.message,
                    },
                    "author": {"@type": "Organization", "name": AUTHOR},
                    "datePublished": run_date,
                    "keywords": [finding.rule, finding.category, finding.severity],
                }
            )
    return reviews


def dumps(reviews: list[dict[str, Any]]) -> str:
    """JSON with `<`, `>` and `&` escaped, so the text can sit inside an HTML script block."""
    text = json.dumps(reviews, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def write_claimreview(result: RunResult, path: Path) -> Path:
    """Write the ClaimReview list to `path` (its folder is created); returns `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(build_claimreviews(result)), encoding="utf-8")
    return path
