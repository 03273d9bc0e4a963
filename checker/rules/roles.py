"""Role rules: people given offices they did not hold at the time the article speaks of."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from checker.claims.dates import resolve
from checker.knowledge import LEADER_OFFICES, Term, kb_metadata
from checker.model import Claim, Evidence, ReferenceTime
from checker.rules.base import Flag, StoryContext, claim_evidence, field_line, kb_evidence
from checker.rules.registry import rule

_INFORMATIVE_SOURCES = ("published", "story", "office holders", "text dates")


@lru_cache(maxsize=1)
def _horizon() -> date:
    """The date through which the shipped KB is known to be current (read once: the data is static)."""
    reliable = kb_metadata().get("reliable_through")
    return date.fromisoformat(reliable) if reliable else date.max


def _covers_any(term: Term, rt: ReferenceTime) -> bool:
    return term.start <= rt.latest and (term.end is None or term.end > rt.earliest)


def _covers_all(term: Term, rt: ReferenceTime) -> bool:
    return term.start <= rt.earliest and (term.end is None or term.end > rt.latest)


def _when(rt: ReferenceTime) -> str:
    """Where the article's reference time comes from, as a clause a reader can check."""
    if rt.source == "published":
        return f"the article is dated {rt.latest.isoformat()}"
    if rt.source == "story":
        return f"its story is dated around {rt.latest.isoformat()}"
    if rt.source == "office holders":
        span = (
            f"from {rt.earliest.isoformat()} on"
            if rt.open_ended
            else f"between {rt.earliest.isoformat()} and {rt.latest.isoformat()}"
        )
        return f"the people it names held their offices together {span}"
    return f"it mentions events as late as {rt.earliest.isoformat()}"


def _place(jurisdiction: str) -> str:
    """'United States' -> 'the United States'; 'Finland' -> 'Finland'."""
    needs_the = jurisdiction.split(" ")[0] in ("United", "European", "Czech", "Netherlands", "World", "International")
    return f"the {jurisdiction}" if needs_the else jurisdiction


def _reftime_evidence(ctx: StoryContext, claim: Claim, rt: ReferenceTime) -> Evidence:
    article = ctx.articles[claim.article]
    detail = f" ({rt.detail})" if rt.detail else ""
    text = f"reference time: {rt.earliest.isoformat()} to {rt.latest.isoformat()} from {rt.source}{detail}"
    # judged from its own date: the evidence is the line that date was read from (its front matter's)
    line = field_line(article, "published") if rt.source == "published" else 1
    return Evidence(
        article=article.id,
        outlet=article.outlet,
        path=article.path,
        sentence=text,
        span=rt.source,
        role="reference",
        line=line,
    )


def _role_claims(ctx: StoryContext, kind: str) -> Iterator[tuple[Claim, ReferenceTime, list[Term]]]:
    for claim in ctx.claims_of(kind):
        rt = ctx.reftimes.get(claim.article)
        if rt is None or rt.source not in _INFORMATIVE_SOURCES:
            continue
        if kind == "role":
            if not claim.value.get("known"):
                continue
            terms = ctx.kb.terms_of(
                claim.value["person_key"], claim.value["office"], claim.value.get("jurisdiction") or None
            )
        else:
            terms = [t for t in ctx.kb.terms_of(claim.value["leader_key"]) if t.office in LEADER_OFFICES]
        if terms:
            yield claim, rt, terms


def _weak(terms: list[Term], rt: ReferenceTime, open_ended: bool) -> bool:
    """Report as info: the KB is unsure, the verdict leans on a term past what the KB knows, or an
    undated article's time is its story's and nothing in its own text agrees with it.

    A borrowed time is only as good as the grouping that lent it, and on a real stream stories
    still merge events of other months or years (docs/accuracy.md): an article that names no one
    in an office they held then and dates nothing near then may be from any time."""
    return (
        (rt.source == "story" and not rt.corroborated)
        or any(not t.certain for t in terms)
        or (open_ended and rt.latest > _horizon() and any(t.end is None for t in terms))
    )


def _office(claim: Claim) -> str:
    juris = claim.value.get("jurisdiction")
    return f"{claim.value['office']} of {_place(juris)}" if juris else claim.value["office"]


