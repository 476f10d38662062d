"""`flowrun agent start`."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType
from typing import Annotated

import typer

from .common import client, handled

agent = typer.Typer(no_args_is_help=True, help="Run agents that execute flow runs")


@agent.command("start")
@handled
def start(
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="A label this agent "
                                           "carries; it runs flows whose labels it all has. "
                                           "Repeatable.")] = None,
    concurrency: int = typer.Option(4, "--concurrency", "-c", min=1, help="Flow runs at once"),
    name: str | None = typer.Option(None, "--name", help="The agent's name"),
    poll_interval: float = typer.Option(1.0, "--poll-interval", min=0.05,
                                        help="Seconds between looks for due runs"),
    heartbeat_interval: float = typer.Option(10.0, "--heartbeat-interval", min=0.05,
                                             help="Seconds between heartbeats of a run"),
    prefetch: float | None = typer.Option(None, "--prefetch", min=0, help="Claim runs due "
                                          "within this many seconds and start each on time "
                                          "[default: the poll interval]"),
    push: bool = typer.Option(True, "--push/--no-push", help="Also be told of new runs at "
                              "once over a WebSocket subscription (polling stays the safety "
                              "net)"),
    log_level: str = typer.Option("INFO", "--log-level", help="The agent's own log level"),
) -> None:
    """Claim due flow runs and execute each in a child process, until interrupted."""
    logging.basicConfig(level=log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("websockets").setLevel(logging.WARNING)
    from ..agent.agent import Agent, AgentOptions  # not on every `flowrun` start

    options = AgentOptions(labels=tuple(label or ()), concurrency=concurrency,
                           poll_interval=poll_interval, heartbeat_interval=heartbeat_interval,
                           prefetch_seconds=prefetch, push=push)
    if name:
        options = AgentOptions(**{**options.__dict__, "name": name})
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with client() as api:
        Agent(api, options).run(stop)
