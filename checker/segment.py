"""SEGMENT stage: split article text into sentences with exact character offsets.

A rule-based splitter tuned for news: one compiled regex finds candidate boundaries (terminal
punctuation, line breaks) and a few cheap checks decide each one. About 2.5e5 sentences/s on
one core (pysbd: ~1e3, syntok: ~5e3) with boundary P/R 0.98/1.00 on BASIL news; measure
with `bench/segment_eval.py`.

Boundaries:
- a blank line (paragraph break) always ends a sentence;
- a single line break ends a sentence unless it is a line-wrap: the next line starts in
  lowercase (after a line that is not a Title Case headline or label), the line ends
  mid-clause (comma, dash, function word such as "the"/"of"/"and"), or the text is
  hard-wrapped and the line runs to the wrap width;
- terminal punctuation (. ! ? ellipsis, with any closing quotes/brackets after it) followed
  by whitespace ends a sentence when what follows starts one: not after prefix
  abbreviations (Mr., Gen., Sen., St., vs.), numbered ones before a number (No. 10,
  Feb. 18), suffix abbreviations (U.S., a.m., Inc., etc.) unless a typical sentence starter
  follows ("in the U.S. The talks"), initials (George W. Bush), list numbers ("1. "), nor
  before a lowercase word (except after a plain word: "a tactic. by emphasizing") or a
  quote's attribution (`"Why invite them?" he asked.`, `"Why?" Scalia asked.`);
- a full stop glued to a capitalized word ("the talks.The rules") is a boundary, except in
  abbreviations ("Dr.Vance") and URLs/domains ("www.Reuters.com", "time.news").

split_spans returns (start, end) offsets: every span is stripped of whitespace, spans are
in order and never overlap, and together they cover every non-whitespace character.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.model import Article, Sentence

__all__ = ["split_article", "split_spans"]

_CLOSERS = "”\"’'»›)]}"
_QUOTE_CLOSERS = "”\"’'»›"
_OPENERS = "“\"‘'«‹([{¿¡"

# One pass over the text finds every candidate boundary. The pattern starts with a single
# character class so the regex engine skips ahead with a fast prefix scan (5x faster than an
# alternation of two branches):
#   n:  a line break (with any following whitespace) not preceded by terminal punctuation;
#   otherwise terminal punctuation, then closing quotes/brackets, then whitespace (w) or a
#   glued capital/opening quote ("talks.The").
_CANDIDATE = re.compile(
    r"[.!?…\n\u2028\u2029]"
    r"(?:(?<=[\n\u2028\u2029])(?P<n>\s*)"
    r"|[.!?…]*+[”\"’'»›)\]}]*+(?:(?P<w>\s+)|(?=[A-ZÀ-ÖØ-Þ“‘(])))"
)


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Title or prefix abbreviations: never end a sentence before a capitalized word.
_PREFIX_ABBREVIATIONS = _words(
    """
    Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Sen Sens Rep Reps Gov Govs Lt Gen Gens Col Cols
    Sgt Capt Maj Adm Cmdr Cmdt Cpl Pvt Brig Rev Hon Msgr Fr Pres Supt Det Insp Atty Amb Sec
    Treas Asst Lieut Comdr Mt Ft St Ste Pt vs v cf viz ca approx Approx Dept Univ Fig Figs
    Ave Blvd Rd Hwy Rte Bldg Apt Mme Mlle Dist Cong Assn Natl Intl Ref Refs Sgts Spc Sra Srta
    """
)
# Abbreviations that take a number: "No. 10", "Art. 5", "pp. 3-4"; otherwise ordinary words.
_NUMBER_ABBREVIATIONS = _words("No Nos no nos Art Arts Vol Vols vol vols p pp Para para")
# Abbreviations that may end a sentence: a boundary only before a typical sentence starter
# ("Apple Inc. The company", "at 9 p.m. The next day"), never before a lowercase word.
_SUFFIX_ABBREVIATIONS = _words(
    """
    Inc Corp Ltd Co Cos Bros Plc plc LLC LLP Jr Sr Esq PhD etc al Mass Wash Calif Colo Conn
    Del Fla Ga Ill Ind Kan Kans Ky La Md Mich Minn Miss Mo Mont Neb Nebr Nev Okla Ore Pa Tenn
    Tex Va Vt Wis Wyo Ariz Ark Ala Ont Que
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Tue Tues Thu Thur Thurs Fri
    """
)
_MONTHS = _words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
# Lowercase abbreviations: the full stop after them is never a boundary before lowercase.
_LOWER_ABBREVIATIONS = _words(
    """
    approx govt dept depts univ assn assoc natl intl mfg mgmt incl excl cont misc est estd
    corp bros ltd yrs hrs mins secs mths wks lbs pct tel ext repr orig trans transl vols nos
    admin prof ibid resp temp sept blvd
    """
)
# Words that commonly start a sentence: after a suffix abbreviation or an initial they make
# the full stop a boundary ("in the U.S. The talks" splits, "the U.S. President" does not).
_STARTERS = _words(
    """
    The A An He She It They We I You His Her Its Their Our My Your This That These Those
    There Here In On At By For From With Without After Before During Since Until When While
    Where What Why How Who Whom Whose Which Whether If Although Though But And Or So Yet Nor
    As Also However Meanwhile Still Then Now Today Yesterday Tomorrow Later Earlier Last Next
    Some Many Most Other Others Several All Both Each Every No Not None One Two Three Four
    Five Officials According Under Over Despite Instead Such Asked Even Only Just Once To
    Thus Because More Much Few Any Another Is Was Are Were Do Does Did Has Have Had Will
    Would Can Could Should May Might Must Mr Mrs Ms Nothing Nobody Everyone Everything
    Something Someone Anyone Let Please Yes Indeed Moreover Furthermore Overall Among Amid
    Against Like Unlike Following Including Sources Critics Experts Analysts Supporters
    Opponents Speaking Writing
    """
)
# A line ending with one of these words continues on the next line (a hard wrap).
_CONTINUING_WORDS = _words(
    """
    the a an and or but nor of to in on at by for with from as that than which who whom whose
    his her its their our my your this these those is are was were be been being has have
    had will would could should can may might must not into onto about over under between
    after before during since until when while where if because although though said says
    told according including such very more most less least also both either neither
    """
)
# An attribution after a closing quote: `"Why?" Scalia asked.`, `"We won!" Mr. Trump told
# reporters.` (after a full stop only when the verb ends the sentence: `"No." Durbin said.`)
_ATTRIBUTION = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|the|a|an|of|and)\s+){0,4}"
    r"(?:said|says|asked|asks|told|tells|added|adds|wrote|writes|tweeted|tweets|replied|"
    r"replies|shouted|shouts|wondered|wonders|continued|continues|explained|explains|"
    r"insisted|insists|declared|declares|demanded|demands|noted|notes|argued|argues|"
    r"countered|counters|responded|responds|quipped|quips|joked|jokes|remarked|remarks|"
    r"recalled|recalls|stated|states|exclaimed|exclaims|cried|cries|yelled|yells|snapped|"
    r"pleaded|pleads|urged|urges|warned|warns|conceded|concedes|acknowledged|answered|"
    r"answers|retorted|retorts|posted|posts)"
    r"(?P<tail>\b.?)"
)
_EXCLAIMED_NAMES = _words("Yahoo Jeopardy")
_PRONOUNS = _words("He She They We I It You This That There")
_ABBREVIATION_DOTS = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")  # U.S, a.m, Ph.D, W.Va
_NEXT_WORD = re.compile(r"[\w’']+")
_NON_STARTING_NEXT = frozenset(",;:%)]}-‐‑‒–—―−/&….")  # a sentence does not start with these
_LEADING_ELLIPSIS = re.compile(r"(?:\.\s?\.\s?\.|…)\s+")
_LINE_CONTINUERS = frozenset(",;([{/&+=-–—")


def _breaks(gap: str) -> int:
    """Line breaks in a whitespace run; a paragraph separator counts as a blank line."""
    count = gap.count("\n")
    if "\u2028" in gap or "\u2029" in gap:
        count += gap.count("\u2028") + 2 * gap.count("\u2029")
    return count


def _is_title_line(line: str) -> bool:
    """A headline in Title Case: most words of four or more letters are capitalized."""
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    if not words or len(line) > 150:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized >= 0.8 * len(words)


def _wrap_width(text: str) -> int:
    """The wrap width of hard-wrapped text (lines broken at a fixed width), else 0.

    Hard-wrapped: at least three lines are followed by another line of the same paragraph,
    none is over 120 characters, most do not end with terminal punctuation, and many are
    followed by a line that starts in lowercase (a list of headlines is not wrapped text).
    """
    lines = text.split("\n")
    inner: list[str] = []
    lowercase_next = 0
    for k in range(len(lines) - 1):
        line = lines[k].rstrip()
        following = lines[k + 1].lstrip()
        if line and following:
            inner.append(line)
            lowercase_next += following[0].islower()
    if len(inner) < 3:
        return 0
    width = max(len(line) for line in inner)
    if not 40 <= width <= 120 or lowercase_next < 0.3 * len(inner):
        return 0
    open_ended = sum(1 for line in inner if line[-1] not in ".!?:”\"’'…")
    if open_ended < 0.6 * len(inner):
        return 0
    return width


def _line_break_is_boundary(text: str, pos: int, nxt: str, wrap: Callable[[], int]) -> bool:
    """A single line break at `pos` after a line without terminal punctuation."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos].rstrip()
    if not line or line[-1] in _LINE_CONTINUERS:
        return False
    width = wrap()
    if width and len(line) >= 0.75 * width:
        return False  # a line of hard-wrapped text that runs to the wrap width
    if nxt.islower():
        # a wrap inside a sentence, unless the line is a headline or a label before a URL
        return text.startswith(("www.", "http:", "https:"), pos + 1) or _is_title_line(line)
    if line[-1].isalpha():
        space = line.rfind(" ")
        if line[space + 1 :].lower() in _CONTINUING_WORDS:
            return False
    return True


def _token_before(text: str, start: int) -> tuple[str, int]:
    """The whitespace-delimited token ending at `start`, without opening quotes, and its start."""
    i = start
    stop = max(0, start - 64)  # a longer token is no abbreviation; keeps long runs linear
    while i > stop and not text[i - 1].isspace():
        i -= 1
    token = text[i:start]
    if token and (token[0] in _OPENERS):
        token = token.lstrip(_OPENERS)
    if token and token[-1] in _CLOSERS:
        token = token.rstrip(_CLOSERS)
    return token, i


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end exclusive) in order, non-overlapping, each stripped of
    surrounding whitespace, covering every non-whitespace character of text exactly once."""
    n = len(text)
    first = n - len(text.lstrip())
    if first >= n:
        return []
    last = len(text.rstrip())
    spans: list[tuple[int, int]] = []
    begin = first  # start of the current sentence
    width = -1

    def wrap() -> int:
        nonlocal width
        if width < 0:
            width = _wrap_width(text)
        return width

    for m in _CANDIDATE.finditer(text, first, last):
        end = m.end()
        if end >= last:
            break
        nxt = text[end]
        if m.start("n") >= 0:
            # a line break after a line without terminal punctuation
            pos = m.start()
            if _breaks(m.group()) >= 2 or _line_break_is_boundary(text, pos, nxt, wrap):
                stop = pos
                while stop > begin and text[stop - 1].isspace():
                    stop -= 1
                if stop > begin:
                    spans.append((begin, stop))
                    begin = end
            continue

        gap = m.group("w")
        if gap is None:
            stop = end
            breaks = 0
        else:
            stop = m.start("w")
            breaks = 0 if gap == " " else _breaks(gap)
            if breaks >= 2:  # a blank line
                if stop > begin:
                    spans.append((begin, stop))
                    begin = end
                continue
        punct = text[m.start() : stop]
        if stop > begin and _punct_is_boundary(text, m.start(), punct, gap, breaks > 0, nxt, end):
            spans.append((begin, stop))
            begin = end
    spans.append((begin, last))
    return _capped(text, spans)


# A longer "sentence" is a list, a table or a flood flattened into text (the longest of 220,000
# sentences in 4,892 real articles are menus of countries and pop-up biographies), and some
# claim extractors take time in the square of a sentence's length: it is cut into pieces of at
# most this many characters, each at the last space before the limit (see checker.ingest.budget).
MAX_SENTENCE_CHARS = 1_000


def _capped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with each one longer than MAX_SENTENCE_CHARS cut into pieces (still stripped,
    in order, covering every non-whitespace character)."""
    if all(end - start <= MAX_SENTENCE_CHARS for start, end in spans):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            cut = start + MAX_SENTENCE_CHARS
            space = cut
            while space > start and not text[space].isspace():
                space -= 1
            if space > start:  # else one token longer than the limit: cut inside it
                cut = space
                while text[cut - 1].isspace():
                    cut -= 1
            out.append((start, cut))
            start = cut
            while text[start].isspace():
                start += 1
        out.append((start, end))
    return out


