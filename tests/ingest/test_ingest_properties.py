"""Property tests: no exception escapes the readers (text, Markdown, front matter, HTML, JSON,
JSON Lines, any bytes as any file) or the claim extractors, whatever they are given. A reader may
refuse a file, with an IngestError and a reason; anything else is a bug.

Example counts stay modest (the suite runs them at every commit; CHECKER_PROPERTY_EXAMPLES=2000
hunts longer); Hypothesis's example database is off so that a run leaves no files behind."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import claims, segment
from checker.claims.dates import extract_dates
from checker.claims.missing import extract_missing
from checker.claims.people import PeopleContext, extract_administrations, extract_roles
from checker.claims.quantities import extract_quantities
from checker.claims.quotes import extract_quotes
from checker.ingest import IngestError, LoadedFile, load_file
from checker.ingest.formats import load_json, load_jsonl, load_text
from checker.ingest.htmlpage import load_html_page
from checker.ingest.metadata import parse_front_matter
from checker.ingest.reading import decode_text
from checker.knowledge import default_kb
from checker.model import Article, article_id

EXAMPLES = int(os.environ.get("CHECKER_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# words the readers and extractors react to, mixed with any characters
NEWS_PIECES = [
    "Sen. ",
    "President ",
    "former ",
    "Joe Biden",
    "Gov. ",
    "Mary Roe",
    " said ",
    " told ",
    "“",
    "”",
    '"',
    "'",
    "$",
    "%",
    "12",
    "1,200",
    "3.5",
    " million ",
    " people ",
    " March ",
    "5, ",
    "2020",
    " on Monday",
    " ago ",
    "last week",
    ". ",
    "! ",
    "? ",
    "\n",
    "\n\n",
    "(",
    ")",
    " – ",
    "—",
    "Reuters",
    "By ",
    " | ",
    "Published ",
    "READ FULL ARTICLE",
    "Source: ",
    "www.example.test",
    "Photos: ",
    "Hide Caption 1 of 2 ",
    "(@handle) ",
    "---\n",
    "title: ",
    "date: ",
    "# ",
    "**",
    "[a](",
    "U.S.",
    "the ",
    "of ",
    "a ",
    "\u00a0",
    "\ud800",
    "\x00",
]
news_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(NEWS_PIECES), st.text(max_size=5)), max_size=80).map("".join),
)
HTML_PIECES = [
    "<html>",
    "<head>",
    "<title>",
    "</title>",
    "<meta charset='zlib'>",
    '<meta property="og:site_name" content="X">',
    "<body>",
    "<article>",
    "</article>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<ul><li>",
    "</li></ul>",
    "<b>",
    "</b>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<a href='https://x.test'>",
    "</a>",
    "<br>",
    "<table><tr><td>",
    '<script type="application/ld+json">{"publisher": {"name": "Y"}}</script>',
    "<time datetime='2024-01-02'>",
    "&amp;",
    "&#xD800;",
    "<",
    ">",
    "<svg>",
    "</svg>",
    "<h1>",
    "</h1>",
    "<p>A sentence of the article. ",
]
html_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(HTML_PIECES), news_text), max_size=40).map("".join),
)
KEYS = ["text", "body", "content", "title", "headline", "source", "outlet", "url", "date", "published",
        "author", "authors", "articles", "items", "body-paragraphs", "name", "publisher", "datePublished"]  # fmt: skip
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | news_text,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=30,
)


def refused_or_read(read: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return read(*args, **kwargs)
    except IngestError as err:
        assert err.message and err.path
        return None


def storable(loaded: LoadedFile | tuple[list[Article], list[Any]] | list[Article] | None) -> None:
    """Whatever was read can be written as UTF-8 (the store, the reports)."""
    if loaded is None:
        return
    if isinstance(loaded, LoadedFile):
        articles, errors = loaded.articles, loaded.errors
    elif isinstance(loaded, tuple):
        articles, errors = loaded
    else:
        articles, errors = loaded, []
    for article in articles:
        for value in (article.text, article.title, article.outlet, article.path, *article.provenance.values()):
            value.encode("utf-8")
        assert len(article.line_map) in (0, article.text.count("\n") + 1)
    for error in errors:
        error.message.encode("utf-8")


@SETTINGS
@given(st.binary(max_size=400), st.booleans())
def test_decode_any_bytes(data: bytes, html: bool) -> None:
    text = refused_or_read(decode_text, data, "f", html=html)
    assert text is None or "\r" not in text


@SETTINGS
@given(news_text, st.booleans())
def test_text_and_markdown(text: str, markdown: bool) -> None:
    storable(refused_or_read(load_text, text, "f.txt", markdown=markdown))


@SETTINGS
@given(st.lists(news_text, max_size=12))
def test_front_matter(lines: list[str]) -> None:
    found = parse_front_matter(["---", *lines, "---"])
    assert found is None or found[1] <= len(lines) + 2


@SETTINGS
@given(html_text)
def test_html_pages(page: str) -> None:
    storable(refused_or_read(load_html_page, page, "f.html"))


@SETTINGS
@given(json_values)
def test_any_json_shape(value: Any) -> None:
    source = json.dumps(value)
    storable(refused_or_read(load_json, source, "f.json"))
    storable(refused_or_read(load_jsonl, source.replace("\n", " ") + "\n" + source.replace("\n", " "), "f.jsonl"))


@SETTINGS
@given(st.lists(st.one_of(news_text, json_values.map(json.dumps)), max_size=6))
def test_json_lines_of_anything(lines: list[str]) -> None:
    storable(refused_or_read(load_jsonl, "\n".join(lines), "f.jsonl"))


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".txt.gz", ".json.gz"]))
def test_any_bytes_as_any_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and data[:1] != b"x" else data)
        storable(refused_or_read(load_file, path))


@SETTINGS
@given(news_text)
def test_every_extractor(text: str) -> None:
    people = PeopleContext(default_kb())
    extract_dates(text)
    extract_quantities(text)
    extract_missing(text)
    extract_roles(text, people)
    extract_administrations(text, people)
    extract_quotes(text, people)


@SETTINGS
@given(news_text, news_text)
def test_sentences_and_claims_of_any_article(title: str, text: str) -> None:
    article = Article(id=article_id(text, "Daily"), path="f.txt", outlet="Daily", title=title, text=text)
    sentences = segment.split_article(article)
    for claim in claims.extract(article, sentences, default_kb()):
        assert 0 <= claim.start <= claim.end <= len(text)