def _flag(ctx: StoryContext, claim: Claim, rt: ReferenceTime, terms: list[Term], message: str, weak: bool) -> Flag:
    evidence = [
        claim_evidence(ctx, claim, "flagged"),
        *(kb_evidence(t) for t in terms),
        _reftime_evidence(ctx, claim, rt),
    ]
    values = {
        "person": claim.value.get("person") or claim.value.get("leader"),
        "office": claim.value.get("office"),
        "qualifier": claim.value.get("qualifier"),
        "reference_time": [rt.earliest.isoformat(), rt.latest.isoformat()],
        "terms": [[t.start.isoformat(), t.end.isoformat() if t.end else None] for t in terms],
    }
    return Flag(message, evidence, values, "info" if weak else None)


@rule("ROL001", "stale-office", "role", "error")
def stale_office(ctx: StoryContext) -> Iterator[Flag]:
    """A person is given an office they had already left.

    The person and office are looked up in the knowledge base and judged against the article's
    reference time (its published date, or when that is missing or contradicted, the dates of
    its story or the offices of the other people it names). Qualifiers are respected:
    "former", "then-" and "the late" make a past office correct.

    Example: an article from February 2025 writes "Finnish Prime Minister Sanna Marin";
    Marin left that office on 20 June 2023 (the message names who held it then). Reported as a
    warning, not an error, when they had left less than a year before the reference time (the
    sentence may describe their last months in office), and as info when the knowledge-base
    entry is marked uncertain. A bare "Governor", "Gov." or "Speaker" is also a courtesy title
    American usage keeps for life ("Governor Romney" in 2012): only with its place or chamber
    ("Texas Gov.", "House Speaker") does it say the person holds the office.
    """
    for claim, rt, terms in _role_claims(ctx, "role"):
        if claim.value["qualifier"] not in ("none", "current", "acting", "outgoing") or claim.value.get("courtesy"):
            continue  # past titles, and courtesy titles kept for life ("Governor Romney")
        if any(_covers_any(t, rt) for t in terms):
            continue
        ended = [t for t in terms if t.end is not None and t.end <= rt.earliest]
        if not ended:
            continue
        if _historical(ctx, claim, rt):
            continue
        if any(_covers_span(t, start, end) for t in terms for start, end in _times_spoken_of(claim, rt)):
            continue  # the title was right at a time the sentence speaks of ("testified this year")
        spans = _earlier_times(claim, rt)
        if spans:
            # The sentence names its own time: judge the title then ("Italian Prime Minister Mario
            # Draghi last cut rates in September 2019" - he was not prime minister in 2019 either).
            message = (
                f"{claim.value['person']} is called {_office(claim)}, which they held {_spans(terms)}: not in "
                f"{', '.join(words for _, _, words in spans)}, the time the sentence speaks of, and not when "
                f"the article was written ({_when(rt)})"
            )
            yield _flag(ctx, claim, rt, terms, message, _weak(terms, rt, open_ended=False))
            continue
        last = max(ended, key=lambda t: t.start)
        assert last.end is not None
        then = sorted(
            {t.person for day in (rt.earliest, rt.latest) for t in ctx.kb.holders(last.office, last.jurisdiction, day)}
        )
        message = (
            f"{claim.value['person']} is called {_office(claim)}, an office they left on "
            f"{last.end.isoformat()}, but {_when(rt)}"
            + (f"; {' and '.join(then)} held it then" if then else "")
        )
        flag = _flag(ctx, claim, rt, terms, message, _weak(terms, rt, open_ended=False))
        if flag.severity is None and (rt.earliest - last.end).days < 365:
            flag.severity = "warning"  # left recently: the sentence may describe their last months
            flag.message += " (a warning: they left less than a year before)"
        yield flag


def _earlier_times(claim: Claim, rt: ReferenceTime, reaching: bool = False) -> list[tuple[date, date, str]]:
    """The times before the reference time that the claim's sentence dates its events to (with
    `reaching`, also those that only begin before it)."""
    when = claim.value.get("when")
    if when is None:  # a claim stored before sentences kept their dated spans
        when = [[f"{y}-01-01", f"{y}-12-31", str(y)] for y in claim.value.get("years", [])]
    spans = [(date.fromisoformat(a), date.fromisoformat(b), words) for a, b, words in when]
    return [(a, b, words) for a, b, words in spans if (a if reaching else b) < rt.earliest]


