"""The accuracy benchmark's parts (`make eval`): the planted-divergence generator and the metrics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.accuracy.metrics import false_alarms, label_key, pairwise, planted_hit
from bench.accuracy.plant import CATEGORIES, Planted, load_events, load_stream, place_kinds, plant, plant_event
from checker.model import Evidence, Finding
from tests.conftest import BASIL

EVENT = {
    "a.json": {
        "source": "Alpha",
        "date": "2020-03-04",
        "triplet-uuid": "e1",
        "body-paragraphs": [
            [
                "The storm killed 12 people in Texas on Tuesday, officials said.",
                '"We are rebuilding," said Mayor Lopez, speaking beside Gov. Abbott.',
            ],
        ],
    },
    "b.json": {
        "source": "Beta",
        "date": "2020-03-04",
        "triplet-uuid": "e1",
        "body-paragraphs": [
            [
                "Officials said on Tuesday the storm killed 12 people in Texas.",
                '"We are rebuilding," Lopez said as Mayor Lopez toured the storm damage with officials.',
                "The market rose 3 percent.",
            ],
        ],
    },
}


def _plant(category: str) -> tuple[str, dict[str, Any], Planted] | None:
    return plant_event(category, "e1", EVENT, place_kinds(["France", "Spain"]))


@pytest.mark.parametrize(
    ("category", "original", "flagged"),
    [("quantity", "12", "14"), ("weekday", "Tuesday", "Thursday"), ("place", "Texas", None), ("published", None, None)],
)
def test_each_edit_changes_a_fact_the_sibling_states(category: str, original: str | None, flagged: str | None) -> None:
    chosen = _plant(category)
    assert chosen is not None
    file, edited, record = chosen
    assert record.category == category and record.file == file
    if category == "published":
        assert edited["date"] == "2018-03-04" and record.flagged == "2018-03-04"
        return
    assert record.original == original
    assert record.flagged != original and record.flagged in record.new and record.new != record.old
    sibling = " ".join(s for p in EVENT[record.sibling]["body-paragraphs"] for s in p)
    assert original in sibling
    if flagged:
        assert record.flagged == flagged or record.flagged.isdigit()


def test_a_number_only_one_outlet_states_is_never_edited() -> None:
    chosen = _plant("quantity")
    assert chosen is not None and "3 percent" not in chosen[2].old


def test_the_same_input_gives_the_same_edits(tmp_path: Path) -> None:
    events = {"e1": EVENT}
    first = [plant(events, tmp_path / f"run{n}" / c, c, ["France"]) for n in (1, 2) for c in CATEGORIES]
    assert first[: len(CATEGORIES)] == first[len(CATEGORIES) :]
    assert (
        json.loads((tmp_path / "run1" / "quantity" / "a.json").read_text()) != EVENT["a.json"]
        or json.loads((tmp_path / "run1" / "quantity" / "b.json").read_text()) != EVENT["b.json"]
    )


def test_a_stream_is_read_as_events(tmp_path: Path) -> None:
    rows = [
        {"title": "t", "outlet": "A", "published": "2021-01-01", "url": "u1", "text": "One.\n\nTwo."},
        {"title": "t", "outlet": "B", "published": "2021-01-01", "url": "u2", "text": "One."},
        {"title": "t", "outlet": "C", "published": "2021-01-01", "url": "u3", "text": "Alone."},
    ]
    (tmp_path / "s.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (tmp_path / "truth.json").write_text(json.dumps({"u1": "7", "u2": "7", "u3": "8"}))
    events = load_stream(tmp_path / "s.jsonl", tmp_path / "truth.json")
    assert list(events) == ["7"]
    assert [a["body-paragraphs"] for a in events["7"].values()] == [[["One."], ["Two."]], [["One."]]]


@pytest.mark.parametrize(
    ("truth", "found", "expected"),
    [
        ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0)),
        ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "x"}, (1 / 3, 1.0)),
        ({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "y", "c": "z"}, (1.0, 0.0)),
    ],
)
def test_pairwise_scores(truth: dict[str, str], found: dict[str, str], expected: tuple[float, float]) -> None:
    scores = pairwise(truth, found)
    assert (scores.precision, scores.recall) == pytest.approx(expected)


def _finding(path: str, span: str, sentence: str, severity: str = "warning") -> Finding:
    evidence = Evidence("id1", "Alpha", path, sentence, span, "flagged")
    return Finding("QTY001", "quantity", severity, "m", [evidence])  # type: ignore[arg-type]


def test_a_planted_edit_is_hit_only_at_its_words_and_severity() -> None:
    record = Planted(
        "quantity", "e1", "a.json", "Alpha", "killed 12", "killed 14 people", "14", "12", "b.json", "12 people"
    )
    assert planted_hit([_finding("dir/a.json", "14", "killed 14 people")], record)
    assert not planted_hit([_finding("dir/b.json", "14", "killed 14 people")], record)
    assert not planted_hit([_finding("dir/a.json", "14", "killed 14 people", "info")], record)
    assert not planted_hit([_finding("dir/a.json", "3", "rose 3 percent")], record)


def test_false_alarms_count_labels() -> None:
    findings = [_finding("a.json", "14", "s"), _finding("a.json", "15", "s"), _finding("a.json", "9", "s", "info")]
    labels = {label_key("QTY001", "id1", "14"): False}
    summary = false_alarms(findings, 10, labels)
    assert summary["serious"] == 2 and summary["per_article"] == 0.2
    assert (summary["labelled"], summary["unlabelled"], summary["precision"]) == (1, 1, 0.0)


def test_on_basil_every_edit_is_deterministic_and_stated_by_a_sibling(tmp_path: Path) -> None:
    if not BASIL.is_dir():
        pytest.skip(f"{BASIL} is absent: the BASIL dev set lives in ../shared, outside this repository")
    events = load_events(BASIL)
    for category in ("quantity", "weekday", "title"):
        key = plant(events, tmp_path / "a" / category, category, ["France"])
        again = plant(events, tmp_path / "b" / category, category, ["France"])
        assert key == again and len(key) >= 3
        for record in key:
            sibling = events[record.event][record.sibling]
            fact = record.fact.split()[-1] if category == "title" else record.original
            assert any(fact in s for p in sibling["body-paragraphs"] for s in p)


def _speaker_event(sibling_quote: str) -> dict[str, Any]:
    body = '"We will rebuild every house on this street," said Mayor Lopez, beside Gov. Abbott.'
    return {
        "a.json": {"source": "Alpha", "date": "2020-03-04", "triplet-uuid": "e2", "body-paragraphs": [[body]]},
        "b.json": {
            "source": "Beta",
            "date": "2020-03-04",
            "triplet-uuid": "e2",
            "body-paragraphs": [[f'"{sibling_quote}," Lopez said as Mayor Lopez toured the damage.']],
        },
    }


@pytest.mark.parametrize(
    ("sibling_quote", "planted"),
    [
        ("We will rebuild every house on this street", True),  # the same quote: one fact, two speakers
        ("Help is on the way for every family here", False),  # another quote of the same speaker
    ],
)
def test_a_speaker_is_edited_only_where_a_sibling_gives_the_same_quote(sibling_quote: str, planted: bool) -> None:
    chosen = plant_event("speaker", "e2", _speaker_event(sibling_quote), place_kinds([]))
    assert (chosen is not None) is planted
    if chosen is not None:
        assert chosen[2].original.endswith("Lopez") and chosen[2].fact == "Lopez"