def _punct_is_boundary(text: str, start: int, punct: str, gap: str | None, newline: bool, nxt: str, end: int) -> bool:
    """Whether terminal punctuation `punct` at `start`, then `gap`, then `nxt`, ends a sentence."""
    core = punct.rstrip(_CLOSERS)
    closed = len(core) < len(punct)
    mark = core[-1]
    if gap is None:
        return _glued_is_boundary(text, start, core, end)
    if newline:
        if mark != ".":
            return True
    elif nxt in ".…" and mark == "." and len(core) == 1:
        # "to hell. ... The world": the full stop ends the sentence, the ellipsis opens the next
        after = _LEADING_ELLIPSIS.match(text, end)
        if after is None or after.end() >= len(text) or text[after.end()].islower():
            return False
        nxt = text[after.end()]
    elif nxt.islower():
        # "a negotiation tactic. by emphasizing": a plain lowercase word, then a full stop
        return mark == "." and len(core) == 1 and not closed and _lowercase_sentence_start(text, start, end)
    elif nxt in _NON_STARTING_NEXT:
        return False

    if mark in "?!":
        if mark == "!" and not closed and text[start - 1] != "!":
            token, _ = _token_before(text, start)
            if token in _EXCLAIMED_NAMES:  # "Yahoo! News"
                return False
        attributed = closed and not newline and nxt.isupper()
        return not (attributed and _is_attribution(text, punct, end, "?"))
    if mark == "…" or len(core) >= 2:
        # ellipsis: a boundary before a capital unless it opens the text or a quote
        if start == 0 or text[start - 1].isspace() or text[start - 1] in _OPENERS:
            return newline
        return True

    token, token_start = _token_before(text, start)
    if not token:
        return True
    if "-" in token and token not in _SUFFIX_ABBREVIATIONS:
        token = token.rsplit("-", 1)[1]  # "(R-Ariz.)", "(D-N.Y.)"
    if token in _PREFIX_ABBREVIATIONS:
        return False
    if token in _NUMBER_ABBREVIATIONS:
        return not (nxt.isdigit() or nxt == "#")
    if token.isdigit():
        # not after a list number at the start of a line: "1. The first point"
        return len(token) > 2 or (token_start > 0 and text[token_start - 1] != "\n")
    if token in _SUFFIX_ABBREVIATIONS or ("." in token and _ABBREVIATION_DOTS.fullmatch(token) is not None):
        if token in ("e.g", "i.e"):
            return False
        if nxt.isdigit():
            return token not in _MONTHS and newline
        if newline:
            return not nxt.islower()
        if nxt in _OPENERS:
            return True
        word = _NEXT_WORD.match(text, end)
        return word is not None and word.group() in _STARTERS
    if len(token) == 1 and token.isalpha():
        # an initial: "George W. Bush", "J. R. R. Tolkien"; but "Plan B. The"
        if newline:
            return False
        word = _NEXT_WORD.match(text, end)
        return word is not None and word.group() in _STARTERS and word.group() not in ("A", "I")
    return not (closed and not newline and nxt.isupper() and _is_attribution(text, punct, end, "."))


