"""The agent's main loop.

Every `poll_interval` seconds (at once when a run ends and frees a slot, and when a
subscription tells it the Scheduled runs changed: push.py): reap finished
workers, look at the states of the runs it is executing (one query) and stop those set to
Cancelling, then claim as many runs as it has free slots. It claims runs due within
`prefetch_seconds` (default: one poll interval) and starts each at its start time, so a run
starts on time rather than up to a poll interval late; keep it well below the server's
heartbeat timeout. Claims are atomic on the server, so any number of agents can poll one
server. When
the server cannot be reached the agent backs off (up to `max_backoff`), and its running flows
go on; it re-registers if the server forgot it. On stop it ends its runs Failed."""

from __future__ import annotations

import logging
import random
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..client import Client
from ..client.errors import ClientError
from ..client.models import RunToExecute, is_finished
from .logship import LogShipper
from .push import PushChannel
from .worker import RETRY_CODES, RunWorker, WorkerOptions

log = logging.getLogger("flowrun.agent")


@dataclass(frozen=True)
class AgentOptions:
    name: str = field(default_factory=lambda: f"agent-{socket.gethostname()}")
    labels: tuple[str, ...] = ()
    concurrency: int = 4
    poll_interval: float = 1.0
    heartbeat_interval: float = 10.0
    kill_grace: float = 5.0
    max_backoff: float = 30.0
    prefetch_seconds: float | None = None  # None: one poll interval
    push: bool = True  # also be told of new runs over a subscription (polling stays)

    @property
    def prefetch(self) -> float:
        return self.poll_interval if self.prefetch_seconds is None else self.prefetch_seconds


class Agent:
    def __init__(self, client: Client, options: AgentOptions) -> None:
        self.client = client
        self.options = options
        self.agent_id: str | None = None
        self.workers: dict[str, RunWorker] = {}
        self.shipper = LogShipper(client)
        self.worker_options = WorkerOptions(
            heartbeat_interval=options.heartbeat_interval, kill_grace=options.kill_grace,
            max_backoff=options.max_backoff, executor=f"agent {options.name}",
        )
        self._failures = 0
        self._wake = threading.Event()

    def run(self, stop: threading.Event) -> None:
        """Work until `stop` is set, then stop the running flows."""
        self.shipper.start()
        push = PushChannel(self.client, self._wake, name=self.options.name).start() \
            if self.options.push else None
        log.info("agent %s: polling %s with labels %s (concurrency %d)", self.options.name,
                 self.client.api_url, list(self.options.labels), self.options.concurrency)
        try:
            while not stop.is_set():
                self._sleep(self._step(), stop)
        finally:
            if push is not None:
                push.stop()
            self._shutdown()

    def _sleep(self, seconds: float, stop: threading.Event) -> None:
        """Wait up to `seconds`; a run that ends (a free slot) or `stop` wakes us early."""
        deadline = time.monotonic() + seconds
        while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
            if self._wake.wait(min(left, 0.1)):
                self._wake.clear()
                return

    def _step(self) -> float:
        """One iteration; returns how long to wait before the next."""
        try:
            if self.agent_id is None:
                self.agent_id = self._register()
            self._reap()
            self._watch_states()
            full = self._claim()
        except ClientError as exc:
            return self._on_error(exc)
        if self._failures:
            log.info("agent %s: the server answers again", self.options.name)
        self._failures = 0
        return 0.0 if full else self.options.poll_interval

    def _register(self) -> str:
        agent_id = self.client.register_agent(self.options.name, list(self.options.labels))
        log.info("agent %s: registered as %s", self.options.name, agent_id)
        return agent_id

    def _reap(self) -> None:
        for run_id, worker in list(self.workers.items()):
            if not worker.is_alive():
                del self.workers[run_id]

    def _watch_states(self) -> None:
        """Stop the children of runs that were set Cancelling (or ended elsewhere)."""
        states = self.client.get_flow_run_states(self.workers)
        for run_id, worker in self.workers.items():
            state = states.get(run_id, ("Deleted", 0))[0]
            if state in ("Cancelling", "Cancelled", "Deleted") or (
                is_finished(state) and worker.child is not None
            ):
                worker.request_cancel()

    def _claim(self) -> bool:
        """Claim up to the free slots; True when every slot asked for was filled."""
        free = self.options.concurrency - len(self.workers)
        if free <= 0:
            return False
        assert self.agent_id is not None
        before = datetime.now(UTC) + timedelta(seconds=self.options.prefetch)
        runs = self.client.claim_flow_runs(self.agent_id, limit=free, before=before,
                                           labels=list(self.options.labels))
        for run in runs:
            self._start(run)
        return bool(runs) and len(runs) == free

    def _start(self, run: RunToExecute) -> None:
        log.info("agent %s: claimed run %s (%s) of flow %s", self.options.name, run.id,
                 run.name, run.flow_name)
        worker = RunWorker(self.client, run, self.shipper, self.worker_options,
                           on_done=self._wake.set)
        self.workers[run.id] = worker.start()

    def _on_error(self, exc: ClientError) -> float:
        if exc.code == "NOT_FOUND" and exc.extensions.get("field") == "agent_id":
            log.warning("agent %s: the server forgot this agent; registering again",
                        self.options.name)
            self.agent_id = None
            return 0.0
        self._failures += 1
        delay = min(self.options.max_backoff, self.options.poll_interval * 2.0**self._failures)
        delay *= random.uniform(0.75, 1.0)
        level = logging.WARNING if exc.code in RETRY_CODES else logging.ERROR
        log.log(level, "agent %s: %s (%s); retrying in %.1fs", self.options.name, exc.message,
                exc.code, delay)
        return delay

    def _shutdown(self) -> None:
        reason = f"The agent {self.options.name} was stopped before the flow run finished."
        for worker in self.workers.values():
            worker.request_stop(reason)
        for worker in self.workers.values():
            worker.join(self.options.kill_grace + 15)
        self.shipper.close()
        log.info("agent %s: stopped", self.options.name)
