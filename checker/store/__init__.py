"""The SQLite store: files, articles, sentences, claims and every run's stories, findings and scores.

Articles are keyed by identity (a hash of their normalized text and outlet), so ingesting the
same file twice changes nothing, and a changed file adds a new article version while the old one
stays for the runs that used it (`run_articles`). A file is never half written: files are written
a round at a time (up to 1024), each round in one transaction.
Browse it with Datasette: `datasette reports/checker.db -m checker/data/datasette.json`.

`Store` is the one class to use. The package: `schema` (the tables), `rows` (articles and
analyses to rows and back), `index` (the archive's story index, for incremental checks).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from checker.model import (
    Alignment,
    Article,
    ArticleScore,
    Claim,
    Evidence,
    Finding,
    InputError,
    OutletScore,
    ReferenceTime,
    Sentence,
    SourceFile,
    Story,
)
from checker.store.guard import HOST, NotAStore, inspect, process_alive
from checker.store.index import ArchiveIndex
from checker.store.rows import article_from_row, article_row, chunks, insert_analysis, select_in
from checker.store.schema import ADDED_COLUMNS, APPLICATION_ID, SCHEMA, SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "file_identity", "tables"]

CACHE_KB = 65536  # SQLite page cache per connection
BUSY_TIMEOUT_MS = 300_000  # how long a write waits for another run's (then "database is locked")


class StoreError(RuntimeError):
    """The database cannot be opened or is not a checker store."""


class Store(ArchiveIndex):
    """A checker database; use as a context manager or call close()."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._depth = 0  # open transaction() blocks
        try:
            found = inspect(self.path)  # refuses what is not a checker store, untouched
            if found == "new":
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except NotAStore as exc:
            raise StoreError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from exc
        try:
            self.db = sqlite_utils.Database(self.path)
        except Exception as exc:
            raise StoreError(f"{self.path}: cannot open it as a store ({exc})") from exc
        try:
            self.db.conn.execute("PRAGMA foreign_keys = ON")
            # concurrent runs on one store wait for each other's writes (a big run's is long)
            self.db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.conn.execute("PRAGMA journal_mode = WAL")
            # WAL + NORMAL: a crash can lose the last transactions, never corrupt the store; FULL
            # fsyncs every file's transaction and cost 4 s per 1000 files (see docs/performance.md)
            self.db.conn.execute("PRAGMA synchronous = NORMAL")
            # 64 MB of pages (default 2 MB): a big run's inserts land all over large indexes
            self.db.conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
            if not self._ready():
                self._set_up()
        except Exception as exc:  # sqlite3.DatabaseError and friends: not a database we can use
            self.db.conn.close()
            raise StoreError(f"{self.path}: cannot use as a checker store ({exc})") from exc

    def _ready(self) -> bool:
        """A marked store with every table and column of this version: nothing to write (reads
        only: opening a store never waits for another run's long write transaction)."""
        conn = self.db.conn
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return row is not None and row[0] == str(SCHEMA_VERSION)

    def _set_up(self) -> None:
        """Create the tables, add the columns an older store lacks and mark the file as a checker
        store, in one transaction: a run killed meanwhile leaves the file as it was."""
        conn = self.db.conn
        conn.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA}")  # the transaction stays open
        try:
            for table, column, kind in ADDED_COLUMNS:
                have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
                if column not in have:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            conn.execute("UPDATE runs SET status = 'finished' WHERE status IS NULL AND finished_at IS NOT NULL")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes made inside (save_files, index_add, ...) form one transaction: all of them or
        none, and an index page that several of them touch goes to the journal once, not once per
        write (writing a 50k-article run round by round rewrote the same pages ~50 times)."""
        if self._depth:
            yield
            return
        self._depth += 1
        try:
            with self.db.conn:
                yield
        finally:
            self._depth -= 1

    def _writing(self) -> contextlib.AbstractContextManager[Any]:
        """The transaction of one write: its own, or the enclosing `transaction()`."""
        return contextlib.nullcontext() if self._depth else self.db.conn

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.conn.close()

    # runs
    def start_run(self, started_at: str, paths: Sequence[str], version: str) -> int:
        """A new run's row ("running", with this process's id and host), after marking the runs
        whose process is gone (killed, crashed) as interrupted."""
        with self._immediate() as conn:
            open_runs = conn.execute(
                "SELECT id, pid, host FROM runs WHERE finished_at IS NULL AND (status IS NULL OR status = 'running')"
            ).fetchall()
            gone = [(run_id,) for run_id, pid, host in open_runs if not process_alive(pid, host)]
            conn.executemany("UPDATE runs SET status = 'interrupted' WHERE id = ?", gone)
            cursor = conn.execute(
                "INSERT INTO runs (started_at, paths, version, status, pid, host) VALUES (?, ?, ?, 'running', ?, ?)",
                (started_at, json.dumps(list(paths)), version, os.getpid(), HOST),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(
        self, run_id: int, finished_at: str, articles: int, findings: int, errors: int, exit_code: int
    ) -> None:
        with self.db.conn:
            self.db.conn.execute(
                "UPDATE runs SET finished_at=?, articles=?, findings=?, errors=?, exit_code=?, status='finished' "
                "WHERE id=?",
                (finished_at, articles, findings, errors, exit_code, run_id),
            )

    @contextlib.contextmanager
    def _immediate(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the write lock before it reads: a deferred one that reads
        and then writes fails at once (SQLITE_BUSY) when another run wrote in between."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # articles with their per-article stages
    def cached_article(self, article_id: str, claims_version: str) -> tuple[list[Sentence], list[Claim]] | None:
        """Sentences and claims stored for an article, if extracted by this claims version."""
        row = self.db.conn.execute("SELECT claims_version FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None or row[0] != claims_version:
            return None
        sentences = [
            Sentence(article_id, idx, start, end, text)
            for idx, start, end, text in self.db.conn.execute(
                'SELECT idx, start, "end", text FROM sentences WHERE article_id=? ORDER BY idx', (article_id,)
            )
        ]
        claims = [
            Claim(article_id, s, kind, start, end, text, json.loads(value))
            for s, kind, start, end, text, value in self.db.conn.execute(
                'SELECT sentence, kind, start, "end", text, value FROM claims WHERE article_id=? '
                'ORDER BY start, kind, "end"',
                (article_id,),
            )
        ]
        return sentences, claims

    def save_file(
        self,
        source: SourceFile,
        run_id: int | None,
        articles: Sequence[tuple[Article, list[Sentence], list[Claim]]],
        claims_version: str,
    ) -> None:
        """One file with its articles, sentences and claims, in one transaction."""
        self.save_files([(source, articles)], run_id, claims_version)

    def save_files(
        self,
        files: Sequence[tuple[SourceFile, Sequence[tuple[Article, list[Sentence], list[Claim]]]]],
        run_id: int | None,
        claims_version: str,
    ) -> None:
        """Several files with their articles, sentences and claims, in one transaction: all of
        them or none (a commit per file cost ~0.8 ms, more than writing a small file's rows)."""
        conn = self.db.conn
        ids = [article.id for _, articles in files for article, _, _ in articles]
        with self._writing():
            current = self._stored_with(conn, ids, claims_version)
            file_rows, article_rows, replaced = [], [], []
            all_sentences: list[Sentence] = []
            all_claims: list[Claim] = []
            for source, articles in files:
                file_id = file_identity(source)
                file_rows.append((file_id, source.path, source.sha256, source.size, source.format, run_id))
                for article, sentences, claims in articles:
                    if article.id in current:  # already stored by this extractor (or earlier in this call)
                        continue
                    current.add(article.id)
                    replaced.append((article.id,))
                    article_rows.append(article_row(article, file_id, claims_version))
                    all_sentences.extend(sentences)
                    all_claims.extend(claims)
            # rows of a whole round per statement: a statement per article cost more than its rows
            conn.executemany("INSERT OR IGNORE INTO files VALUES (?, ?, ?, ?, ?, ?)", file_rows)
            conn.executemany("DELETE FROM claims WHERE article_id=?", replaced)
            conn.executemany("DELETE FROM sentences WHERE article_id=?", replaced)
            conn.executemany("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", article_rows)
            insert_analysis(conn, all_sentences, all_claims)

    @staticmethod
    def _stored_with(conn: sqlite3.Connection, article_ids: list[str], claims_version: str) -> set[str]:
        """The ids among these whose stored analysis is by this extractor."""
        sql = "SELECT id FROM articles WHERE claims_version=? AND id IN ({marks})"
        return {row[0] for row in select_in(conn, sql, article_ids, claims_version)}

    def load_article(self, article_id: str) -> Article | None:
        row = self.db.conn.execute(
            "SELECT id, path, part, outlet, title, published, url, author, dateline, format, text, line_map, "
            "provenance FROM articles WHERE id=?",
            (article_id,),
        ).fetchone()
        return None if row is None else article_from_row(row)

    def article_text(self, article_id: str) -> str | None:
        row = self.db.conn.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def cached_articles(
        self, article_ids: Sequence[str], claims_version: str
    ) -> dict[str, tuple[list[Sentence], list[Claim]]]:
        """`cached_article` for many ids at once (three queries per 500 ids)."""
        out: dict[str, tuple[list[Sentence], list[Claim]]] = {}
        conn = self.db.conn
        for chunk in chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            ready = [
                r[0]
                for r in conn.execute(f"SELECT id, claims_version FROM articles WHERE id IN ({marks})", chunk)
                if r[1] == claims_version
            ]
            if not ready:
                continue
            marks = ",".join("?" * len(ready))
            sentences: dict[str, list[Sentence]] = {a: [] for a in ready}
            for aid, idx, start, end, text in conn.execute(
                f'SELECT article_id, idx, start, "end", text FROM sentences WHERE article_id IN ({marks}) '
                "ORDER BY article_id, idx",
                ready,
            ):
                sentences[aid].append(Sentence(aid, idx, start, end, text))
            claims: dict[str, list[Claim]] = {a: [] for a in ready}
            for aid, sent, kind, start, end, text, value in conn.execute(
                f'SELECT article_id, sentence, kind, start, "end", text, value FROM claims WHERE article_id IN '
                f'({marks}) ORDER BY article_id, start, kind, "end"',
                ready,
            ):
                claims[aid].append(Claim(aid, sent, kind, start, end, text, json.loads(value)))
            for aid in ready:
                out[aid] = (sentences[aid], claims[aid])
        return out

    def save_analysis(
        self, analysed: Sequence[tuple[Article, list[Sentence], list[Claim]]], claims_version: str
    ) -> None:
        """Replace the sentences and claims of stored articles (made by an older extractor), in
        one transaction."""
        conn = self.db.conn
        with conn:
            for article, sentences, claims in analysed:
                conn.execute("DELETE FROM claims WHERE article_id=?", (article.id,))
                conn.execute("DELETE FROM sentences WHERE article_id=?", (article.id,))
                conn.execute("UPDATE articles SET claims_version=? WHERE id=?", (claims_version, article.id))
                insert_analysis(conn, sentences, claims)

    def load_articles(self, article_ids: Sequence[str]) -> dict[str, Article]:
        """Many stored articles by id (missing ids are left out)."""
        out: dict[str, Article] = {}
        for chunk in chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            for row in self.db.conn.execute(
                "SELECT id, path, part, outlet, title, published, url, author, dateline, format, text, line_map, "
                f"provenance FROM articles WHERE id IN ({marks})",
                chunk,
            ):
                out[row[0]] = article_from_row(row)
        return out

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.conn.execute("SELECT id FROM articles ORDER BY id")]

    # results of a run
    def save_results(
        self,
        run_id: int,
        stories: Sequence[Story],
        alignments: Sequence[Alignment],
        reftimes: dict[str, ReferenceTime],
        findings: Sequence[tuple[str, Finding]],
        outlets: Sequence[OutletScore],
        errors: Sequence[InputError],
    ) -> None:
        conn = self.db.conn
        story_of = {a: s.id for s in stories for a in s.articles}
        with conn:
            conn.executemany(
                "INSERT OR REPLACE INTO stories VALUES (?,?,?)", [(run_id, s.id, s.title) for s in stories]
            )
            conn.executemany(
                "INSERT OR REPLACE INTO run_articles VALUES (?,?,?,?,?,?,?)",
                [
                    (run_id, a, story_of.get(a), rt.earliest.isoformat(), rt.latest.isoformat(), rt.source, rt.detail)
                    for a, rt in sorted(reftimes.items())
                ],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO alignments VALUES (?,?,?,?,?)",
                [(run_id, al.story, i, al.score, json.dumps(al.sentences)) for i, al in enumerate(alignments)],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO findings VALUES (?,?,?,?,?,?,?,?)",
                [
                    (
                        run_id,
                        f.id,
                        f.rule,
                        f.category,
                        f.severity,
                        f.message,
                        story,
                        json.dumps(f.values, sort_keys=True),
                    )
                    for story, f in findings
                ],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO evidence VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        run_id,
                        f.id,
                        i,
                        e.article or None,
                        e.outlet,
                        e.path,
                        e.sentence,
                        e.span,
                        e.role,
                        e.start,
                        e.end,
                        e.line,
                    )
                    for _, f in findings
                    for i, e in enumerate(f.evidence)
                ],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO outlet_scores VALUES (?,?,?,?,?,?,?)",
                [
                    (run_id, o.outlet, o.score, o.confidence, o.articles, o.findings, json.dumps(o.breakdown))
                    for o in outlets
                ],
            )
            conn.executemany("INSERT INTO errors VALUES (?,?,?)", [(run_id, e.path, e.message) for e in errors])

    def outlet_history(self) -> list[dict[str, Any]]:
        rows = self.db.conn.execute(
            "SELECT r.id, r.started_at, o.outlet, o.score, o.confidence, o.articles, o.findings "
            "FROM outlet_scores o JOIN runs r ON r.id = o.run_id ORDER BY r.id, o.outlet"
        )
        keys = ("run", "started_at", "outlet", "score", "confidence", "articles", "findings")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def evidence_rows(self, run_id: int) -> Iterator[Evidence]:
        for row in self.db.conn.execute(
            'SELECT article_id, outlet, path, sentence, span, role, start, "end", line FROM evidence '
            "WHERE run_id=? ORDER BY finding_id, idx",
            (run_id,),
        ):
            yield Evidence(row[0] or "", *row[1:])

    def count(self, table: str) -> int:
        return int(self.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # source credibility: article scores, copies and the history of outlet scores

    def save_article_scores(self, run_id: int, scores: Sequence[ArticleScore]) -> None:
        """Each article's score with its breakdown, and which articles are copies, in one transaction."""
        with self.db.conn as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO article_scores VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        run_id,
                        s.article,
                        s.outlet,
                        s.score,
                        json.dumps(s.breakdown),
                        json.dumps(s.measured),
                        json.dumps(s.explanation, ensure_ascii=False),
                    )
                    for s in scores
                ],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO copies VALUES (?,?,?,?,?,?,?)",
                [
                    (run_id, s.article, s.outlet, s.copy_of, s.copy_of_outlet, s.copy_basis, s.copy_similarity)
                    for s in scores
                    if s.copy_of_outlet
                ],
            )

    def load_article_scores(self, run_id: int) -> list[ArticleScore]:
        rows = self.db.conn.execute(
            "SELECT s.article_id, s.outlet, s.score, s.breakdown, s.measured, s.explanation, c.original_id, "
            "c.original_outlet, c.basis, c.similarity FROM article_scores s LEFT JOIN copies c "
            "ON c.run_id = s.run_id AND c.copy_id = s.article_id WHERE s.run_id=? ORDER BY s.outlet, s.article_id",
            (run_id,),
        )
        return [
            ArticleScore(
                article=row[0],
                outlet=row[1],
                score=row[2],
                breakdown=json.loads(row[3]),
                measured=json.loads(row[4]),
                explanation=json.loads(row[5]),
                copy_of=row[6],
                copy_of_outlet=row[7],
                copy_basis=row[8] or "",
                copy_similarity=row[9] or 0.0,
            )
            for row in rows
        ]

    def scored_runs(self) -> list[dict[str, Any]]:
        """Runs that stored outlet scores, oldest first: id, when, on what."""
        rows = self.db.conn.execute(
            "SELECT id, started_at, paths FROM runs WHERE id IN (SELECT DISTINCT run_id FROM outlet_scores) ORDER BY id"
        )
        return [{"run": r[0], "started_at": r[1], "paths": json.loads(r[2] or "[]")} for r in rows]

    def outlet_scores(self, run_id: int) -> list[OutletScore]:
        """One run's outlet scores, best first (the order `checker check` ranked them)."""
        rows = self.db.conn.execute(
            "SELECT outlet, score, articles, findings, confidence, breakdown FROM outlet_scores WHERE run_id=? "
            "ORDER BY score DESC, outlet",
            (run_id,),
        )
        return [OutletScore(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "{}")) for r in rows]


def file_identity(source: SourceFile) -> str:
    from checker.model import short_hash

    return short_hash(source.path, source.sha256)


def tables(path: Path) -> Iterable[str]:
    return sqlite_utils.Database(path).table_names()