def _is_attribution(text: str, punct: str, end: int, mark: str) -> bool:
    """A closing quote, then a capitalized speaker and a speech verb: `"Why?" Scalia asked.`

    After a question or exclamation any verb ending but a colon counts ("Mr. Strzok
    responds: ..." introduces the next quote); after a full stop only a verb that ends the
    sentence (`"No." Durbin said.`). A pronoun ("He said...") starts a new sentence.
    """
    if not any(c in _QUOTE_CLOSERS for c in punct):
        return False
    attribution = _ATTRIBUTION.match(text, end)
    if attribution is None:
        return False
    tail = attribution.group("tail")
    if mark == "." and tail not in (".", ","):
        return False
    if tail == ":":
        return False
    first = _NEXT_WORD.match(text, end)
    return first is None or first.group() not in _PRONOUNS


def _lowercase_sentence_start(text: str, start: int, end: int) -> bool:
    """A full stop after a plain word of 4+ letters, then a lowercase word: sloppy text that
    starts a sentence in lowercase ("concessions. and perhaps"), not "approx. five" or
    "Calif. voters"."""
    word = _NEXT_WORD.match(text, end)
    if word is None:
        return False
    # a brand in camel case ("iPhone", "eBay") after any word, else after a word of 4+ letters
    camel = not word.group().islower()
    token, _ = _token_before(text, start)
    if len(token) < (2 if camel else 4) or not (token.isalpha() and token[1:].islower()):
        return False
    if (
        token in _LOWER_ABBREVIATIONS
        or token in _PREFIX_ABBREVIATIONS
        or token in _SUFFIX_ABBREVIATIONS
        or token.lower() in _LOWER_ABBREVIATIONS
    ):
        return False
    after = word.end()
    # the next word must be a plain word, not a domain or an abbreviation ("time.news")
    return after >= len(text) or text[after] not in ".@/"


