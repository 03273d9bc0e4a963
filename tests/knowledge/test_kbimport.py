"""`checker kb import`: a small hand-made Wikidata SPARQL result, in JSON and CSV."""

from __future__ import annotations

import csv
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


SAMPLE = Path(__file__).parent.parent / "data" / "wikidata" / "kb_sample.json"


def test_a_saved_wikidata_result_of_the_new_families_becomes_kb_rows(kb_dir: Path) -> None:
    """A hand-written result in the SPARQL JSON format the queries in checker/data/kb/queries give
    (made-up QIDs and people for the new rows, known terms for the duplicates)."""
    report = import_result(SAMPLE, kb_dir)
    assert (report.added, report.duplicates) == (8, 2)
    skipped = [line.split(":")[1].strip() for line in report.skipped]
    assert skipped == ["Di Placeholder", "no English label for the person"]
    rows = {r["person"]: r for r in csv.DictReader((kb_dir / "offices_imported.csv").open(encoding="utf-8"))}
    expected = {
        "Ana Testova": ("house majority leader", "United States", "2031-01-03", "", "sure"),
        "Bo Example": ("governor", "Washington (state)", "2029-01-17", "2033-01-18", "sure"),
        "Cy Sample": ("central bank governor", "Italy", "2029-11", "", "uncertain"),
        "Ed Instance": ("finance minister", "United Kingdom", "2030-07-01", "", "sure"),
        "Fay Model": ("interior minister", "France", "2030-05-20", "2031-02-02", "sure"),
        "Gus Trial": ("central bank governor", "United States", "2030-05-15", "", "sure"),
        "Hal Mock": ("director-general", "World Health Organization", "2032-08-16", "", "sure"),
        "Ivy Draft": ("high commissioner", "UNHCR", "2033", "", "uncertain"),
    }
    found = {p: (r["office"], r["jurisdiction"], r["start"], r["end"], r["certainty"]) for p, r in rows.items()}
    assert found == expected
    assert rows["Ana Testova"]["qid"] == "Q100001"
    kb = load(kb_dir)
    assert "Ana Testova" in [t.person for t in kb.holders("house majority leader", "United States", date(2032, 1, 1))]
    assert not kb.terms_of(kb.person("Ivy Draft") or "")[0].certain


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Speaker of the United States House of Representatives", ("speaker", "United States")),
        ("Minority Whip of the United States Senate", ("senate minority whip", "United States")),
        ("United States Attorney General", ("attorney general", "United States")),
        ("White House Press Secretary", ("white house press secretary", "United States")),
        ("Governor of New York", ("governor", "New York")),
        ("Secretary of State for Defence (United Kingdom)", ("defense minister", "United Kingdom")),
        ("President of the Deutsche Bundesbank (Germany)", ("central bank governor", "Germany")),
        ("President of the European Central Bank", ("president", "European Central Bank")),
        ("Vice President of the United States", ("vice president", "United States")),
        ("Vice Chair of the Federal Reserve", None),
        ("Deputy Prime Minister of the United Kingdom", None),
    ],
)
def test_labels_of_the_new_families(label: str, expected: tuple[str, str] | None) -> None:
    assert map_position(label, default_kb()) == expected
