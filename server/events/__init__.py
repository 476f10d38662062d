"""Change notifications: which tables changed, told to the live subscriptions of this process
after the change committed. PostgreSQL: LISTEN/NOTIFY (postgres.py), so writes through any
process reach every process; SQLite (one process): an in-process signal after commit
(sqlite.py). Notifications name tables; subscribers re-read from the database."""

from .hub import ALL, Changes, Signal

__all__ = ["ALL", "Changes", "Signal"]
