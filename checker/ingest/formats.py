"""Text (.txt/.md) and JSON (.json/.jsonl) files -> articles. HTML is in `htmlpage.py`."""

from __future__ import annotations

import json
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from checker.ingest import furniture
from checker.ingest.budget import cut_article, cut_note
from checker.ingest.common import IngestError, plain_reason, valid_text
from checker.ingest.dates import coerce_date
from checker.ingest.inline import split_numbered
from checker.ingest.layout import first_sentence, paragraphs_text
from checker.ingest.markdown import markdown_line
from checker.ingest.metadata import parse_dateline, parse_front_matter
from checker.ingest.outlets import UNKNOWN, canonical_outlet, host_of
from checker.ingest.stitched import PieceMeta, inherit_outlets, read_page
from checker.model import Article, InputError, article_id

NO_TEXT = "no article text found"


def finish(metas: list[PieceMeta], path: str, fmt: str, errors: list[InputError]) -> list[Article]:
    """Articles from piece metadata: outlets inherited or 'unknown', titles filled, ids computed,
    texts over the budget cut (with a warning in `errors`)."""
    inherit_outlets(metas)
    articles: list[Article] = []
    for part, meta in enumerate(metas):
        cut = cut_article(meta.text, meta.line_map)
        if cut is not None:
            first_left_out = meta.line_map[len(cut[1])] if len(meta.line_map) > len(cut[1]) else None
            errors.append(InputError(path, cut_note(meta.title, len(meta.text)), first_left_out))
            meta.text, meta.line_map = cut
        if not meta.outlet:
            meta.outlet = UNKNOWN
            meta.provenance["outlet"] = "no outlet found (no byline, source line, dateline or site name)"
        if not meta.title:
            meta.title = first_sentence(meta.text)
            meta.provenance["title"] = "first sentence of the text (no headline found)"
        _valid_fields(meta)
        articles.append(
            Article(
                id=article_id(meta.text, meta.outlet),
                path=path,
                outlet=meta.outlet,
                title=meta.title,
                text=meta.text,
                published=meta.published,
                url=meta.url,
                author=meta.author,
                dateline=meta.dateline,
                part=part,
                format=fmt,
                line_map=meta.line_map,
                provenance=dict(sorted(meta.provenance.items())),
            )
        )
    return articles


def _valid_fields(meta: PieceMeta) -> None:
    """Every text field storable as UTF-8 (a JSON record may spell a lone surrogate, "\\ud800")."""
    for name in ("title", "text", "outlet", "url", "author", "dateline"):
        value = getattr(meta, name)
        if isinstance(value, str):
            setattr(meta, name, valid_text(value))
    meta.provenance = {key: valid_text(how) for key, how in meta.provenance.items()}


# ---------------------------------------------------------------- text and markdown


def load_text(content: str, path: str, *, markdown: bool = False) -> tuple[list[Article], list[InputError]]:
    lines = content.split("\n")
    numbered = [(number, line) for number, line in enumerate(lines, start=1)]
    errors: list[InputError] = []
    front = parse_front_matter(lines)
    if front:
        numbered = numbered[front[1] :]
        errors.extend(InputError(path, problem) for problem in front[2])
    if markdown:
        numbered = [(number, markdown_line(line)) for number, line in numbered]
    metas = read_page(numbered, single=front is not None)
    if not metas:
        empty = not any(line.strip() for _, line in numbered)
        raise IngestError(path, f"{NO_TEXT} (the file is empty)" if empty else NO_TEXT)
    if front:
        _apply_front_matter(metas[0], front[0], path, errors)
    return finish(metas, path, "text", errors), errors


def _apply_front_matter(
    meta: PieceMeta, fields: dict[str, tuple[str, int]], path: str, errors: list[InputError]
) -> None:
    for name, (value, number) in sorted(fields.items()):
        how = f"front matter line {number}"
        if name == "published":
            found = coerce_date(value)
            if found is None:
                errors.append(
                    InputError(path, f"line {number}: front matter date '{value}' is not a date; ignored", number)
                )
                continue
            meta.published = found
        elif name == "outlet":
            meta.outlet = canonical_outlet(value)
        else:
            setattr(meta, name, value)
        meta.provenance[name] = how


# ---------------------------------------------------------------- JSON and JSON Lines

TEXT_FIELDS = (
    "text",
    "body",
    "content",
    "maintext",
    "article",
    "body-paragraphs",
    "body_paragraphs",
)
TITLE_FIELDS = ("title", "headline")
OUTLET_FIELDS = ("outlet", "source", "site", "publisher", "source_domain", "site_name", "sitename")
DATE_FIELDS = (
    "published",
    "date",
    "date_publish",
    "datePublished",
    "publishedAt",
    "published_at",
    "pubdate",
)
URL_FIELDS = ("url", "link", "canonical_url")
AUTHOR_FIELDS = ("author", "authors", "byline")
LIST_KEYS = ("articles", "items", "data", "results", "documents")
# possessive: a plain `(?:[^"\\]|\\.)*` keeps a backtracking record per character, ~130 bytes
# each (a 15 MB string took 2 GB)
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"')


