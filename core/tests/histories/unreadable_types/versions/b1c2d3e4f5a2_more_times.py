"""a second run-time-typed column, then changes to both

Revision ID: b1c2d3e4f5a2
Revises: b1c2d3e4f5a1
Create Date: 2026-12-06 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b1c2d3e4f5a2"
down_revision = "b1c2d3e4f5a1"
branch_labels = None
depends_on = None


class UtcDateTime(sa.TypeDecorator):
    impl = sa.DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(sa.DateTime(timezone=True))
        return dialect.type_descriptor(sa.DateTime())


def upgrade():
    with op.batch_alter_table("event") as batch_op:
        batch_op.add_column(sa.Column("ended_at", UtcDateTime(), nullable=True))
        batch_op.alter_column("name", new_column_name="title", existing_type=sa.String(length=50), existing_nullable=False)
    op.create_index("ix_event_ended_at", "event", ["ended_at"])


def downgrade():
    op.drop_index("ix_event_ended_at", table_name="event")
    with op.batch_alter_table("event") as batch_op:
        batch_op.alter_column("title", new_column_name="name", existing_type=sa.String(length=50), existing_nullable=False)
        batch_op.drop_column("ended_at")
