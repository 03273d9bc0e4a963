"""Cheap pre-checks: tell that a sentence cannot match an extractor's costly regexes before running them.

Most sentences hold no date, number, title, quotation or placeholder, and a regex costs far more to fail
over a whole sentence than a few substring tests do. Every check here is a necessary condition of a
match, never a replacement for one: when it passes, the extractor's own regex still decides, so the
claims found are exactly those the regexes alone would find.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

# The only non-ASCII characters re.IGNORECASE matches to an ASCII letter (see the `re` docs). Lowering
# does not turn 'İ', 'ı' or 'ſ' into that letter alone, so with one of them in a sentence a substring
# test on the lowered text could miss a case-insensitive match: such sentences skip the pre-checks.
_CASE_TRAPS = ("İ", "ı", "ſ", "K")


def lowered(text: str) -> str | None:
    """`text.lower()`, in which every case-insensitive occurrence of an ASCII word of `text` is a plain
    substring; None when a character of `text` makes that untrue (then nothing may be ruled out)."""
    if not text.isascii() and any(trap in text for trap in _CASE_TRAPS):
        return None
    return text.lower()


_FEW_STRINGS = 16  # AnyOf tests up to this many strings with `in`


class AnyOf:
    """Whether a text holds any of some literal strings: `in` tests for a few (a substring search
    is a fast memory scan: three to seven times cheaper than a `re` scan for up to ~16 strings),
    one `re` scan of an alternation for more.

    With `caseless`, the strings (lower-case ASCII) are looked for in any case; the test can then only
    rule a text out, and says True whenever lowering it could hide a match (see `lowered`).
    """

    def __init__(self, strings: Iterable[str], *, caseless: bool = False) -> None:
        strings = list(strings)
        if caseless and not all(s.isascii() and s == s.lower() for s in strings):
            raise ValueError("caseless strings must be lower-case ASCII")
        self.caseless = caseless
        self._strings = tuple(strings) if len(strings) <= _FEW_STRINGS else None
        self._pattern = re.compile("|".join(map(re.escape, strings)))

    def search(self, text: str) -> bool:
        """False only when none of the strings occurs in `text`."""
        if self.caseless:
            low = lowered(text)
            if low is None:
                return True
            text = low
        if self._strings is None:
            return self._pattern.search(text) is not None
        for string in self._strings:  # noqa: SIM110 - any() over a generator: twice the time
            if string in text:
                return True
        return False


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")  # "(?-i:...)" would match case-sensitively on one side only


def _lower_case(source: str) -> bool:
    """Whether every character a pattern source matches literally is lower-case ASCII or has no case."""
    escaped = [m.group(1) for m in _ESCAPE.finditer(source)]
    if any(c in "xuUN0123456789" for c in escaped) or _INLINE_FLAGS.search(source):
        return False  # characters by code, back-references, scoped flags: not worth telling apart
    # \W, \S, \D, \B, \A and \Z are classes and anchors, and the "P" of "(?P<name>" is syntax.
    text = _ESCAPE.sub(lambda m: "" if m.group(1) in "WSDBAZ" else m.group(1), source).replace("(?P", "(?")
    return all(not c.isupper() if c.isascii() else c.lower() == c == c.upper() for c in text)


class CaselessPattern:
    """A case-insensitive regex that searches ASCII text as a case-sensitive one over its lower-case form.

    On ASCII text, lowering keeps every offset and every \\w, \\d, \\s and \\b, and turns each letter into
    the only case a lower-case pattern can match: both forms find the same spans, and `re` runs
    case-sensitive patterns two to three times faster. Other text goes through the case-insensitive form,
    and so does every text when the source has a cased character that is not lower-case ASCII (signs
    such as '€' or '–' have no case, and match no ASCII text either way). The source must not hold a
    character range that covers capitals but not their lower case (such as `[!-[]`).
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = re.compile(source, flags | re.IGNORECASE)
        self._sensitive = re.compile(source, flags & ~re.IGNORECASE) if _lower_case(source) else None

    @property
    def fast(self) -> bool:
        """Whether ASCII text is searched in its case-sensitive, lower-case form."""
        return self._sensitive is not None

    def search(self, text: str) -> bool:
        """Whether the pattern occurs in `text`."""
        if self._sensitive is not None and text.isascii():
            return self._sensitive.search(text.lower()) is not None
        return self.pattern.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches `self.pattern.finditer(text)` yields, for a pattern that never matches empty text."""
        if self._sensitive is None or not text.isascii():
            yield from self.pattern.finditer(text)
            return
        for found in self._sensitive.finditer(text.lower()):
            # The same span: match it again on the original text so the groups keep their case.
            match = self.pattern.match(text, found.start())
            assert match is not None and match.end() == found.end()
            yield match


def alternation(words: Iterable[str]) -> str:
    """A regex source that matches exactly the given strings, longest first, factored by their shared
    prefixes: `re` tries the branches of "a|b|c" one by one at every position, so a hundred titles cost
    a hundred tries per character, and a trie of them about one."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_source(trie)


def _trie_source(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_source(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer word first
