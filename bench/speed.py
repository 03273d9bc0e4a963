"""Benchmark on synthetic corpora (`bench.synthetic`): `python -m bench.speed` (`make bench`).

For each size: wall time per stage (ingest, segment, claims, stories, align, rules, scores,
report; `store` is the time spent writing the SQLite store), articles per second end to end,
peak memory and store size. Peak memory is given twice: the largest resident size of the run's
own process (the driver), and the largest sum, sampled every half second, of the proportional
set sizes of the driver and every process under it (its workers): shared pages counted once,
split among their sharers, so the machine's memory the run held (Linux; "-" elsewhere). The
sampling takes CPU from the run it watches, so it watches one more run of each size, not the
timed ones. With `--repeat`, the timed runs go in rounds (every size once a round), so that a
drift in the machine's speed weighs on every size alike; the scaling ratios are also given
round by round.

Then the incremental case: one new article checked against stores of the given sizes
(`check(..., against_store=True)`), median of three different new articles, with the time to
fill each store.

Then the real-text cases (`bench.realtext`): `checker check` run as a whole process on the real
development set and, with `--real`/`--dense`, on corpora of 10k and 50k built on it
(`bench.realistic`) and a dense stream, with the whole process tree's wall time, CPU time and
peak memory, beside the targets.

Before and after the runs, a machine probe: the same small check timed alone and two at once
(`probe`), so that runs on a machine whose speed varies (a shared VM) can be compared.

Each measurement runs in a fresh child process so that its peak memory is its own. Corpora are
written under --workdir (default a temporary directory) and reused when already there.

    python -m bench.speed                       # quick default, a few minutes
    python -m bench.speed --full                # the issue's sizes (an hour or more on 2 cores)
    python -m bench.speed --sizes 1000,10000 --incremental 1000,10000 --form html --engine dask
    python -m bench.speed --sizes '' --incremental '' --html 0 --real dev,10000   # real text only
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# (batch sizes, incremental archive sizes, HTML pages)
QUICK = ("1000,2000", "1000,2000", 200)
DEFAULT = ("1000,5000", "1000,5000", 500)
FULL = ("1000,10000,50000", "1000,10000,100000", 1000)
STAGES = ("ingest", "segment", "claims", "stories", "align", "rules", "scores", "store", "report")
TODAY = dt.date(2025, 12, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="batch sizes in articles (comma-separated)")
    parser.add_argument("--incremental", help="archive sizes for the one-new-article case")
    parser.add_argument("--html", type=int, help="pages in the HTML batch (0: none)")
    parser.add_argument("--form", default="text", choices=("text", "jsonl", "html"), help="form of the batch corpora")
    parser.add_argument("--engine", default="local", choices=("local", "dask"))
    parser.add_argument("--scheduler", default=None, help="Dask scheduler address (dask engine)")
    parser.add_argument(
        "--workers", type=int, default=0, help="local engine: worker processes (default 0: one per core, as the CLI)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per batch size, in rounds of every size; the row is the median run (VM speeds vary)",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes (a minute or two)")
    parser.add_argument("--full", action="store_true", help="the issue's sizes: 1k/10k/50k, 1k/10k/100k")
    parser.add_argument(
        "--real",
        default=None,
        help="real-text cases, `checker check` as a whole process: dev (allsides-articles-dev) and sizes "
        "built on it by bench.realistic, comma-separated (default dev,10000; --full dev,10000,50000; '' none)",
    )
    parser.add_argument("--dense", type=int, default=None, help="real-text dense stream: articles over a month")
    parser.add_argument("--real-source", type=Path, default=None, help="the real articles (JSONL folder)")
    parser.add_argument("--probe", type=int, default=PROBE_ARTICLES, help="articles in the machine probe (0: none)")
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora and stores go")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON")
    parser.add_argument("--_child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--_probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._child:
        print(json.dumps(_child(args._child, args.engine, args.scheduler, args.workers)))
        return 0
    if args._probe:
        print(json.dumps(_probe_child(args._probe)))
        return 0
    preset = FULL if args.full else QUICK if args.quick else DEFAULT
    # "" or 0 turns a part off: --incremental "" runs no incremental case
    sizes = [int(s) for s in (preset[0] if args.sizes is None else args.sizes).split(",") if s and int(s) > 0]
    incremental = [
        int(s) for s in (preset[1] if args.incremental is None else args.incremental).split(",") if s and int(s) > 0
    ]
    html_pages = preset[2] if args.html is None else args.html
    work = args.workdir or Path(tempfile.mkdtemp(prefix="checker-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# checker benchmark, {dt.date.today()}, {platform.python_version()} on {_machine()}")
    from checker.engine import default_workers

    workers = args.workers or default_workers()
    print(f"# engine {args.engine} ({workers} workers); corpora and stores under {work}\n")
    report: dict[str, Any] = {"machine": _machine(), "date": str(dt.date.today()), "batch": [], "incremental": []}
    if args.probe > 0:
        report["probe"] = {"before": probe(work, args.probe)}
        print(_probe_line("before the runs", report["probe"]["before"]) + "\n")
    runs = [(n, args.form) for n in sizes] + ([(html_pages, "html")] if html_pages and args.form != "html" else [])
    report["batch"] = _batch_rows(work, runs, args)
    if report["batch"]:
        print(_header())
    for row in report["batch"]:
        print(_line(row))
    if args.repeat > 1:
        print()
        for row in report["batch"]:
            totals = ", ".join(f"{t:.1f}" for t in row["runs_s"])
            print(f"{row['size']:,} {row['form']}: runs of {totals} s; the row is the median")
    _scaling(report["batch"])
    report["real"] = _real_rows(work, args)
    if incremental:
        print("\n| archive | fill (s) | one new article (s, median of 3) | stories checked | articles loaded |")
        print("| ---: | ---: | ---: | ---: | ---: |")
    for n in incremental:
        row = _incremental(work, n, args)
        report["incremental"].append(row)
        print(
            f"| {n:,} | {row['fill_s']:.0f} | {row['new_article_s']:.3f} | {row['stories']} | {row['articles']} |",
            flush=True,
        )
    if len(report["incremental"]) >= 2:
        first, last = report["incremental"][0], report["incremental"][-1]
        print(
            f"\nt(one new | {last['size']:,}) / t(one new | {first['size']:,}) = "
            f"{last['new_article_s'] / first['new_article_s']:.2f} (target <= 1.5)"
        )
    if args.probe > 0:
        report["probe"]["after"] = probe(work, args.probe)
        print("\n" + _probe_line("after the runs", report["probe"]["after"]))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


def _real_rows(work: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """The real-text cases (`bench.realtext`), skipped with a note where the source is absent."""
    from bench import realistic, realtext

    spec = args.real if args.real is not None else "dev,10000,50000" if args.full else "dev,10000"
    dense = args.dense if args.dense is not None else 50000 if args.full else 0
    source = args.real_source or realistic.SOURCE
    if not (spec.strip(" ,") or dense):
        return []
    if not source.is_dir():
        print(f"\n# real-text cases skipped: no {source}")
        return []
    rows = []
    for name, n in realtext.cases(spec, dense, source):
        rows.append(realtext.run(work, name, n, source, args.workers))
        print(f"# real text: {name} {n:,} in {rows[-1]['wall_s']:.1f} s", flush=True)
    print("\n`checker check` as a whole process on real text (memory: the checker and its workers, summed):\n")
    print(realtext.table(rows))
    return rows


PROBE_ARTICLES = 300


def probe(work: Path, n: int) -> dict[str, Any]:
    """The machine's speed now: the same small check (`n` synthetic articles, one process, no
    store), timed in a child process alone, then in two at once.

    On a shared VM the speed of a core, and whether the second one is free, changes from minute
    to minute by more than most optimisations gain; a run's figures mean little without it. The
    probe runs the checker's own work, so it slows as the checker does."""
    corpus = _corpus(work, n, "text")
    alone = _probe_runs(corpus, 1) + _probe_runs(corpus, 1)  # two, one after the other: it varies that much
    return {"articles": n, "alone_s": alone, "together_s": _probe_runs(corpus, 2)}


