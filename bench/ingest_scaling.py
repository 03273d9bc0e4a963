"""Look for inputs whose cost grows faster than their size.

Run by hand: `.venv/bin/python bench/ingest_scaling.py [--size N] [--only SHAPE] [--stage S]`.

Each shape (a short unit of text that some pattern of the readers or extractors reacts to) is
repeated to about `--size` characters and to four times that, written as each supported format,
read (`checker.ingest.load_file`) and analysed (sentences and claims, as a run does). Time linear
in the input grows about 4x; a ratio far above it (16x is quadratic) is listed with a mark. The
sizes are small on purpose: the shape is the point, and a quadratic cost shows at 100 kB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.ingest import IngestError, load_file  # noqa: E402
from checker.knowledge import default_kb  # noqa: E402
from checker.pipeline import analyse_article  # noqa: E402

# what the patterns of ingest, segment and claims look for, and what breaks them
UNITS: dict[str, str] = {
    "words": "the council said that ",
    "sentences": "The council met. ",
    "no_spaces": "x",
    "spaces": "a    ",
    "newlines": "a\n",
    "blank_lines": "A line of text here.\n\n",
    "bold": "**a ",
    "underline": "__a ",
    "italic": "*a ",
    "code": "`a ",
    "link": "[a](",
    "image": "![a](",
    "lt": "a < b ",
    "script": "<script a ",
    "comment": "<!-- a ",
    "tags": "<b>a</b> ",
    "entities": "&amp;&#169;&nbsp;",
    "handle": "(@a ",
    "signature": "— Jo (@jo) ",
    "caption": "Hide Caption 1 of 2 ",
    "photos": "Photos: a. ",
    "byline": "By Jo Roe | ",
    "pipes": "a | ",
    "dateline": "MOSCOW – ",
    "dashes": "– ",
    "quotes": '"a ',
    "curly": "“a ",
    "parens": "(a ",
    "urls": "http://a.b/c ",
    "hosts": "www.a.com ",
    "copyright": "© 2024 ",
    "crumbs": "Home » ",
    "slashes": "a / b ",
    "source": "Source: a ",
    "numbers": "12 people ",
    "numbers_joined": "12,345,678.9",
    "percent": "12% ",
    "money": "$12 million ",
    "ranges": "12 to 15 ",
    "dates": "on March 5, 2020 ",
    "months": "March ",
    "weekdays": "on Monday ",
    "years": "2020 ",
    "relative": "two days ago ",
    "titles": "Sen. Jo Roe and ",
    "names": "Jo Roe ",
    "capitals": "Abc ",
    "said": 'said Jo Roe. "',
    "abbreviations": "U.S. ",
    "initials": "A. ",
    "dots": "... ",
    "question": "? ",
    "front_matter": "title: a\n",
    "rules": "---\n",
    "headings": "# a\n",
    "list_items": "- a\n",
    "json_escape": '\\"',
    "unicode": "é€😀 ",
    # markup, for the format "page" (the unit straight inside <article>, not in a paragraph)
    "p_short": "<p>A short one.</p>",
    "p_unclosed": "<p>a ",
    "div_nested": "<div>a ",
    "span_nested": "<span>a ",
    "inline_in_p": "<b>a</b> ",
    "links": '<a href="x">a</a> ',
    "list": "<li>a</li>",
    "cells": "<td>a</td>",
    "tables": "<table><tr><td>a</td></tr></table>",
    "headings_html": "<h2>a</h2>",
    "images": '<img src="x">',
    "quotes_html": "<blockquote>a</blockquote>",
    "breaks": "a<br>",
}

FORMATS = ("txt", "md", "json", "jsonl", "html", "page")


def write(path: Path, fmt: str, body: str) -> None:
    title = "A headline for the page"
    if fmt in ("txt", "md"):
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps({"title": title, "source": "Example News", "text": body}), encoding="utf-8")
    elif fmt == "jsonl":
        path.write_text(json.dumps({"title": title, "source": "Example News", "text": body}) + "\n", encoding="utf-8")
    else:
        inner = body if fmt == "page" else f"<p>{body}</p>"
        page = f"<html><head><title>{title}</title></head><body><article>{inner}</article></body></html>"
        path.write_text(page, encoding="utf-8")


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(folder: Path, fmt: str, unit: str, size: int) -> tuple[float, float]:
    """Seconds to read, and to analyse what was read, for `unit` repeated to `size` characters."""
    path = folder / f"shape.{'html' if fmt == 'page' else fmt}"
    write(path, fmt, unit * max(1, size // len(unit)))
    loaded: list[object] = []

    def read() -> None:
        with contextlib.suppress(IngestError):
            loaded.extend(load_file(path).articles)

    read_s = timed(read)
    kb = default_kb()
    analyse_s = timed(lambda: [analyse_article(a, kb) for a in loaded])  # type: ignore[arg-type]
    return read_s, analyse_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=25_000, help="characters of the smaller input")
    parser.add_argument("--only", action="append", help="a shape (repeatable); default all")
    parser.add_argument("--format", action="append", choices=FORMATS, help="a format (repeatable); default all")
    args = parser.parse_args()
    default_kb()
    shapes = {name: UNITS[name] for name in args.only} if args.only else UNITS
    print(f"{'shape':16} {'fmt':5} {'read s':>15} {'x':>5} {'analyse s':>15} {'x':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, unit in shapes.items():
            for fmt in args.format or FORMATS:
                small = measure(folder, fmt, unit, args.size)
                large = measure(folder, fmt, unit, 4 * args.size)
                cells = []
                flag = ""
                for before, after in zip(small, large, strict=True):
                    ratio = after / before if before > 1e-3 else 0.0
                    if after > 0.05 and ratio > 8:
                        flag = "  <-- superlinear?"
                    cells.append(f"{before:7.3f}>{after:7.3f} {ratio:5.1f}")
                print(f"{name:16} {fmt:5} {cells[0]:>21} {cells[1]:>21}{flag}", flush=True)


if __name__ == "__main__":
    main()
