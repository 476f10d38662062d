"""`flowrun`: serve the API, migrate the database, and (through the HTTP client) drive runs."""

from __future__ import annotations

import os

import typer

from . import (
    agents,
    api_keys,
    deployments,
    flow_runs,
    projects,
    register,
    run,
    schedules,
    server_commands,
)

app = typer.Typer(no_args_is_help=True, help="flowrun: an orchestration API for flow runs",
                  pretty_exceptions_enable=False)
app.add_typer(server_commands.server, name="server")
app.add_typer(server_commands.db, name="db")
app.add_typer(deployments.deployment, name="deployment")
app.add_typer(projects.project, name="project")
app.command("register")(register.register)
app.add_typer(run.run_app, name="run")
app.add_typer(flow_runs.flow_run, name="flow-run")
app.add_typer(agents.agent, name="agent")
app.add_typer(schedules.schedule, name="schedule")
app.add_typer(api_keys.api_key, name="api-key")


@app.callback()
def main(
    api_url: str | None = typer.Option(
        None, "--api-url", envvar="FLOWRUN_API_URL",
        help="The GraphQL API the commands talk to [default: http://FLOWRUN_HOST:FLOWRUN_PORT"
             "/graphql]"),
    api_key: str | None = typer.Option(
        None, "--api-key", envvar="FLOWRUN_API_KEY", show_default=False,
        help="The API key the commands send (Authorization: Bearer)"),
) -> None:
    """flowrun: an orchestration API for flow runs."""
    if api_url:
        os.environ["FLOWRUN_API_URL"] = api_url
    if api_key:
        os.environ["FLOWRUN_API_KEY"] = api_key


if __name__ == "__main__":
    app()
