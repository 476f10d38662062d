"""The flow the browser tests register: typed parameters, one required, and a log line."""

import logging

log = logging.getLogger("greet")


def greet(who: str, times: int = 1, loud: bool = False, tags: list[str] | None = None) -> None:
    """Greet someone, a number of times."""
    for _ in range(times):
        message = f"Hello, {who}!"
        log.info(message.upper() if loud else message)
