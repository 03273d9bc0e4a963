"""CI in a temporary git repository: a newsroom corpus, a reviewed baseline, and changes on top.

Three outlets report one event; Northern Wire's repair cost (15 million euros, the others say 12)
is a known divergence the baseline accepts. Then: a clean article is added (exit 0), an article
with a planted divergence is added (exit 1, only that finding), it is fixed (exit 0, reported as
fixed), and unrelated files are renamed (the baseline still matches).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker import segment
from checker.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BASELINE = "corpus/.checker-baseline.json"


def article(title: str, outlet: str, body: str, published: str = "2024-06-06") -> str:
    return f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n{body}"


HARBOUR = article(
    "Port of Valmora reopens after storm",
    "Harbour Gazette",
    "The port of Valmora reopened on Thursday after a storm closed it for three days, the harbour authority said.\n\n"
    "About 240 ships were waiting outside the harbour when the storm passed, port director Elena Marsh told "
    "reporters.\n\n"
    "Repairs to the main breakwater will cost 12 million euros and take six months, she said.\n",
)
COASTAL = article(
    "Valmora port back in business after three-day storm closure",
    "Coastal Times",
    "Valmora's port reopened on Thursday after a storm had shut it for three days, according to the harbour "
    "authority.\n\n"
    "Port director Elena Marsh said about 240 ships had been waiting outside the harbour when the storm passed.\n\n"
    "Repairing the main breakwater will take six months and cost 12 million euros, Marsh said.\n",
)
NORTHERN = article(  # the known divergence: 15 million euros
    "Storm-hit port of Valmora reopens",
    "Northern Wire",
    "The port of Valmora reopened on Thursday, three days after a storm forced its closure, the harbour authority "
    "said.\n\n"
    "Around 240 ships were waiting outside the harbour as the storm passed, port director Elena Marsh told "
    "reporters.\n\n"
    "The repairs to the main breakwater will cost 15 million euros and will take six months, Marsh added.\n",
)
MERIDIAN = article(  # clean
    "Valmora port reopens, shipping resumes",
    "Daily Meridian",
    "The port of Valmora reopened on Thursday after a three-day closure caused by a storm, the harbour authority "
    "said.\n\n"
    "About 240 ships were waiting outside the harbour when the storm passed, said port director Elena Marsh.\n\n"
    "Repairs to the main breakwater will cost 12 million euros and last six months, according to Marsh.\n",
    published="2024-06-07",
)
LEDGER_BAD = article(  # the planted divergence: 420 ships, on line 8 of the file
    "Valmora port reopens as ships queue",
    "Evening Ledger",
    "The port of Valmora reopened on Thursday after a three-day closure caused by a storm, the harbour authority "
    "said.\n\n"
    "About 420 ships were waiting outside the harbour when the storm passed, said port director Elena Marsh.\n\n"
    "Repairs to the main breakwater will cost 12 million euros and last six months, according to Marsh.\n",
    published="2024-06-07",
)
OTHER_STORY = article(
    "Library of Sarnen extends its opening hours",
    "Alpine Courier",
    "The public library of Sarnen will open until nine in the evening from next month, the town council said.\n\n"
    "The council approved the change unanimously at its meeting on Tuesday.\n",
)
LEDGER_FIXED = LEDGER_BAD.replace("About 420 ships", "About 240 ships")
PLANTED_LINE = LEDGER_BAD.splitlines().index(next(line for line in LEDGER_BAD.splitlines() if "420" in line)) + 1


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


class Desk:
    """A newsroom repository in tmp_path, and `checker check` run inside it through CliRunner."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.repo = tmp_path / "repo"
        self.out = tmp_path / "out"  # store and reports live outside the work tree
        self.corpus = self.repo / "corpus"
        self.corpus.mkdir(parents=True)
        monkeypatch.chdir(self.repo)
        git(self.repo, "init", "-q")

    def write(self, name: str, text: str) -> None:
        (self.corpus / name).write_text(text, encoding="utf-8")

    def run(self, *extra: str) -> tuple[int, str, str]:
        args = [
            "check",
            "corpus",
            "--db",
            str(self.out / "checker.db"),
            "--json",
            str(self.out / "findings.json"),
            "--html",
            str(self.out / "html"),
            "--no-progress",
            "--fail-on",
            "warning",
            *extra,
        ]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    def ci(self, *extra: str) -> tuple[int, dict[str, Any]]:
        code, out, _ = self.run(*extra, "--format", "json")
        return code, json.loads(out)

    def baseline(self) -> dict[str, Any]:
        return json.loads((self.repo / BASELINE).read_text(encoding="utf-8"))


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Desk:
    """The corpus committed with its reviewed baseline (the known 15-million divergence, with a reason)."""
    desk = Desk(tmp_path, monkeypatch)
    desk.write("a-harbour.txt", HARBOUR)
    desk.write("b-coastal.txt", COASTAL)
    desk.write("c-northern.txt", NORTHERN)
    commit(desk.repo, "corpus")
    code, _, _ = desk.run("--write-baseline", BASELINE)
    assert code == 0
    data = desk.baseline()
    assert [(e["rule"], e["outlet"], e["span"]) for e in data["findings"]] == [
        ("QTY001", "Northern Wire", "15 million euros")
    ]
    data["findings"][0]["reason"] = "the wire's figure as published; reviewed"
    (desk.repo / BASELINE).write_text(json.dumps(data, indent=2), encoding="utf-8")
    commit(desk.repo, "reviewed baseline")
    return desk


