"""The JSON report: the public contract for machines (schema in findings.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.model import Finding
from checker.pipeline import RunResult

SCHEMA_VERSION = 1
SCHEMA_FILE = Path(__file__).with_name("findings.schema.json")


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity,
        "message": finding.message,
        "evidence": [
            {
                "article": e.article or None,
                "outlet": e.outlet,
                "path": e.path,
                "sentence": e.sentence,
                "span": e.span,
                "role": e.role,
                "start": e.start if e.start >= 0 else None,
                "end": e.end if e.end >= 0 else None,
                "line": e.line,
            }
            for e in finding.evidence
        ],
        "values": finding.values,
    }


def reviewed_dict(finding: Finding, result: RunResult) -> dict[str, Any]:
    """A finding as the report writes it: with its `review` when the run was compared with a
    baseline or a change (an optional field: reports of runs compared with nothing lack it)."""
    out = finding_dict(finding)
    review = result.review.get(finding.id) if result.review is not None else None
    if review is not None:
        out["review"] = {"status": review.status, "reason": review.reason or None}
    return out


def build_document(result: RunResult) -> dict[str, Any]:
    """The report as plain data, every list in a deterministic order."""
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _sections(result).items()}


def _sections(result: RunResult) -> dict[str, Any]:
    """`build_document` with its long lists as generators: `write_json` writes each item as it is
    made, so the report is never held whole (~200 MB of dicts at 50k articles, most of it the
    aligned sentences' texts)."""
    story_of = {a: s.id for s in result.stories for a in s.articles}
    path_of = {a.id: a.path for a in result.articles}
    scores = sorted(result.article_scores, key=lambda s: (path_of.get(s.article, ""), s.article))  # both lists below
    sentences = result.sentences
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": result.started_at,
        "articles": (
            {
                "id": a.id,
                "path": a.path,
                "outlet": a.outlet,
                "title": a.title,
                "published": a.published.isoformat() if a.published else None,
                "url": a.url,
                "story": story_of.get(a.id),
                "reference_time": reftime_dict(result, a.id),
            }
            for a in sorted(result.articles, key=lambda a: (a.path, a.id))
        ),
        "stories": ({"id": s.id, "title": s.title, "articles": list(s.articles)} for s in result.stories),
        "alignments": (
            {
                "story": al.story,
                "score": round(al.score, 4),
                "sentences": [{"article": a, "index": i, "text": sentences[a][i].text} for a, i in al.sentences],
            }
            for al in result.alignments
        ),
        "findings": (reviewed_dict(f, result) for f in result.findings),
        "outlets": [
            {
                "outlet": o.outlet,
                "score": o.score,
                "articles": o.articles,
                "findings": o.findings,
                "confidence": o.confidence,
                "breakdown": o.breakdown,
                "low_confidence": o.low_confidence,
                "signals": o.signals,
                "explanation": o.explanation,
            }
            for o in result.outlets
        ],
        "article_scores": (
            {
                "article": s.article,
                "outlet": s.outlet,
                "score": s.score,
                "breakdown": s.breakdown,
                "measured": s.measured,
                "explanation": s.explanation,
                "copy_of": s.copy_of,
                "copy_of_outlet": s.copy_of_outlet,
            }
            for s in scores
        ),
        "copies": (
            {
                "copy": s.article,
                "copy_outlet": s.outlet,
                "original": s.copy_of,
                "original_outlet": s.copy_of_outlet,
                "basis": s.copy_basis,
                "similarity": s.copy_similarity,
                "story": story_of.get(s.article),
            }
            for s in scores
            if s.copy_of_outlet
        ),
        "errors": error_dicts(result),
    }


def error_dicts(result: RunResult) -> list[dict[str, Any]]:
    """The run's input errors as the report lists them."""
    return [
        {"path": e.path, "message": e.message, **({"line": e.line} if e.line else {})}
        for e in sorted(result.errors, key=lambda e: (e.path, e.line or 0))
    ]


def reftime_dict(result: RunResult, article_id: str) -> dict[str, str] | None:
    """An article's reference time as the JSON report writes it (None when it has none)."""
    rt = result.reftimes.get(article_id)
    if rt is None:
        return None
    return {
        "earliest": rt.earliest.isoformat(),
        "latest": rt.latest.isoformat(),
        "source": rt.source,
        "detail": rt.detail,
    }


# Indenting every level runs json's pure-Python encoder (9 s for 10k articles); the C encoder
# writes each item below the second level on one line: 20x faster, and one finding per line
# greps and diffs well.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def dumps(document: dict[str, Any]) -> str:
    """The document as JSON text: top-level keys one per line, and each element of a top-level
    list (a finding, a story, an article) on a line of its own."""
    return "".join(_pieces(document, 0)) + "\n"


def _pieces(value: Any, depth: int) -> Iterator[str]:
    """`dumps` in pieces, so that a large report is written without being held as one string
    (findings.json of 10k articles held as one string cost 300 MB at the peak)."""
    if depth >= 2 or not isinstance(value, dict | list | Iterator) or value == {}:
        yield _COMPACT(value)
        return
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("\n" if n == 0 else ",\n") + inner + _COMPACT(str(key)) + ": "
            yield from _pieces(item, depth + 1)
        yield f"\n{pad}}}"
    else:  # a list, or a generator of its items (`_sections`): "[]" when it has none
        count = 0
        for count, item in enumerate(value, start=1):
            yield ("[\n" if count == 1 else ",\n") + inner
            yield from _pieces(item, depth + 1)
        yield f"\n{pad}]" if count else "[]"


def write_json(result: RunResult, path: Path) -> None:
    """Write the JSON report, each item as it is made (`dumps(build_document(result))`, the same
    text, without holding the document)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(_pieces(_sections(result), 0))
        out.write("\n")
