"""A --db file is looked at before it is written: only checker stores (marked, or made before the
mark) and new files are opened; anything else is refused and left byte for byte as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.store import Store, StoreError
from checker.store.guard import inspect
from checker.store.schema import APPLICATION_ID


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def test_a_new_store_is_marked(tmp_path: Path) -> None:
    Store(tmp_path / "new" / "c.db").close()
    assert application_id(tmp_path / "new" / "c.db") == APPLICATION_ID
    assert inspect(tmp_path / "new" / "c.db") == "store"


def test_an_empty_file_or_database_becomes_a_store(tmp_path: Path) -> None:
    (tmp_path / "empty.db").write_bytes(b"")
    sqlite3.connect(tmp_path / "blank.db").execute("PRAGMA user_version = 1").connection.close()
    for name in ("empty.db", "blank.db"):
        Store(tmp_path / name).close()
        assert application_id(tmp_path / name) == APPLICATION_ID


def make(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.db"
    if kind == "text":
        path.write_text("a note\n", encoding="utf-8")
    elif kind == "html":
        path.write_text("<!doctype html><html></html>\n", encoding="utf-8")
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE runs (id INTEGER)")  # one table named like ours is not a store
        conn.commit()
        conn.close()
    elif kind == "other-application":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA application_id = 7")
        conn.execute("CREATE TABLE t (id INTEGER)")
        conn.commit()
        conn.close()
    elif kind == "truncated":
        Store(tmp_path / "whole.db").close()
        path.write_bytes((tmp_path / "whole.db").read_bytes()[:4096])
    elif kind == "short":
        path.write_bytes(b"SQLite format 3\x00" + b"\x10" * 20)
    return path


@pytest.mark.parametrize("kind", ["text", "html", "foreign", "other-application", "truncated", "short"])
def test_what_is_not_a_store_is_refused_untouched(tmp_path: Path, kind: str) -> None:
    path = make(tmp_path, kind)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value).startswith(str(path))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.name)) == [path.name]  # no -wal


def test_a_store_made_before_the_mark_is_marked_and_its_runs_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        run = store.start_run("2026-01-01T00:00:00+00:00", ["a"], "0")
        store.finish_run(run, "2026-01-01T00:00:05+00:00", 1, 0, 0, 0)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")  # as the first versions left it: no mark, no run status
    for column in ("status", "pid", "host"):
        conn.execute(f"ALTER TABLE runs DROP COLUMN {column}")
    conn.execute("UPDATE meta SET value = '1'")
    conn.commit()
    conn.close()
    assert inspect(path) == "unmarked"
    with Store(path) as store:
        rows = store.db.conn.execute("SELECT id, status FROM runs").fetchall()
    assert rows == [(1, "finished")]
    assert application_id(path) == APPLICATION_ID
