"""iter_corpus over folders: order, encodings, gzip, bad inputs, links, determinism."""

# ruff: noqa: E501 - fixtures hold news paragraphs, which are single long lines

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from checker.ingest import IngestError, LoadedFile, iter_corpus, load_file
from checker.model import InputError

STORY = (
    "Café owners in Zürich said the “new rules” would cost €40 — or more — per week.\n"
    "The mayor’s office declined to comment on Tuesday.\n"
)
LATIN = "Les élèves de l'école à Besançon ont reçu un prix. Señor Muñoz était là, à côté du maître.\n"
HTML = (
    "<html><head><title>Bridge</title></head><body><article>"
    "<p>The Harbour bridge reopened to traffic on Tuesday after eleven months of repairs that cost "
    "the city 42 million euros, officials said on Tuesday evening.</p>"
    "<p>Mayor Jonas Berg said the work had been finished two weeks ahead of schedule.</p>"
    "</article></body></html>"
)


def run(paths: list[Path | str], **kwargs: int) -> tuple[dict[str, LoadedFile], dict[str, str]]:
    loaded: dict[str, LoadedFile] = {}
    errors: dict[str, str] = {}
    for item in iter_corpus(paths, **kwargs):
        if isinstance(item, InputError):
            errors[item.path] = item.message
        else:
            loaded[item.source.path] = item
    return loaded, errors


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder mixing good files, bad files and awkward links."""
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "a" / "utf8.txt").write_text(STORY, encoding="utf-8")
    (root / "a" / "utf8-bom.txt").write_bytes(b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    (root / "a" / "utf16.txt").write_bytes(STORY.encode("utf-16"))  # with BOM
    (root / "a" / "cp1252.txt").write_bytes(STORY.encode("cp1252"))
    (root / "a" / "latin1.txt").write_bytes(LATIN.encode("latin-1"))
    (root / "b" / "page.html").write_text(HTML, encoding="utf-8")
    (root / "b" / "page.html.gz").write_bytes(gzip.compress(HTML.replace("Harbour", "Ferry").encode()))
    (root / "b" / "deep" / "story.txt.gz").write_bytes(gzip.compress(STORY.encode("utf-8")))
    (root / "b" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "b" / "empty.html").write_text("", encoding="utf-8")
    (root / "b" / "chrome.htm").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><footer>© 2024 Site</footer></body></html>",
        encoding="utf-8",
    )
    (root / "b" / "feed.jsonl").write_text(
        json.dumps({"text": "A fine article body.", "source": "nyt"}) + "\n{oops\n",
        encoding="utf-8",
    )
    (root / "b" / "big.txt").write_text("word " * 2000, encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")  # unsupported: skipped silently
    (root / ".hidden.txt").write_text(STORY, encoding="utf-8")  # hidden: skipped
    os.symlink("..", root / "b" / "deep" / "up")  # a loop back to an ancestor
    os.symlink("self.txt", root / "a" / "self.txt")  # a link to itself
    os.symlink("missing.txt", root / "a" / "broken.txt")
    os.symlink("utf8.txt", root / "a" / "alias.txt")  # the same file twice: read once
    return root


def test_good_files_load_and_bad_files_are_errors(corpus: Path) -> None:
    loaded, errors = run([corpus], max_bytes=5000)
    p = corpus.as_posix()
    assert sorted(loaded) == [
        f"{p}/a/cp1252.txt",
        f"{p}/a/latin1.txt",
        f"{p}/a/utf16.txt",
        f"{p}/a/utf8-bom.txt",
        f"{p}/a/utf8.txt",
        f"{p}/b/deep/story.txt.gz",
        f"{p}/b/feed.jsonl",
        f"{p}/b/page.html",
        f"{p}/b/page.html.gz",
    ]
    assert set(errors) == {
        f"{p}/a/broken.txt",
        f"{p}/a/self.txt",
        f"{p}/b/big.txt",
        f"{p}/b/binary.txt",
        f"{p}/b/chrome.htm",
        f"{p}/b/deep/up",
        f"{p}/b/empty.html",
    }
    assert "broken symbolic link" in errors[f"{p}/a/broken.txt"]
    assert "symbolic link loop" in errors[f"{p}/a/self.txt"]
    assert "symbolic link loop" in errors[f"{p}/b/deep/up"]
    assert errors[f"{p}/b/big.txt"] == "file is 10.0 kB (10,000 bytes), over the limit of 5.0 kB (5,000 bytes)"
    assert errors[f"{p}/b/binary.txt"].startswith("binary file, not text")
    assert errors[f"{p}/b/empty.html"].startswith("no article text found")
    assert errors[f"{p}/b/chrome.htm"].startswith("no article text found")
    (feed_error,) = loaded[f"{p}/b/feed.jsonl"].errors
    assert feed_error.path == f"{p}/b/feed.jsonl" and feed_error.message.startswith("line 2: malformed JSON")


@pytest.mark.parametrize("name", ["utf8.txt", "utf8-bom.txt", "utf16.txt", "cp1252.txt"])
def test_encodings_decode_to_the_same_text(corpus: Path, name: str) -> None:
    (article,) = load_file(corpus / "a" / name).articles
    assert article.text == STORY.strip().replace("\n", "\n\n")


def test_latin1(corpus: Path) -> None:
    (article,) = load_file(corpus / "a" / "latin1.txt").articles
    assert article.text == LATIN.strip()


def test_gzip_and_source_file_record(corpus: Path) -> None:
    loaded = load_file(corpus / "b" / "page.html.gz")
    raw = (corpus / "b" / "page.html.gz").read_bytes()
    assert loaded.source.format == "html"
    assert loaded.source.sha256 == hashlib.sha256(raw).hexdigest()
    assert loaded.source.size == len(raw)
    assert "Ferry bridge reopened" in loaded.articles[0].text


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 3_000_000))
    assert path.stat().st_size < 10_000
    with pytest.raises(IngestError, match=r"decompresses to more than the limit of 1\.0 MB"):
        load_file(path, max_bytes=1_000_000)


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("feed.jsonl.gz", '{"text": "Gzipped JSON lines work too.", "source": "fox"}\n', "jsonl"),
        ("items.json.gz", '[{"text": "Gzipped JSON works too.", "source": "hpo"}]', "json"),
        ("notes.md.gz", "# Gzipped notes\n\nGzipped Markdown works too, officials said.\n", "text"),
        ("page.htm.gz", HTML, "html"),
    ],
)
def test_every_format_gzipped(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    (tmp_path / name).write_bytes(gzip.compress(content.encode("utf-8")))
    loaded = load_file(tmp_path / name)
    assert loaded.source.format == fmt and len(loaded.articles) == 1 and loaded.errors == []


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "bad.json.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(IngestError, match="not a valid gzip file"):
        load_file(path)


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: a chmod 000 file is still readable")
        loaded, errors = run([tmp_path])
    finally:
        locked.chmod(0o644)
    assert errors == {locked.as_posix(): "permission denied: the file cannot be read"}
    assert list(loaded) == [(tmp_path / "ok.txt").as_posix()]


def test_permission_errors_without_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same failures as chmod 000 gives a normal user, simulated so root runs them too."""
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text(STORY, encoding="utf-8")
    real_open, real_scandir = Path.open, os.scandir

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def guarded_scandir(path: Any) -> Any:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "open", guarded_open)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    loaded, errors = run([tmp_path])
    assert errors == {
        (tmp_path / "locked.txt").as_posix(): "permission denied: the file cannot be read",
        (tmp_path / "closed").as_posix(): "cannot list the directory: permission denied: the directory cannot be read",
    }
    assert list(loaded) == [(tmp_path / "ok.txt").as_posix()]


