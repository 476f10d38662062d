"""Who did what: every created run and every state change records the name of the key that
made it, on both engines, through every door: GraphQL, REST, the `flowrun` commands and an
agent carrying FLOWRUN_API_KEY, the Python client; readable in GraphQL and shown by
`flowrun flow-run get`. Without auth and without a key nothing is recorded."""

from __future__ import annotations

import os
import re
import subprocess
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from server.client import Client
from server.database.engine import Database
from server.domain.access import Scope
from server.services import api_keys
from tests.auth.conftest import Keys, bearer
from tests.e2e.motion import EXAMPLES, FLOWRUN, ROOT, agents
from tests.live import LiveServer

pytestmark = pytest.mark.e2e

RUN = """query($id: uuid!) { flow_run_by_pk(id: $id) {
  created_by states(order_by: {version: asc}) { state created_by }
  task_runs { states(order_by: {version: asc}) { state created_by } } } }"""


async def named_key(db: Database, scope: Scope) -> tuple[str, str]:
    name = f"{scope.label}-{uuid.uuid4().hex[:6]}"
    async with db.transaction() as conn:
        return name, (await api_keys.create_key(conn, name=name, scope=scope)).key


@pytest.fixture
async def http(auth_server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=auth_server.url, timeout=30) as client:
        yield client


async def gql(http: httpx.AsyncClient, key: str, query: str, **variables: Any) -> Any:
    body = (await http.post("/graphql", json={"query": query, "variables": variables},
                            headers=bearer(key))).json()
    assert "errors" not in body, body
    return body["data"]


def by(run: dict[str, Any]) -> str | None:
    return (run.get("created_by") or {}).get("display_value")


async def test_graphql_and_rest_record_the_key_behind_each_run_and_state(
    http: httpx.AsyncClient, keys: Keys, session_db: Database,
) -> None:
    creator, creator_key = await named_key(session_db, Scope.ADMIN)
    mover, mover_key = await named_key(session_db, Scope.WRITE)
    project = await gql(http, creator_key, 'mutation { create_project(input: {name: "audit-'
                        f'{uuid.uuid4().hex[:6]}"}}) {{ id }} }}')
    flow = await gql(http, creator_key, "mutation($i: create_flow_input!) { create_flow("
                     "input: $i) { id } }", i={"project_id": project["create_project"]["id"],
                                               "serialized_flow": {"name": "audited"}})
    flow_id = flow["create_flow"]["id"]
    made = await gql(http, creator_key, "mutation($f: UUID!) { create_flow_run(input: "
                     "{flow_id: $f}) { id } }", f=flow_id)
    run_id = made["create_flow_run"]["id"]
    await gql(http, mover_key, "mutation($r: UUID!) { set_flow_run_state(input: {flow_run_id:"
              ' $r, state: {type: "Running"}}) { id } }', r=run_id)
    run = (await gql(http, creator_key, RUN, id=run_id))["flow_run_by_pk"]
    assert by(run) == creator
    assert [(s["state"], by(s)) for s in run["states"]] == [("Scheduled", creator),
                                                            ("Running", mover)]
    deployment = await http.post("/api/deployments/", headers=bearer(creator_key),
                                 json={"name": "audited", "flow_id": flow_id})
    rest_run = await http.post(f"/api/deployments/{deployment.json()['id']}/create_flow_run",
                               json={}, headers=bearer(mover_key))
    assert rest_run.json()["created_by"]["display_value"] == mover
    await http.post(f"/api/flow_runs/{rest_run.json()['id']}/set_state",
                    json={"state": {"type": "CANCELLED"}}, headers=bearer(creator_key))
    rest_states = (await gql(http, creator_key, RUN, id=rest_run.json()["id"]))
    assert [by(s) for s in rest_states["flow_run_by_pk"]["states"]] == [mover, creator]


