"""`flowrun deployment create|ls`: deployments over the REST API (/api), by HTTP only.

Bad input, a refusal by the server (4xx) or an unreachable server is one line on stderr and
exit code 2 (1 when the server fails or cannot be reached), never a traceback."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, NoReturn

import httpx
import orjson
import typer
from rich.console import Console
from rich.table import Table

from ..client.config import default_api_url

deployment = typer.Typer(no_args_is_help=True, help="Create and list deployments (REST API)")
BAD_INPUT, SERVER_PROBLEM = 2, 1


def rest_url() -> str:
    """The REST API's base: FLOWRUN_API_URL (its /graphql path dropped) plus /api."""
    base = default_api_url().rstrip("/")
    base = base.removesuffix("/graphql").removesuffix("/api")
    return f"{base}/api"


@deployment.command("create")
def create(
    name: str = typer.Argument(..., help="The deployment's name"),
    flow_group_id: str | None = typer.Option(None, help="The flow group to run"),
    flow_id: str | None = typer.Option(None, help="A flow whose group to run"),
    parameters: str | None = typer.Option(None, help='Default parameters, JSON: {"a": 1}'),
    parameter_schema: str | None = typer.Option(None, help="A JSON Schema for the parameters"),
    enforce: bool = typer.Option(True, help="Check runs' parameters against the schema"),
    tag: Annotated[list[str] | None, typer.Option(help="A tag for the runs (repeatable)")] = None,
    label: Annotated[
        list[str] | None, typer.Option(help="A label key=value, or a bare key (repeatable)")
    ] = None,
    work_queue: str | None = typer.Option(None, help="The work queue's name"),
    job_variables: str | None = typer.Option(None, help="Job variables, JSON object"),
    description: str | None = typer.Option(None, help="What the deployment is for"),
    version: str | None = typer.Option(None, help="The deployment's version"),
) -> None:
    """Create a deployment of a flow group (or of a flow's group) and print its id."""
    body: dict[str, Any] = {
        "name": name,
        "flow_group_id": _uuid(flow_group_id, "--flow-group-id"),
        "flow_id": _uuid(flow_id, "--flow-id"),
        "parameters": _json_object(parameters, "--parameters") or {},
        "parameter_openapi_schema": _json_object(parameter_schema, "--parameter-schema"),
        "enforce_parameter_schema": enforce,
        "tags": tag or [],
        "labels": _labels(label or []),
        "work_queue_name": work_queue,
        "job_variables": _json_object(job_variables, "--job-variables") or {},
        "description": description,
        "version": version,
    }
    created = _call("POST", "/deployments/", json=body)
    typer.echo(f"Created deployment {created['name']!r} with id {created['id']}")


@deployment.command("ls")
def ls(
    name: str | None = typer.Option(None, help="Only deployments whose name contains this"),
    limit: int = typer.Option(200, min=1, max=200, help="At most this many"),
    offset: int = typer.Option(0, min=0, help="Skip this many first"),
) -> None:
    """List deployments, by name."""
    query: dict[str, Any] = {"limit": limit, "offset": offset}
    if name:
        query["deployments"] = {"name": {"like_": name}}
    rows = _call("POST", "/deployments/filter", json=query)
    table = Table("ID", "Name", "Flow group", "Tags", "Work queue", "Created")
    for row in rows:
        table.add_row(row["id"], row["name"], row["flow_group_id"], ", ".join(row["tags"]),
                      row["work_queue_name"] or "", row["created"] or "")
    Console().print(table)


def _call(method: str, path: str, json: Any = None) -> Any:
    url = rest_url() + path
    try:
        response = httpx.request(method, url, json=json, timeout=30)
    except httpx.HTTPError as exc:
        _fail(f"cannot reach the flowrun API at {url}: {exc}", SERVER_PROBLEM)
    if response.status_code >= 400:
        code = BAD_INPUT if response.status_code < 500 else SERVER_PROBLEM
        _fail(_error_text(response), code)
    return response.json()


def _error_text(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return f"the API answered {response.status_code}: {response.text[:200]}"
    if isinstance(detail, list):
        return "; ".join(_problem(item) for item in detail)
    return str(detail)


def _problem(item: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in item.get("loc", [])[1:])
    return f"{where}: {item.get('msg')}" if where else str(item.get("msg"))


def _json_object(text: str | None, option: str) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        _fail(f"{option} is not valid JSON: {exc}", BAD_INPUT)
    if not isinstance(value, dict):
        _fail(f'{option} must be a JSON object, such as {{"a": 1}}', BAD_INPUT)
    return value


def _uuid(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        _fail(f"{option} {text!r} is not a UUID", BAD_INPUT)


def _labels(items: list[str]) -> dict[str, str | bool]:
    labels: dict[str, str | bool] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not key:
            _fail(f"--label {item!r} needs a key: key=value or key", BAD_INPUT)
        labels[key] = value if sep else True
    return labels


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)
