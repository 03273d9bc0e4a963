"""A bug of the checker exits 3 with one line (the traceback only when asked for); Ctrl-C exits 130;
a system refusal while writing names the file and exits 2. Never exit 1, which means findings."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import EXIT_INTERNAL, main

CLEAN = "---\ntitle: Rates\noutlet: Daily\npublished: 2024-06-06\n---\nThe bank kept rates at 4% on Thursday.\n"


def check_args(tmp_path: Path) -> list[str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "a.txt").write_text(CLEAN, encoding="utf-8")
    outputs = ["--db", str(tmp_path / "c.db"), "--json", str(tmp_path / "f.json"), "--html", str(tmp_path / "html")]
    return ["check", str(corpus), *outputs, "--no-progress", "--workers", "1"]


def broken(exc: BaseException) -> Callable[..., None]:
    def raise_it(*_: object, **__: object) -> None:
        raise exc

    return raise_it


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("cannot compare"),
        UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed"),
        KeyError("x"),
    ],
)
def test_a_bug_exits_3_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    monkeypatch.delenv("CHECKER_TRACEBACK", raising=False)
    monkeypatch.setattr("checker.pipeline.check", broken(exc))
    result = CliRunner().invoke(main, check_args(tmp_path), catch_exceptions=False)
    assert result.exit_code == EXIT_INTERNAL == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"internal error: {type(exc).__name__}")
    assert "report" in lines[0] and "CHECKER_TRACEBACK=1" in lines[0]


def test_the_traceback_when_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_TRACEBACK", "1")
    monkeypatch.setattr("checker.rules.all_rules", broken(RuntimeError("no rules")))
    result = CliRunner().invoke(main, ["rules"], catch_exceptions=False)
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("internal error: RuntimeError: no rules")


def test_ctrl_c_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.pipeline.check", broken(KeyboardInterrupt()))
    result = CliRunner().invoke(main, check_args(tmp_path), catch_exceptions=False)
    assert result.exit_code == 130
    assert result.stderr.strip() == "interrupted"


def test_a_full_disk_names_the_file_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "f.json"))
    monkeypatch.setattr("checker.report.write_reports", broken(full))
    result = CliRunner().invoke(main, check_args(tmp_path), catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'f.json'}: No space left on device"


def test_a_store_locked_for_minutes_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.store import Store

    locked = sqlite3.OperationalError("database is locked")
    monkeypatch.setattr("checker.scoring.summary.latest_outlets", broken(locked))
    Store(tmp_path / "c.db").close()
    result = CliRunner().invoke(main, ["outlets", "--db", str(tmp_path / "c.db")], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: the store is busy")
