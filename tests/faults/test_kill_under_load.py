"""Case 1: the API process SIGKILLed in the middle of a stream of writes, then restarted.

Eight clients create runs with keys of their own as fast as they can while four others move
runs of their own from state to state with their versions. After the kill and the restart:
every create answered with an id exists, with its key (0 lost); every create that got no
answer, sent again with its key, yields exactly one run (0 duplicates); and every run's stored
version is the last one acknowledged (or the next, when the last change got no answer), with
one history row per version."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import httpx
import pytest

from tests.e2e.motion import wait_for

from .harness import KeyedCreates, Restartable, as_id, one_run_per_key, register, rows, summary

pytestmark = pytest.mark.e2e
CREATORS = 8
MOVERS = 4
BEFORE_KILL = 80  # acknowledged creates before the kill, and again after the restart
SET_STATE = """mutation($id: UUID!, $version: Int, $state: JSON!) {
  set_flow_run_state(input: {flow_run_id: $id, version: $version, state: $state}) { version } }"""
VERSION = "query($id: uuid!) { flow_run_by_pk(id: $id) { version } }"


@dataclass
class StateMover:
    """One client moving one run between two states, each change carrying its version."""

    url: str
    run_id: str
    acked: int = 1
    in_doubt: bool = False
    changes: int = 0
    errors: list[str] = field(default_factory=list)

    def work(self, stop: threading.Event) -> None:
        with httpx.Client(timeout=30) as http:
            while not stop.is_set():
                if not self.step(http):
                    stop.wait(0.05)

    def step(self, http: httpx.Client) -> bool:
        try:
            if self.in_doubt:  # learn what the server kept before going on
                body = http.post(self.url, json={"query": VERSION,
                                                 "variables": {"id": self.run_id}}).json()
                self.acked, self.in_doubt = body["data"]["flow_run_by_pk"]["version"], False
            state = "Submitted" if self.acked % 2 else "Pending"
            response = http.post(self.url, json={"query": SET_STATE, "variables": {
                "id": self.run_id, "version": self.acked, "state": {"type": state}}})
        except (httpx.TransportError, KeyError, TypeError, ValueError):
            self.in_doubt = True
            return False
        body = response.json()
        if response.status_code == 200 and "errors" not in body:
            self.acked = body["data"]["set_flow_run_state"]["version"]
            self.changes += 1
            return True
        if response.status_code != 503:
            self.errors.append(response.text[:300])
        self.in_doubt = True
        return False


def _start_movers(url: str, flow_id: str, stop: threading.Event) -> list[StateMover]:
    creates = KeyedCreates(url, flow_id, prefix="mover")
    with httpx.Client(timeout=30) as http:
        for i in range(MOVERS):
            assert creates.create(http, f"mover-{i}")
    movers = [StateMover(url, creates.acked[f"mover-{i}"]) for i in range(MOVERS)]
    for mover in movers:
        threading.Thread(target=mover.work, args=(stop,), daemon=True).start()
    return movers


def _check_versions(database_url: str, movers: list[StateMover]) -> None:
    stored = {as_id(i): (v, n) for i, v, n in rows(database_url, """
        SELECT r.id, r.version, (SELECT count(*) FROM flow_run_state s
        WHERE s.flow_run_id = r.id) FROM flow_run r""")}
    for mover in movers:
        version, history = stored[mover.run_id]
        assert version == mover.acked or (mover.in_doubt and version == mover.acked + 1)
        assert history == version
        assert not mover.errors, mover.errors


async def test_a_sigkilled_api_loses_no_acknowledged_write_and_retried_keys_make_one_run(
    fault_db: str,
) -> None:
    server = Restartable(fault_db).start()
    stop = threading.Event()
    try:
        flow_id = register(server.graphql_url, "killed")
        movers = _start_movers(server.graphql_url, flow_id, stop)
        with KeyedCreates(server.graphql_url, flow_id, clients=CREATORS) as load:
            wait_for(lambda: len(load.acked) >= BEFORE_KILL, timeout=120)
            server.kill()
            at_kill = len(load.acked)
            server.start()
            wait_for(lambda: len(load.acked) >= at_kill + BEFORE_KILL, timeout=120)
        stop.set()
        acked = dict(load.acked)
        retried = load.retry_unanswered()
    finally:
        stop.set()
        server.stop()
    assert not load.errors, load.errors[:5]
    stored = one_run_per_key(fault_db, acked, retried)
    _check_versions(fault_db, movers)
    assert all(mover.changes > 0 for mover in movers)
    summary(f"kill -9 under load [{server.database_url.split(':')[0]}]",
            acknowledged=len(acked), unanswered_then_retried=len(retried),
            runs_created=len(stored), state_changes=sum(m.changes for m in movers),
            duplicates=0, lost=0)
