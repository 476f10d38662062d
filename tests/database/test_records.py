"""Each typed record names exactly the columns its statement selects, so a column added,
renamed or dropped without its record fails here rather than in a door at run time."""

from __future__ import annotations

from dataclasses import fields

import sqlalchemy as sa

from server.database.models import deployment, flow_run
from server.domain.records import DeploymentRecord, FlowRunRecord, FlowRunView, RunTarget
from server.repository import deployments as deployment_repo
from server.repository import flow_runs as flow_run_repo
from server.repository import flows as flow_repo


def _names(record: type) -> list[str]:
    return [f.name for f in fields(record)]


def _selected(stmt: sa.Select[tuple[object, ...]]) -> list[str]:
    return [str(column.key) for column in stmt.selected_columns]


def test_a_flow_run_record_has_every_column_of_flow_run_in_order() -> None:
    assert _names(FlowRunRecord) == [c.name for c in flow_run.c]


def test_a_flow_run_view_is_what_the_view_statement_selects() -> None:
    assert _names(FlowRunView) == _selected(flow_run_repo._VIEW)


def test_a_deployment_record_is_every_column_of_deployment_and_its_current_flow() -> None:
    assert _names(DeploymentRecord) == [c.name for c in deployment.c] + ["flow_id"]
    assert _names(DeploymentRecord) == _selected(deployment_repo._DEPLOYMENT)


def test_a_run_target_is_what_the_run_target_statement_selects() -> None:
    assert _names(RunTarget) == _selected(flow_repo._RUN_TARGET)


def test_the_fields_of_a_new_run_and_a_new_deployment_are_columns_of_their_tables() -> None:
    new_run = set(_names(flow_run_repo.NewFlowRun)) - {"deployment"}
    assert new_run | set(_names(flow_run_repo.DeploymentRunFields)) <= set(flow_run.c.keys())
    assert set(_names(deployment_repo.NewDeployment)) <= set(deployment.c.keys())
