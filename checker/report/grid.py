"""The story grid: evidence highlights cut into pieces, sentences laid out in rows, and the grid's
HTML rendered in Python.

The grid is most of the report (every sentence of every article, each a few pieces), and a Jinja
macro call per piece cost more than everything else together. `grid_body` writes exactly what
the templates wrote, byte for byte; every value passes through markupsafe's `escape`, the same
function Jinja's autoescaping uses.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from checker.model import Sentence
from checker.report.fragments import esc

# --- highlighting ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EvRef:
    """One piece of evidence of one finding, as a highlight refers to it."""

    finding: str
    index: int  # position in finding.evidence
    role: str  # flagged | reference
    rule: str
    severity: str

    @property
    def key(self) -> str:
        return f"{self.finding}-{self.index}"


@dataclass
class Piece:
    """A run of text with the evidence covering it (none: plain text)."""

    text: str
    refs: list[EvRef] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # evidence keys starting here
    tags: list[EvRef] = field(default_factory=list)  # evidence ending here: its visible label

    @property
    def role(self) -> str:
        return "flagged" if any(r.role == "flagged" for r in self.refs) else "reference"

    @property
    def nav(self) -> bool:
        """A flagged place starts here: a stop for the j/k keys."""
        return any(r.role == "flagged" and r.key in self.anchors for r in self.refs)

    @property
    def findings(self) -> str:
        return " ".join(dict.fromkeys(r.finding for r in self.refs))

    @property
    def evidence(self) -> str:
        return " ".join(f"{r.key}:{r.role}" for r in self.refs)

    @property
    def target(self) -> str:
        return self.refs[0].finding if self.refs else ""

    @property
    def describedby(self) -> str:
        """Ids of the messages of the findings this piece belongs to."""
        return " ".join(f"msg-{f}" for f in self.findings.split())

    @property
    def label(self) -> str:
        """What a screen reader hears besides the words: role and rules."""
        parts = dict.fromkeys(f"{r.role} {r.rule}" for r in self.refs)
        return ", ".join(parts)


Span = tuple[int, int, EvRef]


def highlight(text: str, start: int, end: int, spans: Sequence[Span]) -> list[Piece]:
    """`text[start:end]` cut into pieces at every evidence boundary inside it."""
    inside = [(max(s, start), min(e, end), s, e, ref) for s, e, ref in spans if s < end and e > start]
    if not inside:  # most sentences: one plain piece
        return [Piece(text[start:end])] if start < end else []
    cuts = sorted({start, end, *(a for a, *_ in inside), *(b for _, b, *_ in inside)})
    pieces: list[Piece] = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        covering = [item for item in inside if item[0] <= a and item[1] >= b]
        refs = sorted((item[4] for item in covering), key=lambda r: (r.role != "flagged", r.key))
        piece = Piece(
            text[a:b],
            refs,
            anchors=[item[4].key for item in covering if item[2] == a],
            tags=[item[4] for item in covering if item[3] == b],
        )
        if not refs and pieces and not pieces[-1].refs:
            pieces[-1].text += piece.text
        else:
            pieces.append(piece)
    return pieces


# --- the story grid --------------------------------------------------------------------------


@dataclass
class Block:
    """Sentences of one article shown in one cell of the story grid."""

    sentences: list[tuple[int, list[Piece]]]  # (segmenter's sentence index or -1, pieces)
    positions: list[int] = field(default_factory=list)  # places in the article's reading order
    moved: bool = False  # shown out of the article's order to sit beside its aligned sentences


@dataclass
class Row:
    kind: str  # aligned | unaligned
    score: float | None
    cells: list[Block | None]

    @property
    def flagged(self) -> bool:
        return any(p.refs and p.role == "flagged" for c in self.cells if c for _, ps in c.sentences for p in ps)


def grid_rows(
    articles: Sequence[str],
    sentences: dict[str, list[Sentence]],
    groups: Sequence[tuple[float, list[tuple[str, int]]]],
) -> list[tuple[str, float | None, dict[str, list[int]]]]:
    """Rows of (kind, score, article -> sentence indexes), every sentence exactly once.

    Alignment groups become rows; the unaligned sentences between them become rows of their own,
    so each column reads as its article in order. When alignments cross, the group with the
    earliest relative position goes first and the sentences it pulls forward are marked moved.
    """
    count = {a: len(sentences.get(a, [])) for a in articles}
    group_of: dict[tuple[str, int], int] = {}
    members: list[dict[str, list[int]]] = []
    for number, (_, sentence_list) in enumerate(groups):
        mine: dict[str, list[int]] = defaultdict(list)
        for article, index in sentence_list:
            if article in count and 0 <= index < count[article] and (article, index) not in group_of:
                group_of[(article, index)] = number
                mine[article].append(index)
        members.append({a: sorted(v) for a, v in mine.items()})
    where = [_relative_position(m, count) for m in members]  # fixed per group: computed once
    done: set[tuple[str, int]] = set()
    pos = dict.fromkeys(articles, 0)
    rows: list[tuple[str, float | None, dict[str, list[int]]]] = []

    def advance() -> None:
        for a in articles:
            while pos[a] < count[a] and (a, pos[a]) in done:
                pos[a] += 1

    while True:
        advance()
        gap: dict[str, list[int]] = {}
        for a in articles:
            run = []
            while pos[a] < count[a] and ((a, pos[a]) in done or (a, pos[a]) not in group_of):
                if (a, pos[a]) not in done:
                    run.append(pos[a])
                    done.add((a, pos[a]))
                pos[a] += 1
            if run:
                gap[a] = run
        if gap:
            rows.append(("unaligned", None, gap))
        heads = {group_of[(a, pos[a])] for a in articles if pos[a] < count[a]}
        if not heads:
            break
        ready = [g for g in heads if all(idx[0] == pos[a] for a, idx in members[g].items())]
        chosen = min(ready or heads, key=lambda g: (where[g], g))
        rows.append(
            (
                "aligned" if len(members[chosen]) > 1 else "unaligned",
                groups[chosen][0],
                members[chosen],
            )
        )
        done.update((a, i) for a, idx in members[chosen].items() for i in idx)
    return rows


def _relative_position(members: dict[str, list[int]], count: dict[str, int]) -> float:
    """Where a group sits in its articles: the mean of its sentences' relative positions."""
    spots = [i / max(count[a], 1) for a, idx in members.items() for i in idx]
    return sum(spots) / len(spots) if spots else 0.0


