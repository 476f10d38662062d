"""`flowrun server start` and `flowrun db upgrade|downgrade`: the commands that run where the
database is (the rest of the CLI speaks HTTP)."""

from __future__ import annotations

import ipaddress

import typer

from ..settings import get_settings
from .prune import prune

# alembic is imported inside the commands that use them (and uvicorn only by server.serve):
# every other `flowrun` command (run, register, flow-run ...) starts about twice as fast.

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
    import os
    import sys

    from ..database import migrate

    settings = get_settings()
    host = host or settings.host
    if settings.auth_required is None and not is_loopback(host):
        typer.echo(f"Refusing to serve {host} without API keys: set FLOWRUN_AUTH_REQUIRED=true "
                   "(flowrun api-key create NAME --scope admin makes a key), or "
                   "FLOWRUN_AUTH_REQUIRED=false to let anyone who reaches it in", err=True)
        raise typer.Exit(2)
    migrated = migrate.upgrade_if_behind(settings.database_url) if upgrade else False
    env = {"FLOWRUN_HOST": host, "FLOWRUN_PORT": str(port or settings.port),
           "FLOWRUN_WORKERS": str(workers or settings.workers)}
    if not migrated and env["FLOWRUN_WORKERS"] == "1":
        # Nothing was migrated, so Alembic was never loaded: serve from this process, which
        # has paid for its interpreter and settings already (a start 0.1-0.2 s shorter).
        os.environ.update(env)
        get_settings.cache_clear()
        from .. import serve

        serve.main()
        return
    # Serve from a fresh interpreter in this same process (exec keeps the pid, the process
    # group and the terminal): it holds neither Alembic, which migrating loaded, nor, for
    # uvicorn's worker processes, anything of the CLI.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, "-m", "server.serve"], {**os.environ, **env})


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


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
