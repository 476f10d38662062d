"""The child process that runs one flow function: `python -m server.agent.child`.

It reads its spec (JSON) from stdin: storage, parameters, context, log_level and log_fd, the
pipe on which it writes one JSON object per line: {"kind": "log", ...} for each log record,
and a last {"kind": "result", "ok": ..., "message": ...}. stdout and stderr are read by the
agent as they are. It imports only the standard library and server.client.flows."""

from __future__ import annotations

import ctypes
import json
import logging
import os
import signal
import sys
import traceback
from datetime import UTC, datetime
from typing import IO, Any

from ..client.flows import load_from_storage
from . import context

LOGGER = "flowrun.flow_run"
PR_SET_PDEATHSIG = 1


class Channel:
    """The JSON-lines pipe back to the agent."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def send(self, item: dict[str, Any]) -> None:
        try:
            self.stream.write(json.dumps(item, default=str) + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass  # the agent is gone: nothing to tell

    def result(self, ok: bool, message: str | None) -> None:
        self.send({"kind": "result", "ok": ok, "message": message})


class ChannelHandler(logging.Handler):
    def __init__(self, channel: Channel) -> None:
        super().__init__()
        self.channel = channel
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.channel.send({
            "kind": "log",
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "name": record.name,
            "message": self.format(record),
            "info": {"module": record.module, "lineno": record.lineno,
                     "func": record.funcName},
        })


def configure_logging(channel: Channel, level: str) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(ChannelHandler(channel))
    root.setLevel(level.upper())


def run(spec: dict[str, Any], channel: Channel) -> int:
    log = logging.getLogger(LOGGER)
    context.set_current(spec.get("context") or {})
    try:
        function = load_from_storage(spec.get("storage"))
        log.debug("Running %s with parameters %s", spec.get("flow_name"), spec.get("parameters"))
        function(**(spec.get("parameters") or {}))
    except SystemExit as exc:
        if exc.code in (0, None):
            channel.result(True, None)
            return 0
        return _failed(log, channel, exc)
    except BaseException as exc:
        return _failed(log, channel, exc)
    channel.result(True, None)
    return 0


def _failed(log: logging.Logger, channel: Channel, exc: BaseException) -> int:
    message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    frames = exc.__traceback__.tb_next if exc.__traceback__ else None  # skip run() itself
    trace = "".join(traceback.format_exception(type(exc), exc, frames or exc.__traceback__))
    log.error("Flow run failed: %s\n%s", message, trace.rstrip())
    channel.result(False, message)
    return 1


def die_with_parent() -> None:
    """On Linux, get SIGTERM when the agent (the thread that started us) dies, so a flow never
    runs on unsupervised; the zombie killer then ends its run."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the agent died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)


def main() -> int:
    die_with_parent()
    spec = json.loads(sys.stdin.read())
    stream = os.fdopen(int(spec["log_fd"]), "w", buffering=1, encoding="utf-8")
    channel = Channel(stream)
    configure_logging(channel, str(spec.get("log_level") or "INFO"))
    try:
        return run(spec, channel)
    finally:
        logging.shutdown()
        stream.close()


if __name__ == "__main__":
    sys.exit(main())
