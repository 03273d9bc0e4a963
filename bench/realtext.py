"""The benchmark's real-text cases: `checker check` run as a whole process on real articles.

Cases: the real development set itself (`dev`), corpora of a given size built on it by
`bench.realistic` (`10000`, `50000`), and the dense stream (`--dense N`: N articles over a month).
Each runs the CLI in a child process, as a user would, and measures the whole process tree:
wall time, articles per second, CPU seconds (the checker and every worker it waited for, from
the kernel's accounting of children), and peak memory, sampled every `SAMPLE_S`: the sum of the
resident sizes of the checker and its workers (pages shared after a fork count in each: an upper
bound), and, every `PSS_EVERY`-th sample, their proportional set sizes (shared pages split among
sharers: the machine's memory the run held, what the 2 GB target is read against). A run the
kernel kills, or that fails, is a row with its exit code, not a traceback.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import realistic

TODAY = "2025-12-01"
SAMPLE_S = 0.5
PSS_EVERY = 4  # a PSS sample reads every process's smaps_rollup (~25 ms at 10k): one in four
DENSE_DAYS = 30
TARGET_RATE = 300.0  # articles/s end to end at 10k (issue 28)
TARGET_MB = 2000.0  # the whole run, all processes, at 50k (issue 28; MiB, as the synthetic table)


def cases(spec: str, dense: int, source: Path) -> list[tuple[str, int]]:
    """(name, articles) of the asked cases: `spec` is a comma-separated list of `dev` and sizes."""
    out = []
    for part in (p.strip() for p in spec.split(",")):
        if part == "dev":
            out.append(("dev", _count_lines(source)))
        elif part and int(part) > 0:
            out.append(("real", int(part)))
    if dense > 0:
        out.append(("dense", dense))
    return out


def corpus(work: Path, name: str, n: int, source: Path, seed: int = 0) -> Path:
    """The corpus of a case: the source itself, or one generated under `work` (reused)."""
    if name == "dev":
        return source
    path = work / f"corpus-{name}-{n}"
    done = path / ".complete"
    if not done.exists():
        rows = realistic.load_source(source)
        realistic.write_corpus(path, n, rows, seed=seed, dense_days=DENSE_DAYS if name == "dense" else 0)
        done.write_text("ok\n")
    return path


def run(work: Path, name: str, n: int, source: Path, workers: int = 0) -> dict[str, Any]:
    """Run `checker check` on a case's corpus in a child process and measure its whole tree."""
    path = corpus(work, name, n, source)
    out = work / f"real-{name}-{n}"
    out.mkdir(parents=True, exist_ok=True)
    db = out / "store.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    cmd = [sys.executable, "-c", _CLI, "check", str(path), "--db", str(db), "--json", str(out / "findings.json")]
    cmd += ["--html", str(out / "html"), "--fail-on", "never", "--no-progress", "--today", TODAY]
    cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    clock = time.perf_counter()
    with (out / "stderr.txt").open("w+", encoding="utf-8") as stderr:  # a file: a full pipe would stall it
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, text=True, env=_child_env())
        peak_rss, peak_pss = _watch(proc)
        wall = time.perf_counter() - clock
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        stderr.seek(0)
        err = stderr.read()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "case": name,
        "articles": n,
        "wall_s": wall,
        "rate": n / wall if wall > 0 else 0.0,
        "cpu_s": cpu,
        "rss_mb": peak_rss,
        "pss_mb": peak_pss,
        "exit": proc.returncode,
        "error": err.strip().splitlines()[-1] if proc.returncode and err.strip() else "",
    }


# the `checker` command, run by this interpreter (the checker has no `__main__`)
_CLI = "import sys; from checker.cli import main; sys.argv[0] = 'checker'; sys.exit(main())"


def _watch(proc: subprocess.Popen[str]) -> tuple[float, float | None]:
    """Sample the tree's memory until the process ends: (peak RSS sum, peak PSS sum) in MB."""
    from bench.speed import tree_pss_mb

    peak_rss, peak_pss, k = 0.0, None, 0
    while True:
        try:
            proc.wait(timeout=SAMPLE_S)
            return peak_rss, peak_pss
        except subprocess.TimeoutExpired:
            pass
        peak_rss = max(peak_rss, tree_rss_mb(proc.pid) or 0.0)
        if k % PSS_EVERY == 0:
            pss = tree_pss_mb(proc.pid)
            peak_pss = peak_pss if pss is None else max(peak_pss or 0.0, pss)
        k += 1


def tree_rss_mb(pid: int) -> float | None:
    """The resident sizes of a process and all its descendants, summed, in MB (psutil)."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return None
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue  # a worker that has just ended
    return total / 2**20


def table(rows: list[dict[str, Any]]) -> str:
    """The rows as a Markdown table, the targets beside the numbers."""
    lines = [
        f"| case | articles | wall (s) | articles/s (target >= {TARGET_RATE:.0f}) | CPU (s) | "
        f"peak RSS sum MB | peak PSS sum MB (target <= {TARGET_MB:,.0f} at 50k) | exit |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        pss = "-" if r["pss_mb"] is None else f"{r['pss_mb']:,.0f}"
        status = str(r["exit"]) + (f" ({r['error']})" if r["error"] else "")
        lines.append(
            f"| {_label(r)} | {r['articles']:,} | {r['wall_s']:.1f} | {r['rate']:.1f} | {r['cpu_s']:.1f} | "
            f"{r['rss_mb']:,.0f} | {pss} | {status} |"
        )
    return "\n".join(lines)


def _child_env() -> dict[str, str]:
    from bench.speed import _child_env as env

    return env()  # this repository's checker, whatever is installed


def _label(row: dict[str, Any]) -> str:
    return {"dev": "allsides-articles-dev", "real": "realistic", "dense": f"dense ({DENSE_DAYS} days)"}[row["case"]]


def _count_lines(source: Path) -> int:
    return len(realistic.load_source(source))
