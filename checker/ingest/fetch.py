"""Download one page into the corpus: `dest/<host>/<slug>.html` plus `<slug>.fetch.json`.

Uses urllib rather than `trafilatura.fetch_url`: trafilatura caps size (MAX_FILE_SIZE) and time
(DOWNLOAD_TIMEOUT, whole seconds) through its config, but answers every failure with None (no
reason to show), retries 429/5xx with back-off sleeps of up to 30 s, and its SSRF guard refuses
loopback addresses outright. Here every failure is an IngestError that says what went wrong; the
same guard against private addresses applies unless `allow_private=True` (tests, intranets).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import re
import socket
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from http.client import HTTPMessage
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from checker.ingest.common import IngestError
from checker.ingest.reading import SIDECAR_SUFFIX, human_size

USER_AGENT = "checker-ingest/0.1 (cross-outlet consistency checker)"
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _check_url(url: str, *, allow_private: bool) -> str:
    """The host of an acceptable URL; IngestError for other schemes or private addresses."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as err:
        raise IngestError(url, f"not a valid URL ({err})") from err
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "no scheme"
        raise IngestError(url, f"only http:// and https:// URLs can be fetched, not {shown}")
    if not host:
        raise IngestError(url, "the URL has no host")
    if not allow_private:
        try:
            infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
        except socket.gaierror as err:
            raise IngestError(url, f"cannot resolve host '{host}' ({err.strerror})") from err
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            if not address.is_global:
                raise IngestError(
                    url,
                    f"refusing to fetch from the non-public address {address} (allow_private=True allows it)",
                )
    return host.lower()


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to acceptable http(s) URLs."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        _check_url(newurl, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def slug_for(url: str) -> str:
    """A file name for a URL: its last path segment, tidied, plus a short hash of the whole URL."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    last = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", segments[-1] if segments else "index", flags=re.I)
    slug = re.sub(r"[^a-z0-9]+", "-", last.lower()).strip("-")[:80] or "index"
    return f"{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"


def _read_capped(response: IO[bytes], max_bytes: int, deadline: float) -> bytes:
    """At most max_bytes + 1 bytes, and not past the deadline (a server dripping bytes)."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read(min(65536, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fetch(
    url: str,
    dest: Path,
    *,
    max_bytes: int = 5_000_000,
    timeout: float = 20.0,
    allow_private: bool = False,
) -> Path:
    """Download `url` (http/https only) into `dest/<host>/<slug>.html`, with the sidecar
    `<slug>.fetch.json` = {url, final_url, fetched_at (UTC), status, sha256, bytes, content_type}.
    Raises IngestError(url, reason) for a bad scheme, a private address, a time-out, an HTTP
    error, a non-HTML answer, or a page over `max_bytes`."""
    host = _check_url(url, allow_private=allow_private)
    opener = urllib.request.build_opener(_Redirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    limit = f"the limit of {human_size(max_bytes)}"
    try:
        with opener.open(request, timeout=timeout) as response:
            status = int(response.status)
            content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            if content_type and content_type not in _HTML_TYPES:
                raise IngestError(url, f"not an HTML page (content type {content_type})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(url, f"page is {human_size(int(declared))}, over {limit}")
            data = _read_capped(response, max_bytes, time.monotonic() + timeout)
            final_url = response.geturl()
    except IngestError:
        raise
    except urllib.error.HTTPError as err:
        raise IngestError(url, f"HTTP {err.code} {err.reason}") from err
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError | socket.timeout):
            raise IngestError(url, f"timed out after {timeout:g} s") from err
        raise IngestError(url, f"cannot connect: {err.reason}") from err
    except TimeoutError as err:
        raise IngestError(url, f"timed out after {timeout:g} s") from err
    except OSError as err:
        raise IngestError(url, f"download failed: {err}") from err
    if len(data) > max_bytes:
        raise IngestError(url, f"page is over {limit}")
    folder = Path(dest) / re.sub(r"[^a-z0-9.-]+", "_", host)
    slug = slug_for(url)
    page = folder / f"{slug}.html"
    sidecar = {
        "url": url,
        "final_url": final_url,
        "fetched_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "status": status,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "content_type": content_type or None,
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(page, data)
        sidecar_text = json.dumps(sidecar, indent=2) + "\n"
        _write_atomic(folder / f"{slug}{SIDECAR_SUFFIX}", sidecar_text.encode("utf-8"))
    except OSError as err:
        raise IngestError(url, f"cannot save the page under {folder}: {err.strerror or err}") from err
    return page
