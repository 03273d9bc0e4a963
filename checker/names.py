"""Name normalization: one key for the spelling and transliteration variants of a name.

`name_key("Sergei Lavrov") == name_key("Sergey Lavrov")`,
`name_key("Zelenskiy") == name_key("Zelenskyy") == name_key("Zelensky")`,
`name_key("Pedro Sánchez") == name_key("Pedro Sanchez")`.
The folding is deliberately small and general (diacritics, case, the common English
transliterations of Slavic endings); anything bigger belongs in the knowledge base's aliases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

HONORIFICS = frozenset(
    (
        "mr mrs ms miss dr prof sir dame lord lady rev sen rep gov gen lt col maj capt sgt adm "
        "president minister chancellor king queen prince princess sheikh ayatollah"
    ).split()
)

_TRANSLIT = (
    (re.compile(r"(?:iy|yy|ii|yi)\b"), "y"),  # Zelenskiy, Zelenskyy, Zelenskii -> Zelensky
    (re.compile(r"ey\b"), "ei"),  # Sergey -> Sergei
    (re.compile(r"kh"), "h"),  # Khamenei / Hamenei, Mikhail / Mihail
    (re.compile(r"ks"), "x"),  # Aleksandr / Alexandr
    (re.compile(r"ph"), "f"),
    (re.compile(r"ou"), "u"),  # Moustafa / Mustafa
    (re.compile(r"(.)\1"), r"\1"),  # doubled letters: Zelenskyy, Shoigu/Shoiggu
)


def fold(text: str) -> str:
    """Lower-case ASCII without diacritics: 'Erdoğan' -> 'erdogan', 'Sánchez' -> 'sanchez'."""
    if text.isascii():  # fast path (most news text): NFKD and casefold of ASCII are lower()
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ı", "i").replace("ø", "o").replace("ł", "l").casefold()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The identity key of a person's or place's name."""
    words = re.findall(r"[a-z0-9]+", fold(name).replace("'", ""))
    words = [w for w in words if w not in HONORIFICS]
    key = " ".join(words)
    for pattern, replacement in _TRANSLIT:
        key = pattern.sub(replacement, key)
    return key


def middles_agree(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two sets of middle-name words (keys) can belong to one person.

    A name without middle words says nothing ("George Bush"); otherwise the words pair up one by one,
    an initial standing for a word it begins: "w" fits "walker", but "h w" is not "w" - George H. W.
    Bush and George W. Bush share a first and last name and are father and son.
    """
    if not one or not other:
        return True
    if len(one) != len(other):
        return False
    return all(_word_fits(a, b) for a, b in zip(one, other, strict=True))


def _word_fits(one: str, other: str) -> bool:
    """The same name word, or an initial of it."""
    return one == other or (len(one) == 1 and other.startswith(one)) or (len(other) == 1 and one.startswith(other))


def surname_key(name: str) -> str:
    """The key of the last word of a name: how a second mention ('Lavrov said') refers back."""
    key = name_key(name)
    return key.rsplit(" ", 1)[-1] if key else ""
