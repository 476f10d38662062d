"""The targets of issue 14, checked against one bench run's figures.

`target_rows(document)` turns the JSON document bench/run.py writes into rows of one table:
the figure, its value, the target, the floor or peer figure it is compared with, and whether
it is met. A figure whose part was not run (BENCH_ARGS chose other parts) is left out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# Quoted from issue 14 (measured on this machine then, not by this harness).
PEER_PREFECT3_WARM_START_S = 7.6
BASE = 8  # the concurrency the ratios are taken at


@dataclass(frozen=True)
class Row:
    figure: str
    value: str
    target: str
    beside: str  # the floor or peer figure it is compared with
    met: bool | None  # None: no target to meet, only shown


def _cells(document: dict[str, Any]) -> dict[tuple[str, int, str], dict[str, Any]]:
    found = {}
    for result in document.get("results", []):
        for cell in result["cells"]:
            found[(cell["database"], cell["concurrency"], cell["operation"])] = cell
    for kind, part in document.get("million", {}).items():
        for cell in part["cells"]:
            found[(kind, cell["concurrency"], cell["operation"])] = cell
    return found


def _ratio_row(figure: str, top: dict[str, Any] | None, bottom: dict[str, Any] | None,
               target: float, beside: str) -> Iterator[Row]:
    if not top or not bottom or not bottom["requests_per_s"]:
        return
    ratio = top["requests_per_s"] / bottom["requests_per_s"]
    yield Row(figure, f"{ratio:.0%} ({top['requests_per_s']:.0f}/s)", f">= {target:.0%}",
              f"{beside} {bottom['requests_per_s']:.0f}/s", ratio >= target)


def throughput_rows(cells: dict[tuple[str, int, str], dict[str, Any]]) -> Iterator[Row]:
    def cell(db: str, op: str, c: int = BASE) -> dict[str, Any] | None:
        return cells.get((db, c, op))

    pg = "postgresql"
    for op, floor, target in (("create_flow_run", "floor_create", 0.35),
                              ("flow_run_by_pk", "floor_read", 0.45),
                              ("set_flow_run_state", "floor_set_state", 0.35)):
        yield from _ratio_row(f"GraphQL {op} vs floor, PostgreSQL c={BASE}", cell(pg, op),
                              cell(pg, floor), target, "floor")
    for db in ("postgresql", "sqlite"):
        for rest, graphql in (("rest_create_flow_run", "create_flow_run"),
                              ("rest_read_flow_run", "flow_run_by_pk")):
            yield from _ratio_row(f"REST {rest} vs GraphQL, {db} c={BASE}", cell(db, rest),
                                  cell(db, graphql), 0.90, "GraphQL")
        # the REST read answers with ~25 columns, flow_run_by_pk with 5: beside it, the
        # GraphQL read of the same columns
        yield from _ratio_row(f"REST rest_read_flow_run vs GraphQL of the same columns, {db} "
                              f"c={BASE}", cell(db, "rest_read_flow_run"),
                              cell(db, "flow_run_by_pk_wide"), 0.90, "GraphQL")
    yield from _ratio_row(f"SQLite create_flow_run vs PostgreSQL, c={BASE}",
                          cell("sqlite", "create_flow_run"), cell(pg, "create_flow_run"),
                          0.90, "PostgreSQL")
    ops = sorted({op for (_db, _c, op) in cells if not op.startswith(("million", "floor"))})
    for db in ("postgresql", "sqlite"):
        for op in ops:
            high, base = cell(db, op, 32), cell(db, op)
            if high and base:
                yield from _ratio_row(f"{op} c=32 vs c={BASE}, {db}", high, base, 1.0,
                                      f"{_floor_scaling(cells, op)}c={BASE}")
                yield Row(f"{op} errors at c=32, {db}", str(high["errors"]), "0",
                          _sessions(high), high["errors"] == 0)


FLOOR_TWIN = {"create_flow_run": "floor_create", "rest_create_flow_run": "floor_create",
              "flow_run_by_pk": "floor_read", "flow_run_by_pk_wide": "floor_read",
              "rest_read_flow_run": "floor_read", "set_flow_run_state": "floor_set_state"}


def _floor_scaling(cells: dict[tuple[str, int, str], dict[str, Any]], op: str) -> str:
    """The floor's own c=32 / c=8 (it runs on PostgreSQL): what wrk and uvicorn on two cores
    lose at c=32 before flowrun does any work."""
    floor = FLOOR_TWIN.get(op)
    high, base = cells.get(("postgresql", 32, floor or "")), cells.get(("postgresql", BASE,
                                                                         floor or ""))
    if not high or not base or not base["requests_per_s"]:
        return ""
    return f"floor {high['requests_per_s'] / base['requests_per_s']:.0%}; "


def _sessions(cell: dict[str, Any]) -> str:
    sessions = cell.get("new_sessions")
    return "" if sessions is None else f"{sessions} new PostgreSQL sessions"


MILLION_P99_MS = {"million_by_pk": 5.0, "million_run_list": 25.0, "million_labels": 25.0,
                  "million_flow_count": 25.0}


def million_rows(cells: dict[tuple[str, int, str], dict[str, Any]]) -> Iterator[Row]:
    for db in ("postgresql", "sqlite"):
        for op, limit in MILLION_P99_MS.items():
            one, eight = cells.get((db, 1, op)), cells.get((db, BASE, op))
            if one:
                yield Row(f"1M {op} p99 c=1, {db}", f"{one['p99_ms']:.1f} ms",
                          f"<= {limit:g} ms", f"p50 {one['p50_ms']:.1f} ms",
                          one["p99_ms"] <= limit)
            if one and eight and op != "million_by_pk":
                ratio = eight["p99_ms"] / one["p99_ms"] if one["p99_ms"] else 0.0
                yield Row(f"1M {op} p99 c={BASE} vs c=1, {db}",
                          f"{ratio:.1f}x ({eight['p99_ms']:.1f} ms)", "<= 4x",
                          f"c=1 {one['p99_ms']:.1f} ms", ratio <= 4.0)
                # The target's other reading, "no worse than 4x that", that being the 25 ms
                # of c=1: eight clients on two cores queue, so their p99 against c=1's
                # measured one is at least about c / workers before any tail.
                yield Row(f"1M {op} p99 c={BASE}, {db}", f"{eight['p99_ms']:.1f} ms",
                          f"<= {4 * limit:g} ms", f"4 x {limit:g} ms",
                          eight["p99_ms"] <= 4 * limit)


def other_rows(document: dict[str, Any]) -> Iterator[Row]:
    for db, figures in document.get("startup", {}).items():
        yield Row(f"warm start to healthy, {db}", f"{figures['warm_start_median_s']:.2f} s "
                  f"({figures['start_cpu_median_s']:.2f} s CPU)",
                  "<= 1.5 s", f"Prefect 3: {PEER_PREFECT3_WARM_START_S} s (issue 14)",
                  figures["warm_start_median_s"] <= 1.5)
        yield Row(f"idle RSS of one API process, {db}",
                  f"{figures['idle_rss_median_mib']:.1f} MiB", "<= 90 MiB", "",
                  figures["idle_rss_median_mib"] <= 90)
    for db, figures in document.get("agents", {}).items():
        yield Row(f"agents drain {figures['drain_runs']} runs, {figures['drain_agents']} "
                  f"agents x {figures['drain_concurrency']}, {db}",
                  f"{figures['drain_runs_per_s']:.1f} runs/s", ">= 30 runs/s", "",
                  figures["drain_runs_per_s"] >= 30)
    for db, part in document.get("million", {}).items():
        seed = part["seed"]
        how = "reused cache" if seed["reused_cache"] else f"seeded in {seed['seed_seconds']} s"
        yield Row(f"1M seed, {db}", f"{seed['runs']:,} runs / {seed['flows']} flows", "",
                  how, None)


def target_rows(document: dict[str, Any]) -> list[Row]:
    cells = _cells(document)
    parts: list[Callable[[], Iterator[Row]]] = [
        lambda: throughput_rows(cells), lambda: million_rows(cells),
        lambda: other_rows(document)]
    return [row for part in parts for row in part()]


def format_targets(rows: list[Row]) -> str:
    headers = ("figure", "value", "target", "beside it", "met")
    table = [(r.figure, r.value, r.target, r.beside,
              "-" if r.met is None else ("yes" if r.met else "NO")) for r in rows]
    widths = [max([len(h)] + [len(t[i]) for t in table]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("-" * len(lines[0]))
    lines += ["  ".join(v.ljust(w) for v, w in zip(t, widths, strict=True)) for t in table]
    return "\n".join(lines)
