"""The JSON report: validated against its schema, deterministic."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from checker.pipeline import check
from checker.report.jsonreport import SCHEMA_FILE, build_document, dumps, write_json
from tests.conftest import SEEDS, TEST_CORPORA


def test_seed_report_matches_the_schema() -> None:
    document = build_document(check([SEEDS]))
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text())).validate(document)
    assert document["findings"]


def test_test_corpora_report_matches_the_schema() -> None:
    document = build_document(check([TEST_CORPORA]))
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text())).validate(document)


def without_timestamp(text: str) -> dict[str, object]:
    data = json.loads(text)
    data.pop("generated_at")
    return data  # type: ignore[no-any-return]


def test_two_runs_give_the_same_json(tmp_path: Path) -> None:
    first = dumps(build_document(check([SEEDS], db=tmp_path / "a.db")))
    second = dumps(build_document(check([SEEDS], db=tmp_path / "a.db")))
    assert without_timestamp(first) == without_timestamp(second)

    def strip(text: str) -> list[str]:
        return [line for line in text.splitlines() if '"generated_at"' not in line]

    assert strip(first) == strip(second)  # byte-identical but for generated_at


def test_layout_puts_each_finding_on_its_own_line(tmp_path: Path) -> None:
    result = check([SEEDS])
    document = build_document(result)
    path = tmp_path / "findings.json"
    write_json(result, path)  # streamed: each item written as it is made
    text = path.read_text(encoding="utf-8")
    assert text == dumps(document)
    assert json.loads(text) == json.loads(json.dumps(document))  # the same values as json.dumps
    lines = text.splitlines()
    finding_lines = [line for line in lines if line.startswith('    {"id": ') and '"rule": ' in line]
    assert len(finding_lines) == len(document["findings"])
    assert lines[0] == "{" and lines[-1] == "}"


def test_an_empty_run_streams_empty_lists(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = check([tmp_path / "empty"])
    write_json(result, tmp_path / "findings.json")
    text = (tmp_path / "findings.json").read_text(encoding="utf-8")
    assert text == dumps(build_document(result))
    assert '"findings": []' in text and '"alignments": []' in text
