"""A state change that reached the server, whose answer the network lost (found by the
network-cut scenario; this makes it happen every time).

The agent's worker retries the change with the same version and is told VERSION_LOCKING_ERROR
because its first attempt was applied. For Running it used to give up ("not started"): the
run stayed Running with no process until the zombie killer failed it, never executed. Now it
recognises its own write (Running at exactly the next version) and runs the flow; for the final
state it already read the run back. The server, the database and the child process are real;
only the answers are dropped, by a transport wrapped around the real HTTP one."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import httpx
import pytest

from server.agent.logship import LogShipper
from server.agent.worker import RunWorker, WorkerOptions
from server.client import Client

from .harness import Restartable, rows, running, summary

pytestmark = pytest.mark.e2e
FLOWS_FILE = Path(__file__).resolve().parent / "flows.py"


class LosesAnswers(httpx.BaseTransport):
    """Sends every request to the server; drops the answer to the first state change into
    each of `states` (the server applied it; the caller never hears so)."""

    def __init__(self, states: set[str]) -> None:
        self.inner = httpx.HTTPTransport()
        self.pending = set(states)
        self.dropped: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        body = json.loads(request.content or b"{}")
        given = (body.get("variables") or {}).get("input") or {}
        state = (given.get("state") or {}).get("type")
        if "set_flow_run_state" in body.get("query", "") and state in self.pending:
            response.read()
            response.close()
            self.pending.discard(state)
            self.dropped.append(state)
            raise httpx.ReadError("the connection dropped before the answer arrived")
        return response

    def close(self) -> None:
        self.inner.close()


async def test_a_worker_whose_running_and_success_answers_are_lost_runs_the_flow_once(
    fault_db: str, tmp_path: Path,
) -> None:
    record = tmp_path / "executions.txt"
    lossy = LosesAnswers({"Running", "Success"})
    with running(Restartable(fault_db)) as server, Client(server.graphql_url) as api, \
            Client(server.graphql_url, http_transport=lossy) as agent_client:
        flow_id = api.register({"name": "lost-answers", "parameters": [
            {"name": "path"}, {"name": "seconds", "default": 0}], "storage": {
            "type": "Local", "path": str(FLOWS_FILE), "function": "record_and_sleep"}}, "faults")
        run_id = api.create_flow_run(flow_id=flow_id, parameters={"path": str(record)})
        agent_id = agent_client.register_agent("lossy", [])
        (claimed,) = agent_client.claim_flow_runs(agent_id)
        shipper = LogShipper(agent_client)
        shipper.start()
        worker = RunWorker(agent_client, claimed, shipper,
                           WorkerOptions(heartbeat_interval=0.5, executor="agent lossy"))
        worker.start().join(timeout=120)
        shipper.close()
        run = api.get_flow_run_info(run_id)
    history = [state for (state,) in rows(fault_db, "SELECT state FROM flow_run_state "
                                                     "ORDER BY version")]
    assert lossy.dropped == ["Running", "Success"]
    assert (worker.final_state, run.state) == ("Success", "Success")
    assert Counter(record.read_text().split()) == {run_id: 1}
    assert history == ["Scheduled", "Submitted", "Running", "Success"]
    summary(f"answers to Running and Success lost [{fault_db.split(':')[0]}]", runs_created=1,
            answers_dropped=len(lossy.dropped), executions=1, ended="Success", duplicates=0)