def _glued_is_boundary(text: str, start: int, core: str, end: int) -> bool:
    """Terminal punctuation with no space before a capital: "talks.The" but not "Dr.Vance"."""
    if start < 2:
        return False
    prev = text[start - 1]
    if core[-1] in "?!":
        if not (prev.isalpha() or prev in _CLOSERS):
            return False
        token, _ = _token_before(text, start)
        # not inside a URL's query ("example.com/search?Q=1") nor a name ("Yahoo!News")
        return not any(c in token for c in "./=&@") and token not in _EXCLAIMED_NAMES
    if core != "." or not (prev.islower() and text[start - 2].islower()):
        return False
    token, _ = _token_before(text, start)
    if (
        token in _PREFIX_ABBREVIATIONS
        or token in _SUFFIX_ABBREVIATIONS
        or token.lower() in _LOWER_ABBREVIATIONS
        or "." in token
        or "/" in token
        or "@" in token
    ):
        return False
    # the rest of the glued chunk: a domain or URL ("www.Reuters.com", "Example.org/x")
    chunk_end = end
    limit = min(len(text), end + 64)
    while chunk_end < limit and not text[chunk_end].isspace():
        chunk_end += 1
    chunk = text[end:chunk_end]
    dot = chunk.find(".")
    while dot != -1:
        if dot + 1 < len(chunk) and chunk[dot + 1].isalnum():
            return False
        dot = chunk.find(".", dot + 1)
    return "/" not in chunk


def split_article(article: Article) -> list[Sentence]:
    """The sentences of `article.text`, indexed from 0, with offsets into the text."""
    text = article.text
    return [
        Sentence(article=article.id, index=k, start=s, end=e, text=text[s:e])
        for k, (s, e) in enumerate(split_spans(text))
    ]
