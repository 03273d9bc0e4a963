"""Types shared by the ingest modules."""

from __future__ import annotations

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
