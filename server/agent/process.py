"""The child process that runs a flow, and the threads that turn its output into log records.

stdout lines become INFO records (logger "flowrun.stdout"), stderr lines WARNING records
("flowrun.stderr"), and the child's own log records arrive as JSON lines on a dedicated pipe.
The child gets its own session (process group), so stopping it stops whatever it started."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import IO, Any

from . import forkserver

log = logging.getLogger("flowrun.agent")
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
        self.process: subprocess.Popen[bytes] | forkserver.ForkedProcess | None = None
        self._readers: list[threading.Thread] = []

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self) -> None:
        env = {**os.environ, "FLOWRUN_FLOW_RUN_ID": self.flow_run_id, "PYTHONUNBUFFERED": "1"}
        server = forkserver.shared()
        if server is not None:
            try:
                self._fork(server, env)
                return
            except OSError as exc:
                log.warning("run %s: the fork server failed (%s); starting an interpreter",
                            self.flow_run_id, exc)
        self._popen(env)

    def _fork(self, server: forkserver.ForkServer, env: dict[str, str]) -> None:
        """A warm child from the fork server, on pipes made here."""
        pipes = [os.pipe() for _ in range(4)]  # stdin, stdout, stderr, log records
        theirs = (pipes[0][0], pipes[1][1], pipes[2][1], pipes[3][1])
        try:
            self.process = server.spawn(env, theirs)
        except OSError:
            for read_fd, write_fd in pipes:
                os.close(read_fd)
                os.close(write_fd)
            raise
        for fd in theirs:
            os.close(fd)
        self._attach(os.fdopen(pipes[0][1], "wb"), os.fdopen(pipes[1][0], "rb"),
                     os.fdopen(pipes[2][0], "rb"), pipes[3][0], forkserver.LOG_FD)

    def _popen(self, env: dict[str, str]) -> None:
        read_fd, write_fd = os.pipe()
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "server.agent.child"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                pass_fds=(write_fd,), start_new_session=True, env=env,
            )
        finally:
            os.close(write_fd)
        self.process = process
        assert process.stdin and process.stdout and process.stderr
        self._attach(process.stdin, process.stdout, process.stderr, read_fd, write_fd)

    def _attach(self, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[bytes], records: int,
                log_fd: int) -> None:
        """Send the spec (naming the child's log fd) and start reading what comes back."""
        spec = json.dumps({**self.spec, "log_fd": log_fd}, default=str).encode()
        with contextlib.suppress(BrokenPipeError):
            stdin.write(spec)
            stdin.close()
        self._read(stdout, "stdout")
        self._read(stderr, "stderr")
        self._read_records(os.fdopen(records, "rb"))

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