_SPACES = re.compile(r"\s+")  # what str.split() splits at
_WORD = re.compile(r"\S+")


class _Source:
    """A JSON text and the line of any offset in it, by bisection over where its line breaks
    are (counting the breaks before an offset at each question was quadratic in the size of a
    file of many records)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: array[int] | None = None

    def line_at(self, offset: int) -> int:
        if self._breaks is None:
            self._breaks = array("q", (m.start() for m in re.finditer("\n", self.text)))
        return bisect_left(self._breaks, offset) + 1


def _paragraphs(value: Any) -> list[str]:
    """A text field as paragraphs: a string, or a list of paragraphs (strings or sentence lists)."""
    if isinstance(value, str):
        blocks = re.split(r"\n\s*\n", value.replace("\r\n", "\n"))
        if len(blocks) == 1:
            blocks = value.split("\n")
        return [_fold(b) for b in blocks if b.strip()]
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            if isinstance(item, list):
                item = " ".join(str(s).strip() for s in item if isinstance(s, str) and s.strip())
            if isinstance(item, str) and item.strip():
                out.append(_fold(item))
        return out
    return []


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _fold(text: str) -> str:
    """`" ".join(text.split())` without the list of every word (~60 bytes a word)."""
    return _SPACES.sub(" ", text).strip()


def _literal_head(literal: str, size: int) -> str:
    """The first `size` characters of a JSON string literal's text, whitespace folded ("" when
    it does not decode to a string); only the words needed are folded."""
    try:
        value = json.loads(literal)
    except ValueError:
        return ""
    if not isinstance(value, str):
        return ""
    words: list[str] = []
    length = -1
    for word in _WORD.finditer(value):
        words.append(word.group())
        length += len(words[-1]) + 1
        if length >= size:
            break
    return " ".join(words)[:size]


# how many string literals past the last one found a paragraph's literal may be looked for: a
# record's paragraphs are its next literals, and a paragraph that is no literal of its own (a
# string cut at blank lines) must not make every later paragraph search all of the record
LOCATE_LOOKAHEAD = 64


def _locate(source: _Source, start: int, end: int, key: str, paragraphs: list[str]) -> list[int]:
    """Source line of each paragraph: where its first string literal sits after `"key":`, found
    in order (so escapes such as \\u2019 do not matter); the key's line when not found."""
    found = re.compile(rf'"{re.escape(key)}"\s*:').search(source.text, start, end)
    base = found.end() if found else start
    literals = [(m.start(), m.group()) for m in _STRING.finditer(source.text, base, end)]
    heads: dict[int, str] = {}  # literal index -> its folded text: decoded once, however often tried
    lines: list[int] = []
    cursor = 0
    for paragraph in paragraphs:
        line = lines[-1] if lines else source.line_at(base)
        for index in range(cursor, min(len(literals), cursor + LOCATE_LOOKAHEAD)):
            words = heads.get(index)
            if words is None:
                words = heads[index] = _literal_head(literals[index][1], 60)
            if words and paragraph.startswith(words):
                line, cursor = source.line_at(literals[index][0]), index + 1
                break
        lines.append(line)
    return lines


def piece_from_object(obj: dict[str, Any], where: str, source: _Source, start: int, end: int) -> PieceMeta:
    """One JSON object -> piece metadata. Raises ValueError with a reason when it has no text."""
    # (each field read once: the first with text is the text)
    text_field = next(((k, text) for k in TEXT_FIELDS if (text := _paragraphs(obj.get(k)))), None)
    if text_field is None:
        raise ValueError(f"no article text (looked for the fields {', '.join(TEXT_FIELDS)})")
    key, paragraphs = text_field
    numbered = _without_furniture(list(zip(_locate(source, start, end, key, paragraphs), paragraphs, strict=True)))
    if not numbered:
        raise ValueError("no article text (only page furniture: captions, buttons, links)")
    paragraphs = [text for _, text in numbered]
    meta = PieceMeta(prose=len(paragraphs))
    meta.text, meta.line_map = paragraphs_text(paragraphs, [number for number, _ in numbered])
    for field_name, names in (
        ("title", TITLE_FIELDS),
        ("url", URL_FIELDS),
        ("author", AUTHOR_FIELDS),
    ):
        found = next(((k, _name(obj.get(k))) for k in names if _name(obj.get(k))), None)
        if found:
            meta.take(field_name, found[1], f"field '{found[0]}' ({where})")
    raw_outlet = next(((k, _name(obj.get(k))) for k in OUTLET_FIELDS if _name(obj.get(k))), None)
    if raw_outlet and raw_outlet[1]:
        meta.take(
            "outlet",
            canonical_outlet(raw_outlet[1]),
            f"field '{raw_outlet[0]}' ({where}): '{raw_outlet[1]}'",
        )
    elif meta.url and host_of(meta.url):
        meta.take(
            "outlet",
            canonical_outlet(meta.url),
            f"host of field 'url' ({where}): '{host_of(meta.url)}'",
        )
    for date_key in DATE_FIELDS:
        found_date = coerce_date(obj.get(date_key))
        if found_date:
            meta.take("published", found_date, f"field '{date_key}' ({where}): '{obj[date_key]}'")
            break
    dateline = parse_dateline(paragraphs[0])
    if dateline and dateline.text:
        meta.take("dateline", dateline.text, f"lede in field '{key}' ({where})")
    return meta


