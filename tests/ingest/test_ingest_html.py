"""HTML pages built here, with the furniture real pages carry around the article."""

# ruff: noqa: E501 - fixtures hold news paragraphs, which are single long lines

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from checker.ingest import IngestError, iter_corpus, load_file
from checker.model import Article

PARAGRAPHS = [
    "The Harbour bridge reopened to traffic on Tuesday after eleven months of repairs that cost the city 42 million euros, officials said.",
    "Mayor Jonas Berg said the work had been finished &amp; inspected two weeks ahead of schedule, and that tolls would not be raised this year.",
    "Engineers replaced 340 steel cables and resurfaced the full 1.2 kilometre deck, according to the transport department.",
    "“We are proud of what the crews achieved in a difficult winter,” Berg told reporters at the <a href='/c'>reopening ceremony</a>.",
]


def page(head: str = "", *, body_extra: str = "", paragraphs: list[str] | None = None) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    advert = "</p>\n<div class='ad advertisement'>Advertisement: SuperPhone 50% off today only</div>\n<p>"
    body = body.replace("</p>\n<p>", advert, 1)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Coastal Ledger</title>
{head}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Harbour bridge reopens after repairs</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
{body}
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry strike ends after two days of talks</a></li><li><a href="/b">New tram line approved by the council</a></li></ul></aside>
<section id="comments" class="comments"><h3>3 Comments</h3><div class="comment"><p>Great news, finally! I drive over it every day and the detour was awful.</p></div></section>
{body_extra}
</main>
<footer><p>© 2024 The Coastal Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


FULL_HEAD = """<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:title" content="Harbour bridge reopens after repairs">
<link rel="canonical" href="https://www.coastalledger.test/news/2024/03/05/harbour-bridge">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reading a page must never touch the network (htmldate downloads strings that look like URLs)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while reading HTML")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


def _one(tmp_path: Path, html: str, name: str = "page.html", encoding: str = "utf-8") -> Article:
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    loaded = load_file(path)
    assert loaded.errors == []
    (article,) = loaded.articles
    return article


def test_body_present_and_furniture_absent(tmp_path: Path) -> None:
    article = _one(tmp_path, page(FULL_HEAD))
    assert article.text.split("\n\n")[0].startswith("The Harbour bridge reopened")
    assert "finished & inspected" in article.text
    assert "reopening ceremony." in article.text
    assert len(article.text.split("\n\n")) == 4
    for furniture in (
        "cookies",
        "Accept all",
        "Home",
        "Sport",
        "Share on",
        "Tweet",
        "Advertisement",
        "SuperPhone",
        "Related stories",
        "Ferry strike",
        "Comments",
        "Great news",
        "©",
        "Privacy",
    ):
        assert furniture not in article.text, furniture
    assert article.format == "html"


def test_metadata_from_the_page(tmp_path: Path) -> None:
    article = _one(tmp_path, page(FULL_HEAD))
    assert article.title == "Harbour bridge reopens after repairs"
    assert article.outlet == "The Coastal Ledger"
    assert article.provenance["outlet"] == "og:site_name 'The Coastal Ledger'"
    assert article.published == date(2024, 3, 5)
    assert article.author == "Maria Lindqvist"
    assert article.url == "https://www.coastalledger.test/news/2024/03/05/harbour-bridge"
    assert set(article.provenance) == {"title", "outlet", "published", "author", "url"}


def test_line_map_points_at_the_html_source_lines(tmp_path: Path) -> None:
    html = page(FULL_HEAD)
    article = _one(tmp_path, html)
    source = html.split("\n")
    for sentence in ("Mayor Jonas Berg said", "Engineers replaced 340", "We are proud of what"):
        line = article.line_of(article.text.index(sentence))
        assert sentence in source[line - 1]


@pytest.mark.parametrize(
    ("head", "outlet", "how"),
    [
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Gulf Monitor"}}</script>',
            "Gulf Monitor",
            "JSON-LD publisher",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "publisher": {"name": "REUTERS"}}]}</script>',
            "Reuters",
            "JSON-LD publisher",
        ),
        (
            '<link rel="canonical" href="https://www.straitstimes.com/world/harbour-bridge">',
            "The Straits Times",
            "host of the canonical link",
        ),
        (
            '<link rel="canonical" href="https://news.unlisted.test/a/b">',
            "news.unlisted.test",
            "host of the canonical link",
        ),
    ],
)
def test_outlet_fallbacks(tmp_path: Path, head: str, outlet: str, how: str) -> None:
    article = _one(tmp_path, page(head))
    assert article.outlet == outlet
    assert article.provenance["outlet"].startswith(how)


def test_title_loses_the_site_suffix(tmp_path: Path) -> None:
    head = '<meta property="og:site_name" content="The Coastal Ledger">'
    html = page(head).replace("<h1>Harbour bridge reopens after repairs</h1>", "")
    assert _one(tmp_path, html).title == "Harbour bridge reopens after repairs"


def test_sidecar_url_is_used_when_the_page_has_none(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(page(), encoding="utf-8")
    sidecar = {
        "url": "https://www.reuters.com/world/story",
        "fetched_at": "2024-03-05T10:00:00Z",
        "status": 200,
        "sha256": "0",
    }
    (tmp_path / "story.fetch.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (loaded,) = list(iter_corpus([tmp_path]))  # the sidecar itself is not an input
    assert not isinstance(loaded, IngestError) and hasattr(loaded, "articles")
    (article,) = loaded.articles
    assert article.url == "https://www.reuters.com/world/story"
    assert article.provenance["url"] == "fetch sidecar"
    assert article.outlet == "Reuters"


def test_cp1252_page_with_declared_charset(tmp_path: Path) -> None:
    html = page(FULL_HEAD).replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    )
    html = html.replace("Mayor Jonas Berg", "Mayor Zoë Bérg")
    article = _one(tmp_path, html, encoding="cp1252")
    assert "Mayor Zoë Bérg said" in article.text
    assert "“We are proud" in article.text


def test_dateline_in_an_html_lede(tmp_path: Path) -> None:
    paragraphs = ["OSLO, March 5 (Nordic Wire) – " + PARAGRAPHS[0], *PARAGRAPHS[1:]]
    article = _one(tmp_path, page(FULL_HEAD, paragraphs=paragraphs))
    assert article.dateline == "OSLO, March 5 (Nordic Wire)"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "no article text found"),
        ("   \n\n", "no article text found"),
        ("<html><head><title>x</title></head><body></body></html>", "no article text found"),
        ("https://example.com/a-page-that-must-not-be-downloaded", "no article text found"),
        (
            "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
            "<div class='cookie'>We use cookies. <button>Accept</button></div>"
            "<footer>© 2024 Site. All rights reserved. <a href='/p'>Privacy</a></footer></body></html>",
            "no article text found",
        ),
    ],
)
def test_empty_and_boilerplate_only_pages(tmp_path: Path, html: str, reason: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.path == path.as_posix()
    assert reason in caught.value.message
