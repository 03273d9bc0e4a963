"""The `checker` command: a thin click layer over the library; it turns errors into messages.

Exit codes (`checker.cli.common`): 0 no finding at or above --fail-on; 1 there are; 2 a bad path,
option or configuration value, no articles to check, or some input could not be read (everything
readable is still checked and reported); 3 a bug of the checker (`checker.cli.errors`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from checker import __version__
from checker.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    BadInput,
    Day,
    counted,
    db_option,
    exit_code,
    open_store,
)
from checker.cli.errors import CheckerGroup
from checker.cli.progress import StageBars
from checker.cli.run import guard_check_outputs, nothing_read, print_summary, text_style
from checker.config import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from checker.pipeline import RunResult

__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "exit_code", "main"]


class Bounded(click.FloatRange):
    """A number in a range; NaN, which every comparison lets through, is refused too."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail("nan is not a number", param, ctx)
        return number


MAX_WORKERS = 256  # more processes than any machine's cores is a typo, not a plan


def _settings(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except ConfigError as exc:
        raise BadInput(str(exc)) from exc


@click.group(cls=CheckerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def main() -> None:
    """Cross-outlet consistency and source-credibility checker for news."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option("SQLite store.")
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("reports/findings.json"),
    show_default=True,
    help="JSON report.",
)
@click.option(
    "--html",
    "html_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("reports"),
    show_default=True,
    help="Directory for the HTML report.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: from config, else error).",
)
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="A checker.toml or pyproject.toml to read [tool.checker] from.",
)
@click.option(
    "--today",
    type=Day(),
    default=None,
    help="Judge undated articles as of this date (default: today).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A bar per stage on stderr, with elapsed time and rate (default: when stderr is a terminal).",
)
@click.option(
    "--claimreview",
    "claimreview_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write error and warning findings as schema.org ClaimReview JSON-LD.",
)
@click.option(
    "--changed-since",
    "changed_since",
    metavar="REF",
    default=None,
    help="Only findings involving articles in files added or changed since the git REF count "
    "(the whole corpus is still read as context).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Accept the findings recorded in this baseline file; report those no longer found as fixed.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Record every current finding in this baseline file (keeping known reasons); exits 0 unless "
    "some input could not be read.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github", "sarif", "json"]),
    default="text",
    show_default=True,
    help="Standard output: a one-screen summary, GitHub workflow annotations, SARIF 2.1.0 or JSON.",
)
@click.option(
    "--engine",
    "engine_name",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where per-article and per-story work runs: this process, or Dask tasks (pip install 'checker[dask]').",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0, max=MAX_WORKERS),
    default=0,
    help="Local engine: worker processes for per-article and per-story work and the report's pages "
    "(default 0: one per core, at most 8; 1: everything in this process).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler address (tcp://host:8786), or sync; default: a local cluster, one worker per core.",
)
@click.option(
    "--against-store",
    is_flag=True,
    help="Check PATHS against the archive in --db: only the stories the new articles join are checked.",
)
@click.option(
    "-v", "--verbose", count=True, help="Every finding with its evidence, and the reviewed ones with their reasons."
)
@click.option("-q", "--quiet", count=True, help="Only the new findings (-qq: nothing but errors; the exit code tells).")
def check(
    paths: tuple[Path, ...],
    db: Path,
    json_path: Path,
    html_dir: Path,
    fail_on: str | None,
    config: Path | None,
    today: dt.date | None,
    progress: bool | None,
    claimreview_path: Path | None,
    changed_since: str | None,
    baseline_path: Path | None,
    write_baseline_path: Path | None,
    output_format: str,
    engine_name: str,
    workers: int,
    scheduler: str | None,
    against_store: bool,
    verbose: int,
    quiet: int,
) -> None:
    """Check the articles under PATHS (default: corpora/) and write the reports."""
    from checker import ci
    from checker.pipeline import check as run_check
    from checker.pipeline import finish
    from checker.report import StoryPagesAhead, write_reports
    from checker.store import StoreError

    settings = _settings(config)
    paths = paths or (Path("corpora"),)
    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{path}: no such file or directory", param_hint="PATHS")
    guard_check_outputs(paths, db, json_path, html_dir, claimreview_path, write_baseline_path, settings, baseline_path)
    try:
        accepted = ci.read_baseline(baseline_path) if baseline_path else None
    except ci.BaselineError as exc:
        raise click.BadParameter(str(exc), param_hint="--baseline") from exc
    try:
        changed = ci.changed_files(list(paths), changed_since) if changed_since is not None else None
    except ci.GitError as exc:
        raise click.UsageError(str(exc)) from exc
    from checker.engine import DaskUnavailable, default_workers, make_engine
    from checker.report.html import pages_in_workers

    if scheduler is not None and engine_name != "dask":
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    try:
        engine = make_engine(engine_name, scheduler, workers or default_workers())
    except (DaskUnavailable, OSError) as exc:
        raise click.UsageError(str(exc)) from exc
    meter = StageBars(sys.stderr.isatty() if progress is None else progress)
    # the story pages start on the workers as soon as the findings are final (checker.report.ahead)
    ahead = StoryPagesAhead(html_dir, engine) if html_dir is not None else None

    def findings_final(result: RunResult) -> None:
        """The reports show each finding's review when the run is compared with a baseline or a change."""
        if accepted is not None or changed is not None:
            result.review = ci.reviews(result, baseline=accepted, changed=changed)
        if ahead is not None:
            ahead(result)
    try:
        try:
            result = run_check(
                list(paths),
                db=db,
                config=settings.rules,
                max_bytes=settings.max_bytes,
                today=today,
                progress=meter,
                engine=engine,
                against_store=against_store,
                on_findings=findings_final,
            )
            if result.review is None and (accepted is not None or changed is not None):
                result.review = ci.reviews(result, baseline=accepted, changed=changed)  # no hook against the store
        finally:
            if not pages_in_workers(engine):
                engine.close()  # before the report forks its page writers: no pool threads to copy
        write_reports(result, json_path, html_dir, workers=getattr(engine, "workers", 1), engine=engine, ahead=ahead)
    except StoreError as exc:
        raise BadInput(f"--db {exc}") from exc
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        raise BadInput(f"--db {db}: busy: another run has been writing to it for minutes; try again") from exc
    finally:
        engine.close()
        meter.close()
    if claimreview_path is not None:
        from checker.report.claimreview import write_claimreview

        write_claimreview(result, claimreview_path)
    outcome = ci.assess(
        result,
        baseline=accepted,
        baseline_path=ci.display_path(str(baseline_path)) if baseline_path else None,
        changed=changed,
        changed_since=changed_since,
        accept_all=write_baseline_path is not None,
        partial=against_store,
    )
    read = len(result.new_articles) if against_store else len(result.articles)
    code = exit_code(outcome.counted, result.errors, fail_on or settings.fail_on) if read else EXIT_INPUT
    outcome.exit_code, outcome.json_report = code, str(json_path)
    try:
        finish(result, db, code)
    except StoreError as exc:
        raise BadInput(f"--db {exc}") from exc
    if write_baseline_path is not None and read:  # an empty run must not empty the baseline
        ci.record_baseline(outcome, write_baseline_path, accepted)
    style = text_style(verbose - quiet)
    print_summary(result, output_format, quiet=style.verbosity < 0)
    click.echo(ci.render(outcome, output_format, style), nl=False, color=style.colour)
    if style.verbosity >= 0:
        click.echo(f"reports: {html_dir / 'index.html'}, {json_path}", err=output_format in ("sarif", "json"))
    if not read:
        click.echo(f"error: {nothing_read(paths, len(result.errors))}", err=True)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option()
def ingest(paths: tuple[Path, ...], db: Path) -> None:
    """Store the articles under PATHS (sentences and claims too) without checking them."""
    from checker.ingest import iter_corpus
    from checker.knowledge import default_kb
    from checker.model import InputError
    from checker.pipeline import CLAIMS_VERSION, analyse_article

    kb = default_kb()
    stored = errors = 0
    with open_store(db) as store:
        for item in iter_corpus(list(paths)):
            if isinstance(item, InputError):
                errors += 1
                click.echo(f"error: {item.path}: {item.message}", err=True)
                continue
            for error in getattr(item, "errors", []):
                errors += 1
                click.echo(f"error: {error.path}: {error.message}", err=True)
            analysed = [(a, *analyse_article(a, kb)) for a in item.articles]
            store.save_file(item.source, None, analysed, CLAIMS_VERSION)
            stored += len(analysed)
        total = store.count("articles")
    click.echo(f"{counted(stored, 'article')} read, {total} in {db}")
    if not stored:
        click.echo(f"error: {nothing_read(paths, errors)}", err=True)
    sys.exit(EXIT_INPUT if errors or not stored else EXIT_OK)


@main.command()
@click.argument("urls", nargs=-1, required=True)
@click.option(
    "--to",
    "dest",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("corpora/fetched"),
    show_default=True,
    help="Corpus folder to save the pages in (one folder per host).",
)
@click.option(
    "--max-mb",
    type=Bounded(0, 1024, min_open=True),
    default=5.0,
    show_default=True,
    help="Largest page to accept.",
)
@click.option(
    "--timeout",
    type=Bounded(0, 3600, min_open=True),
    default=20.0,
    show_default=True,
    help="Seconds per page.",
)
@click.option("--allow-private", is_flag=True, help="Allow private and loopback addresses (for local mirrors).")
def fetch(urls: tuple[str, ...], dest: Path, max_mb: float, timeout: float, allow_private: bool) -> None:
    """Download pages (http/https) as raw HTML into a corpus folder, recording the URL and fetch time.

    A later `checker check` reads exactly what was downloaded, so a check can be rerun on it.
    """
    from checker.cli.outputs import usable_folder
    from checker.ingest import IngestError
    from checker.ingest.fetch import fetch as download

    usable_folder("--to", dest)
    failed = 0
    for url in urls:
        try:
            saved = download(url, dest, max_bytes=int(max_mb * 1_000_000), timeout=timeout, allow_private=allow_private)
        except IngestError as exc:
            failed += 1
            click.echo(f"error: {exc}", err=True)
            continue
        click.echo(f"{url} -> {saved}")
    sys.exit(EXIT_INPUT if failed else EXIT_OK)


@main.command("rules")
def list_rules() -> None:
    """List the rules: code, name, default severity and summary."""
    from checker.rules import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a rule: what it checks, with an example."""
    from checker.rules import REGISTRY

    rule = REGISTRY.get(code.upper())
    if rule is None:
        raise click.BadParameter(f"unknown rule {code!r}; `checker rules` lists them", param_hint="CODE")
    click.echo(f"{rule.code} ({rule.name}) - {rule.category}, default severity {rule.severity}\n")
    click.echo(rule.doc)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim.")
def claims(file: Path, as_json: bool) -> None:
    """Print the claims of each article in FILE."""
    from checker.ingest import IngestError, load_file
    from checker.knowledge import default_kb
    from checker.pipeline import analyse_article

    try:
        loaded = load_file(file)
    except IngestError as exc:
        raise BadInput(str(exc)) from exc
    for error in loaded.errors:
        click.echo(f"error: {error.path}: {error.message}", err=True)
    for article in loaded.articles:
        sentences, found = analyse_article(article, default_kb())
        if not as_json:
            click.echo(f"# {article.outlet}: {article.title} ({len(sentences)} sentences, {len(found)} claims)")
        for claim in found:
            value = {k: v for k, v in claim.value.items() if k not in ("context", "event")}
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "article": article.id,
                            "sentence": claim.sentence,
                            "kind": claim.kind,
                            "span": claim.text,
                            "start": claim.start,
                            "end": claim.end,
                            "value": value,
                        },
                        ensure_ascii=False,
                    )
                )
            else:
                click.echo(
                    f"{claim.sentence:>4} {claim.kind:<14} {claim.text!r} {json.dumps(value, ensure_ascii=False)}"
                )
    if not loaded.articles:
        click.echo(f"error: {file}: no article in it", err=True)
    sys.exit(EXIT_INPUT if loaded.errors or not loaded.articles else EXIT_OK)


@main.command("stories")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def list_stories(paths: tuple[Path, ...]) -> None:
    """Group the articles under PATHS (default: corpora/) into stories and list them."""
    from checker import stories as stage
    from checker.ingest import iter_corpus
    from checker.model import InputError

    paths = paths or (Path("corpora"),)
    articles, errors = [], 0
    for item in iter_corpus(list(paths)):
        for error in [item] if isinstance(item, InputError) else item.errors:
            errors += 1
            click.echo(f"error: {error.path}: {error.message}", err=True)
        if not isinstance(item, InputError):
            articles.extend(item.articles)
    by_id = {a.id: a for a in articles}
    for story in stage.group_articles(articles):
        click.echo(f"{story.id}  {story.title}")
        for article_id in story.articles:
            article = by_id[article_id]
            published = article.published.isoformat() if article.published else "undated"
            click.echo(f"    {article.outlet:<22} {published:<10} {article.path}")
    if not articles:
        click.echo(f"error: {nothing_read(paths, errors)}", err=True)
    sys.exit(EXIT_INPUT if errors or not articles else EXIT_OK)


# commands defined in the package's other modules (they import the helpers above)
from checker.cli.kb import kb  # noqa: E402
from checker.cli.outlets import outlets  # noqa: E402

main.add_command(kb)
main.add_command(outlets)
