"""JSON and JSON Lines with the field names crawlers and news APIs use."""

# ruff: noqa: E501 - fixtures hold news paragraphs, which are single long lines

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.ingest import IngestError, load_file
from checker.model import Article

DATA = Path(__file__).resolve().parent / "data"
TEXT = "Ministers agreed on Friday to cut fishing quotas by a tenth. The cut takes effect in May."


def _write_json(tmp_path: Path, value: Any, name: str = "items.json", indent: int | None = None) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, indent=indent), encoding="utf-8")
    return path


def _one(path: Path) -> Article:
    loaded = load_file(path)
    assert loaded.errors == []
    (article,) = loaded.articles
    return article


def test_basil_like_record(tmp_path: Path) -> None:
    article = _one(DATA / "basil_like.json")
    assert article.outlet == "Fox News"  # the short code "fox" through outlets.csv
    assert article.title == "Harbour Bridge Reopens After Repairs"
    assert article.published == date(2011, 4, 7)
    assert article.url == "http://www.foxnews.com/us/2011/04/07/harbour-bridge-reopens/"
    assert article.format == "json"
    paragraphs = article.text.split("\n\n")
    assert (
        paragraphs[1]
        == "Mayor Jonas Berg said the work had been finished two weeks early. He said tolls would not be raised this year."
    )
    assert "“42 million dollars,”" in paragraphs[0]
    assert article.provenance["outlet"] == "field 'source' (line 1): 'fox'"
    # each paragraph points at the line of its first sentence, escapes notwithstanding
    assert [article.line_of(article.text.index(p)) for p in paragraphs] == [13, 16, 20]


@pytest.mark.parametrize("field", ["text", "body", "content", "maintext", "article"])
def test_text_field_names(tmp_path: Path, field: str) -> None:
    article = _one(_write_json(tmp_path, {field: TEXT, "headline": "Quotas cut", "publisher": "NYT"}))
    assert (article.text, article.title, article.outlet) == (
        TEXT,
        "Quotas cut",
        "The New York Times",
    )


@pytest.mark.parametrize(
    ("record", "outlet", "published"),
    [
        ({"site": "hpo", "date_publish": "2019-06-01 08:15:00"}, "HuffPost", date(2019, 6, 1)),
        (
            {
                "publisher": {"@type": "Organization", "name": "The Guardian"},
                "datePublished": "2020-01-31T23:59:00+01:00",
            },
            "The Guardian",
            date(2020, 1, 31),
        ),
        (
            {"source_domain": "www.reuters.com", "published": "March 5, 2024"},
            "Reuters",
            date(2024, 3, 5),
        ),
        (
            {"outlet": "CONTINENTAL WIRE", "date": "2024-03-05"},
            "Continental Wire",
            date(2024, 3, 5),
        ),
        ({"url": "https://edition.cnn.com/2024/01/02/world/x"}, "CNN", None),
        ({}, "unknown", None),
    ],
)
def test_outlet_and_date_fields(tmp_path: Path, record: dict[str, Any], outlet: str, published: date | None) -> None:
    article = _one(_write_json(tmp_path, {"text": TEXT, **record}))
    assert (article.outlet, article.published) == (outlet, published)
    if published:
        assert "field" in article.provenance["published"]


def test_news_api_wrapper_and_list_items(tmp_path: Path) -> None:
    value = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": None, "name": "BBC News"},
                "author": "Ola Smith",
                "title": "One",
                "content": TEXT,
                "publishedAt": "2024-05-01T10:00:00Z",
            },
            {
                "source": {"name": "Al Jazeera"},
                "title": "Two",
                "description": "x",
                "content": "Second story text, long enough.",
            },
        ],
    }
    loaded = load_file(_write_json(tmp_path, value, indent=2))
    assert [(a.outlet, a.title, a.part) for a in loaded.articles] == [
        ("BBC News", "One", 0),
        ("Al Jazeera", "Two", 1),
    ]
    assert loaded.articles[0].author == "Ola Smith"
    assert loaded.articles[0].published == date(2024, 5, 1)
    assert loaded.articles[1].line_map == [loaded.articles[1].line_map[0]]
    assert loaded.articles[1].line_map[0] > loaded.articles[0].line_map[0]


def test_list_with_a_bad_item_keeps_the_others(tmp_path: Path) -> None:
    value = [{"text": TEXT, "source": "nyt"}, {"title": "no text here"}, "not an object"]
    path = _write_json(tmp_path, value, indent=2)
    loaded = load_file(path)
    assert [a.outlet for a in loaded.articles] == ["The New York Times"]
    assert [(e.path, e.message.split(":")[0]) for e in loaded.errors] == [
        (path.as_posix(), "item 2 (line 6)"),
        (path.as_posix(), "item 3 (line 9)"),
    ]
    assert "no article text" in loaded.errors[0].message
    assert "expected a JSON object" in loaded.errors[1].message


def test_body_paragraphs_of_strings_and_sentence_lists(tmp_path: Path) -> None:
    record = {
        "body-paragraphs": [
            "First paragraph here.",
            ["Second, sentence one.", "Sentence two."],
            [],
            "  ",
        ]
    }
    article = _one(_write_json(tmp_path, record))
    assert article.text == "First paragraph here.\n\nSecond, sentence one. Sentence two."


def test_malformed_json_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.path == path.as_posix()
    assert "malformed JSON" in caught.value.message and "line 1" in caught.value.message


def test_single_object_without_text_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no article text"):
        load_file(_write_json(tmp_path, {"title": "Only a title"}))


def test_jsonl_malformed_line_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": TEXT, "source": "fox", "title": "First"}),
        "",
        '{"text": "broken line", ',
        json.dumps({"body": "Third line's article text.", "source": "hpo"}),
        json.dumps(["a", "list"]),
        json.dumps({"headline": "no body"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_file(path)
    assert [(a.outlet, a.part, a.line_map) for a in loaded.articles] == [
        ("Fox News", 0, [1]),
        ("HuffPost", 1, [4]),
    ]
    assert loaded.source.format == "jsonl"
    messages = [e.message for e in loaded.errors]
    assert all(e.path == path.as_posix() for e in loaded.errors)
    assert messages[0].startswith("line 3: malformed JSON")
    assert messages[1].startswith("line 5: expected a JSON object")
    assert messages[2].startswith("line 6: no article text")
