"""Shared text helpers for similarity: tokens, a light stemmer, stopwords, proper nouns,
rough sentences, character n-grams.

Everything here is deterministic and dependency-free (regex + dicts), so the stages that use it
(story grouping, sentence alignment) give the same answer on every run.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words plus news boilerplate verbs. Deliberately short: words such as "bill", "fire",
# "state" or "interest" carry meaning in news and stay in.
STOPWORDS: frozenset[str] = _wordset(
    """
    a about above after again against all almost along already also although always am among an
    and another any anyone anything are around as at be became because become been before being
    below between both but by can cannot could did do does doing done down during each either else
    ever every few for from further had has have having he her here hers herself him himself his
    how however i if in into is it its itself just least less many may me might more most much must
    my myself neither no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps quite rather same she should since so some such than that
    the their theirs them themselves then there therefore these they this those though through thus
    to too under until up upon us very via was we were what whatever when whenever where whether
    which while who whoever whom whose why will with within without would yet you your yours
    yourself yourselves
    said says say saying told tell tells according added adding asked mr mrs ms dr
    s t ll re ve d m
    """
)

NAME_PREFIX = "n:"
NUMBER_PREFIX = "#"

# Office titles: outlets title the same person differently ("President Trump", "Trump").
_ROLES = _wordset(
    """
    president secretary minister foreign prime state general chancellor governor senator rep sen
    gov ambassador spokesperson spokesman spokeswoman advisor adviser envoy deputy chief national
    security vice former king queen prince princess sheikh director chairman chair leader
    representative congressman congresswoman sir lord lady justice judge attorney officer
    commander lt col gen adm sgt capt
    """
)
_SENTENCE_BREAKS = frozenset(".!?:;\"“”—–-‘’'")

# Capitalised words that start sentences or headlines without naming anything.
_NOT_NAMES = STOPWORDS | _wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december mr mrs ms dr
    """
)

_ACRONYM_RE = re.compile(r"\b(?:[A-Z]\.){2,}")
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_NAME_RE = re.compile(r"[^\W_]+(?:['][^\W_]+)*|[^\w\s]")

