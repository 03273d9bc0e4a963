"""The input formats as documented: every front-matter key and JSON field the readers take is in
the README and in docs/inputs.md, and the README's first-article walkthrough does what it says."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.ingest import formats, metadata
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
INPUTS = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
JSON_FIELDS = [
    *formats.TEXT_FIELDS,
    *formats.TITLE_FIELDS,
    *formats.OUTLET_FIELDS,
    *formats.DATE_FIELDS,
    *formats.URL_FIELDS,
    *formats.AUTHOR_FIELDS,
]
FRONT_KEYS = sorted(metadata._FRONT_KEYS)


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end > 0 else len(text)]


@pytest.mark.parametrize("key", FRONT_KEYS + JSON_FIELDS + list(formats.LIST_KEYS))
def test_docs_inputs_lists_every_key(key: str) -> None:
    assert f"`{key}`" in INPUTS, key


@pytest.mark.parametrize("key", FRONT_KEYS + JSON_FIELDS)
def test_the_readme_names_every_key_and_links_the_details(key: str) -> None:
    formats_section = section(README, "## Input formats")
    assert "(docs/inputs.md)" in formats_section
    assert re.search(rf"[`/]{re.escape(key)}[`/]", formats_section), key


def test_the_first_article_walkthrough_does_what_it_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walkthrough = section(README, "### Your first article")
    blocks = re.findall(r"```sh\n(.*?)```", walkthrough, re.DOTALL)
    expected = re.findall(r"```text\n(.*?)```", walkthrough, re.DOTALL)[0].splitlines()
    monkeypatch.chdir(tmp_path)
    outputs = []
    for block in blocks:
        shell, checks = _split(block)
        subprocess.run(["bash", "-euc", shell], check=True, cwd=tmp_path)
        for line in checks:
            outputs.append(CliRunner().invoke(main, shlex.split(line)[1:]).stdout)
    first, last = outputs[0].splitlines(), outputs[-1].splitlines()
    assert first[0].startswith("1 article, 1 story, 0 errors, 0 warnings")
    assert last[0] == expected[0]
    assert expected[-1] in last


def _split(block: str) -> tuple[str, list[str]]:
    """The shell part of a block, and its `checker` lines (run through click, with this code)."""
    shell, checks = [], []
    for line in block.splitlines():
        if line.startswith("checker "):
            checks.append(line.split("  #")[0] + " --no-progress")
        else:
            shell.append(line)
    return "\n".join(shell) + "\n", checks
