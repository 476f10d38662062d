"""`flowrun server start` and `flowrun db upgrade|downgrade`: the commands that run where the
database is (the rest of the CLI speaks HTTP)."""

from __future__ import annotations

import typer

from ..settings import get_settings
from .prune import prune

# uvicorn and alembic are imported inside the commands that use them: every other `flowrun`
# command (run, register, flow-run ...) starts about twice as fast without them.

server = typer.Typer(no_args_is_help=True, help="Run the API server")
db = typer.Typer(no_args_is_help=True, help="Manage the database schema")


@server.command("start")
def start(
    host: str | None = typer.Option(None, help="Bind address [FLOWRUN_HOST]"),
    port: int | None = typer.Option(None, help="Port [FLOWRUN_PORT]"),
    workers: int | None = typer.Option(None, help="Processes [FLOWRUN_WORKERS]"),
    upgrade: bool = typer.Option(True, help="Migrate the database to the latest schema first"),
) -> None:
    """Serve the GraphQL API (and the REST API under /api)."""
    import uvicorn

    from ..database import migrate

    settings = get_settings()
    if upgrade:
        migrate.upgrade(settings.database_url)
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        log_level=settings.log_level.lower(),
        access_log=False,
        # SIGTERM: stop accepting, let requests in flight finish (this long at most), then
        # stop the loops and close the database.
        timeout_graceful_shutdown=settings.graceful_shutdown_seconds,
    )


@db.command("upgrade")
def upgrade_db(revision: str = typer.Argument("head")) -> None:
    """Migrate the database (FLOWRUN_DATABASE_URL) up to REVISION."""
    from ..database import migrate

    settings = get_settings()
    migrate.upgrade(settings.database_url, revision)
    typer.echo(f"Database at {settings.database_url} is at {revision}")


@db.command("downgrade")
def downgrade_db(revision: str = typer.Argument(..., help="Target revision, or 'base'")) -> None:
    """Migrate the database down to REVISION."""
    from ..database import migrate

    settings = get_settings()
    migrate.downgrade(settings.database_url, revision)
    typer.echo(f"Database at {settings.database_url} is at {revision}")


db.command("prune")(prune)
