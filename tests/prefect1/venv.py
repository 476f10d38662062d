"""The separate virtualenv holding the real Prefect 1.4.1, built once in the test cache
(tests/venvs.py, outside the checkout, so CI's fresh clones reuse it) and reused.

Prefect 1.4.1 needs older pins to import on Python 3.11: marshmallow 3.19 (newer ones dropped
what its schemas use), marshmallow-oneofschema 3.0.1 and pendulum 2.1.2 (Prefect 1 calls
pendulum 2's API). A lock file keeps two test sessions from building it at once; a marker file
written last says the build finished, so a half-built environment is rebuilt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.venvs import build_lock, cache_dir

CACHE = cache_dir()
VENV = CACHE / "prefect1-venv-1.4.1"
PINS = ("prefect==1.4.1", "marshmallow==3.19.0", "marshmallow-oneofschema==3.0.1",
        "pendulum==2.1.2")
MARKER = VENV / ".flowrun-ready"
CHECK = "import prefect, pendulum; assert prefect.__version__ == '1.4.1', prefect.__version__"


class Unavailable(RuntimeError):
    """The Prefect 1 environment could not be built here (the message says why)."""


def bin_path(name: str) -> Path:
    return VENV / "bin" / name


def ensure() -> Path:
    """The Prefect 1 environment's python, built if it is missing or broken."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with build_lock("prefect1-venv"):
        if _usable():
            return bin_path("python")
        shutil.rmtree(VENV, ignore_errors=True)
        _run([sys.executable, "-m", "venv", str(VENV)], "create the virtualenv")
        _run([str(bin_path("python")), "-m", "pip", "install", "--quiet",
              "--disable-pip-version-check", *PINS], f"pip install {' '.join(PINS)}")
        _run([str(bin_path("python")), "-c", CHECK], "import prefect 1.4.1")
        MARKER.write_text("\n".join(PINS) + "\n")
        return bin_path("python")


def _usable() -> bool:
    if not MARKER.exists() or MARKER.read_text().split() != list(PINS):
        return False
    result = subprocess.run([str(bin_path("python")), "-c", CHECK], capture_output=True,
                            timeout=120, check=False)
    return result.returncode == 0


def _run(command: list[str], what: str) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=900,
                                check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"could not {what}: {exc}") from exc
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise Unavailable(f"could not {what} (exit {result.returncode}):\n{tail}")