def _times_spoken_of(claim: Claim, rt: ReferenceTime) -> list[tuple[date, date]]:
    """Every time the sentence speaks of that reaches back before the reference time: its dated
    spans and those it places from the reference time ("this year", "last month", "on September 12")."""
    spans = [(start, end) for start, end, _ in _earlier_times(claim, rt, reaching=True)]
    for value in claim.value.get("when_relative", []):
        span = resolve(value, rt.latest)
        if span is not None and span[0] < rt.earliest:
            spans.append(span)
    return spans


def _spans(terms: list[Term]) -> str:
    """'from 2021-02-13 to 2022-10-22 and from ...'"""
    return " and ".join(
        f"from {t.start.isoformat()} to {t.end.isoformat() if t.end else 'the present'}"
        for t in sorted(terms, key=lambda t: t.start)
    )


def _covers_span(term: Term, start: date, end: date) -> bool:
    return term.start <= end and (term.end is None or term.end > start)


def _historical(ctx: StoryContext, claim: Claim, rt: ReferenceTime) -> bool:
    """A title that describes the person as they were when the sentence's events happened, or at a
    time the sentence leaves open.

    Quotations are the speaker's words; a line of only a name and a title is a list's heading or a
    caption, whose time is that of the list or the picture; a past marker ("once", "during", "a former aide to",
    "signed by", "had hoped") puts the sentence at a past time; so does an earlier year that dates
    no event ("below 1990 levels": which time the title is for is then unclear); a hypothesis ("a
    President Jones") names no holder; and an article that also names the office's current holder
    knows who is current, so its other holders of that office are past ones.
    """
    value = claim.value
    if value.get("quoted") or value.get("historical") or value.get("hypothetical") or ctx.is_heading(claim):
        return True
    if any(year < rt.earliest.year for year in value.get("other_years", [])):
        return True
    if _past_administration(ctx, claim):
        return True
    for other in ctx.claims.get(claim.article, []):
        if other.kind != "role" or other.value.get("person_key") == value["person_key"]:
            continue
        if (other.value.get("office"), other.value.get("jurisdiction")) != (value["office"], value["jurisdiction"]):
            continue
        holders = ctx.kb.terms_of(other.value["person_key"], value["office"], value["jurisdiction"] or None)
        if any(_covers_any(t, rt) for t in holders):
            return True
    return False


def _past_administration(ctx: StoryContext, claim: Claim) -> bool:
    """The sentence speaks of a past administration the title belongs to ("The Bush administration
    relied on Secretary of State Colin Powell for the message"): the title is of that time."""
    terms = ctx.kb.terms_of(claim.value["person_key"], claim.value["office"])
    for other in ctx.claims.get(claim.article, []):
        if other.kind != "administration" or other.sentence != claim.sentence or other.value.get("acting"):
            continue
        leader = [t for t in ctx.kb.terms_of(other.value["leader_key"]) if t.office in LEADER_OFFICES]
        if any(_covers_span(t, lead.start, lead.end or date.max) for t in terms for lead in leader):
            return True
    return False


@rule("ROL002", "premature-office", "role", "error")
def premature_office(ctx: StoryContext) -> Iterator[Flag]:
    """A person is given an office they did not yet hold.

    Example: an article published in March 2023 calls Marco Rubio "U.S. Secretary of State";
    he took office on 21 January 2025. Also fires for "former X" when X had not yet held the
    office at all. Not for a title whose clause says what the person will do in the office
    ("President Trump will have to decide", written between election and inauguration).
    """
    for claim, rt, terms in _role_claims(ctx, "role"):
        if claim.value["qualifier"] in ("then", "late", "incoming"):
            continue
        if any(claim.value.get(k) for k in ("quoted", "hypothetical", "prospective", "future_act")):
            continue  # the speaker's words, no holder at all ("a President Trump"), a future one ("would"),
            # what they will do in the office ("President Trump will have to decide", said in a transition)
        if ctx.is_heading(claim):
            continue  # a list's heading ("Lt. Gen. Mike Flynn, national security adviser")
        if any(_covers_any(t, rt) for t in terms) and claim.value["qualifier"] != "former":
            continue
        if any(t.start <= rt.latest for t in terms):
            continue
        first = min(terms, key=lambda t: t.start)
        message = (
            f"{claim.value['person']} is called {'former ' if claim.value['qualifier'] == 'former' else ''}"
            f"{_office(claim)}, an office they took only on {first.start.isoformat()}, "
            f"but {_when(rt)}"
        )
        yield _flag(ctx, claim, rt, terms, message, _weak(terms, rt, open_ended=False))


