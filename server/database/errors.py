"""The one boundary where database errors become domain errors.

    PoolTimeout, busy/locked/lost connection      ServiceUnavailable (503, retryable)
    a value the database refuses (SQLSTATE 22)    InvalidInput
    a reference to a row that is gone (23503)     NotFound
    a duplicate (23505)                           Conflict (or the caller's own, see below)
    any other integrity error                     InvalidInput

`Database.transaction()` and `Database.read()` wrap every connection in `translated_errors()`;
a repository function that expects a duplicate (repository/common.py:insert_unique) wraps its
statement in `translated_errors(on_duplicate=...)` to name what already exists. Nothing else
in flowrun inspects a SQLAlchemy or driver exception."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from ..domain.errors import Conflict, FlowrunError, InvalidInput, NotFound, ServiceUnavailable


@contextmanager
def translated_errors(on_duplicate: FlowrunError | None = None) -> Iterator[None]:
    """Raise database errors escaping the block as domain errors; a unique violation becomes
    `on_duplicate` when given (without the driver's text as its cause)."""
    try:
        yield
    except PoolTimeout as exc:
        raise ServiceUnavailable("The database is busy; retry the request") from exc
    except DBAPIError as exc:
        error = domain_error(exc)
        if error is None:
            raise
        if on_duplicate is not None and isinstance(error, Conflict):
            raise on_duplicate from None
        raise error from exc


def domain_error(exc: DBAPIError) -> FlowrunError | None:
    """The domain error a database error means, or None for one that is a bug of ours."""
    if is_transient(exc):
        return ServiceUnavailable("The database is busy or unreachable; retry the request")
    if isinstance(exc, DataError) or _sqlstate(exc).startswith("22"):
        return InvalidInput(f"The database refused a value: {_reason(exc)}")
    if isinstance(exc, IntegrityError):
        return _integrity_error(exc)
    return None


def _integrity_error(exc: IntegrityError) -> FlowrunError:
    reason = _reason(exc)
    if _sqlstate(exc) == "23503" or "FOREIGN KEY" in reason:
        return NotFound(f"A row this request refers to does not exist (any more): {reason}")
    if _sqlstate(exc) == "23505" or "UNIQUE" in reason:
        return Conflict(f"That already exists: {reason}")
    return InvalidInput(f"The database refused the change: {reason}")


def is_transient(exc: DBAPIError) -> bool:
    """Busy, locked, serialization failure, lost or refused connection: worth a retry."""
    if exc.connection_invalidated:
        return True
    sqlstate = _sqlstate(exc)
    if sqlstate:
        return sqlstate.startswith(("08", "40", "53", "57P"))
    if not isinstance(exc, OperationalError):
        return False
    sqlite3 = sys.modules.get("sqlite3")  # not imported where only PostgreSQL is served
    if sqlite3 is not None and isinstance(exc.orig, sqlite3.Error):
        # no SQLSTATE: only locked or busy is transient
        message = str(exc.orig).lower()
        return "locked" in message or "busy" in message
    # psycopg's errors without a SQLSTATE are the connection failing (refused while the
    # server restarts, "the database system is shutting down" / "starting up", reset).
    return True


def _sqlstate(exc: DBAPIError) -> str:
    return getattr(exc.orig, "sqlstate", None) or ""


def _reason(exc: DBAPIError) -> str:
    diag = getattr(exc.orig, "diag", None)
    return getattr(diag, "message_primary", None) or str(exc.orig).splitlines()[0]
