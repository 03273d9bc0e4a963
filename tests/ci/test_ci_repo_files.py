"""The GitHub Actions workflow and the pre-commit hook definition call `checker check` correctly."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from checker.cli import check

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = {opt for param in check.params for opt in (*param.opts, *param.secondary_opts)}


def load_yaml(path: Path) -> Any:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_pre_commit_hook_runs_check_on_the_change() -> None:
    hooks = load_yaml(ROOT / ".pre-commit-hooks.yaml")
    (hook,) = hooks
    assert hook["id"] == "checker"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    words = [*shlex.split(hook["entry"]), *hook["args"]]
    assert words[:2] == ["checker", "check"]
    assert "--changed-since" in words
    assert {w for w in words if w.startswith("--")} <= OPTIONS
    baseline = words[words.index("--baseline") + 1]
    assert (ROOT / baseline).is_file()


def test_workflow_annotates_the_change_and_keeps_sarif() -> None:
    workflow = load_yaml(ROOT / ".github" / "workflows" / "checker.yml")
    assert (ROOT / workflow["env"]["BASELINE"]).is_file()
    steps = workflow["jobs"]["check"]["steps"]
    scripts = "\n".join(step.get("run", "") for step in steps)
    assert "--format github" in scripts and "--format sarif" in scripts
    assert "--changed-since" in scripts and "--baseline" in scripts
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch must be there for --changed-since
    assert set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", scripts)) <= OPTIONS
