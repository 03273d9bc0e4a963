"""When a title describes its holder: at the time of writing, at a past time, or in a hypothesis.

"Tom Hale was an adviser to President Bill Clinton", "the bill signed by President Bill Clinton",
"President Obama's trade envoy" and "a judge President Obama had hoped to promote" give the title
for the time of a past event, not for the time the article was written; "a President Jones" and
"the prospect of a President Jones" name no holder at all. English marks both with a few
constructions - past perfect, "at the time", "then", a relation that ended ("a former aide to",
"served as"), a past agent ("appointed by", "under") - and with dates. The rules judge a title at
the time of writing only when none of these says otherwise.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from checker.claims.dates import extract_dates, resolve
from checker.claims.text import STOPWORDS

SPEECH_VERBS = (
    r"(?:said|says|saying|told|telling|stated|stating|added|adding|asked|asking|wrote|warned|"
    r"insisted|argued|claimed|noted|noting|explained|declared|announced|tweeted|posted|"
    r"remarked|cautioned|stressed|urged|reiterated|mentioned|asserted|contended|mused|replied|"
    r"responded|acknowledged|admitted|conceded|recalled|observed|quipped|vowed|pledged|commented)"
)
# Words anywhere in a sentence that place it in the past: a title there describes the person as they were then.
HISTORICAL = re.compile(
    r"\b(?:ago|at\s+the\s+time|at\s+that\s+time|once|earlier\s+this\s+(?:year|month)|last\s+(?:year|decade)|"
    r"previously|formerly|back\s+then|in\s+the\s+past|in\s+years\s+past|during|under|"
    r"(?:was|were)\s+(?:appointed|elected|named)|(?:was|were)\s+in\s+office|while\s+in\s+office|left\s+office|"
    r"(?:years|time|days)\s+in\s+office|(?:his|her|their)\s+(?:time|tenure|stint|years|days)\s+(?:as|in|at|with)|"
    r"(?:served|serving)\s+(?:as|under|in|with)|worked\s+(?:for|with|under|in|together)|file\s+photo|archive\s+photo|"
    r"spent\s+(?:\w+\s+){0,2}(?:years|decades)|(?:would\s+go|went)\s+on\s+to|would\s+(?:later\s+|eventually\s+)?become)\b",
    re.IGNORECASE,
)
# A perfect tense in the title's clause moves it before its own time: "had hoped", "is said to have
# remarked", "would have been drafted". A verb must follow: "had a seat", "to have the votes" are not perfects.
_PERFECT = re.compile(
    r"\b(?:had|(?:would|could|might|should|must|to)\s+have)\s+(?:(?:\w+ly|not|never|already|long|just|also|still)\s+)*"
    r"(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)
_NOT_A_VERB = frozenset(
    "a an the to no not his her their its my our your this that these those some any more less many much few "
    "little enough one two three four five six seven eight nine ten nothing something anything everything all "
    "both lunch dinner breakfast trouble problems reason time access".split()
)
# The title's clause ends at a mark or where a report begins ("Marin said Russia had violated ...").
# "is said to", "had told" are no report of the clause's own.
_CLAUSE_END = re.compile(
    rf"[,;:()\[\]—–]|(?<!\bis\s)(?<!\bwas\s)(?<!\bare\s)(?<!\bwere\s)(?<!\bhave\s)(?<!\bhad\s)\b{SPEECH_VERBS}\b"
)
# A clause of its own ends at these marks: "Tom Hale, who served as ..." starts at "who".
_CLAUSE_START = re.compile(r".*[,;:(\[—–]\s*", re.DOTALL)
# Nouns of a relation with an office holder - a post under them, a choice of theirs - whose time is
# that of the relation, not the article's (unless the sentence is recent news: "an aide to ... said on Monday").
_RELATION_NOUNS = (
    r"(?:advis[eo]rs?|aides?|assistants?|speechwriters?|spokes(?:man|men|woman|women|person|people)|"
    r"(?:press\s+)?secretary|counsel(?:or|lor)?s?|lawyers?|attorneys?|strategists?|economists?|pollsters?|"
    r"staffers?|deputy|deputies|chief\s+of\s+staff|ambassadors?|envoys?|appointees?|nominees?|picks?|choice|"
    r"confidante?s?|liaison|negotiators?|czar|work|role)"
)
# Nouns of the tenure itself or of its end, which date the title to that tenure whenever it is written.
_TENURE_NOUNS = (
    r"(?:policies|policy|laws?|acts?|legacy|tenure|terms?|presidency|premiership|chancellorship|era|years|reign|"
    r"rule|impeachment|tariffs|reforms|doctrine|agenda|campaign|cabinet|record|firing|ouster|resignation|"
    r"departure|dismissal|removal|exit|death|funeral|assassination|successor|predecessor|bombing|invasion|"
    r"vetoe?s?|pardons?|executive\s+orders?)"
)
_OF_HOLDER = r"\s+(?:to|for|under|with|of)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.’'-]*\s+){0,2}$"  # "... of White House"
# "an adviser to", "a former speechwriter for", "senior adviser on innovation to", "the policies of"
_RELATION_BEFORE = re.compile(rf"\b{_RELATION_NOUNS}(?:\s+[\w.’'-]+){{0,3}}?{_OF_HOLDER}", re.IGNORECASE)
_TENURE_BEFORE = re.compile(rf"\b{_TENURE_NOUNS}(?:\s+[\w.’'-]+){{0,3}}?{_OF_HOLDER}", re.IGNORECASE)
# "President Obama's trade envoy", "President George W. Bush's last budget director", "President Clinton's impeachment"
_RELATION_AFTER = re.compile(rf"^(?:’s|'s)\s+(?:[\w.’'-]+\s+){{0,3}}?{_RELATION_NOUNS}\b", re.IGNORECASE)
# "his national security adviser": the title of a relation with the person the sentence is about.
_THEIR = re.compile(r"\b(?i:his|her|their)\s+$")
_TENURE_AFTER = re.compile(rf"^(?:’s|'s)\s+(?:[\w.’'-]+\s+){{0,3}}?{_TENURE_NOUNS}\b", re.IGNORECASE)
# The relation is said to be over: "a former aide to", "was a press aide to", "who served as".
_ENDED = re.compile(r"\b(?:former|ex-|onetime|one-time|erstwhile|was|were|had\s+been|served|worked)\b", re.IGNORECASE)
# An act of office with its agent: "signed by", "named to the bench by", "appointed by". Not events
# such as "hosted by" or "chaired by", which news reports at the time of writing.
_AGENT_BEFORE = re.compile(
    r"\b(?:signed|appointed|nominated|named|picked|chosen|tapped|hired|pardoned|commuted|enacted|vetoed|"
    r"established|created|founded|devised|drafted|negotiated|brokered|imposed|introduced|ordered|issued|"
    r"approved|championed|proposed|endorsed|elevated|promoted)(?:\s+[\w.’'-]+){0,4}?\s+(?:by|under)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An act that ends the holder's tenure, done to them: "for firing FBI Director Jane Roe", "defeated Sen.
# Roe", "succeeded Gov. Roe". The title is the one they held when it happened, which the act may have ended.
# Done, not to be done: "a campaign to oust Gov. Roe" speaks of the governor now.
_ENDING_ACT_BEFORE = re.compile(
    r"(?:\b(?i:fired|ousted|sacked|dismissed|removed|impeached|defeated|unseated|succeeded|replaced)|"
    # whom a successor follows: still in office, or left it with that title ("picked to succeed Gov. Roe")
    r"\b(?i:succeed|succeeds|succeeding|replace|replaces|replacing)|"
    r"\b(?i:for|after|by|since|from)\s+(?i:firing|ousting|sacking|dismissing|removing|impeaching|defeating|unseating))"
    r"\s+(?:(?i:the)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}$"  # the place words: "firing FBI Director"
)
# The title's own clause says "then": "then led by Secretary of State Hillary Clinton", "and then came".
_THEN = re.compile(r"(?<!since )\bthen\b(?!-)", re.IGNORECASE)  # "since then" reaches the present
# "When President Obama left", "Before Vice President Biden formally entered", "while President Clinton was"
_WHEN_BEFORE = re.compile(r"\b(?i:when|while|after|before|until|once)\s+$")
PAST_VERB = (
    r"(?:was|were|had|did|[a-z]+ed|left|took|won|lost|came|went|made|gave|said|told|met|ran|sent|spoke|wrote|"
    r"became|began|held|led|kept|brought|sought|thought|fought|bought|knew|saw|stood|felt|got|rose|fell|chose|"
    r"grew|broke|paid|built|spent|meant|found|heard|sold|struck|hung|read|fled)"
)
_PAST_AFTER = re.compile(rf"^(?:,?\s+(?:[a-z]+ly|also|then|first|again|even))*\s+{PAST_VERB}\b")
# The sentence tells how the tenure ended, when the title was still right: "the defense secretary resigned in
# protest", "Gov. Roe, who resigned on Tuesday,".
_LEFT_AFTER = re.compile(
    r"^(?:,[^,]{1,80},|,\s+who(?:\s+(?:has|had))?)?\s+(?:(?:\w+ly|then|later|eventually|abruptly)\s+)*"
    r"(?:quit|resigned|stepped\s+down|retired|died|"
    r"to\s+(?:quit|resign|step\s+down|retire)|"  # "the scandal that forced Director Jane Roe to resign"
    r"was\s+(?:the\s+(?:latest|last|first|next)\s+to\s+be\s+)?"  # "was the latest to be forced out"
    r"(?:fired|ousted|sacked|dismissed|removed|impeached|killed|assassinated|(?:forced|pushed)\s+out)|"
    r"left\s+(?:office|the\s+\w+))\b",
    re.IGNORECASE,
)
# The sentence tells that the person's tenure ended, after the title: "Gov. Jane Roe, who named him, not
# long before Roe resigned", "Leader Jane Roe, R-Ohio, faced a charge and was forced to step aside".
_ENDED_VERB = (
    r"(?:\w+ly\s+)?(?:resigned|quit|stepped\s+(?:down|aside)|left\s+office|"
    r"was\s+(?:ousted|fired|removed|forced\s+(?:out|to\s+(?:resign|quit|step\s+(?:down|aside)))))\b"
)
_FORCED_AFTER = re.compile(rf"^[^.;:]{{0,80}}?\b(?:and|but|then)\s+{_ENDED_VERB}")


def _tenure_ends_later(tail: str, name: str) -> bool:
    """Whether the sentence, after the title, says the tenure ended: by the person's surname, or as a
    verb of the title's own clause ("... faced a charge and was forced to step aside")."""
    surname = name.split()[-1] if name.split() else ""
    said = surname and re.search(rf"\b{re.escape(surname)}\s+{_ENDED_VERB}", tail)
    return bool(said or _FORCED_AFTER.match(tail))


