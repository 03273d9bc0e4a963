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

from checker.ingest.common import IngestError, LoadedFile
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
    fmt = format_of(path)
    if fmt is None:
        raise IngestError(display, "unsupported file type")
    raw, content = read_bytes(path, display, max_bytes)
    source = SourceFile(display, hashlib.sha256(raw).hexdigest(), len(raw), fmt)
    text = decode_text(content, display, html=fmt == "html")
    errors: list[InputError] = []
    articles: list[Article]
    try:
        if fmt == "html":
            articles = load_html_page(text, display, url_hint=sidecar_url(path))
        elif fmt == "json":
            articles, errors = load_json(text, display)
        elif fmt == "jsonl":
            articles, errors = load_jsonl(text, display)
        else:
            markdown = path.name.lower().removesuffix(".gz").endswith(".md")
            articles, errors = load_text(text, display, markdown=markdown)
    except IngestError:
        raise
    except (RecursionError, MemoryError) as err:
        raise IngestError(display, f"too deeply nested or too large to read ({type(err).__name__})") from err
    except Exception as err:  # a reader bug must cost one file, not the run
        raise IngestError(display, f"could not be read: unexpected {type(err).__name__}: {err}") from err
    return LoadedFile(source, articles, errors)


def load_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedFile:
    """One file -> its articles. Raises IngestError(path, reason) when nothing can be read."""
    path = Path(path)
    return _load(path, path.as_posix(), max_bytes)


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
