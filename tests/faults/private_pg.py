"""A private PostgreSQL 15 instance for the one scenario that restarts the database server:
the shared cluster other test sessions use is never stopped. Built with Debian's binaries
(initdb, pg_ctl) in a temporary directory, on a free port, run as the `postgres` user when we
are root (PostgreSQL refuses to run as root), torn down at the end. Without those binaries the
test is skipped with the reason, except under CI (CI=true), where it fails."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from server.database import migrate
from tests.live import free_port

BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass
class PrivatePostgres:
    data: Path
    port: int
    as_user: list[str]

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/flowrun"

    def pg_ctl(self, *args: str) -> None:
        subprocess.run([*self.as_user, str(BIN / "pg_ctl"), "-D", str(self.data), "-w",
                        "-t", "60", *args], check=True, capture_output=True, timeout=90)

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        self.pg_ctl("-o", options, "-l", str(self.data / "server.log"), "start")

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("-m", mode, "stop")

    def restart(self, down_seconds: float) -> float:
        """Stop the server (fast: sessions are ended), stay down, start again; the seconds
        it was unreachable."""
        stopped = time.monotonic()
        self.stop()
        time.sleep(down_seconds)  # the outage's length
        self.start()
        return time.monotonic() - stopped


def _skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"a private PostgreSQL is required under CI: {reason}")
    pytest.skip(reason)


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    if not (BIN / "initdb").exists() or not (BIN / "pg_ctl").exists():
        _skip(f"PostgreSQL 15's initdb and pg_ctl are not in {BIN}")
    as_user: list[str] = []
    directory = Path(tempfile.mkdtemp(prefix="flowrun-private-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            _skip("running as root and there is no postgres user to run PostgreSQL as")
        os.chown(directory, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    instance = PrivatePostgres(directory / "data", free_port(), as_user)
    try:
        subprocess.run([*as_user, str(BIN / "initdb"), "-D", str(instance.data), "-U",
                        "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"],
                       check=True, capture_output=True, timeout=120)
        instance.start()
        with psycopg.connect(instance.url.replace("/flowrun", "/postgres"),
                             autocommit=True) as admin:
            admin.execute("CREATE DATABASE flowrun")
        migrate.upgrade(instance.url)
        yield instance
    finally:
        if (instance.data / "postmaster.pid").exists():
            subprocess.run([*as_user, str(BIN / "pg_ctl"), "-D", str(instance.data), "-m",
                            "immediate", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(directory, ignore_errors=True)
