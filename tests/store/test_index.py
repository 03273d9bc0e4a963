"""The archive's story index in the store (`checker.store.index`): real files in tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.pipeline import check
from checker.store import Store
from tests.store.test_store import corpus


def entry(article: str, story: str, terms: dict[str, int]) -> dict[str, Any]:
    """An index entry as `StoryIndex.to_state()` gives it."""
    return {"id": article, "story": story, "title": article, "published": None, "terms": terms, "indexed": [*terms]}


def test_index_postings_are_the_newest_under_each_term(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    check([corpus(tmp_path)], db=db)
    with Store(db) as store:
        rows = list(store.db.conn.execute("SELECT term, seq FROM index_postings ORDER BY term, seq"))
        by_term: dict[str, list[int]] = {}
        for term, seq in rows:
            by_term.setdefault(term, []).append(seq)
        shared = sorted(t for t, seqs in by_term.items() if len(seqs) > 1)
        assert shared
        got = store.index_postings(shared, 1)
        assert got == [(t, by_term[t][-1]) for t in shared]
        assert sorted(store.index_postings(shared, 10)) == sorted((t, s) for t in shared for s in by_term[t])


def test_new_entries_count_their_terms_once_each(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.index_add([entry("a1", "s1", {"flood": 2, "valley": 1}), entry("a2", "s1", {"flood": 1})])
        assert store.index_size() == 2
        assert store.index_df(["flood", "valley", "absent"]) == {"flood": 2, "valley": 1}
        store.index_add([entry("a3", "s2", {"valley": 4})])
        assert store.index_size() == 3 and store.index_df(["valley"]) == {"valley": 2}


def test_an_indexed_article_added_again_only_moves_to_its_new_story(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.index_add([entry("a1", "s1", {"flood": 1}), entry("a2", "s1", {"flood": 1})])
        store.index_add([entry("a2", "s2", {"flood": 1, "other": 1})])
        assert store.index_size() == 2 and store.index_df(["flood", "other"]) == {"flood": 2}
        assert [(e["id"], e["story"]) for e in store.index_entries()] == [("a1", "s1"), ("a2", "s2")]


@pytest.mark.parametrize(
    ("query", "want"),
    [({"ids": ["a3", "a1"]}, ["a1", "a3"]), ({"stories": ["s2"]}, ["a2", "a3"]), ({}, ["a1", "a2", "a3"])],
)
def test_entries_come_in_the_order_they_were_indexed(tmp_path: Path, query: dict[str, Any], want: list[str]) -> None:
    entries = [entry("a1", "s1", {"x": 1}), entry("a2", "s2", {"y": 2}), entry("a3", "s2", {"x": 1})]
    with Store(tmp_path / "c.db") as store:
        store.index_add(entries)
        assert store.index_entries(**query) == [e for e in entries if e["id"] in want]
        assert store.index_ids([3, 1, 9]) == {1: "a1", 3: "a3"}  # seq: the order of indexing
