"""PostgreSQL's change triggers stay quiet for sessions that tell the change themselves

An API process collects the tables its sessions wrote and sends one NOTIFY per burst of
writes after they committed (server/events/postgres.py), because a NOTIFY in the writing
transaction makes its commit hold a cluster-wide lock through the WAL flush, one writer at a
time. Its sessions say so with `flowrun.notify = off`; every other session (psql, `flowrun db`
commands, older servers) is still told by the trigger.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 21:10:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _notify_function("IF current_setting('flowrun.notify', true) IS DISTINCT FROM 'off' THEN "
                     "PERFORM pg_notify('flowrun_change', TG_TABLE_NAME); END IF;")


def downgrade() -> None:
    _notify_function("PERFORM pg_notify('flowrun_change', TG_TABLE_NAME);")  # as 0005 made it


def _notify_function(body: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
        CREATE OR REPLACE FUNCTION flowrun_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            {body}
            RETURN NULL;
        END $$""")
