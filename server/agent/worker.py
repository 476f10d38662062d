"""One run, from Submitted to its end: Running, the child process, heartbeats, cancellation,
and the final state (Success, Failed with the error, or Cancelled).

Every state change is versioned: if the run moved meanwhile (cancelled, failed by the zombie
killer), the worker reads it again and acts on what it finds instead of overwriting it. When
the server cannot be reached, the child keeps running and the worker retries with backoff."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import pendulum

from ..client import Client
from ..client.errors import ClientError
from ..client.models import RunToExecute, is_finished
from .logship import LogShipper
from .process import ChildProcess, now_iso

T = TypeVar("T")
log = logging.getLogger("flowrun.agent")
VERSION_LOCKING_ERROR = "VERSION_LOCKING_ERROR"
CANCELLED_MESSAGE = "Flow run was cancelled; its process was stopped."
RETRY_CODES = frozenset({"CONNECTION_FAILED", "SERVICE_UNAVAILABLE"})


@dataclass(frozen=True)
class WorkerOptions:
    heartbeat_interval: float = 10.0
    kill_grace: float = 5.0
    max_backoff: float = 30.0
    executor: str = "agent"  # who runs it, for messages: "agent my-agent", "flowrun run"


class RunWorker:
    def __init__(
        self,
        client: Client,
        run: RunToExecute,
        shipper: LogShipper,
        options: WorkerOptions,
        *,
        echo: Callable[[dict[str, Any]], None] | None = None,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        self.client = client
        self.run = run
        self.shipper = shipper
        self.options = options
        self.echo = echo
        self.on_done = on_done
        self.final_state: str | None = None
        self.child: ChildProcess | None = None
        self._cancel = threading.Event()
        self._stop_reason: str | None = None
        self._thread = threading.Thread(target=self._main, name=f"run:{run.id[:8]}",
                                        daemon=True)

    # -- control, from other threads ------------------------------------------------------
    def start(self) -> RunWorker:
        self._thread.start()
        return self

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def request_cancel(self) -> None:
        """The run was set Cancelling (or ended elsewhere): stop the child."""
        self._cancel.set()

    def request_stop(self, reason: str) -> None:
        """Stop the child and end the run Failed with `reason` (the executor is going away)."""
        self._stop_reason = reason
        self._cancel.set()

    # -- the run --------------------------------------------------------------------------
    def _main(self) -> None:
        try:
            self.final_state = self._execute()
        except Exception:
            log.exception("run %s: the agent failed while executing it", self.run.id)
        finally:
            if self.on_done is not None:
                self.on_done()

    def _execute(self) -> str | None:
        if not self._wait_for_start():
            return None
        version = self._set_running()
        if version is None:
            return None
        self.child = ChildProcess(self.run.id, self._spec(), self._sink)
        self.child.start()
        log.info("run %s (%s): started flow %s in process %s", self.run.id, self.run.name,
                 self.run.flow_name, self.child.pid)
        code = self._supervise(self.child)
        self.child.join_readers(5)
        state, message = self._verdict(self.child, code)
        self.shipper.flush()
        final = self._finish(state, message, version)
        log.info("run %s (%s): %s", self.run.id, self.run.name, final)
        return final

    def _wait_for_start(self) -> bool:
        """Wait for the run's start time (an agent claims a little ahead); False when asked
        to stop meanwhile (a run left Submitted is rescheduled by the zombie killer)."""
        start = self.run.start_at
        if start is None:
            return True
        delay = (start - pendulum.now("UTC")).total_seconds()
        return delay <= 0 or not self._cancel.wait(delay)

    def _spec(self) -> dict[str, Any]:
        run = self.run
        context = {**run.context, "flow_run_id": run.id, "flow_run_name": run.name,
                   "flow_id": run.flow_id, "flow_name": run.flow_name,
                   "scheduled_start_time": run.scheduled_start_time,
                   "parameters": run.parameters}
        return {"storage": run.storage, "parameters": run.parameters, "context": context,
                "flow_name": run.flow_name,
                "log_level": (run.run_config or {}).get("log_level") or "INFO"}

    def _sink(self, record: dict[str, Any]) -> None:
        self.shipper.add(record)
        if self.echo is not None:
            self.echo(record)

    def _set_running(self) -> int | None:
        message = f"Running flow {self.run.flow_name} ({self.options.executor})"
        try:
            return self._set_state("Running", message, self.run.version)
        except ClientError as exc:
            if exc.code == VERSION_LOCKING_ERROR and self._current() == (
                    "Running", self.run.version + 1):
                # Our own write, whose answer the network lost before the retry: nobody else
                # moves a run this agent claimed from Submitted to Running.
                return self.run.version + 1
            log.warning("run %s: not started (%s: %s)", self.run.id, exc.code, exc.message)
            return None

    def _supervise(self, child: ChildProcess) -> int | None:
        """Wait for the child, heartbeating; stop it when asked. Returns its exit code."""
        next_beat = time.monotonic() + self.options.heartbeat_interval
        while True:
            code = child.wait(0.2)
            if code is not None:
                return code
            if self._cancel.is_set():
                child.stop(self.options.kill_grace)
                return child.wait(1)
            if time.monotonic() >= next_beat:
                self._heartbeat()
                next_beat = time.monotonic() + self.options.heartbeat_interval

    def _heartbeat(self) -> None:
        try:
            self.client.update_flow_run_heartbeat(self.run.id)
        except ClientError as exc:
            log.warning("run %s: heartbeat failed (%s); the flow keeps running",
                        self.run.id, exc.message)

    def _verdict(self, child: ChildProcess, code: int | None) -> tuple[str, str]:
        if self._stop_reason is not None:
            return "Failed", self._stop_reason
        if self._cancel.is_set():
            return "Cancelled", CANCELLED_MESSAGE
        result = child.result or {}
        if code == 0 and result.get("ok", True):
            return "Success", "Flow run succeeded."
        if result.get("message"):
            return "Failed", f"Flow run failed: {result['message']}"
        return "Failed", _exit_message(code)

    def _finish(self, state: str, message: str, version: int) -> str | None:
        """Set the final state; on a version conflict, read the run and decide again."""
        for _ in range(10):
            try:
                self._set_state(state, message, version)
                return state
            except ClientError as exc:
                if exc.code != VERSION_LOCKING_ERROR:
                    log.error("run %s: could not set %s: %s", self.run.id, state, exc.message)
                    return None
            current, version = self._current()
            if current == state or is_finished(current):
                if current != state:
                    self._note(f"The run had already ended {current}; this executor's "
                               f"outcome ({state}: {message}) was not recorded.")
                return current
            if current == "Cancelling":
                state, message = "Cancelled", CANCELLED_MESSAGE
        return None

    def _set_state(self, state: str, message: str, version: int) -> int:
        return self._with_retries(lambda: self.client.set_flow_run_state(
            self.run.id, state, version=version, message=message))

    def _current(self) -> tuple[str, int]:
        states = self._with_retries(lambda: self.client.get_flow_run_states([self.run.id]))
        return states.get(self.run.id, ("Deleted", 0))

    def _note(self, message: str) -> None:
        self.shipper.add({"flow_run_id": self.run.id, "timestamp": now_iso(),
                          "level": "WARNING", "name": "flowrun.agent", "message": message,
                          "info": None})
        self.shipper.flush()

    def _with_retries(self, call: Callable[[], T]) -> T:
        """Call until the server answers (retrying lost connections and 503s with backoff);
        gives up only when the executor is stopping."""
        delay = 0.5
        while True:
            try:
                return call()
            except ClientError as exc:
                if exc.code not in RETRY_CODES or (self._stop_reason and delay > 4):
                    raise
                log.warning("run %s: server unavailable (%s); retrying in %.0fs",
                            self.run.id, exc.message, delay)
                time.sleep(delay)
                delay = min(delay * 2, self.options.max_backoff)


def _exit_message(code: int | None) -> str:
    if code is None:
        return "The flow's process did not stop."
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"The flow's process was killed by {name}."
    return f"The flow's process exited with code {code}."

