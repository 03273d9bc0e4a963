"""The report stage: JSON for machines, HTML for editors."""

from __future__ import annotations

import functools
from pathlib import Path

from checker.engine import Engine
from checker.pipeline import RunResult
from checker.report.ahead import StoryPagesAhead
from checker.report.claimreview import write_claimreview
from checker.report.html import collector_paused, write_html
from checker.report.jsonreport import build_document, write_json

__all__ = ["StoryPagesAhead", "build_document", "write_claimreview", "write_html", "write_json", "write_reports"]


def write_reports(
    result: RunResult,
    json_path: Path | None,
    html_dir: Path | None,
    workers: int = 1,
    engine: Engine | None = None,
    ahead: StoryPagesAhead | None = None,
) -> None:
    """The JSON report and the HTML report (`engine`, `workers`: who writes the HTML pages, see
    `write_html`; `ahead`: the story pages started before the scores, see `checker.report.ahead`).
    The JSON is written as it is made, never held whole (`write_json`)."""
    with collector_paused():
        if html_dir is None:
            if json_path is not None:
                write_json(result, json_path)
            return
        # the JSON file is one more piece of work for the processes that share the HTML pages
        also = [functools.partial(write_json, result, json_path)] if json_path is not None else []
        write_html(result, html_dir, workers=workers, also=also, engine=engine, ahead=ahead)