def _probe_runs(corpus: Path, at_once: int) -> list[float]:
    cmd = [sys.executable, "-m", "bench.speed", "--_probe", str(corpus)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=_child_env()) for _ in range(at_once)]
    times = []
    for proc in procs:
        out, _ = proc.communicate()
        if proc.returncode:
            raise subprocess.CalledProcessError(proc.returncode, cmd, out)
        times.append(float(json.loads(out.strip().splitlines()[-1])["seconds"]))
    return sorted(times)


def _probe_child(corpus: Path) -> dict[str, float]:
    from checker import pipeline
    from checker.knowledge import default_kb

    default_kb()  # loaded once per process in any run: not the machine's speed
    clock = time.perf_counter()
    pipeline.check([corpus], db=None, today=TODAY)
    return {"seconds": round(time.perf_counter() - clock, 3)}


def _child_env() -> dict[str, str]:
    """The environment of a measured child: `bench` is not installed with the checker, so the
    child finds it from the repository's root whatever its working directory."""
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def _probe_line(when: str, measured: dict[str, Any]) -> str:
    alone, together = (" and ".join(f"{t:.2f}" for t in measured[k]) for k in ("alone_s", "together_s"))
    return (
        f"# machine probe {when} (a {measured['articles']}-article check in one process; lower is faster): "
        f"{alone} s alone, {together} s two at once"
    )


