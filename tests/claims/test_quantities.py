"""Quantity claims on sentences about many subjects."""

from __future__ import annotations

import pytest

from checker.claims.quantities import extract_quantities


def only(sentence: str) -> dict[str, object]:
    found = extract_quantities(sentence)
    assert len(found) == 1, [sentence[q.start : q.end] for q in found]
    value = dict(found[0].value)
    value["span"] = sentence[found[0].start : found[0].end]
    return value


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "hedge"),
    [
        ("Turnout reached 77.7% on Wednesday.", 77.7, "percent", ""),
        ("Turnout was 61 per cent, officials said.", 61.0, "percent", ""),
        ("The central bank raised rates by 50 basis points.", 0.5, "point", ""),
        ("The bank cut rates by half a percentage point.", 0.5, "point", ""),
        ("The quake killed at least eight people.", 8.0, "count", "at least"),
        ("Rescuers found more than seventy survivors.", 70.0, "count", "more than"),
        ("The fund is worth $1.2 billion.", 1.2e9, "USD", ""),
        ("About 1,200,000 voters stayed home.", 1.2e6, "count", "about"),
        ("Nearly 300 homes were destroyed.", 300.0, "count", "nearly"),
        ("The 4-1/2-hour meeting ended without a deal.", 4.5, "hour", ""),
        ("Russia controls approximately 18% of Ukrainian territory.", 18.0, "percent", "approximately"),
        ("The team finished third in the league.", 3.0, "ordinal", ""),
        ("Exports fell to €3.5 million in March.", 3.5e6, "EUR", ""),
    ],
)
def test_quantity_values(sentence: str, value: float, unit: str, hedge: str) -> None:
    found = only(sentence)
    assert found["value"] == pytest.approx(value)
    assert found["unit"] == unit
    assert found["hedge"] == hedge


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks began on February 18, 2025 in Riyadh.",
        "The meeting starts at 9:30 a.m. on Tuesday.",
        "Leaders of the G20 met in Rome in 2021.",
        "The F-16 jets arrived at No. 10 Downing Street.",
        "One of the delegates left early.",
    ],
)
def test_dates_times_and_identifiers_are_not_quantities(sentence: str) -> None:
    assert extract_quantities(sentence) == []


def test_numbers_in_one_sentence_measure_different_things() -> None:
    sentence = "The strike killed at least eight people and injured more than seventy."
    killed, injured = extract_quantities(sentence)
    assert killed.value["measure"] != injured.value["measure"]
    assert "kill" in killed.value["context"][:3] or "people" in killed.value["measure"]


def test_hedges_widen_the_interval() -> None:
    nearly = only("Nearly 300 people were evacuated.")
    assert nearly["low"] < 298 <= nearly["high"]
    exact = only("Officials evacuated 298 people.")
    assert exact["low"] == exact["high"] == 298


def test_percent_of_something_is_a_share() -> None:
    assert str(only("Kyiv could win back the 20% of its territory.")["measure"]).startswith("share")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Ribeira won 2-1 in Lisbon on Saturday.", "2-1", 2001.0),
        ("The bill passed in a 396-9 vote.", "396-9", 396009.0),
        ("Rivelles beat Ribeira 3–1 in the final.", "3–1", 3001.0),
    ],
)
def test_scores_and_tallies_are_one_quantity(sentence: str, span: str, value: float) -> None:
    (score,) = extract_quantities(sentence)
    assert sentence[score.start : score.end] == span
    assert (score.value["unit"], score.value["value"]) == ("score", value)


