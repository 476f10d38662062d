"""The unmodified Prefect 1.4.1 Client and backend views against flowrun."""

from __future__ import annotations

from typing import Any

import pytest

from .harness import Prefect1, unique

pytestmark = pytest.mark.e2e

FLOW_QUERY = """
query($id: uuid!) {
  flow_by_pk(id: $id) {
    name version archived version_group_id flow_group_id core_version labels
    is_schedule_active serialized_flow storage run_config settings project { name }
    tasks(order_by: {slug: asc}) {
      slug name type max_retries trigger is_root_task is_terminal_task is_reference_task
    }
    edges { key upstream_task { slug } downstream_task { slug } }
  }
}
"""

RUN_QUERY = """
query($id: uuid!) {
  flow_run_by_pk(id: $id) {
    name flow_id parameters context labels run_config scheduled_start_time state version
    idempotency_key serialized_state
    task_runs(where: {map_index: {_eq: -1}}, order_by: {task: {slug: asc}}) {
      state version map_index task { slug }
    }
  }
}
"""


@pytest.fixture(scope="module")
def registered(prefect1: Prefect1) -> dict[str, Any]:
    """A project and a flow with four tasks and three edges, registered twice."""
    project, name, label = unique("p1-project"), unique("p1-arithmetic"), unique("p1-nobody")
    result = prefect1.scenario("register", project=project, kind="arithmetic", name=name,
                               labels=[label], versions=2)
    return {**result, "project": project, "name": name, "label": label}


def test_create_project_returns_the_existing_project_when_the_name_is_taken(
    prefect1: Prefect1, registered: dict[str, Any]
) -> None:
    assert registered["project_id_again"] == registered["project_id"]
    projects = prefect1.graphql(
        "query($n: String) { project(where: {name: {_eq: $n}}) { id description } }",
        {"n": registered["project"]},
    )["project"]
    assert projects == [{"id": registered["project_id"], "description": "Prefect 1 drop-in"}]


def test_register_stores_the_flow_with_its_tasks_and_edges(
    prefect1: Prefect1, registered: dict[str, Any]
) -> None:
    flow = prefect1.graphql(FLOW_QUERY, {"id": registered["flow_ids"][-1]})["flow_by_pk"]
    assert flow["name"] == registered["name"]
    assert flow["project"] == {"name": registered["project"]}
    assert flow["core_version"] == "1.4.1"
    assert flow["labels"] == [registered["label"]]
    assert flow["storage"]["type"] == "Local"
    assert flow["run_config"]["type"] == "LocalRun"
    assert flow["settings"] == {}
    assert not flow["is_schedule_active"]  # no schedule: Client.register's activation is moot
    assert [t["slug"] for t in flow["tasks"]] == registered["slugs"]
    by_slug = {t["slug"]: t for t in flow["tasks"]}
    assert by_slug["a"]["type"] == "prefect.core.parameter.Parameter"
    assert by_slug["add-1"]["trigger"] == "prefect.triggers.all_successful"
    assert by_slug["a"]["is_root_task"] and not by_slug["a"]["is_terminal_task"]
    assert by_slug["report-1"]["is_terminal_task"] and by_slug["report-1"]["is_reference_task"]
    edges = sorted([e["upstream_task"]["slug"], e["downstream_task"]["slug"], e["key"]]
                   for e in flow["edges"])
    assert edges == registered["edges"]


def test_registering_the_same_name_in_the_same_project_archives_the_older_version(
    prefect1: Prefect1, registered: dict[str, Any]
) -> None:
    old, new = (prefect1.graphql(FLOW_QUERY, {"id": i})["flow_by_pk"]
                for i in registered["flow_ids"])
    assert (old["version"], old["archived"]) == (1, True)
    assert (new["version"], new["archived"]) == (2, False)
    assert old["version_group_id"] == new["version_group_id"]
    assert old["flow_group_id"] == new["flow_group_id"]


