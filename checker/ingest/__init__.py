"""INGEST: files -> `Article` objects.

    iter_corpus(paths)  every supported file under the paths, sorted: LoadedFile or InputError
    load_file(path)     one file -> LoadedFile (raises IngestError)
    fetch(url, dest)    download one page beside a .fetch.json sidecar (in checker.ingest.fetch)

Formats: .html/.htm (trafilatura), .txt/.md (front matter or inferred metadata, stitched pages
split into pieces), .json/.jsonl (crawler and news-API field names); each also gzipped (.gz).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from checker.ingest.common import IngestError, LoadedFile, plain_reason, shown_path
from checker.ingest.formats import load_json, load_jsonl, load_text
from checker.ingest.htmlpage import load_html_page
from checker.ingest.outlets import canonical_outlet
from checker.ingest.reading import SIDECAR_SUFFIX, decode_text, format_of, read_bytes
from checker.ingest.walk import discover
from checker.model import Article, InputError, SourceFile

__all__ = [
    "IngestError",
    "LoadedFile",
    "canonical_outlet",
    "iter_corpus",
    "load_file",
]

DEFAULT_MAX_BYTES = 20_000_000


def sidecar_url(path: Path) -> str | None:
    """The URL recorded by `fetch` beside a page (`page.fetch.json` or `page.html.fetch.json`)."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    stem = name.rsplit(".", 1)[0]
    for candidate in (path.with_name(stem + SIDECAR_SUFFIX), path.with_name(name + SIDECAR_SUFFIX)):
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        url = data.get("url") if isinstance(data, dict) else None
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            return url
    return None


def _load(path: Path, display: str, max_bytes: int) -> LoadedFile:
    """One file, whatever it holds: its articles, or an IngestError with a reason a person
    understands. Nothing else escapes: a reader's bug costs one file, never the run."""
    try:
        return _read_file(path, display, max_bytes)
    except IngestError:
        raise
    except Exception as err:  # any failure of one file is that file's error
        raise IngestError(display, plain_reason(err)) from err


def _read_file(path: Path, display: str, max_bytes: int) -> LoadedFile:
    fmt = format_of(path)
    if fmt is None:
        raise IngestError(display, "unsupported file type")
    raw, content = read_bytes(path, display, max_bytes)
    source = SourceFile(display, hashlib.sha256(raw).hexdigest(), len(raw), fmt)
    text = decode_text(content, display, html=fmt == "html")
    del raw, content  # only the text is held while it is parsed
    errors: list[InputError] = []
    articles: list[Article]
    if fmt == "html":
        articles, errors = load_html_page(text, display, url_hint=sidecar_url(path))
    elif fmt == "json":
        articles, errors = load_json(text, display)
    elif fmt == "jsonl":
        articles, errors = load_jsonl(text, display)
    else:
        markdown = path.name.lower().removesuffix(".gz").endswith(".md")
        articles, errors = load_text(text, display, markdown=markdown)
    return LoadedFile(source, articles, errors)


def load_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedFile:
    """One file -> its articles. Raises IngestError(path, reason) when nothing can be read."""
    path = Path(path)
    return _load(path, shown_path(path.as_posix()), max_bytes)


def iter_corpus(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[LoadedFile | InputError]:
    """Every supported file found recursively under each path (a path may be a single file), in
    sorted order of displayed POSIX paths, each loaded or an InputError naming file and reason."""
    for entry in discover(paths):
        if entry.error is not None:
            yield InputError(entry.display, entry.error)
            continue
        try:
            yield _load(entry.path, entry.display, max_bytes)
        except IngestError as err:
            yield err.as_input_error()
