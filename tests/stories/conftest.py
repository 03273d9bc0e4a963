"""Fixtures shared by the story-grouping tests."""

from __future__ import annotations

import pytest

from checker.stories import evidence


@pytest.fixture
def pairs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of articles each grey-zone evidence call aligns a query with, as they come."""
    counted: list[int] = []
    real = evidence.shared_statements

    def counting(query: list[str], others: list[list[str]]) -> list[int]:
        counted.append(len(others))
        return real(query, others)

    monkeypatch.setattr(evidence, "shared_statements", counting)
    return counted