def test_the_newsroom_flow(desk: Desk) -> None:
    since = ("--changed-since", "HEAD~1", "--baseline", BASELINE)

    # a clean article: nothing new, the known divergence stays quiet
    desk.write("d-meridian.txt", MERIDIAN)
    commit(desk.repo, "clean article")
    code, report = desk.ci(*since)
    assert code == 0
    assert report["changed_files"] == ["corpus/d-meridian.txt"]
    assert report["summary"]["new_articles"] == 1
    assert report["summary"]["new"] == {"error": 0, "warning": 0, "info": 0}
    assert report["summary"]["baselined"]["warning"] == 1
    assert report["fixed"] == []

    # a planted divergence: exit 1 and only that finding, at its file and line
    desk.write("e-ledger.txt", LEDGER_BAD)
    commit(desk.repo, "article with a planted divergence")
    code, report = desk.ci(*since)
    assert code == 1
    new = [f for f in report["findings"] if f["status"] == "new"]
    assert [(f["rule"], f["outlet"], f["path"], f["line"]) for f in new] == [
        ("QTY001", "Evening Ledger", "corpus/e-ledger.txt", PLANTED_LINE)
    ]
    assert "420" in new[0]["span"]
    baselined = [f for f in report["findings"] if f["status"] == "baselined"]
    assert [(f["outlet"], f["reason"]) for f in baselined] == [
        ("Northern Wire", "the wire's figure as published; reviewed")
    ]
    code, out, _ = desk.run(*since, "--format", "github")
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 1
    assert annotations[0].startswith(f"::warning file=corpus/e-ledger.txt,line={PLANTED_LINE},title=QTY001::")
    code, out, _ = desk.run(*since)  # the default text summary names it
    assert code == 1
    listed = [line for line in out.splitlines() if line.startswith(("  error ", "  warning ", "  info "))]
    assert len(listed) == 1
    assert "Evening Ledger" in listed[0] and f"corpus/e-ledger.txt:{PLANTED_LINE}" in listed[0]

    # the desk accepts it for now (recorded in the baseline, reasons kept) ...
    reviewed = (desk.repo / BASELINE).read_text(encoding="utf-8")
    code, _, _ = desk.run("--baseline", BASELINE, "--write-baseline", BASELINE)
    assert code == 0
    entries = desk.baseline()["findings"]
    assert sorted(e["outlet"] for e in entries) == ["Evening Ledger", "Northern Wire"]
    assert {e["outlet"]: e["reason"] for e in entries}["Northern Wire"] == "the wire's figure as published; reviewed"
    commit(desk.repo, "accept the ledger's figure until it is corrected")

    # ... then the article is fixed: exit 0, and the accepted finding is reported as fixed
    desk.write("e-ledger.txt", LEDGER_FIXED)
    commit(desk.repo, "fix the ledger's figure")
    code, report = desk.ci(*since)
    assert code == 0
    assert report["summary"]["new"] == {"error": 0, "warning": 0, "info": 0}
    assert [(e["rule"], e["outlet"], "420" in e["span"]) for e in report["fixed"]] == [
        ("QTY001", "Evening Ledger", True)
    ]
    assert report["summary"]["fixed"]["warning"] == 1
    code, out, _ = desk.run(*since)
    assert code == 0
    assert "fixed" in out and "420" in out
    # against the reviewed baseline of before, the fix brings nothing new either
    (desk.out / "reviewed.json").write_text(reviewed, encoding="utf-8")
    code, report = desk.ci("--changed-since", "HEAD~1", "--baseline", str(desk.out / "reviewed.json"))
    assert code == 0
    assert report["fixed"] == []
    # writing the baseline again prunes the fixed entry and keeps the reviewed reason
    code, _, _ = desk.run("--baseline", BASELINE, "--write-baseline", BASELINE)
    assert code == 0
    assert [(e["outlet"], e["reason"]) for e in desk.baseline()["findings"]] == [
        ("Northern Wire", "the wire's figure as published; reviewed")
    ]


