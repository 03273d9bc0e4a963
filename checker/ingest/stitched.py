"""Reading a text page: classify its lines, split it into pieces, read each piece's metadata.

A page may carry several outlets' pieces one after another ("stitched"). The cues are general:
  - a header line naming an outlet (`OUTLET | Published DATE`, `By X | Outlet | Date`) opens a
    piece once the current one has body text; the headline (and standfirst, caption or a
    `RELATED: <headline>` link) just above it belong to the new piece;
  - end markers (`READ FULL ARTICLE`, `Continue reading`, `Read the original at ...`,
    `SOURCE: www.x.com`) close a piece; the next content line opens the next one;
  - a headline followed by a dateline lede (`MOSCOW – ...`, `– In a ...`) opens a piece once the
    current one has body text;
  - a comment section (`Leave a Reply`, `3 Comments`) is dropped up to the next header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from checker.ingest import furniture
from checker.ingest.inline import split_numbered
from checker.ingest.layout import build_text, is_hard_wrapped
from checker.ingest.metadata import (
    Byline,
    Dateline,
    SourceRef,
    host_line,
    is_prose,
    looks_like_headline,
    parse_byline,
    parse_dateline,
    parse_header,
    parse_source_label,
    parse_source_line,
)
from checker.ingest.outlets import canonical_outlet, host_of, looks_like_host, lookup_outlet

_SKIP = ("blank", "drop")


@dataclass
class Line:
    no: int  # 1-based line in the source file
    text: str
    kind: str  # blank drop caption end list tail related header byline source body
    byline: Byline | None = None
    source: SourceRef | None = None
    quote: str = ""  # the source text quoted in provenance
    related: str | None = None


def _quote(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return f"'{text[: limit - 1]}…'" if len(text) > limit else f"'{text}'"


def _classify_one(no: int, text: str) -> Line:
    if not text:
        return Line(no, text, "blank")
    ref = parse_source_line(text)
    if ref:
        return Line(no, text, "source", source=ref, quote=_quote(text))
    header = parse_header(text)
    if header:
        return Line(no, text, "header", byline=header)
    byline = parse_byline(text)
    if byline:
        return Line(no, text, "byline", byline=byline)
    found = furniture.classify(text)
    if found:
        return Line(no, text, found.kind, related=found.title)
    return Line(no, text, "body")


def classify_lines(numbered: list[tuple[int, str]]) -> list[Line]:
    """One `Line` per source line, with its role on the page."""
    lines = [_classify_one(no, raw.replace("\u00a0", " ").strip()) for no, raw in split_numbered(numbered)]
    for index, line in enumerate(lines):
        label = parse_source_label(line.text) if line.kind in ("body", "drop", "tail") else None
        if not label:
            continue
        following = next((i for i in range(index + 1, len(lines)) if lines[i].kind != "blank"), None)
        if following is not None and following - index <= 2:
            host = host_line(lines[following].text)
            if host:
                line.kind, line.source = "source", SourceRef(host, label[0], label[1])
                line.quote = f"{_quote(line.text)} + line {lines[following].no}: {_quote(host)}"
                lines[following].kind = "drop"
    _drop_link_lists(lines)
    return lines


def _next_content(lines: list[Line], index: int) -> int | None:
    for after in range(index + 1, len(lines)):
        if lines[after].kind not in ("blank", "drop", "caption"):
            return after
    return None


def _lede_at(lines: list[Line], index: int | None) -> bool:
    if index is None or lines[index].kind != "body":
        return False
    return parse_dateline(lines[index].text) is not None and is_prose(lines[index].text)


def _drop_link_lists(lines: list[Line]) -> None:
    """The short link titles under a "You may also like" heading are furniture too."""
    for index, line in enumerate(lines):
        if line.kind != "list":
            continue
        for after in range(index + 1, len(lines)):
            item = lines[after]
            if item.kind in ("blank", "drop", "caption"):
                continue
            title = item.text.lstrip("-*•· ").strip()
            if item.kind != "body" or is_prose(title) or not furniture.is_link_like(title):
                break
            following = _next_content(lines, after)
            if following is not None and (lines[following].kind == "header" or _lede_at(lines, following)):
                break  # the headline of the next piece, not a link
            item.kind = "drop"


@dataclass
class _Piece:
    indices: list[int] = field(default_factory=list)
    prose: int = 0
    prose_after_header: int = 0
    header: bool = False

    def started(self) -> bool:
        """Has body text of its own (a standfirst above a header does not count)."""
        return self.prose_after_header >= 1 if self.header else self.prose >= 2


def _preamble_start(lines: list[Line], at: int, floor: int, *, after_tail: bool) -> int:
    """Where the piece whose header is at `at` begins: its headline or RELATED link just above,
    with at most a standfirst between; otherwise just the captions and credits above it."""
    body_seen = 0
    start = at
    index = at - 1
    while index >= floor:
        line = lines[index]
        if line.kind in ("blank", "drop", "caption", "list"):
            index -= 1
            continue
        if line.kind == "source" and line.source and not line.source.strong:
            start = index
            index -= 1
            continue
        if line.kind == "related":
            return index
        if line.kind != "body":
            break
        body_seen += 1
        if looks_like_headline(line.text):
            return index
        if body_seen >= (1 if after_tail else 2):
            break
        index -= 1
    return start


def split_pieces(lines: list[Line]) -> list[list[Line]]:
    """The lines of each piece, in page order (furniture and comment sections left out)."""
    pieces = [_Piece()]
    owner: dict[int, int] = {}
    state = "body"  # "ended" after an end marker, "tail" inside a comment section
    floor = 0
    for index, line in enumerate(lines):
        kind = line.kind
        if kind in _SKIP:
            continue
        current = pieces[-1]
        start: int | None = None
        if kind == "header" and (state == "tail" or current.started()):
            start = _preamble_start(lines, index, floor, after_tail=state == "tail")
        elif state == "body" and kind == "body" and current.prose >= 1 and looks_like_headline(line.text):
            if _lede_at(lines, _next_content(lines, index)):
                start = index
        elif state == "ended" and (
            kind in ("body", "related", "caption", "byline", "header")
            or (kind == "source" and line.source is not None and not line.source.strong)
        ):
            start = index
        if start is not None:
            pieces.append(_Piece())
            for moved in range(start, index):
                if owner.get(moved) is not None:
                    pieces[owner[moved]].indices.remove(moved)
                if lines[moved].kind not in _SKIP and lines[moved].kind not in (
                    "end",
                    "tail",
                    "list",
                ):
                    owner[moved] = len(pieces) - 1
                    pieces[-1].indices.append(moved)
            current, state, floor = pieces[-1], "body", start
        if state == "tail" or kind in ("list", "tail"):
            if kind == "tail":
                state, floor = "tail", index + 1
            continue
        ends = kind == "end" or (kind == "source" and line.source is not None and line.source.ends_piece)
        if ends and any(lines[i].kind == "body" for i in current.indices):
            state = "ended"
        owner[index] = len(pieces) - 1
        current.indices.append(index)
        if kind == "header":
            current.header = True
        elif kind == "body" and state == "body" and is_prose(line.text):
            current.prose += 1
            current.prose_after_header += 1 if current.header else 0
    return [[lines[i] for i in piece.indices] for piece in pieces if piece.indices]


@dataclass
class PieceMeta:
    """What one piece says about itself; outlet is raw (canonicalised by the caller)."""

    title: str = ""
    text: str = ""
    line_map: list[int] = field(default_factory=list)
    outlet: str | None = None
    published: date | None = None
    author: str | None = None
    dateline: str | None = None
    url: str | None = None
    prose: int = 0
    provenance: dict[str, str] = field(default_factory=dict)

    def take(self, name: str, value: object, how: str) -> None:
        """Set a field (and its provenance) unless already set."""
        if value and not getattr(self, name):
            setattr(self, name, value)
            self.provenance[name] = how


_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)
# outlet evidence, strongest first
_OUTLET_RANK = ("header", "source", "byline", "dateline", "photo")


def read_piece(lines: list[Line], *, wrapped: bool = False) -> PieceMeta:
    """Title, text, line map and metadata of one piece's lines."""
    meta = PieceMeta()
    outlets: dict[str, tuple[str, str]] = {}
    body = [line for line in lines if line.kind == "body"]
    first_prose = next((i for i, line in enumerate(body) if is_prose(line.text)), len(body))
    title_line = next((line for line in body[:first_prose] if looks_like_headline(line.text)), None)
    related = next((line for line in lines if line.kind == "related" and line.related), None)
    if title_line:
        meta.take("title", title_line.text, f"headline line {title_line.no}")
    elif related and related.related:
        meta.take(
            "title",
            related.related,
            f"related-story link line {related.no}: {_quote(related.text)}",
        )
    # a "Published" date wins over an "Updated" one, wherever it stands
    updates = sorted(lines, key=lambda line: bool(_UPDATED.search(line.text)) if line.byline else False)
    for line in updates:
        if not (line.byline or line.source):
            continue  # (most lines: no need to quote them)
        where = f"line {line.no}: {line.quote or _quote(line.text)}"
        if line.byline:
            rank = "header" if line.kind == "header" else "byline"
            if line.byline.outlet:
                outlets.setdefault(rank, (line.byline.outlet, f"byline {where}"))
            meta.take("published", line.byline.published, f"byline {where}")
            meta.take("author", line.byline.author, f"byline {where}")
        if line.source:
            rank = "source" if line.source.strong else "photo"
            label = "source" if line.source.strong else "photo credit"
            outlets.setdefault(rank, (line.source.raw, f"{label} {where}"))
            if line.source.strong and "/" in line.source.raw.split("://", 1)[-1].rstrip("/"):
                meta.take("url", _as_url(line.source.raw), f"{label} {where}")
    text_lines = [line for line in body if line is not title_line]
    for lede in text_lines[:2]:  # the lede may follow a standfirst
        found: Dateline | None = parse_dateline(lede.text)
        if found:
            meta.take("dateline", found.text, f"lede line {lede.no}: {_quote(lede.text, 60)}")
            if found.agency:
                where = f"dateline line {lede.no}: '{found.text}'"
                outlets.setdefault("dateline", (found.agency, where))
            break
    ranked = [outlets[rank] for rank in _OUTLET_RANK if rank in outlets]
    if ranked:
        meta.take("outlet", *_prefer_name(ranked))
    meta.text, meta.line_map = build_text([(line.no, line.text) for line in text_lines], wrapped=wrapped)
    meta.prose = sum(1 for line in text_lines if is_prose(line.text))
    return meta


