"""How names in text find people in the knowledge base: variants of one name, not other people."""

from __future__ import annotations

from datetime import date

import pytest

from checker.knowledge import KnowledgeBase, Term
from checker.names import middles_agree, name_key


def _term(person: str, office: str, start: date, end: date | None) -> Term:
    return Term(person, name_key(person), office, "Freedonia", start, end, certain=True)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    terms = [
        (_term("Walter K. Brandt", "president", date(2001, 1, 1), date(2009, 1, 1)), ["Walter Kurt Brandt"]),
        (_term("Anna Lind", "foreign minister", date(2010, 1, 1), None), []),
    ]
    return KnowledgeBase(terms, [], {})


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Walter K. Brandt", True),
        ("Walter Kurt Brandt", True),
        ("Walter Brandt", True),  # no middle name: nothing disagrees
        ("Walter H.K. Brandt", False),  # the father, "H. K.", is someone else
        ("Walter H. K. Brandt", False),
        ("Walter Hans Kurt Brandt", False),
        ("Walter J. Brandt", False),
        ("Anna Maria Lind", True),  # the KB knows no middle name for her: nothing to disagree with
        ("Anna Lind", True),
    ],
)
def test_middle_names_tell_people_apart(kb: KnowledgeBase, name: str, known: bool) -> None:
    assert (kb.person(name) is not None) is known


@pytest.mark.parametrize(
    ("one", "other", "agree"),
    [
        ((), ("w",), True),
        (("w",), ("walker",), True),
        (("walker",), ("w",), True),
        (("h", "w"), ("w",), False),
        (("h", "w"), ("herbert", "walker"), True),
        (("j",), ("w",), False),
    ],
)
def test_middles_agree(one: tuple[str, ...], other: tuple[str, ...], agree: bool) -> None:
    assert middles_agree(one, other) is agree
