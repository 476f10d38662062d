"""What the HTTP-speaking commands share: the client, one-line errors with exit codes, the
key=value parsers, and how states and logs look on a terminal.

Exit codes: 0 success; 1 the run failed, or the server could not do what was asked;
2 bad input (an option that does not parse, an unknown or ambiguous flow, ...). Errors are one
line on stderr, never a traceback."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from ..client import Client
from ..client.errors import ClientError
from ..client.flows import FlowLoadError
from ..client.models import LogRecord
from ..client.signature import SignatureError
from ..domain.errors import InvalidInput

F = TypeVar("F", bound=Callable[..., Any])

# Piped output is not cut to 80 columns: ids in tables stay whole.
console = Console(highlight=False, soft_wrap=True,
                  width=None if sys.stdout.isatty() else 200)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

BAD_INPUT = 2
FAILED = 1
INPUT_CODES = frozenset({"BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "VERSION_LOCKING_ERROR",
                         "GRAPHQL_VALIDATION_FAILED"})
STATE_STYLES = {
    "Scheduled": "yellow", "Submitted": "cyan", "Pending": "cyan", "Queued": "cyan",
    "Running": "blue", "Cancelling": "magenta", "Cancelled": "magenta", "Success": "green",
    "Completed": "green", "Failed": "red", "Crashed": "red", "TimedOut": "red",
}
LEVEL_STYLES = {"DEBUG": "dim", "INFO": "", "WARNING": "yellow", "ERROR": "red",
                "CRITICAL": "bold red"}


class UsageProblem(Exception):
    """Bad input found by the CLI itself: exit code 2."""


def fail(message: str, code: int = BAD_INPUT) -> NoReturn:
    err_console.print(Text("Error: ", style="bold red") + Text(message))
    raise typer.Exit(code)


def handled(command: F) -> F:
    """Turn every expected failure of a command into one line on stderr and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (UsageProblem, FlowLoadError, SignatureError) as exc:
            fail(str(exc))
        except InvalidInput as exc:
            fail(exc.message)
        except ClientError as exc:
            fail(exc.message, BAD_INPUT if exc.code in INPUT_CODES else FAILED)
        except KeyboardInterrupt:
            err_console.print("Interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def client() -> Client:
    return Client(os.environ.get("FLOWRUN_API_URL") or None)


def parse_pairs(pairs: list[str] | None, option: str) -> dict[str, Any]:
    """key=value pairs; each value is read as JSON, else kept as a string (name=Marvin)."""
    values: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise UsageProblem(f"{option} {pair!r} is not key=value (for example "
                               f"{option} name=Marvin or {option} 'n=[1, 2]')")
        try:
            values[key.strip()] = json.loads(raw)
        except ValueError:
            values[key.strip()] = raw
    return values


def json_object_file(path: str, option: str) -> dict[str, Any]:
    try:
        text = Path(path).read_text()
    except OSError as exc:
        raise UsageProblem(f"{option} {path}: {exc.strerror or exc}") from None
    return json_object_text(text, f"{option} {path}")


def json_object_text(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise UsageProblem(f"{what} is not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise UsageProblem(f"{what} must hold a JSON object such as {{\"a\": 1}}, "
                           f"not {type(value).__name__}")
    return value


def state_text(state: str, message: str | None = None) -> Text:
    text = Text(state, style=f"bold {STATE_STYLES.get(state, '')}".strip())
    if message:
        text.append(f"  {message}", style="dim")
    return text


def log_text(record: LogRecord) -> Text:
    stamp = record.timestamp.in_timezone("UTC").format("HH:mm:ss")
    text = Text(f"{stamp} ", style="dim")
    text.append(f"{record.level:<8}", style=LEVEL_STYLES.get(record.level, ""))
    if record.name:
        text.append(f" {record.name} | ", style="dim")
    else:
        text.append(" ")
    text.append(record.message)
    return text


def when(value: Any) -> str:
    return value.in_timezone("UTC").format("YYYY-MM-DD HH:mm:ss") if value else "-"
