"""Types shared by the ingest modules, and the two things every reader must hand on safely:
a reason a person understands for any failure, and text that can be stored and written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.model import Article, InputError, SourceFile


class IngestError(Exception):
    """A file that cannot be turned into articles, with a reason a person understands."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def as_input_error(self) -> InputError:
        return InputError(self.path, self.message)


@dataclass
class LoadedFile:
    """One file's articles, plus problems that spoiled only part of it (a malformed JSONL line)."""

    source: SourceFile
    articles: list[Article]
    errors: list[InputError] = field(default_factory=list)


_SURROGATE = re.compile("[\ud800-\udfff]")


def plain_reason(err: BaseException) -> str:
    """Why a file (or a JSON record) could not be read, for a person: never the exception's own
    text, which names Python internals ("Exceeds the limit (4300 digits) for integer string
    conversion"). An exception no reader expects is a bug of the checker: it says so."""
    if isinstance(err, RecursionError):
        return "too deeply nested to read (lists or objects inside each other thousands of levels deep)"
    if isinstance(err, MemoryError):
        return "too large to read: the computer ran out of memory"
    return f"could not be read: internal error ({type(err).__name__}), please report it"


def valid_text(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD. JSON may spell them ("\\ud800"), and a
    file name that is not UTF-8 holds them (surrogateescape); neither can be written as UTF-8,
    so the store, the reports or a hash would fail on them later."""
    if text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


def shown_path(name: str) -> str:
    """A file name as it is shown and stored: bytes that are not UTF-8 (kept by Python as
    surrogates) written as backslash escapes, `caf\\xe9.txt`; the file itself is still opened
    by its real name."""
    if name.isascii():
        return name
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte (a name made in Python)
        return valid_text(name)