# (suffix, replacement), longest first; "ies>y" replaces "ies" by "y". A suffix is stripped only
# when a stem of at least three characters remains. Light on purpose: it only has to make
# inflections meet ("invited", "invitation" -> "invit"; "Russian", "Russia" -> "russ").
_SUFFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            (rule.partition(">")[0], rule.partition(">")[2])
            for rule in _wordset(
                """
                izations ization ational ations ation ators ator ating ated ates ate ments ment ness
                ings ing ities ity ians ian ia ives ive ers er ies>y ied>y ed es ly s e
                """
            )
        ),
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
)
_KEEP_S = ("ss", "us", "is")
_stem_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """NFKC, typographic apostrophes straightened, acronyms with dots closed up ("U.S." -> "US")."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return _ACRONYM_RE.sub(lambda m: m.group(0).replace(".", ""), text)


def stem(word: str) -> str:
    """A light suffix stripper: "negotiations", "negotiating", "negotiated" -> "negoti"."""
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    result = word
    if len(word) > 3 and not word[0].isdigit():
        for suffix, replacement in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                if suffix == "s" and word.endswith(_KEEP_S):
                    continue
                result = word[: len(word) - len(suffix)] + replacement
                break
        if len(result) > 3 and result[-1] == result[-2] and result[-1] not in "aeiouls":
            result = result[:-1]  # "stopp(ed)" -> "stop"
    if len(_stem_cache) < 500_000:
        _stem_cache[word] = result
    return result


def _normal_token(token: str) -> str | None:
    """Lower-cased token with possessive removed, or None when it is a stopword."""
    if token == "US":
        return "usa"  # the country, not the pronoun
    low = token.lower()
    if low.endswith("'s"):
        low = low[:-2]
    elif "'" in low:
        low = low.split("'", 1)[0]  # "they're" -> "they", "don't" -> "don"
    if low in STOPWORDS or (len(low) < 2 and not low.isdigit()):
        return None
    return low


_content_cache: dict[str, str] = {}


def content_stems(text: str) -> list[str]:
    """Stemmed content words and numbers, in order (cached per distinct token)."""
    return _content_stems(fold(text))


def _content_stems(folded: str) -> list[str]:
    out = []
    cache = _content_cache
    for token in _TOKEN_RE.findall(folded):
        known = cache.get(token)
        if known is None:
            low = _normal_token(token)
            known = "" if low is None else stem(low)
            if len(cache) < 500_000:
                cache[token] = known
        if known:
            out.append(known)
    return out


def _names_and_numbers(folded: str) -> tuple[list[str], list[str]]:
    """Proper-noun words and numbers of a folded text (`fold`): (["lavrov", "riyadh", ...],
    ["20", "2025"]).

    A proper-noun word is a capitalised word that is not a function word, a weekday or month,
    or an office title ("President", "Minister": outlets title people differently). A capital
    at the start of a sentence counts only when the same word is capitalised inside a sentence
    somewhere in the text. Title Case heading lines are skipped: their capitals say nothing.
    Numbers are digit tokens of two or more characters.
    """
    inside: set[str] = set()
    capitals: list[tuple[str, bool]] = []  # (lower case, at the start of a sentence), in order
    numbers: list[str] = []
    for line in folded.splitlines():
        line_inside: list[str] = []
        line_capitals: list[tuple[str, bool]] = []
        line_numbers: list[str] = []
        letters = capitalised = 0  # words starting with a letter; with a capital one
        initial = True
        for word in _NAME_RE.findall(line):
            first = word[:1]
            if first.isupper():
                if first.isalpha():
                    letters += 1
                    capitalised += 1
                low = word.lower()
                if not initial:
                    line_inside.append(low)
                line_capitals.append((low, initial))
            elif first.isalpha():
                letters += 1
            elif first.isdigit() and len(word) >= 2:
                line_numbers.append(word)
            initial = word in _SENTENCE_BREAKS
        if letters >= 3 and capitalised > 0.6 * letters:
            continue  # a Title Case heading
        inside.update(line_inside)
        capitals.extend(line_capitals)
        numbers.extend(line_numbers)
    # whether a sentence-initial capital is a name is known once every line has been read
    names = [
        low.removesuffix("'s")
        for low, initial in capitals
        if low not in _NOT_NAMES and low not in _ROLES and (not initial or low in inside)
    ]
    return names, numbers


def article_terms(title: str, text: str, title_weight: int = 2) -> Counter[str]:
    """Term counts for story grouping.

    Stems of the title (each counted `title_weight` times) and of the text, plus the text's
    proper-noun words prefixed "n:" and numbers prefixed "#" (headlines are often Title Case,
    so only the text is read for names).
    """
    counts: Counter[str] = Counter()
    for term in content_stems(title):
        counts[term] += title_weight
    folded = fold(text)
    counts.update(_content_stems(folded))
    names, numbers = _names_and_numbers(folded)
    counts.update(NAME_PREFIX + name for name in names)
    counts.update(NUMBER_PREFIX + number for number in numbers)
    return counts


_BOUNDARY = re.compile(r"[.?!…]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|No|vs|Prof|Inc|Co|Corp|Ltd"
    r"|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.$"
)


def rough_sentences(text: str, min_words: int = 4) -> list[str]:
    """Sentence-like pieces of a text, for evidence only (the real splitter is another stage):
    lines, cut after . ? ! before a capital, not after "U.S." or "Mr."; short pieces dropped."""
    out: list[str] = []
    for line in text.splitlines():
        start = 0
        for boundary in _BOUNDARY.finditer(line):
            if _ABBREVIATION.search(line, 0, boundary.start() + 1):
                continue
            out.append(line[start : boundary.end()].strip())
            start = boundary.end()
        out.append(line[start:].strip())
    return [s for s in out if len(s.split()) >= min_words]


NAME_MARK = "N:"
_word_cache: dict[str, tuple[str, str | None]] = {}
_gram_cache: dict[str, tuple[str, ...]] = {}

# (word, stem, case): word = lower case without possessive or apostrophes (the unit of character
# n-grams); stem = light stem, None for a stopword; case = 0 lower, 1 capitalised inside a
# sentence, 2 capitalised at the start of one.
SentenceToken = tuple[str, str | None, int]


def sentence_tokens(text: str) -> list[SentenceToken]:
    """Tokens of a sentence for alignment features (cached per distinct token)."""
    out: list[SentenceToken] = []
    initial = True
    for token in _NAME_RE.findall(fold(text)):
        first = token[:1]
        if not first.isalnum():
            initial = token in _SENTENCE_BREAKS
            continue
        known = _word_cache.get(token)
        if known is None:
            low = _normal_token(token)
            word = token.lower()
            word = word[:-2] if word.endswith("'s") else word
            known = (word.replace("'", ""), stem(low) if low is not None else None)
            if len(_word_cache) < 500_000:
                _word_cache[token] = known
        out.append((known[0], known[1], 0 if not first.isupper() else 2 if initial else 1))
        initial = False
    return out


def proper_nouns(tokens: Iterable[Iterable[SentenceToken]]) -> frozenset[str]:
    """Words capitalised inside a sentence and never written in lower case in these sentences:
    the names (and titles) of a story. Stopwords excluded."""
    capital: set[str] = set()
    lower: set[str] = set()
    for sentence in tokens:
        for word, stemmed, case in sentence:
            if case == 1 and stemmed is not None:
                capital.add(word)
            elif case == 0:
                lower.add(word)
    return frozenset(capital - lower)


def word_ngrams(word: str, low: int = 3, high: int = 5) -> tuple[str, ...]:
    """Character n-grams of one word padded with spaces (like sklearn's "char_wb"), cached."""
    known = _gram_cache.get(word)
    if known is None:
        padded = f" {word} "
        known = tuple(padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1))
        if len(_gram_cache) < 500_000:
            _gram_cache[word] = known
    return known
