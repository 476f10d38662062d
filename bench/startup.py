"""Warm start and idle memory of one API process.

On a database that is already migrated, with the files in the page cache (one start is made
and thrown away first), `flowrun server start` with FLOWRUN_WORKERS=1 is started --starts
times: the figure is the median time from the command's start to the first 200 from
GET /health. The project's modules are byte-compiled first, as an installed package is (this
sandbox sets PYTHONDONTWRITEBYTECODE, which would otherwise recompile them at every start).
After each start the server idles two seconds and its resident memory (VmRSS of the process
tree, which is one process with one worker) is read, and the CPU time it used until healthy
(less sensitive to a loaded machine than the wall time)."""

from __future__ import annotations

import compileall
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class StartupFigures:
    database: str
    starts: int
    warm_start_s: list[float]
    warm_start_median_s: float
    idle_rss_mib: list[float]
    idle_rss_median_mib: float
    start_cpu_s: list[float]  # CPU the server used until healthy: less load-sensitive
    start_cpu_median_s: float


def rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_start(opts: Any, database_url: str, workdir: Path) -> tuple[float, float, float]:
    from bench import run

    port = run.free_port()
    env = run.server_env(opts, database_url, port)
    env["FLOWRUN_WORKERS"] = "1"
    started = time.monotonic()
    with run.serving([str(opts.flowrun), "server", "start"], env, port,
                     workdir / "startup.log", opts.startup_timeout) as server:
        seconds = time.monotonic() - started
        cpu = sum(cpu_seconds(pid) for pid in run.process_tree(server.proc.pid))
        time.sleep(2.0)
        kib = sum(rss_kib(pid) for pid in run.process_tree(server.proc.pid))
    return seconds, kib / 1024, cpu


def measure_startup(kind: str, opts: Any) -> StartupFigures:
    from bench import run

    compileall.compile_dir(run.REPO_DIR / "server", quiet=1)
    workdir = Path(run.tempfile.mkdtemp(prefix=f"flowrun-startup-{kind}-"))
    try:
        with run.fresh_database(kind, opts, workdir) as database_url:
            run.migrate(opts, run.server_env(opts, database_url, 0))
            one_start(opts, database_url, workdir)  # warms the page cache; not counted
            figures = [one_start(opts, database_url, workdir) for _ in range(opts.starts)]
    finally:
        run.shutil.rmtree(workdir, ignore_errors=True)
    seconds = [round(s, 3) for s, _, _ in figures]
    rss = [round(m, 1) for _, m, _ in figures]
    cpu = [round(c, 2) for _, _, c in figures]
    result = StartupFigures(kind, opts.starts, seconds, statistics.median(seconds), rss,
                            statistics.median(rss), cpu, statistics.median(cpu))
    run.progress(f"[{kind}] warm start {result.warm_start_median_s:.2f} s (median of "
                 f"{opts.starts}, {result.start_cpu_median_s:.2f} s CPU), idle RSS "
                 f"{result.idle_rss_median_mib:.1f} MiB")
    return result
