"""The README is the front door: its rule table and CLI reference must match the code."""

from __future__ import annotations

import re

import pytest

from checker.cli import main
from checker.rules import REGISTRY
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_lists_every_rule_with_its_name_and_severity() -> None:
    rows = re.findall(r"^\| ([A-Z]{3}\d{3}) \| ([a-z-]+) \| ([a-z]+) \| ([a-z]+) \|", README, re.MULTILINE)
    assert sorted(rows) == sorted((r.code, r.name, r.category, r.severity) for r in REGISTRY.values())


def test_every_command_is_documented() -> None:
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"checker {name}" in README, name


def test_the_readme_stays_a_front_door() -> None:
    """The detail lives in docs/ (issue 27): architecture, performance, scoring, the JSON contract."""
    assert len(README.splitlines()) <= 350
    for doc in ("architecture", "performance", "scoring", "json", "knowledge-base", "inputs", "reliability", "ci"):
        assert f"(docs/{doc}.md" in README, doc


@pytest.mark.parametrize("page", ["README.md", *(f"docs/{p.name}" for p in sorted((ROOT / "docs").glob("*.md")))])
def test_relative_links_point_at_files_that_exist(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" not in target:
            assert ((ROOT / page).parent / target).exists(), (page, target)
