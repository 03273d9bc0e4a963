"""CI output formats: GitHub annotations (escaping), SARIF 2.1.0 (validated against the official
schema), JSON, and the one-screen text summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from checker.ci import assess, escape_data, escape_property, render, sarif_log, workflow_command
from checker.ci.baseline import BaselineEntry
from checker.ci.formats import FIXED_LIMIT, NEW_LIMIT, TextStyle
from checker.cli import main
from checker.model import Evidence, Finding, InputError
from checker.pipeline import RunResult
from checker.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((Path(__file__).with_name("data") / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BLANK = (
    "---\ntitle: Rates\noutlet: Daily\npublished: 2024-06-06\n---\nIn an interview on , the bank kept rates at 4%.\n"
)


def validate_sarif(document: dict[str, Any]) -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def outputs(tmp_path: Path) -> list[str]:
    return ["--db", str(tmp_path / "c.db"), "--json", str(tmp_path / "f.json"), "--html", str(tmp_path / "html")]


# --- GitHub ------------------------------------------------------------------------------------


def test_workflow_command_escaping() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a,b: 5%\n") == "a%2Cb%3A 5%25%0A"
    line = workflow_command("error", {"file": "news, 2024: june/a.txt", "line": 7, "title": "QTY001"}, "4%\nor 5%")
    assert line == "::error file=news%2C 2024%3A june/a.txt,line=7,title=QTY001::4%25%0Aor 5%25"
    assert workflow_command("notice", {}, "x") == "::notice::x"


def test_github_annotations_from_the_cli_are_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "news, 2024: june"
    corpus.mkdir()
    (corpus / "rates.txt").write_text(BLANK, encoding="utf-8")
    code, out, _ = invoke(["check", corpus.name, *outputs(tmp_path), "--fail-on", "warning", "--format", "github"])
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 1
    head, message = annotations[0][2:].split("::", 1)
    assert head == "warning file=news%2C 2024%3A june/rates.txt,line=6,title=MIS001"
    assert "%0A" in message and "4%25" in message
    assert "\r" not in message and "%," not in message
    assert "findings" in out  # the text summary follows the annotations


def test_unreadable_inputs_are_error_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rates.txt").write_text(BLANK, encoding="utf-8")
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    code, out, _ = invoke(["check", "corpus", *outputs(tmp_path), "--format", "github"])
    assert code == 2
    assert any(line.startswith("::error file=corpus/broken.json,title=unreadable input::") for line in out.splitlines())


# --- synthetic runs ----------------------------------------------------------------------------


def ev(article: str, outlet: str, span: str, role: str = "flagged", start: int = 5, line: int = 3) -> Evidence:
    return Evidence(article, outlet, f"corpus/{outlet}.txt", f"It was {span}.", span, role, start, start + 3, line)  # type: ignore[arg-type]


def synthetic(count: int = 3) -> RunResult:
    result = RunResult(started_at="2026-01-02T03:04:05+00:00", paths=["corpus"])
    for number in range(count):
        flagged = ev(f"a{number:03d}", f"Outlet {number}", f"{number} ships", line=number + 1)
        reference = ev("ref00001", "Harbour, Gazette", "240 ships", role="reference")
        kb = Evidence(
            "", "knowledge base", "checker/data/kb", "Joe Biden, president, 2021 to 2025", "Joe Biden", "reference"
        )
        rule, severity = ("QTY001", "warning") if number % 3 else ("ROL005", "error")
        result.findings.append(
            Finding(rule, "quantity", severity, f"finding {number}: 50% off", [flagged, reference, kb])  # type: ignore[arg-type]
        )
    result.findings.append(Finding("QUO001", "quote", "info", "worded differently", [ev("q0000001", "Q", "we will")]))
    result.errors.append(InputError("corpus/broken.json", "line 1: not JSON"))
    return result


def test_sarif_of_a_synthetic_run_is_valid(tmp_path: Path) -> None:
    result = synthetic(5)
    absolute = Evidence("abs00001", "Abs", str(tmp_path / "abs.txt"), "s", "x", "flagged", 0, 1, 2)
    result.findings.append(Finding("MIS001", "missing", "warning", "blank", [absolute]))
    accepted = assess(result)
    first = accepted.rows[0]
    baseline = {
        first.fingerprint: BaselineEntry(first.fingerprint, "ROL005", "error", "", "", 1, "", "", "", "reviewed")
    }
    outcome = assess(result, baseline=baseline, baseline_path="b.json", changed=set(), changed_since="HEAD")
    outcome.fixed.append(BaselineEntry("gone", "QTY001", "warning", "X", "corpus/x.txt", 4, "12", "a", "m", "r"))
    document = sarif_log(outcome)
    validate_sarif(document)
    results = document["runs"][0]["results"]
    assert {r["properties"]["status"] for r in results} == {"baselined", "outside"}
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["suppressions"][0]["justification"] for r in suppressed] == ["reviewed"]
    assert all(r["level"] in ("error", "warning", "note") for r in results)
    assert document["runs"][0]["properties"]["fixed"][0]["fingerprint"] == "gone"
    notifications = document["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notifications[0]["message"]["text"] == "line 1: not JSON"


def test_text_summary_fits_one_screen() -> None:
    outcome = assess(synthetic(60), baseline={}, baseline_path="b.json")
    outcome.fixed = [
        BaselineEntry(f"f{n}", "QTY001", "warning", "X", "corpus/x.txt", n, "12", "a", "m", "r") for n in range(9)
    ]
    text = render(outcome, "text", TextStyle(width=160))
    lines = text.splitlines()
    assert len(lines) <= NEW_LIMIT + FIXED_LIMIT + 12
    assert all(len(line) <= 160 for line in lines)
    assert f"… and {61 - NEW_LIMIT} more" in text
    assert f"… and {9 - FIXED_LIMIT} more" in text
    new_row = next(line for line in lines if line.startswith("new "))
    assert new_row.split()[1:] == ["20", "40", "1"]  # error, warning, info


def test_json_format_lists_every_finding_with_its_status() -> None:
    outcome = assess(synthetic(4), changed=set(), changed_since="main")
    document = json.loads(render(outcome, "json"))
    assert document["summary"]["outside"] == {"error": 2, "warning": 2, "info": 1}
    assert document["summary"]["new"] == {"error": 0, "warning": 0, "info": 0}
    assert all(f["status"] == "outside" and len(f["fingerprint"]) == 20 for f in document["findings"])
    assert document["errors"] == [{"path": "corpus/broken.json", "message": "line 1: not JSON"}]


# --- real runs ---------------------------------------------------------------------------------


def test_sarif_of_the_seeds_is_valid_and_carries_rule_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    baseline = "corpora/.checker-baseline.json"
    code, out, err = invoke(["check", "corpora/", *outputs(tmp_path), "--baseline", baseline, "--format", "sarif"])
    assert code == 0, err
    document = json.loads(out)  # stdout holds the SARIF log alone
    validate_sarif(document)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= set(REGISTRY)
    for descriptor in rules:
        rule = REGISTRY[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["text"] == rule.doc
    assert len(run["results"]) == 10
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["baselineState"] == "unchanged"
        assert result["suppressions"][0]["status"] == "accepted"
        assert result["suppressions"][0]["justification"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("corpora/seeds/")
        assert location["region"]["startLine"] >= 1
    dated = next(r for r in run["results"] if r["ruleId"] == "DAT001")
    assert dated["locations"][0]["physicalLocation"]["region"]["startLine"] == 4  # the byline it was read from
    assert "articles" in err  # the human lines go to stderr
