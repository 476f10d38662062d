"""Following a run over GraphQL subscriptions: its state history and its logs arrive as
streams (`flow_run_state_stream`, `log_stream`), each row once, as soon as it commits. Raises
LiveUnavailable when no WebSocket can be had (a proxy refused it, the connection dropped), or
when the run has ended but its stream is behind (BEHIND): the caller goes on by polling from
where this stopped."""

from __future__ import annotations

import time
from collections.abc import Callable

from ..client import Client
from ..client.errors import LiveUnavailable
from ..client.models import LogRecord, is_finished

STATES = """subscription($id: uuid!) {
  flow_run_state_stream(batch_size: 100, cursor: {initial_value: {}, ordering: ASC},
                        where: {flow_run_id: {_eq: $id}}) { version state message }
}"""
LOGS = """subscription($id: uuid!) {
  log_stream(batch_size: 500, cursor: {initial_value: {}, ordering: ASC},
             where: {flow_run_id: {_eq: $id}}) {
    id flow_run_id task_run_id timestamp level name message info created
  }
}"""
# Agents ship a run's last log lines after its last state: keep reading until they are quiet.
LOGS_AFTER_END = 1.5
QUIET = 0.25
CHECK_EVERY = 5.0  # ask over HTTP whether the run still exists, and whether it ended
# On PostgreSQL a stream sends a row only once no older writing transaction is running
# anywhere on the database server (repository/streams.py): one held open for minutes, by
# another application or a migration, holds every stream back that long. The run's own row,
# read over HTTP, is not held back: when it says the run ended, the caller polls the rest.
BEHIND = "the run has ended, but its state stream is behind: reading the rest over HTTP"

OnState = Callable[[int, str, str | None], None]
OnLog = Callable[[LogRecord], None]


def follow_live(client: Client, flow_run_id: str, *, on_state: OnState,
                on_log: OnLog | None) -> None:
    """Call `on_state` for each state the run enters (from its first) and `on_log` for each
    log line, until the run has finished (and its logs went quiet)."""
    with client.live() as live:
        states = live.subscribe(STATES, {"id": flow_run_id})
        logs = live.subscribe(LOGS, {"id": flow_run_id}) if on_log is not None else None
        finished_at: float | None = None
        checked = time.monotonic()
        while finished_at is None or (
                logs is not None and time.monotonic() - finished_at < LOGS_AFTER_END):
            if time.monotonic() - checked > CHECK_EVERY:
                info = client.get_flow_run_info(flow_run_id)  # NOT_FOUND once it was deleted
                checked = time.monotonic()
                if info.is_finished and finished_at is None:
                    raise LiveUnavailable(BEHIND)
            for op_id, data in live.results(timeout=QUIET):
                if op_id == states:
                    for row in data["flow_run_state_stream"]:
                        on_state(row["version"], row["state"], row["message"])
                        finished_at = time.monotonic() if is_finished(row["state"]) else None
                elif op_id == logs and on_log is not None:
                    for record in data["log_stream"]:
                        on_log(LogRecord.from_graphql(record))
                if finished_at is not None and logs is None:
                    return
