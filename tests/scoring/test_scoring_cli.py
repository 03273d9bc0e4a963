"""`checker outlets` and `checker outlets --history` on a real SQLite store over two runs."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

STORY = (
    "---\ntitle: Flood\noutlet: {outlet}\n{author}published: 2024-09-15\n---\n"
    "{lede}The flood killed {n} people in the valley.\n"
)


def corpus(folder: Path, wrong: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "right.txt": STORY.format(outlet="Right Post", author="author: Mara Lind\n", lede="ELMTOWN - ", n=12),
        "wire.txt": STORY.format(outlet="Second Wire", author="author: Jonas Berg\n", lede="ELMTOWN - ", n=12),
        "wrong.txt": STORY.format(outlet="Wrong Daily", author="", lede="", n=wrong),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(args: list[str], tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.output


def check_into(db: Path, tmp_path: Path, wrong: int) -> None:
    code, _ = run(
        [
            "check",
            str(corpus(tmp_path / "corpus", wrong)),
            "--db",
            str(db),
            "--json",
            str(tmp_path / "f.json"),
            "--html",
            str(tmp_path / "html"),
            "--fail-on",
            "never",
        ],
        tmp_path,
    )
    assert code == 0


def test_outlets_prints_the_latest_table_and_the_history(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    check_into(db, tmp_path, wrong=21)  # run 1: Wrong Daily gives a minority figure
    check_into(db, tmp_path, wrong=12)  # run 2: it agrees

    code, out = run(["outlets", "--db", str(db)], tmp_path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("run 2, ")
    rows = [line.split() for line in lines[2:5]]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert " ".join(rows[-1][1:3]) == "Wrong Daily"  # still last: no byline, no dateline
    assert "low" in out and "no byline -2.0" in out

    code, out = run(["outlets", "--db", str(db), "--history"], tmp_path)
    assert code == 0
    wrong = next(line for line in out.splitlines() if line.startswith("Wrong Daily"))
    assert float(wrong.split()[-1]) >= 7.0  # the quantity warning is gone in run 2, its figure corroborated
    right = next(line for line in out.splitlines() if line.startswith("Right Post"))
    assert right.split()[-1] == "+0.0"
    assert "run 1" in out and "run 2" in out

    code, out = run(["outlets", "--db", str(db), "--history", "--json"], tmp_path)
    history = json.loads(out)
    assert [r["run"] for r in history["runs"]] == [1, 2]
    scores = {o["outlet"]: [s["score"] for s in o["scores"]] for o in history["outlets"]}
    assert scores["Wrong Daily"][1] - scores["Wrong Daily"][0] >= 7.0

    code, out = run(["outlets", "--db", str(db), "--json"], tmp_path)
    latest = json.loads(out)
    assert latest["run"]["run"] == 2
    assert [o["outlet"] for o in latest["outlets"]][-1] == "Wrong Daily"
    assert all(o["low_confidence"] for o in latest["outlets"])


def test_article_scores_and_copies_are_stored_per_run(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    check_into(db, tmp_path, wrong=21)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM article_scores WHERE run_id = 1").fetchone()[0] == 3
    breakdown = json.loads(
        conn.execute("SELECT breakdown FROM article_scores WHERE run_id = 1 AND outlet = 'Wrong Daily'").fetchone()[0]
    )
    assert breakdown["quantity warning"] == -7.0
    assert conn.execute("SELECT count(*) FROM copies").fetchone()[0] == 0
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_outlets_without_a_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["outlets", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no store" in result.output
    assert not (tmp_path / "none.db").exists()


def test_history_lines_up_only_runs_over_the_same_inputs(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    check_into(db, tmp_path, wrong=21)  # run 1: corpus/
    other = corpus(tmp_path / "elsewhere", 21)
    args = ["check", str(other), "--db", str(db), "--json", str(tmp_path / "g.json"), "--html", str(tmp_path / "h2")]
    code, _ = run([*args, "--fail-on", "never"], tmp_path)
    assert code == 0
    check_into(db, tmp_path, wrong=12)  # run 3: corpus/ again

    code, out = run(["outlets", "--db", str(db), "--history", "--json"], tmp_path)
    assert [r["run"] for r in json.loads(out)["runs"]] == [1, 3]
    code, out = run(["outlets", "--db", str(db), "--history"], tmp_path)
    assert "1 run over other inputs left out (--all-runs shows them)" in out
    code, out = run(["outlets", "--db", str(db), "--history", "--all-runs", "--json"], tmp_path)
    assert [r["run"] for r in json.loads(out)["runs"]] == [1, 2, 3]
