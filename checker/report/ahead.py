"""Story pages started before a run's scores.

A story page shows the story's articles, sentences, alignments, findings and reference times;
none of it depends on the scores. So once the findings are final the engine's workers can write
the story pages while the driver still scores the articles and outlets and stores the results,
time in which one core would otherwise wait. `StoryPagesAhead` is the hook for that:

    ahead = StoryPagesAhead(html_dir, engine)
    result = pipeline.check(paths, engine=engine, on_findings=ahead)
    write_reports(result, json_path, html_dir, engine=engine, ahead=ahead)

It starts pages only where `write_html` would give them to the engine anyway (a local engine
with worker processes), and `write_html` keeps them only when they hold for the final result:
the same run, the same directory, and the same outlets to link to (a page's links name the
outlets' slugs, given in the order of every outlet the report names). Otherwise it waits for
them and writes every page again, so the files are the same bytes either way.

The directory's story pages of an earlier run are removed when the pages start: a run that fails
after its findings (a store error while saving the scores) leaves this run's story pages beside
the earlier run's other pages.
"""

from __future__ import annotations

from pathlib import Path

from checker.engine import Engine
from checker.pipeline import RunResult
from checker.report import html
from checker.report.data import ReportData
from checker.report.html import StartedPages, collector_paused, pages_in_workers, prepared_pages


class StoryPagesAhead:
    """`pipeline.check`'s `on_findings` hook that starts the story pages of a report into
    `directory` on `engine`'s workers; `write_html(..., ahead=it)` finishes the report."""

    def __init__(self, directory: Path, engine: Engine) -> None:
        self.directory = directory
        self.engine = engine
        self._started: StartedPages | None = None
        self._outlets: list[str] = []

    def __call__(self, result: RunResult) -> None:
        if not pages_in_workers(self.engine) or self._started is not None:
            return
        with collector_paused():
            self._started = html.start_story_pages(prepared_pages(result, self.directory), self.engine)
            self._outlets = ReportData.outlet_names(result)

    def adopt(self, result: RunResult, directory: Path) -> StartedPages | None:
        """The started pages, when they hold for `result` in `directory`; None when none were
        started, or after waiting for pages that do not hold (`write_html` writes them again)."""
        started, self._started = self._started, None
        if started is None:
            return None
        same_run = started.pages.result is result and started.pages.directory == directory
        if same_run and ReportData.outlet_names(result) == self._outlets:
            return started
        for _ in started.pending():  # let them finish before the directory is written again
            pass
        return None