@pytest.mark.parametrize("sentence", ["The summit on December 4–5 in Malta ended.", "The 2023-24 season ended."])
def test_ranges_are_not_quantities(sentence: str) -> None:
    assert extract_quantities(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The 737 Max was grounded after the crash.",
        "Airlines must ground their Boeing 737 8 Max jets.",
        "Slideshow (6 Images)",
        "Caption 3 of 12 Photos: Crowds gather in the square.",
    ],
)
def test_model_numbers_and_gallery_counters_are_not_quantities(sentence: str) -> None:
    assert extract_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The missile flew 580 miles before it fell.", "mile"),
        ("It reached an altitude of 2,802km on its test flight.", "km"),
        ("The fire burned 5 square miles of forest.", "square mile"),
        ("The tower is 8.9 metres taller than the old one.", "metre"),
        ("The agency released 12 photos of the suspect.", "count"),
        ("Some 1,095 Iraqi soldiers are missing.", "count"),
    ],
)
def test_units_of_measure_are_units(sentence: str, unit: str) -> None:
    assert only(sentence)["unit"] == unit


@pytest.mark.parametrize(
    ("sentence", "figure", "role"),
    [
        ("Participation rose to 62.9 percent from 62.7 percent.", "62.9 percent", "to"),
        ("Participation rose to 62.9 percent from 62.7 percent.", "62.7 percent", "from"),
        ("Monthly pay doubles from $1,000 to $2,000.", "$1,000", "from"),
        ("The rate fell to 15 percent, down from 35 percent.", "35 percent", "from"),
        ("The central bank cut rates by 25 basis points.", "25 basis points", "by"),
        ("Turnout stood at 77.7% on Wednesday.", "77.7%", "to"),
        ("The storm killed 12 people.", "12", ""),
    ],
)
def test_a_figure_says_whether_it_is_the_old_value_the_change_or_the_level(
    sentence: str, figure: str, role: str
) -> None:
    (found,) = [q for q in extract_quantities(sentence) if sentence[q.start : q.end] == figure]
    assert found.value["role"] == role


@pytest.mark.parametrize(
    ("sentence", "past"),
    [
        ("Six years ago, the jobless rate was at 4.5%.", True),
        ("Migrants crossed in record numbers, beating the previous record of 5,809.", True),
        ("The jobless rate was 4.5% in the capital.", False),
        ("Even before the talks, Kyiv said it would win back the 20% of its territory.", False),
    ],
)
def test_a_figure_tied_to_an_earlier_time_says_so(sentence: str, past: bool) -> None:
    assert [q.value["past"] for q in extract_quantities(sentence) if q.value["unit"] != "year"][-1] is past


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("Employers had averaged 232,000 jobs a month, economists said.", True),
        ("The candidate must sweep the three delegates up for grabs in each, he said.", True),
        ("The quake killed 12 people a day after the warning.", False),
        ("Employers added 232,000 jobs, economists said.", False),
    ],
)
def test_a_rate_is_not_a_total(sentence: str, rate: bool) -> None:
    assert only(sentence)["per_unit"] is rate


def test_a_figure_whose_clause_names_nobody_belongs_to_the_sentences_subject() -> None:
    sentence = "Overall, Paul had a 23% favorable and 25% unfavorable rating."
    favorable, unfavorable = extract_quantities(sentence)
    assert favorable.value["names"] == ["paul"]
    assert unfavorable.value["names"] == [] and unfavorable.value["subject"] == ["paul"]


@pytest.mark.parametrize(
    ("sentence", "purpose"),
    [
        ("The Rail Company set aside $38 million for the spending plan.", ["plan", "spend"]),
        ("The deal called for $2.8 billion in funding for fencing and other measures.", ["fenc"]),
        ("The bank lost $3 million last year.", []),
    ],
)
def test_a_sum_says_what_it_is_for(sentence: str, purpose: list[str]) -> None:
    assert only(sentence)["purpose"] == purpose


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        ("Sanders has won five of the last six primaries.", 6.0),
        ("He had won eight out of the last nine caucuses.", 9.0),
        ("Trump claimed 14 of the state's 95 delegates.", 95.0),
    ],
)
def test_a_part_knows_the_whole_it_is_counted_out_of(sentence: str, total: float) -> None:
    part, whole = extract_quantities(sentence)
    assert part.value["of_total"] == total and part.value["measure"] == whole.value["measure"]
