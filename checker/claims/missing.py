"""Missing-value claims: blanks and placeholders left by broken templates or scrapers.

"in an interview with TV BRICS on , center on" has lost a date; "in Anchorage, Alaska, in ." a
month; "{{date}}", "[DATE]", "%s" and "undefined" are template slots that were never filled.
"""

from __future__ import annotations

import re

from checker.claims.hints import AnyOf

# A word that needs an object, a space, then punctuation: the object was an empty template value.
# A full stop that opens an ellipsis ("because of ... a", "the . . . law", ".?.?." where a font's
# ellipsis was lost, "went on for .. I think") marks words left out of a quotation, not a blank.
BLANK = re.compile(
    r"\b(?P<word>on|in|by|at|from|since|until|during|between|dated|of|with|to|for|the|a|an|and)"
    r"\s+(?P<punct>[,;:)](?!\d)|\.(?!\d)(?!\s?[.?…]))"
)
PLACEHOLDER = re.compile(
    r"\{\{\s*[\w.]*\s*\}\}|\$\{[\w.]+\}|\{[a-z_]+\}|%[sd]\b|\[(?:DATE|NAME|PLACE|TIME|TK|TKTK|PLACEHOLDER|"
    r"INSERT[^\]]*|CITY|NUMBER|SOURCE)\]|<(?:date|name|place)>|\bTKTK\b|\bXX+\b(?=\s+(?:percent|%|people|"
    r"January|February|March|April|May|June|July|August|September|October|November|December))|"
    r"\b(?:on|in|by|at|from)\s+(?P<null>undefined|null|NaN|None)\b|“\s*”|"
    # straight marks are an empty pair only where neither can be a neighbour's closing or opening
    # mark: not in a quoted list ("unstable," "unbalanced"), not a doubled mark ("conversation."")
    r"(?<![\w,.;:!?'’)\]])\"\s*\"(?![\w])"
)


# Cheap necessary conditions (both patterns are case-sensitive): a blank is a space before punctuation,
# and each placeholder form holds one of these strings.
_BLANK_HINT = re.compile(r"\s[,.;:)]")
_PLACEHOLDER_HINT = AnyOf(("{", "%", "[", "<", "TKTK", "XX", "undefined", "null", "NaN", "None", "“", '"'))


def extract_missing(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, pattern) for each blank or placeholder in a sentence."""
    found = []
    for m in BLANK.finditer(sentence) if _BLANK_HINT.search(sentence) else ():
        found.append((m.start(), m.end(), f"'{m.group('word')}' followed by '{m.group('punct')}'"))
    for m in PLACEHOLDER.finditer(sentence) if _PLACEHOLDER_HINT.search(sentence) else ():
        found.append((m.start(), m.end(), "unfilled placeholder"))
    return sorted(found)
