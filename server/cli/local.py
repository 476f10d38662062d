"""`flowrun run -p file.py` / `-m module`: run a flow function here, without the server.

With `-s/--schedule`, the function's own schedule (`@flow(schedule=...)`) decides when: the
command waits for each next time, runs it, and goes on until interrupted. A function without
a schedule runs once."""

from __future__ import annotations

import contextlib
import inspect
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pendulum
from rich.logging import RichHandler

from ..agent import context as run_context
from ..client.flows import flow_name, flow_options, load_target
from ..domain.schedules import next_events, schedule_from_text
from .common import UsageProblem, console, err_console, state_text


def run_locally(
    target: str, name: str | None, parameters: dict[str, Any], context: dict[str, Any],
    log_level: str | None, *, schedule: bool, quiet: bool,
) -> int:
    """Run the flow once (or on its schedule); the exit code is 0 when every run succeeded."""
    function = load_target(target, name)
    _check_parameters(function, parameters)
    text = flow_options(function).get("schedule")
    with _logging(log_level or "INFO", quiet):
        if not schedule or not text:
            if schedule and not quiet:
                console.print(f"Flow {flow_name(function)} has no schedule; running it once.")
            return _run_once(function, parameters, context, quiet)
        return _run_on_schedule(function, parameters, context, str(text), quiet)


def _run_on_schedule(function: Callable[..., Any], parameters: dict[str, Any],
                     context: dict[str, Any], text: str, quiet: bool) -> int:
    document = schedule_from_text(text)
    code = 0
    while True:
        now = pendulum.now("UTC")
        events = next_events(document, after=now, until=now.add(years=10), limit=1)
        if not events:
            return code
        start = events[0].start_time
        if not quiet:
            console.print(f"Next run of {flow_name(function)} at {start.to_iso8601_string()}")
        time.sleep(max(0.0, (start - pendulum.now("UTC")).total_seconds()))
        code = max(code, _run_once(function, {**events[0].parameter_defaults, **parameters},
                                   context, quiet))


def _run_once(function: Callable[..., Any], parameters: dict[str, Any],
              context: dict[str, Any], quiet: bool) -> int:
    run_id = str(uuid.uuid4())
    run_context.set_current({**context, "flow_run_id": run_id, "flow_name": flow_name(function),
                             "parameters": parameters})
    if quiet:
        console.print(run_id)
    else:
        console.print(state_text("Running", f"flow {flow_name(function)} in this process"))
    try:
        function(**parameters)
    except Exception as exc:
        logging.getLogger("flowrun.flow_run").exception("Flow run failed")
        if not quiet:
            console.print(state_text("Failed", f"{type(exc).__name__}: {exc}"))
        return 1
    if not quiet:
        console.print(state_text("Success", "Flow run succeeded."))
    return 0


def _check_parameters(function: Callable[..., Any], parameters: dict[str, Any]) -> None:
    try:
        inspect.signature(function).bind(**parameters)
    except TypeError as exc:
        raise UsageProblem(f"The parameters do not fit {function.__name__}"
                           f"{inspect.signature(function)}: {exc}") from None


@contextlib.contextmanager
def _logging(level: str, quiet: bool) -> Iterator[None]:
    """The flow's log records on the terminal for the duration of the run."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    handler = RichHandler(console=err_console if quiet else console, show_path=False,
                          markup=False, rich_tracebacks=False)
    handler.setFormatter(logging.Formatter("%(name)s | %(message)s"))
    root.handlers = [handler]
    root.setLevel(level)
    try:
        yield
    finally:
        root.handlers, _ = saved
        root.setLevel(saved[1])
