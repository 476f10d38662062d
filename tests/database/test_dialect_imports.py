"""A server imports only its own engine's dialect. A SQLite server never imports PostgreSQL's
SQLAlchemy dialect or psycopg (2.3 MiB and about 70 ms of start-up on the bench machine): the
models build no dialect options and the repository loads the dialect it is asked for
(server.database.types.dialect_module). A PostgreSQL server never imports sqlite3, SQLAlchemy's
SQLite dialect or sqlite_inline (1.6 MiB): the engine imports them for a SQLite URL only. And
neither imports the REST door before its first request."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
from server.app import create_app
from server.database import migrate
from server.settings import Settings
migrate.current_revision(sys.argv[1])  # as `flowrun server start` checks, in its process
app = create_app(Settings(database_url=sys.argv[1]))
loaded = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2].split(","))))
print(loaded)
"""


def loaded(url: str, prefixes: str) -> str:
    done = subprocess.run([sys.executable, "-c", CHECK, url, prefixes],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_sqlite_server_does_not_load_postgresql(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    assert loaded(url, "sqlalchemy.dialects.postgresql,psycopg") == "[]"


def test_a_postgresql_server_does_not_load_sqlite(postgresql_url: str) -> None:
    prefixes = "sqlite3,_sqlite3,sqlalchemy.dialects.sqlite,server.database.sqlite_inline"
    assert loaded(postgresql_url, prefixes) == "[]"


FIRST_REST_REQUEST = """
import sys
from starlette.testclient import TestClient
from server.app import create_app
from server.settings import Settings
app = create_app(Settings(database_url=sys.argv[1]))
before = "server.rest" in sys.modules
with TestClient(app) as client:
    graphql = client.post("/graphql", json={"query": "{ flow { id } }"}).status_code
    after_graphql = "server.rest" in sys.modules
    rest = client.post("/api/flow_runs/filter", json={}).status_code
print(before, graphql, after_graphql, rest, "server.rest" in sys.modules)
"""


def test_the_rest_door_is_loaded_by_its_first_request(tmp_path: Path) -> None:
    """Most processes serve GraphQL only: the REST door (its modules and Pydantic models,
    1.3 MiB) is imported when /api is first asked, and then answers as ever."""
    url = f"sqlite:///{tmp_path / 'f.db'}"
    from server.database import migrate

    migrate.upgrade(url)
    done = subprocess.run([sys.executable, "-c", FIRST_REST_REQUEST, url],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "200", "False", "200", "True"]
