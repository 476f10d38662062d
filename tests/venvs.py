"""Where the suite keeps the virtualenvs of real third-party clients (Prefect 1, Prefect 3).

They live outside the checkout, in the user's cache (FLOWRUN_TEST_CACHE_DIR, default
~/.cache/flowrun), so a fresh clone, as CI makes, reuses an environment built once on the
machine instead of reinstalling a client on every run."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "flowrun"
    path = Path(os.environ.get("FLOWRUN_TEST_CACHE_DIR", default))
    path.mkdir(parents=True, exist_ok=True)
    return path
