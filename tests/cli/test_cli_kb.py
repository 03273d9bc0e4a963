"""`checker kb who` and `checker kb offices`: offices asked in the words articles use."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from click.testing import CliRunner, Result

from checker.claims.people import PeopleContext, extract_roles
from checker.cli import main
from checker.knowledge import default_kb, kb_metadata

kb_cli = importlib.import_module("checker.cli.kb")  # the package's `kb` attribute is the command group


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, ["kb", *args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("phrase", "holder"),
    [
        ("German Chancellor", "Germany: Angela Merkel"),
        ("german chancellor", "Germany: Angela Merkel"),
        ("Chancellor of Germany", "Germany: Angela Merkel"),
        ("chancellor of germany", "Germany: Angela Merkel"),
        ("NATO Secretary General", "NATO: Jens Stoltenberg"),
        ("Secretary-General of NATO", "NATO: Jens Stoltenberg"),
        ("US President", "United States: Barack Obama"),
        ("U.S. president", "United States: Barack Obama"),
        ("Dutch PM", "Netherlands: Mark Rutte"),
        ("Prime Minister of the Netherlands", "Netherlands: Mark Rutte"),
        ("Russia's foreign minister", "Russia: Sergey Lavrov"),
        ("Taoiseach", "Ireland: Enda Kenny"),
    ],
)
def test_who_reads_the_phrasings_of_articles(phrase: str, holder: str) -> None:
    result = invoke("who", phrase, "--on", "2015-06-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [line for line in result.stdout.splitlines() if line.startswith(holder)]


@pytest.mark.parametrize(
    "phrase", ["German Chancellor", "NATO Secretary General", "US President", "Secretary of State", "foreign minister"]
)
def test_who_reads_a_title_as_the_extractor_does(phrase: str) -> None:
    """The command and the checks agree on the office and place a title names."""
    roles = extract_roles(f"{phrase} Jane Roe met reporters.", PeopleContext(default_kb()))
    assert [(r["office"], r["jurisdiction"]) for _, _, r in roles] == [kb_cli.read_office(phrase, default_kb())]


@pytest.mark.parametrize(
    ("phrase", "suggested"),
    [
        ("chancelor of germany", "'chancellor of germany'"),
        ("german chancelor", "'german chancellor'"),
        ("prime minster", "'prime minister'"),
        ("grand vizier", "`checker kb offices`"),
    ],
)
def test_who_suggests_close_offices_on_a_miss(phrase: str, suggested: str) -> None:
    result = invoke("who", phrase, "--on", "2015-06-01")
    assert result.exit_code == 2
    assert "unknown office" in result.stderr and suggested in result.stderr


def test_who_on_defaults_to_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kb_cli, "_today", lambda: dt.date(2015, 6, 1))
    result = invoke("who", "German Chancellor")
    assert result.exit_code == 0
    assert result.stdout == invoke("who", "German Chancellor", "--on", "2015-06-01").stdout


@pytest.mark.parametrize(("day", "caveat"), [("2015-06-01", False), ("2099-01-01", True)])
def test_who_past_the_reliable_date_says_so(day: str, caveat: bool) -> None:
    result = invoke("who", "Chancellor of Germany", "--on", day)
    assert result.exit_code == 0
    reliable = kb_metadata()["reliable_through"]
    assert (f"reliable through {reliable}" in result.stdout) is caveat


def test_offices_lists_the_offices_their_titles_and_places() -> None:
    result = invoke("offices")
    assert result.exit_code == 0
    blocks = result.stdout.split("\n", 1)[1]
    assert "chancellor: " in blocks and "Germany" in blocks
    assert "taoiseach (Ireland)" in blocks
    assert {line.split(":")[0] for line in blocks.splitlines() if not line.startswith(" ")} >= {
        "president",
        "prime minister",
        "secretary-general",
    }
