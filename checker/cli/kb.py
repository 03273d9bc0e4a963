"""`checker kb`: the knowledge base of who held which office when."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from checker.cli.common import BadInput


@click.group()
def kb() -> None:
    """The knowledge base of who held which office when."""


@kb.command()
@click.argument("office")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), required=True, help="The date, YYYY-MM-DD.")
@click.option("--jurisdiction", "-j", default=None, help="Country or organisation (default: all).")
def who(office: str, on: dt.datetime, jurisdiction: str | None) -> None:
    """Who held OFFICE (e.g. "foreign minister") on a date."""
    from checker.knowledge import default_kb

    base = default_kb()
    title = base.title(office)
    if title is None:
        raise click.BadParameter(f"unknown office {office!r}", param_hint="OFFICE")
    office_name, implied = title
    if jurisdiction:  # every place the word names: "Washington" is the US capital and a state
        places = base.places_named(jurisdiction) or [jurisdiction]
    elif implied:
        places = [implied]
    else:
        places = sorted({t.jurisdiction for t in base.terms if t.office == office_name})
    found = False
    for place in places:
        for term in base.holders(office_name, place or "", on.date()):
            found = True
            mark = "" if term.certain else "  (uncertain)"
            click.echo(
                f"{place}: {term.person} ({term.start.isoformat()} - "
                f"{term.end.isoformat() if term.end else 'present'}){mark}"
            )
    if not found:
        click.echo(f"nobody in the knowledge base held {office_name} on {on.date().isoformat()}")


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
    click.echo(f"{report.added} terms added, {report.duplicates} already known, {len(report.skipped)} skipped")