def flowrun(server: LiveServer, key: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FLOWRUN_API_URL": server.graphql_url, "FLOWRUN_API_KEY": key,
           "COLUMNS": "200"}
    return subprocess.run([FLOWRUN, *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


async def test_the_cli_and_an_agent_carry_their_keys_and_flow_run_get_shows_the_creator(
    auth_server: LiveServer, keys: Keys, session_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, admin_key = await named_key(session_db, Scope.ADMIN)
    runner, runner_key = await named_key(session_db, Scope.WRITE)
    agent, agent_key = await named_key(session_db, Scope.WRITE)
    flow_name = f"hello-{uuid.uuid4().hex[:6]}"
    registered = flowrun(auth_server, admin_key, "register", f"{EXAMPLES / 'hello.py'}:hello",
                         "--name", flow_name)
    assert registered.returncode == 0, registered.stderr
    assert flowrun(auth_server, "", "run", "-n", flow_name).returncode != 0  # no key
    monkeypatch.setenv("FLOWRUN_API_KEY", agent_key)
    with agents(auth_server.graphql_url, 1):
        done = flowrun(auth_server, runner_key, "run", "-n", flow_name, "--param",
                       "name=Audit", "--watch")
    assert done.returncode == 0, done.stdout + done.stderr
    with Client(auth_server.graphql_url, api_key=admin_key) as client:
        run_id = client.list_flow_runs(limit=1, flow_name=flow_name)[0].id
        run = client.graphql(RUN, {"id": run_id})["flow_run_by_pk"]
    assert by(run) == runner
    assert [(s["state"], by(s)) for s in run["states"]] == [
        ("Scheduled", runner), ("Submitted", agent), ("Running", agent), ("Success", agent)]
    shown = flowrun(auth_server, runner_key, "flow-run", "get", run_id)
    assert shown.returncode == 0 and re.search(rf"created by\s+{runner}\b", shown.stdout), \
        shown.stdout


async def test_without_auth_and_without_a_key_nothing_is_recorded(
    live_server: LiveServer, keys: Keys,
) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as http:
        project = (await http.post("/graphql", json={"query": 'mutation { create_project(input:'
                   f' {{name: "anon-{uuid.uuid4().hex[:6]}"}}) {{ id }} }}'})).json()
        assert "errors" not in project, project
        flow = (await http.post("/graphql", json={
            "query": "mutation($i: create_flow_input!) { create_flow(input: $i) { id } }",
            "variables": {"i": {"project_id": project["data"]["create_project"]["id"],
                                "serialized_flow": {"name": "anonymous"}}}})).json()
        made = (await http.post("/graphql", json={
            "query": "mutation($f: UUID!) { create_flow_run(input: {flow_id: $f}) { id } }",
            "variables": {"f": flow["data"]["create_flow"]["id"]}})).json()
        run = (await http.post("/graphql", json={"query": RUN, "variables": {
            "id": made["data"]["create_flow_run"]["id"]}})).json()["data"]["flow_run_by_pk"]
    assert run["created_by"] is None and [by(s) for s in run["states"]] == [None]


async def test_bulk_actions_and_restart_record_the_key_behind_each_state(
    http: httpx.AsyncClient, keys: Keys, session_db: Database,
) -> None:
    creator, creator_key = await named_key(session_db, Scope.ADMIN)
    mover, mover_key = await named_key(session_db, Scope.WRITE)
    tag = uuid.uuid4().hex[:8]
    project = await gql(http, creator_key, f'mutation {{ create_project(input: {{name: '
                        f'"bulk-{tag}"}}) {{ id }} }}')
    flow = await gql(http, creator_key, "mutation($i: create_flow_input!) { create_flow("
                     "input: $i) { id } }", i={"project_id": project["create_project"]["id"],
                                               "serialized_flow": {
                                                   "name": f"bulk-{tag}",
                                                   "tasks": [{"slug": "step"}]}})
    flow_id = flow["create_flow"]["id"]
    run_ids = [(await gql(http, creator_key, "mutation($f: UUID!, $l: [String!]) { "
                          "create_flow_run(input: {flow_id: $f, labels: $l}) { id } }",
                          f=flow_id, l=[tag]))["create_flow_run"]["id"] for _ in range(2)]
    where = {"labels": {"_contains": [tag]}}
    marked = await gql(http, mover_key, "mutation($w: flow_run_bool_exp!) { "
                       "set_flow_run_states_by_filter(input: {where: $w, state: "
                       '{type: "Running"}}) { count } }', w=where)
    assert marked["set_flow_run_states_by_filter"]["count"] == 2
    task_id = (await gql(http, creator_key, "query($f: uuid!) { task(where: {flow_id: "
                         "{_eq: $f}}) { id } }", f=flow_id))["task"][0]["id"]
    task_run = (await gql(http, mover_key, "mutation($r: UUID!, $t: UUID!) { "
                          "get_or_create_task_run_info(input: {flow_run_id: $r, task_id: $t}) "
                          "{ id version } }", r=run_ids[0], t=task_id))
    info = task_run["get_or_create_task_run_info"]
    await gql(http, mover_key, "mutation($t: UUID!, $v: Int) { set_task_run_states(input: "
              '{states: [{task_run_id: $t, version: $v, state: {type: "Failed"}}]}) '
              "{ states { id } } }", t=info["id"], v=info["version"])
    cancelled = await gql(http, creator_key, "mutation($w: flow_run_bool_exp!) { "
                          "cancel_flow_runs(input: {where: $w}) { count } }", w=where)
    assert cancelled["cancel_flow_runs"]["count"] == 2
    await gql(http, mover_key, "mutation($w: flow_run_bool_exp!) { "
              "set_flow_run_states_by_filter(input: {where: $w, state: "
              '{type: "Failed"}}) { count } }', w={"id": {"_eq": run_ids[0]}})
    version = (await gql(http, mover_key, "query($id: uuid!) { flow_run_by_pk(id: $id) "
                         "{ version } }", id=run_ids[0]))["flow_run_by_pk"]["version"]
    restarted = await gql(http, creator_key, "mutation($r: UUID!, $v: Int!) { "
                          "restart_flow_run(input: {flow_run_id: $r, version: $v}) "
                          "{ task_run_ids } }", r=run_ids[0], v=version)
    assert restarted["restart_flow_run"]["task_run_ids"] == [info["id"]]
    first = (await gql(http, creator_key, RUN, id=run_ids[0]))["flow_run_by_pk"]
    assert [(s["state"], by(s)) for s in first["states"]] == [
        ("Scheduled", creator), ("Running", mover), ("Cancelling", creator),
        ("Failed", mover), ("Scheduled", creator)]
    [task_states] = [t["states"] for t in first["task_runs"]]
    assert [(s["state"], by(s)) for s in task_states][-2:] == [("Failed", mover),
                                                              ("Pending", creator)]
    second = (await gql(http, creator_key, RUN, id=run_ids[1]))["flow_run_by_pk"]
    assert [(s["state"], by(s)) for s in second["states"]] == [
        ("Scheduled", creator), ("Running", mover), ("Cancelling", creator)]
