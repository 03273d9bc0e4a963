"""Bytes in, text out: supported formats, size caps, gzip, binary detection and encodings."""

from __future__ import annotations

import codecs
import errno
import gzip
import re
import zlib
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from checker.ingest.common import IngestError

# file suffix -> SourceFile.format; the same suffix plus ".gz" is gunzipped first
FORMATS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
}
SIDECAR_SUFFIX = ".fetch.json"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# what charset-normalizer calls Western single-byte text: decoded as cp1252 (latin-1 as a fallback)
_WESTERN = frozenset(
    [
        "ascii",
        "cp1252",
        "windows-1252",
        "latin_1",
        "iso8859_1",
        "iso8859_15",
        "cp1250",
        "iso8859_2",
        "mac_roman",
        "mac_latin2",
        "cp850",
        "cp437",
        "utf_16_be",
        "utf_16_le",
        "utf_32",
    ]
)
# text codecs of Python's own that are no web charset: what they make of a page is not its text
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def format_of(path: Path | str) -> str | None:
    """'html', 'text', 'json', 'jsonl' for a supported name (also with '.gz'), else None."""
    name = (path if isinstance(path, Path) else Path(path)).name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        return None
    if name.endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")  # `Path(name).suffix`, without building a path per file
    return FORMATS.get(name[dot:] if 0 < dot < len(name) - 1 else "")


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB ({size:,} bytes)"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB ({size:,} bytes)"
    return f"{size:,} bytes"


def os_reason(err: OSError, what: str = "file") -> str:
    """A short sentence for an OS error, without the path (the caller names the file)."""
    if isinstance(err, PermissionError):
        return f"permission denied: the {what} cannot be read"
    if err.errno == errno.ELOOP:
        return "symbolic link loop: the link points back to itself"
    if isinstance(err, FileNotFoundError):
        return "no such file (a broken symbolic link or the file was removed)"
    if isinstance(err, IsADirectoryError):
        return "is a directory, not a file"
    return f"cannot read the file: {err.strerror or err}"


def _read_up_to(handle: BinaryIO, expected: int, cap: int) -> bytes:
    """`handle.read(cap)`, without asking for `cap` bytes at once: a read allocates what it is
    asked for, and the cap is far above the size of most files. The file may have grown since
    `expected` was its size: reading one byte more shows that, and the rest is read then."""
    first = min(expected + 1, cap)
    raw = handle.read(first)
    if len(raw) == first < cap:
        raw += handle.read(cap - first)
    return raw


def read_bytes(path: Path, display: str, max_bytes: int) -> tuple[bytes, bytes]:
    """(raw bytes as stored, decompressed content), both capped at `max_bytes`."""
    limit = f"the limit of {human_size(max_bytes)}"
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(display, f"file is {human_size(size)}, over {limit}")
        with path.open("rb") as handle:
            raw = _read_up_to(handle, size, max_bytes + 1)
    except OSError as err:
        raise IngestError(display, os_reason(err)) from err
    if len(raw) > max_bytes:  # grew since stat
        raise IngestError(display, f"file is over {limit}")
    if not path.name.lower().endswith(".gz"):
        return raw, raw
    try:
        # a streaming read stops at the cap: a small bomb never expands in memory
        decompressor = zlib.decompressobj(wbits=31)
        content = decompressor.decompress(raw, max_bytes + 1)
        while decompressor.eof and decompressor.unused_data and len(content) <= max_bytes:
            rest = decompressor.unused_data.lstrip(b"\0")  # a multi-member gzip stream
            if not rest:
                break
            decompressor = zlib.decompressobj(wbits=31)
            content += decompressor.decompress(rest, max_bytes + 1 - len(content))
    except (zlib.error, gzip.BadGzipFile, EOFError) as err:
        raise IngestError(display, f"not a valid gzip file ({err})") from err
    if len(content) > max_bytes:
        raise IngestError(display, f"decompresses to more than {limit}")
    if not decompressor.eof:
        raise IngestError(display, "not a valid gzip file (the compressed data is truncated)")
    return raw, content


def _bom_decode(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    return None


def _western_share(text: str) -> float:
    """Share of letters outside ASCII: low for Western European text, high for e.g. Cyrillic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if ord(c) > 127) / len(letters)


def _single_byte_decode(data: bytes) -> str:
    """Not UTF-8: Western text as cp1252 (latin-1 when cp1252 cannot), else charset-normalizer."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = data.decode("latin-1")
    if _western_share(western) <= 0.3:
        return western
    best = from_bytes(data).best()
    if best is not None and best.encoding.lower() not in _WESTERN:
        return str(best)
    return western


def _declared_charset(data: bytes) -> str | None:
    """The page's `<meta charset>` when it names a text encoding. Python also has codecs from
    bytes to bytes (zlib, base64, hex, bz2, quopri, uu), rot13 and escape codecs, which no page
    is written in: a page naming one is treated as naming an unknown charset."""
    found = _META_CHARSET.search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore")
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def decode_text(data: bytes, display: str, *, html: bool = False) -> str:
    """Text from bytes: a BOM wins, then strict UTF-8, then (HTML) the declared charset, then a
    Western single-byte guess; NUL bytes or control characters mean a binary file."""
    text = _bom_decode(data)
    if text is None:
        if b"\x00" in data:
            raise IngestError(display, "binary file, not text (it contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            declared = _declared_charset(data) if html else None
            text = None
            if declared and declared not in ("utf-8", "utf-16", "utf-32"):
                try:
                    text = data.decode(declared)
                except (ValueError, LookupError):  # UnicodeError is a ValueError
                    text = None
            if text is None:
                text = _single_byte_decode(data)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise IngestError(display, "binary file, not text (too many control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
