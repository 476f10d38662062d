"""Whether anything listens for the SQL a connection sends.

Two hot paths send statements past SQLAlchemy's execution: the driver statements
(repository/driver.py) and SQLite's BEGIN (database/sqlite_inline.py). Where a cursor-level
listener is installed (tracing, the tests that read back the SQL or count BEGINs) both take
SQLAlchemy's path instead, so the listener sees every statement; this is the one test for it."""

from __future__ import annotations

import sqlalchemy as sa


def statements_listened(conn: sa.Connection) -> bool:
    """Whether something listens for the statements `conn` sends (`before_cursor_execute` or
    `after_cursor_execute`): they see statements only on SQLAlchemy's path."""
    return bool(conn.dispatch.before_cursor_execute or conn.dispatch.after_cursor_execute)
