"""Quote claims: the quoted words and who said them."""

from __future__ import annotations

import re

from checker.claims.hints import AnyOf
from checker.claims.people import PeopleContext, speaker_of
from checker.names import name_key

QUOTED = re.compile(r"“(?P<a>[^”]{8,}?)”|\"(?P<b>[^\"\s][^\"]{7,}?)\"|(?<![\w])‘(?P<c>[^’]{12,}?)’(?![\w])")
UNQUOTED = re.compile(  # "Lavrov said: If Europe wants..." and "asking, If Europe wants ...?"
    r"(?:said|asking|asked|stating|stated|added)\s*[:,]\s+(?P<d>[A-Z][^“\"]{20,})$"
)


# Cheap necessary conditions (both patterns are case-sensitive): the marks a quotation opens with, and
# the stems of the verbs that introduce an unquoted one.
_QUOTE_MARKS = AnyOf(("“", '"', "‘"))
_INTRODUCERS = AnyOf(("said", "ask", "stat", "added"))


def _quotations(sentence: str) -> list[re.Match[str]]:
    quoted = list(QUOTED.finditer(sentence)) if _QUOTE_MARKS.search(sentence) else []
    if quoted or not _INTRODUCERS.search(sentence):
        return quoted
    return list(UNQUOTED.finditer(sentence))


def extract_quotes(sentence: str, people: PeopleContext) -> list[tuple[int, int, dict[str, object]]]:
    """(start, end, value) for each quotation of three words or more in the sentence."""
    found = []
    for m in _quotations(sentence):
        group = next(g for g in ("a", "b", "c", "d") if m.groupdict().get(g))
        words = m.group(group).strip()
        if len(words.split()) < 3:
            continue  # scare quotes: “legitimacy”, “emergency” summit
        speaker, named = speaker_of(sentence, m.start(), m.end(), people)
        found.append(
            (
                m.start(group),
                m.end(group),
                {
                    "words": words,
                    "speaker": speaker,
                    "speaker_key": name_key(speaker) if speaker else "",
                    "speaker_named": named,
                },
            )
        )
    return found
