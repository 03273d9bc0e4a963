"""The HTML report for editors: static, self-contained pages rendered with Jinja2 (autoescaped).

`write_html(result, directory)` writes

    index.html               counts, stories, the outlet scorecard (inline SVG), why the outlets rank as
                             they do (line by line), copies, the score history (inline SVG), the run
    findings.html            every finding: sortable, filterable, searchable (state in the URL)
    rules.html               every rule's explanation (the text of `checker explain CODE`)
    stories/<story-id>.html  the story's articles side by side, divergences highlighted
    outlets/<slug>.html      an outlet's articles, the findings against it, its score breakdown, each
                             article's score explained, its copies and its score history
    static/report.css, static/report.js

Article text and metadata are untrusted: every value reaches the page through Jinja2's
autoescaping, no template marks anything `|safe`, URLs become links only when they are plain
http(s), and scripts read their data from the DOM. Pages work from file:// and without
JavaScript (scripts only filter, sort and handle keys); nothing is fetched from the network.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from checker import __version__
from checker.engine import Engine, LocalEngine, Pending, batches, take_last
from checker.knowledge import kb_metadata
from checker.pipeline import RunResult
from checker.report import fragments, storypage
from checker.report.data import ReportData
from checker.report.forked import run_shared
from checker.report.grid import piece_html
from checker.report.jsonreport import error_dicts
from checker.scoring import LOW_CONFIDENCE

if TYPE_CHECKING:
    from checker.report.ahead import StoryPagesAhead

STATIC_FILES = ("report.css", "report.js")
INDEX_FINDINGS = 50  # the findings the index lists; the findings page has them all


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """Jinja's environment with a faster `x.name` for plain dicts, which most page data is.

    Jinja tries `getattr(x, "name")` first and `x["name"]` only after the AttributeError: an
    exception per lookup. For a dict whose type has no attribute `name` the first try can only
    fail, so this goes straight to the item: the same value, or the same undefined."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


