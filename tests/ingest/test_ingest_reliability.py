"""One bad file costs that file, never the run: charsets that are no text encoding, file names
that are not UTF-8, strings that cannot be written, numbers Python refuses, readers that fail;
and every failure reads as a reason, not as an exception's text."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import pipeline
from checker.cli import main
from checker.ingest import IngestError, iter_corpus, load_file
from checker.ingest import formats as formats_module
from checker.ingest.common import plain_reason, shown_path, valid_text
from checker.ingest.walk import discover
from checker.model import InputError, short_hash
from checker.store import Store

ARTICLE = (
    "The harbour bridge reopened to traffic on Tuesday after eleven months of repairs, officials said. "
    "The work cost the city 42 million euros and finished two weeks early."
)


def page(charset: str, body: bytes) -> bytes:
    head = f'<html><head><meta charset="{charset}"><title>Bridge reopens</title></head><body><article>'
    return head.encode("ascii") + b"<p>" + body + b"</p></article></body></html>"


@pytest.mark.parametrize(
    "charset",
    ["zlib", "base64", "bz2", "hex", "quopri", "rot13", "uu", "unicode_escape", "idna", "x-no-such-charset"],
)
def test_a_page_declaring_a_charset_that_is_no_text_encoding_is_read(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "page.html"
    # one byte that is not UTF-8 sends the reader to the declared charset
    path.write_bytes(page(charset, ARTICLE.replace("The work", "The caf\xe9 work").encode("cp1252")))
    (article,) = load_file(path).articles
    assert "café work" in article.text  # read as the Western fallback, not by the named codec


def test_a_page_in_a_real_declared_charset_still_uses_it(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    russian = "Мост через гавань снова открыт для движения во вторник, сообщили власти города. " * 2
    path.write_bytes(page("koi8-r", russian.encode("koi8_r")))
    (article,) = load_file(path).articles
    assert "Мост через гавань" in article.text


@pytest.mark.skipif(sys.platform != "linux", reason="a file name of raw bytes needs a Linux file system")
def test_a_file_name_that_is_not_utf8_is_read_stored_and_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    raw = os.path.join(os.fsencode(corpus), b"caf\xe9-r\xfcckblick.txt")
    with open(raw, "wb") as handle:
        handle.write(f"---\ntitle: Bridge\noutlet: Daily\n---\n{ARTICLE}\n".encode())
    (entry,) = discover([corpus])
    assert entry.display.endswith("/caf\\xe9-r\\xfcckblick.txt")
    entry.display.encode("utf-8")  # storable and printable
    json_path = tmp_path / "report.json"
    args = ["check", str(corpus), "--db", str(tmp_path / "c.db"), "--json", str(json_path)]
    result = CliRunner().invoke(main, [*args, "--html", str(tmp_path / "html"), "--no-progress"])
    assert result.exit_code == 0, result.output
    report = json.loads(json_path.read_text(encoding="utf-8"))
    assert report["articles"][0]["path"].endswith("caf\\xe9-r\\xfcckblick.txt")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain.txt", "plain.txt"),
        ("café.txt", "café.txt"),  # UTF-8 names stay as they are
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),  # an escaped byte
        ("x\ud800y.txt", "x\ufffdy.txt"),  # a surrogate that is no escaped byte
    ],
)
def test_shown_path(name: str, shown: str) -> None:
    assert shown_path(name) == shown


def test_short_hash_takes_any_string() -> None:
    assert short_hash("a\udce9b") != short_hash("a\udce8b")
    assert short_hash("plain") == short_hash("plain")  # (ids of valid text are unchanged)


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    record = {"title": "Bridge \\ud800 reopens", "source": "Daily \\udfff", "text": ARTICLE + " \\ud83d end."}
    path.write_text(json.dumps(record).replace("\\\\u", "\\u") + "\n", encoding="utf-8")
    (article,) = load_file(path).articles
    for value in (article.title, article.outlet, article.text, *article.provenance.values()):
        value.encode("utf-8")
    assert "\ufffd" in article.text
    with Store(tmp_path / "c.db") as store:  # what failed on them later: the store
        store.save_files([(load_file(path).source, [(article, [], [])])], None, "v")


@pytest.mark.parametrize(("text", "expected"), [("abc", "abc"), ("a\ud800b", "a\ufffdb"), ("é\udfff", "é\ufffd")])
def test_valid_text(text: str, expected: str) -> None:
    assert valid_text(text) == expected


def test_a_number_python_refuses_to_convert_costs_nothing(tmp_path: Path) -> None:
    digits = "9" * 5000  # over Python's 4,300-digit limit for int()
    path = tmp_path / "items.jsonl"
    path.write_text(
        f'{{"id": {digits}, "title": "Bridge", "source": "Daily", "text": "{ARTICLE}"}}\n', encoding="utf-8"
    )
    loaded = load_file(path)
    assert len(loaded.articles) == 1 and loaded.errors == []
    json_path = tmp_path / "one.json"
    json_path.write_text(f'[{{"views": -{digits}, "source": "Daily", "text": "{ARTICLE}"}}]', encoding="utf-8")
    assert len(load_file(json_path).articles) == 1


def test_a_deeply_nested_jsonl_line_costs_that_line(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    good = json.dumps({"title": "Bridge", "source": "Daily", "text": ARTICLE})
    other = json.dumps({"title": "Rates", "source": "Daily", "text": "The bank kept rates at 4% on Thursday, it said."})
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n" + other + "\n")
    loaded = load_file(path)
    assert [a.title for a in loaded.articles] == ["Bridge", "Rates"]
    (error,) = loaded.errors
    assert error.line == 2 and error.message == f"line 2: {plain_reason(RecursionError())}"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (RecursionError("maximum recursion depth exceeded"), "too deeply nested to read"),
        (MemoryError(), "too large to read"),
        (ValueError("Exceeds the limit (4300 digits) for integer string conversion"), "internal error (ValueError)"),
        (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"), "internal error (UnicodeEncodeError)"),
    ],
)
def test_plain_reason_never_quotes_the_exception(error: Exception, reason: str) -> None:
    message = plain_reason(error)
    assert reason in message
    assert str(error) not in message or not str(error)


def test_a_reader_bug_costs_one_file_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(f"Bridge\n\n{ARTICLE}\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"source": "Daily", "text": ARTICLE}), encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("internal detail")

    monkeypatch.setattr("checker.ingest.load_text", broken)
    items = list(iter_corpus([tmp_path]))
    assert [type(i).__name__ for i in items] == ["InputError", "LoadedFile"]
    assert isinstance(items[0], InputError)
    assert items[0].message == "could not be read: internal error (KeyError), please report it"
    with pytest.raises(IngestError, match="internal error"):
        load_file(tmp_path / "a.txt")


def test_a_failure_counting_an_articles_terms_costs_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(f"Harbour bridge reopens\n\n{ARTICLE}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Bank keeps rates\n\nThe bank kept rates at 4% on Thursday, it said. {ARTICLE}\n")
    real = pipeline.article_terms

    def flaky(title: str, text: str, weight: int) -> object:
        if title == "Harbour bridge reopens":
            raise AttributeError("internal detail")
        return real(title, text, weight)

    monkeypatch.setattr(pipeline, "article_terms", flaky)
    result = pipeline.check([tmp_path])
    assert [a.title for a in result.articles] == ["Bank keeps rates"]
    assert [(Path(e.path).name, e.message) for e in result.errors] == [
        ("a.txt", "could not be read: internal error (AttributeError), please report it")
    ]


def test_a_json_record_that_breaks_a_reader_costs_that_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = formats_module.piece_from_object

    def flaky(obj: dict[str, object], *args: object) -> object:
        if obj.get("title") == "bad":
            raise TypeError("internal detail")
        return real(obj, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(formats_module, "piece_from_object", flaky)
    path = tmp_path / "items.json"
    records = [{"title": "bad", "text": ARTICLE}, {"title": "good", "source": "Daily", "text": ARTICLE}]
    path.write_text(json.dumps(records), encoding="utf-8")
    loaded = load_file(path)
    assert [a.title for a in loaded.articles] == ["good"]
    assert [e.message for e in loaded.errors] == [
        "item 1 (line 1): could not be read: internal error (TypeError), please report it"
    ]
