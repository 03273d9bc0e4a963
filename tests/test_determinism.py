"""Runs are deterministic: the same input gives the same findings in the same order, whatever the
process's string hash seed (which orders sets and so, once, the last bit of summed weights)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import synthetic


def _findings(corpus: Path, out: Path, seed: str) -> list[dict[str, object]]:
    out.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-c", "from checker.cli import main; main()", "check", str(corpus)]
    options = ["--db", str(out / "db"), "--json", str(out / "f.json"), "--html", str(out / "html")]
    options += ["--today", "2026-01-01", "--fail-on", "never", "--no-progress", "--workers", "1"]
    run = subprocess.run([*command, *options], env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    findings: list[dict[str, object]] = json.loads((out / "f.json").read_text())["findings"]
    return findings


@pytest.mark.slow
def test_findings_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    synthetic.write_corpus(corpus, 400)  # 400 synthetic articles: seed 77 once named other outlets in a DAT002
    first = _findings(corpus, tmp_path / "a", "0")
    second = _findings(corpus, tmp_path / "b", "77")
    assert len(first) > 50
    assert first == second
