"""`flowrun project create | ls`."""

from __future__ import annotations

import typer
from rich.table import Table

from .common import client, console, handled

project = typer.Typer(no_args_is_help=True, help="Manage projects")

PROJECTS = """query { project(order_by: [{name: asc}]) { id name description } }"""


@project.command("create")
@handled
def create_project(
    name: str = typer.Argument(..., help="The project's name"),
    description: str | None = typer.Option(None, "--description", "-d"),
) -> None:
    """Create a project."""
    with client() as api:
        project_id = api.create_project(name, description)
    console.print(f"Created project {name} ({project_id})")


@project.command("ls")
@handled
def list_projects() -> None:
    """List projects."""
    with client() as api:
        rows = api.graphql(PROJECTS, idempotent=True)["project"]
    table = Table("ID", "NAME", "DESCRIPTION", box=None)
    for row in rows:
        table.add_row(row["id"], row["name"], row["description"] or "")
    console.print(table)