@pytest.fixture(scope="module")
def runs(prefect1: Prefect1, registered: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = prefect1.scenario(
        "create_runs", flow_id=registered["flow_ids"][-1], labels=[registered["label"]])
    return result


def test_create_flow_run_stores_every_argument(
    prefect1: Prefect1, registered: dict[str, Any], runs: dict[str, Any]
) -> None:
    run = prefect1.graphql(RUN_QUERY, {"id": runs["first"]})["flow_run_by_pk"]
    assert run["flow_id"] == registered["flow_ids"][-1]
    assert run["name"] == "p1-named-run"
    assert run["parameters"] == {"a": 5}
    assert run["context"] == {"who": "prefect1"}
    assert run["labels"] == [registered["label"]]
    assert run["run_config"]["type"] == "LocalRun"
    assert run["run_config"]["env"] == {"FROM_CLIENT": "1"}
    assert run["scheduled_start_time"].startswith("2031-05-07T15:09:16")
    assert run["idempotency_key"] == "p1-key"
    assert (run["state"], run["version"]) == ("Scheduled", 1)
    state = run["serialized_state"]
    assert state["type"] == "Scheduled" and state["__version__"] == "1.4.1"
    assert state["start_time"].startswith("2031-05-07T15:09:16")
    assert [t["task"]["slug"] for t in run["task_runs"]] == registered["slugs"]
    assert {(t["state"], t["version"], t["map_index"]) for t in run["task_runs"]} == {
        ("Pending", 1, -1)}


def test_create_flow_run_with_the_same_idempotency_key_returns_the_same_run(
    runs: dict[str, Any]
) -> None:
    assert runs["again"] == runs["first"]


def test_an_idempotency_key_reused_with_other_parameters_is_a_conflict(
    runs: dict[str, Any]
) -> None:
    assert runs["conflict"] is not None
    assert "'code': 'CONFLICT'" in runs["conflict"]
    assert "parameters" in runs["conflict"]


def test_create_flow_run_by_version_group_runs_the_unarchived_flow(
    prefect1: Prefect1, registered: dict[str, Any], runs: dict[str, Any]
) -> None:
    run = prefect1.graphql(RUN_QUERY, {"id": runs["by_group"]})["flow_run_by_pk"]
    assert run["flow_id"] == registered["flow_ids"][-1]
    assert run["parameters"] == {"a": 3}
    assert run["state"] == "Scheduled"


def test_get_flow_run_info_and_state_read_the_run_back(
    prefect1: Prefect1, registered: dict[str, Any], runs: dict[str, Any]
) -> None:
    info = prefect1.scenario("inspect_run", flow_run_id=runs["first"])
    assert info["id"] == runs["first"]
    assert info["flow_id"] == registered["flow_ids"][-1]
    assert (info["name"], info["version"]) == ("p1-named-run", 1)
    assert info["parameters"] == {"a": 5}
    assert info["context"] == {"who": "prefect1"}
    assert info["project"] == registered["project"]
    assert info["scheduled_start_time"] == runs["start"]
    assert info["state"] == info["get_flow_run_state"] == "Scheduled"
    assert info["state_start_time"] == "2031-05-07T15:09:16+00:00"
    assert info["task_runs"] == [[slug, 1, "Pending"] for slug in registered["slugs"]]


def test_set_flow_run_state_checks_a_given_version_and_cancel_flow_run_cancels(
    prefect1: Prefect1, runs: dict[str, Any]
) -> None:
    result = prefect1.scenario("states", flow_run_id=runs["by_group"])
    assert result["stale"] == "VersionLockMismatchSignal"
    # Scheduled (v1) -> Scheduled with the version (v2) -> Submitted without one (v3)
    assert result["after_version"] == result["version"] + 2
    assert (result["after_state"], result["after_inner"]) == ("Submitted", "Scheduled")
    assert result["cancel_answer"] == result["final"] == "Cancelled"
    states = prefect1.graphql(
        "query($id: uuid!) { flow_run_by_pk(id: $id) "
        "{ states(order_by: {version: asc}) { state message } } }",
        {"id": runs["by_group"]},
    )["flow_run_by_pk"]["states"]
    assert [s["state"] for s in states] == ["Scheduled", "Scheduled", "Submitted", "Cancelled"]
    assert "stale" not in [s["message"] for s in states]


@pytest.fixture(scope="module")
def views(prefect1: Prefect1, registered: dict[str, Any], runs: dict[str, Any]) -> Any:
    return prefect1.scenario(
        "views", flow_id=registered["flow_ids"][-1], flow_group_id=runs["flow_group_id"],
        name=registered["name"], project=registered["project"], flow_run_id=runs["first"])


def test_flow_views_find_the_flow_by_id_group_name_and_project(
    registered: dict[str, Any], views: Any
) -> None:
    assert set(views["flows"]) == {"by_id", "by_group", "by_either", "by_name",
                                   "by_name_project"}
    for view in views["flows"].values():
        assert view["flow_id"] == registered["flow_ids"][-1]
        assert (view["name"], view["project"]) == (registered["name"], registered["project"])
        assert (view["storage"], view["run_config"]) == ("Local", "LocalRun")
        assert not view["archived"]


def test_flow_run_view_reads_the_run_and_its_task_runs(
    registered: dict[str, Any], runs: dict[str, Any], views: Any
) -> None:
    run = views["run"]
    assert (run["id"], run["name"], run["state"]) == (runs["first"], "p1-named-run", "Scheduled")
    assert run["labels"] == [registered["label"]]
    assert (run["parameters"], run["context"]) == ({"a": 5}, {"who": "prefect1"})
    assert run["states"] == ["Scheduled"]
    assert run["run_config"] == "LocalRun"
    assert run["task_run_slugs"] == registered["slugs"]
    assert run["task_run_ids"] == len(registered["slugs"])
    assert run["one_task_run"] == [registered["slugs"][0], -1, "Pending"]
    assert run["flow_name"] == registered["name"]


def test_the_rest_of_the_client_tenants_names_task_runs_logs_and_deleting_a_project(
    prefect1: Prefect1,
) -> None:
    project, label = unique("p1-odds"), unique("p1-nobody")
    registered = prefect1.scenario("register", project=project, kind="arithmetic",
                                   name=unique("p1-odds"), labels=[label], compressed=False)
    flow_id = registered["flow_ids"][0]
    tasks = prefect1.graphql("query($id: uuid!) { flow_by_pk(id: $id) { tasks { slug } } }",
                             {"id": flow_id})["flow_by_pk"]["tasks"]
    assert sorted(t["slug"] for t in tasks) == registered["slugs"]  # create_flow, uncompressed
    run_id = prefect1.scenario("create_runs", flow_id=flow_id, labels=[label])["first"]
    result = prefect1.scenario("odds_and_ends", flow_run_id=run_id)
    # One tenant: creating one answers with it, and every call uses it.
    assert result["tenant_id"] == result["client_tenant_id"] == result["tenants"][0]["id"]
    assert result["slug"] == result["tenants"][0]["slug"]
    # get_task_run_info finds the unmapped task run and creates a mapped child.
    assert result["found"] == [result["parent_id"], 1, "Pending"]
    child_id, child_version, child_state = result["child"]
    assert (child_version, child_state) == (1, "Pending")
    assert result["stale"] == "VersionLockMismatchSignal"
    assert result["child_state"] == "Success"
    assert result["cached_states"] == 0  # get_latest_cached_states: no Cached task run yet
    run = prefect1.graphql(
        "query($id: uuid!) { flow_run_by_pk(id: $id) { name state "
        "task_runs(where: {map_index: {_gte: 0}}) { id name map_index state version } "
        "logs { name message level task_run_id } } }",
        {"id": run_id})["flow_run_by_pk"]
    assert (run["name"], run["state"]) == ("renamed-run", "Running")
    assert run["task_runs"] == [{"id": child_id, "name": "child three", "map_index": 3,
                                 "state": "Success", "version": 3}]
    assert run["logs"] == [{"name": "by hand", "message": "a log by hand",
                            "level": "WARNING", "task_run_id": child_id}]
    # Deleting the project deletes its flows, runs and task runs.
    assert prefect1.scenario("delete_project", project=project) == {"deleted": True}
    left = prefect1.graphql(
        "query($id: uuid!, $child: uuid!) { flow_run_by_pk(id: $id) { id } "
        "task_run_by_pk(id: $child) { id } }", {"id": run_id, "child": child_id})
    assert left == {"flow_run_by_pk": None, "task_run_by_pk": None}


def test_register_turns_on_the_schedule_of_a_scheduled_flow(prefect1: Prefect1) -> None:
    result = prefect1.scenario("register", project=unique("p1-scheduled"), kind="scheduled",
                               name=unique("p1-scheduled"), labels=[unique("p1-nobody")])
    flow = prefect1.graphql(
        "query($id: uuid!) { flow_by_pk(id: $id) { is_schedule_active schedule } }",
        {"id": result["flow_ids"][0]})["flow_by_pk"]
    assert flow["is_schedule_active"] is True
    assert flow["schedule"]["clocks"][0]["type"] == "IntervalClock"
    assert flow["schedule"]["clocks"][0]["interval"] == 3_600_000_000
