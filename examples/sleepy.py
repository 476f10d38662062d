"""A flow that takes its time: for trying cancellation and agents that go away.

    flowrun register examples/sleepy.py:sleepy
    flowrun run -n sleepy --param seconds=60
    flowrun flow-run cancel <run id>
"""

import logging
import os
import time
from pathlib import Path

log = logging.getLogger("sleepy")


def sleepy(seconds: float = 30.0, pid_file: str | None = None) -> None:
    """Sleep for `seconds`, logging every second; writes its pid to `pid_file` when given."""
    if pid_file:
        Path(pid_file).write_text(str(os.getpid()))
    log.info("Sleeping for %s seconds in process %s", seconds, os.getpid())
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
    log.info("Done sleeping")
