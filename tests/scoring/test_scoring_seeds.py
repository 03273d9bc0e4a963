"""The seeds' ranking: it has to make sense to an editor, and say why."""

from __future__ import annotations

import pytest

from checker.pipeline import RunResult, check
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> RunResult:
    return check([SEEDS])


def test_the_seed_ranking(seeds: RunResult) -> None:
    ranking = [o.outlet for o in seeds.outlets]
    # no finding against Breitbart; The Straits Times only words a quote differently (info)
    assert set(ranking[:2]) == {"Breitbart", "The Straits Times"}, ranking
    # CBS News has the Biden administration act in 2025, twice
    assert ranking[-1] == "CBS News", ranking
    score = {o.outlet: o.score for o in seeds.outlets}
    assert score["Reuters"] < score["Breitbart"]  # its page dates a 2025 story 2023
    assert score["time.news"] < score["Reuters"]  # two stale titles and broken text
    assert all(o.low_confidence for o in seeds.outlets)  # one or two articles each


def test_every_seed_score_is_explained(seeds: RunResult) -> None:
    for outlet in seeds.outlets:
        assert outlet.explanation[0].startswith(f"{outlet.score:.1f} is the mean of its")
        assert "low confidence" in outlet.explanation[1]
    for score in seeds.article_scores:
        assert score.explanation[0] == "starts at 100" and score.explanation[-1] == f"= {score.score:.1f}"
        assert score.score == round(min(100.0, 100 + sum(score.breakdown.values())), 1)
    reuters = next(s for s in seeds.article_scores if s.outlet == "Reuters")
    assert any(line.startswith("-15.0 DAT001") for line in reuters.explanation)
    time_news = [s for s in seeds.article_scores if s.outlet == "time.news"]
    assert any(s.measured.get("broken casing", 0) >= 1 for s in time_news)  # "sergey Lavrov", "lavrov also"
    assert any(s.measured.get("missing space", 0) >= 3 for s in time_news)  # "hypocrisy,accusing"
    assert not [s for s in seeds.article_scores if s.copy_of_outlet]  # no seed copies another
