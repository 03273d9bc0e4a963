"""Furniture inside paragraphs: flattened photo galleries and embedded-post signatures."""

# ruff: noqa: E501 - fixtures hold news paragraphs, which are single long lines

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.ingest import IngestError, load_file
from checker.ingest.inline import split_paragraphs

GALLERY = [
    "The bridge reopened on Friday after two years of repairs.",
    "Photos: The harbour bridge Photos: The harbour bridge Workers fit the last span on Monday, March 2. Hide Caption 1 of 3 Photos: The harbour bridge",
    "The mayor cut the ribbon on Thursday, March 5 Hide Caption 2 of 3 Photos: The harbour bridge Boats pass below the deck. Hide Caption 3 of 3",
    "Tolls will not rise this year, the council said.",
]


def test_gallery_across_paragraphs_is_cut_out() -> None:
    assert split_paragraphs(GALLERY) == [
        (0, "The bridge reopened on Friday after two years of repairs."),
        (3, "Tolls will not rise this year, the council said."),
    ]


def test_gallery_glued_to_an_article_sentence_keeps_the_sentence() -> None:
    paragraphs = [
        "The bridge reopened on Friday. Photos: The bridge A crane lifts a span on May 4. Hide Caption 1 of 2 Photos: The bridge Traffic returns. Hide Caption 2 of 2 Tolls will not rise this year."
    ]
    assert split_paragraphs(paragraphs) == [
        (0, "The bridge reopened on Friday."),
        (0, "Tolls will not rise this year."),
    ]


def test_unfinished_gallery_takes_the_next_caption_to_the_end_of_its_paragraph() -> None:
    paragraphs = [
        "Photos: The bridge A crane lifts a span. Hide Caption 1 of 9 Photos: The bridge Traffic returns on May 4.",
        "Tolls will not rise this year.",
    ]
    assert split_paragraphs(paragraphs) == [(1, "Tolls will not rise this year.")]


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        ("We will finish the bridge! — Jane Roe (@janeroe) October 14, 2017", "We will finish the bridge!"),
        (
            "Great day for the port — Port Fans (Official Club) (@portfans) May 29, 2018 Report",
            "Great day for the port",
        ),
        ("— Jane Roe (@janeroe) Oct. 14, 2017", None),
    ],
)
def test_post_signature_goes_and_the_post_stays(paragraph: str, kept: str | None) -> None:
    assert split_paragraphs(["First.", paragraph]) == [(0, "First.")] + ([(1, kept)] if kept else [])


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council said on Friday, March 6, that tolls would not rise (a decision welcomed by drivers).",
        "The captain - Jane Roe - said on May 4, 2020 that the ship would sail.",
        "Hide and seek: the caption contest drew 300 entries on Monday.",
    ],
)
def test_article_text_is_left_alone(paragraph: str) -> None:
    assert split_paragraphs([paragraph]) == [(0, paragraph)]


def test_json_record_loses_its_furniture_and_keeps_its_line_map(tmp_path: Path) -> None:
    record = {
        "title": "Bridge reopens",
        "outlet": "Harbour Daily",
        "text": "\n\n".join(
            [
                *GALLERY[:3],
                "Advertisement",
                "FILE PHOTO: The bridge at dawn in Harbourtown, May 2, 2019. REUTERS/Ana Sousa",
                "The ferry will stop running next month. — Port Authority (@portauthority) June 1, 2020",
                GALLERY[3],
            ]
        ),
    }
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "Another record about ferries, which run daily."}) + "\n" + json.dumps(record) + "\n",
        encoding="utf-8",
    )
    article = load_file(path).articles[1]
    assert article.text.split("\n\n") == [
        "The bridge reopened on Friday after two years of repairs.",
        "The ferry will stop running next month.",
        "Tolls will not rise this year, the council said.",
    ]
    assert article.line_map == [2, 2, 2, 2, 2]


def test_json_record_of_furniture_only_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"text": "Advertisement\n\nPhoto: Ana Sousa/AP"}), encoding="utf-8")
    with pytest.raises(IngestError, match="only page furniture"):
        load_file(path)


def test_text_page_gallery_is_cut_out(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("Bridge reopens\n\n" + "\n\n".join(GALLERY) + "\n", encoding="utf-8")
    (article,) = load_file(path).articles
    assert "Hide Caption" not in article.text and "March 5" not in article.text
    assert article.text.split("\n\n") == [GALLERY[0], GALLERY[3]]
    assert article.line_map == [3, 9, 9]
