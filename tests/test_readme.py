"""The README stays true: every setting is documented, and every GraphQL example in it runs,
in order, against a live server (placeholders filled with the ids the earlier examples made):
queries and mutations over HTTP, subscriptions over WebSocket (their first result)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import orjson

from server.settings import Settings
from tests.live import GraphQL, LiveServer
from tests.ws import Subscriber, ws_url

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def test_every_setting_is_documented_in_the_readme() -> None:
    text = README.read_text()
    missing = [
        f"FLOWRUN_{name.upper()}" for name in Settings.model_fields
        if f"`FLOWRUN_{name.upper()}`" not in text
    ]
    assert missing == []


def _examples() -> list[tuple[str, str | None]]:
    """(query, variables) for each graphql block; a json block right after it whose
    preceding prose mentions variables is its variables."""
    text = README.read_text()
    blocks = [(m.group(1), m.group(2), m.start(), m.end()) for m in BLOCK.finditer(text)]
    examples: list[tuple[str, str | None]] = []
    for i, (lang, body, _, end) in enumerate(blocks):
        if lang != "graphql":
            continue
        variables = None
        if i + 1 < len(blocks) and blocks[i + 1][0] == "json":
            between = text[end:blocks[i + 1][2]]
            if "variables" in between:
                variables = blocks[i + 1][1]
        examples.append((body, variables))
    return examples


def _fill(text: str, ids: dict[str, str]) -> str:
    for name, value in ids.items():
        text = text.replace(f"<{name}>", value)
    assert not re.search(r"<[a-z-]+>", text), f"unfilled placeholder in:\n{text}"
    return text


async def test_every_graphql_example_in_the_readme_runs_as_written(server: LiveServer) -> None:
    examples = _examples()
    assert len(examples) >= 10
    ids: dict[str, str] = {}
    async with httpx.AsyncClient(timeout=30) as client:
        gql = GraphQL(client, server.graphql_url)
        for query, variables in examples:
            filled_vars = orjson.loads(_fill(variables, ids)) if variables else None
            if query.lstrip().startswith("subscription"):
                data = await _first_result(server, _fill(query, ids), filled_vars)
                assert all(data.values()), data
                continue
            data = await gql.data(_fill(query, ids), filled_vars)
            await _remember_ids(gql, data, ids)
    assert {"project-id", "flow-id", "flow-group-id", "flow-run-id", "version"} <= set(ids)


async def _first_result(server: LiveServer, query: str,
                        variables: dict[str, Any] | None) -> dict[str, Any]:
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        return await sub.data(await sub.subscribe(query, variables))
    finally:
        await sub.close()


async def _remember_ids(gql: GraphQL, data: dict[str, Any], ids: dict[str, str]) -> None:
    if "create_project" in data:
        ids["project-id"] = data["create_project"]["id"]
    if "create_flow" in data:
        ids["flow-id"] = data["create_flow"]["id"]
        flow = await gql.data("query($id: uuid!) { flow_by_pk(id: $id) { flow_group_id } }",
                              {"id": ids["flow-id"]})
        ids["flow-group-id"] = flow["flow_by_pk"]["flow_group_id"]
    if "create_flow_run" in data:
        ids["flow-run-id"] = data["create_flow_run"]["id"]
    if data.get("flow_run_by_pk") and "version" in data["flow_run_by_pk"]:
        ids["version"] = str(data["flow_run_by_pk"]["version"])
