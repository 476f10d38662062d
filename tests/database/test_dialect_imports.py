"""A SQLite server never imports PostgreSQL's SQLAlchemy dialect (2.3 MiB and about 70 ms of
start-up on the bench machine): the models build no dialect options and the repository loads
the dialect it is asked for (server.database.types.dialect_module)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
from server.app import create_app
from server.settings import Settings
app = create_app(Settings(database_url=sys.argv[1]))
loaded = sorted(m for m in sys.modules if m.startswith(("sqlalchemy.dialects.postgresql",
                                                        "psycopg")))
print(loaded)
"""


def test_a_sqlite_server_does_not_load_postgresql(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CHECK, f"sqlite:///{tmp_path / 'f.db'}"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout
