"""Page furniture: lines that belong to the page around an article, not to the article.

A data table of patterns (each with a kind that says what the line means for the reading of the
page) plus a few structural cues (breadcrumb trails, share-button clusters, link lists under a
"You may also like" heading). The patterns are matched against a whole, stripped line.

Kinds:
  drop     - not article text, no further meaning (share buttons, "Table of Contents", ads)
  caption  - a photo caption or credit (dropped; never a headline)
  end      - the article is over: what follows belongs to the page or to the next piece
  list     - a heading over a list of links ("You may also like"); the links are dropped too
  tail     - the comment section starts: everything up to the next piece is dropped
  related  - "RELATED: <headline>": a link, or the headline of the piece that follows
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Furniture:
    kind: str
    pattern: re.Pattern[str]
    note: str
    needs: tuple[str, ...] = ()  # lower-case words one of which must occur: skips slow patterns


def _rule(kind: str, note: str, *alternatives: str, needs: tuple[str, ...] = ()) -> Furniture:
    pattern = "|".join(f"(?:{a})" for a in alternatives)
    return Furniture(kind, re.compile(rf"(?:{pattern})\Z", _FLAGS), note, needs)


_AGENCIES = (
    r"(?:REUTERS|Reuters|AP|AFP|Getty Images|Getty|EPA|EPA-EFE|Bloomberg|Pool|Shutterstock"
    r"|Xinhua|TASS|Sputnik|Alamy|ANP|dpa)"
)
_SOCIAL_NAMES = r"facebook|twitter|x|linkedin|whatsapp|telegram|email|reddit|pinterest"
_ARROWS = r"\s*[»›>.…]*"

RULES: tuple[Furniture, ...] = (
    # navigation and page chrome
    _rule(
        "drop",
        "navigation",
        r"(?:table of )?contents|in this article|jump to|skip to (?:main )?content|menu|search",
        r"(?:next|previous|prev|back to top|top)(?: (?:article|story|post|page))?\s*[»›>]*",
    ),
    _rule(
        "drop",
        "advert label",
        r"advertisement|advertising|sponsored(?: content)?|ad|promoted|paid (?:post|content)",
        r"story continues below(?: advertisement| this ad)?",
        r"article continues (?:below|after (?:this )?(?:ad|advertisement))",
    ),
    _rule(
        "drop",
        "share buttons",
        r"(?:share|share this|share this (?:article|story|post|page)|share on \w+)\s*:?",
        rf"(?:tweet|print|copy link|link copied|{_SOCIAL_NAMES})\s*:?",
        rf"(?:share|follow us)(?: on)?:?\s*(?:(?:{_SOCIAL_NAMES})[\s,|/]*){{2,}}",
    ),
    _rule("drop", "keyword list", r"(?:keywords?|tags?|topics?|filed under|categories|category)\s*:.*"),
    _rule(
        "drop",
        "cookie notice",
        r"(?:we use cookies|this (?:web)?site uses cookies).{0,300}",
        r"by (?:continuing|using) (?:to use )?this (?:web)?site.{0,300}",
        r"accept(?: all)?(?: cookies)?|manage (?:cookie )?preferences|cookie settings|reject all",
    ),
    _rule(
        "drop",
        "newsletter or account box",
        r"(?:sign up|subscribe)(?: now| today)?(?: to| for)? (?:our |the )?"
        r"(?:\w+ ){0,3}newsletters?.{0,120}",
        r"subscribe(?: now| today)?|log ?in|sign ?in|register|download (?:the|our) app.{0,80}",
    ),
    _rule(
        "drop",
        "newsletter sign-up form",
        r".{0,300}\bby signing up,? you (?:agree|are agreeing)\b.{0,300}",
        needs=("signing up",),
    ),
    _rule(
        "drop",
        "copyright line",
        r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,150}",
        r"all rights reserved\.?.{0,100}",
    ),
    _rule(
        "drop",
        "comment-form notice",
        r"this site uses akismet to reduce spam\..{0,120}",
        r"your email address will not be published\..{0,200}|required fields are marked.{0,40}",
    ),
    _rule("drop", "embedded tweet", r".{0,200}\bpic\.twitter\.com/\S+.{0,40}", needs=("pic.twitter",)),
    _rule(
        "drop",
        "embedded tweet",
        r"[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s*\d{4}",
        needs=("(@",),
    ),
    _rule(
        "drop",
        "widget",
        r"(?:click|tap) (?:here )?to (?:read|see|view|watch|enlarge|expand).{0,80}",
        r"listen to (?:this )?(?:article|story)|\d+\s*min(?:ute)?s? read|reading time:?.{0,20}",
        r"(?:view|see) (?:all )?(?:comments|gallery|photos|images)(?: \(\d+\))?",
        r"(?:image|photo|video|graphic)(?: \d+ of \d+)?",
    ),
    _rule("drop", "bare link or symbols", r"https?://\S+|www\.\S+", r"[\W_]*\d{0,4}[\W_]*"),
    # photo captions and credits
    _rule(
        "caption",
        "photo caption",
        r"(?:file photo|photos?|image|picture|pictured|above|top|main image)\s*[:|].{0,400}",
        r"(?:photo|image|picture)s?(?: credit)?\s*(?:by|:)\s*[^.]{1,80}",
    ),
    _rule(
        "caption",
        "caption button",
        r"(?:enlarge this image\s+)?(?:toggle|hide|show) caption\b.{0,200}",
        r"(?:media playback is unsupported on your device\s+)?media caption\b.{0,400}",
        r"image (?:copyright|caption)\b.{0,400}",
        needs=("caption", "copyright"),
    ),
    _rule("caption", "licensing link", r".{0,600}\bPurchase Licensing Rights", needs=("licensing",)),
    _rule(
        "caption",
        "photo credit",
        rf".{{10,600}}\b[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*\s*/\s*(?:[\w ]+\s+via\s+)?{_AGENCIES}\b"
        r"(?:\s*/\s*[\w ]+)?\)?\.?",
        rf".{{10,600}}\b{_AGENCIES}\s*/\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}}"
        r"(?:\s*/\s*File Photo)?\.?",
        # "(AP Photo/Jane Roe)", "(Photo: Jane Roe, AP)", "(Pool photo by Jane Roe)"; not any
        # parenthesis that mentions a photo
        r".{10,600}\((?:[^()]*\bphoto(?:graph)?\s*(?:[:/]|by\b)[^()]*|[^()]*/[^()]*\bvia\b[^()]*)\)\.?",
        r".{10,600}[.!?\"”’]\s+photos?\s*:\s*[^.:]{1,80}",  # "... on Tuesday. Photo: Getty Images"
        r"\(\s*photos?\s*:[^()]{1,150}\)",  # "(PHOTOS: The candidates over the years)": a gallery link
        needs=("/", "photo"),
    ),
    # end of a piece
    _rule(
        "end",
        "end-of-article link",
        rf"read (?:the )?full (?:article|story|report)(?: (?:here|at|on) .{{0,80}})?{_ARROWS}",
        rf"continue(?:s)? reading(?: (?:on|at|the) .{{0,80}})?{_ARROWS}",
        r"read (?:the )?(?:original|rest)(?: (?:article|story|post))?"
        rf"(?: (?:at|on|here) .{{0,80}})?{_ARROWS}",
        r"(?:originally|first) (?:published|appeared) (?:at|on|in|by) .{1,80}",
    ),
    # link lists
    _rule(
        "list",
        "related-links heading",
        r"(?:you may|you might|we think you.ll) (?:also )?(?:like|enjoy|be interested in)\s*:?",
        r"(?:related|recommended|popular|trending|latest|top|more)(?: now)?"
        r"(?: (?:articles|stories|posts|news|reads|content|videos|for you|on \w+))?\s*:?",
        r"(?:most (?:read|popular|viewed|shared)|editor.?s picks|don.?t miss)\s*:?",
        r"(?:read next|up next|what to read next|see also|read more|also read|read also)\s*:?",
        r"more (?:from|on|by) [^.:]{1,60}:?",
    ),
    # comment sections
    _rule(
        "tail",
        "comment section",
        r"(?:leave|post|add|write|submit) a (?:comment|reply|response)|leave a reply cancel reply",
        r"be the first to comment(?: on this (?:article|story|post))?\.?|no comments(?: yet)?\.?",
        r"\d+\s+(?:comments?|replies|responses)|comments?(?: \(\d+\))?|comments are closed\.?",
        r"join the (?:discussion|conversation)\.?|show comments|load comments|discussion",
    ),
    # a link to another story
    _rule(
        "related",
        "related-story link",
        r"(?:related|read more|see also|also read|read also|more|recommended)"
        r"\s*:\s*(?P<title>\S.{2,250})",
    ),
)

# "Home » World » Story": three or more short segments joined by breadcrumb separators
_CRUMB_SEP = re.compile(r"\s+(?:»|›|>|/|→|\\)\s+|\s*[»›→]\s*")
_SOCIAL = re.compile(
    rf"\b(?:{_SOCIAL_NAMES}|messenger|copy link|print)\b",
    _FLAGS,
)


@dataclass(frozen=True)
class Match:
    kind: str
    note: str
    title: str | None = None  # for kind "related"


# Most lines are article text that no rule matches: one combined pattern (the rules without
# `needs`, which are cheap to try together) plus the `needs` words rule out every rule in one
# pass; the rules are then tried one by one, in order, only for a line that may match one.
_PLAIN_RULES = re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in RULES if not rule.needs), _FLAGS)
_NEEDS = tuple(word for rule in RULES for word in rule.needs)
_CRUMB_CHARS = ("/", ">", "»", "›", "→", "\\")  # every _CRUMB_SEP match holds one of them
# fifteen words or more (as `[\w']+` counts them): too long for a cluster of share buttons
_MANY_WORDS = re.compile(r"[^\w']*[\w']+(?:[^\w']+[\w']+){14}")


def _holds_any(text: str, parts: tuple[str, ...]) -> bool:
    # a plain loop, not any() over a generator: this runs for every line and costs half as much
    for part in parts:  # noqa: SIM110
        if part in text:
            return True
    return False


def _breadcrumb(line: str) -> bool:
    if not _holds_any(line, _CRUMB_CHARS):
        return False
    parts = [p for p in _CRUMB_SEP.split(line) if p.strip()]
    if len(parts) < 2 or len(_CRUMB_SEP.findall(line)) < 1:
        return False
    if "»" not in line and "›" not in line and "→" not in line and len(parts) < 3:
        return False
    return all(len(p.split()) <= 14 for p in parts) and not line.rstrip().endswith(".")


def _share_cluster(line: str) -> bool:
    if _MANY_WORDS.match(line):
        return False
    words = re.findall(r"[\w']+", line)
    return 2 <= len(words) <= 14 and len(_SOCIAL.findall(line)) >= 3


def _rule_match(text: str) -> Match | None:
    lower = text.lower()
    if not _PLAIN_RULES.match(text) and not _holds_any(lower, _NEEDS):
        return None
    for rule in RULES:
        if rule.needs and not any(word in lower for word in rule.needs):
            continue
        found = rule.pattern.match(text)
        if found:
            title = found.groupdict().get("title")
            return Match(rule.kind, rule.note, title.strip() if title else None)
    return None


def classify(line: str) -> Match | None:
    """The furniture kind of a stripped line, or None when it may be article text."""
    text = line.strip()
    if not text:
        return None
    if len(text) <= 600:
        found = _rule_match(text)
        if found:
            return found
    if len(text) <= 300 and _breadcrumb(text):
        return Match("drop", "breadcrumb trail")
    if _share_cluster(text):
        return Match("drop", "share buttons")
    return None


def is_link_like(line: str) -> bool:
    """A short line that reads like a link title in a list (no sentence ending, few words)."""
    text = line.strip()
    words = text.split()
    return 1 <= len(words) <= 25 and len(text) <= 200 and not text.endswith((".", ":", ";", ","))
