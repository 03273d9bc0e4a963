"""Shared fixtures: paths to the repository's data, and article builders for small tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checker.model import Article, article_id

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpora" / "seeds"
SHARED = ROOT.parent / "shared"
BASIL = SHARED / "data" / "basil-dev"
TEST_CORPORA = ROOT / "tests" / "data" / "corpora"

MakeArticle = Callable[..., Article]


@pytest.fixture
def make_article() -> MakeArticle:
    """Build an article from text: make_article("text", outlet="X", published=date(...))."""

    def build(
        text: str, outlet: str = "Test Outlet", published: date | None = None, title: str = "", path: str = ""
    ) -> Article:
        return Article(
            id=article_id(text, outlet),
            path=path or f"{outlet}.txt",
            outlet=outlet,
            title=title or text.split(".")[0][:60],
            text=text,
            published=published,
        )

    return build


def check_args(tmp_path: Path, corpus: Path | str, *extra: str) -> list[str]:
    """`checker check CORPUS` with its store and reports in `tmp_path`, no progress bar, then `extra`."""
    outputs = ["--db", str(tmp_path / "c.db"), "--json", str(tmp_path / "f.json"), "--html", str(tmp_path / "html")]
    return ["check", str(corpus), *outputs, "--no-progress", *extra]
