"""`checker kb`: the knowledge base of who held which office when.

`kb who` reads an office the way the claims extractor reads it in an article ("German Chancellor",
"Chancellor of Germany", "NATO Secretary General"): the phrase is put before and after a name and
handed to `checker.claims.people.extract_roles`, so the command and the checks never disagree on
what a title means.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checker.cli.common import BadInput, Day, counted

if TYPE_CHECKING:
    from checker.knowledge import KnowledgeBase

# A name nobody holds, to show the extractor a title in the places it reads titles.
_STAND_IN = "Zed Quorble"
_SMALL_WORDS = frozenset({"of", "the", "for", "and"})


@click.group()
def kb() -> None:
    """The knowledge base of who held which office when."""


@kb.command()
@click.argument("office")
@click.option("--on", "on", type=Day(), default=None, help="The date, YYYY-MM-DD (default: today).")
@click.option("--jurisdiction", "-j", default=None, help="Country or organisation (default: the office's, else all).")
def who(office: str, on: dt.date | None, jurisdiction: str | None) -> None:
    """Who held OFFICE on a date: "foreign minister", "German Chancellor", "Prime Minister of the
    Netherlands", "NATO Secretary General" (`checker kb offices` lists the offices)."""
    from checker.knowledge import default_kb, kb_metadata

    base = default_kb()
    day = on or _today()
    read = read_office(office, base)
    if read is None:
        raise click.BadParameter(f"unknown office {office!r}; {_suggest(office, base)}", param_hint="OFFICE")
    office_name, implied = read
    if jurisdiction:  # every place the word names: "Washington" is the US capital and a state
        places = base.places_named(jurisdiction) or [jurisdiction]
    elif implied:
        places = [implied]
    else:
        places = sorted({t.jurisdiction for t in base.terms if t.office == office_name})
    found = False
    for place in places:
        for term in base.holders(office_name, place, day):
            found = True
            mark = "" if term.certain else "  (uncertain)"
            end = term.end.isoformat() if term.end else "present"
            click.echo(f"{place}: {term.person} ({term.start.isoformat()} - {end}){mark}")
    if not found:
        where = f" of {implied}" if implied else ""
        click.echo(f"nobody in the knowledge base held {office_name}{where} on {day.isoformat()}")
    reliable = kb_metadata().get("reliable_through", "")
    if reliable and day.isoformat() > reliable:
        click.echo(
            f"note: the knowledge base is reliable through {reliable}; on {day.isoformat()} a term it shows "
            "as continuing may have ended, and a newer holder may be missing"
        )


def _today() -> dt.date:
    return dt.date.today()


def read_office(phrase: str, base: KnowledgeBase) -> tuple[str, str] | None:
    """(office, jurisdiction or "") of a title phrase as the claims extractor reads it before or after
    a name; then as a bare title after place words, for the abbreviations it leaves alone before
    names ("Dutch PM"). None when no office of the knowledge base is named."""
    from checker.claims.people import PeopleContext, extract_roles

    words = _cased(phrase)
    if not words:
        return None
    for sentence in (f"{words} {_STAND_IN} spoke.", f"{_STAND_IN}, the {words}, spoke."):
        for _, _, role in extract_roles(sentence, PeopleContext(base)):
            if role["kb_office"] and role["person"] == _STAND_IN:
                return role["office"], role["jurisdiction"]
    split = words.split()
    for at in range(len(split)):
        title = base.title(" ".join(split[at:]))
        place = base.place(" ".join(split[:at])) if at else ""
        if title is not None and place is not None:
            return title[0], place or title[1]
    return None


def _cased(phrase: str) -> str:
    """The phrase as a title is written before a name ("german chancellor" -> "German Chancellor"):
    the extractor takes place words only when capitalised."""
    words = phrase.split()
    return " ".join(
        w if (i and w.lower() in _SMALL_WORDS) or w[:1].isupper() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _suggest(phrase: str, base: KnowledgeBase) -> str:
    """Close titles for a phrase that names none: each run of its words is compared with every title,
    and a close title put in its place ("chancelor of germany" -> "chancellor of germany") when the
    phrase then reads as an office."""
    words = phrase.lower().split()
    titles = sorted(base.titles)
    scored: dict[str, float] = {}
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + 4) + 1):
            span = " ".join(words[start:end])
            for match in difflib.get_close_matches(span, titles, n=3, cutoff=0.75):
                fixed = " ".join([*words[:start], match, *words[end:]])
                shown = fixed if read_office(fixed, base) is not None else match
                ratio = difflib.SequenceMatcher(None, span, match).ratio()
                scored[shown] = max(scored.get(shown, 0.0), ratio)
    whole = {t: r for t, r in scored.items() if " " in t and t not in base.titles}
    scored = whole or scored  # a corrected phrase says more than the title it corrects
    close = sorted(scored, key=lambda t: (-scored[t], t))[:3]
    listing = "`checker kb offices` lists them"
    return f"did you mean {' or '.join(repr(t) for t in close)}? ({listing})" if close else listing


@kb.command()
def offices() -> None:
    """The offices `kb who` knows: the titles that name each and where the knowledge base has holders."""
    from checker.knowledge import default_kb, kb_metadata

    base = default_kb()
    reliable = kb_metadata().get("reliable_through", "")
    click.echo(
        "Offices of the knowledge base"
        + (f" (reliable through {reliable})" if reliable else "")
        + '; `kb who` reads their titles as articles write them: "German chancellor", "Chancellor of Germany".'
    )
    places: dict[str, set[str]] = defaultdict(set)
    for term in base.terms:
        places[term.office].add(term.jurisdiction)
    titles: dict[str, list[str]] = defaultdict(list)
    for title, (office, implied) in sorted(base.titles.items()):
        titles[office].append(f"{title} ({implied})" if implied else title)
    for office in sorted(set(places) | set(titles)):
        where = sorted(places.get(office, ()))
        click.echo(f"{office}: {len(where)} {'jurisdiction' if len(where) == 1 else 'jurisdictions'}")
        click.echo(f"    titles: {', '.join(titles.get(office, [office]))}")
        if where:
            click.echo(f"    in: {', '.join(where)}")


@kb.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--kb-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Knowledge-base folder to add to (default: the shipped one).",
)
def kb_import(file: Path, kb_dir: Path | None) -> None:
    """Add a Wikidata SPARQL result (JSON or CSV) to the knowledge base."""
    from checker.kbimport import ImportError_, import_result
    from checker.knowledge import KB_DIR, KnowledgeError

    if kb_dir is not None and not kb_dir.is_dir():
        raise BadInput(f"--kb-dir {kb_dir}: no such folder (a knowledge-base folder holds offices.csv and the rest)")
    try:
        report = import_result(file, kb_dir or KB_DIR)
    except (ImportError_, KnowledgeError) as exc:
        raise BadInput(str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"{file}: not UTF-8 text, so not a SPARQL result ({exc.reason} at byte {exc.start})") from exc
    for line in report.skipped:
        click.echo(f"skipped {line}", err=True)
    click.echo(
        f"{counted(report.added, 'term')} added, {report.duplicates} already known, {len(report.skipped)} skipped"
    )
