"""The real Prefect 1.4.1 flow runner under a task tag limit of 1: four mapped children of a
tagged task, on four threads, run one at a time (flowrun answers QUEUED, as Prefect Cloud
did, and the task runner waits and asks again), and the flow ends Success. The limit is set
with the real Client's update_task_tag_limit and read back with get_task_tag_limit."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from .harness import Agent, Prefect1, unique
from .test_agent import CREATE_RUN, _run

pytestmark = pytest.mark.e2e
LIMITED_TAG = "flowrun-tag-limit"  # scripts/flows.py tags the `hold` task with it
LIMIT_ID = "query($tag: String!) { task_tag_limit(where: {tag: {_eq: $tag}}) { id } }"
DELETE = "mutation($id: UUID!) { delete_task_tag_limit(input: {limit_id: $id}) { success } }"


def _intervals(record: Path) -> list[tuple[float, float]]:
    starts: dict[str, float] = {}
    spans = []
    for kind, stamp, value in (line.split() for line in record.read_text().splitlines()):
        if kind == "start":
            starts[value] = float(stamp)
        else:
            spans.append((starts.pop(value), float(stamp)))
    return sorted(spans)


def test_four_tagged_mapped_tasks_run_one_at_a_time_and_the_flow_succeeds(
    prefect1: Prefect1, agent: Agent, tmp_path: Path
) -> None:
    limit = prefect1.scenario("tag_limit", tag=LIMITED_TAG, limit=1)
    assert limit == {"read_back": 1}
    flow_id = prefect1.scenario("register", project=unique("p1-limits"), kind="tag_limited",
                                name=unique("p1-tag-limited"), labels=agent.labels)["flow_ids"][0]
    record = tmp_path / "holds.txt"
    run_id = prefect1.graphql(CREATE_RUN, {"input": {
        "flow_id": flow_id, "parameters": {"path": str(record)}}})["create_flow_run"]["id"]
    try:
        prefect1.wait_for("the run to finish", lambda: _run(prefect1, run_id)["state"] in (
            "Success", "Failed"), timeout=120)
    finally:
        (row,) = prefect1.graphql(LIMIT_ID, {"tag": LIMITED_TAG})["task_tag_limit"]
        prefect1.graphql(DELETE, {"id": row["id"]})
    run = _run(prefect1, run_id)
    assert run["state"] == "Success", agent.log()[-5000:]
    spans = _intervals(record)
    assert len(spans) == 4
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start >= end, spans  # never two at once
    children = [t for t in run["task_runs"] if t["map_index"] >= 0]
    assert sorted(t["state"] for t in children) == ["Success"] * 4

