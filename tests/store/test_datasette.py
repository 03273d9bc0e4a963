"""The Datasette metadata shipped for the store: every table described, and the canned queries
run on a real store."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from checker.pipeline import check
from checker.store.schema import SCHEMA
from tests.conftest import SEEDS

METADATA = Path(__file__).resolve().parents[2] / "checker" / "data" / "datasette.json"
DATABASE = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["checker"]


def test_every_table_has_a_description() -> None:
    tables = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA))
    described = {name for name, table in DATABASE["tables"].items() if table.get("description")}
    assert tables <= described, sorted(tables - described)
    assert described <= tables, sorted(described - tables)  # no description of a table that is gone


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "checker.db"
    check([SEEDS], db=db)
    return db


@pytest.mark.parametrize("name", sorted(DATABASE["queries"]))
def test_canned_queries_run_and_return_rows(store: Path, name: str) -> None:
    query = DATABASE["queries"][name]
    assert query["title"] and query["description"]
    with sqlite3.connect(store) as conn:
        outlet = conn.execute("select outlet from outlet_scores limit 1").fetchone()[0]
        rows = conn.execute(query["sql"], {"outlet": outlet}).fetchall()
    assert rows