# A possible holding rather than one: "if", or a modal of possibility before the title in its clause or
# right after the name ("President Jones might decide"). Not "will": "Chancellor Jones will meet ... on
# Monday" says the person holds the office now, and is wrong if they do not.
_MODAL = r"(?:would|might|could|may)"
# Modals in lower case only: "In May, Chancellor Jones said" is no possibility.
_PROSPECTIVE_HEAD = re.compile(rf"\b(?:(?i:if|unless|whether)|{_MODAL})\b")
_PROSPECTIVE_AFTER = re.compile(rf"^\s*(?:(?:\w+ly|also|even|still|then|now)\s+)*{_MODAL}\b")
# Recent news: a past event of the time of writing ("signed by the president on Tuesday").
RECENT = re.compile(
    r"\b(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|tonight|"
    r"this\s+(?:week|month)|last\s+(?:week|night)|earlier\s+this\s+week|recently)\b",
    re.IGNORECASE,
)
# No holder at all: "a President Jones", "the prospect of President Jones", "fear of a Jones presidency".
_HYPOTHETICAL_BEFORE = re.compile(
    r"(?:\b(?:a|an)\s+|\b(?:prospect|thought|idea|possibility|specter|spectre|fears?|image)\s+(?:of|about)\s+(?:an?\s+)?)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:’s|'s)\b")
