"""Following a run from the terminal, and executing one in this process (`--execute`)."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator
from datetime import timedelta
from types import FrameType
from typing import Any

from rich.text import Text

from ..agent.logship import LogShipper
from ..agent.worker import RunWorker, WorkerOptions
from ..client import Client
from ..client.errors import LiveUnavailable
from ..client.models import FlowRunInfo, LogRecord, parse_time
from .common import console, log_text, state_text
from .watch_live import follow_live

POLL_SECONDS = 0.5
# Logs are read again from a little before the newest one seen: rows committed late by a
# concurrent writer are not missed, and ids already printed are skipped.
LOG_OVERLAP = timedelta(seconds=5)


class LogFollower:
    """Prints a run's logs once each, as they arrive."""

    def __init__(self, client: Client, flow_run_id: str) -> None:
        self.client = client
        self.flow_run_id = flow_run_id
        self.seen: set[str] = set()
        self.cursor: Any = None

    def poll(self) -> list[LogRecord]:
        since = self.cursor - LOG_OVERLAP if self.cursor is not None else None
        fresh = [r for r in self.client.get_logs(self.flow_run_id, since=since)
                 if r.id not in self.seen]
        for record in fresh:
            self.seen.add(record.id)
            if record.created is not None and (self.cursor is None or
                                               record.created > self.cursor):
                self.cursor = record.created
        return fresh

    def print_new(self) -> None:
        for record in self.poll():
            console.print(log_text(record))

    def show(self, record: LogRecord) -> None:
        """Print a line that arrived over a subscription (once; polling skips it later)."""
        if record.id in self.seen:
            return
        self.seen.add(record.id)
        if record.created is not None and (self.cursor is None or record.created > self.cursor):
            self.cursor = record.created
        console.print(log_text(record))


def watch(client: Client, flow_run_id: str, *, logs: bool, quiet: bool) -> FlowRunInfo:
    """Follow a run until it ends, printing every state it enters (from its state history,
    so a state that lasted an instant is shown too) and its logs; returns its last info.
    Over subscriptions when the server's WebSocket can be reached, else by polling."""
    follower = LogFollower(client, flow_run_id) if logs and not quiet else None
    progress = _Progress()
    with _status(quiet) as status:
        def on_state(version: int, state: str, message: str | None) -> None:
            if version > progress.version and not quiet:
                console.print(state_text(state, message))
                status(f"Flow run is {state}")
            progress.version = max(progress.version, version)

        try:
            follow_live(client, flow_run_id, on_state=on_state,
                        on_log=follower.show if follower is not None else None)
            if follower is not None:
                # An agent ships a run's lines before its last state, so all of them can be
                # read now; the stream may be behind them (PostgreSQL holds a stream's rows
                # while older transactions run, and a loaded server polls late).
                follower.print_new()
            return client.get_flow_run_info(flow_run_id)
        except LiveUnavailable:
            pass  # e.g. a proxy without WebSocket: poll from where the stream stopped
        return _poll(client, flow_run_id, follower, progress, status, quiet)


class _Progress:
    version = 0  # the newest state version printed


def _poll(client: Client, flow_run_id: str, follower: LogFollower | None, progress: _Progress,
          status: Any, quiet: bool) -> FlowRunInfo:
    while True:
        info = client.get_flow_run_info(flow_run_id)
        if follower is not None:
            follower.print_new()
        if not quiet:
            for version, state, message in client.get_state_history(
                flow_run_id, after_version=progress.version
            ):
                console.print(state_text(state, message))
                progress.version = version
            status(f"Flow run {info.name} is {info.state}")
        if info.is_finished:
            if follower is not None:
                follower.print_new()  # lines shipped with or after the last state
            return info
        time.sleep(POLL_SECONDS)


@contextlib.contextmanager
def _status(quiet: bool) -> Iterator[Any]:
    if quiet or not console.is_terminal:
        yield lambda _message: None
        return
    with console.status("Waiting for the flow run...") as spinner:
        yield lambda message: spinner.update(message)


def execute(client: Client, flow_run_id: str, *, logs: bool, quiet: bool) -> FlowRunInfo:
    """Run the flow in a child of this process, as an agent would; if this process is
    stopped, the child is stopped and the run ends Failed."""
    run = client.get_run_to_execute(flow_run_id)
    shipper = LogShipper(client).start()
    echo = _echo if logs and not quiet else None
    worker = RunWorker(client, run, shipper,
                       WorkerOptions(executor="flowrun run --execute"), echo=echo)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    if not quiet:
        console.print(Text("Executing the flow run in this process", style="dim"))
    try:
        worker.start()
        _supervise(client, worker)
    except KeyboardInterrupt:
        worker.request_stop("The `flowrun run --execute` process was stopped before the "
                            "flow run finished.")
        worker.join()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        shipper.close()
    info = client.get_flow_run_info(flow_run_id)
    if not quiet:
        console.print(state_text(info.state, info.state_message))
    return info


def _supervise(client: Client, worker: RunWorker) -> None:
    while worker.is_alive():
        worker.join(POLL_SECONDS)
        state = client.get_flow_run_states([worker.run.id]).get(worker.run.id, ("", 0))[0]
        if state in ("Cancelling", "Cancelled"):
            worker.request_cancel()


def _echo(record: dict[str, Any]) -> None:
    timestamp = parse_time(record.get("timestamp"))
    if timestamp is None:
        return
    console.print(log_text(LogRecord(
        id="", flow_run_id=str(record["flow_run_id"]), timestamp=timestamp,
        level=str(record.get("level") or "INFO"), message=str(record.get("message") or ""),
        name=record.get("name"))))


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def summary(info: FlowRunInfo) -> Text:
    text = Text("Flow run ")
    text.append(info.name, style="bold")
    text.append(f" ({info.id}) of flow {info.flow_name}: ")
    return text + state_text(info.state)
