"""The shipped knowledge base: every file valid, and a sample of facts beyond doubt."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise

import pytest

from checker.knowledge import KB_DIR, OFFICES, KnowledgeBase, default_kb, load, read_terms


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


@pytest.mark.parametrize("path", sorted(KB_DIR.glob("offices_*.csv")), ids=lambda p: p.name)
def test_office_files_are_valid(path) -> None:  # type: ignore[no-untyped-def]
    terms = read_terms(path)
    assert terms, f"{path.name} is empty"
    places = {p for p in load().places}
    for term, aliases in terms:
        assert term.office in OFFICES
        assert term.jurisdiction in places, f"{path.name}: {term.person}: unknown jurisdiction {term.jurisdiction}"
        surname = term.person.split()[-1].casefold()
        assert all(alias.casefold() != surname for alias in aliases), (
            f"{path.name}: {term.person}: bare surname alias in {aliases}"
        )


def test_sure_terms_of_one_office_do_not_overlap(kb: KnowledgeBase) -> None:
    by_office = defaultdict(list)
    for term in kb.terms:
        if term.certain and "acting" not in term.note.lower() and "interim" not in term.note.lower():
            by_office[(term.office, term.jurisdiction)].append(term)
    overlaps = []
    for terms in by_office.values():
        terms.sort(key=lambda t: t.start)
        for a, b in pairwise(terms):
            if (a.end is None or a.end > b.start) and a.key != b.key:
                overlaps.append(f"{a.describe()} / {b.describe()}")
    assert overlaps == []


@pytest.mark.parametrize(
    ("office", "jurisdiction", "day", "holder"),
    [
        ("president", "United States", date(2010, 6, 1), "Barack Obama"),
        ("president", "United States", date(2019, 6, 1), "Donald Trump"),
        ("president", "United States", date(2023, 6, 1), "Joe Biden"),
        ("president", "Russia", date(2010, 6, 1), "Dmitry Medvedev"),
        ("foreign minister", "Russia", date(2015, 6, 1), "Sergey Lavrov"),
        ("chancellor", "Germany", date(2010, 6, 1), "Angela Merkel"),
        ("chancellor", "Germany", date(2023, 6, 1), "Olaf Scholz"),
        ("prime minister", "United Kingdom", date(2010, 1, 1), "Gordon Brown"),
        ("prime minister", "United Kingdom", date(2017, 1, 1), "Theresa May"),
        ("prime minister", "Finland", date(2022, 1, 1), "Sanna Marin"),
        ("president", "France", date(2015, 1, 1), "François Hollande"),
        ("secretary of state", "United States", date(2014, 1, 1), "John Kerry"),
        ("secretary-general", "NATO", date(2020, 1, 1), "Jens Stoltenberg"),
        ("secretary-general", "United Nations", date(2010, 1, 1), "Ban Ki-moon"),
        ("president", "European Central Bank", date(2015, 1, 1), "Mario Draghi"),
        ("prime minister", "India", date(2020, 1, 1), "Narendra Modi"),
        ("president", "Ukraine", date(2016, 1, 1), "Petro Poroshenko"),
        ("prime minister", "Italy", date(2020, 1, 1), "Giuseppe Conte"),
        # the US Congress, cabinet and White House staff
        ("speaker", "United States", date(2007, 1, 3), "Dennis Hastert"),
        ("speaker", "United States", date(2007, 1, 4), "Nancy Pelosi"),
        ("speaker", "United States", date(2016, 6, 1), "Paul Ryan"),
        ("senate majority leader", "United States", date(2010, 6, 1), "Harry Reid"),
        ("senate minority leader", "United States", date(2010, 6, 1), "Mitch McConnell"),
        ("house minority leader", "United States", date(2020, 6, 1), "Kevin McCarthy"),
        ("attorney general", "United States", date(2009, 2, 3), "Eric Holder"),
        ("attorney general", "United States", date(2015, 4, 26), "Eric Holder"),
        ("attorney general", "United States", date(2015, 4, 27), "Loretta Lynch"),
        ("secretary of the treasury", "United States", date(2010, 6, 1), "Timothy Geithner"),
        ("secretary of homeland security", "United States", date(2010, 6, 1), "Janet Napolitano"),
        ("white house chief of staff", "United States", date(2009, 6, 1), "Rahm Emanuel"),
        ("white house press secretary", "United States", date(2021, 6, 1), "Jen Psaki"),
        # governors and G7 ministers
        ("governor", "California", date(2005, 6, 1), "Arnold Schwarzenegger"),
        ("governor", "New York", date(2021, 8, 24), "Kathy Hochul"),
        ("governor", "Texas", date(2010, 6, 1), "Rick Perry"),
        ("governor", "Alaska", date(2008, 6, 1), "Sarah Palin"),
        ("finance minister", "United Kingdom", date(2012, 6, 1), "George Osborne"),
        ("interior minister", "United Kingdom", date(2012, 6, 1), "Theresa May"),
        ("finance minister", "Germany", date(2012, 6, 1), "Wolfgang Schäuble"),
        ("defense minister", "Germany", date(2015, 6, 1), "Ursula von der Leyen"),
        ("finance minister", "Japan", date(2015, 6, 1), "Taro Aso"),
        ("interior minister", "Italy", date(2019, 6, 1), "Matteo Salvini"),
        # central banks and international bodies
        ("central bank governor", "United States", date(2010, 6, 1), "Ben Bernanke"),
        ("central bank governor", "United Kingdom", date(2015, 6, 1), "Mark Carney"),
        ("central bank governor", "Japan", date(2018, 6, 1), "Haruhiko Kuroda"),
        ("central bank governor", "India", date(2015, 6, 1), "Raghuram Rajan"),
        ("director-general", "World Health Organization", date(2010, 6, 1), "Margaret Chan"),
        ("director-general", "World Trade Organization", date(2010, 6, 1), "Pascal Lamy"),
        ("director-general", "International Atomic Energy Agency", date(2005, 6, 1), "Mohamed ElBaradei"),
        ("high commissioner", "UNHCR", date(2010, 6, 1), "António Guterres"),
        ("secretary-general", "OECD", date(2010, 6, 1), "Ángel Gurría"),
    ],
)
def test_facts_beyond_doubt(kb: KnowledgeBase, office: str, jurisdiction: str, day: date, holder: str) -> None:
    assert [t.person for t in kb.holders(office, jurisdiction, day)] == [holder]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        ("Pedro Sanchez", "Pedro Sánchez"),
    ],
)
def test_spelling_variants_resolve(kb: KnowledgeBase, name: str, expected: str) -> None:
    key = kb.person(name)
    assert key is not None and kb.display_name(key) == expected


@pytest.mark.parametrize(
    ("word", "place"),
    [
        ("Russian", "Russia"),
        ("U.S.", "United States"),
        ("Kiev", "Ukraine"),
        ("Britain's", "United Kingdom"),
        ("Finnish", "Finland"),
    ],
)
def test_place_words(kb: KnowledgeBase, word: str, place: str) -> None:
    assert kb.place(word) == place
