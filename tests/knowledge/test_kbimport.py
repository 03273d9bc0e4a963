"""`checker kb import`: a small hand-made Wikidata SPARQL result, in JSON and CSV."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.kbimport import import_result, map_position
from checker.knowledge import KB_DIR, default_kb, load

BINDINGS = [
    {
        "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q100001"},
        "personLabel": {"type": "literal", "value": "Ana Testova"},
        "positionLabel": {"type": "literal", "value": "Minister of Foreign Affairs of Ukraine"},
        "start": {"type": "literal", "value": "2031-03-04T00:00:00Z"},
    },
    {
        "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q100002"},
        "personLabel": {"type": "literal", "value": "Bo Example"},
        "positionLabel": {"type": "literal", "value": "Prime Minister of the United Kingdom"},
        "start": {"type": "literal", "value": "2030-01-02T00:00:00Z"},
        "end": {"type": "literal", "value": "2031-05-06T00:00:00Z"},
    },
    {
        "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q100003"},
        "personLabel": {"type": "literal", "value": "Cy Nobody"},
        "positionLabel": {"type": "literal", "value": "Mayor of Springfield"},
        "start": {"type": "literal", "value": "2030-01-01T00:00:00Z"},
    },
]


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(KB_DIR, target)
    return target


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Minister of Foreign Affairs of Ukraine", ("foreign minister", "Ukraine")),
        ("Prime Minister of the United Kingdom", ("prime minister", "United Kingdom")),
        ("United States Secretary of State", ("secretary of state", "United States")),
        ("Federal Chancellor of Germany", ("chancellor", "Germany")),
        ("Secretary-General of NATO", ("secretary-general", "NATO")),
        ("Mayor of Springfield", None),
    ],
)
def test_position_labels(label: str, expected: tuple[str, str] | None) -> None:
    assert map_position(label, default_kb()) == expected


def test_json_result_adds_terms_once(tmp_path: Path, kb_dir: Path) -> None:
    result = tmp_path / "result.json"
    result.write_text(json.dumps({"head": {"vars": []}, "results": {"bindings": BINDINGS}}), encoding="utf-8")
    report = import_result(result, kb_dir)
    assert (report.added, report.duplicates, len(report.skipped)) == (2, 0, 1)
    assert "Mayor of Springfield" in report.skipped[0]
    again = import_result(result, kb_dir)
    assert (again.added, again.duplicates) == (0, 2)
    kb = load(kb_dir)
    assert "Ana Testova" in [t.person for t in kb.holders("foreign minister", "Ukraine", date(2032, 1, 1))]
    (term,) = kb.terms_of(kb.person("Bo Example") or "")
    assert term.end == date(2031, 5, 6) and term.qid == "Q100002"


def test_csv_result_through_the_cli(tmp_path: Path, kb_dir: Path) -> None:
    result = tmp_path / "result.csv"
    result.write_text(
        "person,personLabel,position,positionLabel,start,end\n"
        "http://www.wikidata.org/entity/Q100001,Ana Testova,,Minister of Foreign Affairs of Ukraine,"
        "2031-03-04T00:00:00Z,\n",
        encoding="utf-8",
    )
    outcome = CliRunner().invoke(main, ["kb", "import", str(result), "--kb-dir", str(kb_dir)])
    assert outcome.exit_code == 0, outcome.output
    assert "1 term added" in outcome.output


def test_not_a_sparql_result(tmp_path: Path, kb_dir: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"rows": []}', encoding="utf-8")
    outcome = CliRunner().invoke(main, ["kb", "import", str(bad), "--kb-dir", str(kb_dir)])
    assert outcome.exit_code == 2 and "not a SPARQL JSON result" in outcome.output
