"""What a file must be before the store opens it for writing, and whether a run's process lives.

`inspect(path)` looks at a --db file without changing it: nothing there, an empty file, a
checker store (marked with APPLICATION_ID, or made before the mark and recognised by its tables)
are fine; a text or HTML file, a truncated database or another program's SQLite database raise
`NotAStore` with a message for a person, and the file is left as it was.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from checker.store.schema import APPLICATION_ID, CHECKER_TABLES

SQLITE_MAGIC = b"SQLite format 3\x00"
HOST = socket.gethostname()


class NotAStore(ValueError):
    """The file cannot be used as a checker store; the message says why."""


def inspect(path: Path) -> str:
    """What is at `path`: "new" (no file, or an empty one), "store" (a marked checker store) or
    "unmarked" (a checker store made before the mark, or an empty database). Raises NotAStore;
    never writes."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "new"
    except NotADirectoryError as exc:
        above = next((p for p in path.parents if p.is_file()), path.parent)
        raise NotAStore(f"{path}: {above} is a file, not a folder") from exc
    except OSError as exc:
        raise NotAStore(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise NotAStore(f"{path}: not a regular file")
    if info.st_size == 0:
        return "new"
    _check_header(path, info.st_size)
    application_id, tables = _read_marks(path)
    if application_id == APPLICATION_ID:
        return "store"
    if application_id != 0:
        raise NotAStore(
            f"{path}: the SQLite database of another program (application_id {application_id:#x}); "
            "the checker writes only its own stores: give a new file"
        )
    if not tables or tables >= CHECKER_TABLES:
        return "unmarked"
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    raise NotAStore(
        f"{path}: a SQLite database that is not a checker store (its tables: {shown}); "
        "the checker adds no tables to another database: give a new file"
    )


def _check_header(path: Path, size: int) -> None:
    """A SQLite file whole: its header's magic, and as many pages as the header counts."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise NotAStore(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    if not header.startswith(SQLITE_MAGIC):
        raise NotAStore(f"{path}: not a SQLite database, so not a checker store: give a new file or a store")
    if len(header) < 100:
        raise NotAStore(f"{path}: a damaged (truncated) SQLite database: give a new file or a store")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # the page count is valid when written by the same change as the change counter
    counted = header[92:96] == header[24:28] and pages > 0
    if counted and size < pages * page_size:
        raise NotAStore(
            f"{path}: a damaged (truncated) SQLite database: {size} bytes of {pages * page_size}; "
            "give a new file or a store"
        )


def _read_marks(path: Path) -> tuple[int, set[str]]:
    """The application_id and the table names, read through a read-only connection."""
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise NotAStore(f"{path}: cannot open it as a SQLite database ({exc})") from exc
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise NotAStore(f"{path}: a damaged or unreadable SQLite database ({exc})") from exc
    finally:
        conn.close()
    return application_id, tables


def process_alive(pid: int | None, host: str | None) -> bool:
    """Whether the process that started a run may still be running it. A run recorded before
    runs had a pid, or by this very process id (reused: it is not this run), is over; a run on
    another machine cannot be looked at and counts as alive."""
    if pid is None:
        return False
    if host != HOST:
        return True
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process its parent has not reaped yet still answers os.kill (Linux: /proc)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return status.rpartition(")")[2].split()[:1] in (["Z"], ["X"])
