"""Knowledge-base evidence points at the file and row a reviewer can open, not at the folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.knowledge import KB_DIR, default_kb, load
from checker.rules import REGISTRY
from checker.rules.base import kb_evidence
from tests.rules.conftest import build_context

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("person", "office"), [("Sanna Marin", "prime minister"), ("Sergey Lavrov", "foreign minister")]
)
def test_evidence_names_the_csv_file_and_the_line_of_the_row(person: str, office: str) -> None:
    kb = default_kb()
    key = kb.person(person)
    assert key is not None
    (term,) = kb.terms_of(key, office)
    evidence = kb_evidence(term)
    assert evidence.path.startswith("checker/data/kb/") and evidence.path.endswith(".csv")
    line = (ROOT / evidence.path).read_text(encoding="utf-8").splitlines()[evidence.line - 1]
    assert line.startswith(f"{person},") and f",{office}," in line


def test_a_finding_carries_it() -> None:
    context = build_context([("Nordic Post", date(2025, 2, 25), "Finnish Prime Minister Sanna Marin spoke.")])
    (finding,) = REGISTRY["ROL001"].findings(context)
    kb = [e for e in finding.evidence if not e.article]
    assert kb and all(e.path.startswith("checker/data/kb/offices_") and e.line > 1 for e in kb)


def test_another_kb_folder_is_named_as_given(tmp_path: Path) -> None:
    for name in ("offices_x.csv", "places_x.csv"):
        source = next(KB_DIR.glob(name.replace("x", "*")))
        header = source.read_text(encoding="utf-8").splitlines()[0]
        (tmp_path / name).write_text(header + "\n", encoding="utf-8")
    with (tmp_path / "offices_x.csv").open("a", encoding="utf-8") as out:
        out.write("Jane Roe,,president,Freedonia,2001-01-01,2005-01-01,,sure,\n")
    (term,) = load(tmp_path).terms
    assert (term.source, term.row) == (str(tmp_path / "offices_x.csv"), 2)