def _without_furniture(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A crawler's text field still holds the page's furniture, as a page does: photo captions and
    credits, "Advertisement", share buttons, gallery captions glued into a paragraph."""
    return [(number, text) for number, text in split_numbered(numbered) if not furniture.classify(text)]


def _number(digits: str) -> int | float:
    """A JSON integer. Python refuses to convert one of more than 4,300 digits (ValueError): a
    record with such a number in some field (an id, a counter) is still read, the number kept
    as a float (infinite)."""
    return int(digits) if len(digits) <= 4000 else float(digits)


_DECODER = json.JSONDecoder(parse_int=_number)


def _objects(source: str, position: int = 0) -> Iterator[tuple[Any, int, int]]:
    """(value, start, end) for the top-level value, or for each element of a top-level list (also
    a list under "articles"/"items"/... of a wrapper object, as news APIs return)."""
    decoder = _DECODER
    while position < len(source) and source[position].isspace():
        position += 1
    if source.startswith("[", position):
        position += 1
        while True:
            while position < len(source) and (source[position].isspace() or source[position] == ","):
                position += 1
            if position >= len(source) or source[position] == "]":
                return
            value, end = decoder.raw_decode(source, position)
            yield value, position, end
            position = end
    value, end = decoder.raw_decode(source, position)
    if isinstance(value, dict) and not any(value.get(k) for k in TEXT_FIELDS):
        nested = next((k for k in LIST_KEYS if isinstance(value.get(k), list)), None)
        inner = re.compile(rf'"{nested}"\s*:\s*').search(source, position, end) if nested else None
        if inner:
            yield from _objects(source, inner.end())
            return
    if source[end:].strip():
        raise json.JSONDecodeError("extra data after the JSON value", source, end)
    yield value, position, end


def _json_error(err: json.JSONDecodeError) -> str:
    return f"malformed JSON: {err.msg} (line {err.lineno}, column {err.colno})"


def load_json(source: str, path: str) -> tuple[list[Article], list[InputError]]:
    metas: list[PieceMeta] = []
    errors: list[InputError] = []
    lines = _Source(source)
    try:
        items = list(_objects(source))
    except json.JSONDecodeError as err:
        raise IngestError(path, _json_error(err)) from err
    if not items:
        raise IngestError(path, f"{NO_TEXT} (an empty JSON list)")
    for number, (value, start, end) in enumerate(items, start=1):
        line = lines.line_at(start)
        where = f"item {number} (line {line})" if len(items) > 1 else f"line {line}"
        if not isinstance(value, dict):
            errors.append(InputError(path, f"{where}: expected a JSON object, found {_kind(value)}"))
            continue
        try:
            metas.append(piece_from_object(value, where, lines, start, end))
        except ValueError as err:
            errors.append(InputError(path, f"{where}: {err}"))
        except Exception as err:  # one record's failure costs that record
            errors.append(InputError(path, f"{where}: {plain_reason(err)}"))
    if not metas and len(errors) == 1 and len(items) == 1:
        raise IngestError(path, errors[0].message)
    return finish_json(metas, path, "json", errors), errors


def load_jsonl(source: str, path: str) -> tuple[list[Article], list[InputError]]:
    metas: list[PieceMeta] = []
    errors: list[InputError] = []
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = _DECODER.decode(line)
        except json.JSONDecodeError as err:
            errors.append(InputError(path, f"line {number}: malformed JSON: {err.msg} (column {err.colno})", number))
            continue
        except RecursionError as err:
            errors.append(InputError(path, f"line {number}: {plain_reason(err)}", number))
            continue
        if not isinstance(value, dict):
            errors.append(InputError(path, f"line {number}: expected a JSON object, found {_kind(value)}", number))
            continue
        try:
            metas.append(piece_from_object(value, f"line {number}", _Source(line), 0, len(line)))
        except ValueError as err:
            errors.append(InputError(path, f"line {number}: {err}", number))
            continue
        except Exception as err:  # one record's failure costs that record
            errors.append(InputError(path, f"line {number}: {plain_reason(err)}", number))
            continue
        metas[-1].line_map = [number] * len(metas[-1].line_map)
    if not metas and not errors:
        raise IngestError(path, "empty file: no JSON lines")
    return finish_json(metas, path, "jsonl", errors), errors


def finish_json(metas: list[PieceMeta], path: str, fmt: str, errors: list[InputError]) -> list[Article]:
    """Like `finish`, but records are separate articles: no outlet is inherited between them."""
    articles = [finish([meta], path, fmt, errors)[0] for meta in metas]
    for part, article in enumerate(articles):
        article.part = part
    return articles


def _kind(value: Any) -> str:
    names = {"list": "a list", "str": "a string", "int": "a number", "float": "a number"}
    return names.get(type(value).__name__, "true/false" if isinstance(value, bool) else "null")
