"""Where a command may write, checked before it starts (so a long run never ends in a refusal).

The rule (README, "Guarantees"): an output never replaces an input of the check, a file the next
check would read as an article, another output of the same run, or an existing file the checker
did not write. A file counts as written by the checker when its first bytes are those of the
kind expected there (a JSON report, a ClaimReview list, a baseline, a report page with the
checker's generator tag) or when it is empty. Any of these is one line and exit 2 (`BadInput`),
and so is a location that cannot take the file (below a regular file, read-only, /proc).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from checker.cli.common import BadInput

HEAD_BYTES = 4096
REPORT_PAGES = ("index.html", "findings.html", "rules.html")
REPORT_FOLDERS = ("stories", "outlets")  # their *.html are replaced by each run
STATIC = ("static/report.css", "static/report.js")
GENERATOR = b'<meta name="generator" content="checker">'


@dataclass(frozen=True)
class Output:
    option: str  # "--json"
    path: Path
    kind: str  # "json", "claimreview", "baseline" or "db" (a store: checked when it is opened)


def guard_outputs(
    outputs: Sequence[Output],
    html_dir: Path | None,
    inputs: Sequence[Path],
    read_files: Sequence[tuple[str, Path]] = (),
) -> None:
    """Refuse (BadInput) outputs that would replace what they must not, or cannot be written;
    create their folders. `inputs`: the paths checked; `read_files`: other files the run reads
    (option, path), like --config and --baseline."""
    _distinct(outputs, html_dir)
    named = {_real(p): str(p) for p in inputs if not p.is_dir()}
    named.update({_real(p): f"{option} {p}" for option, p in read_files})
    folders = [(_real(p), p) for p in inputs if p.is_dir()]
    for out in outputs:
        real = _real(out.path)
        if real in named and not (out.kind == "baseline" and named[real].startswith("--baseline")):
            raise BadInput(f"{out.option} {out.path}: it is an input of this check ({named[real]}); never written over")
        _not_an_article(out.option, out.path, folders)
    if html_dir is not None:
        _html_apart_from_inputs(html_dir, inputs)
    for out in outputs:
        if out.kind != "db":
            usable_file(out.option, out.path, out.kind)
    if html_dir is not None:
        usable_folder("--html", html_dir)
        _html_written_by_checker(html_dir)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _distinct(outputs: Sequence[Output], html_dir: Path | None) -> None:
    seen: dict[Path, Output] = {}
    for out in outputs:
        real = _real(out.path)
        if real in seen:
            raise BadInput(f"{seen[real].option} and {out.option} name the same file {out.path}: give each its own")
        seen[real] = out
        if html_dir is not None and _report_file(real, _real(html_dir)):
            raise BadInput(f"{out.option} {out.path}: a file of the HTML report in --html {html_dir}: put it elsewhere")


def _report_file(real: Path, html_real: Path) -> bool:
    """A file the HTML report in `html_real` writes or replaces."""
    if not real.is_relative_to(html_real):
        return False
    relative = real.relative_to(html_real).as_posix()
    top = relative.split("/", 1)[0]
    return relative in REPORT_PAGES or relative in STATIC or (top in REPORT_FOLDERS and relative.endswith(".html"))


def _read_as_input(relative: Path) -> bool:
    """Whether the walker would read a file at `relative` below an input folder (its rules:
    hidden names and documentation are skipped, supported formats read)."""
    from checker.ingest.reading import format_of
    from checker.ingest.walk import NOT_ARTICLES

    if any(part.startswith(".") for part in relative.parts):
        return False
    name = relative.name
    return format_of(Path(name)) is not None and name.lower().split(".")[0] not in NOT_ARTICLES


def _not_an_article(option: str, path: Path, folders: Iterable[tuple[Path, Path]]) -> None:
    real = _real(path)
    for folder, given in folders:
        if real.is_relative_to(folder) and _read_as_input(real.relative_to(folder)):
            if path.exists():
                raise BadInput(f"{option} {path}: an input of this check (in {given}); never written over")
            raise BadInput(
                f"{option} {path}: inside the input folder {given}, where the next check would read it as an "
                "article: write it elsewhere"
            )


def _html_apart_from_inputs(html_dir: Path, inputs: Sequence[Path]) -> None:
    html_real = _real(html_dir)
    for path in inputs:
        real = _real(path)
        if path.is_dir() and html_real.is_relative_to(real) and _read_as_input(html_real.relative_to(real) / "x.html"):
            raise BadInput(
                f"--html {html_dir}: inside the input folder {path}, where the next check would read its pages as "
                "articles: write it elsewhere"
            )
        inside = real.is_relative_to(html_real) and real != html_real
        if inside and (_report_file(real, html_real) or real.relative_to(html_real).parts[0] in REPORT_FOLDERS):
            raise BadInput(f"--html {html_dir}: its pages would replace the input {path}: write the report elsewhere")


def usable_file(option: str, path: Path, kind: str) -> None:
    """`path` can be written as an output of `kind`: its folder exists (created here) and takes a
    new file; an existing file there is a device, a pipe, empty or one the checker wrote."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # the folders are looked at next
        info = None
    except OSError as exc:
        raise BadInput(f"{option} {path}: cannot use it ({exc.strerror or exc})") from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise BadInput(f"{option} {path}: a folder, not a file")
        if stat.S_ISREG(info.st_mode):
            if not written_by_checker(path, kind):
                raise BadInput(
                    f"{option} {path}: an existing file the checker did not write (not {_KIND_NAMES[kind]}); "
                    "the checker replaces only its own outputs: give another path or remove it"
                )
            if not os.access(path, os.W_OK):
                raise BadInput(f"{option} {path}: not writable")
            return
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            return  # /dev/null, /dev/stdout, a pipe: writing replaces nothing
        raise BadInput(f"{option} {path}: not a regular file")
    usable_folder(option, path.parent, of=path)


