"""`flowrun db prune [--dry-run]`: apply the retention settings now, where the database is.
The database and services are imported inside the command: other commands start faster."""

from __future__ import annotations

import asyncio
from typing import Any

import typer

from ..settings import get_settings


def prune(
    dry_run: bool = typer.Option(False, "--dry-run", help="Only count what would be deleted"),
    log_days: float | None = typer.Option(None, "--log-days", min=0, help="Keep logs this "
                                          "many days [FLOWRUN_LOG_RETENTION_DAYS]"),
    run_days: float | None = typer.Option(None, "--run-days", min=0, help="Keep finished runs "
                                          "this many days [FLOWRUN_RUN_RETENTION_DAYS]"),
) -> None:
    """Delete logs and finished runs older than the retention periods (0 keeps them)."""
    settings = get_settings()
    days = (settings.log_retention_days if log_days is None else log_days,
            settings.run_retention_days if run_days is None else run_days)
    result = asyncio.run(_run(settings.database_url, days, dry_run))
    kept = {"logs": days[0], "finished runs": days[1]}
    periods = ", ".join(f"{what} {days:g} days" if days else f"{what} forever"
                        for what, days in kept.items())
    if dry_run:
        typer.echo(f"Would delete {result.logs} logs and {result.runs} finished runs "
                   f"(with {result.run_logs} logs of their own); keeping {periods}")
    else:
        typer.echo(f"Deleted {result.logs} logs and {result.runs} finished runs; "
                   f"keeping {periods}")


async def _run(url: str, days: tuple[float, float], dry_run: bool) -> Any:
    from ..database.engine import Database
    from ..services import retention

    policy = retention.Policy(log_retention_days=days[0], run_retention_days=days[1])
    db = Database(url, pool_size=1)
    try:
        if dry_run:
            async with db.read() as conn:
                return await retention.preview(conn, policy)
        return await retention.prune(db, policy)
    finally:
        await db.dispose()
