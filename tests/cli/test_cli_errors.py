"""Every command with bad paths, options and configuration: one line naming what is wrong, exit 2,
no traceback, and nothing the command was given is changed (a table over every command)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.store import Store

CLEAN = "---\ntitle: Rates\noutlet: Daily\npublished: 2024-06-06\n---\nThe bank kept rates at 4% on Thursday.\n"


@dataclass
class Case:
    args: Callable[[Path], list[str]]  # the command line, given the workspace
    names: tuple[str, ...]  # what the one line must name


def check(*extra: str, corpus: str = "corpus", db: str = "c.db", json: str = "f.json", html: str = "html") -> Callable:
    def args(ws: Path) -> list[str]:
        def at(p: str) -> str:
            return p if p.startswith("/") else str(ws / p)

        return ["check", at(corpus), "--db", at(db), "--json", at(json), "--html", at(html), "--no-progress", *extra]

    return args


def command(*parts: str) -> Callable[[Path], list[str]]:
    """A command line whose parts starting with "@" are workspace paths."""
    return lambda ws: [str(ws / p[1:]) if p.startswith("@") else p for p in parts]


def config(text: str, json: str = "f.json") -> Callable[[Path], list[str]]:
    """`check` with a checker.toml of `text` (written before the workspace is looked at)."""

    def args(ws: Path) -> list[str]:
        (ws / "conf").mkdir(exist_ok=True)
        path = ws / "conf" / "checker.toml"
        path.write_text(text, encoding="utf-8")
        return check("--config", str(path), json=json)(ws)

    return args


CASES: dict[str, Case] = {
    # paths and locations
    "check: a path below a regular file": Case(check(corpus="text.txt/x"), ("text.txt/x", "no such file")),
    "check: a wrong path": Case(check(corpus="nowhere"), ("nowhere",)),
    "check: --html below a regular file": Case(check(html="text.txt/report"), ("--html", "text.txt")),
    "check: --json below a regular file": Case(check(json="text.txt/f.json"), ("--json", "text.txt")),
    "check: --db below a regular file": Case(check(db="text.txt/c.db"), ("--db", "text.txt")),
    "check: --claimreview below a regular file": Case(
        check("--claimreview", "{ws}/text.txt/cr.json"), ("--claimreview", "text.txt")
    ),
    "check: --json in /proc": Case(check(json="/proc/findings.json"), ("--json", "/proc")),
    "check: --html in /proc": Case(check(html="/proc/checker-report"), ("--html", "/proc")),
    "check: --db in /proc": Case(check(db="/proc/checker.db"), ("--db", "/proc")),
    # outputs that would replace what they must not
    "check: --json equal to --db": Case(check(json="c.db"), ("--db", "--json")),
    "check: --claimreview equal to --json": Case(check("--claimreview", "{ws}/f.json"), ("--json", "--claimreview")),
    "check: --json is an input article": Case(check(json="corpus/a.txt"), ("--json", "a.txt", "input")),
    "check: --claimreview is an input article": Case(
        check("--claimreview", "{ws}/corpus/a.txt"), ("--claimreview", "a.txt", "input")
    ),
    "check: --json inside the input folder": Case(
        check(json="corpus/report.json"), ("--json", "read it as an article")
    ),
    "check: --json is a file the checker did not write": Case(check(json="notes.json"), ("--json", "notes.json")),
    "check: --claimreview is a file the checker did not write": Case(
        check("--claimreview", "{ws}/notes.json"), ("--claimreview", "notes.json")
    ),
    "check: --write-baseline is a file the checker did not write": Case(
        check("--write-baseline", "{ws}/notes.json"), ("--write-baseline", "notes.json")
    ),
    "check: --json is the config file": Case(config('fail-on = "error"\n', json="conf/checker.toml"), ("--json",)),
    "check: --html is the input folder": Case(check(html="corpus"), ("--html", "corpus")),
    "check: --html holds pages the checker did not write": Case(check(html="site"), ("--html", "index.html")),
    "check: --json is a page of the HTML report": Case(check(json="html/index.html"), ("--json", "HTML report")),
    # a --db that is not a checker store
    "check: --db is a text file": Case(check(db="text.txt"), ("--db", "text.txt", "not a SQLite database")),
    "check: --db is an HTML file": Case(check(db="page.html"), ("--db", "page.html")),
    "check: --db is a truncated store": Case(check(db="truncated.db"), ("--db", "truncated.db", "truncated")),
    "check: --db is another program's database": Case(check(db="foreign.db"), ("--db", "foreign.db", "not a checker")),
    "check: --db is a database of another application": Case(check(db="stamped.db"), ("--db", "another program")),
    # options and configuration values
    "check: --fail-on unknown": Case(check("--fail-on", "loud"), ("--fail-on",)),
    "check: --today not a date": Case(check("--today", "2024-13-45"), ("--today", "no month 13")),
    "check: --today a day the month lacks": Case(check("--today", "2025-02-30"), ("--today", "2025-02-30", "28 days")),
    "check: --today not a day": Case(check("--today", "June 1st"), ("--today", "YYYY-MM-DD")),
    "check: --workers huge": Case(check("--workers", "9" * 40), ("--workers",)),
    "check: --baseline not a baseline": Case(check("--baseline", "{ws}/notes.json"), ("--baseline", "notes.json")),
    "check: --scheduler without dask": Case(check("--scheduler", "sync"), ("--scheduler",)),
    "check: unknown option": Case(check("--colour"), ("--colour",)),
    "check: config value of the wrong type": Case(config('quantity-tolerance = "x"\n'), ("quantity-tolerance",)),
    "check: config number past the float range": Case(config("max-file-mb = 1e400\n"), ("max-file-mb",)),
    "check: config size as a string": Case(config('max-file-mb = "big"\n'), ("max-file-mb", "a number")),
    "check: config huge integer": Case(config("published-tolerance-days = " + "9" * 5000 + "\n"), ("TOML",)),
    "check: config unknown key": Case(config("colour = 1\n"), ("colour", "unknown key")),
    "check: config unknown key under [tool.checker]": Case(config("[tool.checker]\nfailon = 1\n"), ("failon",)),
    "check: config not TOML": Case(config("[[[\n"), ("checker.toml", "TOML")),
    # the other commands
    "ingest: --db is a text file": Case(command("ingest", "@corpus", "--db", "@text.txt"), ("--db", "text.txt")),
    "ingest: --db is another program's database": Case(
        command("ingest", "@corpus", "--db", "@foreign.db"), ("--db", "foreign.db")
    ),
    "ingest: --db below a regular file": Case(command("ingest", "@corpus", "--db", "@text.txt/c.db"), ("text.txt",)),
    "ingest: a wrong path": Case(command("ingest", "@nowhere"), ("nowhere",)),
    "fetch: --max-mb past the float range": Case(
        command("fetch", "https://example.org", "--max-mb", "1e400"), ("--max-mb",)
    ),
    "fetch: --max-mb negative": Case(command("fetch", "https://example.org", "--max-mb", "-1"), ("--max-mb",)),
    "fetch: --timeout not a number": Case(command("fetch", "https://example.org", "--timeout", "nan"), ("--timeout",)),
    "fetch: --to below a regular file": Case(command("fetch", "https://example.org", "--to", "@text.txt/x"), ("--to",)),
    "fetch: --to in /proc": Case(command("fetch", "https://example.org", "--to", "/proc/checker-pages"), ("--to",)),
    "fetch: not an http URL": Case(command("fetch", "ftp://example.org/a", "--to", "@pages"), ("ftp://example.org/a",)),
    "fetch: no URL": Case(command("fetch"), ("URLS",)),
    "claims: a file of no article": Case(command("claims", "@text.txt"), ("text.txt",)),
    "claims: an unsupported file": Case(command("claims", "@paper.pdf"), ("paper.pdf", "unsupported")),
    "claims: a folder": Case(command("claims", "@corpus"), ("corpus",)),
    "claims: a wrong path": Case(command("claims", "@nowhere.txt"), ("nowhere.txt",)),
    "stories: a wrong path": Case(command("stories", "@nowhere"), ("nowhere",)),
    "rules: an extra argument": Case(command("rules", "QTY001"), ("QTY001",)),
    "explain: an unknown rule": Case(command("explain", "NOPE01"), ("NOPE01",)),
    "explain: no rule": Case(command("explain"), ("CODE",)),
    "kb who: an unknown office": Case(command("kb", "who", "grand vizier", "--on", "2020-01-01"), ("grand vizier",)),
    "kb who: not a date": Case(command("kb", "who", "president", "--on", "2020-02-30"), ("--on",)),
    "kb who: a day the month lacks": Case(
        command("kb", "who", "president", "--on", "2025-02-30"), ("--on", "February 2025 has 28 days")
    ),
    "kb import: a text file": Case(command("kb", "import", "@text.txt"), ("text.txt",)),
    "kb import: a binary file": Case(command("kb", "import", "@binary.csv"), ("binary.csv", "UTF-8")),
    "kb import: a wrong path": Case(command("kb", "import", "@nowhere.csv"), ("nowhere.csv",)),
    "kb import: --kb-dir below a regular file": Case(
        command("kb", "import", "@result.csv", "--kb-dir", "@text.txt/kb"), ("--kb-dir",)
    ),
    "outlets: --db is a text file": Case(command("outlets", "--db", "@text.txt"), ("--db", "text.txt")),
    "outlets: --db is another program's database": Case(command("outlets", "--db", "@foreign.db"), ("foreign.db",)),
    "outlets: --db is an empty file": Case(command("outlets", "--db", "@empty.db"), ("empty.db", "no store")),
    "outlets: --db holds no run": Case(command("outlets", "--db", "@bare.db"), ("bare.db", "no run")),
    "outlets: --db is a truncated store": Case(command("outlets", "--db", "@truncated.db"), ("truncated",)),
    "no such command": Case(command("chek"), ("chek",)),
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    (ws / "corpus").mkdir()
    (ws / "corpus" / "a.txt").write_text(CLEAN, encoding="utf-8")
    (ws / "text.txt").write_text("Just some notes.\n", encoding="utf-8")
    (ws / "notes.json").write_text('{"mine": true}\n', encoding="utf-8")
    (ws / "page.html").write_text("<html><body><p>A page.</p></body></html>\n", encoding="utf-8")
    (ws / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    (ws / "binary.csv").write_bytes(b"\xff\xfe\x00bad")
    (ws / "result.csv").write_text("person,personLabel,positionLabel,start,end\n", encoding="utf-8")
    (ws / "empty.db").write_bytes(b"")
    (ws / "site").mkdir()
    (ws / "site" / "index.html").write_text("<html><body>My own site</body></html>\n", encoding="utf-8")
    with sqlite3.connect(ws / "foreign.db") as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    with sqlite3.connect(ws / "stamped.db") as conn:
        conn.execute("PRAGMA application_id = 1234")
    conn.close()
    Store(ws / "bare.db").close()
    (ws / "truncated.db").write_bytes((ws / "bare.db").read_bytes()[:8192])
    return ws


def snapshot(ws: Path) -> dict[str, str]:
    return {str(p.relative_to(ws)): hashlib.sha256(p.read_bytes()).hexdigest() for p in ws.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_use_is_one_line_and_exit_2(workspace: Path, name: str) -> None:
    case = CASES[name]
    args = [a.replace("{ws}", str(workspace)) for a in case.args(workspace)]
    before = snapshot(workspace)
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for named in case.names:
        assert named in lines[0], (named, lines[0])
    assert snapshot(workspace) == before  # nothing it was given is changed


def test_a_foreign_database_gets_no_tables(workspace: Path) -> None:
    CliRunner().invoke(main, check(db="foreign.db")(workspace))
    with sqlite3.connect(workspace / "foreign.db") as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables == ["notes"]
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    conn.close()


@pytest.mark.parametrize(
    "layout",
    [
        {},  # an empty folder
        {"paper.pdf": "%PDF-1.4", "README.md": "# About this folder", ".hidden.txt": CLEAN},  # only skipped files
        {"broken.json": "{not json"},  # only unreadable files
    ],
)
def test_no_articles_to_check_exits_2(tmp_path: Path, layout: dict[str, str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in layout.items():
        (corpus / name).write_text(text, encoding="utf-8")
    for args in (check(corpus=str(corpus))(tmp_path), ["ingest", str(corpus), "--db", str(tmp_path / "c.db")]):
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 2, result.output
        assert "no articles to check" in result.stderr


def test_no_articles_leave_the_baseline_alone(tmp_path: Path) -> None:
    corpus, empty = tmp_path / "corpus", tmp_path / "empty"
    corpus.mkdir()
    empty.mkdir()
    (corpus / "a.txt").write_text(CLEAN.replace("The bank", "In an interview on , the bank"), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = CliRunner().invoke(main, check("--write-baseline", str(baseline), corpus=str(corpus))(tmp_path))
    assert first.exit_code == 0, first.output
    written = baseline.read_bytes()
    result = CliRunner().invoke(main, check("--write-baseline", str(baseline), corpus=str(empty))(tmp_path))
    assert result.exit_code == 2
    assert baseline.read_bytes() == written


def test_duplicates_are_listed_with_the_article_they_repeat(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(main, check(corpus=str(corpus))(tmp_path), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 article," in result.stdout and "2 duplicates skipped" in result.stdout
    dups = [line for line in result.stderr.splitlines() if line.startswith("duplicate:")]
    assert len(dups) == 2
    assert all("corpus/a.txt" in line.split(" repeats ")[1] for line in dups)
    assert {line.split()[1].split(":")[0].rsplit("/", 1)[1] for line in dups} == {"b.txt", "c.txt"}


def test_outputs_the_checker_wrote_are_replaced(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "empty.json").write_bytes(b"")
    extra = ["--claimreview", str(tmp_path / "cr.json"), "--write-baseline", str(tmp_path / "b.json")]
    first = check(*extra, corpus=str(corpus))(tmp_path)
    for args in (first, first, check(*extra, corpus=str(corpus), json="empty.json")(tmp_path)):
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    for device in ("/dev/null",):
        result = CliRunner().invoke(main, check(corpus=str(corpus), json=device)(tmp_path), catch_exceptions=False)
        assert result.exit_code == 0, result.output


def test_a_store_made_before_the_mark_is_accepted_and_marked(tmp_path: Path) -> None:
    store = tmp_path / "old.db"
    Store(store).close()
    with sqlite3.connect(store) as conn:  # as the first versions left it: no mark, no run status
        conn.execute("PRAGMA application_id = 0")
        for column in ("status", "pid", "host"):
            conn.execute(f"ALTER TABLE runs DROP COLUMN {column}")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.close()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(main, check(corpus=str(corpus), db=str(store))(tmp_path), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(store) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x43484B52
        assert conn.execute("SELECT status FROM runs").fetchall() == [("finished",)]
    conn.close()


@pytest.mark.parametrize("args", [[], ["kb"]])
def test_a_group_alone_prints_its_help(args: list[str]) -> None:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 2)  # click < 8.2 exits 0, later ones 2
    assert "Usage:" in result.output and "Commands:" in result.output