@functools.cache
def environment() -> Environment:
    """The templates, compiled once per process (the packaged templates do not change under us)."""
    env = _Environment(
        loader=PackageLoader("checker.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.globals.update(fragments.GLOBALS, piece=piece_html)
    return env


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic garbage collection off for the duration (then as it was).

    The run's result is a large heap of long-lived objects, and every full collection that the
    report's many short-lived strings and dicts trigger walks all of it (15% of the report's time
    at 1k articles, more on bigger runs). The report makes no reference cycles (a collection
    after it finds nothing), so nothing waits for the collector meanwhile; children forked
    meanwhile do not collect either, which also keeps them from touching every shared page."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Pages:
    """Renders pages of one report into its directory."""

    def __init__(self, result: RunResult, directory: Path) -> None:
        self.env = environment()
        self.directory = directory
        self.result = result
        self.data = data = ReportData(result)
        self.common = {
            "finding_total": len(data.findings),
            "paths": result.paths,
            "generated_at": result.started_at,
            "outlet_slug": data.outlet_slug,
            "story_slug": data.story_slug,
            "low_threshold": LOW_CONFIDENCE,
            "version": __version__,
            "kb": {k: kb_metadata().get(k, "") for k in ("version", "reliable_through")},
        }

    def render(self, template: str, target: Path, root: str, page: str, **values: Any) -> None:
        _write_page(self.env, template, target, root, page, {**self.common, **values})

    def prepare(self) -> None:
        """The static files, and no pages of an earlier run into the same directory."""
        static = self.directory / "static"
        static.mkdir(exist_ok=True)
        source = resources.files("checker.report") / "static"
        for name in STATIC_FILES:
            (static / name).write_bytes((source / name).read_bytes())
        for sub in ("stories", "outlets"):
            folder = self.directory / sub
            if folder.is_dir():
                for old in folder.glob("*.html"):
                    old.unlink()

    def overview(self) -> Path:
        """index.html, findings.html and rules.html; returns the path of index.html."""
        data, index = self.data, self.directory / "index.html"
        self.render(
            "index.html",
            index,
            "",
            "index",
            counts=data.counts(),
            headline=data.headline(),
            listed=data.to_review()[:INDEX_FINDINGS],
            stories=data.story_summaries(),
            scorecard=data.scorecard(),
            ranking=data.ranking(),
            copies=data.copies(),
            history=data.history(),
            scoring=data.scoring_rules(),
            errors=error_dicts(self.result),
            total=len(data.findings),
            articles=len(self.result.articles),
        )
        self.render(
            "findings.html",
            self.directory / "findings.html",
            "",
            "findings",
            cards=[data.cards[f.id] for f in data.findings],
            filters=data.filters(),
        )
        self.render(
            "rules.html",
            self.directory / "rules.html",
            "",
            "rules",
            all_rules=list(data.rules.values()),
            used=Counter(f.rule for f in data.findings),
        )
        return index

    def items(self) -> list[tuple[str, str]]:
        """The pages, as (kind, story id or outlet name): the overview pages, then the story and
        outlet pages, in a fixed order."""
        outlets = sorted({a.outlet for a in self.result.articles} | {o.outlet for o in self.result.outlets})
        stories = [("story", s.id) for s in self.result.stories]
        return [("overview", ""), *stories, *[("outlet", o) for o in outlets]]

    def item(self, item: tuple[str, str]) -> None:
        kind, key = item
        if kind == "overview":
            self.overview()
        elif kind == "story":
            _write_story_page(self.env, self.directory, self.data.story_input(key), self.common)
        else:
            target = self.directory / "outlets" / f"{self.data.outlet_slug[key]}.html"
            self.render("outlet.html", target, "../", "outlet", **self.data.outlet_page(key))


def _write_page(env: Environment, template: str, target: Path, root: str, page: str, values: dict[str, Any]) -> None:
    html = env.get_template(template).render(root=root, page=page, **values)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def _write_story_page(env: Environment, directory: Path, page: storypage.StoryPage, common: dict[str, Any]) -> None:
    target = directory / "stories" / f"{page.slug}.html"
    _write_page(env, "story.html", target, "../", "story", {**common, **storypage.story_page(page)})


def write_story_pages(pages: Sequence[storypage.StoryPage], directory: str, common: dict[str, Any]) -> int:
    """Task: write a batch of story pages (in an engine's worker process); returns how many."""
    env = environment()
    with collector_paused():  # as in this process: collections made pages take 75% longer, found nothing
        for page in pages:
            _write_story_page(env, Path(directory), page, common)
    return len(pages)


STORY_PAGES_PER_TASK = 32


def write_html(
    result: RunResult,
    directory: Path,
    workers: int = 1,
    also: Sequence[Callable[[], object]] = (),
    engine: Engine | None = None,
    ahead: StoryPagesAhead | None = None,
) -> Path:
    """Write the report into `directory`; returns the path of index.html. The same files with the
    same bytes however they are shared:

    - `engine`, a local engine with worker processes: they write the story pages (a batch of
      `StoryPage`s per task) while this process writes `also` and the other pages, then the
      story pages no worker has started. No process holds a copy of the run for it (see
      `pages_in_workers`). `ahead`: the story pages were started before the scores
      (`checker.report.ahead`); they are kept when they hold for this result.
    - otherwise `workers` > 1: the pages are shared among that many processes, this one and
      forked children (see `forked.run_shared`); one process where fork is not available.

    `also`: more work for this process, or to share among the forked ones (the JSON report)."""
    with collector_paused():
        started = ahead.adopt(result, directory) if ahead is not None else None
        if started is None:
            pages = prepared_pages(result, directory)
            if engine is None or not pages_in_workers(engine):
                tasks: list[Callable[[], object] | tuple[str, str]] = [*also, *pages.items()]
                run_shared(tasks, lambda task: task() if callable(task) else pages.item(task), workers)
                return directory / "index.html"
            started = start_story_pages(pages, engine)
        pages, folder = started.pages, str(directory)
        # the other pages draw on the whole run (an outlet's articles, copies, history): here
        for task in also:
            task()
        for item in pages.items():
            if item[0] != "story":
                pages.item(item)
        # then help with the story pages no worker has started yet, from the last one back
        while (k := take_last(started.pending)) is not None:
            write_story_pages(started.batches[k], folder, pages.common)
        for _ in started.pending():  # the workers' errors are raised here
            pass
    return directory / "index.html"


def prepared_pages(result: RunResult, directory: Path) -> _Pages:
    """The pages of a report into `directory`, with its static files in place, no pages of an
    earlier run left and the templates compiled (once, before any process forks)."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = _Pages(result, directory)
    pages.prepare()
    for template in TEMPLATES:
        pages.env.get_template(template)
    return pages


@dataclass
class StartedPages:
    """Story pages given to an engine's workers: the batches, and the map that writes them."""

    pages: _Pages
    batches: list[list[storypage.StoryPage]]
    pending: Pending[int]


def start_story_pages(pages: _Pages, engine: Engine) -> StartedPages:
    """Give the story pages to the engine, in batches of `STORY_PAGES_PER_TASK`."""
    stories = [pages.data.story_input(story.id) for story in pages.result.stories]
    story_batches = batches(stories, STORY_PAGES_PER_TASK)
    folder = str(pages.directory)
    return StartedPages(
        pages, story_batches, engine.submit(write_story_pages, story_batches, directory=folder, common=pages.common)
    )


def pages_in_workers(engine: Engine) -> bool:
    """Whether `write_html` gives the story pages to the engine: a local engine with worker
    processes (forked when the run began, so small; on this machine, so they write the files).

    Forking page writers from the driver at the end of a run costs memory: every object a forked
    process reads has its reference count written, so the page it sits on is copied, and two
    processes sharing a 50k run's report held 2.8 GB where the driver alone held 1.5 GB."""
    return isinstance(engine, LocalEngine) and engine.workers > 1


TEMPLATES = ("index.html", "findings.html", "rules.html", "story.html", "outlet.html")
