"""HTML pages -> one article: trafilatura for the main text, page metadata for the rest.

The page is parsed here into an lxml tree and only the tree is handed to trafilatura and
htmldate: given a string that looks like a URL, htmldate would download it.
"""

from __future__ import annotations

import json
from itertools import islice
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from checker.ingest import furniture
from checker.ingest.budget import MAX_PAGE_PARAGRAPHS, MAX_PARAGRAPH_MARKUP
from checker.ingest.common import IngestError
from checker.ingest.dates import coerce_date
from checker.ingest.formats import NO_TEXT, finish
from checker.ingest.inline import split_numbered
from checker.ingest.layout import paragraphs_text
from checker.ingest.locate import Locator
from checker.ingest.metadata import parse_dateline
from checker.ingest.outlets import canonical_outlet, host_of
from checker.ingest.stitched import PieceMeta, substantial
from checker.model import Article, InputError


def _meta_content(tree: HtmlElement, *names: str) -> str | None:
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            if str(value).strip():
                return str(value).strip()
    return None


def _walk_json(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_walk_json(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_walk_json(value))
    return found


def _jsonld_publisher(tree: HtmlElement) -> str | None:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for node in _walk_json(data):
            publisher = node.get("publisher")
            if isinstance(publisher, list):
                publisher = publisher[0] if publisher else None
            if isinstance(publisher, dict):
                publisher = publisher.get("name")
            if isinstance(publisher, str) and publisher.strip():
                return publisher.strip()
    return None


def _canonical_url(tree: HtmlElement) -> tuple[str, str] | None:
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        if str(href).startswith(("http://", "https://")):
            return str(href), "canonical link"
    og = _meta_content(tree, "og:url")
    if og and og.startswith(("http://", "https://")):
        return og, "og:url"
    return None


def _strip_site_suffix(title: str, outlet: str) -> str:
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, sep, tail = title.rpartition(separator)
        if sep and head and canonical_outlet(tail) == outlet:
            return head.strip()
    return title


def _tame(tree: HtmlElement, path: str, errors: list[InputError]) -> None:
    """Keep the page within what trafilatura reads in reasonable time (checker.ingest.budget):
    its XPath over the text under `<p>` elements takes time in the square of their number."""
    extra = list(islice(tree.iter("p"), MAX_PAGE_PARAGRAPHS, None))
    if extra:
        line = extra[0].sourceline
        for element in extra:
            element.drop_tree()
        total = MAX_PAGE_PARAGRAPHS + len(extra)
        over = f"over the limit of {MAX_PAGE_PARAGRAPHS:,}"
        message = f"the page has {total:,} paragraphs, {over}: only the first ones are read"
        errors.append(InputError(path, message, line if isinstance(line, int) else None))
    outermost, inside = _paragraph_markup(tree)
    if inside > MAX_PARAGRAPH_MARKUP:
        for paragraph in outermost:
            if len(paragraph):
                text = paragraph.text_content()
                for child in list(paragraph):
                    paragraph.remove(child)
                paragraph.text = text
        over = f"over the limit of {MAX_PARAGRAPH_MARKUP:,}"
        message = f"the page's paragraphs hold {inside:,} elements (links, emphasis), {over}: read as plain text"
        errors.append(InputError(path, message))


def _paragraph_markup(tree: HtmlElement) -> tuple[list[HtmlElement], int]:
    """The `<p>` elements inside no other one, and how many elements all paragraphs hold: one walk
    (asking each paragraph for its descendants is quadratic when paragraphs nest)."""
    outermost: list[HtmlElement] = []
    inside = depth = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if element.tag == "p":
            if event == "start":
                if depth == 0:
                    outermost.append(element)
                depth += 1
            else:
                depth -= 1
        elif event == "start" and depth:
            inside += 1
    return outermost, inside


def load_html_page(content: str, path: str, *, url_hint: str | None = None) -> tuple[list[Article], list[InputError]]:
    """One article from an HTML page (`url_hint`: the URL it was fetched from, if known), and
    warnings about what was left out of it."""
    if not content.strip():
        raise IngestError(path, f"{NO_TEXT} (the file is empty)")
    tree = load_html(content)
    if tree is None:
        raise IngestError(path, f"{NO_TEXT} (not parseable as HTML)")
    errors: list[InputError] = []
    _tame(tree, path, errors)
    document = trafilatura.bare_extraction(
        tree,
        url=url_hint,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # markup only (meta tags, JSON-LD, <time>, URL): the extensive text search guesses,
        # e.g. January 1st from a "© 2024" footer
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(document, "text", None) or ""
    if document is None or isinstance(document, dict) or not body.strip():
        raise IngestError(path, f"{NO_TEXT} (only navigation, boilerplate or nothing)")
    meta = PieceMeta()
    canonical = _canonical_url(tree)
    if canonical:
        meta.take("url", canonical[0], canonical[1])
    elif url_hint:
        meta.take("url", url_hint, "fetch sidecar")
    site = _meta_content(tree, "og:site_name")
    publisher = _jsonld_publisher(tree)
    host = host_of(meta.url) if meta.url else None
    if site:
        meta.take("outlet", canonical_outlet(site), f"og:site_name '{site}'")
    elif publisher:
        meta.take("outlet", canonical_outlet(publisher), f"JSON-LD publisher '{publisher}'")
    elif host:
        meta.take("outlet", canonical_outlet(host), f"host of the {meta.provenance['url']} '{host}'")
    elif document.sitename:
        meta.take(
            "outlet",
            canonical_outlet(document.sitename),
            f"site name '{document.sitename}' (trafilatura)",
        )
    if document.title:
        title = _strip_site_suffix(document.title.strip(), meta.outlet or "")
        meta.take("title", title, "page title (trafilatura: og:title, h1 or <title>)")
    meta.take("published", coerce_date(document.date), "page date (trafilatura/htmldate)")
    meta.take("author", document.author, "page author (trafilatura: meta, JSON-LD or byline)")

    locator = Locator(content)
    kept: list[tuple[int, str]] = []
    previous = 1
    for index, line in split_numbered(list(enumerate(body.split("\n")))):
        text = " ".join(line.split())
        if not text or (index == 0 and meta.title and text == meta.title):
            continue
        if furniture.classify(text):
            continue
        previous = locator.line_of(text, previous)
        kept.append((previous, text))
    if not substantial([text for _, text in kept]):
        raise IngestError(path, f"{NO_TEXT} (only navigation, boilerplate or nothing)")
    # every line of trafilatura's output is a paragraph of its own
    meta.text, meta.line_map = paragraphs_text([text for _, text in kept], [number for number, _ in kept])
    dateline = parse_dateline(kept[0][1])
    if dateline and dateline.text:
        meta.take("dateline", dateline.text, f"lede line {kept[0][0]}")
    return finish([meta], path, "html", errors), errors
