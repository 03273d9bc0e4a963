"""Execution engines: where the per-file, per-article and per-story work of a run executes.

The pipeline cuts its parallel work into batches (files to read, articles to analyse, stories to
align and check) and hands each batch to `Engine.map(fn, batches, **shared)`, which returns
`[fn(batch, **shared) for batch in batches]` in order. `fn` must be a module-level function and
pure (the same batch, the same result), so where it runs changes nothing in the output.
`Engine.submit(...)` is the same map started in the background: it returns a `Pending` to call for
the results, so that the calling process can do its own sequential work (grouping stories, writing
the store) while the workers run (an engine without workers runs the map when it is called). The
call returns an iterator that yields each result, in order, as soon as it is ready: the caller
can take in the first tasks' results while the last ones still run. A caller that has its own
work to do first can then help: `take_last(pending)` takes back the last batch no worker has
started, for the caller to run (the local pool only; other engines keep every batch).

- `LocalEngine()` runs in the calling process, one batch after another (the library's default:
  embedded, no services). `LocalEngine(workers=N)` spreads batches over N processes on this
  machine (the CLI's default: one per core); shared arguments are pickled once per `map` and
  unpickled once per worker, not once per task.
- `DaskEngine(scheduler)` runs each batch as a Dask task: `scheduler` is a Distributed
  scheduler address (`tcp://host:8786`), a `distributed.Client`, `"sync"` (Dask's synchronous
  scheduler, for tests and debugging), `"threads"`/`"processes"`, or None for a LocalCluster
  with one worker process per core. Shared arguments (the knowledge base, the rule
  configuration) are sent once per worker, not once per task. Needs `pip install checker[dask]`.

Global stages (grouping articles into stories, rules that compare two stories, scoring outlets,
writing the store and the reports) stay in the calling process.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import itertools
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")


Pending = Callable[[], Iterator[R]]  # the results of a submitted map, in order, each as it is ready


class Engine(Protocol):
    name: str

    def map(self, fn: Callable[..., R], batches: Sequence[T], **shared: Any) -> list[R]: ...

    def submit(self, fn: Callable[..., R], batches: Sequence[T], **shared: Any) -> Pending[R]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Batches in this process (workers=1) or in a pool of worker processes."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._calls = itertools.count()

    def map(self, fn: Callable[..., R], batches: Sequence[T], **shared: Any) -> list[R]:
        return list(self.submit(fn, batches, **shared)())

    def submit(self, fn: Callable[..., R], batches: Sequence[T], **shared: Any) -> Pending[R]:
        if self.workers == 1 or len(batches) < 2:
            return lambda: (fn(batch, **shared) for batch in batches)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, initializer=_start_worker)
        # the knowledge base alone takes ~25 ms to pickle and unpickle: once per map, not per task
        token = (os.getpid(), id(self), next(self._calls))
        blob = pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)
        return _PoolMap([self._pool.submit(_with_shared, fn, batch, token, blob) for batch in batches])

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class _PoolMap(Generic[R]):
    """A map running on a pool: call it for the results in order, as each is ready."""

    def __init__(self, futures: list[Future[R]]) -> None:
        self.futures = futures

    def __call__(self) -> Iterator[R]:
        return (f.result() for f in self.futures if not f.cancelled())

    def take_last(self) -> int | None:
        """See `take_last`."""
        for k in range(len(self.futures) - 1, -1, -1):
            if self.futures[k].cancelled():
                continue
            return k if self.futures[k].cancel() else None
        return None


def take_last(pending: Pending[Any]) -> int | None:
    """Take the last batch of a submitted map back from the workers, if none has started it, so
    that the caller runs it itself: its index, or None (every batch started, or an engine that
    cannot give work back). The map's results then leave it out.

    For a caller that has its own work to do first, then helps: workers start batches in order,
    so taking them from the end leaves the two meeting in the middle."""
    take = getattr(pending, "take_last", None)
    return take() if take is not None else None


WORKER_NICENESS = 10  # see _start_worker
WORKER_GC_THRESHOLD = 20_000  # allocations between young collections in a worker (Python's default: 700)


def _start_worker() -> None:
    """In a new worker process: yield the CPU to the driver when both want it. The driver's own
    work (grouping stories, writing the store) is sequential and on the run's critical path, the
    workers' batches are not; with workers on every core the driver otherwise got ~70% of one."""
    with contextlib.suppress(OSError, AttributeError):  # not on every platform; never fatal
        os.nice(WORKER_NICENESS)
    gc.enable()  # a worker forked while the driver holds automatic collection back still collects
    # A task unpickles and makes ~100k objects: at the default threshold (700) the young
    # collections promoted them and the full ones walked them again and again (~3,600 collections,
    # 3.9 CPU-s of a 10k run's workers, timed with gc.callbacks; 0.8 s and no full ones at 20k).
    # The young garbage waiting for a collection stays small.
    gc.set_threshold(WORKER_GC_THRESHOLD, 10, 10)
    gc.freeze()  # what it inherited stays alive: never walk it again (nor touch its shared pages)


