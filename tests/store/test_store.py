"""The SQLite store: real files in tmp_path, no mocks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.pipeline import check
from checker.store import Store, StoreError

ARTICLE = (
    "---\ntitle: Flood\noutlet: {outlet}\npublished: 2024-09-15\n---\nThe flood killed {n} people in the valley.\n"
)


def corpus(tmp_path: Path, n: int = 12) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE.format(outlet="Daily", n=n), encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.format(outlet="Wire", n=21), encoding="utf-8")
    (folder / "c.txt").write_text(ARTICLE.format(outlet="Post", n=21), encoding="utf-8")
    return folder


def counts(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return {t: store.count(t) for t in ("files", "articles", "sentences", "claims", "runs", "findings")}


def test_same_input_twice_changes_nothing_but_the_run(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    check([corpus(tmp_path)], db=db)
    first = counts(db)
    check([corpus(tmp_path)], db=db)
    second = counts(db)
    assert first["articles"] == second["articles"] == 3
    assert first["claims"] == second["claims"] and first["sentences"] == second["sentences"]
    assert second["runs"] == 2


def test_changed_file_keeps_the_old_version_for_old_runs(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    check([corpus(tmp_path, n=12)], db=db)
    check([corpus(tmp_path, n=13)], db=db)
    assert counts(db)["articles"] == 4
    conn = sqlite3.connect(db)
    per_run = conn.execute("SELECT run_id, count(*) FROM run_articles GROUP BY run_id ORDER BY run_id").fetchall()
    assert per_run == [(1, 3), (2, 3)]


def test_findings_and_evidence_are_stored(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = check([corpus(tmp_path)], db=db)
    assert result.findings
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM findings").fetchone()[0] == len(result.findings)
    roles = {r[0] for r in conn.execute("SELECT role FROM evidence")}
    assert roles == {"flagged", "reference"}
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"bad\.db"):
        Store(bad)


def test_cached_claims_are_reused_only_for_the_same_extractor(tmp_path: Path) -> None:
    from checker.ingest import load_file
    from checker.knowledge import default_kb
    from checker.pipeline import CLAIMS_VERSION, analyse_article

    loaded = load_file(corpus(tmp_path) / "a.txt")
    (article,) = loaded.articles
    with Store(tmp_path / "c.db") as store:
        store.save_file(loaded.source, None, [(article, *analyse_article(article, default_kb()))], CLAIMS_VERSION)
        cached = store.cached_article(article.id, CLAIMS_VERSION)
        assert cached is not None and cached[1]
        assert store.cached_article(article.id, "an older extractor") is None
    assert CLAIMS_VERSION.startswith("0.1.0-") and len(CLAIMS_VERSION) > len("0.1.0-")


def test_a_round_of_files_is_stored_whole_or_not_at_all(tmp_path: Path) -> None:
    from dataclasses import replace

    from checker.ingest import load_file
    from checker.knowledge import default_kb
    from checker.pipeline import CLAIMS_VERSION, analyse_article

    folder = corpus(tmp_path)
    kb = default_kb()
    loaded = [load_file(folder / name) for name in ("a.txt", "b.txt", "c.txt")]
    rows = []
    for item in loaded:
        article = item.articles[0]
        rows.append((item.source, [(article, *analyse_article(article, kb))]))
    db = tmp_path / "c.db"
    with Store(db) as store:
        store.save_files(rows[:1], None, CLAIMS_VERSION)
        source, [(article, sentences, claims)] = rows[2]
        assert claims
        broken = [replace(claims[0], value={"unencodable": {1, 2}})]  # a set is not JSON
        with pytest.raises(TypeError):
            store.save_files([rows[1], (source, [(article, sentences, broken)])], None, CLAIMS_VERSION)
    stored = counts(db)
    assert stored["files"] == 1 and stored["articles"] == 1  # the earlier round stays, the failed one left nothing
    with Store(db) as store:
        store.save_files(rows, None, CLAIMS_VERSION)
        store.save_files(rows, None, CLAIMS_VERSION)  # again: nothing duplicated
    assert counts(db)["articles"] == 3 and counts(db)["files"] == 3


def test_writes_in_one_transaction_are_stored_together_or_not_at_all(tmp_path: Path) -> None:
    from dataclasses import replace

    from checker.ingest import load_file
    from checker.knowledge import default_kb
    from checker.pipeline import CLAIMS_VERSION, analyse_article

    folder = corpus(tmp_path)
    kb = default_kb()
    rows = []
    for name in ("a.txt", "b.txt", "c.txt"):
        item = load_file(folder / name)
        rows.append((item.source, [(item.articles[0], *analyse_article(item.articles[0], kb))]))
    source, [(article, sentences, claims)] = rows[2]
    broken = (source, [(article, sentences, [replace(claims[0], value={"unencodable": {1, 2}})])])
    db = tmp_path / "t.db"
    with Store(db) as store, pytest.raises(TypeError), store.transaction():
        store.save_files(rows[:1], None, CLAIMS_VERSION)
        store.save_files(rows[1:2], None, CLAIMS_VERSION)  # committed only with the others
        store.save_files([broken], None, CLAIMS_VERSION)
    assert counts(db)["files"] == 0 and counts(db)["articles"] == 0
    with Store(db) as store, store.transaction():
        for row in rows:
            store.save_files([row], None, CLAIMS_VERSION)
    assert counts(db)["files"] == 3 and counts(db)["articles"] == 3
