"""Where the suite keeps the virtualenvs of real third-party clients (Prefect 1, Prefect 3).

They live outside the checkout, in the user's cache (FLOWRUN_TEST_CACHE_DIR, default
~/.cache/flowrun), so a fresh clone, as CI makes, reuses an environment built once on the
machine instead of reinstalling a client on every run."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "flowrun"
    path = Path(os.environ.get("FLOWRUN_TEST_CACHE_DIR", default))
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def build_lock(name: str) -> Iterator[None]:
    """Held while a virtualenv is checked or built: the suite's workers (pytest -n), and
    two test sessions, each find it missing at once and must not build it side by side."""
    with (cache_dir() / f"{name}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
