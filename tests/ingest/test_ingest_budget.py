"""Bounded cost per file (checker.ingest.budget): what goes over a cap is cut with a warning, and
the shapes that once took time in the square of their size are read in one pass. The inputs are
small where the shape is the point; no test measures time: they count work, or check that the
output of a hostile shape is what the slow code gave on a small one."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from checker.ingest import htmlpage, load_file
from checker.ingest.budget import MAX_ARTICLE_CHARS, cut_article
from checker.ingest.formats import _literal_head, _Source
from checker.ingest.inline import split_paragraphs
from checker.ingest.locate import SCAN_BUDGET, Locator, visible_text

PARAGRAPH = "The council said on Monday that it would review the plan after residents raised concerns."


def test_cut_article_keeps_whole_paragraphs_and_their_lines() -> None:
    text = "\n\n".join(f"{PARAGRAPH} ({k})" for k in range(10))
    line_map = [n for k in range(10) for n in ((k + 1,) if k == 0 else (k + 1, k + 1))]
    cut = cut_article(text, line_map, limit=300)
    assert cut is not None
    kept, kept_map = cut
    assert len(kept) <= 300 and kept.endswith("(2)")
    assert len(kept_map) == kept.count("\n") + 1 and kept_map[-1] == 3
    assert cut_article(text, line_map, limit=len(text)) is None


@pytest.mark.parametrize(("text", "kept"), [("a b c d e f", "a b c"), ("abcdefghij", "abcde")])
def test_cut_article_without_paragraphs(text: str, kept: str) -> None:
    assert cut_article(text, [1], limit=5) == (kept, [1])


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "html"])
def test_an_article_over_the_budget_is_cut_with_a_warning(tmp_path: Path, fmt: str) -> None:
    paragraphs = [f"{PARAGRAPH} Paragraph {k}." for k in range(MAX_ARTICLE_CHARS // len(PARAGRAPH) + 50)]
    path = tmp_path / f"long.{fmt}"
    if fmt == "txt":
        path.write_text("Council reviews the plan\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    elif fmt == "jsonl":
        path.write_text(json.dumps({"title": "Plan", "source": "Daily", "text": "\n\n".join(paragraphs)}) + "\n")
    else:
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        path.write_text(f"<html><head><title>Plan</title></head><body><article>{body}</article></body></html>")
    loaded = load_file(path)
    (article,) = loaded.articles
    assert MAX_ARTICLE_CHARS - len(paragraphs[0]) - 2 < len(article.text) <= MAX_ARTICLE_CHARS
    assert article.text.endswith(".") and len(article.line_map) == article.text.count("\n") + 1
    (warning,) = loaded.errors
    assert f"over the limit of {MAX_ARTICLE_CHARS:,}: only the paragraphs before it are checked" in warning.message
    assert warning.line is not None


def test_a_page_over_the_paragraph_budget_is_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(htmlpage, "MAX_PAGE_PARAGRAPHS", 40)
    body = "".join(f"<p>{PARAGRAPH} Paragraph {k}.</p>\n" for k in range(60))
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Plan</title></head><body><article>\n{body}</article></body></html>")
    loaded = load_file(path)
    (article,) = loaded.articles
    assert "Paragraph 39." in article.text and "Paragraph 40." not in article.text
    (warning,) = loaded.errors
    assert warning.message == "the page has 60 paragraphs, over the limit of 40: only the first ones are read"
    assert warning.line == 42  # the first paragraph left out


def test_a_page_with_heavy_paragraph_markup_is_read_as_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(htmlpage, "MAX_PARAGRAPH_MARKUP", 20)
    words = " ".join(f"<b>w{k}</b> <a href='/x'>l{k}</a>" for k in range(15))
    body = f"<p>{PARAGRAPH} {words} end.</p><p>{PARAGRAPH}</p>"
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Plan</title></head><body><article>{body}</article></body></html>")
    loaded = load_file(path)
    (article,) = loaded.articles
    assert "w0 l0 w1 l1" in article.text and "w14 l14 end." in article.text
    (warning,) = loaded.errors
    assert "hold 30 elements (links, emphasis), over the limit of 20: read as plain text" in warning.message


# ------------------------------------------------------------------ finding lines in a page

# the regular expression the one-pass scan replaced: the reference on small pages
_OLD_HIDDEN = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template|svg)\b.*?</\1\s*>|<[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def _old_visible(source: str) -> str:
    return _OLD_HIDDEN.sub(lambda match: "\n" * match.group().count("\n"), source)


@pytest.mark.parametrize(
    "source",
    [
        "<p>a</p>\n<script>x < y\n</script >b<!-- c\n -->d",
        "a < b <script x <!-- y <style>z",
        "<SCRIPT>1</script><svg><g/></SVG>2<template>3</template>4<noscript>5</noscript>6",
        "<!-->x-->y<!--->z",
        "<scripts>a</scripts><script-x>b</script>c",
        "text\n<b\nclass='x'>bold</b>\n<!-- open",
    ],
)
def test_visible_text_matches_the_regular_expression(source: str) -> None:
    assert visible_text(source) == _old_visible(source)


@pytest.mark.parametrize("unit", ["<script a ", "<!-- a ", "<style>", "a < b ", "<b>x</b>"])
def test_visible_text_of_unclosed_markup(unit: str) -> None:
    # 200 kB of markup left open; the regex took minutes on it, and gave this on a small one
    small = unit * 50
    assert visible_text(small) == _old_visible(small)
    assert len(visible_text(unit * 20_000)) <= len(unit) * 20_000


def test_locating_lines_that_are_nowhere_has_a_budget() -> None:
    page = "<html><body>" + "".join(f"<p>line {k} of the page</p>\n" for k in range(2_000)) + "</body></html>"
    locator = Locator(page)
    for k in range(2_000):
        assert locator.line_of(f"nowhere to be found {k}", fallback=7) == 7
    assert locator.scanned <= locator.budget <= SCAN_BUDGET * len(locator.text) + 100_000
    assert locator.line_of("line 1999 of the page", fallback=0) == 0  # budget spent: the fallback


def test_list_items_are_found_on_their_lines() -> None:
    items = "\n".join(f"<li>The council said item {k} is on the agenda.</li>" for k in range(5))
    page = f"<html><body><ul>\n{items}\n</ul></body></html>"
    locator = Locator(page)
    # trafilatura writes a list item as "- item"
    assert [locator.line_of(f"- The council said item {k} is on the agenda.", 0) for k in range(5)] == [2, 3, 4, 5, 6]
    assert locator.scanned < 2 * len(locator.text)


def test_an_html_list_keeps_its_source_lines(tmp_path: Path) -> None:
    items = "\n".join(f"<li>The council said that item number {k} is on the agenda for Monday.</li>" for k in range(5))
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>Agenda</title></head><body><article>\n<ul>\n{items}\n</ul>\n</article></body></html>"
    )
    (article,) = load_file(path).articles
    lines = [article.line_of(article.text.index(f"item number {k}")) for k in range(5)]
    assert lines == [3, 4, 5, 6, 7]


# ------------------------------------------------------------------ JSON


def test_line_of_an_offset_by_bisection() -> None:
    text = "a\nbb\n\nccc\n" * 50
    source = _Source(text)
    assert all(source.line_at(k) == text.count("\n", 0, k) + 1 for k in range(len(text) + 1))


@pytest.mark.parametrize(
    "value", ["  a  b\u00a0c ", "x" * 100, " ".join(["ab"] * 50), "", "\u2028 a\x1c b", "a " * 29 + "bcdef"]
)
def test_literal_head_folds_only_what_it_needs(value: str) -> None:
    assert _literal_head(json.dumps(value), 60) == " ".join(value.split())[:60]


def test_a_huge_json_string_is_located_without_a_record_per_character(tmp_path: Path) -> None:
    # the string pattern was `"(?:[^"\\]|\\.)*"`: ~130 bytes of backtracking per character
    from checker.ingest.formats import _STRING

    literal = json.dumps("word " * 200_000 + 'a "quoted" word')
    assert _STRING.fullmatch(literal)
    assert _STRING.match(literal + ' "next"').end() == len(literal)


# ------------------------------------------------------------------ furniture inside paragraphs


def test_thousands_of_gallery_markers_in_one_paragraph() -> None:
    gallery = "Photos: The storm Hide Caption 1 of 2 " * 3_000
    pieces = split_paragraphs([f"{PARAGRAPH} {gallery}", PARAGRAPH, "Hide Caption 1 of 2 " * 3_000])
    assert pieces == [(0, PARAGRAPH), (1, PARAGRAPH)]


def test_html_entities_in_located_lines() -> None:
    page = f"<p>{html.escape('Tom & Jerry said “yes” on Monday.')}</p>"
    assert Locator(page).line_of("Tom & Jerry said “yes” on Monday.", 0) == 1