def test_reordering_unrelated_files_keeps_the_baseline(desk: Desk) -> None:
    desk.write("d-meridian.txt", MERIDIAN)
    commit(desk.repo, "clean article")
    git(desk.repo, "mv", "corpus/a-harbour.txt", "corpus/z-harbour.txt")
    git(desk.repo, "mv", "corpus/c-northern.txt", "corpus/0-northern.txt")
    git(desk.repo, "mv", "corpus/b-coastal.txt", "corpus/m-coastal.txt")
    commit(desk.repo, "rename files: they are read in another order")
    for extra in ((), ("--changed-since", "HEAD~1")):
        code, report = desk.ci("--baseline", BASELINE, *extra)
        assert code == 0, report
        assert report["fixed"] == []
        assert [(f["status"], f["outlet"], f["path"]) for f in report["findings"]] == [
            ("baselined", "Northern Wire", "corpus/0-northern.txt")
        ]
    code, report = desk.ci("--baseline", BASELINE, "--changed-since", "HEAD~1")
    assert sorted(report["changed_files"]) == ["corpus/0-northern.txt", "corpus/m-coastal.txt", "corpus/z-harbour.txt"]


def test_uncommitted_and_untracked_files_are_part_of_the_change(desk: Desk) -> None:
    desk.write("e-ledger.txt", LEDGER_BAD)  # untracked
    code, report = desk.ci("--changed-since", "HEAD", "--baseline", BASELINE)
    assert code == 1
    assert report["changed_files"] == ["corpus/e-ledger.txt"]
    git(desk.repo, "add", "corpus/e-ledger.txt")  # staged, not committed
    assert desk.ci("--changed-since", "HEAD", "--baseline", BASELINE)[0] == 1
    code, report = desk.ci("--changed-since", "HEAD")  # no baseline: the ledger is a reference of the known one
    assert code == 1
    assert {f["outlet"]: f["status"] for f in report["findings"]} == {"Evening Ledger": "new", "Northern Wire": "new"}


def test_findings_not_involving_the_change_do_not_count(desk: Desk) -> None:
    desk.write("f-other.txt", OTHER_STORY)
    code, report = desk.ci("--changed-since", "HEAD")  # no baseline, and the known divergence is elsewhere
    assert code == 0
    assert report["changed_files"] == ["corpus/f-other.txt"]
    assert [(f["status"], f["outlet"]) for f in report["findings"]] == [("outside", "Northern Wire")]
    assert report["summary"]["outside"]["warning"] == 1


def test_an_edited_article_is_reviewed_again(desk: Desk) -> None:
    desk.write("c-northern.txt", NORTHERN.replace("Marsh added.", "Marsh added on Thursday."))
    code, report = desk.ci("--changed-since", "HEAD", "--baseline", BASELINE)
    assert code == 1  # the same divergence in an edited article: a new identity, reviewed again
    assert [(f["status"], f["outlet"]) for f in report["findings"]] == [("new", "Northern Wire")]
    assert [e["outlet"] for e in report["fixed"]] == ["Northern Wire"]


def test_changed_since_outside_a_git_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    (plain / "corpus").mkdir(parents=True)
    (plain / "corpus" / "a.txt").write_text(HARBOUR, encoding="utf-8")
    monkeypatch.chdir(plain)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = CliRunner().invoke(main, ["check", "corpus", "--db", str(tmp_path / "c.db"), "--changed-since", "HEAD"])
    assert result.exit_code == 2
    assert "not in a git repository" in result.stderr


def test_an_unknown_ref_is_a_usage_error(desk: Desk) -> None:
    code, _, err = desk.run("--changed-since", "no-such-branch")
    assert code == 2
    assert "unknown git ref 'no-such-branch'" in err
    code, _, err = desk.run("--changed-since", "--output=x")
    assert code == 2


def test_one_new_article_reuses_every_stored_article(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Incremental: against a store that holds the corpus, only the new article is extracted."""
    assert desk.run()[0] == 1  # fills the store (the known divergence counts without a baseline)
    desk.write("d-meridian.txt", MERIDIAN)
    extracted: list[str] = []
    split = segment.split_article

    def spy(article: Any, *args: Any, **kwargs: Any) -> Any:
        extracted.append(article.outlet)
        return split(article, *args, **kwargs)

    monkeypatch.setattr(segment, "split_article", spy)
    code, report = desk.ci("--changed-since", "HEAD", "--baseline", BASELINE)
    assert code == 0
    assert report["summary"]["articles"] == 4
    assert set(extracted) <= {"Daily Meridian"}, extracted
