"""The CLI through click's CliRunner: exit codes, reports, rules and explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.rules import REGISTRY
from tests.conftest import check_args

CLEAN = "---\ntitle: Rates\noutlet: Daily\npublished: 2024-06-06\n---\nThe bank kept rates at 4% on Thursday.\n"


def run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Invoke the CLI; every path in args is absolute, so the working directory does not matter."""
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_corpus_exits_0_and_writes_reports(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", CLEAN)
    code, out, _ = run(check_args(tmp_path, corpus), tmp_path)
    assert code == 0, out
    assert "1 article," in out
    assert (tmp_path / "html" / "index.html").exists()
    assert json.loads((tmp_path / "f.json").read_text())["schema_version"] == 1


def test_findings_at_fail_on_exit_1(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", CLEAN.replace("The bank", "In an interview on , the bank"))
    assert run(check_args(tmp_path, corpus), tmp_path)[0] == 0  # MIS001 is a warning
    assert run(check_args(tmp_path, corpus, "--fail-on", "warning"), tmp_path)[0] == 1


def test_unreadable_input_exits_2_and_the_rest_is_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", CLEAN)
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    code, out, err = run(check_args(tmp_path, corpus), tmp_path)
    assert code == 2
    assert "broken.json" in err
    assert "1 article," in out
    report = json.loads((tmp_path / "f.json").read_text())
    assert [e["path"].endswith("broken.json") for e in report["errors"]] == [True]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert run(check_args(tmp_path, tmp_path / "nope"), tmp_path)[0] == 2


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    code, out, _ = run(["rules"], tmp_path)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == sorted(REGISTRY)


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_explain_prints_the_docstring_with_an_example(tmp_path: Path, code: str) -> None:
    exit_code, out, _ = run(["explain", code.lower()], tmp_path)
    assert exit_code == 0
    assert REGISTRY[code].summary in out
    assert "Example" in out or "example" in out


def test_explain_unknown_rule(tmp_path: Path) -> None:
    assert run(["explain", "NOPE01"], tmp_path)[0] == 2


def test_claims_prints_typed_claims(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "German Chancellor Olaf Scholz said turnout was 76.6% on Sunday.\n")
    code, out, _ = run(["claims", str(path), "--json"], tmp_path)
    assert code == 0
    kinds = {json.loads(line)["kind"] for line in out.splitlines()}
    assert {"role", "quantity", "date"} <= kinds


def test_kb_who(tmp_path: Path) -> None:
    code, out, _ = run(["kb", "who", "foreign minister", "--on", "2015-06-01", "-j", "Russia"], tmp_path)
    assert code == 0
    assert "Lavrov" in out


def test_kb_who_tries_every_place_a_word_names(tmp_path: Path) -> None:
    code, out, _ = run(["kb", "who", "governor", "--on", "2015-06-01", "-j", "Washington"], tmp_path)
    assert code == 0
    assert "Jay Inslee" in out


def test_config_severity_override(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", CLEAN.replace("The bank", "In an interview on , the bank"))
    config = write(tmp_path, "checker.toml", '[severity]\nMIS001 = "error"\n')
    assert run(check_args(tmp_path, corpus, "--config", str(config)), tmp_path)[0] == 1


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", CLEAN)
    config = write(tmp_path, "checker.toml", 'ignore = ["NOPE99"]\n')
    code, _, err = run(check_args(tmp_path, corpus, "--config", str(config)), tmp_path)
    assert code == 2 and "NOPE99" in err
