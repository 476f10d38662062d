"""`flowrun api-key create | ls | revoke`: work on the database directly (FLOWRUN_DATABASE_URL),
like `flowrun db upgrade`, so the first key can be made before any key exists. An admin key
does the same over GraphQL (create_api_key, api_keys, revoke_api_key)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

import typer
from rich.table import Table

from ..domain.access import Scope
from ..domain.errors import FlowrunError
from ..domain.schedules import interval_seconds
from ..settings import get_settings
from .common import BAD_INPUT, FAILED, INPUT_CODES, console, fail, when

if TYPE_CHECKING:  # the database layer is imported when a command runs, not by `flowrun`
    from ..repository.common import Conn

api_key = typer.Typer(no_args_is_help=True, help="Manage API keys (on the database directly)")
T = TypeVar("T")


def _on_database(action: Callable[[Conn], Awaitable[T]], *, write: bool) -> T:
    from ..database.engine import Database

    async def run() -> T:
        db = Database(get_settings().database_url, pool_size=1)
        try:
            if write:
                async with db.transaction() as conn:
                    return await action(conn)
            async with db.read() as conn:
                return await action(conn)
        finally:
            await db.dispose()

    try:
        return asyncio.run(run())
    except FlowrunError as exc:
        fail(exc.message, BAD_INPUT if exc.code in INPUT_CODES else FAILED)


def _lifetime(text: str | None) -> float | None:
    if text is None:
        return None
    seconds = interval_seconds(text)
    if seconds is None or seconds <= 0:
        fail(f"--expires-in {text!r} is not a lifetime such as 12h, 30d or 1w")
    return seconds


@api_key.command("create")
def create(
    name: str = typer.Argument(..., help="A unique name: it is recorded as who did what"),
    scope: str = typer.Option(..., "--scope", "-s", help="read, write or admin"),
    expires_in: str | None = typer.Option(None, "--expires-in",
                                          help="Lifetime: 12h, 30d, 1w [default: never]"),
) -> None:
    """Create a key and print it once, on the last line: only its hash is stored."""
    from ..services import api_keys as service

    try:
        wanted = Scope.parse(scope)
    except FlowrunError as exc:
        fail(exc.message)
    seconds = _lifetime(expires_in)
    created = _on_database(lambda conn: service.create_key(
        conn, name=name, scope=wanted, expires_in_seconds=seconds), write=True)
    record = created.record
    console.print(f"Created API key {record.name} (scope {record.scope.label}, expires "
                  f"{when(record.expires) if record.expires else 'never'}). It is shown "
                  "once; keep it secret:")
    typer.echo(created.key)


@api_key.command("ls")
def list_keys() -> None:
    """List keys: name, scope, created, expires, last used, revoked (never the key)."""
    from ..services import api_keys as service

    records = _on_database(service.list_keys, write=False)
    table = Table("NAME", "SCOPE", "CREATED", "EXPIRES", "LAST USED", "REVOKED", box=None)
    for record in records:
        table.add_row(record.name, record.scope.label, when(record.created),
                      when(record.expires), when(record.last_used), when(record.revoked))
    console.print(table)


@api_key.command("revoke")
def revoke(name: str = typer.Argument(..., help="The key's name")) -> None:
    """Revoke a key: every door refuses it from now on."""
    from ..services import api_keys as service

    _on_database(lambda conn: service.revoke_key(conn, name=name), write=True)
    console.print(f"Revoked API key {name}")
