"""Progress of `checker check` on stderr: a tqdm bar per pipeline stage, with elapsed time and rate.

The pipeline reports `(stage, done, total)` through its progress callback (`checker.pipeline.Progress`);
`StageBars` is that callback. A stage may report nothing for a while (grouping a large corpus, the
workers aligning the first batch of stories), so a ticker thread redraws the open bar every half
second: its elapsed time keeps moving and the run never looks hung. Quiet unless enabled (the CLI
enables it when stderr is a terminal, or with --progress).
"""

from __future__ import annotations

import sys
import threading
from typing import IO, Any

# stage -> (label, unit)
STAGES = {
    "ingest": ("reading", "file"),
    "stories": ("grouping", "article"),
    "align": ("checking", "story"),
}


class StageBars:
    """The pipeline's progress callback: a bar per stage on `file` (stderr), each kept when done."""

    def __init__(self, enabled: bool, file: IO[str] | None = None, tick: float = 0.5) -> None:
        self.enabled = enabled
        self.file = file
        self.tick = tick
        self.stage = ""
        self.bar: Any = None  # the open tqdm bar
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        with self._lock:
            if stage != self.stage:
                self._close_bar()
                self.stage = stage
                self.bar = self._open(stage, total)
            elif self.bar is None:
                return  # the stage ended already
            if total and self.bar.total != total:
                self.bar.total = total
            if done > self.bar.n:
                self.bar.update(done - self.bar.n)
            if total and done >= total:
                self._close_bar()  # done: its elapsed time and rate stay as they ended
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._redraw, name="checker-progress", daemon=True)
            self._ticker.start()

    def _open(self, stage: str, total: int) -> Any:
        from tqdm import tqdm

        label, unit = STAGES.get(stage, (stage, "item"))
        return tqdm(
            total=total or None,
            desc=label,
            unit=unit,
            file=self.file if self.file is not None else sys.stderr,
            dynamic_ncols=True,
            mininterval=0.2,
            leave=True,
        )

    def _redraw(self) -> None:
        while not self._stop.wait(self.tick):
            with self._lock:
                if self.bar is not None:
                    self.bar.refresh()

    def _close_bar(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def close(self) -> None:
        """Stop the ticker and leave the last bar as it ended."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            self._close_bar()