def _machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GB RAM"


def _header() -> str:
    cols = ["articles", "form", *STAGES, "total (s)", "articles/s", "peak MB", "all MB", "store MB"]
    return "| " + " | ".join(cols) + " |\n|" + " ---: |" * len(cols)


def _line(row: dict[str, Any]) -> str:
    stages = [f"{row['timings'].get(s, 0.0):.1f}" for s in STAGES]
    cells = [
        f"{row['size']:,}",
        row["form"],
        *stages,
        f"{row['total_s']:.1f}",
        f"{row['rate']:.0f}",
        f"{row['peak_mb']:.0f}",
        "-" if row.get("all_peak_mb") is None else f"{row['all_peak_mb']:.0f}",
        f"{row['store_mb']:.0f}",
    ]
    return "| " + " | ".join(cells) + " |"


def _batch_rows(work: Path, runs: list[tuple[int, str]], args: argparse.Namespace) -> list[dict[str, Any]]:
    """A row per (size, form): the median of `--repeat` timed runs, and the memory of one more.

    The runs go in rounds, each size once per round: the machine's speed drifts over the minutes
    a bench takes, and runs of one size all early and another all late compared two speeds."""
    runs = list(dict.fromkeys(runs))
    children = {}
    for n, form in runs:
        db = work / f"store-{form}-{n}.db"
        children[n, form] = (db, ["batch", str(_corpus(work, n, form)), str(db), str(work / f"report-{form}-{n}")])
    tries: dict[tuple[int, str], list[dict[str, Any]]] = {key: [] for key in runs}
    rounds = max(1, args.repeat)
    for k in range(rounds):
        for key in runs:
            db, child = children[key]
            _remove(db)
            tries[key].append(_run_child(child, args))
            print(f"# round {k + 1}/{rounds}: {key[0]:,} {key[1]} in {tries[key][-1]['total_s']:.1f} s", flush=True)
    rows = []
    for (n, form), timed in tries.items():
        db, child = children[n, form]
        row = sorted(timed, key=lambda t: t["total_s"])[len(timed) // 2]
        row.update(size=n, form=form, store_mb=_size_mb(db), runs_s=[t["total_s"] for t in timed])
        _remove(db)
        sampled = _run_child(child, args, sample_memory=True)
        row["all_peak_mb"] = sampled["all_peak_mb"]
        row["peak_mb"] = max(t["peak_mb"] for t in [*timed, sampled])
        rows.append(row)
    print()
    return rows


def _scaling(rows: list[dict[str, Any]]) -> None:
    text = [r for r in rows if r["form"] != "html"]
    for a, b in itertools.pairwise(text):
        ratio = b["total_s"] / a["total_s"]
        line = f"\nt({b['size']:,}) / t({a['size']:,}) = {ratio:.2f} for {b['size'] / a['size']:.0f}x the articles"
        if len(a["runs_s"]) > 1:
            rounds = ", ".join(f"{y / x:.2f}" for x, y in zip(a["runs_s"], b["runs_s"], strict=True))
            line += f" (round by round: {rounds})"
        print(line)


def _corpus(work: Path, n: int, form: str) -> Path:
    from bench import synthetic

    path = work / f"corpus-{form}-{n}"
    done = path / ".complete"
    if not done.exists():
        synthetic.write_corpus(path, n, form)
        done.write_text("ok\n")
    return path


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def _size_mb(db: Path) -> float:
    return sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists()) / 2**20


def _run_child(child: list[str], args: argparse.Namespace, sample_memory: bool = False) -> dict[str, Any]:
    """One measured run in a fresh process. With `sample_memory`, also the peak of the memory the
    process and its workers held (`tree_pss_mb` every `MEMORY_SAMPLE_S`): in a run of its own,
    as the sampling took ~25 ms of CPU per sample (~5% of a core), slowing the run it measured."""
    cmd = [sys.executable, "-m", "bench.speed", "--engine", args.engine, "--workers", str(args.workers)]
    cmd += ["--_child", *child]
    if args.scheduler:
        cmd[3:3] = ["--scheduler", args.scheduler]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_child_env())
    peak: float | None = None
    while True:
        try:
            out, err = proc.communicate(timeout=MEMORY_SAMPLE_S if sample_memory else None)
            break
        except subprocess.TimeoutExpired:
            sample = tree_pss_mb(proc.pid)
            if sample is not None:
                peak = max(peak or 0.0, sample)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, out, err)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["all_peak_mb"] = peak
    return result


