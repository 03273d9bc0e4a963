"""Baselines: the reviewed corpora/ baseline, writing and reading them, and their exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.ci import BaselineEntry, assess, read_baseline, record_baseline
from checker.cli import main
from checker.model import Article, Evidence, Finding
from checker.pipeline import RunResult
from tests.conftest import check_args

ROOT = Path(__file__).resolve().parents[2]
CORPORA_BASELINE = ROOT / "corpora" / ".checker-baseline.json"
BLANK = (
    "---\ntitle: Rates\noutlet: Daily\npublished: 2024-06-06\n---\nIn an interview on , the bank kept rates at 4%.\n"
)


def invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rates.txt").write_text(BLANK, encoding="utf-8")
    return folder


def test_the_corpora_baseline_makes_make_check_green(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = check_args(tmp_path, "corpora/", "--baseline", str(CORPORA_BASELINE.relative_to(ROOT)), "--format", "json")
    code, out, err = invoke(args)
    assert code == 0, out + err
    report = json.loads(out)
    assert report["summary"]["unreadable"] == 0  # the baseline beside the corpus is not read as an article
    assert report["summary"]["new"] == {"error": 0, "warning": 0, "info": 0}
    assert report["fixed"] == [], "baseline entries no longer found: update corpora/.checker-baseline.json"
    assert {f["status"] for f in report["findings"]} == {"baselined"}
    assert invoke(check_args(tmp_path, "corpora/"))[0] == 1  # without it, the seeds' errors fail the run


def test_every_corpora_baseline_entry_says_why_it_is_accepted() -> None:
    entries = read_baseline(CORPORA_BASELINE)
    assert entries
    for entry in entries.values():
        assert len(entry.reason) > 40, entry
        assert entry.rule and entry.path.startswith("corpora/") and entry.span


def test_write_baseline_accepts_everything_then_the_baseline_matches(tmp_path: Path, corpus: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert invoke(check_args(tmp_path, corpus, "--fail-on", "warning"))[0] == 1
    code, out, _ = invoke(check_args(tmp_path, corpus, "--fail-on", "warning", "--write-baseline", str(baseline)))
    assert code == 0
    assert "baseline written" in out and "1 without a reason" in out
    first = baseline.read_text(encoding="utf-8")
    assert [e.rule for e in read_baseline(baseline).values()] == ["MIS001"]
    code, out, _ = invoke(check_args(tmp_path, corpus, "--fail-on", "warning", "--baseline", str(baseline)))
    assert code == 0
    assert "baselined" in out
    # rewriting gives the same bytes, and keeps a reason given by hand even without --baseline
    assert invoke(check_args(tmp_path, corpus, "--write-baseline", str(baseline)))[0] == 0
    assert baseline.read_text(encoding="utf-8") == first
    data = json.loads(first)
    data["findings"][0]["reason"] = "the wire left it blank"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    assert invoke(check_args(tmp_path, corpus, "--write-baseline", str(baseline)))[0] == 0
    assert [e.reason for e in read_baseline(baseline).values()] == ["the wire left it blank"]


def test_write_baseline_still_exits_2_on_unreadable_input(tmp_path: Path, corpus: Path) -> None:
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    code, _, err = invoke(check_args(tmp_path, corpus, "--write-baseline", str(tmp_path / "b.json")))
    assert code == 2
    assert "broken.json" in err
    assert (tmp_path / "b.json").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"findings": []}', "not a checker baseline"),
        ('{"tool": "checker", "baseline_version": 9, "findings": []}', "baseline version 9"),
        ('{"tool": "checker", "baseline_version": 1, "findings": [{"rule": "X"}]}', "entry 1 has no fingerprint"),
    ],
)
def test_an_unusable_baseline_is_a_usage_error(tmp_path: Path, corpus: Path, content: str, message: str) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text(content, encoding="utf-8")
    code, _, err = invoke(check_args(tmp_path, corpus, "--baseline", str(baseline)))
    assert code == 2
    assert message in err


def test_a_missing_baseline_is_a_usage_error(tmp_path: Path, corpus: Path) -> None:
    assert invoke(check_args(tmp_path, corpus, "--baseline", str(tmp_path / "nope.json")))[0] == 2


def test_stale_entries_are_reported_as_fixed(tmp_path: Path, corpus: Path) -> None:
    baseline = tmp_path / "baseline.json"
    invoke(check_args(tmp_path, corpus, "--write-baseline", str(baseline)))
    (corpus / "rates.txt").write_text(BLANK.replace("on , ", "on Monday, "), encoding="utf-8")
    code, out, _ = invoke(check_args(tmp_path, corpus, "--fail-on", "warning", "--baseline", str(baseline)))
    assert code == 0
    assert "fixed (in the baseline, no longer found" in out
    fixed_row = next(line for line in out.splitlines() if line.startswith("fixed "))
    assert fixed_row.split()[1:] == ["0", "1", "0"]


def test_a_partial_run_neither_fixes_nor_forgets_entries_it_did_not_check(tmp_path: Path) -> None:
    """Against the store (--against-store) a run sees only the stories new articles join."""
    seen = Article(id="seen0001", path="corpus/seen.txt", outlet="Seen", title="t", text="It was 420 ships.")
    result = RunResult(started_at="2026-01-02T03:04:05+00:00", paths=["corpus/new.txt"], articles=[seen])
    flagged = Evidence("seen0001", "Seen", "corpus/seen.txt", "It was 420 ships.", "420 ships", "flagged", 7, 16, 6)
    result.findings.append(Finding("QTY001", "quantity", "warning", "420 against 240", [flagged]))
    current = assess(result).rows[0].fingerprint
    elsewhere = BaselineEntry(
        "unseen", "MIS001", "warning", "Other", "corpus/other.txt", 3, "on ,", "other001", "m", "kept"
    )
    gone = BaselineEntry("gone", "QTY001", "warning", "Seen", "corpus/seen.txt", 6, "12", "seen0001", "m", "fixed it")
    baseline = {e.fingerprint: e for e in (elsewhere, gone)}
    assert [e.fingerprint for e in assess(result, baseline=baseline).fixed] == ["unseen", "gone"]
    partial = assess(result, baseline=baseline, partial=True)
    assert [e.fingerprint for e in partial.fixed] == ["gone"]
    path = tmp_path / "baseline.json"
    record_baseline(partial, path, baseline)
    written = read_baseline(path)
    assert sorted(written) == sorted([current, "unseen"])
    assert written["unseen"].reason == "kept"