def release_freed_memory() -> None:
    """Hand the memory this process has freed back to the operating system.

    glibc keeps freed heap memory for reuse rather than returning it: a batch run's driver lets
    go of its story index (~130 MB at 10k articles, measured as resident memory) and a worker of
    each task's data, and both stayed resident until the process ended. `malloc_trim(0)` returns
    it (a few ms to ~30 ms); where the C library has no such call (macOS, musl) this does nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


_worker_shared: dict[object, dict[str, Any]] = {}  # token -> shared arguments, the most recent few
WORKER_SHARED_KEPT = 4  # maps submitted together interleave their tasks


def _with_shared(fn: Callable[..., R], batch: Any, token: object, blob: bytes) -> R:
    """In a worker process: `fn(batch, **shared)`, unpickling `shared` once per map."""
    shared = _worker_shared.get(token)
    if shared is None:
        if len(_worker_shared) >= WORKER_SHARED_KEPT:
            del _worker_shared[next(iter(_worker_shared))]
        shared = _worker_shared[token] = pickle.loads(blob)
    try:
        return fn(batch, **shared)
    finally:
        release_freed_memory()


class DaskUnavailable(RuntimeError):
    """Dask is not installed: `pip install 'checker[dask]'`."""


class DaskEngine:
    """Batches as Dask tasks, on a Distributed cluster or one of Dask's local schedulers."""

    name = "dask"

    def __init__(self, scheduler: Any = None) -> None:
        try:
            import dask  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise DaskUnavailable("the dask engine needs Dask: pip install 'checker[dask]'") from exc
        self._owned: list[Any] = []
        self._local: str | None = None
        self.client: Any = None
        if isinstance(scheduler, str) and scheduler in ("sync", "synchronous", "threads", "processes"):
            self._local = "sync" if scheduler == "synchronous" else scheduler
            return
        from distributed import Client, LocalCluster

        if scheduler is None:
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, dashboard_address=None)
            self._owned.append(cluster)
            scheduler = cluster
        self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
        if self.client is not scheduler:
            self._owned.insert(0, self.client)

    def map(self, fn: Callable[..., R], batches: Sequence[T], **shared: Any) -> list[R]:
        return list(self.submit(fn, batches, **shared)())

    def submit(self, fn: Callable[..., R], batches: Sequence[T], **shared: Any) -> Pending[R]:
        if not batches:
            return lambda: iter([])
        if self._local is not None:
            import dask

            scheduler = self._local
            shared_d = {k: dask.delayed(v, pure=False) for k, v in shared.items()}
            tasks = [dask.delayed(fn, pure=False)(batch, **shared_d) for batch in batches]
            return lambda: iter(dask.compute(*tasks, scheduler=scheduler))
        shared_f = {k: self.client.scatter(v, broadcast=True, hash=False) for k, v in shared.items()}
        futures = self.client.map(fn, list(batches), pure=False, **shared_f)
        return lambda: (future.result() for future in futures)

    def close(self) -> None:
        for owned in self._owned:
            owned.close()
        self._owned = []


MAX_DEFAULT_WORKERS = 8  # beyond this the driver's sequential stages dominate anyway


def default_workers() -> int:
    """Worker processes when none are asked for: the cores this process may run on (a container's
    CPU set, not the host's count), at most MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


def make_engine(name: str = "local", scheduler: Any = None, workers: int = 1) -> Engine:
    """An engine by name: "local" (embedded) or "dask" (optional extra)."""
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(scheduler)
    raise ValueError(f"unknown engine {name!r}: one of {', '.join(ENGINES)}")


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """`items` cut into consecutive lists of at most `size`."""
    return [list(items[i : i + size]) for i in range(0, len(items), max(1, size))]
