"""fetch() against a local http.server started here (127.0.0.1, a thread)."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from checker.ingest import IngestError, iter_corpus
from checker.ingest.fetch import fetch, slug_for
from checker.model import InputError

PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Bridge reopens</title></head><body>"
    b"<nav><a href='/'>Home</a></nav><article><h1>Bridge reopens</h1>"
    b"<p>The Harbour bridge reopened to traffic on Tuesday after eleven months of repairs that"
    b" cost the city 42 million euros, officials said.</p>"
    b"<p>Mayor Jonas Berg said the work had been finished two weeks ahead of schedule.</p>"
    b"</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {
        "/news/bridge-reopens.html": (200, "text/html; charset=utf-8", PAGE),
        "/big.html": (200, "text/html", b"<html><body>" + b"x" * 50_000 + b"</body></html>"),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4"),
    }

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/bridge-reopens.html")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path == "/unsized":  # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>" + b"y" * 50_000)
            return
        status, kind, body = self.routes.get(self.path, (404, "text/html", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that give up early (size cap, time-out) break the pipe on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_fetch_writes_page_and_sidecar(server: str, tmp_path: Path) -> None:
    url = f"{server}/news/bridge-reopens.html"
    page = fetch(url, tmp_path, allow_private=True)
    assert page == tmp_path / "127.0.0.1" / f"{slug_for(url)}.html"
    assert page.name.startswith("bridge-reopens-")
    assert page.read_bytes() == PAGE
    sidecar = json.loads(page.with_name(page.name.replace(".html", ".fetch.json")).read_text())
    assert sidecar["url"] == url
    assert sidecar["status"] == 200
    assert sidecar["sha256"] == hashlib.sha256(PAGE).hexdigest()
    assert datetime.strptime(sidecar["fetched_at"], "%Y-%m-%dT%H:%M:%SZ")


def test_fetched_page_loads_with_the_sidecar_url(server: str, tmp_path: Path) -> None:
    url = f"{server}/news/bridge-reopens.html"
    fetch(url, tmp_path, allow_private=True)
    (loaded,) = list(iter_corpus([tmp_path]))
    assert not isinstance(loaded, InputError)
    (article,) = loaded.articles
    assert article.url == url
    assert article.provenance["url"] == "fetch sidecar"
    assert article.text.startswith("The Harbour bridge reopened")


def test_redirect_is_followed(server: str, tmp_path: Path) -> None:
    page = fetch(f"{server}/moved", tmp_path, allow_private=True)
    sidecar = json.loads(page.with_name(page.name.replace(".html", ".fetch.json")).read_text())
    assert sidecar["final_url"].endswith("/news/bridge-reopens.html")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/big.html", "page is 50.0 kB (50,026 bytes), over the limit of 10.0 kB (10,000 bytes)"),
        ("/unsized", "page is over the limit of 10.0 kB (10,000 bytes)"),
        ("/missing", "HTTP 404 Not Found"),
        ("/report.pdf", "not an HTML page (content type application/pdf)"),
        ("/to-file", "Redirection to url 'file:///etc/passwd' is not allowed"),
    ],
)
def test_fetch_failures(server: str, tmp_path: Path, path: str, message: str) -> None:
    with pytest.raises(IngestError) as caught:
        fetch(f"{server}{path}", tmp_path, max_bytes=10_000, allow_private=True)
    assert message in caught.value.message
    assert caught.value.path.endswith(path)
    assert not list(tmp_path.rglob("*.html"))


def test_time_out(server: str, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"timed out after 0\.2 s"):
        fetch(f"{server}/slow", tmp_path, timeout=0.2, allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/story.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "example.com/story",
    ],
)
def test_non_http_urls_are_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(IngestError, match="only http:// and https:// URLs"):
        fetch(url, tmp_path)


def test_private_addresses_need_permission(server: str, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"non-public address 127\.0\.0\.1"):
        fetch(f"{server}/news/bridge-reopens.html", tmp_path)