def test_paths_as_given_and_single_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in" / "x").mkdir(parents=True)
    (tmp_path / "in" / "x" / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "three.csv").write_text("a,b\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loaded, errors = run(["in/", "two.md", "three.csv", "nowhere"])
    assert list(loaded) == ["in/x/one.txt", "two.md"]
    assert loaded["two.md"].articles[0].path == "two.md"
    assert errors["nowhere"] == "no such file or directory"
    assert errors["three.csv"].startswith("unsupported file type")


def test_order_is_sorted_and_runs_are_identical(corpus: Path) -> None:
    first = list(iter_corpus([corpus]))
    second = list(iter_corpus([corpus]))
    assert first == second
    paths = [item.path if isinstance(item, InputError) else item.source.path for item in first]
    assert paths == sorted(paths)


def test_a_directory_reached_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "one.txt").write_text(STORY, encoding="utf-8")
    os.symlink("real", tmp_path / "link")
    loaded, errors = run([tmp_path])
    assert errors == {}
    assert list(loaded) == [(tmp_path / "real" / "one.txt").as_posix()]


def test_windows_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(
        b"Title line here\r\nBy Jo Bloggs | Some Paper | 2024-01-02\r\n\r\nThe council said on Monday it would build a school.\r\nIt opens in 2026, the mayor said.\r\n"
    )
    (article,) = load_file(path).articles
    assert (article.outlet, article.author, article.title) == (
        "Some Paper",
        "Jo Bloggs",
        "Title line here",
    )
    assert "\r" not in article.text
    assert article.line_of(article.text.index("It opens")) == 5


def test_corpus_documentation_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About this corpus\n\nCollected in 2024 by the desk team.\n")
    (tmp_path / "LICENSE.txt").write_text("Permission is hereby granted, free of charge, to any person.\n")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    loaded, errors = run([tmp_path])
    assert list(loaded) == [(tmp_path / "story.txt").as_posix()] and errors == {}
    assert load_file(tmp_path / "README.md").articles  # still readable when asked for by name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", "", "no article text found (the file is empty)"),
        (
            "furniture.txt",
            "Home » News » World\nShare this\nLeave a Reply\nGreat post!\n",
            "no article text found",
        ),
        ("empty.json", "[]", "no article text found (an empty JSON list)"),
        ("empty.jsonl", "\n\n", "empty file: no JSON lines"),
        (
            "deep.json",
            "[" * 50_000 + "]" * 50_000,
            "too deeply nested to read (lists or objects inside each other thousands of levels deep)",
        ),
    ],
)
def test_files_without_articles(tmp_path: Path, name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    loaded, errors = run([tmp_path])
    assert errors == {(tmp_path / name).as_posix(): message}
    assert list(loaded) == [(tmp_path / "story.txt").as_posix()]
