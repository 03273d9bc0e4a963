"""`checker fetch` against a local HTTP server on 127.0.0.1, then `checker check` on what it saved."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.conftest import check_args

PAGE = b"""<!doctype html><html><head><title>Flood kills 12</title>
<meta property="og:site_name" content="Valley Times"><meta property="article:published_time" content="2024-09-15">
</head><body><nav>Home | World</nav><article><h1>Flood kills 12</h1>
<p>The flood killed 12 people in the valley on Sunday, the regional governor said at a news conference.</p>
<p>Rescue teams searched villages along the river for a second day as the water slowly receded.</p>
</article><footer>Copyright</footer></body></html>"""


class Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = PAGE if self.path == "/flood" else b"x" * 3_000_000
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_fetch_then_check(server: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = CliRunner().invoke(main, ["fetch", f"{server}/flood", "--to", str(corpus), "--allow-private"])
    assert result.exit_code == 0, result.output
    (page,) = corpus.rglob("*.html")
    (sidecar,) = corpus.rglob("*.fetch.json")
    assert json.loads(sidecar.read_text())["url"] == f"{server}/flood"
    assert page.read_bytes() == PAGE
    checked = CliRunner().invoke(main, check_args(tmp_path, corpus))
    assert checked.exit_code == 0, checked.output
    (article,) = json.loads((tmp_path / "f.json").read_text())["articles"]
    assert article["outlet"] == "Valley Times" and article["url"] == f"{server}/flood"


@pytest.mark.parametrize(
    ("url", "reason"),
    [("/big", "over the limit"), ("ftp://example.org/x", "http"), ("/flood", "private")],
)
def test_fetch_refuses(server: str, tmp_path: Path, url: str, reason: str) -> None:
    target = url if "://" in url else f"{server}{url}"
    args = ["fetch", target, "--to", str(tmp_path), "--max-mb", "1"]
    if reason != "private":
        args.append("--allow-private")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert reason in result.stderr.lower()
