"""A warm start for run children: one pre-imported process that forks each of them.

Starting `python -m server.agent.child` costs an interpreter start and its imports (tens of
milliseconds of CPU per run, most of a trivial run). Instead each agent process starts one
fork server, `python -m server.agent.forkserver`, single-threaded, with the child's modules
already imported. For each run the agent sends it, over a Unix socket, the child's
environment and working directory and four pipe ends (stdin, stdout, stderr, the log pipe);
the server forks, and the fork becomes what `python -m server.agent.child` would have been:
its own session (so `killpg` stops it and whatever it starts), those pipes as fds 0, 1, 2 and
LOG_FD, that environment and directory, then `child.main()`. The flow's own code is imported
only in the fork, so runs share nothing. The server reaps each fork and reports its exit
status (as Popen.returncode would be).

The fork server ends when the agent's end of the socket closes (the agent exited or died);
its forks then get SIGTERM through their parent-death signal, as before. Where fork or the
server is unavailable, ChildProcess falls back to a plain interpreter start."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
from typing import Any

from . import child  # imported here, so every fork starts warm

LOG_FD = 3
_MAX_MESSAGE = 1 << 20


# --- the server process ----------------------------------------------------------------------


def serve(control: socket.socket) -> None:
    children: set[int] = set()
    while True:
        ready, _, _ = select.select([control], [], [], 0.01 if children else None)
        _reap(control, children)
        if not ready:
            continue
        message, fds, _flags, _addr = socket.recv_fds(control, _MAX_MESSAGE, 4)
        if not message:
            return  # the agent is gone
        request = json.loads(message)
        pid = os.fork()
        if pid == 0:
            _become_child(control, fds, request)
        for fd in fds:
            os.close(fd)
        children.add(pid)
        _send(control, {"started": pid, "seq": request["seq"]})


def _reap(control: socket.socket, children: set[int]) -> None:
    for pid in list(children):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            children.discard(pid)
            _send(control, {"exited": pid, "code": os.waitstatus_to_exitcode(status)})


def _become_child(control: socket.socket, fds: list[int], request: dict[str, Any]) -> None:
    code = 1
    try:
        control.close()
        os.setsid()
        for target, fd in zip((0, 1, 2, LOG_FD), fds, strict=True):
            os.dup2(fd, target, inheritable=target != LOG_FD)
        for fd in fds:
            if fd not in (0, 1, 2, LOG_FD):
                os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        code = child.main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # whatever happens, never return into the server
        code = 1
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _send(control: socket.socket, item: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        control.sendall(json.dumps(item).encode() + b"\n")


# --- the agent's side ------------------------------------------------------------------------


class ForkedProcess:
    """What the agent keeps of a forked child: its pid and, once reaped, its exit code."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._exited = threading.Event()

    def _set_exit(self, code: int) -> None:
        self.returncode = code
        self._exited.set()

    def poll(self) -> int | None:
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if not self._exited.wait(timeout):
            raise subprocess.TimeoutExpired("forked child", timeout or 0)
        assert self.returncode is not None
        return self.returncode


class ForkServer:
    """The agent's connection to its fork server (one per agent process, shared by threads)."""

    def __init__(self) -> None:
        # SEQPACKET keeps each request (and the fds it carries) one message.
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.agent.forkserver", str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env,
            start_new_session=True,
        )
        theirs.close()
        self._socket = ours
        self._lock = threading.Lock()
        self._seq = 0
        self._started: dict[int, tuple[threading.Event, list[int]]] = {}
        self._children: dict[int, ForkedProcess] = {}
        self._early_exits: dict[int, int] = {}
        self._alive = True
        threading.Thread(target=self._read, name="forkserver", daemon=True).start()

    def spawn(self, env: dict[str, str], fds: tuple[int, int, int, int],
              timeout: float = 30.0) -> ForkedProcess:
        """Fork a child with these pipe ends as stdin, stdout, stderr and LOG_FD."""
        with self._lock:
            if not self._alive:
                raise OSError("the fork server is gone")
            self._seq += 1
            seq, started = self._seq, threading.Event()
            self._started[seq] = (started, [])
            request = {"seq": seq, "env": env, "cwd": os.getcwd()}
            socket.send_fds(self._socket, [json.dumps(request).encode()], list(fds))
        if not started.wait(timeout):
            raise OSError("the fork server did not answer")
        with self._lock:
            _, found = self._started.pop(seq)
            if not found:
                raise OSError("the fork server is gone")
            process = ForkedProcess(found[0])
            self._children[process.pid] = process
            if process.pid in self._early_exits:
                process._set_exit(self._early_exits.pop(process.pid))
        return process

    def _read(self) -> None:
        with self._socket.makefile("rb") as stream:
            for line in stream:
                self._on_message(json.loads(line))
        with self._lock:  # EOF: the server died; fail pending spawns, fall back afterwards
            self._alive = False
            for event, _ in self._started.values():
                event.set()
            for process in self._children.values():  # its forks got SIGTERM with it
                process._set_exit(-signal.SIGTERM)
            self._children.clear()

    def _on_message(self, item: dict[str, Any]) -> None:
        with self._lock:
            if "started" in item:
                event, found = self._started[item["seq"]]
                found.append(int(item["started"]))
                event.set()
            elif "exited" in item:
                process = self._children.pop(int(item["exited"]), None)
                if process is None:
                    self._early_exits[int(item["exited"])] = int(item["code"])
                else:
                    process._set_exit(int(item["code"]))

    @property
    def alive(self) -> bool:
        return self._alive and self.process.poll() is None


_server: ForkServer | None = None
_server_lock = threading.Lock()


def shared() -> ForkServer | None:
    """This process's fork server, started on first use; None where it cannot run."""
    global _server
    if not hasattr(os, "fork") or not hasattr(socket, "send_fds"):
        return None
    with _server_lock:
        if _server is None or not _server.alive:
            try:
                _server = ForkServer()
            except OSError:
                _server = None
        return _server


def main() -> None:
    control = socket.socket(fileno=int(sys.argv[1]))
    serve(control)


if __name__ == "__main__":
    main()
