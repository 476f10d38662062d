"""Fixtures for the Prefect 1 drop-in tests: the Prefect 1 virtualenv (built once), a private
Prefect home per session, and the live flowrun server of each database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live import LiveServer

from . import venv
from .harness import Agent, Prefect1, local_agent, unique


@pytest.fixture(scope="session")
def prefect1_python() -> Path:
    try:
        return venv.ensure()
    except venv.Unavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"the Prefect 1 environment is required under CI: {exc}")
        pytest.skip(f"the Prefect 1.4.1 environment cannot be built here: {exc}")


@pytest.fixture(scope="session")
def prefect1_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """HOME for every Prefect 1 process of the session: registration pickles flows into
    ~/.prefect/flows there and the agent's flow runners read them back."""
    return tmp_path_factory.mktemp("prefect1-home")


@pytest.fixture(scope="session")
def prefect1(prefect1_python: Path, live_server: LiveServer, prefect1_home: Path) -> Prefect1:
    """Prefect 1 pointed at the live server of this session's database (no rows are
    deleted between tests: each test names its own project, flows and labels)."""
    return Prefect1(live_server, prefect1_home)


@pytest.fixture(scope="module")
def agent_labels() -> list[str]:
    return [unique("p1-agent")]


@pytest.fixture(scope="module")
def agent(prefect1: Prefect1, agent_labels: list[str]) -> Iterator[Agent]:
    """The real Prefect 1 local agent for this module's tests, on this server."""
    with local_agent(prefect1, agent_labels) as running:
        yield running
