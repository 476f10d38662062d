"""`flowrun`: serve the API, migrate the database, and (through the HTTP client) drive runs."""

from __future__ import annotations

import typer

from . import server_commands

app = typer.Typer(no_args_is_help=True, help="flowrun: an orchestration API for flow runs")
app.add_typer(server_commands.server, name="server")
app.add_typer(server_commands.db, name="db")


if __name__ == "__main__":
    app()
