"""The text summary on standard output: whole messages when it is not a terminal, wrapped (never
cut) in one, -v and -q as pytest and ruff have them, and colour only in a terminal without NO_COLOR."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.ci import assess, render
from checker.ci.formats import NEW_LIMIT, TextStyle
from checker.cli import main
from checker.cli import run as cli_run
from checker.model import Article, Evidence, Finding, InputError, Story
from checker.pipeline import RunResult
from tests.conftest import check_args

# the comparison is at the end of a message: the half a cut would remove
TAIL = "but its sister articles (Elbe Tribune, Elbe Herald and Saxony Courier) are dated 2025-02-18"
BLANK = (
    "---\ntitle: Rates\noutlet: Daily\npublished: 2024-06-06\n---\nIn an interview on , the bank kept rates at 4%.\n"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run_with(count: int, message: str = f"Elbe Daily is dated 2023-02-19, {TAIL}") -> RunResult:
    result = RunResult(started_at="2026-01-02T03:04:05+00:00", paths=["corpus"])
    for n in range(count):
        evidence = Evidence(
            f"a{n:03d}",
            "Elbe Daily",
            "corpus/daily.txt",
            "Published: 2023-02-19",
            "2023-02-19",
            "flagged",
            -1,
            -1,
            n + 4,
        )
        result.findings.append(Finding("DAT001", "date", "error", message, [evidence]))
    return result


def words(text: str) -> str:
    return " ".join(text.split())


def test_not_a_terminal_keeps_every_message_whole() -> None:
    text = render(assess(run_with(1)), "text", TextStyle(width=None))
    assert any(line.endswith(TAIL) for line in text.splitlines())


@pytest.mark.parametrize("width", [40, 80, 120])
def test_a_terminal_wraps_messages_without_cutting_them(width: int) -> None:
    text = render(assess(run_with(3)), "text", TextStyle(width=width))
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines if " " in line.strip()), lines
    assert words(text).count(words(TAIL)) == 3
    assert "…" not in text


@pytest.mark.parametrize(
    ("verbosity", "listed", "table"),
    [(-2, 0, False), (-1, NEW_LIMIT + 5, False), (0, NEW_LIMIT, True), (1, NEW_LIMIT + 5, True)],
)
def test_verbosity_chooses_what_is_listed(verbosity: int, listed: int, table: bool) -> None:
    text = render(assess(run_with(NEW_LIMIT + 5)), "text", TextStyle(verbosity=verbosity))
    assert sum(line.startswith("  error") for line in text.splitlines()) == listed
    assert ("findings " in text) is table
    assert ("flagged   Elbe Daily" in text) is (verbosity > 0)  # -v: the evidence under each finding


@pytest.mark.parametrize(
    ("flags", "counts", "listed"),
    [([], True, True), (["-q"], False, True), (["-qq"], False, False), (["-v"], True, True)],
)
def test_check_takes_v_and_q(tmp_path: Path, flags: list[str], counts: bool, listed: bool) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rates.txt").write_text(BLANK, encoding="utf-8")
    result = CliRunner().invoke(main, check_args(tmp_path, corpus, "--fail-on", "warning", *flags))
    assert result.exit_code == 1  # quiet or not, the exit code tells
    assert ("1 article," in result.stdout) is counts
    assert ("MIS001" in result.stdout) is listed
    assert ANSI.search(result.stdout) is None  # not a terminal: no colour


class Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "colour"), [(None, True), ("1", False)])
def test_colour_in_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch, no_color: str | None, colour: bool
) -> None:
    monkeypatch.setattr(cli_run.sys, "stdout", Terminal())
    monkeypatch.setenv("COLUMNS", "77")
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    style = cli_run.text_style(0)
    assert style.colour is colour and style.width == 77
    text = render(assess(run_with(1)), "text", style)
    assert (ANSI.search(text) is not None) is colour
    assert words(ANSI.sub("", text)).count(words(TAIL)) == 1


class Pipe:
    def isatty(self) -> bool:
        return False


def test_without_a_terminal_whole_lines_and_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_run.sys, "stdout", Pipe())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli_run.text_style(5) == TextStyle(width=None, verbosity=1, colour=False)
    assert cli_run.text_style(-7).verbosity == -2


@pytest.mark.parametrize(
    ("n", "line"),
    [
        (1, "1 article, 1 story, 1 error, 1 warning, 1 info, 1 input error, 1 duplicate skipped"),
        (2, "2 articles, 2 stories, 2 errors, 2 warnings, 2 info, 2 input errors, 2 duplicates skipped"),
        (0, "0 articles, 0 stories, 0 errors, 0 warnings, 0 info, 0 input errors"),
    ],
)
def test_counts_agree_with_their_numbers(capsys: pytest.CaptureFixture[str], n: int, line: str) -> None:
    result = RunResult(started_at="2026-01-02T03:04:05+00:00", paths=["corpus"])
    evidence = Evidence("a", "A", "a.txt", "s", "x", "flagged", 0, 1, 1)
    for k in range(n):
        result.articles.append(Article(id=f"a{k}", path="a.txt", outlet="A", title="t", text="x"))
        result.stories.append(Story(id=f"s{k}", title="t", articles=[f"a{k}"]))
        result.findings += [Finding("X", "date", s, "m", [evidence]) for s in ("error", "warning", "info")]
        result.errors.append(InputError(f"b{k}.json", "not JSON"))
        result.duplicates.append((f"c{k}.txt", "a.txt"))
    cli_run.print_summary(result, "text")
    assert capsys.readouterr().out.splitlines() == [line]
