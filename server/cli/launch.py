"""The `flowrun` command's entry point. `flowrun server ...` and `flowrun db ...` run where the
database is and need neither the HTTP client nor the other commands, so they load only their
own module: `flowrun server start` reaches the server a few hundred milliseconds sooner. Every
other command (and `flowrun --help`) loads the whole CLI (server/cli/main.py)."""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in ("server", "db"):
        import typer

        from . import server_commands

        cli = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False)
        cli.add_typer(server_commands.server, name="server")  # as server/cli/main.py does
        cli.add_typer(server_commands.db, name="db")
        cli(args=args, prog_name="flowrun")
        return
    from .main import app

    app()
