"""The score in words: one line per reason, for articles and outlets, as the report prints them.

Every line starts with the points it moves ("-15.0", "+2.0"; "+0.0" when something was counted
but moves nothing) so a reader can add them up, followed by what was measured and, for signals
that are only reasons to look again, "(to verify)".
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.ingest.outlets import UNKNOWN
from checker.model import Article, ArticleScore, OutletScore
from checker.scoring.copies import CopyLink
from checker.scoring.crosscheck import Corroboration, Hit
from checker.scoring.weights import CONFIDENCE_HALF_AT, FLOOR, LOW_CONFIDENCE, SIGNAL, SIGNALS, START

BASIS = {
    "knowledge base": "checked against the knowledge base",
    "other outlets": "against {against}",
    "no independent majority": "no independent majority, so half weight",
    "its own text": "its own text contradicts it",
    "blank": "a blank in its text",
}
MAX_MESSAGE = 200
METADATA = ("no date", "no byline", "no dateline")


def points(value: float) -> str:
    return f"{value:+.1f}"


def phrase(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def _short(text: str, limit: int = MAX_MESSAGE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def label(key: str) -> str:
    """What the report calls a breakdown key: 'role error' -> 'role error finding'."""
    signal = SIGNAL.get(key)
    if signal is not None:
        return signal.label + ("" if signal.verdict else " (to verify)")
    if key == FLOOR:
        return "score floor"
    category, _, severity = key.partition(" ")
    return f"{category} findings ({severity})"


def hit_line(hit: Hit) -> str:
    basis = BASIS[hit.basis].format(against=phrase(hit.against) or "other outlets")
    return f"{points(-hit.points)} {hit.finding.rule} ({hit.key}): {_short(hit.finding.message)} [{basis}]"


def article_lines(
    article: Article,
    score: float,
    breakdown: dict[str, float],
    hits: Sequence[Hit],
    instances: dict[str, list[str]],
    corroborated: Corroboration,
    link: CopyLink | None,
    copies: Sequence[CopyLink],
    articles: dict[str, Article],
) -> list[str]:
    lines = [f"starts at {START:.0f}"]
    lines += [hit_line(h) for h in sorted(hits, key=lambda h: (-h.points, h.finding.rule, h.finding.id))]
    for signal in SIGNALS:
        found = instances.get(signal.key) or []
        if not found or signal.key == "corroboration":
            continue
        if signal.key in METADATA:
            lines.append(f"{points(breakdown.get(signal.key, 0.0))} {label(signal.key)}")
            continue
        examples = "; ".join(f"'{e}'" for e in found[:2]) + ("; …" if len(found) > 2 else "")
        count = f"{len(found)} × {abs(signal.points):g}" if len(found) > 1 else "1"
        capped = f", at most {signal.cap:g}" if abs(signal.points) * len(found) > signal.cap else ""
        lines.append(f"{points(breakdown.get(signal.key, 0.0))} {label(signal.key)}: {count}{capped} - {examples}")
    lines.append(_corroboration_line(breakdown.get("corroboration", 0.0), corroborated, breakdown))
    if link is not None:
        if link.original:
            original = articles[link.original]
            lines.append(
                f"{points(0)} copy: repeats {original.outlet}'s article '{_short(original.title, 80)}' "
                f"({link.similarity:.0%} of its text; the copy because {link.basis}); its agreement with "
                f"{original.outlet} is not counted as corroboration"
            )
        else:
            lines.append(
                f"{points(0)} copy: {link.basis}; its agreement with {link.original_outlet} "
                "is not counted as corroboration"
            )
    if copies:
        names = phrase(sorted({articles[c.copy].outlet for c in copies}))
        lines.append(f"{points(0)} copied by {names}: their agreement is not counted as corroboration")
    if FLOOR in breakdown:
        lines.append(f"{points(breakdown[FLOOR])} score floor: a score cannot fall below 0")
    if article.outlet == UNKNOWN:
        lines.append("outlet unknown: no byline, source line, dateline or site name named it")
    lines.append(f"= {score:.1f}")
    return lines


def _corroboration_line(bonus: float, c: Corroboration, breakdown: dict[str, float]) -> str:
    head = f"{points(bonus)} {label('corroboration')}"
    if not c.independent:
        return f"{head}: no independent outlet covers this story, so nothing can be corroborated"
    if not c.checkable:
        return f"{head}: no checkable claims (figures, dates, titles, quotes)"
    text = (
        f"{head}: {c.corroborated} of {c.checkable} checkable claims ({c.share:.0%}) also stated by "
        f"independent outlets{' (' + phrase(c.by) + ')' if c.by else ''}"
    )
    if c.excluded:
        text += f"; not counted: {phrase(c.excluded)}, not independent of it (copies or the wire it republishes)"
    lost = -sum(v for k, v in breakdown.items() if k != "corroboration" and v < 0)
    if bonus == 0 and c.corroborated and lost == 0:
        text += "; nothing was lost, so there is nothing to add back"
    return text


def _tally(members: Sequence[ArticleScore], keys: Sequence[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Per key: in how many articles it moves points, and the sum of what was counted of it (each
    article's count as a whole number); one pass over the articles instead of two per key."""
    having = dict.fromkeys(keys, 0)
    counts = dict.fromkeys(keys, 0)
    for member in members:
        breakdown, measured = member.breakdown, member.measured
        for key in having:  # (each key once)
            if breakdown.get(key):
                having[key] += 1
            counts[key] += int(measured.get(key, 0))
    return having, counts


