"""The words of quantities: units, currencies, scales, number words, ordinals, hedges (with the
interval each admits), months, and the verbs of direction and possession that paraphrases fold
together."""

from __future__ import annotations

UNITS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage point": "point",
    "percentage points": "point",
    "points": "point",
    "point": "point",
    "basis point": "basis point",
    "basis points": "basis point",
    "bps": "basis point",
    "bp": "basis point",
}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "rubles": "RUB",
    "roubles": "RUB",
}
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
SMALL = {
    w: i
    for i, w in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen"
        ).split()
    )
}
TENS = {
    w: 10 * i for i, w in enumerate(("_ _ twenty thirty forty fifty sixty seventy eighty ninety").split()) if w != "_"
}
ORDINALS = {
    w: i
    for i, w in enumerate(
        ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
    )
}
ORDINALS.pop("second")  # "a second", "seconds": too often not an ordinal
ORDINALS.pop("zeroth")
HEDGES = [
    "approximately",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "close to",
    "an estimated",
    "estimated",
    "just over",
    "just under",
    "under",
    "upwards of",
    "in excess of",
    "below",
    "above",
    "only",
    "exactly",
    "precisely",
]
# Relative width of the interval a hedge admits around the stated value.
HEDGE_SPAN = {
    "": (0.0, 0.0),
    "exactly": (0.0, 0.0),
    "precisely": (0.0, 0.0),
    "only": (0.0, 0.0),
    "approximately": (-0.05, 0.05),
    "about": (-0.05, 0.05),
    "around": (-0.05, 0.05),
    "roughly": (-0.05, 0.05),
    "some": (-0.05, 0.05),
    "an estimated": (-0.05, 0.05),
    "estimated": (-0.05, 0.05),
    "close to": (-0.05, 0.0),
    "nearly": (-0.1, 0.0),
    "almost": (-0.1, 0.0),
    "just under": (-0.05, 0.0),
    "just over": (0.0, 0.05),
    "more than": (0.0, 1.0),
    "over": (0.0, 1.0),
    "at least": (0.0, 1.0),
    "upwards of": (0.0, 1.0),
    "in excess of": (0.0, 1.0),
    "above": (0.0, 1.0),
    "less than": (-1.0, 0.0),
    "fewer than": (-1.0, 0.0),
    "under": (-1.0, 0.0),
    "below": (-1.0, 0.0),
    "at most": (-1.0, 0.0),
    "up to": (-1.0, 0.0),
    "as many as": (-0.1, 0.0),
    "as much as": (-0.1, 0.0),
}

MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

DIRECTIONS = {
    w: "down"
    for w in (
        "fell",
        "fall",
        "falls",
        "falling",
        "drop",
        "dropped",
        "drops",
        "plunged",
        "plunge",
        "slid",
        "slide",
        "lost",
        "lose",
        "declined",
        "decline",
        "tumbled",
        "sank",
        "sink",
        "slumped",
        "shed",
        "cut",
        "cuts",
        "lowered",
        "reduced",
    )
}
DIRECTIONS.update(
    {
        w: "up"
        for w in (
            "rose",
            "rise",
            "rises",
            "rising",
            "gained",
            "gain",
            "jumped",
            "climbed",
            "surged",
            "soared",
            "increased",
            "raised",
            "raise",
            "hiked",
            "grew",
            "added",
        )
    }
)

POSSESSION = {
    w: "control"
    for w in (
        "possess",
        "possesses",
        "possessed",
        "control",
        "controls",
        "controlled",
        "controlling",
        "hold",
        "holds",
        "held",
        "occupy",
        "occupies",
        "occupied",
        "under",
        "own",
        "owns",
        "owned",
        "seized",
    )
}

# Units of measure written as a word after the number ("580 miles", "2,802km", "8.9 metres"): a count of
# miles is never the same thing as a count of kilometres, however alike the sentences around them.
MEASURE_UNITS = {
    **dict.fromkeys(("mile", "miles", "mi"), "mile"),
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "metre"),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("foot", "feet", "ft"), "foot"),
    **dict.fromkeys(("inch", "inches"), "inch"),
    **dict.fromkeys(("yard", "yards"), "yard"),
    **dict.fromkeys(("kg", "kilogram", "kilograms", "kilo", "kilos"), "kg"),
    **dict.fromkeys(("lb", "lbs"), "lb"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), "ton"),
    **dict.fromkeys(("acre", "acres"), "acre"),
    **dict.fromkeys(("hectare", "hectares"), "hectare"),
    **dict.fromkeys(("gallon", "gallons"), "gallon"),
    **dict.fromkeys(("litre", "litres", "liter", "liters"), "litre"),
    **dict.fromkeys(("barrel", "barrels"), "barrel"),
    **dict.fromkeys(("mph",), "mph"),
}

# Words that tie a figure to a time before the one its article reports on: "six years ago", "a year
# earlier", "the previous record", "last month". Such a figure is an old value, not this one.
OTHER_TIME = (
    r"\b(?:ago|earlier|previous(?:ly)?|prior|formerly|"
    r"last\s+(?:year|month|week|quarter|season|spring|summer|fall|autumn|winter|decade|century|time|cycle)|"
    r"(?:a|one|two|three|the)\s+(?:year|month|week|day|decade)s?\s+(?:before|earlier))\b"
)

# Words after a figure that make it a rate or a share per unit ("232,000 jobs a month", "three in
# each district", "$750,000 apiece"): not the total that the same noun counts elsewhere.
PER_UNIT = (
    r"\b(?:each|apiece|per|annually|monthly|weekly|daily|hourly|"
    r"an?\s+(?:year|month|week|day|hour|minute|piece|head|person|share|barrel|gallon)\b"
    r"(?!\s+(?:after|later|earlier|before|ago|or)\b))"  # "a day after" is when, not how often
)

# Verbs that put a level to a figure ("the unemployment rate stood at 5.9%", "turnout was 77%"): they
# say what happened to the measured thing, not what it is.
LEVEL_VERBS = frozenset(
    """is are was were be been being stood stands stand remained remains remain reached reaches reach hit
    hits came comes totalled totaled totals total amounted amounts amount ended ends settled settles
    sat sits held holds ticked edged hovered hovers registered registers recorded records came""".split()
)

