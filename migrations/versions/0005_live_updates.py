"""Live updates: change notifications and stream positions

PostgreSQL: every table the GraphQL API reads notifies channel `flowrun_change` with its name
from a statement-level trigger. NOTIFY is delivered at commit, never before (and not at all on
rollback), so every writer (any door, loop or process) tells every API process's listener.

The append-only tables (log, flow_run_state, task_run_state) get a position (xid, seq) for
streaming subscriptions: on PostgreSQL a BEFORE INSERT trigger stores the writing transaction's
id and a sequence number; readers only return rows whose xid is below the oldest transaction
still running (repository/streams.py), so a row can never commit behind a position already
sent. SQLite has one writer at a time, so xid is 0 and seq, given by an AFTER INSERT trigger
from a counter inside the writing transaction, is already in commit order.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01 21:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTIFYING = ("tenant", "project", "flow_group", "flow", "flow_run", "flow_run_state", "log",
             "agent", "deployment", "task", "edge", "task_run", "task_run_state")
STREAMS = ("log", "flow_run_state", "task_run_state")


def upgrade() -> None:
    op.create_table(
        "stream_counter",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_stream_counter")),
    )
    for table in STREAMS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("xid", sa.BigInteger(), nullable=True))
            batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
            batch.create_index(f"ix_{table}__xid_seq", ["xid", "seq"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_up()
    else:
        _sqlite_up()


def _postgresql_up() -> None:
    op.execute("CREATE SEQUENCE flowrun_stream_seq")
    op.execute("""
        CREATE FUNCTION flowrun_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('flowrun_change', TG_TABLE_NAME);
            RETURN NULL;
        END $$""")
    op.execute("""
        CREATE FUNCTION flowrun_stream_position() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.xid := pg_current_xact_id()::text::bigint;
            NEW.seq := nextval('flowrun_stream_seq');
            RETURN NEW;
        END $$""")
    for table in NOTIFYING:
        op.execute(f"CREATE TRIGGER flowrun_notify_change AFTER INSERT OR UPDATE OR DELETE OR "
                   f"TRUNCATE ON {table} FOR EACH STATEMENT "
                   f"EXECUTE FUNCTION flowrun_notify_change()")
    for table in STREAMS:
        op.execute(f"UPDATE {table} SET xid = 0, seq = nextval('flowrun_stream_seq')")
        op.execute(f"CREATE TRIGGER flowrun_stream_position BEFORE INSERT ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION flowrun_stream_position()")


def _sqlite_up() -> None:
    for table in STREAMS:
        op.execute(f"UPDATE {table} SET xid = 0, seq = rowid")
        # An upsert, so a counter row that went missing restarts above the table's rows.
        op.execute(f"""
            CREATE TRIGGER flowrun_stream_position_{table} AFTER INSERT ON {table}
            BEGIN
                INSERT INTO stream_counter (name, value)
                VALUES ('{table}', (SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}))
                ON CONFLICT (name) DO UPDATE SET value = value + 1;
                UPDATE {table} SET xid = 0,
                    seq = (SELECT value FROM stream_counter WHERE name = '{table}')
                WHERE rowid = NEW.rowid;
            END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in STREAMS:
            op.execute(f"DROP TRIGGER flowrun_stream_position ON {table}")
        for table in NOTIFYING:
            op.execute(f"DROP TRIGGER flowrun_notify_change ON {table}")
        op.execute("DROP FUNCTION flowrun_stream_position()")
        op.execute("DROP FUNCTION flowrun_notify_change()")
        op.execute("DROP SEQUENCE flowrun_stream_seq")
    else:
        for table in STREAMS:
            op.execute(f"DROP TRIGGER flowrun_stream_position_{table}")
    for table in STREAMS:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}__xid_seq")
            batch.drop_column("seq")
            batch.drop_column("xid")
    op.drop_table("stream_counter")