# --- the grid as HTML --------------------------------------------------------------------------
# Each function below writes what a piece of story.html (or the `piece` macro) wrote before,
# whitespace included.


def _attr_list(refs: Sequence[EvRef]) -> tuple[str, str, str, str]:
    """The piece's findings, evidence, describedby and label attributes (see `Piece`)."""
    findings = list(dict.fromkeys(r.finding for r in refs))
    return (
        " ".join(findings),
        " ".join(f"{r.key}:{r.role}" for r in refs),
        " ".join(f"msg-{f}" for f in " ".join(findings).split()),
        ", ".join(dict.fromkeys(f"{r.role} {r.rule}" for r in refs)),
    )


def piece_html(p: Piece, hl_href: str = "", words: bool = False) -> Markup:
    """One highlighted run of text, as the `piece` macro of _macros.html wrote it."""
    return Markup(_piece(p, hl_href, words))


def _piece(p: Piece, hl_href: str = "", words: bool = False) -> str:
    if not p.refs:
        return esc(p.text)
    findings, evidence, describedby, label = _attr_list(p.refs)
    text = _words(p.text) if words else esc(p.text)
    out = [f'<span class="anchor" id="e-{esc(key)}"></span>' for key in p.anchors]
    out.append(
        f'<a class="hl hl-{esc(p.role)}" href="{esc(hl_href)}#f-{esc(p.target)}"'
        f' data-findings="{esc(findings)}" data-ev="{esc(evidence)}"{" data-nav" if p.nav else ""}'
        f' aria-describedby="{esc(describedby)}"><mark>{text}</mark>'
        f'<span class="vh"> ({esc(label)})</span></a>'
    )
    for r in p.tags:
        mark = "✗" if r.role == "flagged" else "≈"
        out.append(f'<sup class="tag tag-{esc(r.role)}" aria-hidden="true">{mark} {esc(r.rule)}</sup>')
    return "".join(out)


def _words(text: str) -> str:
    """Each word unbreakable, the words apart."""
    return " ".join([f'<span class="nw">{esc(w)}</span>' for w in text.split(" ")])


_MOVED_NOTE = '<p class="moved-note">Shown out of this article’s order, beside what it matches.</p>'
_EMPTY_CELL = '      <td class="cell empty-cell"><span class="vh">nothing in this article</span></td>\n'


def _cell_html(block: Block | None, out: list[str]) -> None:
    if block is None:
        out.append(_EMPTY_CELL)
        return
    out.append(f'      <td class="cell{" moved" if block.moved else ""}">\n')
    if block.moved:
        out.append(_MOVED_NOTE)  # the template line ends in a block tag: no indent, no newline
    for index, pieces in block.sentences:
        number = index + 1 if index >= 0 else "·"
        text = "".join([_piece(p) if p.refs else esc(p.text) for p in pieces])
        out.append(f'        <p class="s"><span class="sn" aria-hidden="true">{number}</span> {text}</p>\n')
    out.append("      </td>\n")


def _row_html(row: Row, out: list[str]) -> None:
    out.append(f'    <tr class="row-{esc(row.kind)}{" row-flagged" if row.flagged else ""}">\n')
    if row.kind == "aligned":
        label = (
            '<span aria-hidden="true">≡</span><span class="vh">aligned, similarity</span>'
            f" <small>{row.score:.2f}</small>"
        )
    else:
        label = '<span class="vh">not aligned</span>'
    out.append(f'      <th scope="row" class="rowlabel">{label}</th>\n')
    for block in row.cells:
        _cell_html(block, out)
    out.append("    </tr>\n")


def grid_body(rows: Sequence[Row]) -> Markup:
    """The grid's <tbody>, every row: what story.html's loop over the rows wrote (the template
    puts it on a line of its own, indented by two spaces)."""
    out = ["<tbody>\n"]
    for row in rows:
        _row_html(row, out)
    out.append("  </tbody>")
    return Markup("".join(out))
