"""SQLite: a stream row's position without reading the whole table

Migration 0005's trigger gave each new log and state row its `seq` from a counter, upserted
with `VALUES (name, (SELECT COALESCE(MAX(seq), 0) + 1 FROM <table>))`. SQLite evaluates that
VALUES on every insert, even when the counter row exists and the upsert only adds one, and
`MAX(seq)` over the (xid, seq) index is a scan of the whole index: 0.67 ms per state row at
21,000 rows, growing with the table (so each create and each log line got slower than the
one before, and at a million log lines a log insert read them all). Every SQLite row has
xid 0, so `MAX(seq) ... WHERE xid = 0` is the same number, read by one seek of that index.
PostgreSQL takes positions from a sequence and is unchanged.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 08:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STREAMS = ('log', 'flow_run_state', 'task_run_state')
SEEK = "COALESCE((SELECT MAX(seq) FROM {table} WHERE xid = 0), 0) + 1"
SCAN = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM {table})"  # 0005's, for the downgrade


def _trigger(table: str, first_value: str) -> str:
    return f"""
        CREATE TRIGGER flowrun_stream_position_{table} AFTER INSERT ON {table}
        BEGIN
            INSERT INTO stream_counter (name, value)
            VALUES ('{table}', {first_value.format(table=table)})
            ON CONFLICT (name) DO UPDATE SET value = value + 1;
            UPDATE {table} SET xid = 0,
                seq = (SELECT value FROM stream_counter WHERE name = '{table}')
            WHERE rowid = NEW.rowid;
        END"""


def _replace(first_value: str) -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table in STREAMS:
        op.execute(f"DROP TRIGGER flowrun_stream_position_{table}")
        op.execute(_trigger(table, first_value))


def upgrade() -> None:
    _replace(SEEK)


def downgrade() -> None:
    _replace(SCAN)
