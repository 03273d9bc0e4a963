"""Finding the supported files under the input paths, safely: symbolic-link loops, broken links
and unreadable folders become errors instead of crashes or endless walks."""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checker.ingest.common import shown_path
from checker.ingest.reading import FORMATS, SIDECAR_SUFFIX, format_of, os_reason

# documentation kept beside a corpus, not articles (still read when named as an input path)
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "contributing"})


@dataclass(frozen=True)
class Entry:
    display: str  # the path as given joined with the relative path, POSIX separators
    path: Path
    error: str | None = None


def _display(raw: str | Path) -> str:
    text = shown_path(str(raw)).replace(os.sep, "/")
    return PurePosixPath(text).as_posix() if text else "."


def _supported_list() -> str:
    return ", ".join(sorted({*FORMATS, *(s + ".gz" for s in FORMATS)}))


def _stat_error(path: Path, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop: the link resolves to itself, not followed"
    if isinstance(err, FileNotFoundError) and path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link: its target '{target}' does not exist"
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    return os_reason(err)


_Folder = tuple[Path, str, dict[tuple[int, int], str], bool]  # path, display, ancestors, via link


class _Walker:
    def __init__(self, skipped: Counter[str]) -> None:
        self.skipped = skipped
        self.entries: dict[str, Entry] = {}
        self.files: list[tuple[bool, str, Path, tuple[int, int]]] = []
        self.walked: set[tuple[int, int]] = set()
        self.linked: list[_Folder] = []  # directories behind links: walked after all real ones

    def error(self, display: str, path: Path, message: str) -> None:
        self.entries.setdefault(display, Entry(display, path, message))

    def root(self, raw: str | Path) -> None:
        root, display = Path(raw), _display(raw)
        try:
            info = root.stat()
        except OSError as err:
            self.error(display, root, _stat_error(root, err))
            return
        if stat.S_ISREG(info.st_mode):
            if format_of(root) is None:
                self.error(display, root, f"unsupported file type (supported: {_supported_list()})")
            else:
                self.files.append((False, display, root, (info.st_dev, info.st_ino)))
        elif stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key not in self.walked:
                self.walked.add(key)
                self.walk((root, display, {key: display}, False))
        else:
            self.error(display, root, "not a regular file or directory")

    def walk(self, start: _Folder) -> None:
        """Depth-first with an explicit stack; each folder carries the directories above it."""
        stack = [start]
        while stack:
            folder, display, ancestors, via_link = stack.pop()
            try:
                with os.scandir(folder) as listing:
                    children = sorted(listing, key=lambda child: child.name)
            except OSError as err:
                self.error(display, folder, f"cannot list the directory: {os_reason(err, 'directory')}")
                continue
            for child in reversed(children):
                if child.name.startswith("."):
                    self.skipped["hidden (the name starts with a dot)"] += 1
                    continue
                if child.name.lower().split(".")[0] in NOT_ARTICLES:
                    self.skipped["documentation (README, LICENSE, ...)"] += 1
                    continue
                path, child_display = Path(child.path), f"{display}/{shown_path(child.name)}"
                is_link = child.is_symlink()
                try:
                    info = os.stat(path)
                except OSError as err:
                    if not is_link or format_of(child.name) or not Path(child.name).suffix:
                        self.error(child_display, path, _stat_error(path, err))
                    else:
                        self.skipped[_unsupported(child.name)] += 1
                    continue
                key = (info.st_dev, info.st_ino)
                if stat.S_ISDIR(info.st_mode):
                    if key in ancestors:
                        loop = f"symbolic link loop: it leads back to '{ancestors[key]}', not followed"
                        self.error(child_display, path, loop)
                        continue
                    entry = (
                        path,
                        child_display,
                        {**ancestors, key: child_display},
                        via_link or is_link,
                    )
                    if is_link:
                        self.linked.append(entry)
                    elif key not in self.walked:
                        self.walked.add(key)
                        stack.append(entry)
                elif stat.S_ISREG(info.st_mode) and format_of(child.name):
                    self.files.append((via_link or is_link, child_display, path, key))
                elif not child.name.lower().endswith(SIDECAR_SUFFIX):  # (a fetched page's record)
                    regular = stat.S_ISREG(info.st_mode)
                    self.skipped[_unsupported(child.name) if regular else _NOT_REGULAR] += 1

    def finish(self) -> list[Entry]:
        while self.linked:  # walking a linked folder may find more links: sorted, one at a time
            self.linked.sort(key=lambda item: item[1], reverse=True)
            folder = self.linked.pop()
            try:
                info = os.stat(folder[0])
            except OSError as err:
                self.error(folder[1], folder[0], _stat_error(folder[0], err))
                continue
            if (info.st_dev, info.st_ino) not in self.walked:
                self.walked.add((info.st_dev, info.st_ino))
                self.walk(folder)
        # a file reached twice (links, hard links) is read once, preferably by its real path
        seen: set[tuple[int, int]] = set()
        for _, display, path, key in sorted(self.files, key=lambda item: (item[0], item[1])):
            if key not in seen:
                seen.add(key)
                self.entries.setdefault(display, Entry(display, path))
            else:
                self.skipped["reached again through a link (read once)"] += 1
        return [self.entries[name] for name in sorted(self.entries)]


_NOT_REGULAR = "not a regular file (a pipe, socket or device)"


def _unsupported(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return f"unsupported ({suffix})" if 1 < len(suffix) <= 12 else "unsupported (no known suffix)"


def discover(paths: Sequence[str | Path], skipped: Counter[str] | None = None) -> list[Entry]:
    """Every supported file (and every problem) under `paths`, sorted by displayed path. Hidden
    names (starting with '.') and fetch sidecars are skipped; directories behind symbolic links
    are walked after the real ones, and a link leading back to an ancestor is a loop error.
    `skipped` counts what was passed over in the folders, by reason."""
    walker = _Walker(Counter() if skipped is None else skipped)
    for raw in paths:
        walker.root(raw)
    return walker.finish()