_REPORT = re.compile(rf"\b{SPEECH_VERBS}\b")
_DECADE = re.compile(r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)[’']?s\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "1990 levels", "the 2008 campaign": a year that names a thing, not the time of the sentence.
_WORD_AFTER = re.compile(r"^[’']?s?[-–]?\s*(?P<word>[a-z]+)")


def _perfect(text: str) -> bool:
    return any(m.group("verb").lower() not in _NOT_A_VERB for m in _PERFECT.finditer(text))


def _clause_tail(tail: str) -> str:
    """The words of the title's own clause after the name."""
    m = _CLAUSE_END.search(tail)
    return tail[: m.start()] if m else tail


def clause_head(sentence: str, start: int) -> str:
    """The words of the title's own clause before it."""
    head = sentence[:start]
    m = _CLAUSE_START.match(head)
    return head[m.end() :] if m else head


def past_context(sentence: str, start: int, end: int) -> bool:
    """Whether the sentence or the title's clause puts the title at a past time, not the time of writing.

    `start` is where the title phrase begins (its qualifier and place words included) and `end` where
    the person's name ends, before any possessive "'s".
    """
    if HISTORICAL.search(sentence):
        return True
    head, whole_head, tail = clause_head(sentence, start), sentence[:start], sentence[end:]
    if _perfect(head) or _perfect(_clause_tail(tail)) or _THEN.search(head):
        return True
    if _TENURE_BEFORE.search(whole_head) or _TENURE_AFTER.match(tail):
        return True
    recent = RECENT.search(sentence) is not None
    related = _RELATION_BEFORE.search(whole_head) or _RELATION_AFTER.match(tail) or _THEIR.search(whole_head)
    if related and (_ENDED.search(head) or not recent):
        return True
    if _AGENT_BEFORE.search(whole_head) and not recent:
        return True
    if _ENDING_ACT_BEFORE.search(whole_head):
        return True
    if _LEFT_AFTER.match(tail) or _tenure_ends_later(tail, sentence[start:end]):
        return True
    if _POSSESSIVE.match(tail) and re.search(r"\b(?:was|were|had\s+been|served\s+as|as)\s+$", whole_head, re.I):
        return True  # "who was President Clinton's deputy counsel"
    return bool(_WHEN_BEFORE.search(whole_head) and _PAST_AFTER.match(tail) and not recent)


def prospective(sentence: str, start: int, end: int) -> bool:
    """Whether the title's clause speaks of a possible or future time: one the person may yet hold it in."""
    return bool(_PROSPECTIVE_HEAD.search(clause_head(sentence, start)) or _PROSPECTIVE_AFTER.match(sentence[end:]))


# What the titled person will do: "President Jones will have to decide", "Jones's challenge will be".
_FUTURE_ACT = re.compile(r"\b(?:will|shall|won['’]t|(?:is|are)\s+going\s+to)\b|['’]ll\b")


def future_act(sentence: str, end: int) -> bool:
    """Whether the title's own clause goes on to say what the person will do, at no near time: said of
    someone who has not yet taken the office, it speaks of their time in it (during a transition),
    not of now. "Chancellor Merz will meet the French president on Monday" is of now."""
    return _FUTURE_ACT.search(_clause_tail(sentence[end:])) is not None and RECENT.search(sentence) is None


def hypothetical(sentence: str, start: int) -> bool:
    """Whether the title names no holder but a possible one: "a President Jones"."""
    return _HYPOTHETICAL_BEFORE.search(sentence[:start]) is not None


def event_times(sentence: str, others_until: int) -> tuple[list[list[str]], list[dict[str, Any]], list[int]]:
    """The times the sentence speaks of: dated spans as [first day, last day, words]; times that need
    the reference time to be placed ("this year", "on September 12"), as date values; and the other
    years it names before `others_until` ("below 1990 levels", "the 2008 campaign"), which say it is
    not simply about now."""
    spans: list[list[str]] = []
    open_times: list[dict[str, Any]] = []
    dated: set[int] = set()
    for mention in extract_dates(sentence):
        value = mention.value
        if value.get("relative") or value.get("year") is None:
            open_times.append({k: v for k, v in value.items() if k not in ("event", "near")})
            continue
        if value.get("granularity") == "year" and _names_a_thing(sentence, mention.end):
            continue
        span = resolve(value, date(value["year"], 12, 31))
        if span is not None:
            spans.append([span[0].isoformat(), span[1].isoformat(), sentence[mention.start : mention.end]])
            dated.add(value["year"])
    for m in _DECADE.finditer(sentence):
        first = int(m.group("decade"))
        spans.append([date(first, 1, 1).isoformat(), date(first + 9, 12, 31).isoformat(), m.group()])
        dated.update(range(first, first + 10))
    others = sorted({int(y) for y in _YEAR.findall(sentence[:others_until])} - dated)
    return spans, open_times, others


def _names_a_thing(sentence: str, end: int) -> bool:
    m = _WORD_AFTER.match(sentence[end:])
    return m is not None and m.group("word") not in STOPWORDS


def title_time(sentence: str, start: int, end: int, *, may_be_hypothetical: bool = True) -> dict[str, Any]:
    """The fields of a role claim that say when its title applies (see the module's docstring)."""
    report = _REPORT.search(sentence, end)
    # "Prime Minister Jones said the 2023 ban would end": a year of what was said, not of the title.
    spans, open_times, others = event_times(sentence, len(sentence) if report is None else report.start())
    return {
        "historical": past_context(sentence, start, end),
        "hypothetical": may_be_hypothetical and hypothetical(sentence, start),
        "prospective": prospective(sentence, start, end),
        "future_act": future_act(sentence, end),
        "when": spans,
        "when_relative": open_times,
        "years": sorted({int(s[0][:4]) for s in spans}),
        "other_years": others,
    }