@rule("ROL003", "former-while-in-office", "role", "error")
def former_in_office(ctx: StoryContext) -> Iterator[Flag]:
    """A person still in office is called "former" or "ex-".

    Example: an article from February 2025 mentions "former President Trump"; Donald Trump
    was in office as president from 20 January 2025. "former President Barack Obama" in the same
    article is correct and stays silent.
    """
    for claim, rt, terms in _role_claims(ctx, "role"):
        if claim.value["qualifier"] != "former":
            continue
        holding = [t for t in terms if _covers_all(t, rt)]
        if not holding:
            continue
        term = holding[0]
        message = (
            f"{claim.value['person']} is called former {_office(claim)}, but held that office "
            f"from {term.start.isoformat()}{' to ' + term.end.isoformat() if term.end else ''}, "
            f"and held it then: {_when(rt)}"
        )
        yield _flag(ctx, claim, rt, holding, message, _weak(holding, rt, open_ended=True))


@rule("ROL004", "then-while-in-office", "role", "warning")
def then_in_office(ctx: StoryContext) -> Iterator[Flag]:
    """A person is called "then-<office>" while still holding that office at the reference time.

    "then-" says the office has since passed to someone else. Example: an article from late 2025
    writes "then-US President Donald Trump" about a meeting in August 2025 while Trump is still
    president. When the person held the office in separate terms the "then-" may point at an
    earlier term, so it is reported as info. "then-Secretary of State Mike Pompeo" stays silent.
    """
    for claim, rt, terms in _role_claims(ctx, "role"):
        if claim.value["qualifier"] != "then":
            continue
        holding = [t for t in terms if _covers_all(t, rt)]
        if not holding:
            continue
        several_terms = len(terms) > 1
        message = (
            f"{claim.value['person']} is called then-{_office(claim)}, but still held that office "
            f"when the article was written: {_when(rt)}"
        )
        if several_terms:
            message += "; they held it in separate terms, so 'then-' may mean an earlier one"
        weak = several_terms or _weak(holding, rt, open_ended=True)
        yield _flag(ctx, claim, rt, holding, message, weak)


@rule("ROL005", "administration-not-in-power", "role", "error")
def administration_not_in_power(ctx: StoryContext) -> Iterator[Flag]:
    """An administration is said to act at a time when its leader was not in office.

    The tense decides: "the Biden administration has delivered a clear proposal" or "... said on
    Tuesday" has it act at the reference time, while "the Obama administration had long resisted",
    "sanctions imposed under the Biden administration" and "during the Obama administration" speak
    of the past and stay silent, and so do the administration to come ("the incoming Trump
    administration", "... will") before its term and a hypothetical one ("a Biden administration").

    Example: an article from April 2025 says "the Biden administration has delivered a clear
    proposal to both Russia and Ukraine"; Joe Biden left office on 20 January 2025.
    """
    for claim, rt, terms in _role_claims(ctx, "administration"):
        if not claim.value.get("acting"):
            continue
        if any(_covers_any(t, rt) for t in terms):
            continue
        ended = [t for t in terms if t.end is not None and t.end <= rt.earliest]
        upcoming = [t for t in terms if t.start > rt.latest]
        if upcoming and claim.value.get("tense") == "future":
            continue  # "the incoming Trump administration", "... will": the administration to come
        if ended:
            last = max(ended, key=lambda t: t.start)
            span = f"ended on {last.end.isoformat() if last.end else ''}"
        else:
            last = min(upcoming, key=lambda t: t.start)
            span = f"began only on {last.start.isoformat()}"
        message = (
            f"'{claim.text}' is said to act at the time of writing, but {claim.value['leader']}'s "
            f"term as {last.office} of {_place(last.jurisdiction)} {span}, and {_when(rt)}"
        )
        current = ctx.kb.holders(last.office, last.jurisdiction, rt.latest)
        yield _flag(ctx, claim, rt, [*terms, *current], message, _weak(terms, rt, open_ended=False))
