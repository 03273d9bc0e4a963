"""Evidence points at the line it stands on: an article judged from its own front-matter date
points at that date's line, not at line 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import check

SENTENCE = "Finnish Prime Minister Sanna Marin spoke in Helsinki on Monday.\n"


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("title: Helsinki talks\noutlet: Nordic Post\npublished: 2025-02-25\n", 4),
        ("published: 2025-02-25\ntitle: Helsinki talks\noutlet: Nordic Post\n", 2),
        (
            "title: Helsinki talks\nauthor: Jane Roe\nurl: https://nordic.test/a\noutlet: Nordic Post\n"
            "published: 2025-02-25\n",
            6,
        ),
    ],
)
def test_the_date_an_article_is_judged_from_is_shown_at_its_line(tmp_path: Path, front: str, line: int) -> None:
    (tmp_path / "a.txt").write_text(f"---\n{front}---\n{SENTENCE}", encoding="utf-8")
    (finding,) = [f for f in check([tmp_path]).findings if f.rule == "ROL001"]
    (published,) = [e for e in finding.evidence if e.span == "published"]
    assert published.line == line
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").splitlines()[line - 1] == "published: 2025-02-25"
