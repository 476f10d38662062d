"""Run Alembic migrations programmatically (for `flowrun db upgrade`, `make run` and tests)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic and SQLAlchemy are imported only when there is migrating to do: `flowrun server
# start` on a database already at head checks it with the bare driver (upgrade_if_behind).

ROOT = Path(__file__).resolve().parents[2]
VERSIONS = ROOT / "migrations" / "versions"
_REVISION = re.compile(r"^revision(?::[^=]*)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?::[^=]*)? = (.+)$", re.MULTILINE)


def alembic_config(database_url: str) -> Config:
    from alembic.config import Config

    config = Config(toml_file=str(ROOT / "pyproject.toml"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    from alembic import command

    from .engine import ensure_sqlite_directory, sync_url

    ensure_sqlite_directory(sync_url(database_url))
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(database_url), revision)


def upgrade_if_behind(database_url: str) -> bool:
    """Migrate to head unless the database is there already; True when Alembic ran.

    The check reads the migration files' `revision` / `down_revision` lines and the
    database's alembic_version row; whenever either is not plainly readable (a merge
    revision, no table yet, any error) Alembic decides, as `upgrade` does."""
    head = head_revision()
    if head is not None and head == current_revision(database_url):
        return False
    upgrade(database_url)
    return True


def head_revision() -> str | None:
    """The single head of migrations/versions, from the files' text (no imports)."""
    revisions, parents = set(), set()
    for path in VERSIONS.glob("*.py"):
        text = path.read_text()
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if not revision or not down:
            return None
        revisions.add(revision.group(1))
        parent = down.group(1).strip()
        if parent != "None":
            if not re.fullmatch(r"['\"][^'\"]+['\"]", parent):
                return None  # a merge revision: let Alembic read it
            parents.add(parent[1:-1])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(database_url: str) -> str | None:
    """The database's alembic_version, or None when it has none (or cannot be read)."""
    parts = urlsplit(database_url)
    scheme = parts.scheme.split("+")[0]
    query = "SELECT version_num FROM alembic_version"
    try:
        if scheme == "sqlite":
            path = Path(unquote(parts.path[1:])) if parts.path.startswith("/") else None
            if path is None or not path.is_file():
                return None
            import sqlite3

            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                rows = conn.execute(query).fetchall()
        elif scheme in ("postgresql", "postgres"):
            import psycopg

            with psycopg.connect(parts._replace(scheme="postgresql").geturl(),
                                 connect_timeout=5) as pg:
                rows = pg.execute(query).fetchall()
        else:
            return None
    except Exception:  # any doubt means: let Alembic look
        return None
    return str(rows[0][0]) if len(rows) == 1 else None
