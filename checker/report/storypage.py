"""A story page's data: the story's articles side by side, aligned sentence by sentence, the
evidence of its findings highlighted where it stands.

`story_page(page)` works from a `StoryPage`: everything one page shows and nothing else (its
articles, their sentences, the story's alignments and findings, the findings' cards and the
articles' views, which the report data prepares for every page). A batch of them is small to
send, so the pages can be rendered in the engine's worker processes rather than by processes
forked from a driver that holds the whole run (see `checker.report.html.write_html`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from checker.model import Alignment, Article, Finding, Sentence, Story
from checker.report.grid import Block, EvRef, Piece, Row, Span, grid_body, grid_rows, highlight


@dataclass
class StoryPage:
    """What one story page needs."""

    story: Story
    slug: str  # the page's file name, without .html
    members: list[Article]  # in the story's order
    sentences: dict[str, list[Sentence]]  # article id -> its sentences
    alignments: list[Alignment]
    findings: list[Finding]  # the story's, in report order
    cards: dict[str, dict[str, Any]]  # finding id -> its card (as the findings page shows it)
    views: dict[str, dict[str, Any]]  # article id -> its view (as every page shows it)
    rules: dict[str, dict[str, Any]]  # code -> explanation, for the rules the findings use
    previous: dict[str, str] | None = None  # the story before and after it in the report: slug, title
    following: dict[str, str] | None = None


def story_page(page: StoryPage) -> dict[str, Any]:
    """The story template's values."""
    members, findings = page.members, page.findings
    ids = [a.id for a in members]
    spans: dict[str, list[Span]] = defaultdict(list)
    meta: dict[str, dict[str, list[tuple[str, EvRef]]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        for index, e in enumerate(f.evidence):
            ref = EvRef(f.id, index, e.role, f.rule, f.severity)
            if e.article not in page.sentences:  # another story's article, or the knowledge base
                continue
            if e.start >= 0 and e.end > e.start:
                spans[e.article].append((e.start, e.end, ref))
            else:
                name = e.sentence.split(":", 1)[0].strip() if ":" in e.sentence else "metadata"
                meta[e.article][name].append((e.sentence, ref))
    sentences: dict[str, list[Sentence]] = {}
    position: dict[str, dict[int, int]] = {}
    for a in members:
        sentences[a.id], position[a.id] = sentences_covering(a, page.sentences[a.id], spans.get(a.id, []))
    groups = [
        (al.score, [(a, position[a][i]) for a, i in al.sentences if i in position.get(a, {})]) for al in page.alignments
    ]
    rows = []
    for kind, score, cells in grid_rows(ids, sentences, groups):
        blocks: list[Block | None] = []
        for a in members:
            indexes = cells.get(a.id)
            if not indexes:
                blocks.append(None)
                continue
            shown = [sentences[a.id][i] for i in indexes]
            blocks.append(
                Block(
                    [(s.index, highlight(a.text, s.start, s.end, spans.get(a.id, []))) for s in shown],
                    positions=indexes,
                )
            )
        rows.append(Row(kind, score, blocks))
    mark_moved(rows, members)
    columns = []
    for a in members:
        view = dict(page.views[a.id])  # other pages show the same view without this page's parts
        fields = {}
        for name, items in meta.get(a.id, {}).items():
            refs = [ref for _, ref in items]
            text = items[0][0]
            if name == "published" and view["published"]:
                text = view["published"]
            elif name == "reference time" and view["reftime"]:
                rt = view["reftime"]
                text = rt["earliest"] if rt["same"] else f"{rt['earliest']} – {rt['latest']}"
            fields[name] = Piece(text, refs, anchors=[r.key for r in refs], tags=refs)
        view["meta"] = fields
        view["extra_meta"] = [p for n, p in fields.items() if n not in ("published", "reference time")]
        view["sentences"] = len(sentences[a.id])
        columns.append(view)
    used_rules = sorted({f.rule for f in findings})
    return {
        "story": page.story,
        "columns": columns,
        "rows": rows,
        "grid": grid_body(rows),
        "findings": [page.cards[f.id] for f in findings],
        "counts": Counter(f.severity for f in findings if not reviewed(page.cards[f.id])),
        "reviewed": sum(reviewed(page.cards[f.id]) for f in findings),
        "comparing": any(page.cards[f.id].get("review") for f in findings),
        "story_rules": [page.rules[c] for c in used_rules if c in page.rules],
        "previous": page.previous,
        "following": page.following,
    }


def reviewed(card: dict[str, Any]) -> bool:
    """Whether a finding was reviewed already: accepted in the baseline, or outside the change."""
    review = card.get("review")
    return review is not None and review["status"] != "new"


def sentences_covering(
    article: Article, segmented: Sequence[Sentence], spans: Iterable[Span]
) -> tuple[list[Sentence], dict[int, int]]:
    """The article's sentences, plus a stand-in line for any evidence outside every sentence.

    Returns the sentences in text order and the map from the segmenter's sentence indexes
    (which alignments use) to positions in that list; stand-ins have index -1.
    """
    found = list(segmented)
    extra: list[Sentence] = []
    for start, end, _ in spans:
        if any(s.start <= start and end <= s.end for s in [*found, *extra]):
            continue
        lo = article.text.rfind("\n", 0, start) + 1
        hi = article.text.find("\n", end)
        hi = len(article.text) if hi < 0 else hi
        extra.append(Sentence(article.id, -1, lo, hi, article.text[lo:hi]))
    merged = sorted([*found, *extra], key=lambda s: (s.start, s.end)) if extra else found
    return merged, {s.index: n for n, s in enumerate(merged) if s.index >= 0}


def mark_moved(rows: list[Row], members: Sequence[Article]) -> None:
    """Mark blocks that do not continue their article where the column left off."""
    for column in range(len(members)):
        blocks = [row.cells[column] for row in rows if row.cells[column] is not None]
        waiting = sorted(p for block in blocks if block for p in block.positions)
        for block in blocks:
            if block is None:
                continue
            block.moved = bool(waiting) and block.positions[0] != waiting[0]
            for p in block.positions:
                waiting.remove(p)
