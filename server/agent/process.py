"""The child process that runs a flow, and the threads that turn its output into log records.

stdout lines become INFO records (logger "flowrun.stdout"), stderr lines WARNING records
("flowrun.stderr"), and the child's own log records arrive as JSON lines on a dedicated pipe.
The child gets its own session (process group), so stopping it stops whatever it started."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import IO, Any

Sink = Callable[[dict[str, Any]], None]
STREAMS = {"stdout": ("INFO", "flowrun.stdout"), "stderr": ("WARNING", "flowrun.stderr")}


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class ChildProcess:
    def __init__(self, flow_run_id: str, spec: dict[str, Any], sink: Sink) -> None:
        self.flow_run_id = flow_run_id
        self.spec = spec
        self.sink = sink
        self.result: dict[str, Any] | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self._readers: list[threading.Thread] = []

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self) -> None:
        read_fd, write_fd = os.pipe()
        env = {**os.environ, "FLOWRUN_FLOW_RUN_ID": self.flow_run_id, "PYTHONUNBUFFERED": "1"}
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server.agent.child"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                pass_fds=(write_fd,), start_new_session=True, env=env,
            )
        finally:
            os.close(write_fd)
        assert self.process.stdin and self.process.stdout and self.process.stderr
        spec = json.dumps({**self.spec, "log_fd": write_fd}, default=str).encode()
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.write(spec)
            self.process.stdin.close()
        self._read(self.process.stdout, "stdout")
        self._read(self.process.stderr, "stderr")
        self._read_records(os.fdopen(read_fd, "rb"))

    def wait(self, timeout: float | None = None) -> int | None:
        """The exit code, or None while it runs after `timeout` seconds."""
        assert self.process is not None
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, grace: float) -> None:
        """SIGTERM the child's process group, then SIGKILL after `grace` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self._signal(signal.SIGTERM)
        if self.wait(grace) is None:
            self._signal(signal.SIGKILL)
            self.wait(5)

    def join_readers(self, timeout: float) -> None:
        for reader in self._readers:
            reader.join(timeout)

    def _signal(self, sig: signal.Signals) -> None:
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, sig)

    def _thread(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=f"{name}:{self.flow_run_id[:8]}",
                                  daemon=True)
        thread.start()
        self._readers.append(thread)

    def _read(self, stream: IO[bytes], which: str) -> None:
        level, name = STREAMS[which]

        def pump() -> None:
            with stream:
                for raw in stream:
                    line = raw.decode(errors="replace").rstrip("\r\n")
                    if line:
                        self.sink(self._record(level, name, line, now_iso()))

        self._thread(pump, which)

    def _read_records(self, stream: IO[bytes]) -> None:
        def pump() -> None:
            with stream:
                for raw in stream:
                    self._on_line(raw)

        self._thread(pump, "records")

    def _on_line(self, raw: bytes) -> None:
        try:
            item = json.loads(raw)
        except ValueError:
            return
        if item.get("kind") == "result":
            self.result = item
        elif item.get("kind") == "log":
            self.sink(self._record(item.get("level") or "INFO", item.get("name"),
                                   str(item.get("message") or ""),
                                   item.get("timestamp") or now_iso(), item.get("info")))

    def _record(self, level: str, name: str | None, message: str, timestamp: str,
                info: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"flow_run_id": self.flow_run_id, "timestamp": timestamp, "level": level,
                "name": name, "message": message, "info": info}
