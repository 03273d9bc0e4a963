"""The files a check passes over in its input folders are counted by reason in its summary:
unsupported types, hidden names, documentation, a file reached again through a link."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.ingest.walk import discover

ARTICLE = (
    "The harbour bridge reopened to traffic on Tuesday after eleven months of repairs, officials said. "
    "The work cost the city 42 million euros and finished two weeks early."
)


def test_skipped_files_are_counted_by_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(f"Harbour bridge reopens\n\n{ARTICLE}\n", encoding="utf-8")
    for name in ("a.pdf", "b.pdf", "notes.docx", ".hidden.txt", "README.md", "page.fetch.json"):
        (corpus / name).write_text("x", encoding="utf-8")
    (corpus / "link.txt").symlink_to(corpus / "story.txt")
    skipped: Counter[str] = Counter()
    entries = discover([corpus], skipped)
    assert [Path(e.display).name for e in entries] == ["story.txt"]
    assert skipped == {
        "unsupported (.pdf)": 2,
        "unsupported (.docx)": 1,
        "hidden (the name starts with a dot)": 1,
        "documentation (README, LICENSE, ...)": 1,
        "reached again through a link (read once)": 1,
    }
    outputs = ["--db", str(tmp_path / "c.db"), "--json", str(tmp_path / "r.json"), "--html", str(tmp_path / "html")]
    result = CliRunner().invoke(main, ["check", str(corpus), *outputs, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "skipped 6 files in the input folders: 2 unsupported (.pdf), 1 documentation" in result.stderr


def test_one_skipped_file_is_counted_in_the_singular(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    story = "---\noutlet: A\n---\nThe bridge opened on Monday in the town.\n"
    (corpus / "story.txt").write_text(story, encoding="utf-8")
    (corpus / ".hidden.txt").write_text("x", encoding="utf-8")
    outputs = ["--db", str(tmp_path / "c.db"), "--json", str(tmp_path / "r.json"), "--html", str(tmp_path / "html")]
    result = CliRunner().invoke(main, ["check", str(corpus), *outputs, "--no-progress"])
    assert "skipped 1 file in the input folders: 1 hidden" in result.stderr
