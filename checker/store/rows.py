"""Rows of the store's tables: articles and analyses to rows and back, and queries by key lists."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from checker.model import Article, Claim, Sentence

# json.dumps(value, sort_keys=True) builds an encoder per call; claims are stored by the hundred thousand
VALUE_JSON = json.JSONEncoder(sort_keys=True).encode


def article_from_row(row: Sequence[Any]) -> Article:
    (aid, path, part, outlet, title, published, url, author, dateline, fmt, text, line_map, provenance) = row
    return Article(
        id=aid,
        path=path,
        outlet=outlet,
        title=title,
        text=text,
        published=date.fromisoformat(published) if published else None,
        url=url,
        author=author,
        dateline=dateline,
        part=part,
        format=fmt,
        line_map=json.loads(line_map),
        provenance=json.loads(provenance),
    )


def insert_analysis(conn: sqlite3.Connection, sentences: Sequence[Sentence], claims: Sequence[Claim]) -> None:
    conn.executemany(
        "INSERT INTO sentences VALUES (?,?,?,?,?)", [(s.article, s.index, s.start, s.end, s.text) for s in sentences]
    )
    conn.executemany(
        "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?)",
        [(c.id, c.article, c.sentence, c.kind, c.start, c.end, c.text, VALUE_JSON(c.value)) for c in claims],
    )


def article_row(article: Article, file_id: str, claims_version: str) -> tuple[Any, ...]:
    return (
        article.id,
        file_id,
        article.path,
        article.part,
        article.outlet,
        article.title,
        article.published.isoformat() if article.published else None,
        article.url,
        article.author,
        article.dateline,
        article.format,
        article.text,
        json.dumps(article.line_map),
        json.dumps(article.provenance, sort_keys=True),
        claims_version,
    )


def select_in(conn: sqlite3.Connection, sql: str, keys: Iterable[Any], *params: Any) -> Iterator[Any]:
    """The rows of `sql`, whose "{marks}" stands for an IN list, over the distinct `keys` (after
    `params`), a chunk of keys per statement."""
    for chunk in chunks(sorted(set(keys))):
        yield from conn.execute(sql.format(marks=",".join("?" * len(chunk))), (*params, *chunk))


def chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """SQLite caps the variables of one statement: query in chunks."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