def outlet_lines(outlet: OutletScore, members: Sequence[ArticleScore]) -> list[str]:
    n = len(members)
    scores = sorted(m.score for m in members)
    listed = ", ".join(f"{s:.1f}" for s in scores) if n <= 8 else f"lowest {scores[0]:.1f}, highest {scores[-1]:.1f}"
    lines = [f"{outlet.score:.1f} is the mean of its {n} article score{'s' if n != 1 else ''} ({listed})"]
    conf = f"confidence {outlet.confidence:.2f} = {n} / ({n} + {CONFIDENCE_HALF_AT:g})"
    if outlet.low_confidence:
        conf += f", below {LOW_CONFIDENCE:g}: low confidence, too few articles to say much about the outlet"
    lines.append(conf)
    if outlet.outlet == UNKNOWN:
        lines.append("not one source: articles whose outlet could not be identified are pooled here")
    parts = {**outlet.breakdown, **outlet.signals}
    having, counts = _tally(members, [*parts, "findings"])
    for key in sorted(parts, key=lambda k: (parts[k] > 0, parts[k], k)):
        where = f"in {having[key]} of {n} article{'s' if n != 1 else ''}"
        if key != "corroboration" and key != FLOOR:
            count = counts[key]
            where = f"{count} {'found' if key in SIGNAL else 'finding' + ('s' if count != 1 else '')} {where}"
        else:
            where = f"points back {where}"
        lines.append(f"{points(parts[key])} {label(key)}: {where}" + (", averaged over them" if n > 1 else ""))
    flagged = counts["findings"]
    if flagged:
        kinds = [
            (int(sum(m.measured.get(key, 0) for m in members)), text)
            for key, text in (
                ("knowledge-base errors", "against the knowledge base"),
                ("contradicted by other outlets", "against other outlets"),
                ("internal contradictions", "contradicted by its own text"),
                ("blanks", "blanks"),
                ("without an independent majority", "without an independent majority (half weight)"),
            )
        ]
        lines.append(
            f"findings flagging its articles: {flagged} (" + ", ".join(f"{k} {t}" for k, t in kinds if k) + ")"
        )
    copies = [m for m in members if m.copy_of_outlet]
    if copies:
        sources = phrase(sorted({m.copy_of_outlet or "" for m in copies}))
        lines.append(
            f"{len(copies)} of its articles {'is a copy' if len(copies) == 1 else 'are copies'} (of {sources}): "
            "their agreement with the original is not counted as corroboration"
        )
    if not parts:
        lines.append("nothing was counted against it")
    return lines
