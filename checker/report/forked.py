"""Share independent pieces of work among processes forked from this one.

The report's story and outlet pages need everything built before them (the report data, the
compiled templates), and sending that to worker processes cost as much as rendering: unpickling
page contexts is slow. A fork shares it all for free (copy on write); each process renders its own
deterministic share of the pages and writes the files itself, so nothing comes back but an exit
status and, on failure, the traceback text through a pipe.

"For free" holds for time, not memory: every object a child reads gets its reference count
written, so the page it sits on is copied, and at 50k articles the two processes held 2.8 GB
where the driver alone held 1.5 GB. With a local engine's workers the report sends them each
story page's inputs instead (a `StoryPage`, not its rendered context: `html.write_html`); this
is the way without them.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_MESSAGE_LIMIT = 16_000  # bytes of a child's traceback sent back (the tail, where the error is)


class WorkerError(RuntimeError):
    """A forked worker process failed; the message carries its traceback."""


def can_fork() -> bool:
    return hasattr(os, "fork")


def run_shared(tasks: Sequence[T], work: Callable[[T], object], workers: int) -> None:
    """`work(task)` for every task, split among `workers` processes: this one and `workers - 1`
    forked children, process k doing tasks[k::n]. Serial when `workers <= 1` or without fork.

    The children end with `os._exit` (never returning into the caller's code, flushing stdio
    buffers inherited from the parent or running atexit handlers). This process waits for all of
    them, and raises WorkerError if any failed (its own exception first, if it failed itself)."""
    count = min(workers, len(tasks))
    if count <= 1 or not can_fork():
        for task in tasks:
            work(task)
        return
    children: list[tuple[int, int, int]] = []
    try:
        for rank in range(1, count):
            children.append(_fork(rank, count, tasks, work))
        for task in tasks[0::count]:
            work(task)
    finally:
        failures = [failure for child in children if (failure := _wait(*child))]
    if failures:
        raise WorkerError("\n".join(failures))


def _fork(rank: int, count: int, tasks: Sequence[T], work: Callable[[T], object]) -> tuple[int, int, int]:
    """Start the child doing tasks[rank::count]; returns (rank, pid, read end of its pipe)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never leaves this block
        status = 1
        try:
            os.close(read)
            for task in tasks[rank::count]:
                work(task)
            status = 0
        except BaseException:
            message = traceback.format_exc().encode("utf-8", "replace")[-_MESSAGE_LIMIT:]
            with contextlib.suppress(OSError):  # the parent still sees the exit status
                os.write(write, message)  # below the pipe's capacity: cannot block
        finally:
            os._exit(status)
    os.close(write)  # else later children inherit it and the pipe never reaches end of file
    return rank, pid, read


def _wait(rank: int, pid: int, read: int) -> str:
    """Wait for one child; '' when it succeeded, else what went wrong."""
    chunks = []
    with os.fdopen(read, "rb") as pipe:  # read to the end first: a long message must not block the child
        chunks.append(pipe.read())
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == 0:
        return ""
    how = f"exit status {code}" if code > 0 else f"signal {-code}"
    detail = b"".join(chunks).decode("utf-8", "replace").strip()
    return f"worker process {rank} (pid {pid}) failed ({how})" + (f":\n{detail}" if detail else "")
