"""A cached virtualenv with the real Prefect 3 client (prefect==3.9.1) in the test cache
(tests/venvs.py), built on first use. Prefect 3.9.1 asks for certifi>=2026.10.19; where the
package index has no such certifi yet, that one floor is relaxed (certifi only carries CA
certificates)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from tests.venvs import build_lock, cache_dir

PREFECT = "prefect==3.9.1"
VENV = cache_dir() / "prefect3-venv-3.9.1"
INSTALL_TIMEOUT = 1200


class InstallFailed(Exception):
    pass


def prefect3_python() -> Path:
    """The venv's python, with prefect 3.9.1 importable (building the venv if needed)."""
    with build_lock("prefect3-venv"):
        return _ensure()


def _ensure() -> Path:
    python = VENV / "bin" / "python"
    if _has_prefect(python):
        return python
    if not python.exists():
        _run([sys.executable, "-m", "venv", str(VENV)])
    pip = [str(python), "-m", "pip", "install", "--quiet"]
    try:
        _run([*pip, PREFECT])
    except InstallFailed:
        _install_with_relaxed_certifi(python, pip)
    if not _has_prefect(python):
        raise InstallFailed(f"{PREFECT} installed but does not import")
    return python


def _install_with_relaxed_certifi(python: Path, pip: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _run([str(python), "-m", "pip", "download", "--quiet", "--no-deps", "-d", folder,
              PREFECT])
        wheel = next(Path(folder).glob("prefect-*.whl"))
        requirements = Path(folder) / "requirements.txt"
        requirements.write_text("\n".join(_requirements(wheel)))
        _run([*pip, "--no-deps", str(wheel)])
        _run([*pip, "-r", str(requirements)])


def _requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode()
    out = []
    for line in metadata.splitlines():
        if line.startswith("Requires-Dist: ") and "extra ==" not in line:
            requirement = line.removeprefix("Requires-Dist: ")
            out.append("certifi" if requirement.startswith("certifi") else requirement)
    return out


def _has_prefect(python: Path) -> bool:
    if not python.exists():
        return False
    check = "import prefect, sys; sys.exit(prefect.__version__ != '3.9.1')"
    return subprocess.run([str(python), "-c", check], capture_output=True,
                          timeout=300).returncode == 0


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise InstallFailed(f"{' '.join(command)} timed out") from exc
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).splitlines()[-5:])
        raise InstallFailed(f"{' '.join(command[:6])} failed:\n{tail}")
