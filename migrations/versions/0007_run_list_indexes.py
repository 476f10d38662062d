"""Indexes for the Hasura filters at scale: the default run list, labels and parameters

The default run list (`state = ...`, newest first) reads `(state, created)` backwards instead
of sorting every run in that state. On PostgreSQL `_contains` (@>) and `_has_key` (?) on
flow_run.labels and flow_run.parameters use GIN indexes (jsonb_ops) instead of a full scan;
SQLite has no index for JSON containment.

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-01 21:40:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0007'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GIN_COLUMNS = ('labels', 'parameters')


def upgrade() -> None:
    with op.batch_alter_table('flow_run', schema=None) as batch_op:
        batch_op.create_index('ix_flow_run__state_created', ['state', 'created'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        for column in GIN_COLUMNS:
            op.create_index(f'ix_flow_run__{column}', 'flow_run', [column], unique=False,
                            postgresql_using='gin')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for column in GIN_COLUMNS:
            op.drop_index(f'ix_flow_run__{column}', table_name='flow_run')
    with op.batch_alter_table('flow_run', schema=None) as batch_op:
        batch_op.drop_index('ix_flow_run__state_created')
