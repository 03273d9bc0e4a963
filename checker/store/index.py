"""The story index of a store's archive: each article's grouping terms, document frequencies and
postings (tables `index_articles`, `index_terms`, `index_postings`), for incremental checks
(`checker.archive`)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from checker.store.rows import chunks, select_in


class ArchiveIndex:
    """The `Store` methods over the archive's story index (a mixin: `Store` is the class to use)."""

    db: sqlite_utils.Database

    def _writing(self) -> contextlib.AbstractContextManager[Any]:
        raise NotImplementedError  # Store's: inside `Store.transaction()` or a transaction of its own

    def index_size(self) -> int:
        row = self.db.conn.execute("SELECT value FROM meta WHERE key='index_docs'").fetchone()
        return int(row[0]) if row else 0

    def index_df(self, terms: Iterable[str]) -> dict[str, int]:
        """Document frequency of each of `terms` in the archive (absent terms left out)."""
        return dict(select_in(self.db.conn, "SELECT term, df FROM index_terms WHERE term IN ({marks})", terms))

    def index_postings(self, terms: Sequence[str], limit: int) -> list[tuple[str, int]]:
        """(term, article seq) for the `limit` most recently indexed articles under each of `terms`,
        term by term, newest first: a backward range scan of the postings' primary key, whatever
        the archive's size (joining every posting to the articles and sorting them took 0.27 s of a
        0.5 s incremental check against 50k articles)."""
        out: list[tuple[str, int]] = []
        for term in sorted(set(terms)):
            out.extend(
                self.db.conn.execute(
                    "SELECT term, seq FROM index_postings WHERE term = ? ORDER BY seq DESC LIMIT ?", (term, limit)
                )
            )
        return out

    def index_ids(self, seqs: Iterable[int]) -> dict[int, str]:
        """Archived article ids by their seq in the index."""
        return dict(select_in(self.db.conn, "SELECT seq, id FROM index_articles WHERE seq IN ({marks})", seqs))

    def index_entries(
        self, *, ids: Sequence[str] | None = None, stories: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Index entries (as in `StoryIndex.to_state()["articles"]`) of these articles or of every
        member of these stories, in the order they were indexed; all of them with neither."""
        query = "SELECT id, story, title, published, terms, indexed, seq FROM index_articles"
        rows: list[tuple[Any, ...]] = []
        if ids is None and stories is None:
            rows = list(self.db.conn.execute(query + " ORDER BY seq"))
        else:
            column, keys = ("id", ids) if ids is not None else ("story", stories)
            for chunk in chunks(list(keys or [])):
                marks = ",".join("?" * len(chunk))
                rows.extend(self.db.conn.execute(f"{query} WHERE {column} IN ({marks})", chunk))
            rows.sort(key=lambda r: r[-1])
        return [
            {
                "id": r[0],
                "story": r[1],
                "title": r[2],
                "published": r[3],
                "terms": json.loads(r[4]),
                "indexed": json.loads(r[5]),
            }
            for r in rows
        ]

    def index_add(self, entries: Sequence[dict[str, Any]]) -> None:
        """Add index entries (new articles: document frequencies and postings too); an entry for an
        article already indexed only moves it to its story."""
        conn = self.db.conn
        with self._writing():
            known = self._index_seqs(conn, [entry["id"] for entry in entries])
            # seq is the rowid: a new row would get the largest one plus one, so assign that here
            # and write each table's rows with one statement (three per article cost ~1 s at 10k)
            next_seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM index_articles").fetchone()[0] + 1
            rows: list[tuple[Any, ...]] = []
            postings: list[tuple[str, int]] = []
            moves: list[tuple[str, int]] = []
            df: dict[str, int] = {}
            for entry in entries:
                seq = known.get(entry["id"])
                if seq is not None:
                    moves.append((entry["story"], seq))
                    continue
                seq = known[entry["id"]] = next_seq
                next_seq += 1
                terms, indexed = entry["terms"], entry["indexed"]
                rows.append(
                    (
                        seq,
                        entry["id"],
                        entry["story"],
                        entry["title"],
                        entry["published"],
                        json.dumps(terms, ensure_ascii=False),
                        json.dumps(indexed, ensure_ascii=False),
                    )
                )
                postings.extend((t, seq) for t in indexed)
                for term in terms:
                    df[term] = df.get(term, 0) + 1
            conn.executemany("INSERT INTO index_articles VALUES (?,?,?,?,?,?,?)", rows)
            postings.sort()  # in key order: appended to the index rather than scattered through it
            conn.executemany("INSERT OR IGNORE INTO index_postings VALUES (?, ?)", postings)
            conn.executemany("UPDATE index_articles SET story=? WHERE seq=?", moves)
            added = len(rows)
            conn.executemany(
                "INSERT INTO index_terms VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                sorted(df.items()),
            )
            conn.execute(
                "INSERT INTO meta VALUES ('index_docs', ?) ON CONFLICT(key) DO UPDATE SET value = "
                "CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)",
                (str(added),),
            )

    @staticmethod
    def _index_seqs(conn: sqlite3.Connection, article_ids: list[str]) -> dict[str, int]:
        """id -> seq of those of these articles already in the story index."""
        return dict(select_in(conn, "SELECT id, seq FROM index_articles WHERE id IN ({marks})", article_ids))