def _squash(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _prefer_name(ranked: list[tuple[str, str]]) -> tuple[str, str]:
    """The strongest evidence, except that a host missing from the outlet table gives way to a
    name found elsewhere in the piece that spells it ('harbourdaily.test' -> 'Harbour Daily')."""
    best, how = ranked[0]
    host = host_of(best) if looks_like_host(best) else None
    if host and not lookup_outlet(host):
        label = _squash(host.split(".")[0])
        for name, name_how in ranked[1:]:
            if not looks_like_host(name) and _squash(name) == label:
                return name, f"{name_how} (spells the host of {how})"
    return best, how


def _as_url(raw: str) -> str:
    return raw if "://" in raw else f"https://{raw}"


def read_page(numbered: list[tuple[int, str]], *, single: bool = False) -> list[PieceMeta]:
    """Every piece of a text page with its metadata (outlets canonical). Pieces without running
    text (a stray header or link after the last piece) give their metadata to the piece before.
    `single`: the page is one article whatever it looks like (e.g. front matter says so)."""
    lines = classify_lines(numbered)
    wrapped = is_hard_wrapped([line.text for line in lines if line.kind == "body"])
    pieces = split_pieces(lines)
    if single and pieces:
        pieces = [[line for piece in pieces for line in piece]]
    metas = [read_piece(piece, wrapped=wrapped) for piece in pieces]
    for meta in metas:
        if meta.outlet:
            meta.outlet = canonical_outlet(meta.outlet)
    kept: list[PieceMeta] = []
    for meta in metas:
        if meta.prose == 0 and kept and meta.text.count("\n") < 4:
            for name in ("outlet", "published", "author", "url"):
                kept[-1].take(name, getattr(meta, name), meta.provenance.get(name, ""))
            continue
        kept.append(meta)
    return [meta for meta in kept if substantial([meta.text])]


def substantial(lines: list[str]) -> bool:
    """Enough to be an article: a sentence of running text, or at least 15 words."""
    return any(is_prose(line) for line in lines) or sum(len(line.split()) for line in lines) >= 15


def inherit_outlets(metas: list[PieceMeta]) -> None:
    """A piece naming no outlet takes the page's outlet when all other pieces name the same one."""
    named = {m.outlet for m in metas if m.outlet}
    if len(named) != 1:
        return
    source = next((i, m) for i, m in enumerate(metas) if m.outlet)
    for meta in metas:
        if not meta.outlet and source[1].outlet:
            meta.outlet = source[1].outlet
            meta.provenance["outlet"] = f"inherited from part {source[0]}: {source[1].provenance['outlet']}"
