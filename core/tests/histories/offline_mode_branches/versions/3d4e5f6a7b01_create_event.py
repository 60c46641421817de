"""create event

Revision ID: 3d4e5f6a7b01
Revises:
Create Date: 2026-02-01 10:00:00.000000

"""
from alembic import context, op
import sqlalchemy as sa

revision = "3d4e5f6a7b01"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    if context.is_offline_mode():
        op.execute("-- offline: the backfill below is skipped")
    else:
        op.execute("INSERT INTO event (id, kind) VALUES (1, 'boot')")
        op.create_index("ix_event_kind", "event", ["kind"])
    bind = op.get_bind()
    if bind.engine.name == "sqlite":
        op.create_index("ix_event_kind_id", "event", ["kind", "id"])
    else:
        op.create_index("ix_event_id_kind", "event", ["id", "kind"])
    migration_context = op.get_context()
    if not migration_context.as_sql:
        op.create_index("ix_event_online", "event", ["kind", "id"], unique=True)


def downgrade():
    ctx = op.get_context()
    if not ctx.as_sql:
        op.drop_index("ix_event_online", table_name="event")
    bind = op.get_bind()
    if bind.engine.name == "sqlite":
        op.drop_index("ix_event_kind_id", table_name="event")
    else:
        op.drop_index("ix_event_id_kind", table_name="event")
    if not op.get_context().as_sql:
        op.drop_index("ix_event_kind", table_name="event")
    op.drop_table("event")
