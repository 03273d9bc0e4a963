"""Finding messages read as English: the verb agrees with one outlet or several, and an article of
no known outlet is not called "unknown"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.rules.conftest import Piece, RunRule

D = date(2023, 11, 15)
QUOTE = "“The new levy leaves a hole of forty billion crowns in the plan,”"
FUCHS = f"{QUOTE} said finance minister Karl Fuchs."
SANDER = f"{QUOTE} said opposition leader Eva Sander."
JUNE_9 = "The summit opened on June 9 in Lucerne."
JUNE_8 = "The summit opened on June 8 in Lucerne."


def pieces(texts: list[str]) -> list[Piece]:
    return [(outlet, D, text) for outlet, text in zip("ABCDE", texts, strict=False)]


@pytest.mark.parametrize(
    ("texts", "start"),
    [
        ([FUCHS, FUCHS, SANDER], "C attributes “"),
        ([FUCHS, FUCHS, FUCHS, SANDER, SANDER], "D and E attribute “"),
    ],
)
def test_attribution_verb_agrees(run_rule: RunRule, texts: list[str], start: str) -> None:
    (finding,) = run_rule("ATT001", pieces(texts))
    assert finding.message.replace('"', "“").startswith(start)


@pytest.mark.parametrize(
    ("texts", "start"),
    [
        ([JUNE_9, JUNE_9, JUNE_8], "C dates this to 2023-06-08"),
        ([JUNE_9, JUNE_9, JUNE_9, JUNE_8, JUNE_8], "D and E date this to 2023-06-08"),
    ],
)
def test_event_date_verb_agrees(run_rule: RunRule, texts: list[str], start: str) -> None:
    (finding,) = run_rule("DAT002", pieces(texts))
    assert finding.message.startswith(start)


@pytest.mark.parametrize(
    ("outlet", "start"),
    [("Daily Ledger", "Daily Ledger leaves a value blank"), ("unknown", "An article of unknown outlet leaves")],
)
def test_blank_value_names_the_outlet_or_says_it_is_unknown(run_rule: RunRule, outlet: str, start: str) -> None:
    (finding,) = run_rule("MIS001", [(outlet, None, "The minister spoke in an interview on , officials said.")])
    assert finding.message.startswith(start)