def usable_folder(option: str, folder: Path, of: Path | None = None) -> None:
    """`folder` exists (created here, with its parents) and takes a new file."""
    shown = of if of is not None else folder
    ancestor = folder
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise BadInput(f"{option} {shown}: {ancestor} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".checker-probe-"):
            pass
    except OSError as exc:
        raise BadInput(f"{option} {shown}: cannot write in {folder} ({exc.strerror or exc})") from exc


_KIND_NAMES = {
    "json": "a JSON report",
    "claimreview": "a ClaimReview list",
    "baseline": "a checker baseline",
    "html": "a page of a checker report",
}


def written_by_checker(path: Path, kind: str) -> bool:
    """Whether an existing regular file is empty or starts as the checker writes files of `kind`."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    if not head:
        return True
    if kind == "json":
        return re.match(rb'\{\s*"schema_version"\s*:', head) is not None and b'"generated_at"' in head
    if kind == "claimreview":
        stripped = head.strip()
        return stripped == b"[]" or (stripped.startswith(b"[") and b'"@type": "ClaimReview"' in head)
    if kind == "baseline":
        return b'"tool": "checker"' in head and b'"baseline_version"' in head
    if kind == "html":
        return GENERATOR in head
    return False


def _html_written_by_checker(html_dir: Path) -> None:
    """Every page the report would replace is a checker page, and so are the static files, when
    they differ from the shipped ones, unless a checker page beside them shows the folder is a report."""
    pages = [html_dir / name for name in REPORT_PAGES]
    for sub in REPORT_FOLDERS:
        folder = html_dir / sub
        if folder.is_dir():
            pages.extend(sorted(folder.glob("*.html")))
    for page in pages:
        if page.is_file() and not written_by_checker(page, "html"):
            raise BadInput(
                f"--html {html_dir}: {page} is not a page the checker wrote; the report replaces only its own "
                "pages: give another folder"
            )
    if any(page.is_file() and page.stat().st_size > 0 for page in pages):
        return
    shipped = resources.files("checker.report") / "static"
    for name in STATIC:
        target = html_dir / name
        if target.is_file() and target.stat().st_size and target.read_bytes() != (shipped / target.name).read_bytes():
            raise BadInput(f"--html {html_dir}: {target} is not a file the checker wrote: give another folder")