MEMORY_SAMPLE_S = 0.5  # each sample reads every process's smaps_rollup: ~25 ms at 10k articles


def tree_pss_mb(pid: int) -> float | None:
    """The proportional set sizes of a process and all its descendants, summed, in MB: a page
    shared by n of them counts 1/n in each. None where /proc cannot tell (not Linux)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                total += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo.extend(int(child) for child in children.read().split())
        except FileNotFoundError:
            if current == pid:
                return None  # no such files here, or the process has just ended
        except (ProcessLookupError, PermissionError):
            continue  # a worker that has just ended
    return total / 1024


def _incremental(work: Path, n: int, args: argparse.Namespace) -> dict[str, Any]:
    """Fill a store with n articles (a batch run), then check three new articles against it."""
    corpus = _corpus(work, n, "text")
    db = work / f"archive-{n}.db"
    fill = 0.0
    batch_store = work / f"store-text-{n}.db"
    if batch_store.exists() and not (work / f"archive-{n}.complete").exists():  # the batch run filled one
        _copy(batch_store, db)
        (work / f"archive-{n}.complete").write_text("ok\n")
    if not (work / f"archive-{n}.complete").exists():
        _remove(db)
        fill = _run_child(["batch", str(corpus), str(db), str(work / f"report-archive-{n}")], args)["total_s"]
        (work / f"archive-{n}.complete").write_text("ok\n")
    from bench import synthetic

    # a new article: another outlet's rewrite of an archived article (drops a sentence), so that it
    # joins a story of the archive; a copy of the store per new article, so that each is checked
    # against exactly n articles
    archived = list(synthetic.articles(n))
    times, stories, loaded = [], 0, 0
    for k in range(3):
        article = dict(archived[(k + 1) * n // 4])
        paragraphs = article["text"].split("\n\n")
        article["text"] = "\n\n".join(paragraphs[:1] + paragraphs[2:])
        article["outlet"] = "Late Wire"
        new = work / f"new-{n}-{k}"
        new.mkdir(exist_ok=True)
        (new / "article.txt").write_text(synthetic.as_text(article), encoding="utf-8")
        copy = work / f"archive-{n}-copy.db"
        _remove(copy)
        _copy(db, copy)
        row = _run_child(["incremental", str(new), str(copy), str(work / f"report-new-{n}")], args)
        times.append(row["total_s"])
        stories, loaded = row["stories"], row["articles"]
    return {
        "size": n,
        "fill_s": fill,
        "new_article_s": statistics.median(times),
        "stories": stories,
        "articles": loaded,
        "runs": times,
    }


def _copy(src: Path, dst: Path) -> None:
    import sqlite3

    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def _child(argv: list[str], engine_name: str, scheduler: str | None, workers: int) -> dict[str, Any]:
    """One measured run in this (fresh) process."""
    from checker import pipeline
    from checker.engine import default_workers, make_engine
    from checker.report import StoryPagesAhead, write_reports
    from checker.report.html import pages_in_workers

    mode, corpus, db, out = argv[0], Path(argv[1]), Path(argv[2]), Path(argv[3])
    engine = make_engine(engine_name, scheduler, workers or default_workers())
    ahead = StoryPagesAhead(out, engine)  # as the CLI does: the story pages start before the scores
    clock = time.perf_counter()
    try:
        try:
            result = pipeline.check(
                [corpus], db=db, today=TODAY, engine=engine, against_store=mode == "incremental", on_findings=ahead
            )
        finally:
            if not pages_in_workers(engine):
                engine.close()  # as the CLI does: the report forks its page writers
        report_clock = time.perf_counter()
        write_reports(
            result, out / "findings.json", out, workers=getattr(engine, "workers", 1), engine=engine, ahead=ahead
        )
        end = time.perf_counter()
    finally:
        engine.close()
    timings = dict(result.timings)
    timings["report"] = end - report_clock
    n = len(result.new_articles) if mode == "incremental" else len(result.articles)
    return {
        "timings": timings,
        "total_s": end - clock,
        "rate": n / (end - clock) if end > clock else 0.0,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # workers and page writers have exited: RUSAGE_CHILDREN holds the largest one's peak
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "articles": len(result.articles),
        "stories": len(result.stories),
        "findings": len(result.findings),
    }


if __name__ == "__main__":
    raise SystemExit(main())
