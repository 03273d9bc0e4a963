"""Quote claims: the quoted words and who said them."""

from __future__ import annotations

import re

from checker.claims.hints import AnyOf
from checker.claims.people import NAME, SPEECH_VERBS, PeopleContext, clean_name
from checker.knowledge import KnowledgeBase
from checker.names import fold, name_key

# A quotation closes at the first closing mark of either kind: typography mixes them (“... said."),
# and a curly quote left open would otherwise run on into the next quotation of the sentence.
QUOTED = re.compile(r"“(?P<a>[^”\"]{8,}?)[”\"]|\"(?P<b>[^\"\s][^\"”]{7,}?)[\"”]|(?<![\w])‘(?P<c>[^’]{12,}?)’(?![\w])")
UNQUOTED = re.compile(  # "Lavrov said: If Europe wants..." and "asking, If Europe wants ...?"
    r"(?:said|asking|asked|stating|stated|added)\s*[:,]\s+(?P<d>[A-Z][^“\"]{20,})$"
)


# A title in quotation marks ("Meet the Press", "Fox News Sunday", "The Art of the Deal") names a
# programme, book or slogan, not words someone said: capitalised words, with only the small words
# of titles in lower case.
_TITLE_SMALL = frozenset("a an and as at but by for from in into nor of on or the to vs vs. with".split())


def is_title(words: str) -> bool:
    """Whether quoted words read as a title rather than speech (at most eight title-cased words,
    twelve with a subtitle after a colon, no sentence inside; SHOUTED CAPITALS are speech)."""
    text = words.strip().rstrip(",.;:")
    tokens = text.replace(":", " ").replace("—", " ").split()
    if not tokens or len(tokens) > (12 if ":" in text else 8) or re.search(r"[.!?]\s", text) or text.isupper():
        return False
    if text.endswith(("!", "?")):
        return False
    return all(not t[0].isalpha() or t[0].isupper() or t.casefold() in _TITLE_SMALL for t in tokens) and (
        tokens[0][0].isupper() or tokens[0][0].isdigit()
    )


# "“…,” Jane Roe, a senior attorney with the group, said": the speaker after the quote, with an
# apposition between the name and the verb, which `speaker_of` reads once the apposition is cut.
_APPOSITION_AFTER = re.compile(
    r"^(?P<lead>[\s,’'”\"]*(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*),\s+"
    rf"(?:a|an|the|who|whose|one\s+of|also)\b[^“”\"]{{1,120}}?,(?=\s+{SPEECH_VERBS}\b)"
)
# "“…,” told CNN", "“…,” telling reporters": after a quote, "told X" names who heard it; the
# speaker stands before the quote ("Jane Roe, who on Sunday said the ship “…,” told CNN").
_LISTENER_AFTER = re.compile(r"^[\s,’'”\"]*(?:told|telling)\b")


# "who on Sunday said": a capitalised word before a speech verb that is a day, not a person
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january
    february march april may june july august september october november december""".split()
)


def _speaker(sentence: str, start: int, end: int, people: PeopleContext) -> tuple[str, bool]:
    tail = sentence[end:]
    if _LISTENER_AFTER.match(tail):
        sentence = sentence[:end]
    else:
        apposition = _APPOSITION_AFTER.match(tail)
        if apposition:
            sentence = sentence[:end] + apposition.group("lead") + tail[apposition.end() :]
    speaker, named = speaker_of(sentence, start, end, people)
    if speaker.casefold() in _CALENDAR_WORDS:
        return "", False
    return speaker, named


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
        if len(words.split()) < 3 or is_title(words):
            continue  # scare quotes: “legitimacy”, “emergency” summit; titles: “Meet the Press”
        speaker, named = _speaker(sentence, m.start(), m.end(), people)
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


_SPEAKER_AFTER = (
    # "said finance minister Karl Fuchs", "stated US State Department spokesperson Tammy Bruce"
    re.compile(
        rf"^[\s,’'”\"]*{SPEECH_VERBS}\s+(?:[\w.’'-]+\s+){{0,5}}?(?P<name>{NAME})"
        # a period inside the sentence ends an abbreviation ("said Gov. Perry"), not the name
        rf"(?=\s*(?:[,;:]|\.(?!\s+[A-Z])|$|\b(?:on|in|at|who|told|during|after|before|as|while|when|with|from|of)\b))"
    ),
    # "Ribeira coach Rui Valente told reporters": descriptor words, then the name and the verb
    # (an adverb may stand between: "Liz Cheney reportedly said")
    re.compile(rf"^[\s,’'”\"]*(?:[\w.’'-]+\s+){{0,4}}?(?P<name>{NAME})\s+(?:[a-z]+ly\s+)?{SPEECH_VERBS}"),
)
_SPEAKER_BEFORE = (
    re.compile(rf"(?P<name>{NAME})(?:\s+\w+){{0,2}}\s+{SPEECH_VERBS}[^.“\"]{{0,40}}$"),
    re.compile(rf"(?P<name>{NAME})\s*:\s*$"),
    re.compile(rf"(?i:according\s+to)\s+(?P<name>{NAME})[,\s]*$"),
)
_PRONOUN_SAID = re.compile(rf"\b(?:he|she)\s+{SPEECH_VERBS}\b", re.IGNORECASE)


def speaker_of(sentence: str, quote_start: int, quote_end: int, people: PeopleContext) -> tuple[str, bool]:
    """Who a quote is attributed to, and whether the sentence names them (False for 'he said')."""
    tail = sentence[quote_end:]
    head = sentence[:quote_start]
    searches = [(tail, pattern) for pattern in _SPEAKER_AFTER] + [(head, pattern) for pattern in _SPEAKER_BEFORE]
    for text, pattern in searches:
        m = pattern.search(text)
        if m:
            name = clean_name(m.group("name"))
            if fold(name) not in ("he", "she", "they", "it", "the", "but", "and"):
                full = people.full(_strip_title(name, people.kb))
                people.note(full)
                return full, True
    if _PRONOUN_SAID.search(sentence):
        return people.last_person, False
    return "", False


def _strip_title(name: str, kb: KnowledgeBase) -> str:
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        if kb.title(" ".join(words[:i])) is not None:
            return " ".join(words[i:])
    return name
