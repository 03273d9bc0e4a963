"""Unreadable input names its line: a malformed JSONL line is annotated where it is."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from tests.conftest import check_args

GOOD = {
    "title": "Rates held",
    "source": "Daily",
    "date": "2024-06-06",
    "text": "The bank kept rates at 4% on Thursday.",
}


def test_malformed_jsonl_line_is_reported_at_its_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "feed.jsonl").write_text(json.dumps(GOOD) + "\n{broken\n", encoding="utf-8")
    result = CliRunner().invoke(main, check_args(tmp_path, corpus, "--format", "github"))
    assert result.exit_code == 2
    assert "line=2" in result.stdout and "feed.jsonl" in result.stdout
    (error,) = json.loads((tmp_path / "f.json").read_text())["errors"]
    assert error["line"] == 2 and error["path"].endswith("feed.jsonl")
